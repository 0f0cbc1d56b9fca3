package org.emgmm.instructor;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How fast the grader grades a class: batches of honest submissions (copies of the worked solutions),
 * graded as {@code grade} grades them, and timed.
 * <pre>
 *   mvn -q test-compile -Pgrading-bench                                   10 copies, --jobs 2
 *   mvn -q test-compile -Pgrading-bench -Dbench="--copies 20 --sandbox none"
 * </pre>
 * Each round grades a batch of one copy, then a batch of N copies, each into a fresh output folder, in
 * this JVM (so Maven's own start is not counted). From the two wall-clock times T₁ and T_N it prints the
 * time per submission, (T_N − T₁)/(N − 1), and the fixed cost of a batch, T₁ less one submission: the
 * untouched skeletons' run, the class report, the grader's own warm-up. With {@code --sandbox none} it does
 * the same with the processor time spent (this JVM's and the grading JVMs'), which depends far less on what
 * else the machine is doing (inside bubblewrap the grading JVMs' time is not counted, so it is left out);
 * and it prints the load average before each batch. With several rounds it prints the median of
 * each. Every copy must score full marks, or the timing would mean nothing: it then stops and says which
 * did not.
 *
 * <p>A benchmark, not a test: its numbers depend on the machine and on what else runs there, so it
 * prints them for a person to read (docs/instructors/grading.md quotes them) and asserts nothing about
 * time.
 */
@Command(name = "grading-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Times the grader on batches of copies of the worked solutions: the time per submission"
            + " and the fixed cost of a batch.")
public final class GradingBenchmark implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--copies", paramLabel = "N", description = "submissions in the large batch (default:"
            + " ${DEFAULT-VALUE})")
    private int copies = 10;

    @Option(names = "--jobs", paramLabel = "N", description = "grade's --jobs (default: ${DEFAULT-VALUE})")
    private int jobs = 2;

    @Option(names = "--sandbox", paramLabel = "MODE", description = "grade's --sandbox (default: ${DEFAULT-VALUE})")
    private SandboxChoice sandbox = SandboxChoice.auto;

    @Option(names = "--rounds", paramLabel = "R", description = "pairs of batches timed; the medians are printed"
            + " (default: ${DEFAULT-VALUE})")
    private int rounds = 1;

    @Option(names = "--solutions", paramLabel = "DIR", description = "the worked solutions' package folder"
            + " (default: ${DEFAULT-VALUE})")
    private Path solutions = Path.of("solutions/org/emgmm/exercises");

    @Option(names = "--classpath", paramLabel = "PATH", hidden = true, description = "grade's --classpath")
    private String classpath = System.getProperty("java.class.path");

    /**
     * Runs the benchmark and exits: 0 when it ran, 1 when a copy did not score full marks, 2 for a usage
     * error.
     *
     * @param args the command line (see {@code --help})
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new GradingBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (copies < 2 || rounds < 1 || jobs < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--copies takes 2 or more, --rounds and"
                    + " --jobs 1 or more");
        }
        System.out.printf(Locale.ROOT, "grading-bench: %d cores, --jobs %d, --sandbox %s, batches of 1 and %d copies"
                + " of %s%n", Runtime.getRuntime().availableProcessors(), jobs, sandbox, copies, solutions);
        Path folder = Files.createTempDirectory("em-gmm-grading-bench");
        try {
            List<Timing> singles = new ArrayList<>();
            List<Timing> batches = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                Timing single = timeBatch(folder.resolve("round-" + round + "-single"), 1);
                Timing batch = timeBatch(folder.resolve("round-" + round + "-batch"), copies);
                singles.add(single);
                batches.add(batch);
                System.out.printf(Locale.ROOT, "round %d: batch of 1 in %s; batch of %d in %s%n", round, single,
                        copies, batch);
            }
            print("wall clock", median(singles, Timing::wall), median(batches, Timing::wall));
            if (sandbox == SandboxChoice.none) {
                print("processor", median(singles, Timing::cpu), median(batches, Timing::cpu));
            }
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("grading-bench: " + e.getMessage());
            return 1;
        } finally {
            Compilation.deleteTree(folder);
        }
    }

    /**
     * One batch's times.
     *
     * @param wall    wall-clock seconds
     * @param cpu     processor seconds, this JVM's and its ended children's (the grading JVMs, when they
     *                run outside bubblewrap)
     * @param load    the one-minute load average before the batch (−1 where unknown)
     */
    record Timing(double wall, double cpu, double load) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f s (load %.1f before)", wall, load);
        }
    }

    /** Prints the time per submission and the fixed cost of a batch, from the medians of one kind of time. */
    private void print(String kind, double single, double batch) {
        double perSubmission = (batch - single) / (copies - 1);
        System.out.printf(Locale.ROOT, "%s: %.2f s per submission, %.1f s fixed per batch (medians of %d round%s)%n",
                kind, perSubmission, single - perSubmission, rounds, rounds == 1 ? "" : "s");
    }

    /**
     * Grades {@code count} copies of the solutions in {@code folder} and returns its times.
     *
     * @throws IllegalStateException when the grader fails or a copy does not score full marks
     */
    private Timing timeBatch(Path folder, int count) throws IOException {
        Path submissions = folder.resolve("submissions");
        for (int copy = 1; copy <= count; copy++) {
            Path target = submissions.resolve(String.format(Locale.ROOT, "copy-%02d", copy))
                    .resolve("org/emgmm/exercises");
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(solutions)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
        }
        Path out = folder.resolve("out");
        StringWriter log = new StringWriter();
        double load = loadAverage();
        double cpuBefore = processorSeconds();
        long start = System.nanoTime();
        int code = Grade.run(new String[] {submissions.toString(), "--out", out.toString(), "--jobs",
            String.valueOf(jobs), "--sandbox", sandbox.name(), "--classpath", classpath},
                new PrintWriter(log, true), new PrintWriter(log, true));
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = processorSeconds() - cpuBefore;
        if (code != 0) {
            throw new IllegalStateException("the grader ended with " + code + ":\n" + log);
        }
        requireFullMarks(out.resolve(Gradebook.FILE), count, log.toString());
        return new Timing(seconds, cpu, load);
    }

    /** The clock ticks per second of /proc's times: 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    /**
     * The processor seconds this JVM and its children that ended (the grading JVMs, with everything they
     * waited for) have used: this JVM's from its management bean, the children's from /proc/self/stat.
     *
     * @return the seconds, or this JVM's alone where /proc cannot be read
     */
    private static double processorSeconds() {
        double own = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // After the command's closing parenthesis, fields 3 on; cutime and cstime are fields 16 and 17.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return own + (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return own;
        }
    }

    /** The one-minute load average from /proc/loadavg, or −1 where it cannot be read. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Every row of the gradebook has score = max_score, and there are {@code count} of them. */
    private static void requireFullMarks(Path gradebook, int count, String log) throws IOException {
        List<String> rows = Files.readAllLines(gradebook).stream().skip(1).toList();
        List<String> notFull = rows.stream().filter(row -> {
            String[] fields = row.split(",");
            return fields.length < 3 || !fields[1].equals(fields[2]);
        }).toList();
        if (rows.size() != count || !notFull.isEmpty()) {
            throw new IllegalStateException("expected " + count + " copies at full marks, the gradebook says "
                    + (notFull.isEmpty() ? rows.size() + " rows" : notFull) + ":\n" + log);
        }
    }

    private static double median(List<Timing> timings, java.util.function.ToDoubleFunction<Timing> kind) {
        List<Double> sorted = timings.stream().mapToDouble(kind).sorted().boxed().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
