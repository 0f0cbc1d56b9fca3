package org.emgmm.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Standard output that says when it cannot be written: the one stream under every command's
 * {@code spec.commandLine().getOut()}, set up by {@link Main}, so no command checks its own writes.
 *
 * <p>Java's {@link PrintStream} and {@link java.io.PrintWriter} swallow write errors, so without this
 * {@code em-gmm fit ... --out - > /dev/full} would lose the model and exit 0. Here the first failed write
 * throws a {@link Failure} (unchecked, so it passes through the PrintWriter above and ends the command:
 * {@code sample} stops drawing), and the failure is remembered, so that {@link Main} reports it even if
 * something on the way swallowed the exception. Writes after a failure are dropped: the command is being
 * ended, and one report is enough.
 *
 * <p>How it ends ({@link #report}): a reader that has gone (a broken pipe, as after
 * {@code em-gmm sample ... | head -2}) ends the command quietly with exit code 0, since the reader took
 * what it wanted, as {@code head} users expect (and a {@code set -o pipefail} pipeline still succeeds);
 * any other failure (a full disk, standard output closed) is one line and exit code 2.
 *
 * <p>Example: {@code em-gmm generate --setup seed-002 > /dev/full} prints
 * {@code em-gmm: cannot write to standard output: no space left on device: free some space there or send
 * the output elsewhere} and exits with 2.
 */
final class StandardOutput extends OutputStream {

    /** The operating system's words for a pipe whose reader has gone (EPIPE), as Java reports them. */
    private static final String BROKEN_PIPE = "broken pipe";

    /** The operating system's words for a full disk (ENOSPC), as Java reports them. */
    private static final String NO_SPACE = "no space left on device";

    /** The operating system's words for a closed standard output (EBADF, {@code >&-}), as Java reports them. */
    private static final String CLOSED = "bad file descriptor";

    /** A write to standard output that failed; its cause is the write's {@link IOException}. */
    static final class Failure extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        Failure(IOException cause) {
            super("cannot write to standard output", cause);
        }
    }

    private final OutputStream target;
    private Failure failure;

    /**
     * @param target where the bytes go: the process's standard output, or a test's stream. A
     *               {@link PrintStream}'s hidden error flag is checked after every write.
     */
    StandardOutput(OutputStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (failure != null) {
            return;
        }
        try {
            target.write(bytes, offset, length);
            checkPrintStream();
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void flush() {
        if (failure != null) {
            return;
        }
        try {
            target.flush();
            checkPrintStream();
        } catch (IOException e) {
            fail(e);
        }
    }

    /** A {@link PrintStream} keeps its write errors to itself; this asks it, and makes one of a failure. */
    private void checkPrintStream() throws IOException {
        if (target instanceof PrintStream stream && stream.checkError()) {
            throw new IOException("the stream reported an error");
        }
    }

    private void fail(IOException e) {
        failure = new Failure(e);
        throw failure;
    }

    /** The first failed write, or null while every write has succeeded. */
    Failure failure() {
        return failure;
    }

    /**
     * Reports the failure (there must be one) on {@code err} and gives the exit code: nothing and
     * {@link Main#EXIT_OK} for a reader that has gone; otherwise one line and {@link Main#EXIT_BAD_INPUT}.
     */
    int report(java.io.PrintWriter err) {
        String reason = reason(failure.getCause());
        if (reason.contains(BROKEN_PIPE)) {
            return Main.EXIT_OK;
        }
        err.println(line(reason));
        err.flush();
        return Main.EXIT_BAD_INPUT;
    }

    /** The one line for a failed write, saying why it failed (lower case, as in every em-gmm message). */
    static String line(String reason) {
        String advice = reason.contains(NO_SPACE) ? "free some space there or send the output elsewhere"
                : reason.contains(CLOSED) ? "it is closed: run the command with standard output open (no >&-)"
                : "check where standard output goes, or send it elsewhere";
        return Main.PREFIX + "cannot write to standard output: " + reason + ": " + advice;
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code e} is, or was caused by, a failed write to standard output. */
    static boolean causedBy(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof Failure) {
                return true;
            }
        }
        return false;
    }
}
