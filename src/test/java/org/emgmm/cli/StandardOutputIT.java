package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard output that fails, for real: {@code em-gmm} in a JVM of its own with its standard output sent to
 * {@code /dev/full} (a disk that is always full), or piped into {@code head -2}, which reads two lines and
 * goes. The same promises in this JVM, for every command: {@link StandardOutputTest}.
 */
class StandardOutputIT {

    /** The Linux device on which every write fails with "No space left on device". */
    private static final File FULL = new File("/dev/full");

    /** Long enough for a JVM to start and fit iris on a busy machine; drawing 2³¹ − 1 points takes hours. */
    private static final long SECONDS = 60;

    @TempDir
    Path directory;

    private static List<String> emGmm(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.emgmm.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs em-gmm with standard output on /dev/full; its standard error, and checks the exit code is 2. */
    private String toFullDisk(String... args) throws IOException, InterruptedException {
        Path err = directory.resolve("err.txt");
        Process process = new ProcessBuilder(emGmm(args)).redirectOutput(FULL).redirectError(err.toFile()).start();
        try {
            assertTrue(process.waitFor(SECONDS, TimeUnit.SECONDS), "the run ends");
            String text = Files.readString(err, StandardCharsets.UTF_8);
            assertEquals(Main.EXIT_BAD_INPUT, process.exitValue(), text);
            return text;
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void generateToAFullDiskIsOneLineAndExitTwo() throws IOException, InterruptedException {
        assumeTrue(FULL.exists(), "/dev/full is Linux's");
        assertEquals("em-gmm: cannot write to standard output: no space left on device: free some space there or"
                + " send the output elsewhere\n", toFullDisk("generate", "--setup", "seed-002"));
    }

    @Test
    void fitWithItsModelOnAFullDiskIsOneLineAndExitTwo() throws IOException, InterruptedException {
        assumeTrue(FULL.exists(), "/dev/full is Linux's");
        String err = toFullDisk("fit", "--data", "iris", "-k", "2", "--out", "-");
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("em-gmm: cannot write to standard output: no space left on device"), err);
    }

    @Test
    void sampleIntoHeadStopsDrawingWhenHeadHasGoneQuietlyWithExitZero() throws IOException, InterruptedException {
        Path model = directory.resolve("m.json");
        Files.writeString(model, OutputsTest.MODEL);
        // PIPESTATUS[0] is em-gmm's exit code, whatever head's.
        String pipeline = String.join(" ", emGmm("sample", "--model", model.toString(), "--points", "2147483647"))
                + " | head -2; exit ${PIPESTATUS[0]}";
        Path out = directory.resolve("out.txt");
        Path err = directory.resolve("err.txt");
        Process process = new ProcessBuilder("bash", "-c", pipeline).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        try {
            assertTrue(process.waitFor(SECONDS, TimeUnit.SECONDS), "drawing stops once head has gone");
            assertEquals(Main.EXIT_OK, process.exitValue(), Files.readString(err));
            assertEquals("", Files.readString(err), "nothing said: the reader took what it wanted");
            assertEquals(2, Files.readAllLines(out).size());
        } finally {
            process.destroyForcibly();
        }
    }
}
