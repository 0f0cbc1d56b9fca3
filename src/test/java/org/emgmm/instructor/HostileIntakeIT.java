package org.emgmm.instructor;

import static org.emgmm.instructor.HostileBatch.requireSandbox;
import static org.emgmm.instructor.HostileBatch.write;
import static org.emgmm.instructor.SubmissionFolders.copySolutions;
import static org.emgmm.instructor.SubmissionFolders.relativeLink;
import static org.emgmm.instructor.SubmissionFolders.testClasspath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on how the grader takes a submission in and names its reports: exercise files that are links
 * into the worked solutions, a link to a hidden test, a zip whose entries are links, a zip named
 * {@code gradebook.csv.zip}, a note that starts a spreadsheet formula. They run no hostile code, so their
 * batch is graded inside bubblewrap and again with {@code --sandbox none}: the grader's intake, outside any
 * sandbox, is what must stop them. Skipped where bubblewrap is missing, unless
 * {@value HostileBatch#REQUIRE} is set. (The other hostile suites: {@link HostileSubmissionsIT},
 * {@link HostileIsolationIT}.)
 */
class HostileIntakeIT {

    @TempDir
    static Path folder;

    /** Each submission's time limit here: far above what honest ones need, far below the default. */
    private static final int BATCH_LIMIT_SECONDS = 120;

    // Only real files, reserved names and formula cells: attacks on how the grader takes submissions in
    // and writes its reports. These run no hostile code, so they are graded twice, inside bubblewrap and
    // with no sandbox at all: what stops them is the grader's own intake, outside any sandbox.

    /** The batch of intake attacks graded inside bubblewrap, and the same batch with --sandbox none. */
    private static HostileBatch intakeInSandbox;
    private static HostileBatch intakeWithoutSandbox;

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

    private static HostileBatch gradeIntake(Path submissions, Path grades, String sandbox) {
        StringWriter out = new StringWriter();
        int exitCode = Grade.run(new String[] {submissions.toString(), "--out", grades.toString(), "--jobs", "2",
            "--memory", "128", "--test-timeout", "5", "--timeout", String.valueOf(BATCH_LIMIT_SECONDS),
            "--sandbox", sandbox, "--classpath", testClasspath()},
                new PrintWriter(out, true), new PrintWriter(out, true));
        return new HostileBatch(grades, out.toString(), exitCode);
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
        for (HostileBatch batch : List.of(intakeInSandbox, intakeWithoutSandbox)) {
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
        for (HostileBatch batch : List.of(intakeInSandbox, intakeWithoutSandbox)) {
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
        for (HostileBatch batch : List.of(intakeInSandbox, intakeWithoutSandbox)) {
            assertTrue(batch.score("zipped-links") <= AT_MOST, batch.summary("zipped-links"));
            assertTrue(batch.summary("zipped-links").contains("Ex1NormalPdf.java " + ZipUnpacker.LINK),
                    batch.summary("zipped-links"));
        }
    }

    @Test
    void aSubmissionNamedLikeTheGradebookHarmsNoBatchFile() throws IOException {
        for (HostileBatch batch : List.of(intakeInSandbox, intakeWithoutSandbox)) {
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
        for (HostileBatch batch : List.of(intakeInSandbox, intakeWithoutSandbox)) {
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
}
