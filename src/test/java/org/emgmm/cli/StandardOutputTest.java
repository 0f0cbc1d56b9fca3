package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard output that fails ({@link StandardOutput}): every command that writes to it, given a stream that
 * fails as a full disk, a closed descriptor or a gone reader does, in this JVM. A full disk or a closed
 * standard output is one line and exit code 2; a reader that has gone ends the run quietly with 0, and
 * promptly, even when billions of points were asked for. A real {@code > /dev/full} is in
 * {@link StandardOutputIT}.
 */
class StandardOutputTest {

    /** What Linux's {@code strerror(ENOSPC)} says, as Java's FileOutputStream reports it. */
    private static final String FULL = "No space left on device";

    /** What Linux's {@code strerror(EPIPE)} says: the reader of the pipe has gone. */
    private static final String GONE = "Broken pipe";

    /** What Linux's {@code strerror(EBADF)} says: standard output was closed ({@code >&-}). */
    private static final String CLOSED = "Bad file descriptor";

    /**
     * Bytes a fake stream takes before it fails: less than one buffer of output, as a reader like
     * {@code head -2} takes its lines and goes.
     */
    private static final int TAKEN = 100;

    /** Long enough for any of these runs on a busy machine; drawing 2³¹ − 1 points would take hours. */
    private static final Duration PROMPTLY = Duration.ofSeconds(30);

    @TempDir
    static Path directory;

    private static Path model;

    @BeforeAll
    static void fitIris() {
        model = directory.resolve("iris-model.json");
        CommandRun fit = CommandRun.of("fit", "--data", "iris", "-k", "3", "--seed", "2", "--out", model.toString());
        assertEquals(Main.EXIT_OK, fit.code(), fit.err());
    }

    /** Every command that writes results to standard output, as the cases type them. */
    private static List<String[]> commands() {
        String m = model.toString();
        return List.of(
                new String[] {"fit", "--data", "iris", "-k", "2", "--seed", "1", "--out", "-"},
                new String[] {"predict", "--model", m, "--data", "iris"},
                new String[] {"predict-proba", "--model", m, "--data", "iris"},
                new String[] {"score-samples", "--model", m, "--data", "iris"},
                new String[] {"sample", "--model", m, "--points", "1000"},
                new String[] {"generate", "--setup", "seed-002"},
                new String[] {"select", "--data", "iris", "--components", "1..2", "--out", "-"});
    }

    /** A stream that takes {@code taken} bytes and then fails every write as the system call would. */
    private static OutputStream failingAfter(int taken, String reason) {
        return new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (written + length > taken) {
                    throw new IOException(reason);
                }
                written += length;
            }
        };
    }

    private static CommandRun run(OutputStream out, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandRun(code, "", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFullDiskIsOneLineAndExitTwoForEveryCommand() {
        for (String[] args : commands()) {
            String line = run(failingAfter(0, FULL), args).badInputLine();
            assertEquals("em-gmm: cannot write to standard output: no space left on device: free some space there"
                    + " or send the output elsewhere", line.strip(), String.join(" ", args));
        }
    }

    @Test
    void aDiskThatFillsUpHalfwayIsOneLineAndExitTwo() {
        for (String[] args : commands()) {
            String line = run(failingAfter(TAKEN, FULL), args).badInputLine();
            assertTrue(line.contains("no space left on device"), String.join(" ", args) + ": " + line);
        }
    }

    @Test
    void aClosedStandardOutputIsOneLineAndExitTwo() {
        String[] select = commands().get(commands().size() - 1);
        String line = run(failingAfter(0, CLOSED), select).badInputLine();
        assertEquals("em-gmm: cannot write to standard output: bad file descriptor: it is closed: run the command"
                + " with standard output open (no >&-)", line.strip());
    }

    @Test
    void helpThatCannotBePrintedIsOneLineAndExitTwo() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"sample", "--help"})) {
            String line = run(failingAfter(0, FULL), args).badInputLine();
            assertTrue(line.contains("no space left on device"), line);
        }
    }

    @Test
    void aPrintStreamThatHidesItsErrorIsAskedAndTheFailureReported() {
        PrintStream hiding = new PrintStream(failingAfter(0, FULL), true, StandardCharsets.UTF_8);
        String line = run(hiding, "predict", "--model", model.toString(), "--data", "iris").badInputLine();
        assertTrue(line.contains("cannot write to standard output"), line);
    }

    @Test
    void aReaderThatHasGoneEndsDrawingQuietlyAndPromptlyWithExitZero() {
        CommandRun run = assertTimeoutPreemptively(PROMPTLY, () -> run(failingAfter(TAKEN, GONE),
                "sample", "--model", model.toString(), "--points", "2147483647"));
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertEquals("", run.err());
    }

    @Test
    void aReaderThatHasGoneEndsEveryCommandQuietly() {
        for (String[] args : commands()) {
            CommandRun run = run(failingAfter(TAKEN, GONE), args);
            assertEquals(Main.EXIT_OK, run.code(), String.join(" ", args) + ": " + run.err());
            assertEquals("", run.err(), String.join(" ", args));
        }
    }

    @Test
    void aFailedStandardOutputLeavesTheRunsFilesUntouched() throws IOException {
        // select --out - with --table: the table is a file output of the same run, written only if all is well.
        Path table = directory.resolve("table-untouched.csv");
        Files.writeString(table, "old");
        String line = run(failingAfter(0, FULL), "select", "--data", "iris", "--components", "1..2", "--out", "-",
                "--table", table.toString()).badInputLine();
        assertTrue(line.contains("no space left on device"), line);
        assertEquals("old", Files.readString(table), "the table was replaced although standard output failed");
        try (var files = Files.list(directory)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "a temporary file left");
        }
    }
}
