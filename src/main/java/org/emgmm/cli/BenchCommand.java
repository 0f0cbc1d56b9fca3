package org.emgmm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.emgmm.Implementations;
import org.emgmm.bench.BenchCase;
import org.emgmm.bench.Benchmark;
import org.emgmm.bench.Benchmark.Row;
import org.emgmm.data.CsvWriter;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.MixtureSampler;
import org.emgmm.io.MixtureJson;
import org.emgmm.io.OutputBatch;
import org.emgmm.loops.LoopsEm;
import org.emgmm.vectorised.VectorisedEm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code em-gmm bench}: times implementations side by side on the same data from the same start, and
 * prints ms per iteration, GFLOP/s, exp+log per second and the speed-up over {@code loops}.
 * <pre>
 *   em-gmm bench                                      the reference cases b, c, d, e; vectorised and loops
 *   em-gmm bench --cases c,e --threads 1
 *   em-gmm bench --n 50000 --d 5 --k 4 --implementations vectorised,loops,explicit-pdf
 *   em-gmm bench --cases b,c,d,e --export bench-cases  also writes each case's data and start
 * </pre>
 * Timing rules are {@link Benchmark}'s; the cases are {@link BenchCase}'s.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, version = Main.VERSION, sortOptions = false,
        description = "Time EM implementations side by side on the same data and start.")
final class BenchCommand implements Callable<Integer> {

