package org.emgmm.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handout builder's refusals, before it copies anything. (Handouts built and checked: {@link HandoutIT}.) */
class HandoutTest {

    @TempDir
    Path folder;

    @Test
    void aFolderInTheWayIsRefused() throws IOException {
        Path taken = folder.resolve("taken");
        Files.createDirectories(taken);
        Files.writeString(taken.resolve("keep.txt"), "mine");
        StringWriter err = new StringWriter();
        assertEquals(2, Handout.run(new String[] {taken.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true)));
        assertTrue(err.toString().contains("not empty"), err.toString());
        assertEquals("mine", Files.readString(taken.resolve("keep.txt")));
    }
}
