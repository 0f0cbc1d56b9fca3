package org.emgmm.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file all at once or not at all. The text goes to a temporary file in the target's own
 * directory, which is then renamed onto the target: a rename within one directory is atomic, so a
 * reader (or a crash, or a full disk) never sees half a file, and an old file is replaced only by a
 * complete new one.
 */
public final class AtomicFiles {

    /** Temporary files start with a dot, hidden on Unix, so a listing does not show a half-written file. */
    private static final String TEMPORARY_PREFIX = ".";
    private static final String TEMPORARY_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /**
     * Writes {@code text} as UTF-8 to {@code target}, replacing any file there.
     *
     * @throws IOException saying why the file cannot be written; {@code target} is then untouched and no
     *                     temporary file is left behind
     */
    public static void writeString(Path target, String text) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write " + target + ": it is a directory; give a file name");
        }
        Path directory = absolute.getParent();
        if (!Files.isDirectory(directory)) {
            throw new IOException("cannot write " + target + ": directory " + directory
                    + " does not exist; create it first");
        }
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, TEMPORARY_PREFIX + absolute.getFileName(), TEMPORARY_SUFFIX);
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            moveIntoPlace(temporary, absolute);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new IOException("cannot write " + target + " (" + reason(e) + "): check that its directory is"
                    + " writable", e);
        }
    }

    /** Renames atomically where the file system can; otherwise replaces in one ordinary rename. */
    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // Nothing more can be done; the error being reported matters more.
        }
    }

    /** A short human reason for a file-system error (Java's own messages are often just the path). */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
