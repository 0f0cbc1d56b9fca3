package org.emgmm.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The own-work check over whole submissions, compiled: the rules follow an exercise's code through
 * helper classes and other exercises' files, whatever joins them (a call, a static import, a method
 * reference, a lambda, a field initialiser, inheritance, a nested, local or anonymous class), and each
 * library route and Java-API hole is found in real code with its line.
 */
class OwnWorkGraphTest {

    /** Writes one file of package {@code org.emgmm.exercises}: the package line, then {@code lines}. */
    private static void write(Path folder, String file, String... lines) throws IOException {
        Files.writeString(folder.resolve(file), "package org.emgmm.exercises;\n" + String.join("\n", lines) + "\n",
                StandardCharsets.UTF_8);
    }

    private static List<OwnWork.Violation> check(Path folder) throws IOException {
        return OwnWork.checkFolder(folder, OwnWorkTest.classpath());
    }

    /** Paying file → "file line used" of each of its violations, in order. */
    private static Map<String, List<String>> byPayer(List<OwnWork.Violation> found) {
        Map<String, List<String>> payers = new TreeMap<>();
        for (OwnWork.Violation violation : found) {
            payers.computeIfAbsent(violation.payer(), p -> new java.util.ArrayList<>())
                    .add(violation.file() + " " + violation.line() + " " + violation.used());
        }
        return payers;
    }

