package org.emgmm.instructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.emgmm.grading.GradeReporter;
import org.emgmm.grading.GradingExtension;

/**
 * Runs the graded tests on one compiled submission in a JVM of its own ({@link RunGradedTests}),
 * with limits:
 * <ul>
 *   <li><b>memory</b>: {@code -Xmx}; a student's runaway allocation ends in an
 *       {@link OutOfMemoryError} inside that JVM, which the grading harness turns into the failure of
 *       the test that caused it;</li>
 *   <li><b>time per test</b>: passed on as {@code -Demgmm.grade.timeout}; an endless loop fails the
 *       tests that run into it, and the others go on;</li>
 *   <li><b>time in all</b>: the JVM is stopped (with every process it started) when the whole run
 *       takes longer; the report then keeps the tests finished so far (the harness rewrites it after
 *       every test) and marks the rest as not finished;</li>
 *   <li><b>output</b>: what the student's code prints goes to {@code log.txt}, cut at
 *       {@link #MAX_LOG_BYTES}, so that a print in a loop cannot fill the disk.</li>
 * </ul>
 * The library and the tests come first on the class path and the student's classes last, so that a
 * submission cannot replace a library or test class by defining one of the same name.
 */
final class GradingJvm {

    /** The most of a submission's output kept in its log: far more than any useful output. */
    static final long MAX_LOG_BYTES = 1024 * 1024;

    /** How long a stopped JVM gets to end before the grader stops waiting for it. */
    private static final long STOP_WAIT_SECONDS = 10;

    /** How the run ended. */
    enum Ending { FINISHED, STOPPED_AT_TIME_LIMIT, CRASHED }

    /** The run's ending, the JVM's exit code, and the log's last line (for a crash). */
    record Outcome(Ending ending, int exitCode, String lastLogLine) {
    }

    private final String libraryClasspath;
    private final Limits limits;

    GradingJvm(String libraryClasspath, Limits limits) {
        this.libraryClasspath = libraryClasspath;
        this.limits = limits;
    }

    /** Runs the graded tests on {@code classes}; the report goes to {@code reportFolder}. */
    Outcome run(Path classes, String label, Path reportFolder) throws IOException, InterruptedException {
        Files.createDirectories(reportFolder);
        Path log = reportFolder.resolve("log.txt");
        Process process = new ProcessBuilder(command(classes, label, reportFolder))
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        Thread pump = pumpAtMost(process.getInputStream(), log);
        boolean ended = process.waitFor(limits.submissionSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        pump.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
        if (!ended) {
            return new Outcome(Ending.STOPPED_AT_TIME_LIMIT, -1, "");
        }
        int code = process.exitValue();
        return new Outcome(code == 0 ? Ending.FINISHED : Ending.CRASHED, code, lastLine(log));
    }

    private List<String> command(Path classes, String label, Path reportFolder) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + limits.memoryMegabytes() + "m");
        command.add("-XX:+UseSerialGC"); // one GC thread: submissions graded side by side share the cores fairly
        command.add("-Djava.awt.headless=true");
        if (Runtime.version().feature() < 24) {
            // Lets the harness install its guard against System.exit (see ExitGuard); gone in Java 24.
            command.add("-Djava.security.manager=allow");
        }
        command.add("-D" + GradeReporter.DIRECTORY_PROPERTY + "=" + reportFolder.toAbsolutePath());
        command.add("-D" + GradeReporter.PROGRESS_PROPERTY + "=true");
        command.add("-D" + GradingExtension.TIMEOUT_PROPERTY + "=" + limits.testSeconds());
        command.add("-Demgmm.exercises.dir=" + label);
        command.add("-classpath");
        command.add(libraryClasspath + java.io.File.pathSeparator + classes.toAbsolutePath());
        command.add(RunGradedTests.class.getName());
        return command;
    }

    /** Copies the JVM's output to {@code log}, keeping at most {@link #MAX_LOG_BYTES} and dropping the rest. */
    private static Thread pumpAtMost(InputStream in, Path log) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            long kept = 0;
            try (in; OutputStream out = Files.newOutputStream(log)) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    int keep = (int) Math.max(0, Math.min(read, MAX_LOG_BYTES - kept));
                    out.write(buffer, 0, keep);
                    kept += keep;
                }
            } catch (IOException e) {
                // The JVM was stopped mid-write: the log keeps what it got.
            }
        }, "grading log");
        pump.setDaemon(true);
        pump.start();
        return pump;
    }

    private static String lastLine(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).strip();
            }
        }
        return "";
    }

    /**
     * The limits of one submission's grading.
     *
     * @param memoryMegabytes   the JVM's heap limit
     * @param testSeconds       the time limit of each graded test
     * @param submissionSeconds the time limit of the whole run
     */
    record Limits(int memoryMegabytes, long testSeconds, long submissionSeconds) {
    }
}
