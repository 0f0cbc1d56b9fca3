package org.emgmm.cli;

import static org.emgmm.cli.OutputsTest.temporariesIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped from outside leaves no temporary file: {@code generate} in a JVM of its own, stopped with
 * SIGTERM while it writes. (The other promises about outputs: {@link OutputsTest}.)
 */
class OutputsIT {

    @TempDir
    Path directory;

    @Test
    void aStoppedGenerateLeavesNoTemporaryFile() throws IOException, InterruptedException {
        Path model = Files.writeString(directory.resolve("m.json"), OutputsTest.MODEL);
        Path out = directory.resolve("big.csv");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.emgmm.cli.Main", "generate", "--model", model.toString(), "--points", "200000000", "--out",
                out.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (temporariesIn(directory).isEmpty() && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(temporariesIn(directory).isEmpty(), "the run was writing its temporary file");
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the run stops");
        } finally {
            process.destroyForcibly();
        }
        assertEquals(List.of(), temporariesIn(directory), "the shutdown hook removed the temporary file");
        assertFalse(Files.exists(out));
    }
}
