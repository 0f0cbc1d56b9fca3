package org.emgmm.instructor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a grading JVM runs, and what it can see of the file system.
 *
 * <p><b>Inside bubblewrap</b> it sees only what it needs, every folder read-only but its own temporary
 * one:
 * <pre>
 *   the JDK                       its own folder, and the files its links point to (/etc/java-17-openjdk/…)
 *   the system's libraries        /usr/lib (/usr/lib64), /lib and /lib64, /etc/ld.so.cache: what the java
 *                                 program is linked with
 *   /grading/library/0, 1, …      the grading class path, one entry each: the library, the compiled tests,
 *                                 JUnit and the other jars (copies the grader made for the batch)
 *   /grading/submission           the submission's compiled classes
 *   /tmp                          the JVM's own temporary folder, empty at the start, its working folder
 *   /proc, /dev                   its own, as bubblewrap makes them
 * </pre>
 * Nothing else exists there: not the project (its {@code solutions/}, {@code hidden-tests/} or
 * {@code target/}), not the output folder with its gradebook and reports of earlier batches, not the
 * other submissions, not the user's home. A folder of {@link #hidden} that happens to lie inside one of
 * the system folders bound above is covered by an empty one. The JVM runs in its own PID, network, IPC
 * and host-name namespaces, and ends with the grader.
 *
 * <p><b>Without bubblewrap</b> ({@code --sandbox none}) the same files are used where they are: the
 * class path is the batch's copies in the grader's temporary folder, the submission's classes and
 * temporary folder sit under a folder with a random name, and the JVM starts in its empty temporary
 * folder with only a few environment variables. So no path the JVM is given leads to the project, the
 * reports or another submission, and a relative path ({@code grades/gradebook.csv}) finds nothing. A
 * path known in advance is read with the rights of the JVM's user: a grader running as root runs it as
 * {@code nobody} ({@link Unprivileged}), who cannot read the reports; any other grader, with its own
 * rights (see docs/instructors/sandbox.md).
 *
 * <p>Siblings: {@link SandboxChoice} finds bubblewrap; {@link GradingJvm} runs the JVM with the command
 * this class builds.
 *
 * @param bwrap  the bwrap executable, or null to run without a sandbox
 * @param hidden folders never to show, should they lie inside a system folder bound in the sandbox (the
 *               project, the output folder)
 */
record Sandbox(Path bwrap, List<Path> hidden) {

    /** Where the grading class path's entries are, inside the sandbox. */
    static final String LIBRARY = "/grading/library";

    /** Where the submission's classes are, inside the sandbox. */
    static final String SUBMISSION = "/grading/submission";

    /** The JVM's own writable folder, inside the sandbox. */
    static final String TEMPORARY = "/tmp";

    /** The system folders of libraries that the java program is linked with, where they exist. */
    private static final List<String> SYSTEM_LIBRARIES = List.of("/usr/lib", "/usr/lib64", "/usr/lib32", "/lib",
            "/lib64", "/lib32");

    /** The environment variables a grading JVM keeps: none names a file of the grader's. */
    static final Set<String> ENVIRONMENT = Set.of("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ");

    /** No sandbox. */
    static Sandbox none() {
        return new Sandbox(null, List.of());
    }

    /** Whether the JVMs run inside bubblewrap. */
    boolean isOn() {
        return bwrap != null;
    }

    /**
     * How one grading JVM sees its files.
     *
     * @param prefix     the words before the java command: bwrap and its options, or nothing
     * @param classpath  the class path, as the JVM sees it
     * @param submission the submission's classes, as the JVM sees them
     * @param temporary  its temporary and working folder, as the JVM sees it
     */
    record View(List<String> prefix, String classpath, String submission, String temporary) {
    }

