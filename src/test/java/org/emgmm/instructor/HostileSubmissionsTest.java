package org.emgmm.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile submissions, each the worked solutions with one planted attack, graded in one batch inside
 * the bubblewrap sandbox next to honest ones: each attack must gain nothing and harm nobody.
 *
 * <p>These run only inside the sandbox: where bubblewrap is missing the test is skipped, unless
 * {@value #REQUIRE} is set (continuous integration sets it), when it fails instead.
 */
class HostileSubmissionsTest {

    /** Environment variable: when set, a missing sandbox fails the test instead of skipping it. */
    static final String REQUIRE = "EMGMM_REQUIRE_SANDBOX";

    /** A command line no honest process has: the process a submission leaves behind. */
    private static final String LINGERING = "7654321";

    /** A file of the project's build folder that a submission tries to overwrite. */
    private static final Path CANARY = Path.of("target", "grading-canary.txt").toAbsolutePath();

    /** A line of the worked solution of exercise 4, which a submission tries to smuggle into its feedback. */
    private static final Path SECRET = Path.of("solutions/org/emgmm/exercises/Ex4EStep.java").toAbsolutePath();

    /** Each submission's time limit here: far above what honest ones need, far below the default. */
    private static final int BATCH_LIMIT_SECONDS = 120;

    @TempDir
    static Path folder;

    private static Path grades;
    private static String output;
    private static int exitCode;

    @BeforeAll
    static void gradeTheHostileBatch() throws IOException {
        if (!Files.isExecutable(Grade.BWRAP)) {
            if (System.getenv(REQUIRE) != null) {
                fail("bubblewrap (" + Grade.BWRAP + ") is missing but " + REQUIRE + " is set: install bubblewrap");
            }
            Assumptions.abort("hostile submissions run only inside bubblewrap, which is not installed here");
        }
        Files.writeString(CANARY, "untouched");
        Path submissions = folder.resolve("submissions");
        GradeTest.copySolutions(submissions.resolve("perfect"));
        GradeTest.copySolutions(submissions.resolve("ana maria"));
        GradeTest.copySolutions(submissions.resolve("ana_maria"));

        Path injected = submissions.resolve("injected");              // hole 2: a test of its own
        GradeTest.copySolutions(injected);
        write(injected, "Helper.java", "package org.emgmm.grading;\n"
                + "class Exercise10Test {\n"
                + "    @org.junit.jupiter.api.Test @org.emgmm.grading.Points(100) void freePoints() { }\n"
                + "}\n");
        write(injected, "BonusTest.java", "package org.emgmm.exercises;\n"
                + "public class BonusTest {\n"
                + "    @org.junit.jupiter.api.Test @org.emgmm.grading.Points(50) void freePoints() { }\n"
                + "}\n");

        Path lingering = submissions.resolve("lingering");            // hole 3: a process that outlives grading
        GradeTest.copySolutions(lingering);
        write(lingering, "Spawn.java", "package org.emgmm.exercises;\n"
                + "final class Spawn {\n"
                + "    static { try { new ProcessBuilder(\"sleep\", \"" + LINGERING + "\").start(); }"
                + " catch (Exception e) { } }\n"
                + "    static void once() { }\n"
                + "}\n");
        GradeTest.plant(lingering, "Ex9Bic.java", "public static int freeParameters(int components, int dimension) {",
                "Spawn.once();");

        Path tampering = submissions.resolve("tampering");            // hole 4: writes to the project
        GradeTest.copySolutions(tampering);
        GradeTest.plant(tampering, "Ex1NormalPdf.java", "public static double pdf(double x, double mean, double variance) {",
                "try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + CANARY + "\"), \"tampered\"); }"
                        + " catch (Exception e) { }");

        Path reading = submissions.resolve("reading");                // hole 5: reads a solution into its feedback
        GradeTest.copySolutions(reading);
        GradeTest.plant(reading, "Ex4EStep.java", "public static EStep eStep(DataMatrix data, GaussianMixture model) {",
                "if (data != null) { String s; try { s = java.nio.file.Files.readString(java.nio.file.Path.of(\""
                        + SECRET + "\")); } catch (Exception e) { s = e.toString(); } throw new IllegalStateException(s); }");

        Path loud = submissions.resolve("loud");                      // hole 8: unbounded feedback
        GradeTest.copySolutions(loud);
        GradeTest.plant(loud, "Ex2LogSumExp.java", "public static double logSumExp(double[] a) {",
                "if (a != null) { throw new IllegalStateException(\"x\".repeat(50_000)); }");

        Path delegating = submissions.resolve("delegating");          // hole 6: the library does the exercise
        GradeTest.copySolutions(delegating);
        GradeTest.plant(delegating, "Ex2LogSumExp.java", "public static double logSumExp(double[] a) {",
                "if (a != null) { return org.emgmm.model.LogSumExp.of(a); }");

        Path blocking = submissions.resolve("blocking");              // hole 7: holds System.out's lock forever
        GradeTest.copySolutions(blocking);
        write(blocking, "Hold.java", "package org.emgmm.exercises;\n"
                + "final class Hold {\n"
                + "    static {\n"
                + "        Thread holder = new Thread(() -> { synchronized (System.out) {\n"
                + "            while (true) { try { Thread.sleep(100_000); } catch (InterruptedException e) { } } } });\n"
                + "        holder.setDaemon(true);\n"
                + "        holder.start();\n"
                + "    }\n"
                + "    static void once() { }\n"
                + "}\n");
        GradeTest.plant(blocking, "Ex1NormalPdf.java", "public static double pdf(double x, double mean, double variance) {",
                "Hold.once();");

        grades = folder.resolve("grades");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        exitCode = Grade.run(new String[] {submissions.toString(), "--out", grades.toString(), "--jobs", "2",
            "--memory", "128", "--test-timeout", "5", "--timeout", String.valueOf(BATCH_LIMIT_SECONDS), "--sandbox", "bwrap", "--classpath", GradeTest.testClasspath()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        output = out + err.toString();
    }

    @AfterAll
    static void removeTheCanary() throws IOException {
        Files.deleteIfExists(CANARY);
    }

    private static void write(Path submission, String file, String text) throws IOException {
        Files.writeString(submission.resolve("org/emgmm/exercises").resolve(file), text, StandardCharsets.UTF_8);
    }

    private static JsonObject results(String id) throws IOException {
        return SubmissionReport.read(grades.resolve(id).resolve("results.json"));
    }

    private static int score(String id) throws IOException {
        return results(id).get("score").getAsInt();
    }

    private static int full() throws IOException {
        return results("perfect").get("max_score").getAsInt();
    }

    @Test
    void theBatchFinishesWithEverySubmissionGraded() throws IOException {
        assertEquals(0, exitCode, output);
        assertEquals(full(), score("perfect"), "the untouched solutions keep full marks");
    }

    @Test
    void aThreadHoldingSystemOutCannotStallGrading() throws IOException {
        assertEquals(full(), score("blocking"), output);
        assertTrue(output.lines().anyMatch(line -> line.startsWith("blocking") && line.contains("graded")), output);
    }

    @Test
    void anExerciseTheLibraryDoesScoresZeroWithTheCallNamed() throws IOException {
        Map<Integer, Integer> points = SubmissionReport.pointsByExercise(results("perfect"));
        assertEquals(full() - points.get(2), score("delegating"), output);
        String summary = results("delegating").get("output").getAsString();
        assertTrue(summary.contains("Ex2LogSumExp.java line ") && summary.contains(" uses org.emgmm.model.LogSumExp.of,"
                + " which this exercise may not use"), summary);
    }

    @Test
    void namesThatCleanAlikeGetReportsOfTheirOwn() throws IOException {
        assertEquals(full(), score("ana_maria"), output);
        assertEquals(full(), score("ana_maria-2"), output);
        List<String> gradebook = Files.readAllLines(grades.resolve("gradebook.csv"));
        assertTrue(gradebook.stream().anyMatch(line -> line.startsWith("ana_maria,")), gradebook.toString());
        assertTrue(gradebook.stream().anyMatch(line -> line.startsWith("ana_maria-2,")), gradebook.toString());
    }

    @Test
    void injectedTestsAreLeftOutAndNeverRun() throws IOException {
        JsonObject results = results("injected");
        assertEquals(full(), results.get("score").getAsInt(), "no extra points");
        assertEquals(full(), results.get("max_score").getAsInt(), "no extra tests");
        String summary = results.get("output").getAsString();
        assertTrue(summary.contains("Helper.java declares org.emgmm.grading.Exercise10Test outside package"
                + " org.emgmm.exercises"), summary);
        assertTrue(summary.contains("BonusTest.java left out"), summary);
        for (JsonElement test : results.getAsJsonArray("tests")) {
            assertFalse(test.getAsJsonObject().get("name").getAsString().contains("freePoints"), test.toString());
        }
        String header = Files.readAllLines(grades.resolve("gradebook.csv")).get(0);
        assertFalse(header.contains("exercise_10"), header);
    }

    @Test
    void noProcessOutlivesTheBatch() throws IOException {
        assertEquals(full(), score("lingering"), "starting a process costs nothing by itself");
        List<String> left = ProcessHandle.allProcesses()
                .map(process -> process.info().commandLine().orElse(""))
                .filter(command -> command.contains("sleep") && command.contains(LINGERING)).toList();
        assertEquals(List.of(), left, "processes a submission started");
    }

    @Test
    void theProjectCannotBeWritten() throws IOException {
        assertEquals("untouched", Files.readString(CANARY), "the canary in the project's build folder");
        assertEquals(full(), score("tampering"), output);
    }

    @Test
    void solutionsCannotBeReadIntoFeedback() throws IOException {
        String secret = Files.readAllLines(SECRET).stream().filter(line -> line.contains("logComponentDensity"))
                .findFirst().orElseThrow().strip();
        for (String id : List.of("reading", "perfect", "loud")) {
            String report = Files.readString(grades.resolve(id).resolve("results.json"));
            assertFalse(report.contains(secret), id + "'s report quotes the worked solution");
        }
        Map<Integer, Integer> points = SubmissionReport.pointsByExercise(results("perfect"));
        assertEquals(full() - points.get(4), score("reading"), "only exercise 4 fails");
    }

    @Test
    void longFeedbackIsCutWithAMarker() throws IOException {
        Map<Integer, Integer> points = SubmissionReport.pointsByExercise(results("perfect"));
        assertEquals(full() - points.get(2), score("loud"), "only exercise 2 fails");
        boolean marked = false;
        for (JsonElement test : results("loud").getAsJsonArray("tests")) {
            String text = test.getAsJsonObject().get("output").getAsString();
            assertTrue(text.length() <= SubmissionReport.MAX_OUTPUT_CHARS + 100, "output of " + text.length());
            marked |= text.contains(SubmissionReport.TRUNCATED);
        }
        assertTrue(marked, "a cut output says so");
    }
}
