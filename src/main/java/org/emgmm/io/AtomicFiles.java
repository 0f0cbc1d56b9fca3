package org.emgmm.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

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
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code bytes} to {@code target}, replacing any file there. The temporary file is created like
     * any new file, so its permissions (and then the target's) follow the user's umask; its name holds the
     * process and thread, so that two writers never share one.
     *
     * @throws IOException saying why the file cannot be written; {@code target} is then untouched and no
     *                     temporary file is left behind
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write " + target + ": it is a directory; give a file name");
        }
        Path directory = absolute.getParent();
        if (!Files.isDirectory(directory)) {
            throw new IOException("cannot write " + target + ": directory " + directory
                    + " does not exist; create it first");
        }
        Path temporary = directory.resolve(TEMPORARY_PREFIX + absolute.getFileName() + "."
                + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId() + TEMPORARY_SUFFIX);
        try {
            Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
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
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // Nothing more can be done; the error being reported matters more.
        }
    }

    /** A short human reason for a file-system error (Java's own messages are often just the path). */
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
