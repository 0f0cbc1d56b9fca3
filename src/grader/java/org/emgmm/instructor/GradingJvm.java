package org.emgmm.instructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.emgmm.grading.GradingExtension;
import org.emgmm.grading.ResultChannel;
import org.emgmm.grading.RunSeed;

/**
 * Runs the graded tests on one compiled submission in a JVM of its own ({@link RunGradedTests}),
 * with limits:
 * <ul>
 *   <li><b>memory</b>: {@code -Xmx}; a student's runaway allocation ends in an
 *       {@link OutOfMemoryError} inside that JVM, which the grading harness turns into the failure of
 *       the test that caused it;</li>
 *   <li><b>time per test</b>: passed on as {@code -Demgmm.grade.timeout}; an endless loop fails the
 *       tests that run into it, and the others go on;</li>
 *   <li><b>random inputs</b>: from the seed passed on as {@code -Demgmm.grade.seed} ({@link #withSeed}),
 *       which the grader draws for each submission and writes into its report;</li>
 *   <li><b>time in all</b>: the JVM is stopped (with every process it started) when the whole run
 *       takes longer; the report then keeps the tests finished so far (the harness sends a signed
 *       report after every test) and marks the rest as not finished;</li>
 *   <li><b>results</b>: they come back only over the {@link ResultChannel}, signed with a key this
 *       grader makes for the run; the JVM is never told where reports go, and a JVM that ends with
 *       code 0 before its final report {@link Ending#ENDED_EARLY ended early};</li>
 *   <li><b>output</b>: what the tests and the student's code print goes to {@code log.txt}, cut at
 *       {@link #MAX_LOG_BYTES} with a marker, so that a print in a loop cannot fill the disk;</li>
 *   <li><b>the sandbox</b> ({@link Sandbox}), when bubblewrap is used: the JVM and everything it starts
 *       live in their own PID namespace and end with it; no network; nothing of the file system but the
 *       JDK, the class path and the submission's classes, read-only, and a temporary folder of its own.
 *       Without it, the JVM still starts in that empty temporary folder, with nothing in its command line
 *       or environment that names the project, the reports or another submission.</li>
 * </ul>
 * The tests run are the ones listed by the grader ({@link RunGradedTests}), never found by a scan.
 * The submission's classes are not on the class path: each test class gets a fresh {@link ExerciseLoader},
 * which takes only {@code org.emgmm.exercises} from them, so that a submission cannot replace a library or
 * test class by defining one of the same name, and nothing static carries over from one exercise to the
 * next.
 */
final class GradingJvm {

    /** The most of a submission's output kept in its log: far more than any useful output. */
    static final long MAX_LOG_BYTES = 1024 * 1024;

    /** How long a stopped JVM gets to end before the grader stops waiting for it. */
    private static final long STOP_WAIT_SECONDS = 10;

    /** How the run ended. */
    enum Ending {
        /** The tests ran to the end and the final report arrived. */
        FINISHED,
        /** Stopped at the submission's time limit. */
        STOPPED_AT_TIME_LIMIT,
        /** The JVM ended with an exit code other than 0. */
        CRASHED,
        /** The JVM ended with exit code 0 but without its final report: something ended it on purpose. */
        ENDED_EARLY
    }

    /**
     * How the run went.
     *
     * @param ending      how it ended
     * @param exitCode    the JVM's exit code (−1 when it was stopped)
     * @param lastLogLine the log's last line (for a crash)
     * @param results     the last signed report the JVM sent (the final one when it finished), or null
     * @param forgedLines lines on the result channel that were not signed with the run's key
     */
    record Outcome(Ending ending, int exitCode, String lastLogLine, JsonObject results, int forgedLines) {
    }

    private final String libraryClasspath;
    private final Limits limits;
    private final List<String> testClasses;
    private final Sandbox sandbox;

    /** The core this JVM is pinned to, or −1 for any. */
    private final int core;

