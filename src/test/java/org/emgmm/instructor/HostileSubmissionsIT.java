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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.emgmm.grading.OwnWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile submissions, each the worked solutions with one planted attack, graded inside the bubblewrap
 * sandbox next to honest ones: each attack must gain nothing and harm nobody. Two batches, for the two
 * walls the grader builds:
 * <ul>
 *   <li><b>the grader as it is</b>: the own-work check refuses exercise code anything but computing, so
 *       forging a report, ending the JVM, starting processes or threads, writing or reading files are
 *       all refused before the code runs, and cost the exercise they are in, with the call named;</li>
 *   <li><b>the sandbox alone</b>: the same attacks graded with that rule turned off, as if a way around
 *       the check were found, to show that the sandbox and the signed result channel stop them too.</li>
 * </ul>
 * The attacks on the grader's intake are {@link HostileIntakeIT}'s; those only isolation can stop,
 * {@link HostileIsolationIT}'s.
 *
 * <p>These run only inside the sandbox: where bubblewrap is missing the test is skipped, unless
 * {@value HostileBatch#REQUIRE} is set (continuous integration sets it), when it fails instead.
 */
class HostileSubmissionsIT {

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

    /** The two batches' results. */
    private static HostileBatch graded;
    private static HostileBatch sandboxOnly;

    @BeforeAll
    static void gradeTheHostileBatches() throws IOException {
        requireSandbox();
        Files.writeString(CANARY, "untouched");

        Path submissions = folder.resolve("graded");
        copySolutions(submissions.resolve("perfect"));
        copySolutions(submissions.resolve("ana maria"));
        copySolutions(submissions.resolve("ana_maria"));
        injected(submissions.resolve("injected"));
        delegating(submissions.resolve("delegating"));
        loud(submissions.resolve("loud"));
        forging(submissions.resolve("forging"));
        hiding(submissions.resolve("hiding"));
        lingering(submissions.resolve("lingering"));
        graded = grade(submissions, folder.resolve("graded-reports"), EnumSet.allOf(OwnWork.Rule.class));

        Path attacks = folder.resolve("sandbox-only");
        copySolutions(attacks.resolve("perfect"));
        forging(attacks.resolve("forging"));
        lingering(attacks.resolve("lingering"));
        tampering(attacks.resolve("tampering"));
        reading(attacks.resolve("reading"));
        blocking(attacks.resolve("blocking"));
        sandboxOnly = grade(attacks, folder.resolve("sandbox-only-reports"), EnumSet.of(OwnWork.Rule.OWN_WORK));
    }

    private static HostileBatch grade(Path submissions, Path grades, Set<OwnWork.Rule> rules) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Grade.run(new String[] {submissions.toString(), "--out", grades.toString(), "--jobs", "2",
            "--memory", "128", "--test-timeout", "5", "--timeout", String.valueOf(BATCH_LIMIT_SECONDS),
            "--sandbox", "bwrap", "--classpath", testClasspath()},
                new PrintWriter(out, true), new PrintWriter(err, true), rules);
        return new HostileBatch(grades, out + err.toString(), exitCode);
    }

    /** Hole 1: forges a full-marks report, signs it with a made-up key, and ends the JVM early with code 0. */
    private static void forging(Path submission) throws IOException {
        copySolutions(submission);
        write(submission, "Forge.java", "package org.emgmm.exercises;\n"
                + "final class Forge {\n"
                + "    static void once() {\n"
                + "        String forged = \"{\\\"score\\\": 105, \\\"max_score\\\": 105, \\\"tests\\\": []}\";\n"
                + "        for (String place : new String[] {\"results.json\", \"../report/results.json\"}) {\n"
                + "            try { java.nio.file.Files.writeString(java.nio.file.Path.of(place), forged); }"
                + " catch (Exception e) { }\n"
                + "        }\n"
                + "        try { new java.io.FileOutputStream(java.io.FileDescriptor.out).write((\"0 final \"\n"
                + "            + java.util.Base64.getEncoder().encodeToString(forged.getBytes()) + \" 00\\n\").getBytes()); }"
                + " catch (Exception e) { }\n"
                + "        Thread quiet = new Thread(null, () -> Runtime.getRuntime().halt(0), \"quiet\", 0, false);\n"
                + "        quiet.start();\n"
                + "        try { quiet.join(); } catch (InterruptedException e) { }\n"
                + "    }\n"
                + "}\n");
        plant(submission, "Ex9Bic.java", "public static int freeParameters(int components, int dimension) {",
                "Forge.once();");
    }

    /** The check works class by class: an attack in a file's second class is found like one in its first. */
    private static void hiding(Path submission) throws IOException {
        copySolutions(submission);
        Path file = submission.resolve("org/emgmm/exercises/Ex3CholeskyDensity.java");
        Files.writeString(file, Files.readString(file) + "\nfinal class Quiet {\n"
                + "    static void exit() { System.exit(0); }\n"
                + "}\n");
        plant(submission, "Ex3CholeskyDensity.java",
                "public static double logDeterminant(double[] lower, int d) {", "if (lower == null) { Quiet.exit(); }");
    }

    /** Hole 2: a test of its own, in the graders' package and in its own. */
    private static void injected(Path submission) throws IOException {
        copySolutions(submission);
        write(submission, "Helper.java", "package org.emgmm.grading;\n"
                + "class Exercise10Test {\n"
                + "    @org.junit.jupiter.api.Test @org.emgmm.grading.Points(100) void freePoints() { }\n"
                + "}\n");
        write(submission, "BonusTest.java", "package org.emgmm.exercises;\n"
                + "public class BonusTest {\n"
                + "    @org.junit.jupiter.api.Test @org.emgmm.grading.Points(50) void freePoints() { }\n"
                + "}\n");
    }

    /** Hole 3: a process that outlives grading. */
    private static void lingering(Path submission) throws IOException {
        copySolutions(submission);
        write(submission, "Spawn.java", "package org.emgmm.exercises;\n"
                + "final class Spawn {\n"
                + "    static { try { new ProcessBuilder(\"sleep\", \"" + LINGERING + "\").start(); }"
                + " catch (Exception e) { } }\n"
                + "    static void once() { }\n"
                + "}\n");
        plant(submission, "Ex9Bic.java", "public static int freeParameters(int components, int dimension) {",
                "Spawn.once();");
    }

    /** Hole 4: writes to the project. */
    private static void tampering(Path submission) throws IOException {
        copySolutions(submission);
        plant(submission, "Ex1NormalPdf.java", "public static double pdf(double x, double mean, double variance) {",
                "try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + CANARY + "\"), \"tampered\"); }"
                        + " catch (Exception e) { }");
    }

    /** Hole 5: reads a worked solution into its feedback. */
    private static void reading(Path submission) throws IOException {
        copySolutions(submission);
        plant(submission, "Ex4EStep.java", "public static EStep eStep(DataMatrix data, GaussianMixture model) {",
                "if (data != null) { String s; try { s = java.nio.file.Files.readString(java.nio.file.Path.of(\""
                        + SECRET + "\")); } catch (Exception e) { s = e.toString(); } throw new IllegalStateException(s); }");
    }

    /** Hole 8: unbounded feedback. */
    private static void loud(Path submission) throws IOException {
        copySolutions(submission);
        plant(submission, "Ex2LogSumExp.java", "public static double logSumExp(double[] a) {",
                "if (a != null) { throw new IllegalStateException(\"x\".repeat(50_000)); }");
    }

    /** Hole 6: the library does the exercise. */
    private static void delegating(Path submission) throws IOException {
        copySolutions(submission);
        plant(submission, "Ex2LogSumExp.java", "public static double logSumExp(double[] a) {",
                "if (a != null) { return org.emgmm.model.LogSumExp.of(a); }");
    }

    /** Hole 7: holds System.out's lock forever. */
    private static void blocking(Path submission) throws IOException {
        copySolutions(submission);
        write(submission, "Hold.java", "package org.emgmm.exercises;\n"
                + "final class Hold {\n"
                + "    static {\n"
                + "        Thread holder = new Thread(() -> { synchronized (System.out) {\n"
                + "            while (true) { try { Thread.sleep(100_000); } catch (InterruptedException e) { } } } });\n"
                + "        holder.setDaemon(true);\n"
                + "        holder.start();\n"
                + "    }\n"
                + "    static void once() { }\n"
                + "}\n");
        plant(submission, "Ex1NormalPdf.java", "public static double pdf(double x, double mean, double variance) {",
                "Hold.once();");
    }

    @AfterAll
    static void removeTheCanary() throws IOException {
        Files.deleteIfExists(CANARY);
    }

    @Test
    void bothBatchesFinishAndHonestWorkKeepsFullMarks() throws IOException {
        assertEquals(0, graded.exitCode(), graded.output());
        assertEquals(0, sandboxOnly.exitCode(), sandboxOnly.output());
        assertEquals(graded.full(), graded.score("perfect"), "the untouched solutions keep full marks");
        assertEquals(sandboxOnly.full(), sandboxOnly.score("perfect"), "the untouched solutions keep full marks");
    }

    @Test
    void everyAttackOnTheSystemIsRefusedBeforeItRunsWithTheCallNamed() throws IOException {
        Map<String, Integer> exerciseOf = Map.of("forging", 9, "hiding", 3, "lingering", 9);
        Map<String, String> callOf = Map.of("forging", "Forge.java line 6 uses java.nio.file.Files.writeString",
                "hiding", "Ex3CholeskyDensity.java line ", "lingering", "java.lang.ProcessBuilder");
        for (String id : exerciseOf.keySet()) {
            assertEquals(graded.fullBut(exerciseOf.get(id)), graded.score(id), id + ": " + graded.output());
            String summary = graded.summary(id);
            assertTrue(summary.contains(callOf.get(id)) && summary.contains("which exercise code may not use"),
                    id + ": " + summary);
        }
        assertTrue(graded.summary("hiding").contains("uses java.lang.System.exit"), graded.summary("hiding"));
    }

    @Test
    void aForgedReportAndAnEarlyEndGainNothingEvenInsideTheSandboxAlone() throws IOException {
        JsonObject results = sandboxOnly.results("forging");
        assertTrue(results.get("score").getAsInt() <= sandboxOnly.fullBut(9), results.toString());
        for (JsonElement test : results.getAsJsonArray("tests")) {
            JsonObject one = test.getAsJsonObject();
            if (one.get("number").getAsString().startsWith("9.")) {
                assertEquals("failed", one.get("status").getAsString(), one.toString());
            }
        }
        assertTrue(sandboxOnly.gradebookLine("forging").contains("ended early"), sandboxOnly.gradebookLine("forging"));
        assertTrue(results.get("output").getAsString().contains("were not signed"), results.toString());
    }

    @Test
    void aThreadHoldingSystemOutCannotStallGrading() throws IOException {
        assertEquals(sandboxOnly.full(), sandboxOnly.score("blocking"), sandboxOnly.output());
        assertTrue(sandboxOnly.gradebookLine("blocking").contains("graded"), sandboxOnly.output());
    }

    @Test
    void anExerciseTheLibraryDoesScoresZeroWithTheCallNamed() throws IOException {
        assertEquals(graded.fullBut(2), graded.score("delegating"), graded.output());
        String summary = graded.summary("delegating");
        assertTrue(summary.contains("Ex2LogSumExp.java line ") && summary.contains(" uses org.emgmm.model.LogSumExp.of,"
                + " which this exercise may not use"), summary);
    }

    @Test
    void namesThatCleanAlikeGetReportsOfTheirOwn() throws IOException {
        assertEquals(graded.full(), graded.score("ana_maria"), graded.output());
        assertEquals(graded.full(), graded.score("ana_maria-2"), graded.output());
        graded.gradebookLine("ana_maria");
        graded.gradebookLine("ana_maria-2");
    }

    @Test
    void injectedTestsAreLeftOutAndNeverRun() throws IOException {
        JsonObject results = graded.results("injected");
        assertEquals(graded.full(), results.get("score").getAsInt(), "no extra points");
        assertEquals(graded.full(), results.get("max_score").getAsInt(), "no extra tests");
        String summary = results.get("output").getAsString();
        assertTrue(summary.contains("Helper.java declares org.emgmm.grading.Exercise10Test outside package"
                + " org.emgmm.exercises"), summary);
        assertTrue(summary.contains("BonusTest.java left out"), summary);
        for (JsonElement test : results.getAsJsonArray("tests")) {
            assertFalse(test.getAsJsonObject().get("name").getAsString().contains("freePoints"), test.toString());
        }
        // Its Exercise10Test, in the graders' package, would shadow the real one: exercise 10 is graded by
        // the real tests, with the worked solution's full marks.
        assertEquals(9, SubmissionReport.pointsByExercise(results).get(10), "exercise 10 graded by its own tests");
    }

    @Test
    void noProcessOutlivesTheHostileBatch() throws IOException {
        assertEquals(sandboxOnly.full(), sandboxOnly.score("lingering"), "starting a process costs nothing by itself");
        List<String> left = ProcessHandle.allProcesses()
                .map(process -> process.info().commandLine().orElse(""))
                .filter(command -> command.contains("sleep") && command.contains(LINGERING)).toList();
        assertEquals(List.of(), left, "processes a submission started");
    }

    @Test
    void theProjectCannotBeWritten() throws IOException {
        assertEquals("untouched", Files.readString(CANARY), "the canary in the project's build folder");
        assertEquals(sandboxOnly.full(), sandboxOnly.score("tampering"), sandboxOnly.output());
    }

    @Test
    void solutionsCannotBeReadIntoFeedback() throws IOException {
        String secret = Files.readAllLines(SECRET).stream().filter(line -> line.contains("logComponentDensity"))
                .findFirst().orElseThrow().strip();
        for (HostileBatch batch : List.of(graded, sandboxOnly)) {
            for (String id : List.of("reading", "perfect", "loud")) {
                Path report = batch.grades().resolve("submissions").resolve(id).resolve("results.json");
                if (Files.exists(report)) {
                    assertFalse(Files.readString(report).contains(secret), id + "'s report quotes the worked solution");
                }
            }
        }
        assertEquals(sandboxOnly.fullBut(4), sandboxOnly.score("reading"), "only exercise 4 fails");
    }

    @Test
    void longFeedbackIsCutWithAMarker() throws IOException {
        assertEquals(graded.fullBut(2), graded.score("loud"), "only exercise 2 fails");
        boolean marked = false;
        for (JsonElement test : graded.results("loud").getAsJsonArray("tests")) {
            String text = test.getAsJsonObject().get("output").getAsString();
            assertTrue(text.length() <= SubmissionReport.MAX_OUTPUT_CHARS + 100, "output of " + text.length());
            marked |= text.contains(SubmissionReport.TRUNCATED);
        }
        assertTrue(marked, "a cut output says so");
    }
}
