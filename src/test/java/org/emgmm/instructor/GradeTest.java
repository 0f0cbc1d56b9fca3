package org.emgmm.instructor;

import static org.emgmm.instructor.SubmissionFolders.copySolutions;
import static org.emgmm.instructor.SubmissionFolders.testClasspath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader's refusals, which come before any submission is compiled or graded. (Grading itself, in
 * JVMs of its own: {@link GradeIT}, {@link GradeTimeLimitIT}, {@link HostileSubmissionsIT}.)
 */
class GradeTest {

    @TempDir
    Path folder;

    @Test
    void badOptionsGiveOneLineAndExitCode2() {
        StringWriter err = new StringWriter();
        int code = Grade.run(new String[] {folder.resolve("nowhere").toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));
        assertEquals(2, code);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("does not exist"), err.toString());
        StringWriter unknown = new StringWriter();
        assertEquals(2, Grade.run(new String[] {"--frobnicate", "x"}, new PrintWriter(new StringWriter()),
                new PrintWriter(unknown, true)));
        assertFalse(unknown.toString().contains("\tat "), unknown.toString());
        StringWriter seed = new StringWriter();
        assertEquals(2, Grade.run(new String[] {folder.toString(), "--seed", "0xZZ"}, new PrintWriter(new StringWriter()),
                new PrintWriter(seed, true)));
        assertEquals(1, seed.toString().strip().lines().count(), seed.toString());
        assertTrue(seed.toString().contains("--seed 0xZZ is not a seed"), seed.toString());
    }

    @Test
    void aReportFolderHoldingOtherFilesIsNeverReplaced() throws IOException {
        Path submission = folder.resolve("submissions/perfect");
        copySolutions(submission);
        Path out = folder.resolve("project");
        Path mine = out.resolve("submissions/perfect/Notes.java");
        Files.createDirectories(mine.getParent());
        Files.writeString(mine, "keep me");
        StringWriter err = new StringWriter();
        int code = Grade.run(new String[] {submission.toString(), "--out", out.toString(),
            "--classpath", testClasspath()}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("holds other files than a report ([Notes.java])"), err.toString());
        assertEquals("keep me", Files.readString(mine));
    }
}