    /** The seed of the tests' random inputs, as {@code -Demgmm.grade.seed} takes it; null: the JVM draws one. */
    private final String seed;

    GradingJvm(String libraryClasspath, Limits limits, List<String> testClasses, Sandbox sandbox) {
        this(libraryClasspath, limits, testClasses, sandbox, -1, null);
    }

    private GradingJvm(String libraryClasspath, Limits limits, List<String> testClasses, Sandbox sandbox, int core,
            String seed) {
        this.libraryClasspath = libraryClasspath;
        this.limits = limits;
        this.testClasses = List.copyOf(testClasses);
        this.sandbox = sandbox;
        this.core = core;
        this.seed = seed;
    }

    /** Where the JVMs run: inside bubblewrap, or without a sandbox. */
    Sandbox sandbox() {
        return sandbox;
    }

    /** Where taskset is installed (util-linux, on every Debian). */
    static final Path TASKSET = Path.of("/usr/bin/taskset");

    /** Whether grading JVMs can be pinned to cores here. */
    static boolean canPin() {
        return Files.isExecutable(TASKSET);
    }

    /** The same JVM settings, pinned to {@code core} (with every thread and process it starts); −1: any core. */
    GradingJvm onCore(int core) {
        return new GradingJvm(libraryClasspath, limits, testClasses, sandbox, core, seed);
    }

    /**
     * The same JVM settings, with the graded tests drawing their random inputs from {@code seed}
     * ({@code org.emgmm.grading.RunSeed}).
     *
     * @param seed as {@code -Demgmm.grade.seed} takes it, e.g. {@code 0x5DEECE66D0A1B2C3}
     * @return the settings with that seed
     */
    GradingJvm withSeed(String seed) {
        return new GradingJvm(libraryClasspath, limits, testClasses, sandbox, core, seed);
    }