    @Test
    void aHelperFileIsHeldToTheListOfTheExerciseThatCallsIt(@TempDir Path folder) throws IOException {
        write(folder, "Ex2LogSumExp.java", "public final class Ex2LogSumExp {",
                "    public static double logSumExp(double[] a) { return Help2.of(a); }", "}");
        write(folder, "Help2.java", "final class Help2 {",
                "    static double of(double[] a) {",
                "        return org.emgmm.model.LogSumExp.of(a);",
                "    }", "}");
        write(folder, "Ex3CholeskyDensity.java", "import static org.emgmm.exercises.Help3.factor;",
                "public final class Ex3CholeskyDensity {",
                "    public static java.util.Optional<double[]> cholesky(double[] a, int d) { return factor(a, d); }",
                "}");
        write(folder, "Help3.java", "import org.emgmm.linalg.Cholesky;", "final class Help3 {",
                "    static java.util.Optional<double[]> factor(double[] a, int d) {",
                "        return Cholesky.decompose(a, d).map(Cholesky::lowerTriangle);",
                "    }", "}");
        write(folder, "Ex4EStep.java", "import org.emgmm.data.DataMatrix;", "import org.emgmm.em.EStep;",
                "import org.emgmm.model.GaussianMixture;", "public final class Ex4EStep {",
                "    public static EStep eStep(DataMatrix data, GaussianMixture model) {",
                "        java.util.function.Supplier<EStep> later = () -> Chain4a.step(data, model);",
                "        return later.get();",
                "    }", "}");
        write(folder, "Chain4a.java", "final class Chain4a {",
                "    static org.emgmm.em.EStep step(org.emgmm.data.DataMatrix data, org.emgmm.model.GaussianMixture m) {",
                "        return Chain4b.Inner.step(data, m);",
                "    }", "}");
        write(folder, "Chain4b.java", "import org.emgmm.em.EStep;", "import org.emgmm.em.Responsibilities;",
                "final class Chain4b {", "    static final class Inner {",
                "        static EStep step(org.emgmm.data.DataMatrix data, org.emgmm.model.GaussianMixture model) {",
                "            double[][] r = org.emgmm.model.Prediction.of(model, data.toFlatArray()).probabilities();",
                "            return new EStep(Responsibilities.wrap(r.length, r[0].length, r[0]), 0.0);",
                "        }", "    }", "}");
        write(folder, "Ex5MStep.java", "import org.emgmm.em.Responsibilities;", "public final class Ex5MStep {",
                "    public static double[] effectiveCounts(Responsibilities r) {",
                "        class Counts { double[] of() { return Help5.counts(r); } }",
                "        return new Counts().of();",
                "    }", "}");
        write(folder, "Help5.java", "final class Help5 {",
                "    static double[] counts(org.emgmm.em.Responsibilities r) {",
                "        return r.componentTotals();",
                "    }", "}");
        write(folder, "Ex6EmLoop.java", "import org.emgmm.data.DataMatrix;", "import org.emgmm.em.EmAlgorithm;",
                "import org.emgmm.em.EmResult;", "import org.emgmm.em.EmSettings;",
                "import org.emgmm.model.GaussianMixture;", "public final class Ex6EmLoop {",
                "    public static EmResult run(EmAlgorithm steps, DataMatrix data, GaussianMixture start, EmSettings s) {",
                "        return new Loop6().loop(steps, data, start, s);",
                "    }", "}");
        write(folder, "Loop6.java", "final class Loop6 extends Base6 {", "}");
        write(folder, "Base6.java", "class Base6 {",
                "    org.emgmm.em.EmResult loop(org.emgmm.em.EmAlgorithm a, org.emgmm.data.DataMatrix d,",
                "            org.emgmm.model.GaussianMixture g, org.emgmm.em.EmSettings s) {",
                "        return org.emgmm.em.EmLoop.run(a, d, g, s);",
                "    }", "}");
        write(folder, "Ex8KMeansPlusPlus.java", "import org.emgmm.data.DataMatrix;",
                "public final class Ex8KMeansPlusPlus {",
                "    public static double[] centres(DataMatrix data, int k, long seed) {",
                "        Help8.Seeder seeder = Help8::centres;",
                "        return seeder.centres(data, k, seed);",
                "    }", "}");
        write(folder, "Help8.java", "import org.emgmm.data.DataMatrix;", "final class Help8 {",
                "    interface Seeder { double[] centres(DataMatrix data, int k, long seed); }",
                "    static double[] centres(DataMatrix data, int k, long seed) {",
                "        return org.emgmm.em.KMeansPlusPlus.centres(data, k, seed);",
                "    }", "}");
        write(folder, "Ex9Bic.java", "import org.emgmm.em.EmResult;", "public final class Ex9Bic {",
                "    private static final java.util.function.ToDoubleFunction<EmResult> BIC = Help9::bic;",
                "    public static double bic(EmResult fit) { return BIC.applyAsDouble(fit); }", "}");
        write(folder, "Help9.java", "import org.emgmm.em.EmResult;", "final class Help9 {",
                "    static double bic(EmResult fit) {",
                "        return new Object() {",
                "            double value() { return org.emgmm.selection.ModelSelection.bic(fit); }",
                "        }.value();",
                "    }", "}");
        List<OwnWork.Violation> found = check(folder);
        Map<String, List<String>> payers = byPayer(found);
        assertEquals(Set.of("Ex2LogSumExp.java", "Ex3CholeskyDensity.java", "Ex4EStep.java", "Ex5MStep.java",
                "Ex6EmLoop.java", "Ex8KMeansPlusPlus.java", "Ex9Bic.java"), payers.keySet(),
                "each exercise pays for its helper, no helper on its own: " + payers);
        Map<String, String> route = Map.of("Ex2LogSumExp.java", "Help2.java 4 org.emgmm.model.LogSumExp#of",
                "Ex3CholeskyDensity.java", "Help3.java 5 org.emgmm.linalg.Cholesky#decompose",
                "Ex4EStep.java", "Chain4b.java 7 org.emgmm.model.Prediction#of",
                "Ex5MStep.java", "Help5.java 4 org.emgmm.em.Responsibilities#componentTotals",
                "Ex6EmLoop.java", "Base6.java 5 org.emgmm.em.EmLoop#run",
                "Ex8KMeansPlusPlus.java", "Help8.java 6 org.emgmm.em.KMeansPlusPlus#centres",
                "Ex9Bic.java", "Help9.java 6 org.emgmm.selection.ModelSelection#bic");
        route.forEach((exercise, use) -> assertTrue(payers.get(exercise).contains(use), exercise + ": "
                + payers.get(exercise)));
        payers.values().forEach(uses -> assertTrue(uses.stream().noneMatch(use -> use.startsWith("Ex")),
                "the exercise files themselves use only what their lists allow: " + uses));
        List<String> verdict = OwnWorkTest.verdict(found);
        assertTrue(verdict.contains("Ex2LogSumExp.java would be graded as not started: Help2.java line 4 uses"
                + " org.emgmm.model.LogSumExp.of, which this exercise may not use: write this part yourself (the"
                + " exercises' README lists what each exercise may use from the library); Help2.java is held to the"
                + " rules of Ex2LogSumExp.java, whose code calls it"), String.join("\n", verdict));
        assertTrue(verdict.contains("Ex2LogSumExp.java may use from the library: nothing (and its exceptions:"
                + " DataException, EmException, InvalidMixtureException, NotPositiveDefiniteException)"),
                String.join("\n", verdict));
    }

