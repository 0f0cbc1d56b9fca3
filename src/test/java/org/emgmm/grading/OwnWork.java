package org.emgmm.grading;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * "Your own work only": what exercise code may use, checked on the compiled syntax tree, so that a
 * one-line call into the library cannot stand in for an exercise, and so that exercise code can do
 * nothing but compute. The grader leaves a file that breaks a rule out (graded as not started, with the
 * use and its line in the report), and {@code OwnWorkTest} shows students the same check in their own
 * {@code mvn test}.
 *
 * <p><b>Computing only.</b> Exercise code may use, besides its own package and the library:
 * <ul>
 *   <li>from {@code java.lang}: numbers and text ({@code Math}, {@code StrictMath}, {@code String},
 *       {@code StringBuilder}, the boxes), {@code Object}, {@code Iterable}, {@code Comparable},
 *       {@code Record}, {@code Enum}, the everyday exceptions and annotations; {@code System} only for
 *       {@code out}, {@code err}, {@code arraycopy}, {@code nanoTime} and {@code currentTimeMillis}, and
 *       a {@code PrintStream} only to print;</li>
 *   <li>{@code java.util} (with {@code function}, {@code stream} and {@code random}) except what loads
 *       classes, starts threads or touches files ({@code ServiceLoader}, {@code ResourceBundle},
 *       {@code Timer}, {@code Formatter}, {@code Scanner}, {@code Properties}, {@code concurrent},
 *       {@code logging}, {@code prefs}, {@code jar}, {@code zip}, {@code spi});</li>
 *   <li>{@code java.math}.</li>
 * </ul>
 * Everything else is refused: files, processes, threads, {@code System.exit}, properties and the
 * environment, reflection and method handles, class loaders, native code, and every other library on
 * the class path (the tests' own harness among them). That is what keeps a submission from forging
 * its grade from inside the grading JVM: code that cannot name a file, a thread or a field of another
 * class cannot write a report or switch a guard off.
 *
 * <p><b>The library.</b> Exercise code may use {@code org.emgmm.model}, {@code em}, {@code linalg}
 * and {@code data} (but not the CSV reader and writer), and the criteria of {@code selection}
 * ({@code ModelSelection}, not the search), except:
 * <ul>
 *   <li>{@code EmLoop.run}, the library's whole EM loop, anywhere;</li>
 *   <li>in the exercise that teaches it: {@code LogSumExp} in exercises 2 and 4 (whose rows it
 *       normalises); {@code Cholesky} and the
 *       mixture's own densities in exercise 3; {@code Responsibilities.componentTotals} in exercise 5;
 *       {@code EmAlgorithm.fit} (which runs the library's loop) in exercises 6 and 7, and the mixture's
 *       densities in exercise 7; the library's k-means++ ({@code KMeansPlusPlus}, {@code Lloyd},
 *       {@code InitMethod}, {@code Initialisation.kMeansPlusPlus} and {@code kMeans}) in exercise 8;
 *       the library's BIC ({@code ModelSelection}) in exercise 9.</li>
 * </ul>
 * Every other package of the library ({@code loops}, {@code vectorised}, {@code univariate},
 * {@code explicitpdf}, {@code compare}, {@code bench}, {@code cli}, {@code plot}, {@code io}, …) is
 * refused. Exercise 4 may use {@code GaussianMixture.logComponentDensity}, {@code Responsibilities.wrap}
 * and {@code EStep}, as its text says, so that a slip in exercise 3 does not cost it points.
 */
public final class OwnWork {

    /** The package of the exercises. */
    static final String EXERCISES = "org.emgmm.exercises";

    /** The library packages exercise code may use. */
    private static final Set<String> LIBRARY_PACKAGES = Set.of("org.emgmm.model", "org.emgmm.em",
            "org.emgmm.linalg", "org.emgmm.data");

    /** Library classes outside those packages that exercise code may use: the criteria's formulas. */
    private static final Set<String> LIBRARY_CLASSES = Set.of("org.emgmm.selection.ModelSelection");

    /** Library classes in those packages that read or write files. */
    private static final Set<String> LIBRARY_REFUSED = Set.of("org.emgmm.data.CsvReader",
            "org.emgmm.data.CsvWriter", "org.emgmm.data.CsvRecords");

    /** The JDK packages exercise code may use, whole but for {@link #JDK_REFUSED}. */
    private static final Set<String> JDK_PACKAGES = Set.of("java.util", "java.util.function", "java.util.stream",
            "java.util.random", "java.math");

    /** Classes of those packages that load classes, start threads or reach files. */
    private static final Set<String> JDK_REFUSED = Set.of("java.util.ServiceLoader", "java.util.ResourceBundle",
            "java.util.ListResourceBundle", "java.util.PropertyResourceBundle", "java.util.Timer",
            "java.util.TimerTask", "java.util.Formatter", "java.util.Scanner", "java.util.Properties");

    /** The java.lang classes exercise code may use whole. */
    private static final Set<String> JAVA_LANG = Set.of("Object", "Math", "StrictMath", "String", "StringBuilder",
            "CharSequence", "Number", "Integer", "Long", "Double", "Float", "Short", "Byte", "Character", "Boolean",
            "Void", "Comparable", "Iterable", "Record", "Enum", "Cloneable", "AutoCloseable", "Runnable",
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

    /** Members refused everywhere in classes otherwise allowed. */
    private static final Set<String> REFUSED_MEMBERS = Set.of("org.emgmm.em.EmLoop#run");

    /** File name prefix → what that exercise may not use besides the above. */
    private static final Map<String, List<String>> FORBIDDEN_IN = Map.of(
            "Ex2", List.of("org.emgmm.model.LogSumExp"),
            "Ex4", List.of("org.emgmm.model.LogSumExp"),
            "Ex3", List.of("org.emgmm.linalg.Cholesky", "org.emgmm.model.GaussianMixture#logComponentDensity",
                    "org.emgmm.model.GaussianMixture#logDensity", "org.emgmm.model.GaussianMixture#cholesky"),
            "Ex5", List.of("org.emgmm.em.Responsibilities#componentTotals"),
            "Ex6", List.of("org.emgmm.em.EmAlgorithm#fit"),
            "Ex9", List.of("org.emgmm.selection.ModelSelection"),
            "Ex7", List.of("org.emgmm.em.EmAlgorithm#fit", "org.emgmm.model.GaussianMixture#logComponentDensity",
                    "org.emgmm.model.GaussianMixture#logDensity"),
            "Ex8", List.of("org.emgmm.em.KMeansPlusPlus", "org.emgmm.em.Lloyd", "org.emgmm.em.InitMethod",
                    "org.emgmm.em.Initialisation#kMeansPlusPlus", "org.emgmm.em.Initialisation#kMeans"));

    /** Why a use is refused: the second half of a violation's message. */
    public enum Rule {
        /** The library would do the exercise's own job. */
        OWN_WORK("which this exercise may not use: write this part yourself (see the exercise's comment for"
                + " what the library may do for you)"),
        /** Outside what exercise code may touch at all. */
        COMPUTING_ONLY("which exercise code may not use: exercises compute with java.lang's numbers and text,"
                + " java.util, java.math and the library classes their comments name, and nothing else");

        private final String text;

        Rule(String text) {
            this.text = text;
        }
    }

    /**
     * One use of something an exercise may not use.
     *
     * @param file the exercise file, e.g. {@code Ex4EStep.java}
     * @param line its line
     * @param used what it uses, e.g. {@code org.emgmm.loops.LoopsEm#eStep}
     * @param rule the rule it breaks
     */
    public record Violation(String file, long line, String used, Rule rule) {

        /** "Ex4EStep.java line 57 uses org.emgmm.loops.LoopsEm.eStep, which this exercise may not use: ...". */
        public String message() {
            return String.format(Locale.ROOT, "%s line %d uses %s, %s", file, line, used.replace('#', '.'),
                    rule.text);
        }
    }

    private OwnWork() {
    }

    /** The rule a use of {@code ownerClass} (or its {@code member}) breaks in {@code file}, or null when it may. */
    static Rule broken(String file, String ownerClass, String member) {
        int dot = ownerClass.lastIndexOf('.');
        return broken(file, dot < 0 ? "" : ownerClass.substring(0, dot), ownerClass, member);
    }

    /**
     * The rule a use of {@code ownerClass} (or its {@code member}) breaks in {@code file}, or null when it
     * may be used there.
     *
     * @param pack the owner's package (not the outer class of a nested one)
     */
    static Rule broken(String file, String pack, String ownerClass, String member) {
        String qualified = member == null ? ownerClass : ownerClass + "#" + member;
        if (pack.isEmpty()) {
            return null;                 // the arrays' own class (length, clone)
        }
        if (pack.equals(EXERCISES)) {
            return null;
        }
        if (pack.equals("org.emgmm.loops") || pack.equals("org.emgmm.vectorised") || pack.equals("org.emgmm.univariate")
                || pack.equals("org.emgmm.explicitpdf") || ownerClass.equals("org.emgmm.Implementations")
                || REFUSED_MEMBERS.contains(qualified)) {
            return Rule.OWN_WORK;        // another implementation of EM, or the library's loop
        }
        if (LIBRARY_PACKAGES.contains(pack) && !LIBRARY_REFUSED.contains(ownerClass)
                || LIBRARY_CLASSES.contains(ownerClass)) {
            for (Map.Entry<String, List<String>> rules : FORBIDDEN_IN.entrySet()) {
                String prefix = rules.getKey();
                boolean thisExercise = file.startsWith(prefix) && file.length() > prefix.length()
                        && Character.isUpperCase(file.charAt(prefix.length()));
                if (thisExercise && (rules.getValue().contains(ownerClass) || rules.getValue().contains(qualified))) {
                    return Rule.OWN_WORK;
                }
            }
            return null;
        }
        boolean allowed = (pack.equals("java.lang") && JAVA_LANG.contains(ownerClass.substring(pack.length() + 1)))
                || (JDK_PACKAGES.contains(pack) && !JDK_REFUSED.contains(ownerClass))
                || (ONLY_MEMBERS.containsKey(ownerClass) && (member == null
                        || ONLY_MEMBERS.get(ownerClass).contains(member)));
        return allowed ? null : Rule.COMPUTING_ONLY;
    }

    /**
     * The violations in the compilation units of {@code task}, which must have been analysed (after
     * {@link JavacTask#analyze()}).
     */
    public static List<Violation> check(JavacTask task, Iterable<? extends CompilationUnitTree> units) {
        List<Violation> found = new ArrayList<>();
        for (CompilationUnitTree unit : units) {
            scanner(task, unit, found).scan(unit, null);
        }
        return found;
    }

    /**
     * The violations in one top-level class, from a task listener's ANALYZE event for it. Each class is
     * checked when javac has just analysed it: a compilation unit's other classes may not be analysed
     * yet at that moment, and the ones before it may already have been rewritten for code generation.
     */
    public static List<Violation> checkClass(JavacTask task, TypeElement type) {
        List<Violation> found = new ArrayList<>();
        com.sun.source.util.TreePath path = Trees.instance(task).getPath(type);
        if (path != null) {
            scanner(task, path.getCompilationUnit(), found).scan(path, null);
        }
        return found;
    }

    /** A scanner that adds to {@code found} every use in {@code unit}'s trees that breaks a rule. */
    private static TreePathScanner<Void, Void> scanner(JavacTask task, CompilationUnitTree unit, List<Violation> found) {
        Trees trees = Trees.instance(task);
        String file = Path.of(unit.getSourceFile().toUri()).getFileName().toString();
        return new TreePathScanner<Void, Void>() {
            @Override
            public Void visitImport(ImportTree tree, Void unused) {
                return null;     // an import alone uses nothing
            }

            @Override
            public Void visitIdentifier(IdentifierTree tree, Void unused) {
                note(tree);
                return super.visitIdentifier(tree, unused);
            }

            @Override
            public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
                note(tree);
                return super.visitMemberSelect(tree, unused);
            }

            @Override
            public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
                note(tree);
                return super.visitMemberReference(tree, unused);
            }

            private void note(Tree tree) {
                Element element = trees.getElement(getCurrentPath());
                if (element == null || element.getKind() == ElementKind.PACKAGE) {
                    return;
                }
                TypeElement owner = element instanceof TypeElement type ? type : enclosingType(element);
                if (owner == null) {
                    return;
                }
                String ownerName = owner.getQualifiedName().toString();
                String member = element instanceof TypeElement ? null : element.getSimpleName().toString();
                String pack = task.getElements().getPackageOf(owner).getQualifiedName().toString();
                Rule rule = broken(file, pack, ownerName, member);
                if (rule != null) {
                    long position = trees.getSourcePositions().getStartPosition(unit, tree);
                    String used = member == null ? ownerName : ownerName + "#" + member;
                    Violation violation = new Violation(file, unit.getLineMap().getLineNumber(position), used, rule);
                    if (!found.contains(violation)) {
                        found.add(violation);
                    }
                }
            }
        };
    }

    private static TypeElement enclosingType(Element element) {
        Element enclosing = element.getEnclosingElement();
        while (enclosing != null && !(enclosing instanceof TypeElement)) {
            if (enclosing instanceof PackageElement) {
                return null;
            }
            enclosing = enclosing.getEnclosingElement();
        }
        return (TypeElement) enclosing;
    }

    /**
     * Checks the exercise files in {@code folder} (its {@code .java} files), compiled in memory against
     * {@code classpath}; nothing is written.
     */
    public static List<Violation> checkFolder(Path folder, String classpath) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("this Java has no compiler: run with a JDK");
        }
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
                Stream<Path> list = Files.list(folder)) {
            List<Path> sources = list.filter(file -> file.toString().endsWith(".java")).sorted().toList();
            JavacTask task = (JavacTask) compiler.getTask(null, files, diagnostic -> { }, List.of("-classpath",
                    classpath, "-proc:none", "--release", "17", "-implicit:none"), null,
                    files.getJavaFileObjectsFromPaths(sources));
            Iterable<? extends CompilationUnitTree> units = task.parse();
            task.analyze();
            return check(task, units);
        }
    }
}
