package org.emgmm.grading;

import java.util.Map;
import java.util.Set;

/**
 * "Computing only": what any exercise code may use from the JDK, whatever the exercise. Exercise code
 * computes with numbers, text and collections, prints for debugging, and does nothing else: no files,
 * threads, processes, properties, reflection or class loading, and nothing that changes the grading
 * JVM for the code that runs after it. What it may use from the library is each exercise's own list
 * ({@link AllowLists}); {@link OwnWork} puts the two together.
 *
 * <p>Allowed:
 * <ul>
 *   <li>from {@code java.lang}: {@link #JAVA_LANG} whole, but for {@link #REFUSED_MEMBERS};
 *       {@code System} only for {@code out}, {@code err}, {@code arraycopy}, {@code nanoTime},
 *       {@code currentTimeMillis} and {@code lineSeparator}, and a {@code PrintStream} only to print
 *       ({@link #ONLY_MEMBERS});</li>
 *   <li>{@code java.util}, {@code java.util.function}, {@code java.util.stream},
 *       {@code java.util.random} and {@code java.math}, but for the classes of {@link #JDK_REFUSED}
 *       and the members of {@link #REFUSED_MEMBERS}.</li>
 * </ul>
 * Refused within those, because each reaches past computing:
 * <ul>
 *   <li>reading system properties: {@code Integer.getInteger}, {@code Long.getLong},
 *       {@code Boolean.getBoolean};</li>
 *   <li>changing the JVM for every later test: {@code Locale.setDefault}, {@code TimeZone.setDefault}
 *       (later output would use another language's digits or another time);</li>
 *   <li>threads of the common pool: {@code parallel()}, {@code parallelStream()}, the
 *       {@code Arrays.parallel…} methods and {@code StreamSupport} (whose streams can be parallel);</li>
 *   <li>closing what is not one's own: {@code AutoCloseable} (through which {@code System.out} could
 *       be closed), and {@code close()} but on a stream;</li>
 *   <li>code that runs when the garbage collector chooses: {@code finalize()};</li>
 *   <li>classes that load classes, start threads or reach files ({@code ServiceLoader},
 *       {@code ResourceBundle}, {@code Timer}, {@code Formatter}, {@code Scanner}, {@code Properties}),
 *       and the packages {@code java.util.concurrent}, {@code logging}, {@code prefs}, {@code jar},
 *       {@code zip} and {@code spi}, which are simply not on the list.</li>
 * </ul>
 */
final class ComputingOnly {

    /** The JDK packages exercise code may use, whole but for {@link #JDK_REFUSED} and {@link #REFUSED_MEMBERS}. */
    private static final Set<String> JDK_PACKAGES = Set.of("java.util", "java.util.function", "java.util.stream",
            "java.util.random", "java.math");

    /** Classes of those packages that load classes, start threads or reach files. */
    private static final Set<String> JDK_REFUSED = Set.of("java.util.ServiceLoader", "java.util.ResourceBundle",
            "java.util.ListResourceBundle", "java.util.PropertyResourceBundle", "java.util.Timer",
            "java.util.TimerTask", "java.util.Formatter", "java.util.Scanner", "java.util.Properties",
            "java.util.stream.StreamSupport");

    /**
     * The java.lang classes exercise code may use, whole but for {@link #REFUSED_MEMBERS}. Not
     * {@code AutoCloseable}: a variable of that type can hold {@code System.out} and close it.
     */
    private static final Set<String> JAVA_LANG = Set.of("Object", "Math", "StrictMath", "String", "StringBuilder",
            "CharSequence", "Number", "Integer", "Long", "Double", "Float", "Short", "Byte", "Character", "Boolean",
            "Void", "Comparable", "Iterable", "Record", "Enum", "Cloneable", "Runnable",
            "Override", "SuppressWarnings", "FunctionalInterface", "SafeVarargs", "Deprecated",
            "Throwable", "Exception", "RuntimeException", "Error", "AssertionError", "ArithmeticException",
            "IllegalArgumentException", "IllegalStateException", "IndexOutOfBoundsException",
            "ArrayIndexOutOfBoundsException", "NullPointerException", "UnsupportedOperationException",
            "NumberFormatException", "ClassCastException", "NegativeArraySizeException",
            "CloneNotSupportedException");

    /** Classes exercise code may name, but use only in part: class → the members it may use. */
    private static final Map<String, Set<String>> ONLY_MEMBERS = Map.of(
            "java.lang.System", Set.of("out", "err", "arraycopy", "nanoTime", "currentTimeMillis", "lineSeparator"),
            "java.io.PrintStream", Set.of("print", "println", "printf", "format", "flush"));

    /** Members refused in classes otherwise allowed: class → members. */
    private static final Map<String, Set<String>> REFUSED_MEMBERS = Map.of(
            "java.lang.Integer", Set.of("getInteger"),
            "java.lang.Long", Set.of("getLong"),
            "java.lang.Boolean", Set.of("getBoolean"),
            "java.lang.Object", Set.of("finalize"),
            "java.util.Locale", Set.of("setDefault"),
            "java.util.TimeZone", Set.of("setDefault"));

    /** Member names refused in every JDK class: they hand work to the common pool's threads. */
    private static final Set<String> PARALLEL = Set.of("parallel", "parallelStream", "parallelSort",
            "parallelPrefix", "parallelSetAll");

    /** The one package whose {@code close()} exercise code may call: a stream closes only itself. */
    private static final String STREAMS = "java.util.stream";

    private ComputingOnly() {
    }

    /**
     * Whether exercise code may use a JDK class, or one of its members.
     *
     * @param pack       the owner's package
     * @param ownerClass the owner, qualified (a nested class as {@code java.util.Map.Entry})
     * @param member     the member's name ({@code new} for a constructor), or null for the class itself
     * @return true if it may
     */
    static boolean allows(String pack, String ownerClass, String member) {
        if (member != null && (PARALLEL.contains(member)
                || REFUSED_MEMBERS.getOrDefault(ownerClass, Set.of()).contains(member)
                || member.equals("close") && !pack.equals(STREAMS))) {
            return false;
        }
        if (ONLY_MEMBERS.containsKey(ownerClass)) {
            return member == null || ONLY_MEMBERS.get(ownerClass).contains(member);
        }
        return pack.equals("java.lang") && JAVA_LANG.contains(ownerClass.substring(pack.length() + 1))
                || JDK_PACKAGES.contains(pack) && !JDK_REFUSED.contains(ownerClass);
    }
}
