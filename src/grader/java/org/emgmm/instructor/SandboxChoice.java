package org.emgmm.instructor;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * How the grading JVMs are isolated, as {@code grade --sandbox} chooses, and the bubblewrap executable
 * that choice finds on this machine:
 * <pre>
 *   auto    bwrap when it is installed and can create namespaces here; otherwise a warning, and none
 *   bwrap   bwrap, or no grading at all
 *   none    no sandbox
 * </pre>
 * Siblings: {@link Grade} asks for the executable once, before the first submission;
 * {@link GradingJvm.Sandbox} runs each grading JVM inside it.
 */
enum SandboxChoice {
    /** Bubblewrap when it works here; a warning and no sandbox when it does not. */
    auto,
    /** Bubblewrap, or refuse to grade. */
    bwrap,
    /** No sandbox. */
    none;

    /** Where bubblewrap is installed by Debian's package. */
    static final Path BWRAP = Path.of("/usr/bin/bwrap");

    /**
     * The bwrap executable to run each grading JVM in, or null to run without a sandbox: with
     * {@code auto}, bwrap when it is installed and works here, and a warning when it is not.
     *
     * @param warnings where the warning for {@code auto} goes
     * @return {@link #BWRAP}, or null for no sandbox
     * @throws IllegalArgumentException with {@code bwrap}, when bubblewrap is missing or cannot work here
     */
    Path executable(PrintWriter warnings) {
        if (this == none) {
            return null;
        }
        String problem = !Files.isExecutable(BWRAP) ? "bubblewrap is not installed (" + BWRAP + ")"
                : bwrapWorks() ? null : "bubblewrap cannot create namespaces on this machine";
        if (problem == null) {
            return BWRAP;
        }
        if (this == bwrap) {
            throw new IllegalArgumentException(problem + ": install it (apt-get install bubblewrap) or choose"
                    + " --sandbox none knowing what it does not protect against (see docs/instructors/sandbox.md)");
        }
        warnings.println("grade: warning: " + problem + ", so submissions run without a sandbox:"
                + " processes they start can outlive grading, and they can read and write what this user can."
                + " Install bubblewrap (apt-get install bubblewrap) to grade untrusted work.");
        return null;
    }

    /**
     * Whether bwrap can start a process in new PID and network namespaces here (some containers forbid
     * it).
     *
     * @return true when a probe ran and exited with 0 within 30 seconds
     */
    private static boolean bwrapWorks() {
        try {
            Process probe = new ProcessBuilder(BWRAP.toString(), "--ro-bind", "/", "/", "--unshare-pid",
                    "--unshare-net", "--die-with-parent", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
