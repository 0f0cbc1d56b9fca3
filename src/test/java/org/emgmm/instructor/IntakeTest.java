package org.emgmm.instructor;

import static org.emgmm.instructor.SubmissionFolders.copySolutions;
import static org.emgmm.instructor.SubmissionFolders.relativeLink;
import static org.emgmm.instructor.SubmissionFolders.zipWithLinks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader reads only real files from a submission: a symbolic link is never followed, a pipe never
 * opened, each refused with a note that names the entry and never its target, and a
 * {@code module-info.java} is left out with a note.
 */
class IntakeTest {

    private static Set<String> expected;

    @TempDir
    Path folder;

    /** A copy of the project's worked solutions, which the links below lead to (a copy: JUnit cleans it up). */
    private Path solutions;

    /** A copy of the project's hidden test. */
    private Path hiddenTest;

    @BeforeAll
    static void listTheExerciseFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("exercises/org/emgmm/exercises"))) {
            expected = files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @BeforeEach
    void copyTheSecrets() throws IOException {
        Path project = folder.resolve("project");
        copySolutions(project.resolve("solutions"));
        solutions = project.resolve("solutions/org/emgmm/exercises");
        hiddenTest = project.resolve("hidden-tests/org/emgmm/grading/hidden/Exercise5HiddenTest.java");
        Files.createDirectories(hiddenTest.getParent());
        Files.copy(Path.of("hidden-tests/org/emgmm/grading/hidden/Exercise5HiddenTest.java"), hiddenTest);
    }

    @Test
    void exerciseFilesThatAreLinksIntoTheSolutionsAreNeverRead() throws Exception {
        Path submission = folder.resolve("linked");
        Path exercises = submission.resolve("exercises/org/emgmm/exercises");
        for (String name : expected) {
            relativeLink(exercises.resolve(name), solutions.resolve(name));
        }
        Intake.Taken taken = take(submission);
        assertEquals(List.of(), javaFiles(taken.folder()), "nothing was copied");
        assertEquals(expected, taken.notes().keySet(), "each link is named by its file name");
        for (String why : taken.notes().values()) {
            assertEquals(Intake.LINK + Intake.NOT_STARTED, why);
        }
        assertNothingRevealed(taken.notes());
    }

    @Test
    void aLinkBesideRealWorkIsRefusedByItsOwnPathAndTheWorkIsTaken() throws Exception {
        Path submission = folder.resolve("peeking");
        copySolutions(submission);
        relativeLink(submission.resolve("org/emgmm/exercises/Peek.java"), hiddenTest);
        Files.createSymbolicLink(submission.resolve("notes.java"), hiddenTest);   // an absolute link
        Intake.Taken taken = take(submission);
        assertEquals(expected, Set.copyOf(javaFiles(taken.folder())), "the exercise files, and no link");
        for (String name : expected) {
            assertEquals(Files.readString(solutions.resolve(name)), Files.readString(taken.folder().resolve(name)));
        }
        assertEquals(Map.of("Peek.java", Intake.LINK, "notes.java", Intake.LINK), taken.notes());
        assertNothingRevealed(taken.notes());
    }

    @Test
    void aLinkedFolderIsNotEnteredAndTheReasonSaysSo() throws IOException {
        Path submission = folder.resolve("folder-link");
        Files.createDirectories(submission);
        Files.createSymbolicLink(submission.resolve("exercises"), solutions);
        Submission.NotASubmission refused = assertThrows(Submission.NotASubmission.class, () -> take(submission));
        assertTrue(refused.getMessage().contains("no exercise files") && refused.getMessage().contains(
                "exercises " + Intake.LINK), refused.getMessage());
        assertFalse(refused.getMessage().contains(solutions.toString()), refused.getMessage());
    }

    @Test
    void aSubmissionThatIsItselfALinkIsRefused() throws IOException {
        Path real = folder.resolve("real");
        copySolutions(real);
        Path link = folder.resolve("link");
        Files.createSymbolicLink(link, real);
        Submission.NotASubmission refused = assertThrows(Submission.NotASubmission.class, () -> take(link));
        assertTrue(refused.getMessage().startsWith("link is a symbolic link"), refused.getMessage());
    }

    @Test
    void aPipeNamedAsAnExerciseIsNeverOpened() throws Exception {
        Path submission = folder.resolve("piped");
        copySolutions(submission);
        Path pipe = submission.resolve("org/emgmm/exercises/Ex2LogSumExp.java");
        Files.delete(pipe);
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(pipe, LinkOption.NOFOLLOW_LINKS), "mkfifo");
        Intake.Taken taken = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> take(submission),
                "opening a pipe would wait for a writer forever");
        assertEquals(Intake.NOT_A_FILE + Intake.NOT_STARTED,
                taken.notes().get("Ex2LogSumExp.java"));
        assertFalse(Files.exists(taken.folder().resolve("Ex2LogSumExp.java")));
    }

    @Test
    void aModuleDeclarationIsLeftOutWithANote() throws Exception {
        Path submission = folder.resolve("modular");
        copySolutions(submission);
        Files.writeString(submission.resolve("org/emgmm/exercises/module-info.java"), "module exercises { }\n");
        Intake.Taken taken = take(submission);
        assertEquals(Map.of("module-info.java", Intake.MODULE_INFO), taken.notes());
        assertEquals(expected, Set.copyOf(javaFiles(taken.folder())));
    }

    @Test
    void aFileWhoseNameHoldsANewlineIsLeftOut() throws Exception {
        Path submission = folder.resolve("newline");
        copySolutions(submission);
        Files.writeString(submission.resolve("org/emgmm/exercises/Helper\nSCORE 105.java"), "class Helper { }\n");
        Intake.Taken taken = take(submission);
        assertEquals(Map.of("Helper?SCORE 105.java", Intake.CONTROL_CHARACTERS), taken.notes());
        assertEquals(expected, Set.copyOf(javaFiles(taken.folder())));
    }

    @Test
    void zipEntriesThatAreLinksAreNeverUnpacked() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("handin/exercises/Ex1NormalPdf.java", Files.readString(solutions.resolve("Ex1NormalPdf.java")));
        entries.put("handin/exercises/Ex2LogSumExp.java", "../../../solutions/org/emgmm/exercises/Ex2LogSumExp.java");
        entries.put("handin/secret", hiddenTest.toString());
        Path zip = folder.resolve("linked.zip");
        zipWithLinks(zip, entries, Set.of("handin/exercises/Ex2LogSumExp.java", "handin/secret"));
        Path scratch = folder.resolve("scratch");
        Intake.Taken taken = Intake.take(new Submission("linked", zip), scratch, expected);
        assertEquals(List.of("Ex1NormalPdf.java"), javaFiles(taken.folder()));
        assertEquals(Map.of("Ex2LogSumExp.java", ZipUnpacker.LINK + Intake.NOT_STARTED,
                "handin/secret", ZipUnpacker.LINK), taken.notes());
        assertFalse(Files.exists(scratch.resolve("unpacked/handin/exercises/Ex2LogSumExp.java"),
                LinkOption.NOFOLLOW_LINKS), "not unpacked, not even as a file");
        assertNothingRevealed(taken.notes());
    }

    @Test
    void manyRefusedEntriesAreCountedAfterTheFirstFew() throws Exception {
        Path submission = folder.resolve("many");
        copySolutions(submission);
        for (int i = 0; i < Intake.NOTES_LISTED + 5; i++) {
            Files.createSymbolicLink(submission.resolve(String.format("link%02d", i)), solutions);
        }
        Map<String, String> notes = take(submission).notes();
        assertEquals(Intake.NOTES_LISTED + 1, notes.size(), notes.toString());
        assertTrue(notes.containsKey("and 5 more entries"), notes.toString());
    }

    @Test
    void namesAreQuotedWithoutControlCharactersAndCut() {
        assertEquals("a?b?c", Intake.printable("a\nb\u202Ec"));
        assertEquals("x".repeat(Intake.MAX_NAME_CHARS) + "…", Intake.printable("x".repeat(500)));
    }

    private Intake.Taken take(Path submission) throws IOException, Submission.NotASubmission {
        return Intake.take(new Submission(submission.getFileName().toString(), submission),
                folder.resolve("scratch-" + submission.getFileName()), expected);
    }

    private static List<String> javaFiles(Path copy) throws IOException {
        try (Stream<Path> files = Files.list(copy)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** No note says where a link leads: not the solutions, not the hidden test, not its class. */
    private static void assertNothingRevealed(Map<String, String> notes) {
        String text = notes.toString();
        for (String secret : List.of("solutions", "hidden", "Exercise5HiddenTest", "..")) {
            assertFalse(text.contains(secret), secret + " in " + text);
        }
    }
}
