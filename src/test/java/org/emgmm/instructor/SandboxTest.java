package org.emgmm.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a grading JVM is shown of the file system: inside bubblewrap, the JDK, the system's libraries,
 * the class path, the submission's classes and its own temporary folder, and nothing of the project, the
 * reports or the user's home; without it, paths in the grader's temporary folder only. (The hostile
 * submissions of {@code HostileSubmissionsIT} try to read past it.)
 */
class SandboxTest {

    @TempDir
    Path folder;

    private Sandbox.View view(Sandbox sandbox) throws IOException {
        Path library = Files.createDirectories(folder.resolve("library/0"));
        Path jar = Files.createDirectories(folder.resolve("library/1")).resolve("junit.jar");
        Files.writeString(jar, "not really a jar");
        return sandbox.view(library + File.pathSeparator + jar, Files.createDirectories(folder.resolve("classes")),
                Files.createDirectories(folder.resolve("tmp")));
    }

    /** The paths bwrap binds into the sandbox: the source of each --ro-bind, --bind and --ro-bind-try. */
    private static List<String> boundSources(List<String> words) {
        List<String> sources = new java.util.ArrayList<>();
        for (int i = 0; i < words.size() - 1; i++) {
            if (List.of("--ro-bind", "--bind", "--ro-bind-try").contains(words.get(i))) {
                sources.add(words.get(i + 1));
            }
        }
        return sources;
    }

    @Test
    void insideBubblewrapTheJvmSeesItsOwnFilesAtFixedPlaces() throws IOException {
        Sandbox.View view = view(new Sandbox(SandboxChoice.BWRAP, List.of()));
        assertEquals("/grading/library/0" + File.pathSeparator + "/grading/library/1.jar", view.classpath());
        assertEquals(Sandbox.SUBMISSION, view.submission());
        assertEquals(Sandbox.TEMPORARY, view.temporary());
        List<String> words = view.prefix();
        assertEquals("--", words.get(words.size() - 1));
        assertEquals(1, Collections.frequency(words, "--bind"), "one writable folder: " + words);
        int writable = words.indexOf("--bind");
        assertEquals(List.of(folder.resolve("tmp").toString(), "/tmp"), words.subList(writable + 1, writable + 3));
        assertTrue(words.containsAll(List.of("--unshare-pid", "--unshare-net", "--die-with-parent", "--remount-ro")));
    }

    @Test
    void insideBubblewrapNothingOfTheProjectTheReportsOrTheHomeIsBound() throws IOException {
        List<String> sources = boundSources(view(new Sandbox(SandboxChoice.BWRAP, List.of())).prefix());
        assertFalse(sources.contains("/"), "the whole file system: " + sources);
        Path project = Path.of("").toAbsolutePath();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath();
        for (String source : sources) {
            Path path = Path.of(source);
            boolean ours = path.startsWith(folder);
            assertTrue(ours || !path.startsWith(project) && !path.startsWith(home) && !project.startsWith(path)
                    && !home.startsWith(path), source + " shows the project or the home folder");
            assertTrue(ours || path.startsWith("/usr") || path.startsWith("/lib") || path.startsWith("/etc")
                    || path.startsWith(Sandbox.javaHome()), source + " is neither the JDK nor a system library");
        }
    }

    @Test
    void withoutASandboxThePathsAreTheGradersTemporaryOnes() throws IOException {
        Sandbox.View view = view(Sandbox.none());
        assertEquals(Unprivileged.possible() ? Unprivileged.PREFIX : List.of(), view.prefix(),
                "as nobody when the grader runs as root");
        assertEquals(folder.resolve("classes").toString(), view.submission());
        assertEquals(folder.resolve("tmp").toString(), view.temporary());
        for (String entry : view.classpath().split(File.pathSeparator)) {
            assertTrue(Path.of(entry).startsWith(folder), entry);
        }
    }
}
