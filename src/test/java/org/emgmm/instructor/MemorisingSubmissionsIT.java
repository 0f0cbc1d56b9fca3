package org.emgmm.instructor;

import static org.emgmm.instructor.SubmissionFolders.copySolutions;
import static org.emgmm.instructor.SubmissionFolders.testClasspath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No submission scores without doing the work. The grader grades, in one batch and
 * graded in each sandbox mode (see below), submissions that do none of
 * the exercises, each of which now scores at most {@value #AT_MOST} of the 109 points:
 * <ul>
 *   <li>{@code trivial}: the answers that passed 29 points before the tests were reworked
 *       ({@link PlantedSubmissions#TRIVIAL});</li>
 *   <li>{@code shortcuts}: cheap answers a step closer to the task ({@link PlantedSubmissions#SHORTCUTS});</li>
 *   <li>{@code memorising}: the trivial answers plus the right answer, as a literal, for every input the
 *       tests used to fix ({@link MemorisedAnswers}), which passed 61 points before.</li>
 * </ul>
 * Graded by the tests as they were before issue 18, the same three scored 29, 23 and 63 points; now they
 * score 0, 1 (1.1: the constant 1/√(2πσ²) is the density at the mean, which is what that test asks) and 0.
 * And, as controls, the worked solutions and honest variants of them (other summation orders, another
 * covariance formula, the responsibilities from the maximum instead of the log-sum-exp), which keep full
 * marks, and the untouched skeletons, which score 0. Every submission draws its own seed, so each run
 * also tries new inputs; a failure names the seed in the submission's report.
 *
 * <p>Beside them, the library routes (items 1 and 2): {@code routes} calls the library's own code from
 * the exercise files ({@link PlantedSubmissions#ROUTES}), {@code helper} from a helper file the exercises
 * call ({@link PlantedSubmissions#THROUGH_HELPER}). No test can tell the library's right answer from the
 * student's: the own-work check refuses them before they run, each refused exercise graded from its
 * skeleton with the use named in the report, so they too score at most {@value #AT_MOST}.
 *
 * <p>The batch is graded twice, without a sandbox and inside bubblewrap, since neither the tests nor the
 * own-work check may depend on the sandbox. Where bubblewrap is missing the second batch is skipped,
 * unless {@value HostileBatch.REQUIRE} is set (CI sets it), when the test fails instead.
 */
class MemorisingSubmissionsIT {

    /** The most points a submission that does none of the exercises may score (the bound). */
    static final int AT_MOST = 5;

    /** The time limit per graded test in these runs: the solutions need well under a second per test. */
    private static final String TEST_TIMEOUT = "10";

    @TempDir
    static Path folder;

    /** The sandbox modes the batch is graded in; bwrap only where bubblewrap is installed (or required). */
    private static final List<String> MODES = new ArrayList<>();

    /** Per mode: where the reports went, what the grader printed, its exit code. */
    private static final Map<String, Path> GRADES = new java.util.TreeMap<>();
    private static final Map<String, String> OUTPUTS = new java.util.TreeMap<>();
    private static final Map<String, Integer> EXIT_CODES = new java.util.TreeMap<>();

    @BeforeAll
    static void gradeTheBatch() throws IOException {
        Path skeletons = Path.of("exercises");
        Path submissions = folder.resolve("submissions");
        copySolutions(submissions.resolve("solutions"));
        honestVariants(submissions.resolve("honest-variants"));
        PlantedSubmissions.write(skeletons, submissions.resolve("skeletons"), Map.of(), Map.of());
        PlantedSubmissions.write(skeletons, submissions.resolve("trivial"), PlantedSubmissions.TRIVIAL, Map.of());
        PlantedSubmissions.write(skeletons, submissions.resolve("shortcuts"),
                PlantedSubmissions.with(PlantedSubmissions.TRIVIAL, PlantedSubmissions.SHORTCUTS), Map.of());
        PlantedSubmissions.write(skeletons, submissions.resolve("memorising"), PlantedSubmissions.TRIVIAL,
                MemorisedAnswers.lines());
        PlantedSubmissions.write(skeletons, submissions.resolve("routes"),
                PlantedSubmissions.with(PlantedSubmissions.TRIVIAL, PlantedSubmissions.ROUTES), Map.of());
        PlantedSubmissions.write(skeletons, submissions.resolve("helper"),
                PlantedSubmissions.with(PlantedSubmissions.TRIVIAL, PlantedSubmissions.THROUGH_HELPER), Map.of());
        Files.writeString(submissions.resolve("helper/org/emgmm/exercises/Helper.java"), PlantedSubmissions.HELPER);
        MODES.add("none");
        if (Files.isExecutable(SandboxChoice.BWRAP)) {
            MODES.add("bwrap");
        } else if (System.getenv(HostileBatch.REQUIRE) != null) {
            throw new AssertionError("bubblewrap (" + SandboxChoice.BWRAP + ") is missing but "
                    + HostileBatch.REQUIRE + " is set: install bubblewrap");
        } else {
            System.out.println("skipped MemorisingSubmissionsIT's bwrap batch: bubblewrap is not installed here");
        }
        for (String mode : MODES) {
            Path grades = folder.resolve("grades-" + mode);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            EXIT_CODES.put(mode, Grade.run(new String[] {submissions.toString(), "--out", grades.toString(), "--jobs",
                "2", "--test-timeout", TEST_TIMEOUT, "--sandbox", mode, "--classpath", testClasspath()},
                    new PrintWriter(out, true), new PrintWriter(err, true)));
            GRADES.put(mode, grades);
            OUTPUTS.put(mode, out + err.toString());
        }
    }

    /**
     * The worked solutions with some methods done another honest way: sums in another order, the
     * covariance as E[x xᵀ] − μ μᵀ, the responsibilities as exp(log ρ − max) normalised by their sum, the
     * log-determinant from the product of the diagonal's logarithms taken backwards.
     */
    static void honestVariants(Path submission) throws IOException {
        copySolutions(submission);
        atTheStartOf(submission, "Ex2LogSumExp.java", "public static double logSumExp(", """
                if (a.length > 0) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (double value : a) {
                        m = Math.max(m, value);
                    }
                    if (m == Double.NEGATIVE_INFINITY) {
                        return m;
                    }
                    double sum = 0.0;
                    for (int j = a.length - 1; j >= 0; j--) {
                        sum += Math.exp(a[j] - m);
                    }
                    return m + Math.log(sum);
                }""");
        atTheStartOf(submission, "Ex3CholeskyDensity.java", "public static double logDeterminant(", """
                if (d > 0) {
                    double half = 0.0;
                    for (int i = d - 1; i >= 0; i--) {
                        half += Math.log(lower[i * d + i]);
                    }
                    return half + half;
                }""");
        atTheStartOf(submission, "Ex4EStep.java", "public static EStep eStep(", """
                if (data.rows() > 0) {
                    int n = data.rows();
                    int k = model.components();
                    double[] r = new double[n * k];
                    double total = 0.0;
                    for (int i = n - 1; i >= 0; i--) {
                        double[] logs = new double[k];
                        double top = Double.NEGATIVE_INFINITY;
                        for (int j = 0; j < k; j++) {
                            logs[j] = Math.log(model.weight(j)) + model.logComponentDensity(j, data.row(i));
                            top = Math.max(top, logs[j]);
                        }
                        double sum = 0.0;
                        for (int j = k - 1; j >= 0; j--) {
                            r[i * k + j] = Math.exp(logs[j] - top);
                            sum += r[i * k + j];
                        }
                        for (int j = 0; j < k; j++) {
                            r[i * k + j] /= sum;
                        }
                        total += top + Math.log(sum);
                    }
                    return new EStep(Responsibilities.wrap(n, k, r), total);
                }""");
        atTheStartOf(submission, "Ex5MStep.java", "public static double[] weightedCovariance(", """
                if (nk > 0.0) {
                    // One pass: Σᵢ r[i][k] xᵢ xᵢᵀ / Nₖ − μ μᵀ, then reg-covar on the diagonal.
                    int d = data.columns();
                    double[] sigma = new double[d * d];
                    for (int i = data.rows() - 1; i >= 0; i--) {
                        for (int a = 0; a < d; a++) {
                            for (int b = 0; b < d; b++) {
                                sigma[a * d + b] += r.get(i, k) * data.get(i, a) * data.get(i, b) / nk;
                            }
                        }
                    }
                    for (int a = 0; a < d; a++) {
                        for (int b = 0; b < d; b++) {
                            sigma[a * d + b] -= mean[a] * mean[b];
                        }
                        sigma[a * d + a] += regCovar;
                    }
                    return sigma;
                }""");
    }

    /** Puts {@code code} at the start of the method of {@code file} whose declaration begins {@code method}. */
    private static void atTheStartOf(Path submission, String file, String method, String code) throws IOException {
        Path source = submission.resolve("org/emgmm/exercises").resolve(file);
        String text = Files.readString(source);
        int declared = text.indexOf(method);
        assertTrue(declared >= 0, file + " declares " + method);
        int body = text.indexOf('{', declared) + 1;
        Files.writeString(source, text.substring(0, body) + "\n" + code + text.substring(body));
    }

    @Test
    void theBatchIsGraded() {
        for (String mode : MODES) {
            assertEquals(0, EXIT_CODES.get(mode), mode + ": " + OUTPUTS.get(mode));
        }
    }

    @Test
    void theSolutionsAndTheirHonestVariantsKeepFullMarks() throws IOException {
        for (String mode : MODES) {
            for (String id : List.of("solutions", "honest-variants")) {
                JsonObject results = results(mode, id);
                assertEquals(109, results.get("max_score").getAsInt(), id);
                assertEquals(109, results.get("score").getAsInt(), mode + ": " + id + " lost points:\n"
                        + failures(results));
            }
        }
    }

    @Test
    void theSkeletonsScoreNothingAndFailEveryTest() throws IOException {
        for (String mode : MODES) {
            JsonObject results = results(mode, "skeletons");
            assertEquals(0, results.get("score").getAsInt(), failures(results));
            for (JsonElement test : results.getAsJsonArray("tests")) {
                assertEquals("failed", test.getAsJsonObject().get("status").getAsString(), test.toString());
            }
        }
    }

    @Test
    void trivialAnswersScoreAtMostTheBound() throws IOException {
        atMost("trivial");
    }

    @Test
    void shortcutsScoreAtMostTheBound() throws IOException {
        atMost("shortcuts");
    }

    @Test
    void memorisedAnswersForTheOldFixedInputsScoreAtMostTheBound() throws IOException {
        atMost("memorising");
    }

    @Test
    void libraryRoutesFromTheExerciseFilesAreRefusedWithTheUseNamed() throws IOException {
        refusedAtMost("routes", List.of("Ex1NormalPdf.java", "Ex2LogSumExp.java", "Ex3CholeskyDensity.java",
                "Ex4EStep.java", "Ex5MStep.java", "Ex6EmLoop.java", "Ex8KMeansPlusPlus.java", "Ex9Bic.java"));
    }

    @Test
    void libraryRoutesThroughAHelperFileAreRefusedWithTheUseNamed() throws IOException {
        refusedAtMost("helper", List.of("Helper.java"));
    }

    @Test
    void eachReportNamesItsSeed() throws IOException {
        for (String mode : MODES) {
            for (String id : List.of("solutions", "trivial", "memorising")) {
                JsonObject results = results(mode, id);
                String seed = results.getAsJsonObject("extra_data").get("seed").getAsString();
                assertTrue(seed.matches("0x[0-9A-F]{16}"), seed);
                assertTrue(results.get("output").getAsString().contains("grade --seed " + seed), results.toString());
            }
        }
    }

    /**
     * Asserts that submission {@code id} scored at most {@link #AT_MOST} in every mode, and that its report
     * names, for each of {@code files}, a use the own-work rule refuses.
     */
    private static void refusedAtMost(String id, List<String> files) throws IOException {
        for (String mode : MODES) {
            JsonObject results = results(mode, id);
            String notes = results.get("output").getAsString();
            for (String file : files) {
                assertTrue(notes.contains(file + " line ") && notes.contains("may not use"),
                        mode + ": " + id + "'s report does not name the use in " + file + ": " + notes);
            }
            int score = results.get("score").getAsInt();
            assertTrue(score <= AT_MOST, mode + ": " + id + " scored " + score + " through the library: " + notes);
        }
    }

    /**
     * Asserts that submission {@code id} scored at most {@link #AT_MOST}, naming the tests it passed, and
     * that it was graded as planted: no file refused or left out (which would grade its skeleton instead,
     * and prove nothing), no test answered by a skeleton's TODO.
     */
    private static void atMost(String id) throws IOException {
        for (String mode : MODES) {
            atMost(mode, id);
        }
    }

    /** {@link #atMost(String)} in one sandbox mode. */
    private static void atMost(String mode, String id) throws IOException {
        JsonObject results = results(mode, id);
        List<String> lines = results.get("output").getAsString().lines().toList();
        assertTrue(lines.get(0).endsWith(", graded"), lines.get(0));
        // Between the summary and the seed, only the own-work rule's refusals: a memorised model for
        // exercise 6 needs GaussianMixture.ofFlat, which exercise 6 may not use. Anything else (a file
        // that does not compile, say) would grade a skeleton instead of the planted answer, and prove nothing.
        List<String> refused = new ArrayList<>();
        for (String note : lines.subList(1, lines.size() - 1)) {
            assertTrue(note.contains("may not use"), mode + ": " + id + " was graded with a note: " + note);
            refused.add(note.substring(0, note.indexOf('.')).replaceAll("^Ex([0-9]).*", "$1"));
        }
        List<String> passed = new ArrayList<>();
        for (JsonElement element : results.getAsJsonArray("tests")) {
            JsonObject test = element.getAsJsonObject();
            String exercise = test.get("number").getAsString().replaceAll("^h?([0-9]+).*", "$1");
            assertTrue(refused.contains(exercise) || !test.get("output").getAsString().contains("not done yet"),
                    id + ": " + test);
            if ("passed".equals(test.get("status").getAsString())) {
                passed.add(test.get("number").getAsString() + " (" + test.get("score").getAsInt() + ")");
            }
        }
        int score = results.get("score").getAsInt();
        assertTrue(score <= AT_MOST, mode + ": " + id + " scored " + score + " of " + results.get("max_score").getAsInt()
                + " without doing the exercises, passing " + passed + "; "
                + results.getAsJsonObject("extra_data").get("seed").getAsString());
    }

    /** The failed tests of a report, one per line, for a message. */
    private static String failures(JsonObject results) {
        StringBuilder text = new StringBuilder();
        for (JsonElement element : results.getAsJsonArray("tests")) {
            JsonObject test = element.getAsJsonObject();
            if (!"passed".equals(test.get("status").getAsString())) {
                text.append(test.get("number").getAsString()).append(": ").append(test.get("output").getAsString())
                        .append("\n");
            }
        }
        return text + results.get("output").getAsString();
    }

    /** The results.json of submission {@code id} graded in {@code mode}, wherever the grader put its report folder. */
    private static JsonObject results(String mode, String id) throws IOException {
        Path grades = GRADES.get(mode);
        try (Stream<Path> files = Files.walk(grades)) {
            Path file = files.filter(path -> path.getFileName().toString().equals("results.json")
                    && path.getParent().getFileName().toString().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no report for " + id + " under " + grades + ": "
                            + OUTPUTS.get(mode)));
            return SubmissionReport.read(file);
        }
    }
}
