package org.emgmm.instructor;

import static org.emgmm.instructor.HostileBatch.requireSandbox;
import static org.emgmm.instructor.HostileBatch.write;
import static org.emgmm.instructor.SubmissionFolders.copySolutions;
import static org.emgmm.instructor.SubmissionFolders.plant;
import static org.emgmm.instructor.SubmissionFolders.testClasspath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import org.emgmm.grading.OwnWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks only the isolation can stop, graded with every own-work rule off, inside bubblewrap and again
 * with {@code --sandbox none}: static state carried from exercise 6 to later exercises, an earlier batch's
 * gradebook and class report read by absolute and relative path, a cause chain without end, a message of
 * twelve million characters, a thread stuck in a static initialiser. Skipped where bubblewrap is missing,
 * unless {@value HostileBatch#REQUIRE} is set. (The other hostile suites: {@link HostileSubmissionsIT},
 * {@link HostileIntakeIT}.)
 */
class HostileIsolationIT {

    @TempDir
    static Path folder;

    // Fresh state per exercise, the harness's limits, and reading past the submission: the attacks below are
    // graded with every own-work rule off, so that only the isolation can stop them, once inside bubblewrap
    // and once without a sandbox.

    /** An earlier batch's output folder, relative to the project, the grader's working folder. */
    private static final Path EARLIER = Path.of("target", "hostile-earlier-batch");

    /** The only submission of the earlier batch: a name that only its gradebook holds. */
    private static final String EARLIER_STUDENT = "earlier-student";

    /** Each isolation batch's time limit per submission: honest ones need seconds. */
    private static final int ISOLATION_LIMIT_SECONDS = 60;

    /** The isolation batches, by --sandbox mode. */
    private static final Map<String, HostileBatch> ISOLATED = new java.util.TreeMap<>();

    /** The modes the isolation batches are graded in. */
    private static final List<String> MODES = List.of("bwrap", "none");

    @BeforeAll
    static void gradeTheIsolationBatches() throws IOException {
        requireSandbox();
        Compilation.deleteTree(EARLIER);
        Path earlier = folder.resolve("isolation-earlier");
        copySolutions(earlier.resolve(EARLIER_STUDENT));
        HostileBatch first = gradeIsolated(earlier, EARLIER, "none");
        assertEquals(0, first.exitCode(), first.output());
        for (String mode : MODES) {
            Path submissions = folder.resolve("isolation-" + mode);
            copySolutions(submissions.resolve("perfect"));
            carrying(submissions.resolve("carrying"));
            peeking(submissions.resolve("peeking"), submissions.resolve("perfect"));
            endless(submissions.resolve("endless"));
            enormous(submissions.resolve("enormous"));
            stuck(submissions.resolve("stuck"));
            ISOLATED.put(mode, gradeIsolated(submissions, folder.resolve("isolation-" + mode + "-reports"), mode));
        }
    }

    @AfterAll
    static void removeTheEarlierHostileBatch() throws IOException {
        Compilation.deleteTree(EARLIER);
    }