    /**
     * The view of one grading JVM. Without bubblewrap, when the grader runs as root, the JVM will run as
     * nobody, and what it needs is opened to it first ({@link Unprivileged#admit}).
     *
     * @param library   the grading class path (the grader's copies), entries separated by
     *                  {@link File#pathSeparator}
     * @param classes   the submission's compiled classes
     * @param temporary the JVM's own writable folder (empty)
     * @return the command's prefix and the paths to give the JVM
     * @throws IOException if the folders cannot be opened to the JVM's user
     */
    View view(String library, Path classes, Path temporary) throws IOException {
        List<Path> entries = Stream.of(library.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath()).toList();
        if (!isOn()) {
            List<String> prefix = List.of();
            if (Unprivileged.possible()) {
                List<Path> readable = new ArrayList<>(entries);
                readable.add(classes);
                Unprivileged.admit(readable, temporary);
                prefix = Unprivileged.PREFIX;
            }
            return new View(prefix, String.join(File.pathSeparator, entries.stream().map(Path::toString).toList()),
                    classes.toAbsolutePath().toString(), temporary.toAbsolutePath().toString());
        }
        List<String> words = new ArrayList<>(List.of(bwrap.toString(), "--unshare-pid", "--unshare-net",
                "--unshare-ipc", "--unshare-uts", "--die-with-parent", "--new-session"));
        words.addAll(SystemBinds.WORDS);
        List<Path> bound = SystemBinds.FOLDERS;
        for (Path folder : hidden) {
            Path absolute = folder.toAbsolutePath().normalize();
            if (Files.isDirectory(absolute) && bound.stream().anyMatch(absolute::startsWith)) {
                words.addAll(List.of("--tmpfs", absolute.toString()));
            }
        }
        List<String> classpath = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String inside = LIBRARY + "/" + i + (Files.isDirectory(entries.get(i)) ? "" : ".jar");
            words.addAll(List.of("--ro-bind", entries.get(i).toString(), inside));
            classpath.add(inside);
        }
        words.addAll(List.of("--ro-bind", classes.toAbsolutePath().toString(), SUBMISSION,
                "--bind", temporary.toAbsolutePath().toString(), TEMPORARY, "--chdir", TEMPORARY,
                "--dev", "/dev", "--proc", "/proc", "--remount-ro", "/", "--"));
        return new View(words, String.join(File.pathSeparator, classpath), SUBMISSION, TEMPORARY);
    }

    /** The JDK running the grader, as a real path (its links resolved): the grading JVMs' too. */
    static Path javaHome() {
        try {
            return Path.of(System.getProperty("java.home")).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find the JDK's folder " + System.getProperty("java.home"),
                    e);
        }
    }

    /** The binds of the JDK and the system's libraries, found once: they are the same for every JVM. */
    private static final class SystemBinds {
        /** The bwrap words. */
        static final List<String> WORDS = new ArrayList<>();

        /** The folders they bind. */
        static final List<Path> FOLDERS = systemFolders(WORDS);

        private SystemBinds() {
        }
    }

    /**
     * Adds to {@code words} the read-only binds of the JDK and the system's libraries (a link such as
     * {@code /lib → usr/lib} made again as a link), and returns the folders bound.
     */
    private static List<Path> systemFolders(List<String> words) {
        Set<Path> bound = new LinkedHashSet<>();
        for (String name : SYSTEM_LIBRARIES) {
            Path folder = Path.of(name);
            try {
                if (Files.isSymbolicLink(folder)) {
                    words.addAll(List.of("--symlink", Files.readSymbolicLink(folder).toString(), name));
                } else if (Files.isDirectory(folder)) {
                    words.addAll(List.of("--ro-bind", name, name));
                    bound.add(folder);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the link " + folder, e);
            }
        }
        Path jdk = javaHome();
        if (bound.stream().noneMatch(jdk::startsWith)) {
            words.addAll(List.of("--ro-bind", jdk.toString(), jdk.toString()));
            bound.add(jdk);
        }
        words.addAll(List.of("--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"));
        for (Path target : linkTargetsOutside(jdk)) {
            if (bound.stream().noneMatch(target::startsWith)) {
                words.addAll(List.of("--ro-bind", target.toString(), target.toString()));
            }
        }
        return List.copyOf(bound);
    }

    /**
     * The files outside {@code jdk} that links inside it point to: Debian's JDK keeps its settings in
     * {@code /etc/java-17-openjdk} and its certificates in {@code /etc/ssl/certs/java}.
     */
    private static Set<Path> linkTargetsOutside(Path jdk) {
        Set<Path> targets = new LinkedHashSet<>();
        try (Stream<Path> paths = Files.walk(jdk)) {
            for (Path link : paths.filter(Files::isSymbolicLink).toList()) {
                try {
                    Path target = link.toRealPath();
                    if (!target.startsWith(jdk) && Files.isRegularFile(target)) {
                        targets.add(target);
                    }
                } catch (IOException e) {
                    // A dangling link (documentation not installed): nothing to bind.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the JDK's folder " + jdk, e);
        }
        return targets;
    }
}
