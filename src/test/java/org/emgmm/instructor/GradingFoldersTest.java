package org.emgmm.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each submission's folder has a random name, in a folder that nobody can list until the batch ends. */
class GradingFoldersTest {

    @TempDir
    Path folder;

    @Test
    void eachSubmissionsFolderHasANameNobodyCanGuessOrList() throws IOException {
        Path parent = folder.resolve("submissions");
        GradingFolders folders = GradingFolders.in(parent);
        Path first = folders.next();
        Path second = folders.next();
        assertEquals(parent, first.getParent());
        assertTrue(first.getFileName().toString().matches("[0-9a-f]{32}"), first.toString());
        assertNotEquals(first, second);
        assertEquals("-wx--x--x", PosixFilePermissions.toString(Files.getPosixFilePermissions(parent)),
                "its owner creates and enters, others enter, nobody lists");
        folders.reopen();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(parent)));
    }
}
