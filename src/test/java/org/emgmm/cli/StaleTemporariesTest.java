package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A temporary file left by a run killed outright ({@code kill -9}) is removed by the next run that writes
 * into its directory, with one line on standard error; a live process's temporary file is never touched.
 */
class StaleTemporariesTest {

    /**
     * A process id that no process has: Linux ids stop at 2^22 (pid_max's ceiling), and the batch's pattern
     * allows up to 18 digits, so this one is well formed but free.
     */
    private static final long NO_SUCH_PROCESS = 999_999_999_999L;

    @TempDir
    Path directory;

    @Test
    void aKilledRunsTemporaryIsRemovedWithOneLineAndALiveOnesIsKept() throws IOException {
        Path model = Files.writeString(directory.resolve("m.json"), OutputsTest.MODEL);
        Path stale = Files.writeString(directory.resolve(".o.csv." + NO_SUCH_PROCESS + "-1.tmp"), "half a file");
        Path live = Files.writeString(directory.resolve(".o.csv." + ProcessHandle.current().pid() + "-7.tmp"),
                "being written");
        Path notOurs = Files.writeString(directory.resolve("notes." + NO_SUCH_PROCESS + "-1.tmp"), "the user's");

        CommandRun run = CommandRun.of("sample", "--model", model.toString(), "--points", "5", "--seed", "1",
                "--out", directory.resolve("o.csv").toString());

        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertEquals("em-gmm: removed " + stale + ", a temporary file left by a stopped run (process "
                + NO_SUCH_PROCESS + ")", run.err().strip());
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(live), "a live process's temporary file stays");
        assertTrue(Files.exists(notOurs), "a file without the leading dot is not a batch's");
        assertTrue(Files.exists(directory.resolve("o.csv")));
    }

    @Test
    void aRunThatWritesNothingThereLeavesTheDirectoryAlone() throws IOException {
        Path model = Files.writeString(directory.resolve("m.json"), OutputsTest.MODEL);
        Path stale = Files.writeString(directory.resolve(".o.csv." + NO_SUCH_PROCESS + "-1.tmp"), "half a file");

        CommandRun run = CommandRun.of("sample", "--model", model.toString(), "--points", "5", "--seed", "1");

        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertEquals("", run.err());
        assertTrue(Files.exists(stale), "only a run writing into the directory cleans it");
    }
}
