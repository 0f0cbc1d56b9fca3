package org.emgmm.grading;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * "Your own work only": what exercise code may use, checked on the compiled syntax tree of the whole
 * submission before any of it runs, so that a call into the library cannot stand in for an exercise,
 * and so that exercise code can do nothing but compute. The grader grades an exercise whose code breaks
 * a rule as not started (with the use, its file and its line in the report), and {@code OwnWorkTest}
 * shows students the same check, with the same lists and the same verdict, in their own {@code mvn test}.
 *
 * <p><b>Own work, by list.</b> Each exercise names the few library members it may use: the types that
 * carry its data and parameters, and what reads or builds them, never an algorithm ({@link AllowLists};
 * the students' guide, {@code exercises/README.md}, shows the same lists). Whatever else of
 * {@code org.emgmm} an exercise uses is refused ({@link Rule#OWN_WORK}): the library's other EM
 * implementations, its loop, its densities, its log-sum-exp, its Cholesky factor, its k-means++, its
 * criteria, its predictions, and whatever it gains later.
 *
 * <p><b>Computing only.</b> Besides, exercise code may use only what computes: {@code java.lang}'s
 * numbers and text, {@code java.util} (with {@code function}, {@code stream} and {@code random}),
 * {@code java.math}, and printing ({@link ComputingOnly}). Files, processes, threads (the common pool's
 * too), {@code System.exit}, system properties, the default locale and time zone, reflection, method
 * handles, class loaders, native code, closing {@code System.out}, {@code finalize()}, the library's
 * file readers and writers and every other library on the class path (the tests' own harness among
 * them) are refused ({@link Rule#COMPUTING_ONLY}). That is what keeps a submission from forging its
 * grade from inside the grading JVM: code that cannot name a file, a thread or a field of another class
 * cannot write a report or switch a guard off.
 *
 * <p><b>The whole submission.</b> The rules follow the code, not the file names: an exercise is held to
 * its list in its own file and in every file its code reaches, helper classes and other exercises'
 * files alike ({@link SubmissionGraph}). A helper that two exercises call is held to both lists.
 */
public final class OwnWork {

    /** The package of the exercises. */
    static final String EXERCISES = "org.emgmm.exercises";

    /**
     * The library's packages that compute: a use of them not on the exercise's list does the
     * exercise's own job ({@link Rule#OWN_WORK}). The library's other packages ({@code io}, {@code cli},
     * {@code plot}, {@code bench}) read and write files.
     */
    private static final Set<String> LIBRARY_PACKAGES = Set.of("org.emgmm", "org.emgmm.model", "org.emgmm.em",
            "org.emgmm.linalg", "org.emgmm.data", "org.emgmm.selection", "org.emgmm.loops", "org.emgmm.vectorised",
            "org.emgmm.univariate", "org.emgmm.explicitpdf", "org.emgmm.compare");

    /** Classes of those packages that read or write files: beyond computing, whatever the exercise. */
    private static final Set<String> LIBRARY_FILES = Set.of("org.emgmm.data.CsvReader", "org.emgmm.data.CsvWriter",
            "org.emgmm.data.CsvRecords", "org.emgmm.data.Datasets");

    /** Why a use is refused: the second half of a violation's message. */
    public enum Rule {
        /** The library would do the exercise's own job. */
        OWN_WORK("which this exercise may not use: write this part yourself (the exercises' README lists what"
                + " each exercise may use from the library)"),
        /** Outside what exercise code may touch at all. */
        COMPUTING_ONLY("which exercise code may not use: exercises compute with java.lang's numbers and text,"
                + " java.util, java.math and the library members their README lists, and nothing else");

        private final String text;

        Rule(String text) {
            this.text = text;
        }
    }

    /**
     * One use of something an exercise may not use.
     *
     * @param file     the file of the use, e.g. {@code Ex4EStep.java} or a helper's {@code Helper.java}
     * @param line     its line
     * @param used     what it uses, e.g. {@code org.emgmm.loops.LoopsEm#eStep}
     * @param rule     the rule it breaks
     * @param exercise the exercise file whose rules it breaks, which reaches {@code file} (or is it), e.g.
     *                 {@code Ex4EStep.java}; null when no exercise reaches {@code file}, which is then held
     *                 to what every exercise may use
     */
    public record Violation(String file, long line, String used, Rule rule, String exercise) {

        /**
         * The use, why it is refused, and whose rules it breaks when that is not its own file's:
         * "Helper.java line 5 uses org.emgmm.model.LogSumExp.of, which this exercise may not use: …;
         * Helper.java is held to the rules of Ex2LogSumExp.java, whose code calls it".
         *
         * @return the message, in one line
         */
        public String message() {
            String whose = exercise == null ? "; no exercise calls " + file + ", so it is held to what every"
                    + " exercise may use" : exercise.equals(file) ? "" : "; " + file + " is held to the rules of "
                    + exercise + ", whose code calls it";
            return String.format(Locale.ROOT, "%s line %d uses %s, %s%s", file, line, used.replace('#', '.'),
                    rule.text, whose);
        }

        /** {@return the file that pays for this use: the exercise whose rules it breaks, or its own file} */
        public String payer() {
            return exercise != null ? exercise : file;
        }
    }

    private OwnWork() {
    }

    /**
     * The rule a use of {@code ownerClass} (or its {@code member}) breaks in the code of {@code file}, or
     * null when it may be used there.
     *
     * @param file       an exercise file, whose list applies; any other name gets what every exercise may use
     * @param ownerClass the class used, qualified
     * @param member     its member ({@code new} for a constructor), or null for the class itself
     * @return the rule broken, or null
     */
    static Rule broken(String file, String ownerClass, String member) {
        int dot = ownerClass.lastIndexOf('.');
        return broken(file, dot < 0 ? "" : ownerClass.substring(0, dot), ownerClass, member);
    }

    /**
     * As {@link #broken(String, String, String)}, with the owner's package given (not the outer class of a
     * nested one).
     *
     * @param file       an exercise file, whose list applies; any other name gets what every exercise may use
     * @param pack       the owner's package
     * @param ownerClass the class used, qualified
     * @param member     its member ({@code new} for a constructor), or null for the class itself
     * @return the rule broken, or null
     */
    static Rule broken(String file, String pack, String ownerClass, String member) {
        if (pack.isEmpty() || pack.equals(EXERCISES)) {
            return null;                 // the arrays' own class (length, clone), or the exercises' package
        }
        if (LIBRARY_PACKAGES.contains(pack) && LIBRARY_FILES.stream().noneMatch(files -> ownerClass.equals(files)
                || ownerClass.startsWith(files + "."))) {
            return AllowLists.allows(AllowLists.of(file), ownerClass, member) ? null : Rule.OWN_WORK;
        }
        return ComputingOnly.allows(pack, ownerClass, member) ? null : Rule.COMPUTING_ONLY;
    }

    /**
     * The violations in a whole submission: the compilation units of {@code task}, which must have been
     * analysed (after {@link JavacTask#analyze()}).
     *
     * @param task  the compilation
     * @param units its files: every file of the submission
     * @return the violations, as {@link SubmissionGraph#violations()} gives them
     */
    public static List<Violation> check(JavacTask task, Iterable<? extends CompilationUnitTree> units) {
        SubmissionGraph graph = new SubmissionGraph();
        for (CompilationUnitTree unit : units) {
            graph.addUnit(task, unit);
        }
        return graph.violations();
    }

    /**
     * The verdict: for each file that pays for a violation (an exercise file, graded as not started, or a
     * file no exercise reaches, left out), its first violation.
     *
     * @param found violations, from {@link #check} or {@link SubmissionGraph#violations()}
     * @return paying file name → its first violation, in the order of {@code found}
     */
    public static Map<String, Violation> firstByPayer(List<Violation> found) {
        Map<String, Violation> first = new LinkedHashMap<>();
        for (Violation violation : found) {
            first.putIfAbsent(violation.payer(), violation);
        }
        return first;
    }

    /**
     * Checks the exercise files in {@code folder} (its {@code .java} files) as one submission, compiled in
     * memory against {@code classpath}; nothing is written.
     *
     * @param folder    the folder of the exercise files
     * @param classpath the library and what else they compile against
     * @return the violations, as {@link #check} gives them
     * @throws IOException if the folder cannot be read
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
