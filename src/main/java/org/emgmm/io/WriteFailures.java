package org.emgmm.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a user reads when a file cannot be written: one line that names the file and says what to do,
 * with a full disk told apart from everything else. {@link OutputBatch} turns every write failure into
 * one of these; {@link AtomicFiles#reason} gives the short reason inside it.
 */
final class WriteFailures {

    /** How the JDK spells ENOSPC, in lower case, in a message or a file-system reason. */
    private static final String NO_SPACE = "no space left on device";

    private WriteFailures() {
    }

    /**
     * One line for a file that could not be written: a full disk says so, anything else gives the reason.
     *
     * @param target the file as the user named it
     * @param e      what the file system said
     * @return an exception whose message is that line, caused by {@code e}
     */
    static IOException failure(Path target, IOException e) {
        IOException explained = OutputPaths.explain(target, e);
        if (explained != null) {
            return explained;
        }
        if (isNoSpace(e)) {
            Path directory = target.toAbsolutePath().getParent();
            return new IOException("cannot write " + target + ": no space left on the device of " + directory
                    + "; free some space or write somewhere else", e);
        }
        return new IOException("cannot write " + target + " (" + AtomicFiles.reason(e) + "): check that its"
                + " directory is writable", e);
    }

    /**
     * Whether a failure, or any of its causes, is a full disk (ENOSPC).
     *
     * @param e the failure
     * @return true when "No space left on device" is its message or file-system reason, or a cause's
     */
    static boolean isNoSpace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = t instanceof FileSystemException failure && failure.getReason() != null
                    ? failure.getReason() : t.getMessage();
            if (text != null && text.toLowerCase(Locale.ROOT).contains(NO_SPACE)) {
                return true;
            }
        }
        return false;
    }
}