    /** Lists the reference cases in help text. */
    static final class CaseNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return BenchCase.REFERENCE.keySet().iterator();
        }
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--cases", split = ",", paramLabel = "NAME", completionCandidates = CaseNames.class,
            description = "Reference cases to run: ${COMPLETION-CANDIDATES} (b: 100,000×2, K=3; c: 100,000×10, K=5;"
                    + " d: 1,000,000×2, K=3; e: 20,000×50, K=4). Default: all, unless --n/--d/--k give a case.")
    private List<String> cases;

    @Option(names = "--n", paramLabel = "N", description = "A case of your own: N points (with --d and --k).")
    private Integer n;

    @Option(names = "--d", paramLabel = "D", description = "A case of your own: D dimensions (with --n and --k).")
    private Integer d;

    @Option(names = "--k", paramLabel = "K", description = "A case of your own: K components (with --n and --d).")
    private Integer k;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of your own case's data and start. Default: the reference cases' seed.")
    private long seed = BenchCase.REFERENCE_SEED;

    @Option(names = "--implementations", split = ",", paramLabel = "NAME",
            completionCandidates = FitCommand.ImplementationNames.class,
            description = "Implementations to time: ${COMPLETION-CANDIDATES}. Default: vectorised,loops.")
    private List<String> implementations = List.of(VectorisedEm.NAME, LoopsEm.NAME);

    @Option(names = "--iterations", paramLabel = "M",
            description = "EM iterations per run, with tolerance 0. Default: ${DEFAULT-VALUE}.")
    private int iterations = 50;

    @Option(names = "--runs", paramLabel = "R",
            description = "Timed runs per implementation and case, after one warm-up; the table gives their"
                    + " median. At least " + Benchmark.MIN_RUNS + ". Default: ${DEFAULT-VALUE}.")
    private int runs = Benchmark.MIN_RUNS;

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads for vectorised (the others use one). Default: every core, here ${DEFAULT-VALUE}.")
    private int threads = VectorisedEm.defaultThreads();

    @Option(names = "--cold",
            description = "Also time vectorised cold: per case, one fit of --iterations iterations in a fresh JVM,"
                    + " the compiler's warm-up included, as a first java -jar ... fit runs. The table's figures"
                    + " are warm (after a warm-up run).")
    private boolean cold;

    @Option(names = "--csv", paramLabel = "FILE.csv",
            description = "Where to write the table's rows as CSV. Default: ${DEFAULT-VALUE}.")
    private Path csv = Path.of("target", "bench", "bench.csv");

    @Option(names = "--export", paramLabel = "DIR",
            description = "Also write each case's points (CASE.csv) and start (CASE-start.json) into DIR, so that"
                    + " other libraries can be timed on the same work (see src/bench/ in the sources).")
    private Path export;

    /**
     * Checks every output before the first case runs, then times the cases and writes the CSV and the exported
     * cases through one {@link OutputBatch}: all of them, or none and no folder left behind. Progress lines go
     * to standard error while the cases run; a failure is always the last line printed.
     */
    @Override
    public Integer call() throws IOException {
        List<BenchCase> chosen = chosenCases();
        List<String> names = chosenImplementations();
        try (OutputBatch batch = OutputBatch.open()) {
            checkOutputs(batch, chosen);
            Benchmark benchmark = new Benchmark(iterations, runs, threads, line -> {
                spec.commandLine().getErr().println("  " + line);
                spec.commandLine().getErr().flush();
            });
            if (export != null) {
                stageExports(batch, chosen);
            }
            List<Row> rows = new ArrayList<>();
            List<String> coldLines = new ArrayList<>();
            for (BenchCase benchCase : chosen) {
                rows.addAll(benchmark.run(benchCase, names));
                if (cold) {
                    spec.commandLine().getErr().println("  case " + benchCase.name() + ": vectorised cold, in a fresh JVM");
                    double millis = Benchmark.coldMillisPerIteration(benchCase, iterations, threads);
                    coldLines.add(String.format(Locale.ROOT, "%-6s %-20s %10.2f%n", benchCase.name(),
                            benchCase.shape(), millis));
                }
            }
            batch.stage("--csv", csv, BenchTable.csv(rows));
            batch.commit();
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(BenchTable.text(rows, iterations, runs, threads));
            if (cold) {
                stdout.printf(Locale.ROOT, "%nvectorised cold: one fit of %d iterations in a fresh JVM on %d thread%s,"
                        + " warm-up included%n%-6s %-20s %10s%n", iterations, threads, threads == 1 ? "" : "s", "case",
                        "N×D, K", "ms/iter");
                coldLines.forEach(stdout::print);
            }
            if (export != null) {
                stdout.println("cases exported to " + export + ": " + String.join(", ", chosen.stream()
                        .map(BenchCase::name).toList()));
            }
            stdout.println("rows written to " + csv);
            stdout.flush();
        }
        return Main.EXIT_OK;
    }

    /**
     * Every file the run will write, checked before it runs (which may take minutes): {@code --csv} not a
     * folder and not inside {@code --export}, whose files it could replace; {@code --export} a folder (created,
     * and removed again if the run fails); no exported file where a folder is.
     */
    private void checkOutputs(OutputBatch batch, List<BenchCase> chosen) throws IOException {
        if (export != null && inside(csv, export)) {
            throw new IOException("--csv " + csv + " is inside --export " + export + ", the folder of the exported"
                    + " cases: write the table somewhere else");
        }
        Path csvFolder = csv.toAbsolutePath().getParent();
        if (!Files.isDirectory(csv)) {
            batch.directory("--csv", csvFolder, "folder for --csv");
        }
        batch.check("--csv", csv);
        if (export != null) {
            batch.directory("--export", export, "export folder");
            for (BenchCase benchCase : chosen) {
                for (Path file : exportedFiles(benchCase)) {
                    batch.check("--export", file);
                }
            }
        }
    }

    /** Whether {@code file} is in {@code folder} or below it, as written or with links followed. */
    private static boolean inside(Path file, Path folder) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(folder.toAbsolutePath().normalize())) {
            return true;
        }
        Path parent = absolute.getParent();
        return parent != null && Files.isDirectory(parent) && Files.isDirectory(folder)
                && parent.toRealPath().startsWith(folder.toRealPath());
    }

    /** DIR/CASE.csv (points and true components) and DIR/CASE-start.json of one case. */
    private List<Path> exportedFiles(BenchCase benchCase) {
        return List.of(export.resolve(benchCase.name() + ".csv"), export.resolve(benchCase.name() + "-start.json"));
    }

    /** Every case's points and start, staged in the batch (on disk, not in memory) until it is committed. */
    private void stageExports(OutputBatch batch, List<BenchCase> chosen) throws IOException {
        for (BenchCase benchCase : chosen) {
            MixtureSampler.Sample sample = benchCase.sample();
            DataMatrix data = sample.data();
            List<Path> files = exportedFiles(benchCase);
            batch.stage("--export", files.get(0), CsvWriter.format(sample));
            batch.stage("--export", files.get(1), MixtureJson.toJson(benchCase.start(data)));
        }
    }

    private List<BenchCase> chosenCases() {
        boolean custom = n != null || d != null || k != null;
        if (custom && (n == null || d == null || k == null)) {
            throw usageError("a case of your own needs all of --n, --d and --k");
        }
        List<BenchCase> chosen = new ArrayList<>();
        if (custom) {
            try {
                chosen.add(new BenchCase("custom", n, d, k, seed));
            } catch (ArithmeticException e) {
                throw usageError("--n " + n + " with --d " + d + " and --k " + k + " is too large: " + e.getMessage()
                        + "; choose a smaller case");
            }
        }
        if (cases != null || !custom) {
            for (String name : cases == null ? BenchCase.REFERENCE.keySet() : new LinkedHashSet<>(cases)) {
                BenchCase reference = BenchCase.REFERENCE.get(name.strip());
                if (reference == null) {
                    throw usageError("unknown case '" + name + "': choose from "
                            + String.join(", ", BenchCase.REFERENCE.keySet()) + ", or give --n, --d and --k");
                }
                chosen.add(reference);
            }
        }
        return chosen;
    }

    private List<String> chosenImplementations() {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(implementations));
        for (String name : names) {
            if (!Implementations.names().contains(name)) {
                throw usageError("unknown implementation '" + name + "': choose from "
                        + String.join(", ", Implementations.names()));
            }
        }
        if (iterations < 1) {
            throw usageError("--iterations must be 1 or more, got " + iterations);
        }
        if (runs < Benchmark.MIN_RUNS) {
            throw usageError("--runs must be at least " + Benchmark.MIN_RUNS + ", got " + runs);
        }
        if (threads < 1) {
            throw usageError("--threads must be 1 or more, got " + threads);
        }
        return names;
    }

    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The table and the CSV of a benchmark. */
    static final class BenchTable {

        private BenchTable() {
        }

        static String text(List<Row> rows, int iterations, int runs, int threads) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%d iterations per run (tol 0), median of %d runs after %d warm-up;"
                    + " vectorised on %d thread%s, the others on 1%n", iterations, runs, Benchmark.WARM_UP_RUNS,
                    threads, threads == 1 ? "" : "s"));
            out.append("flop model: 2·N·K·D² per iteration (triangular solve and symmetric scatter, D²/2"
                    + " multiply-adds each per point and component; a multiply-add is 2 flops)\n");
            out.append("exp+log model: N·K exponentials and N logarithms per iteration, log-sum-exp's for every point"
                    + " (vectorised takes one logarithm per 16 points)\n\n");
            out.append(String.format(Locale.ROOT, "%-6s %-20s %-14s %7s %10s %9s %12s %9s%n", "case", "N×D, K",
                    "implementation", "threads", "ms/iter", "GFLOP/s", "M exp+log/s", "vs loops"));
            for (Row row : rows) {
                if (row.error() != null) {
                    out.append(String.format(Locale.ROOT, "%-6s %-20s %-14s %s%n", row.benchCase().name(),
                            row.benchCase().shape(), row.implementation(), row.error()));
                    continue;
                }
                out.append(String.format(Locale.ROOT, "%-6s %-20s %-14s %7d %10.2f %9.2f %12.1f %9s%n",
                        row.benchCase().name(), row.benchCase().shape(), row.implementation(), row.threads(),
                        row.millisPerIteration(), row.gigaflops(), row.millionExpLogPerSecond(),
                        Double.isNaN(row.speedUpOverLoops()) ? "-"
                                : String.format(Locale.ROOT, "%.1f×", row.speedUpOverLoops())));
            }
            return out.toString();
        }

        static String csv(List<Row> rows) {
            StringBuilder out = new StringBuilder("case,n,d,k,implementation,threads,iterations,millisPerIteration,"
                    + "gflops,millionExpLogPerSecond,speedUpOverLoops,meanLogLikelihood,error\n");
            for (Row row : rows) {
                out.append(String.join(",", row.benchCase().name(), Integer.toString(row.benchCase().n()),
                        Integer.toString(row.benchCase().d()), Integer.toString(row.benchCase().k()),
                        row.implementation(), Integer.toString(row.threads()), Integer.toString(row.iterations()),
                        number(row.millisPerIteration()), number(row.gigaflops()),
                        number(row.millionExpLogPerSecond()), number(row.speedUpOverLoops()),
                        number(row.meanLogLikelihood()),
                        row.error() == null ? "" : "\"" + row.error().replace("\"", "\"\"") + "\""));
                out.append('\n');
            }
            return out.toString();
        }

        private static String number(double value) {
            return Double.isNaN(value) ? "" : Double.toString(value);
        }
    }
}
