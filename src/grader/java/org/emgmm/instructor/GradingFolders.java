package org.emgmm.instructor;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Where the grader keeps each submission's sources, compiled classes, log and grading JVM's temporary
 * folder during a batch: a folder per submission with a random name (128 bits), inside a folder that
 * nobody can list, not even the grader's own user. A grading JVM, which is told only its own folder,
 * cannot find another submission's by its id or by listing, even without a sandbox.
 *
 * <p>Siblings: {@link Grade} makes one per batch, in its temporary folder; {@link Unprivileged} lets the
 * grading JVM through to its own folder when it runs as another user.
 */
final class GradingFolders {

    /** What nobody may do in the parent folder: list it. Its owner may create and enter; others may enter. */
    private static final String HIDDEN = "-wx--x--x";

    /** As folders usually are, so that the batch's folder can be deleted at the end. */
    private static final String SHOWN = "rwx------";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path parent;

    private GradingFolders(Path parent) {
        this.parent = parent;
    }

    /**
     * Makes {@code parent}, the folder of the submissions' folders, and closes it to listing.
     *
     * @param parent a new folder in the grader's temporary folder
     * @return the submissions' folders
     * @throws IOException if it cannot be made
     */
    static GradingFolders in(Path parent) throws IOException {
        Files.createDirectories(parent);
        setPermissions(parent, HIDDEN);
        return new GradingFolders(parent);
    }

    /**
     * A new folder's path for one submission, with a name no other submission can guess.
     *
     * @return a path inside the parent folder (not made yet)
     */
    Path next() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return parent.resolve(HexFormat.of().formatHex(bits));
    }

    /**
     * Opens the parent folder to its owner again, so that the batch's temporary folder can be deleted.
     *
     * @throws IOException if its permissions cannot be set
     */
    void reopen() throws IOException {
        if (Files.exists(parent)) {
            setPermissions(parent, SHOWN);
        }
    }

    private static void setPermissions(Path folder, String permissions) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString(permissions));
        }
    }
}
