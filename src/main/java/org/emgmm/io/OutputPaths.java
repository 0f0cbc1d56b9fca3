package org.emgmm.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Set;
import org.emgmm.data.Quote;

/**
 * The questions {@link OutputBatch} asks of a path before anything is computed, and the one-line answers
 * when the file system says no in its own words: a loop of symbolic links (ELOOP), a name longer than
 * the file system allows (ENAMETOOLONG), a read-only file system (EROFS). Each line names the option and
 * the path (shortened to {@value Quote#MAX_CHARS} characters, see {@link Quote}) and says what to do. Also
 * the batch's small file operations: comparing files, copying permissions, the final rename.
 */
final class OutputPaths {

    /** How the JDK spells ELOOP, in lower case: "Too many levels of symbolic links or unable to access ...". */
    private static final String LOOP = "too many levels of symbolic links";

    /** How the JDK spells ENAMETOOLONG, in lower case. */
    private static final String NAME_TOO_LONG = "file name too long";

    /** How the JDK spells EROFS, in lower case. */
    private static final String READ_ONLY = "read-only file system";

    private OutputPaths() {
    }

    /** "--out m.json", or just the path when no option names it; a long path shortened ({@link Quote}). */
    static String named(String option, Path path) {
        String shown = Quote.shorten(path.toString());
        return option == null || option.isEmpty() ? shown : option + " " + shown;
    }

    /**
     * Whether {@code path}, or a directory on the way to it, is a loop of symbolic links (a link that leads,
     * directly or through others, back to itself).
     *
     * @param path the path to look at
     * @return true when resolving it fails with ELOOP
     */
    static boolean isLinkLoop(Path path) {
        try {
            path.toRealPath();
            return false;
        } catch (IOException e) {
            return says(e, LOOP);
        }
    }

    /**
     * The line for an output path that goes round a loop of symbolic links.
     *
     * @param option the command-line option, for messages
     * @param target the path as the user gave it
     * @param where  the path that is the loop: the target itself, or the directory on the way to it
     */
    static IOException loop(String option, Path target, Path where) {
        String place = where.equals(target.toAbsolutePath()) ? "it is"
                : "the way to its directory " + Quote.shorten(where.toString()) + " goes round";
        return new IOException("cannot write " + named(option, target) + ": " + place + " a loop of symbolic links"
                + " (a link that leads back to itself); remove the link or give another path");
    }

    /**
     * Looks at {@code path} without following a link, so that the file system itself refuses a name that is too
     * long or a path through a loop of links; a file that does not exist yet is fine.
     *
     * @param option the command-line option, for messages
     * @param target the path as the user gave it, for messages
     * @param path   the path to look at: the destination, or the name its temporary file will have
     * @throws IOException one line for a name too long or a loop of links
     */
    static void probe(String option, Path target, Path path) throws IOException {
        try {
            Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            // A new file: what most outputs are.
        } catch (FileSystemException e) {
            if (says(e, NAME_TOO_LONG)) {
                throw nameTooLong(option, target, e);
            }
            if (says(e, LOOP)) {
                throw loop(option, target, path.getParent());
            }
            // Anything else is reported when the file is written, with WriteFailures' reasons.
        }
    }

    /**
     * The line for a file system that is mounted read-only, or null when {@code directory}'s is writable (or
     * cannot be asked).
     */
    static IOException readOnly(String option, Path target, Path directory) {
        try {
            if (!Files.getFileStore(directory).isReadOnly()) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return readOnlyLine(named(option, target), directory, null);
    }

    /**
     * One of the lines above for a failure met while writing, or null when {@code e} is none of them.
     *
     * @param target the file as the user named it
     * @param e      what the file system said
     */
    static IOException explain(Path target, IOException e) {
        if (says(e, NAME_TOO_LONG)) {
            return nameTooLong("", target, e);
        }
        if (says(e, READ_ONLY)) {
            return readOnlyLine(named("", target), target.toAbsolutePath().getParent(), e);
        }
        if (says(e, LOOP)) {
            return loop("", target, target.toAbsolutePath());
        }
        return null;
    }

    private static IOException nameTooLong(String option, Path target, IOException cause) {
        return new IOException("cannot write " + named(option, target) + ": its name is longer than the file system"
                + " allows (most allow 255 bytes per name, and the temporary file written first adds about 20);"
                + " give a shorter name", cause);
    }

    private static IOException readOnlyLine(String named, Path directory, IOException cause) {
        return new IOException("cannot write " + named + ": " + Quote.shorten(directory.toString())
                + " is on a read-only file system; write somewhere else", cause);
    }

    /** Whether the file system's reason (or the message) of {@code e} contains {@code text}, in any case. */
    private static boolean says(IOException e, String text) {
        String reason = e instanceof FileSystemException failure && failure.getReason() != null
                ? failure.getReason() : e.getMessage();
        return reason != null && reason.toLowerCase(Locale.ROOT).contains(text);
    }

    /** Whether two existing paths are one file (links followed); false when either cannot be looked at. */
    static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false; // one of them cannot be looked at: it cannot be both read and written here
        }
    }

    /** The old file's POSIX permissions on the new one, where the file system has them. */
    static void copyPermissions(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from)) {
            return;
        }
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source == null || target == null) {
            return;
        }
        Set<PosixFilePermission> permissions = source.readAttributes().permissions();
        target.setPermissions(permissions);
    }

    /** Renames atomically where the file system can; otherwise replaces in one ordinary rename. */
    static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