    /** Grades with every own-work rule off, in the sandbox {@code mode}. */
    private static HostileBatch gradeIsolated(Path submissions, Path grades, String mode) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Grade.run(new String[] {submissions.toString(), "--out", grades.toString(), "--jobs", "2",
            "--memory", "128", "--test-timeout", "5", "--timeout", String.valueOf(ISOLATION_LIMIT_SECONDS),
            "--sandbox", mode, "--classpath", testClasspath()},
                new PrintWriter(out, true), new PrintWriter(err, true), EnumSet.noneOf(OwnWork.Rule.class));
        return new HostileBatch(grades, out + err.toString(), exitCode);
    }

    /** Replaces {@code anchor}, which must occur once in {@code file}, by {@code replacement}. */
    private static void replaceOnce(Path submission, String file, String anchor, String replacement)
            throws IOException {
        Path source = submission.resolve("org/emgmm/exercises").resolve(file);
        String text = Files.readString(source, StandardCharsets.UTF_8);
        assertEquals(text.indexOf(anchor), text.lastIndexOf(anchor), file + " holds '" + anchor + "' once");
        assertTrue(text.contains(anchor), file + " holds '" + anchor + "'");
        Files.writeString(source, text.replace(anchor, replacement), StandardCharsets.UTF_8);
    }

    /** Puts the untouched skeleton of {@code file} in the submission. */
    private static void skeleton(Path submission, String file) throws IOException {
        Files.copy(Path.of("exercises/org/emgmm/exercises").resolve(file),
                submission.resolve("org/emgmm/exercises").resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Hole 3 of the second batch: exercise 6's loop keeps the library steps its tests hand it in a static
     * field; exercise 7 (left a skeleton) and exercise 5's M-step (a skeleton too) answer with them when
     * they find them, which they do only if the field is still set when their tests run.
     */
    private static void carrying(Path submission) throws IOException {
        copySolutions(submission);
        write(submission, "Carry.java", "package org.emgmm.exercises;\n"
                + "final class Carry {\n"
                + "    static org.emgmm.em.EmAlgorithm steps;\n"
                + "    static org.emgmm.data.DataMatrix column(double[] x) {\n"
                + "        return new org.emgmm.data.DataMatrix(x.length, 1, x.clone(), null);\n"
                + "    }\n"
                + "}\n");
        plant(submission, "Ex6EmLoop.java", "public static EmResult run(EmAlgorithm steps, DataMatrix data,"
                + " GaussianMixture start, EmSettings settings) {", "Carry.steps = steps;");
        skeleton(submission, "Ex7UnivariateEm.java");
        plant(submission, "Ex7UnivariateEm.java", "public static double logLikelihood(double[] x, GaussianMixture"
                + " model) {", "if (Carry.steps != null) { return Carry.steps.eStep(Carry.column(x), model)"
                + ".logLikelihood(); }");
        plant(submission, "Ex7UnivariateEm.java", "public static GaussianMixture step(double[] x, GaussianMixture"
                + " model, double regCovar) {", "if (Carry.steps != null) { return Carry.steps.mStep(Carry.column(x),"
                + " Carry.steps.eStep(Carry.column(x), model).responsibilities(), model, regCovar); }");
        plant(submission, "Ex7UnivariateEm.java", "public static GaussianMixture fit(double[] x, GaussianMixture"
                + " start, int iterations, double regCovar) {", "if (Carry.steps != null) { GaussianMixture m = start;"
                + " for (int i = 0; i < iterations; i++) { m = step(x, m, regCovar); } return m; }");
        skeleton(submission, "Ex5MStep.java");
        replaceOnce(submission, "Ex5MStep.java", "double regCovar) {\n        throw new UnsupportedOperationException("
                + "\"TODO: πₖ = Nₖ/N", "double regCovar) {\n        if (Carry.steps != null) { return Carry.steps.mStep("
                + "data, r, previous, regCovar); }\n        throw new UnsupportedOperationException(\"TODO: πₖ = Nₖ/N");
    }

    /**
     * Hole 5 of the second batch: reads an earlier batch's gradebook and class report by absolute and by
     * relative path, and another submission's source, into exercise 1's feedback; and says whether anything
     * it is given (its working folder, class path, temporary folder, environment) names the project or the
     * reports.
     */
    private static void peeking(Path submission, Path other) throws IOException {
        copySolutions(submission);
        List<String> paths = List.of(EARLIER.toAbsolutePath().resolve("gradebook.csv").toString(),
                EARLIER.toAbsolutePath().resolve("class-report.csv").toString(),
                EARLIER.resolve("gradebook.csv").toString(), EARLIER.resolve("class-report.csv").toString(),
                other.resolve("org/emgmm/exercises/Ex4EStep.java").toAbsolutePath().toString());
        plant(submission, "Ex1NormalPdf.java", "public static double pdf(double x, double mean, double variance) {",
                "if (variance > 0) { String seen = \"\"; String[] paths = {\"" + String.join("\", \"", paths)
                        + "\"}; for (int k = 0; k < paths.length; k++) { String text; try { String all ="
                        + " java.nio.file.Files.readString(java.nio.file.Path.of(paths[k])); text = \"READ \""
                        + " + all.substring(0, Math.min(60, all.length())).replace('\\n', ' '); } catch (Exception e)"
                        + " { text = \"NOT READ\"; } seen = seen + \" #\" + k + \" \" + text + \";\"; }"
                        + " throw new IllegalStateException(\"PEEK\" + seen); }");
        String project = Path.of("").toAbsolutePath().toString();
        plant(submission, "Ex1NormalPdf.java", "public static double logPdf(double x, double mean, double variance) {",
                "if (variance > 0) { String given = System.getProperty(\"user.dir\") + \" \""
                        + " + System.getProperty(\"java.io.tmpdir\") + \" \" + System.getProperty(\"java.class.path\")"
                        + " + \" \" + System.getenv(); throw new IllegalStateException(\"NAMES \" + (given.contains(\""
                        + project + "\") ? \"the project\" : given.contains(\"" + folder + "\") ? \"the submissions\""
                        + " : \"nothing\")); }");
    }

    /** An exception whose getCause() makes up a new exception every time. */
    private static void endless(Path submission) throws IOException {
        copySolutions(submission);
        write(submission, "Endless.java", "package org.emgmm.exercises;\n"
                + "final class Endless extends RuntimeException {\n"
                + "    Endless() { super(\"a cause without end\"); }\n"
                + "    @Override public synchronized Throwable getCause() { return new Endless(); }\n"
                + "}\n");
        plant(submission, "Ex2LogSumExp.java", "public static double logSumExp(double[] a) {",
                "if (a != null) { throw new Endless(); }");
    }

    /** A message of twelve million characters. */
    private static void enormous(Path submission) throws IOException {
        copySolutions(submission);
        plant(submission, "Ex9Bic.java", "public static int freeParameters(int components, int dimension) {",
                "if (components >= 0) { throw new IllegalStateException(\"x\".repeat(12_000_000)); }");
    }

    /** A static initialiser that never ends and swallows every attempt to stop it. */
    private static void stuck(Path submission) throws IOException {
        copySolutions(submission);
        write(submission, "Stuck.java", "package org.emgmm.exercises;\n"
                + "final class Stuck {\n"
                + "    static double spins;\n"
                + "    static {\n"
                + "        while (spins >= 0) {\n"
                + "            try { while (spins >= 0) { spins = spins + 1; } } catch (Throwable stopped) { spins = 0; }\n"
                + "        }\n"
                + "    }\n"
                + "    static void touch() { }\n"
                + "}\n");
        plant(submission, "Ex3CholeskyDensity.java", "public static Optional<double[]> cholesky(double[] a, int d) {",
                "Stuck.touch();");
    }

    /** Whether this run's grading JVMs, without bubblewrap, cannot read the grader's files (they run as nobody). */
    private static boolean unprivilegedWithout(String mode) {
        return mode.equals("bwrap") || Unprivileged.possible();
    }

    @Test
    void isolationBatchesFinishAndHonestWorkKeepsFullMarks() throws IOException {
        for (String mode : MODES) {
            HostileBatch batch = ISOLATED.get(mode);
            assertEquals(0, batch.exitCode(), mode + ": " + batch.output());
            assertEquals(batch.full(), batch.score("perfect"), mode + ": the untouched solutions keep full marks");
            assertEquals(mode, batch.results("perfect").getAsJsonObject("extra_data").get("sandbox").getAsString(),
                    "results.json says how it was graded");
        }
    }

    @Test
    void staticStateCarriedFromExercise6ScoresNothingLater() throws IOException {
        for (String mode : MODES) {
            HostileBatch batch = ISOLATED.get(mode);
            Map<Integer, Integer> points = SubmissionReport.pointsByExercise(batch.results("carrying"));
            Map<Integer, Integer> full = SubmissionReport.pointsByExercise(batch.results("perfect"));
            assertEquals(0, points.get(7), mode + ": exercise 7 answered with exercise 6's steps: " + points);
            assertEquals(5, hiddenPointsOf(5, batch.results("perfect")), mode + ": exercise 5's hidden tests are worth 5");
            assertEquals(0, hiddenPointsOf(5, batch.results("carrying")), mode + ": the hidden tests of exercise 5 too: "
                    + points);
            assertEquals(0, points.get(5), mode + ": " + points);
            assertEquals(full.get(6), points.get(6), mode + ": exercise 6 itself is honest: " + points);
        }
    }

    @Test
    void anEarlierBatchsGradesAndOtherSubmissionsCannotBeReadIntoFeedback() throws IOException {
        for (String mode : MODES) {
            HostileBatch batch = ISOLATED.get(mode);
            assertEquals(batch.fullBut(1), batch.score("peeking"), mode + ": " + batch.output());
            for (String id : List.of("perfect", "carrying", "peeking", "endless", "enormous", "stuck")) {
                String feedback = batch.results(id).toString();
                assertFalse(feedback.contains(EARLIER_STUDENT) || feedback.contains("pass_rate")
                        || feedback.contains("submission,score"), mode + ": " + id + " quotes the earlier batch");
            }
            String peeked = failures(batch, "peeking", "1.");
            // Relative paths lead nowhere: the JVM starts in an empty folder of its own.
            assertTrue(peeked.contains("#2 NOT READ; #3 NOT READ;"), mode + ": " + peeked);
            if (unprivilegedWithout(mode)) {
                assertTrue(peeked.contains("#0 NOT READ; #1 NOT READ;") && peeked.contains("#4 NOT READ;"),
                        mode + ": " + peeked);
            }
            assertTrue(peeked.contains("NAMES nothing"), mode + ": what the JVM is given names a folder of ours: "
                    + peeked);
        }
    }

    @Test
    void aCauseChainWithoutEndCostsOnlyItsExercise() throws IOException {
        for (String mode : MODES) {
            HostileBatch batch = ISOLATED.get(mode);
            assertEquals(batch.fullBut(2), batch.score("endless"), mode + ": " + batch.output());
            assertTrue(batch.gradebookLine("endless").contains(",graded,"), batch.gradebookLine("endless"));
            assertTrue(failures(batch, "endless", "2.").contains("a cause without end"), mode);
        }
    }

    @Test
    void aTwelveMillionCharacterMessageIsCutAndTheReportStaysSigned() throws IOException {
        for (String mode : MODES) {
            HostileBatch batch = ISOLATED.get(mode);
            assertEquals(batch.fullBut(9), batch.score("enormous"), mode + ": " + batch.output());
            assertFalse(batch.summary("enormous").contains("not signed"), batch.summary("enormous"));
            assertTrue(batch.gradebookLine("enormous").contains(",graded,"), batch.gradebookLine("enormous"));
            for (JsonElement test : batch.results("enormous").getAsJsonArray("tests")) {
                String output = test.getAsJsonObject().get("output").getAsString();
                assertTrue(output.length() <= SubmissionReport.MAX_OUTPUT_CHARS + 100, "output of " + output.length());
            }
            assertTrue(failures(batch, "enormous", "9.").contains("truncated"), mode);
        }
    }

    @Test
    void aThreadStuckInAStaticInitialiserEndsOnlyItsExerciseInTime() throws IOException {
        for (String mode : MODES) {
            HostileBatch batch = ISOLATED.get(mode);
            Map<Integer, Integer> points = SubmissionReport.pointsByExercise(batch.results("stuck"));
            Map<Integer, Integer> full = SubmissionReport.pointsByExercise(batch.results("perfect"));
            assertTrue(points.get(3) < full.get(3), mode + ": " + points);
            for (int exercise : full.keySet()) {
                if (exercise != 3) {
                    assertEquals(full.get(exercise), points.get(exercise), mode + ": exercise " + exercise + " " + points);
                }
            }
            // Within the time limit: no test after the stuck one waited on it.
            assertTrue(batch.gradebookLine("stuck").contains(",graded,"), batch.gradebookLine("stuck"));
            assertTrue(failures(batch, "stuck", "3.").contains("could not be stopped"), mode);
        }
    }

    /** The outputs of the failed tests of {@code id} whose numbers start with {@code prefix}, joined. */
    private static String failures(HostileBatch batch, String id, String prefix) throws IOException {
        StringBuilder outputs = new StringBuilder();
        for (JsonElement element : batch.results(id).getAsJsonArray("tests")) {
            JsonObject test = element.getAsJsonObject();
            if (test.get("number").getAsString().startsWith(prefix) && "failed".equals(test.get("status").getAsString())) {
                outputs.append(test.get("output").getAsString()).append('\n');
            }
        }
        return outputs.toString();
    }

    /** The points earned in exercise {@code exercise}'s hidden tests (numbered h5.1, h5.2, … for exercise 5). */
    private static int hiddenPointsOf(int exercise, JsonObject results) {
        int points = 0;
        for (JsonElement test : results.getAsJsonArray("tests")) {
            if (test.getAsJsonObject().get("number").getAsString().startsWith("h" + exercise + ".")) {
                points += test.getAsJsonObject().get("score").getAsInt();
            }
        }
        return points;
    }
}