    @Test
    void aHelperSharedByTwoExercisesIsHeldToTheStricterList(@TempDir Path folder) throws IOException {
        write(folder, "Shared.java", "final class Shared {",
                "    static double density(org.emgmm.model.GaussianMixture m, int c, double[] x) {",
                "        return m.logComponentDensity(c, x);",
                "    }", "}");
        write(folder, "Build.java", "import org.emgmm.model.GaussianMixture;", "final class Build {",
                "    static GaussianMixture one(double[] mean) {",
                "        return GaussianMixture.ofFlat(1, 1, new double[] {1}, mean, new double[] {1});",
                "    }", "}");
        write(folder, "Ex4EStep.java", "public final class Ex4EStep {",
                "    static double d(org.emgmm.model.GaussianMixture m) { return Shared.density(m, 0, new double[1]); }",
                "}");
        write(folder, "Ex7UnivariateEm.java", "public final class Ex7UnivariateEm {",
                "    static double d(org.emgmm.model.GaussianMixture m) { return Shared.density(m, 0, new double[1]); }",
                "}");
        write(folder, "Ex5MStep.java", "public final class Ex5MStep {",
                "    static Object m() { return Build.one(new double[1]); }", "}");
        write(folder, "Ex8KMeansPlusPlus.java", "public final class Ex8KMeansPlusPlus {",
                "    static Object m() { return Build.one(new double[1]); }", "}");
        List<OwnWork.Violation> found = check(folder);
        assertEquals(Map.of("Ex7UnivariateEm.java", List.of("Shared.java 4 org.emgmm.model.GaussianMixture"
                + "#logComponentDensity"), "Ex8KMeansPlusPlus.java", List.of("Build.java 5 org.emgmm.model."
                + "GaussianMixture#ofFlat")), byPayer(found), "exercises 4 and 5 may, 7 and 8 may not");
        assertTrue(found.get(1).message().startsWith("Shared.java line 4 uses org.emgmm.model.GaussianMixture."
                + "logComponentDensity, which this exercise may not use") && found.get(1).message().endsWith(
                "; Shared.java is held to the rules of Ex7UnivariateEm.java, whose code calls it"), found.get(1)
                .message());
    }

    @Test
    void anotherExercisesFileIsHeldToTheCallersListToo(@TempDir Path folder) throws IOException {
        Path solutions = Paths.get("solutions/org/emgmm/exercises");
        Assumptions.assumeTrue(Files.isDirectory(solutions), "the worked solutions (not in a handout)");
        for (String file : List.of("Ex1NormalPdf.java", "Ex2LogSumExp.java", "Ex4EStep.java")) {
            Files.copy(solutions.resolve(file), folder.resolve(file));
        }
        write(folder, "Ex7UnivariateEm.java", "public final class Ex7UnivariateEm {",
                "    static double reuse(double x) {",
                "        return Ex2LogSumExp.logSumExp(new double[] {Ex1NormalPdf.logPdf(x, 0, 1)});",
                "    }", "}");
        write(folder, "Ex5MStep.java", "public final class Ex5MStep {",
                "    static Object reuse(org.emgmm.data.DataMatrix d, org.emgmm.model.GaussianMixture m) {",
                "        return Ex4EStep.eStep(d, m).responsibilities();",
                "    }", "}");
        Map<String, List<String>> payers = byPayer(check(folder));
        assertEquals(Set.of("Ex5MStep.java"), payers.keySet(), "reusing exercises 1 and 2 is fine in 7: " + payers);
        assertTrue(payers.get("Ex5MStep.java").stream().anyMatch(use -> use.startsWith("Ex4EStep.java ")
                && use.endsWith("GaussianMixture#logComponentDensity")), payers.toString());
    }

    @Test
    void aFileNoExerciseCallsIsHeldToWhatEveryExerciseMayUse(@TempDir Path folder) throws IOException {
        write(folder, "Scratch.java", "final class Scratch {",
                "    static double a(double[] x) { return org.emgmm.model.LogSumExp.of(x); }",
                "    static double b(org.emgmm.model.GaussianMixture m) { return m.components(); }",
                "    static double c(double x) { return Math.exp(x); }", "}");
        write(folder, "Ex1NormalPdf.java", "public final class Ex1NormalPdf {",
                "    public static double pdf(double x, double mean, double variance) { return x; }", "}");
        List<OwnWork.Violation> found = check(folder);
        assertEquals(Map.of("Scratch.java", List.of("Scratch.java 3 org.emgmm.model.LogSumExp#of",
                "Scratch.java 3 org.emgmm.model.LogSumExp", "Scratch.java 4 org.emgmm.model.GaussianMixture",
                "Scratch.java 4 org.emgmm.model.GaussianMixture#components")), byPayer(found));
        assertTrue(found.get(0).message().endsWith("; no exercise calls Scratch.java, so it is held to what every"
                + " exercise may use"), found.get(0).message());
    }

