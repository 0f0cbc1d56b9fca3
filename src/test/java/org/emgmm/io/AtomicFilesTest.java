package org.emgmm.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path directory;

    private List<Path> listing() throws IOException {
        try (var files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    @Test
    void writesANewFileAndReplacesAnOldOne() throws IOException {
        Path file = directory.resolve("out.csv");
        AtomicFiles.writeString(file, "first\n");
        AtomicFiles.writeString(file, "second\n");
        assertEquals("second\n", Files.readString(file));
        assertEquals(List.of(file), listing(), "no temporary file is left");
    }

    @Test
    void aDirectoryIsNotReplaced() throws IOException {
        Path target = Files.createDirectory(directory.resolve("out.csv"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "text"));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertTrue(Files.isDirectory(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path target = directory.resolve("missing").resolve("out.csv");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "text"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
