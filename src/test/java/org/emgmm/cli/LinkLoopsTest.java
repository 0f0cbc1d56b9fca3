package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loop of symbolic links ({@code ln -s loop loop}) where an output goes: as the file, as its directory, as
 * the pictures' folder. Each is one plain line (not the JDK's "Too many levels of symbolic links or unable to
 * access attributes of symbolic link", nor "does not exist"), exit code 2, nothing written, and the pictures'
 * folder is refused before the data is even read. (The catalogue's files cannot hold links, hence a class.)
 */
class LinkLoopsTest {

    private static final String LOOP_LINE = "a loop of symbolic links (a link that leads back to itself);"
            + " remove the link or give another path";

    @TempDir
    Path directory;

    private Path loop;

    private List<String> everything() throws IOException {
        try (Stream<Path> paths = Files.list(directory)) {
            return paths.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private String refused(String... args) throws IOException {
        loop = Files.createSymbolicLink(directory.resolve("loop"), Path.of("loop"));
        List<String> before = everything();
        CommandRun run = CommandRun.of(args);
        String line = run.badInputLine().strip();
        assertEquals(before, everything(), "nothing written or left behind");
        assertTrue(Files.isSymbolicLink(loop) && !Files.exists(loop), "the loop stays as it was");
        assertTrue(line.length() <= 300, line);
        return line;
    }

    @Test
    void aLoopAsTheOutputFile() throws IOException {
        String line = refused("fit", "--data", "old-faithful", "-k", "2", "--out", directory.resolve("loop").toString());
        assertEquals("em-gmm: cannot write --out " + directory.resolve("loop") + ": it is " + LOOP_LINE, line);
    }

    @Test
    void aLoopAsTheOutputsDirectory() throws IOException {
        Path out = directory.resolve("loop").resolve("m.json");
        String line = refused("fit", "--data", "old-faithful", "-k", "2", "--out", out.toString());
        assertEquals("em-gmm: cannot write --out " + out + ": the way to its directory " + directory.resolve("loop")
                + " goes round " + LOOP_LINE, line);
    }

    @Test
    void aLoopAsThePicturesFolderIsRefusedBeforeTheDataIsRead() throws IOException {
        Path data = Files.writeString(directory.resolve("data.csv"), "a,b\n1,x\n");
        String line = refused("fit", "--data", data.toString(), "-k", "2", "--plots",
                directory.resolve("loop").toString());
        assertEquals("em-gmm: cannot write --plots " + directory.resolve("loop") + ": it is " + LOOP_LINE, line);
        assertTrue(Files.exists(data, LinkOption.NOFOLLOW_LINKS));
    }
}
