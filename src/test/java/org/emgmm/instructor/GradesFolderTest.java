package org.emgmm.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports go to {@code OUT/submissions/ID/}, the batch's files to OUT itself: no submission's id can
 * take a batch file's place, or another report's.
 */
class GradesFolderTest {

    @TempDir
    Path out;

    @Test
    void eachReportHasAFolderInsideTheSubmissionsFolder() {
        GradesFolder grades = new GradesFolder(out);
        for (String id : List.of("alice", "gradebook.csv", "class-report.png", "submissions")) {
            assertEquals(out.resolve("submissions").resolve(id), grades.report(id));
            assertTrue(grades.report(id).startsWith(out.resolve(GradesFolder.SUBMISSIONS)), id);
        }
    }

    @Test
    void idsAreFolderNamesOfTheirOwn() {
        assertEquals("gradebook.csv", Submission.id("gradebook.csv"));
        assertEquals("ana_maria", Submission.id("ana maria"));
        assertEquals("_..", Submission.id(".."));
        assertEquals("_.", Submission.id("."));
        assertEquals("_", Submission.id(""));
        assertEquals("_.hidden", Submission.id(".hidden"));
        assertEquals("_.._", Submission.id("../"));
    }

    @Test
    void idsThatDifferOnlyInCaseGetSuffixes() {
        List<Submission> found = Submission.distinctIds(List.of(new Submission("Ana", Path.of("Ana")),
                new Submission("ana", Path.of("ana.zip")), new Submission("ANA", Path.of("ANA"))));
        assertEquals(List.of("Ana", "ana-2", "ANA-3"), found.stream().map(Submission::id).toList());
    }

    @Test
    void aFolderWhereABatchFileGoesIsRefusedBeforeGrading() throws IOException {
        Files.createDirectories(out.resolve("gradebook.csv"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new GradesFolder(out).check(List.of()));
        assertTrue(refused.getMessage().contains("gradebook.csv is not a file"), refused.getMessage());
    }

    @Test
    void aFileWhereTheSubmissionsFolderGoesIsRefused() throws IOException {
        Files.writeString(out.resolve("submissions"), "x");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new GradesFolder(out).check(List.of()));
        assertTrue(refused.getMessage().contains("submissions is not a folder"), refused.getMessage());
    }

    @Test
    void anEarlierReportIsReplacedButOtherFilesAreKept() throws IOException {
        Path earlier = out.resolve("submissions/alice");
        Files.createDirectories(earlier);
        for (String file : GradesFolder.REPORT_FILES) {
            Files.writeString(earlier.resolve(file), "earlier");
        }
        new GradesFolder(out).check(List.of(new Submission("alice", Path.of("alice"))));
        Files.writeString(earlier.resolve("Notes.java"), "keep me");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new GradesFolder(out).check(List.of(new Submission("alice", Path.of("alice")))));
        assertTrue(refused.getMessage().contains("holds other files than a report ([Notes.java])"),
                refused.getMessage());
    }
}
