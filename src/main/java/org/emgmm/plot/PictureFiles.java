package org.emgmm.plot;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes rendered pictures into a directory, each file all at once or not at all, as
 * {@link org.emgmm.io.AtomicFiles} does for text: the bytes go to a hidden temporary file in the same
 * directory, which is then renamed onto the target, so nobody ever sees half a picture. Callers render
 * every picture first ({@link PictureSet#render}), so a failure while drawing leaves no file at all.
 */
public final class PictureFiles {

    /** Temporary files start with a dot, hidden on Unix, so a listing does not show a half-written file. */
    private static final String TEMPORARY_PREFIX = ".";
    private static final String TEMPORARY_SUFFIX = ".tmp";

    private PictureFiles() {
    }

    /**
     * Makes sure {@code directory} exists, creating it and its parents if needed.
     *
     * @throws IOException saying why it cannot be created, and what to do
     */
    public static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (Files.exists(directory)) {
            throw new IOException("cannot write pictures into " + directory + ": it is a file, not a directory;"
                    + " give a directory");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IOException("cannot create the picture directory " + directory + " (" + reason(e)
                    + "): give a directory that can be created or written to", e);
        }
    }

    /**
     * Creates {@code directory} if needed and writes every file into it, replacing files of the same name.
     *
     * @return the paths written, in order ({@code directory.resolve(fileName)})
     * @throws IOException saying why a file cannot be written; files already written stay, complete
     */
    public static List<Path> writeAll(Path directory, List<PictureFile> files) throws IOException {
        createDirectory(directory);
        List<Path> written = new ArrayList<>();
        for (PictureFile file : files) {
            Path target = directory.resolve(file.fileName());
            write(target, file.bytes());
            written.add(target);
        }
        return written;
    }

    /**
     * The bytes to a temporary file beside {@code target}, then renamed onto it. The temporary file is
     * created like any new file (its permissions follow the user's umask, unlike
     * {@code Files.createTempFile}'s owner-only ones), so the pictures can be shared as they are; the
     * process id in its name keeps two runs writing into one directory apart.
     */
    private static void write(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = absolute.resolveSibling(TEMPORARY_PREFIX + absolute.getFileName() + "."
                + ProcessHandle.current().pid() + TEMPORARY_SUFFIX);
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
    private static String reason(IOException e) {
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
