package org.emgmm.instructor;

import static org.emgmm.instructor.SubmissionFolders.copySolutions;
import static org.emgmm.instructor.SubmissionFolders.plant;
import static org.emgmm.instructor.SubmissionFolders.relativeLink;
import static org.emgmm.instructor.SubmissionFolders.testClasspath;
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
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.emgmm.grading.OwnWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
 *   <li><b>the isolation</b>, with every own-work rule off, inside bubblewrap and again with
 *       {@code --sandbox none}: static state carried from exercise 6 to later exercises, an earlier
 *       batch's gradebook and class report read by absolute and relative path, a cause chain without
 *       end, a message of twelve million characters, a thread stuck in a static initialiser.</li>
 * </ul>
 * Apart from those, attacks on how the grader takes a submission in and names its reports (links into
 * the solutions or to a hidden test, a zip of links, a zip named {@code gradebook.csv.zip}, a note that
 * starts a spreadsheet formula) run no hostile code: their batch is graded inside bubblewrap and again
 * with {@code --sandbox none}, since the grader's intake, outside any sandbox, is what must stop them.
 *
 * <p>These run only inside the sandbox: where bubblewrap is missing the test is skipped, unless
 * {@value #REQUIRE} is set (continuous integration sets it), when it fails instead.
 */
class HostileSubmissionsIT {

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

    /** The two batches' results. */
    private static Batch graded;
    private static Batch sandboxOnly;

    /** One graded batch: where its reports are, what the grader printed, and its exit code. */
    private record Batch(Path grades, String output, int exitCode) {

        JsonObject results(String id) throws IOException {
            return SubmissionReport.read(grades.resolve("submissions").resolve(id).resolve("results.json"));
        }

        int score(String id) throws IOException {
            return results(id).get("score").getAsInt();
        }

        int full() throws IOException {
            return results("perfect").get("max_score").getAsInt();
        }

        /** The full score less the points of {@code exercise}. */
        int fullBut(int exercise) throws IOException {
            return full() - SubmissionReport.pointsByExercise(results("perfect")).get(exercise);
        }

        String summary(String id) throws IOException {
            return results(id).get("output").getAsString();
        }

        String gradebookLine(String id) throws IOException {
            return Files.readAllLines(grades.resolve("gradebook.csv")).stream()
                    .filter(line -> line.startsWith(id + ",")).findFirst().orElseThrow();
        }
    }

    /** Skips the suite where bubblewrap is missing, or fails it when {@value #REQUIRE} is set. */
    private static void requireSandbox() {
        if (!Files.isExecutable(SandboxChoice.BWRAP)) {
            if (System.getenv(REQUIRE) != null) {
                fail("bubblewrap (" + SandboxChoice.BWRAP + ") is missing but " + REQUIRE + " is set: install bubblewrap");
            }
            Assumptions.abort("hostile submissions run only inside bubblewrap, which is not installed here");
        }
    }

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

    private static Batch grade(Path submissions, Path grades, Set<OwnWork.Rule> rules) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Grade.run(new String[] {submissions.toString(), "--out", grades.toString(), "--jobs", "2",
            "--memory", "128", "--test-timeout", "5", "--timeout", String.valueOf(BATCH_LIMIT_SECONDS),
            "--sandbox", "bwrap", "--classpath", testClasspath()},
                new PrintWriter(out, true), new PrintWriter(err, true), rules);
        return new Batch(grades, out + err.toString(), exitCode);
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

    private static void write(Path submission, String file, String text) throws IOException {
        Files.writeString(submission.resolve("org/emgmm/exercises").resolve(file), text, StandardCharsets.UTF_8);
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
        String header = Files.readAllLines(graded.grades().resolve("gradebook.csv")).get(0);
        assertFalse(header.contains("exercise_10"), header);
    }

    @Test
    void noProcessOutlivesTheBatch() throws IOException {
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
        for (Batch batch : List.of(graded, sandboxOnly)) {
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

    // Only real files, reserved names and formula cells: attacks on how the grader takes submissions in
    // and writes its reports. These run no hostile code, so they are graded twice, inside bubblewrap and
    // with no sandbox at all: what stops them is the grader's own intake, outside any sandbox.

    /** The batch of intake attacks graded inside bubblewrap, and the same batch with --sandbox none. */
    private static Batch intakeInSandbox;
    private static Batch intakeWithoutSandbox;

    /** The hidden test a submission links to: its class name must not reach any report. */
    private static final Path HIDDEN_TEST = Path.of("hidden-tests/org/emgmm/grading/hidden/Exercise5HiddenTest.java")
            .toAbsolutePath();

    /** The most points a refused attack may keep. */
    private static final int AT_MOST = 5;

    @BeforeAll
    static void gradeTheIntakeAttacks() throws IOException {
        requireSandbox();
        Path submissions = folder.resolve("intake");
        copySolutions(submissions.resolve("perfect"));
        linkedIntoTheSolutions(submissions.resolve("linked"));
        linkedToAHiddenTest(submissions.resolve("peeking"));
        zippedLinks(submissions.resolve("zipped-links.zip"));
        SubmissionFolders.zip(submissions.resolve("perfect"), submissions.resolve("gradebook.csv.zip"), "exercises/");
        formulaInANote(submissions.resolve("formula"));
        intakeInSandbox = gradeIntake(submissions, folder.resolve("intake-bwrap"), "bwrap");
        intakeWithoutSandbox = gradeIntake(submissions, folder.resolve("intake-none"), "none");
    }

    private static Batch gradeIntake(Path submissions, Path grades, String sandbox) {
        StringWriter out = new StringWriter();
        int exitCode = Grade.run(new String[] {submissions.toString(), "--out", grades.toString(), "--jobs", "2",
            "--memory", "128", "--test-timeout", "5", "--timeout", String.valueOf(BATCH_LIMIT_SECONDS),
            "--sandbox", sandbox, "--classpath", testClasspath()},
                new PrintWriter(out, true), new PrintWriter(out, true));
        return new Batch(grades, out.toString(), exitCode);
    }

    /** A cloned repository's exercise files: relative links into the project's worked solutions. */
    private static void linkedIntoTheSolutions(Path submission) throws IOException {
        Path solutions = Path.of("solutions/org/emgmm/exercises");
        try (java.util.stream.Stream<Path> files = Files.list(solutions)) {
            for (Path file : files.toList()) {
                relativeLink(submission.resolve("exercises/org/emgmm/exercises").resolve(file.getFileName()), file);
            }
        }
    }

    /** Real work, and beside it a link to a hidden test, whose class name a compiler's note would give away. */
    private static void linkedToAHiddenTest(Path submission) throws IOException {
        copySolutions(submission);
        relativeLink(submission.resolve("org/emgmm/exercises/Peek.java"), HIDDEN_TEST);
    }

    /** A zip made with {@code zip -y}: every exercise file a link into the solutions. */
    private static void zippedLinks(Path zip) throws IOException {
        Map<String, String> entries = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> files = Files.list(Path.of("solutions/org/emgmm/exercises"))) {
            files.forEach(file -> entries.put("exercises/org/emgmm/exercises/" + file.getFileName(),
                    "../../../../solutions/org/emgmm/exercises/" + file.getFileName()));
        }
        SubmissionFolders.zipWithLinks(zip, entries, entries.keySet());
    }

    /** Real work, and a file whose name, quoted first in the notes, starts a spreadsheet formula. */
    private static void formulaInANote(Path submission) throws IOException {
        copySolutions(submission);
        write(submission, "=1+2.java", "package org.emgmm.exercises;\nthis is not Java\n");
    }

    @AfterAll
    static void removeTheLinks() throws IOException {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            for (Path link : paths.filter(Files::isSymbolicLink).toList()) {
                Files.delete(link);      // before JUnit cleans up, which warns about links leading out
            }
        }
    }

    @Test
    void exerciseFilesLinkedIntoTheSolutionsScoreNothingWithTheReason() throws IOException {
        for (Batch batch : List.of(intakeInSandbox, intakeWithoutSandbox)) {
            assertEquals(0, batch.exitCode(), batch.output());
            assertEquals(batch.full(), batch.score("perfect"), "the honest control: " + batch.output());
            assertTrue(batch.score("linked") <= AT_MOST, batch.grades() + ": " + batch.summary("linked"));
            String summary = batch.summary("linked");
            assertTrue(summary.contains("Ex4EStep.java " + Intake.LINK), summary);
            assertTrue(batch.gradebookLine("linked").contains(Intake.LINK), batch.gradebookLine("linked"));
            assertFalse(summary.contains("solutions/"), "no note says where a link leads: " + summary);
        }
    }

    @Test
    void aLinkToAHiddenTestRevealsNothing() throws IOException {
        for (Batch batch : List.of(intakeInSandbox, intakeWithoutSandbox)) {
            assertEquals(batch.full(), batch.score("peeking"), "the real work counts: " + batch.output());
            assertTrue(batch.summary("peeking").contains("Peek.java " + Intake.LINK), batch.summary("peeking"));
            Path report = batch.grades().resolve("submissions/peeking");
            for (String text : List.of(Files.readString(report.resolve("results.json")),
                    Files.readString(report.resolve("score.txt")), batch.gradebookLine("peeking"))) {
                for (String secret : List.of("Exercise5HiddenTest", "hidden-tests", "org.emgmm.grading.hidden")) {
                    assertFalse(text.contains(secret), secret + " in " + text);
                }
            }
        }
    }

    @Test
    void zipEntriesThatAreLinksAreNeverUnpacked() throws IOException {
        for (Batch batch : List.of(intakeInSandbox, intakeWithoutSandbox)) {
            assertTrue(batch.score("zipped-links") <= AT_MOST, batch.summary("zipped-links"));
            assertTrue(batch.summary("zipped-links").contains("Ex1NormalPdf.java " + ZipUnpacker.LINK),
                    batch.summary("zipped-links"));
        }
    }

    @Test
    void aSubmissionNamedLikeTheGradebookHarmsNoBatchFile() throws IOException {
        for (Batch batch : List.of(intakeInSandbox, intakeWithoutSandbox)) {
            assertEquals(0, batch.exitCode(), batch.output());
            assertEquals(batch.full(), batch.score("gradebook.csv"), batch.output());
            List<List<String>> gradebook = ClassReportTest.readCsv(batch.grades().resolve("gradebook.csv"));
            assertEquals(List.of("formula", "gradebook.csv", "linked", "peeking", "perfect", "zipped-links"),
                    gradebook.stream().skip(1).map(row -> row.get(0)).toList(), "a row for everyone");
            List<List<String>> classReport = ClassReportTest.readCsv(batch.grades().resolve("class-report.csv"));
            assertTrue(classReport.size() > 1 && classReport.stream().skip(1).allMatch(row -> row.get(5).equals("6")),
                    "every submission counted in the class report: " + classReport);
            assertTrue(Files.isRegularFile(batch.grades().resolve("class-report.png")), batch.output());
        }
    }

    @Test
    void aNoteThatStartsAFormulaIsWrittenAsText() throws IOException {
        for (Batch batch : List.of(intakeInSandbox, intakeWithoutSandbox)) {
            assertEquals(batch.full(), batch.score("formula"), "the file left out costs nothing: " + batch.output());
            List<String> row = ClassReportTest.readCsv(batch.grades().resolve("gradebook.csv")).stream()
                    .filter(cells -> cells.get(0).equals("formula")).findFirst().orElseThrow();
            assertTrue(row.get(row.size() - 1).startsWith("'=1+2.java does not compile"), row.toString());
            for (String file : List.of("gradebook.csv", "class-report.csv")) {
                for (List<String> cells : ClassReportTest.readCsv(batch.grades().resolve(file))) {
                    for (String cell : cells) {
                        assertFalse(!cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0
                                || cell.startsWith("-") && !cell.matches("-[0-9.]+"), file + ": " + cell);
                    }
                }
            }
        }
    }

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
    private static final Map<String, Batch> ISOLATED = new java.util.TreeMap<>();

    /** The modes the isolation batches are graded in. */
    private static final List<String> MODES = List.of("bwrap", "none");

    @BeforeAll
    static void gradeTheIsolationBatches() throws IOException {
        requireSandbox();
        Compilation.deleteTree(EARLIER);
        Path earlier = folder.resolve("isolation-earlier");
        copySolutions(earlier.resolve(EARLIER_STUDENT));
        Batch first = gradeIsolated(earlier, EARLIER, "none");
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
    static void removeTheEarlierBatch() throws IOException {
        Compilation.deleteTree(EARLIER);
    }

    /** Grades with every own-work rule off, in the sandbox {@code mode}. */
    private static Batch gradeIsolated(Path submissions, Path grades, String mode) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Grade.run(new String[] {submissions.toString(), "--out", grades.toString(), "--jobs", "2",
            "--memory", "128", "--test-timeout", "5", "--timeout", String.valueOf(ISOLATION_LIMIT_SECONDS),
            "--sandbox", mode, "--classpath", testClasspath()},
                new PrintWriter(out, true), new PrintWriter(err, true), EnumSet.noneOf(OwnWork.Rule.class));
        return new Batch(grades, out + err.toString(), exitCode);
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
            Batch batch = ISOLATED.get(mode);
            assertEquals(0, batch.exitCode(), mode + ": " + batch.output());
            assertEquals(batch.full(), batch.score("perfect"), mode + ": the untouched solutions keep full marks");
            assertEquals(mode, batch.results("perfect").getAsJsonObject("extra_data").get("sandbox").getAsString(),
                    "results.json says how it was graded");
        }
    }

    @Test
    void staticStateCarriedFromExercise6ScoresNothingLater() throws IOException {
        for (String mode : MODES) {
            Batch batch = ISOLATED.get(mode);
            Map<Integer, Integer> points = SubmissionReport.pointsByExercise(batch.results("carrying"));
            Map<Integer, Integer> full = SubmissionReport.pointsByExercise(batch.results("perfect"));
            assertEquals(0, points.get(7), mode + ": exercise 7 answered with exercise 6's steps: " + points);
            assertEquals(0, points.get(-1), mode + ": the hidden tests of exercise 5 too: " + points);
            assertEquals(0, points.get(5), mode + ": " + points);
            assertEquals(full.get(6), points.get(6), mode + ": exercise 6 itself is honest: " + points);
        }
    }

    @Test
    void anEarlierBatchsGradesAndOtherSubmissionsCannotBeReadIntoFeedback() throws IOException {
        for (String mode : MODES) {
            Batch batch = ISOLATED.get(mode);
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
            Batch batch = ISOLATED.get(mode);
            assertEquals(batch.fullBut(2), batch.score("endless"), mode + ": " + batch.output());
            assertTrue(batch.gradebookLine("endless").contains(",graded,"), batch.gradebookLine("endless"));
            assertTrue(failures(batch, "endless", "2.").contains("a cause without end"), mode);
        }
    }

    @Test
    void aTwelveMillionCharacterMessageIsCutAndTheReportStaysSigned() throws IOException {
        for (String mode : MODES) {
            Batch batch = ISOLATED.get(mode);
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
            Batch batch = ISOLATED.get(mode);
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
    private static String failures(Batch batch, String id, String prefix) throws IOException {
        StringBuilder outputs = new StringBuilder();
        for (JsonElement element : batch.results(id).getAsJsonArray("tests")) {
            JsonObject test = element.getAsJsonObject();
            if (test.get("number").getAsString().startsWith(prefix) && "failed".equals(test.get("status").getAsString())) {
                outputs.append(test.get("output").getAsString()).append('\n');
            }
        }
        return outputs.toString();
    }
}
