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
 * Issue 18, item 7: no submission scores without doing the work. The grader grades, in one batch and
 * without the sandbox (what is checked here is the tests, not the sandbox), submissions that do none of
 * the exercises, each of which now scores at most {@value #AT_MOST} of the 105 points:
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
 * <p>The library routes (an exercise that calls the library's own implementation) are not among them:
 * no test can tell the library's right answer from the student's, and it is the own-work check that
 * refuses them.
 */
class MemorisingSubmissionsIT {

    /** The most points a submission that does none of the exercises may score (the bound). */
    static final int AT_MOST = 5;

    /** The time limit per graded test in these runs: the solutions need well under a second per test. */
    private static final String TEST_TIMEOUT = "10";

    @TempDir
    static Path folder;

    private static Path grades;
    private static String output;
    private static int exitCode;

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
        grades = folder.resolve("grades");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        exitCode = Grade.run(new String[] {submissions.toString(), "--out", grades.toString(), "--jobs", "2",
            "--test-timeout", TEST_TIMEOUT, "--sandbox", "none", "--classpath", testClasspath()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        output = out + err.toString();
        System.out.println("MemorisingSubmissionsIT, one line per submission:\n" + output);
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
        assertEquals(0, exitCode, output);
    }

    @Test
    void theSolutionsAndTheirHonestVariantsKeepFullMarks() throws IOException {
        for (String id : List.of("solutions", "honest-variants")) {
            JsonObject results = results(id);
            assertEquals(105, results.get("max_score").getAsInt(), id);
            assertEquals(105, results.get("score").getAsInt(), id + " lost points:\n" + failures(results));
        }
    }

    @Test
    void theSkeletonsScoreNothingAndFailEveryTest() throws IOException {
        JsonObject results = results("skeletons");
        assertEquals(0, results.get("score").getAsInt(), failures(results));
        for (JsonElement test : results.getAsJsonArray("tests")) {
            assertEquals("failed", test.getAsJsonObject().get("status").getAsString(), test.toString());
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
    void eachReportNamesItsSeed() throws IOException {
        for (String id : List.of("solutions", "trivial", "memorising")) {
            JsonObject results = results(id);
            String seed = results.getAsJsonObject("extra_data").get("seed").getAsString();
            assertTrue(seed.matches("0x[0-9A-F]{16}"), seed);
            assertTrue(results.get("output").getAsString().contains("grade --seed " + seed), results.toString());
        }
    }

    /**
     * Asserts that submission {@code id} scored at most {@link #AT_MOST}, naming the tests it passed, and
     * that it was graded as planted: no file refused or left out (which would grade its skeleton instead,
     * and prove nothing), no test answered by a skeleton's TODO.
     */
    private static void atMost(String id) throws IOException {
        JsonObject results = results(id);
        List<String> lines = results.get("output").getAsString().lines().toList();
        assertEquals(2, lines.size(), id + " was graded with notes (a file refused or left out?): " + lines);
        assertTrue(lines.get(0).endsWith(", graded"), lines.get(0));
        List<String> passed = new ArrayList<>();
        for (JsonElement element : results.getAsJsonArray("tests")) {
            JsonObject test = element.getAsJsonObject();
            assertTrue(!test.get("output").getAsString().contains("not done yet"), id + ": " + test);
            if ("passed".equals(test.get("status").getAsString())) {
                passed.add(test.get("number").getAsString() + " (" + test.get("score").getAsInt() + ")");
            }
        }
        int score = results.get("score").getAsInt();
        assertTrue(score <= AT_MOST, id + " scored " + score + " of " + results.get("max_score").getAsInt()
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

    /** The results.json of submission {@code id}, wherever the grader put its report folder. */
    private static JsonObject results(String id) throws IOException {
        try (Stream<Path> files = Files.walk(grades)) {
            Path file = files.filter(path -> path.getFileName().toString().equals("results.json")
                    && path.getParent().getFileName().toString().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no report for " + id + " under " + grades + ": " + output));
            return SubmissionReport.read(file);
        }
    }
}
