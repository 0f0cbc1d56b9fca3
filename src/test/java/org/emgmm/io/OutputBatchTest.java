package org.emgmm.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputBatchTest {

    @TempDir
    Path directory;

    private List<String> everything() throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(path -> !path.equals(directory)).map(path -> directory.relativize(path).toString())
                    .sorted().toList();
        }
    }

    @Test
    void nothingIsInPlaceBeforeTheCommitAndEverythingAfter() throws IOException {
        Path old = Files.writeString(directory.resolve("a.txt"), "old");
        try (OutputBatch batch = OutputBatch.open()) {
            batch.stage("--a", old, "new");
            batch.stage("--b", directory.resolve("b.txt"), out -> out.write("b"));
            assertEquals("old", Files.readString(old));
            assertFalse(Files.exists(directory.resolve("b.txt")));
            assertEquals(List.of(old, directory.resolve("b.txt")), batch.commit());
        }
        assertEquals("new", Files.readString(old));
        assertEquals(List.of("a.txt", "b.txt"), everything());
    }

    @Test
    void aBatchClosedWithoutCommitRemovesItsTemporariesAndTheDirectoriesItCreated() throws IOException {
        Path old = Files.writeString(directory.resolve("a.txt"), "old");
        try (OutputBatch batch = OutputBatch.open()) {
            batch.stage("--a", old, "new");
            batch.directory("--plots", directory.resolve("new").resolve("pictures"), "picture directory");
            batch.stage("--plots", directory.resolve("new").resolve("pictures").resolve("p.svg"), "<svg/>");
        }
        assertEquals("old", Files.readString(old));
        assertEquals(List.of("a.txt"), everything());
    }

    /** A full disk, as the JDK reports it from a write: the temporary file is removed and the line says so. */
    @Test
    void aFullDiskIsReportedAsSuch() throws IOException {
        Path target = directory.resolve("big.csv");
        for (IOException full : List.of(new IOException("No space left on device"),
                new FileSystemException(target.toString(), null, "No space left on device"))) {
            try (OutputBatch batch = OutputBatch.open()) {
                batch.directory("--out", directory.resolve("made"), "directory");
                IOException e = assertThrows(IOException.class, () -> batch.stage("--out", target, out -> {
                    out.write("x1,x2\n");
                    throw full;
                }));
                assertTrue(e.getMessage().contains("no space left on"), e.getMessage());
                assertFalse(e.getMessage().contains("writable"), e.getMessage());
            }
            assertEquals(List.of(), everything(), "no temporary file and no directory stay");
        }
    }

    @Test
    void otherFailuresSayWhatToCheck() {
        IOException e = WriteFailures.failure(directory.resolve("x"), new java.nio.file.AccessDeniedException("x"));
        assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
        assertFalse(WriteFailures.isNoSpace(new IOException("Input/output error")));
    }

    @Test
    void twoOutputsOfOneRunMayNotBeTheSameFile() throws IOException {
        try (OutputBatch batch = OutputBatch.open()) {
            batch.stage("--json", directory.resolve("index.html"), "{}");
            IOException e = assertThrows(IOException.class,
                    () -> batch.stage("--out", directory.resolve("index.html"), "<html>"));
            assertTrue(e.getMessage().contains("--out") && e.getMessage().contains("--json"), e.getMessage());
        }
        assertEquals(List.of(), everything());
    }
}
