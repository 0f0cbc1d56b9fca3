package org.emgmm.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One run of the {@code em-gmm} command line in the test's JVM, as a user would type it: the exit
 * code and everything printed to standard output and standard error.
 */
record CommandRun(int code, String out, String err) {

    static CommandRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The promise for bad input (docs/cli/errors.md): exit code 2 and one line on standard error that starts with
     * {@code em-gmm:}, with no stack trace. Returns the line.
     */
    String badInputLine() {
        org.junit.jupiter.api.Assertions.assertEquals(Main.EXIT_BAD_INPUT, code, err);
        org.junit.jupiter.api.Assertions.assertTrue(err.startsWith("em-gmm: "), err);
        org.junit.jupiter.api.Assertions.assertEquals(1, err.lines().count(), err);
        org.junit.jupiter.api.Assertions.assertFalse(err.contains("\tat ") || err.contains("at org.")
                || err.contains("Exception"), err);
        return err;
    }
}
