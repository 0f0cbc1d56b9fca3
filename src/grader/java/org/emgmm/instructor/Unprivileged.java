package org.emgmm.instructor;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Without bubblewrap, a grader running as root (a Gradescope container, a CI job) runs each grading JVM
 * as the unprivileged user {@code nobody}, through {@code setpriv} (util-linux, on every Debian and
 * Ubuntu): the JVM can then read only what every user may read, and write only its own temporary
 * folder. The output folder is the grader's alone ({@link #keepPrivate}), so an earlier batch's
 * gradebook cannot be read even by a path known in advance; nor can anything under {@code /root}, nor
 * can the compiled tests or the reports be changed. A grader not running as root cannot switch users,
 * and its grading JVMs run with its own rights (see docs/instructors/sandbox.md).
 *
 * <p>For the JVM to run, the grader opens to others what it needs, and only inside the system's
 * temporary folder, where the grader made it: the folders on the way to its class path, its submission's
 * classes and its temporary folder (which it hands to {@code nobody}). Folders it may pass through are
 * opened for passing ({@code o+x}), never for listing, so the other submissions' folders, whose names
 * are random, cannot be found.
 *
 * <p>Siblings: {@link Sandbox} puts {@link #PREFIX} in front of the java command.
 */
final class Unprivileged {

    /** Where util-linux installs setpriv. */
    static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    /** The user and group id of nobody (the kernel's overflow ids). */
    static final int NOBODY = 65534;

    /** The words that run a command as nobody, without any group and unable to gain privileges. */
    static final List<String> PREFIX = List.of(SETPRIV.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY,
            "--clear-groups", "--no-new-privs");

    /** Not instantiated: the methods are static. */
    private Unprivileged() {
    }

    /**
     * Whether grading JVMs can run as nobody here: the grader runs as root on Linux and setpriv is
     * installed.
     *
     * @return true when they can
     */
    static boolean possible() {
        try {
            return Files.isExecutable(SETPRIV) && Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"),
                    "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Makes {@code out} (created if need be) readable and writable by the grader's user alone: grades are
     * personal, and a grading JVM running as another user must not read an earlier batch's.
     *
     * @param out the output folder
     * @throws IOException if it cannot be created or its permissions set
     */
    static void keepPrivate(Path out) throws IOException {
        Files.createDirectories(out);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * Opens to nobody what one grading JVM needs: the trees it reads (its class path, its submission's
     * classes) for reading, its temporary folder as its own, and the folders on the way to them for
     * passing, all inside the system's temporary folder only.
     *
     * @param readable  the trees the JVM reads
     * @param temporary the JVM's own writable folder
     * @throws IOException if a permission or an owner cannot be set
     */
    static void admit(List<Path> readable, Path temporary) throws IOException {
        for (Path tree : readable) {
            openOnTheWay(tree);
            try (Stream<Path> paths = Files.walk(tree)) {
                for (Path path : paths.toList()) {
                    add(path, Files.isDirectory(path)
                            ? EnumSet.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE)
                            : EnumSet.of(PosixFilePermission.OTHERS_READ));
                }
            }
        }
        openOnTheWay(temporary);
        Files.setAttribute(temporary, "unix:uid", NOBODY);
        Files.setAttribute(temporary, "unix:gid", NOBODY);
    }

    /** Lets others pass through the folders above {@code path}, inside the system's temporary folder. */
    private static void openOnTheWay(Path path) throws IOException {
        Path top = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        for (Path folder = path.toAbsolutePath().normalize().getParent(); folder != null && folder.startsWith(top)
                && !folder.equals(top); folder = folder.getParent()) {
            add(folder, EnumSet.of(PosixFilePermission.OTHERS_EXECUTE));
        }
    }

    /** Adds {@code permissions} to those of {@code path}. */
    private static void add(Path path, Set<PosixFilePermission> permissions) throws IOException {
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(path);
        if (!current.containsAll(permissions)) {
            current.addAll(permissions);
            Files.setPosixFilePermissions(path, current);
        }
    }
}
