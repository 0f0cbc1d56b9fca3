package org.emgmm.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a file all at once or not at all. The text goes to a temporary file in the target's own
 * directory, which is then renamed onto the target: a rename within one directory is atomic, so a
 * reader (or a crash, or a full disk) never sees half a file, and an old file is replaced only by a
 * complete new one.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code text} as UTF-8 to {@code target}, replacing any file there.
     *
     * @param target the file to write
     * @param text   its whole content
     * @throws IOException saying why the file cannot be written; {@code target} is then untouched and no
     *                     temporary file is left behind
     */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code bytes} to {@code target}, replacing any file there: a batch of one file
     * ({@link OutputBatch}), so an existing file keeps its permissions, a symbolic link is followed and
     * the file it points to replaced, and a directory, device or pipe is refused.
     *
     * @param target the file to write
     * @param bytes  its whole content. Not modified.
     * @throws IOException saying why the file cannot be written; {@code target} is then untouched and no
     *                     temporary file is left behind
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        try (OutputBatch batch = OutputBatch.open()) {
            batch.stage("", target, bytes);
            batch.commit();
        }
    }

    /**
     * A short human reason for a file-system error (Java's own messages are often just the path).
     *
     * @param e the error
     * @return e.g. "permission denied" or "no such file or directory"
     */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof FileSystemException failure && failure.getReason() != null) {
            return failure.getReason().toLowerCase(Locale.ROOT); // e.g. "not a directory"
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
