package org.emgmm.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The file system's own refusals, met while writing, become plain lines ({@link WriteFailures#failure}, through
 * {@link OutputPaths#explain}). A read-only file system cannot be mounted by a test, so the JDK's exception for
 * EROFS is built here as the JDK builds it: the path and the reason "Read-only file system".
 */
class OutputPathsTest {

    private static final Path TARGET = Path.of("/mnt/ro/m.json");

    private static String lineFor(String reason) {
        return WriteFailures.failure(TARGET, new FileSystemException(TARGET.toString(), null, reason)).getMessage();
    }

    @Test
    void aReadOnlyFileSystemIsNamed() {
        assertEquals("cannot write /mnt/ro/m.json: /mnt/ro is on a read-only file system; write somewhere else",
                lineFor("Read-only file system"));
    }

    @Test
    void aNameTooLongSaysToShortenIt() {
        assertEquals("cannot write /mnt/ro/m.json: its name is longer than the file system allows (most allow 255"
                + " bytes per name, and the temporary file written first adds about 20); give a shorter name",
                lineFor("File name too long"));
    }

    @Test
    void aLoopOfLinksMetWhileWritingIsNamed() {
        assertEquals("cannot write /mnt/ro/m.json: it is a loop of symbolic links (a link that leads back to itself);"
                + " remove the link or give another path",
                lineFor("Too many levels of symbolic links or unable to access attributes of symbolic link"));
    }

    @Test
    void otherReasonsAreLeftToTheGeneralLine() {
        assertNull(OutputPaths.explain(TARGET, new FileSystemException(TARGET.toString(), null, "Input/output error")));
        assertEquals("cannot write /mnt/ro/m.json (input/output error): check that its directory is writable",
                lineFor("Input/output error"));
    }

    @Test
    void aLongPathIsShortenedInTheLine() {
        Path longPath = Path.of("/tmp/" + "d".repeat(400) + ".json");
        String line = WriteFailures.failure(longPath, new FileSystemException(longPath.toString(), null,
                "File name too long")).getMessage();
        assertTrue(line.length() < 300 && line.contains("…"), line);
    }
}