    /**
     * Runs the graded tests on {@code classes}. The JVM's results come back on its {@link ResultChannel};
     * its output goes to {@code reportFolder/log.txt}. Only this process writes there: the JVM is not
     * told where it is, and inside the sandbox cannot write it.
     */
    Outcome run(Path classes, String label, Path reportFolder) throws IOException, InterruptedException {
        Files.createDirectories(reportFolder);
        Path log = reportFolder.resolve("log.txt");
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        Path temporary = reportFolder.getParent().resolve("tmp");
        Files.createDirectories(temporary);
        Sandbox.View view = sandbox.view(libraryClasspath, classes, temporary);
        ProcessBuilder builder = new ProcessBuilder(command(view, label)).directory(temporary.toFile());
        builder.environment().keySet().retainAll(Sandbox.ENVIRONMENT);
        Process process = builder.start();
        ChannelReader channel = new ChannelReader(process.getInputStream(), key);
        Thread results = new Thread(channel, "grading results");
        results.setDaemon(true);
        results.start();
        Thread pump = pumpAtMost(process.getErrorStream(), log);
        try (OutputStream in = process.getOutputStream()) {
            in.write((java.util.HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // The JVM ended before reading its key: it sends no results, which the outcome says.
        }
        boolean ended = process.waitFor(limits.submissionSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        pump.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
        results.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
        JsonObject last = channel.last();
        if (!ended) {
            return new Outcome(Ending.STOPPED_AT_TIME_LIMIT, -1, "", last, channel.forged());
        }
        int code = process.exitValue();
        Ending ending = code != 0 ? Ending.CRASHED : channel.finished() ? Ending.FINISHED : Ending.ENDED_EARLY;
        return new Outcome(ending, code, lastLine(log), last, channel.forged());
    }

    /** The key's length: 256 bits, HMAC-SHA256's own size. */
    private static final int KEY_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();


    /** Reads the result channel: keeps the last report signed with the key, in sequence, and counts the rest. */
    private static final class ChannelReader implements Runnable {
        private final InputStream in;
        private final byte[] key;
        private volatile JsonObject last;
        private volatile boolean finished;
        private volatile int forged;

        ChannelReader(InputStream in, byte[] key) {
            this.in = in;
            this.key = key;
        }

        @Override
        public void run() {
            long expected = 0;
            try (in) {
                StringBuilder line = new StringBuilder();
                int read;
                while ((read = in.read()) >= 0) {
                    if (read != '\n') {
                        if (line.length() < ResultChannel.MAX_LINE) {
                            line.append((char) read);
                        }
                        continue;
                    }
                    java.util.Optional<ResultChannel.Report> report = ResultChannel.verify(line.toString(), key);
                    line.setLength(0);
                    if (report.isEmpty() || report.get().sequence() != expected || finished) {
                        forged++;
                        continue;
                    }
                    expected++;
                    last = JsonParser.parseString(report.get().results()).getAsJsonObject();
                    finished = ResultChannel.FINAL.equals(report.get().kind());
                }
            } catch (IOException | RuntimeException e) {
                // The JVM was stopped mid-line: the last whole report stands.
            }
        }

        JsonObject last() {
            return last;
        }

        boolean finished() {
            return finished;
        }

        int forged() {
            return forged;
        }
    }

    /**
     * The command that runs the graded tests: pinned to its core where there is one, inside the sandbox
     * where there is one, with the paths as {@code view} gives them. The JVM's only writable folder, for
     * its temporary files, is {@code view}'s; the report folder beside it is the grader's alone.
     */
    private List<String> command(Sandbox.View view, String label) {
        List<String> command = new ArrayList<>();
        if (core >= 0) {
            command.addAll(List.of(TASKSET.toString(), "-c", Integer.toString(core)));
        }
        command.addAll(view.prefix());
        command.add(Sandbox.javaHome().resolve("bin/java").toString());
        command.add("-Xmx" + limits.memoryMegabytes() + "m");
        command.add("-XX:+UseSerialGC"); // one GC thread: submissions graded side by side share the cores fairly
        // The quick compiler only: a grading run lasts seconds, too short for the optimising compiler to pay
        // back its work, which on a core of its own competes with the tests (half the time, measured).
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+DisableAttachMechanism"); // no tool can attach to the JVM and read the run's key
        command.add("-Djava.io.tmpdir=" + view.temporary());
        command.add("-XX:-UsePerfData");  // no performance-data file in /tmp, which may be read-only
        command.add("-Djava.awt.headless=true");
        if (Runtime.version().feature() < 24) {
            // Lets the harness install its guard against System.exit (see ExitGuard); gone in Java 24.
            command.add("-Djava.security.manager=allow");
        }
        command.add("-D" + GradingExtension.TIMEOUT_PROPERTY + "=" + limits.testSeconds());
        if (seed != null) {
            command.add("-D" + RunSeed.PROPERTY + "=" + seed);
        }
        command.add("-Demgmm.exercises.dir=" + label);
        command.add("-classpath");
        command.add(view.classpath());
        command.add(RunGradedTests.class.getName());
        command.add(view.submission());
        command.addAll(testClasses);
        return command;
    }

    /** Ends a log that was cut, so that nobody mistakes it for the whole. */
    static final String LOG_TRUNCATED = "\n… truncated: the log is cut at " + MAX_LOG_BYTES + " bytes\n";

    /** Copies the JVM's output to {@code log}, keeping at most {@link #MAX_LOG_BYTES} and a marker if it drops any. */
    private static Thread pumpAtMost(InputStream in, Path log) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            long kept = 0;
            try (in; OutputStream out = Files.newOutputStream(log)) {
                int read;
                boolean cut = false;
                while ((read = in.read(buffer)) >= 0) {
                    int keep = (int) Math.max(0, Math.min(read, MAX_LOG_BYTES - kept));
                    out.write(buffer, 0, keep);
                    kept += keep;
                    if (keep < read && !cut) {
                        out.write(LOG_TRUNCATED.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        cut = true;
                    }
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