    @Test
    void studentEmIsNamedOnlyForWhatNoExerciseItAssemblesBreaks(@TempDir Path folder) throws IOException {
        Path skeletons = Paths.get("exercises/org/emgmm/exercises");
        for (String file : List.of("StudentEm.java", "Ex5MStep.java", "Ex6EmLoop.java")) {
            Files.copy(skeletons.resolve(file), folder.resolve(file));
        }
        write(folder, "Ex4EStep.java", "import org.emgmm.data.DataMatrix;", "import org.emgmm.em.EStep;",
                "import org.emgmm.model.GaussianMixture;", "public final class Ex4EStep {",
                "    public static EStep eStep(DataMatrix data, GaussianMixture model) {",
                "        return new org.emgmm.loops.LoopsEm().eStep(data, model);",
                "    }", "}");
        assertEquals(Set.of("Ex4EStep.java"), byPayer(check(folder)).keySet(), "exercise 4 pays, not StudentEm");
        String studentEm = Files.readString(skeletons.resolve("StudentEm.java")).replace(
                "return Ex6EmLoop.run(this, data, start, settings);",
                "return org.emgmm.em.EmLoop.run(this, data, start, settings);");
        Files.writeString(folder.resolve("StudentEm.java"), studentEm);
        Files.copy(skeletons.resolve("Ex4EStep.java"), folder.resolve("Ex4EStep.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Map<String, List<String>> payers = byPayer(check(folder));
        assertEquals(Set.of("StudentEm.java"), payers.keySet(), payers.toString());
        assertTrue(payers.get("StudentEm.java").get(0).endsWith("org.emgmm.em.EmLoop#run"), payers.toString());
    }

    @Test
    void eachLibraryRouteIsFoundInCodeWithItsLine(@TempDir Path folder) throws IOException {
        write(folder, "Ex1NormalPdf.java", "public final class Ex1NormalPdf {",
                "    static double a(org.emgmm.model.GaussianMixture m, double x) {",
                "        return m.logComponentDensity(0, new double[] {x});", "    }", "}");
        for (String exercise : List.of("Ex2LogSumExp", "Ex3CholeskyDensity", "Ex4EStep")) {
            write(folder, exercise + ".java", "public final class " + exercise + " {",
                    "    static double[][] a(org.emgmm.model.GaussianMixture m, double[] x) {",
                    "        return org.emgmm.model.Prediction.of(m, x).probabilities();", "    }", "}");
        }
        write(folder, "Ex5MStep.java", "import org.emgmm.data.DataMatrix;", "public final class Ex5MStep {",
                "    static double[] a(DataMatrix d, double[] w) { return d.withSampleWeights(w).columnMeans(); }",
                "    static double[] b(DataMatrix d, double[] w) { return d.withSampleWeights(w).covariance(); }",
                "    static double[] c(DataMatrix d, org.emgmm.em.Responsibilities r) {",
                "        return org.emgmm.em.EmLoop.weightedCounts(d, r);", "    }", "}");
        write(folder, "Ex6EmLoop.java", "import org.emgmm.em.*;", "public final class Ex6EmLoop {",
                "    static EmResult a(EmAlgorithm s, org.emgmm.data.DataMatrix d, org.emgmm.model.GaussianMixture g,",
                "            EmSettings e) {",
                "        return Restarts.best(s, d, java.util.List.of(new Restarts.Start(g, 1L)), e).result();",
                "    }", "}");
        write(folder, "Ex7UnivariateEm.java", "public final class Ex7UnivariateEm {",
                "    static double[] a(org.emgmm.model.GaussianMixture m, double[] x, double[] r) {",
                "        org.emgmm.model.Prediction.of(m, x);",
                "        return org.emgmm.data.DataMatrix.ofRows(new double[][] {x}).withSampleWeights(r).columnMeans();",
                "    }", "}");
        write(folder, "Ex8KMeansPlusPlus.java", "public final class Ex8KMeansPlusPlus {",
                "    static Object a(org.emgmm.data.DataMatrix d) {",
                "        return org.emgmm.em.Initialisation.kMeansPlusPlus(d, 2, 1L, 1e-6);", "    }", "}");
        write(folder, "Ex9Bic.java", "public final class Ex9Bic {",
                "    static double a(org.emgmm.em.EmResult fit) { return org.emgmm.selection.ModelSelection.bic(fit); }",
                "    static Object b() {",
                "        return org.emgmm.data.Datasets.load(\"/tmp/gradebook.csv\", java.util.List.of(), null);",
                "    }", "}");
        Map<String, Set<String>> refused = new LinkedHashMap<>();
        for (OwnWork.Violation violation : check(folder)) {
            refused.computeIfAbsent(violation.payer(), p -> new TreeSet<>()).add(violation.line() + " "
                    + violation.used() + (violation.rule() == OwnWork.Rule.COMPUTING_ONLY ? " (computing only)" : ""));
        }
        Map<String, List<String>> expected = Map.of(
                "Ex1NormalPdf.java", List.of("4 org.emgmm.model.GaussianMixture#logComponentDensity"),
                "Ex2LogSumExp.java", List.of("4 org.emgmm.model.Prediction#of"),
                "Ex3CholeskyDensity.java", List.of("4 org.emgmm.model.Prediction#of"),
                "Ex4EStep.java", List.of("4 org.emgmm.model.Prediction#of", "4 org.emgmm.model.Prediction#probabilities"),
                "Ex5MStep.java", List.of("4 org.emgmm.data.DataMatrix#withSampleWeights",
                        "4 org.emgmm.data.DataMatrix#columnMeans", "5 org.emgmm.data.DataMatrix#covariance",
                        "7 org.emgmm.em.EmLoop#weightedCounts"),
                "Ex6EmLoop.java", List.of("6 org.emgmm.em.Restarts#best", "6 org.emgmm.em.Restarts.Start#new",
                        "6 org.emgmm.em.Restarts.Best#result"),
                "Ex7UnivariateEm.java", List.of("4 org.emgmm.model.Prediction#of",
                        "5 org.emgmm.data.DataMatrix#ofRows", "5 org.emgmm.data.DataMatrix#withSampleWeights",
                        "5 org.emgmm.data.DataMatrix#columnMeans"),
                "Ex8KMeansPlusPlus.java", List.of("4 org.emgmm.em.Initialisation#kMeansPlusPlus"),
                "Ex9Bic.java", List.of("3 org.emgmm.selection.ModelSelection#bic",
                        "5 org.emgmm.data.Datasets#load (computing only)"));
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(refused.keySet()), refused.toString());
        expected.forEach((exercise, uses) -> assertTrue(refused.get(exercise).containsAll(uses),
                exercise + ": " + refused.get(exercise)));
    }

    @Test
    void theJavaApiHolesAreFoundInCodeWithTheirLines(@TempDir Path folder) throws IOException {
        write(folder, "Ex1NormalPdf.java", "public final class Ex1NormalPdf {",
                "    static int a() { return Integer.getInteger(\"n\", 1); }",
                "    static long b() { return Long.getLong(\"n\", 1L); }",
                "    static boolean c() { return Boolean.getBoolean(\"n\"); }",
                "    static void d() { java.util.Locale.setDefault(java.util.Locale.forLanguageTag(\"ar-EG\")); }",
                "    static void e() { java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(\"UTC\")); }",
                "    static int f(java.util.List<Integer> xs) { return xs.parallelStream().mapToInt(x -> x).sum(); }",
                "    static int g() { return java.util.stream.IntStream.range(0, 9).parallel().sum(); }",
                "    static void h(double[] v) { java.util.Arrays.parallelSort(v); java.util.Arrays.parallelSetAll(v,"
                        + " i -> i); java.util.Arrays.parallelPrefix(v, Double::sum); }",
                "    static long i(java.util.Spliterator.OfInt s) {"
                        + " return java.util.stream.StreamSupport.intStream(s, true).count(); }",
                "    static void j() throws Exception { ((AutoCloseable) System.out).close(); }",
                "    static void k() throws Exception { try (AutoCloseable out = System.out) { } }",
                "    static void l() { try (java.io.PrintStream out = System.out) { } }",
                "    static void m() throws Exception { new java.io.PrintStream(\"grades.csv\").println(\"x\"); }",
                "    @Override protected void finalize() { }",
                "    static void n() { java.util.stream.Stream.of(1).onClose(System.out::close).close(); }",
                "    static long o(java.util.stream.IntStream s) { try (s) { return s.count(); } }",
                "    static double p(double x) { System.out.println(x); return Math.exp(x); }",
                "}");
        Map<Long, Set<String>> refused = new TreeMap<>();
        for (OwnWork.Violation violation : check(folder)) {
            assertEquals(OwnWork.Rule.COMPUTING_ONLY, violation.rule(), violation.message());
            refused.computeIfAbsent(violation.line(), l -> new TreeSet<>()).add(violation.used());
        }
        Map<Long, Set<String>> expected = new TreeMap<>(Map.ofEntries(
                Map.entry(3L, Set.of("java.lang.Integer#getInteger")),
                Map.entry(4L, Set.of("java.lang.Long#getLong")),
                Map.entry(5L, Set.of("java.lang.Boolean#getBoolean")),
                Map.entry(6L, Set.of("java.util.Locale#setDefault")),
                Map.entry(7L, Set.of("java.util.TimeZone#setDefault")),
                Map.entry(8L, Set.of("java.util.Collection#parallelStream")),
                Map.entry(9L, Set.of("java.util.stream.IntStream#parallel")),
                Map.entry(10L, Set.of("java.util.Arrays#parallelSort", "java.util.Arrays#parallelSetAll",
                        "java.util.Arrays#parallelPrefix")),
                Map.entry(11L, Set.of("java.util.stream.StreamSupport", "java.util.stream.StreamSupport#intStream")),
                Map.entry(12L, Set.of("java.lang.AutoCloseable", "java.lang.AutoCloseable#close")),
                Map.entry(13L, Set.of("java.lang.AutoCloseable", "java.lang.AutoCloseable#close")),
                Map.entry(14L, Set.of("java.lang.AutoCloseable#close")),
                Map.entry(15L, Set.of("java.io.PrintStream#new")),
                Map.entry(16L, Set.of("java.lang.Object#finalize")),
                Map.entry(17L, Set.of("java.io.PrintStream#close"))));
        assertEquals(expected, refused, "lines 18 and 19 (a stream closed, printing) are fine");
    }

    @Test
    void theWorkedSolutionsAndTheUntouchedSkeletonsPassTheCheck() throws IOException {
        Path skeletons = Paths.get("exercises/org/emgmm/exercises");
        assertEquals(List.of(), OwnWorkTest.verdict(check(skeletons)), "the skeletons");
        Path solutions = Paths.get("solutions/org/emgmm/exercises");
        Assumptions.assumeTrue(Files.isDirectory(solutions), "the worked solutions (not in a handout)");
        assertEquals(List.of(), OwnWorkTest.verdict(check(solutions)), "the worked solutions");
        Set<String> files;
        try (var list = Files.list(solutions)) {
            files = list.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(AllowLists.files()), files, "every file of the solutions has a list of its own");
    }

    @Test
    void delegatingAndReflectiveCallsAreFoundWithTheirLines(@TempDir Path folder) throws IOException {
        write(folder, "Ex2LogSumExp.java",
                "import org.emgmm.model.LogSumExp;",
                "public final class Ex2LogSumExp {",
                "    public static double logSumExp(double[] a) {",
                "        return LogSumExp.of(a);",
                "    }",
                "    static Object sneaky() throws Exception {",
                "        return Class.forName(\"org.emgmm.loops.LoopsEm\").getDeclaredConstructor().newInstance();",
                "    }",
                "    static double fine(double x) { System.out.println(x); return Math.exp(x); }",
                "    static void forge() throws Exception {",
                "        java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty(\"emgmm.grade.dir\")), \"{}\");",
                "        new Thread(() -> System.exit(0)).start();",
                "    }",
                "}");
        List<String> found = check(folder).stream().map(violation -> violation.line() + " " + violation.used())
                .toList();
        assertEquals(List.of("5 org.emgmm.model.LogSumExp#of", "5 org.emgmm.model.LogSumExp",
                "8 java.lang.reflect.Constructor#newInstance", "8 java.lang.Class#getDeclaredConstructor",
                "8 java.lang.Class#forName", "8 java.lang.Class", "12 java.nio.file.Files#writeString",
                "12 java.nio.file.Files", "12 java.nio.file.Path#of", "12 java.nio.file.Path",
                "12 java.lang.System#getProperty", "13 java.lang.Thread#start", "13 java.lang.Thread#new",
                "13 java.lang.Thread", "13 java.lang.System#exit"), found,
                "every use, nothing from line 10's Math.exp and println");
    }
}
