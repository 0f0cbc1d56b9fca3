package org.emgmm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.emgmm.Implementations;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.univariate.UnivariateEm;
import org.emgmm.vectorised.VectorisedEm;

/**
 * Times EM implementations on {@link BenchCase}s, side by side: the same data, the same start, a fixed
 * number of iterations with tolerance 0, so every implementation does exactly the same work.
 *
 * <p>For each case and implementation: {@value #WARM_UP_RUNS} untimed runs, so that the JIT has compiled
 * the kernels, then {@code runs} timed ones; the figure is the median of their milliseconds per
 * iteration (one E-step and one M-step; {@link EmResult#millisPerIteration}).
 *
 * <p>Flop model, stated with every table: an iteration does a triangular solve L z = x − μ (the E-step)
 * and adds a symmetric rank-1 term r (x − μ)(x − μ)ᵀ (the M-step) for every point and component; each is
 * D²/2 multiply-adds, counted as 2 flops each:
 * <pre>
 *   flops per iteration = 2 · N · K · D²
 * </pre>
 * Lower-order terms (O(N·K·D)) and the N·K exponentials and N logarithms of log-sum-exp are not counted;
 * the exponentials and logarithms get their own rate, (N·K + N) per iteration.
 *
 * <p>Those figures are <em>warm</em>. {@link #coldMillisPerIteration} gives the <em>cold</em> one: one fit
 * in a fresh JVM, as a user's first {@code java -jar … fit} runs, the compiler's warm-up included.
 */
public final class Benchmark {

    /** Untimed runs before the timed ones. */
    public static final int WARM_UP_RUNS = 1;

    /** The fewest timed runs: a median of fewer says little on a busy machine. */
    public static final int MIN_RUNS = 5;

    /** The reg-covar of every run: the command line's default. */
    static final double REG_COVAR = EmSettings.DEFAULT_REG_COVAR;

    /**
     * One implementation on one case.
     *
     * @param benchCase          the case
     * @param implementation     the implementation's name
     * @param threads            the threads it used (1 for all but vectorised)
     * @param iterations         EM iterations per run
     * @param millisPerIteration median over the timed runs; NaN when it did not run
     * @param speedUpOverLoops   loops' ms per iteration divided by this one's; NaN without loops
     * @param meanLogLikelihood  L(θ)/N after the last timed run; NaN when it did not run
     * @param error              why it did not run (skipped or failed), or null
     */
    public record Row(BenchCase benchCase, String implementation, int threads, int iterations,
            double millisPerIteration, double speedUpOverLoops, double meanLogLikelihood, String error) {

        /** {@return flops per iteration under the model in the class comment, 2·N·K·D²} */
        public double flopsPerIteration() {
            return 2.0 * benchCase.n() * benchCase.k() * (double) benchCase.d() * benchCase.d();
        }

        /** {@return billions of flops per second at the median time} */
        public double gigaflops() {
            return flopsPerIteration() / (millisPerIteration * 1e6);
        }

        /** {@return exp and log evaluations per second, in millions: (N·K + N) per iteration} */
        public double millionExpLogPerSecond() {
            double perIteration = (double) benchCase.n() * (benchCase.k() + 1);
            return perIteration / (millisPerIteration * 1e3);
        }

        Row withSpeedUp(double loopsMillis) {
            return new Row(benchCase, implementation, threads, iterations, millisPerIteration,
                    loopsMillis / millisPerIteration, meanLogLikelihood, error);
        }
    }

    private final int iterations;
    private final int warmUpIterations;
    private final int runs;
    private final int threads;
    private final Consumer<String> progress;

    /**
     * A benchmark with fixed run settings.
     *
     * @param iterations EM iterations per run, with tolerance 0
     * @param runs       timed runs, at least {@value #MIN_RUNS}
     * @param threads    threads for the implementations that use several
     * @param progress   told what is running, for a user waiting on a long table
     * @throws IllegalArgumentException if iterations or threads is below 1, or runs below {@value #MIN_RUNS}
     */
    public Benchmark(int iterations, int runs, int threads, Consumer<String> progress) {
        this(iterations, iterations, runs, threads, progress);
    }

    /**
     * A benchmark whose warm-up run is longer (or shorter) than the timed ones: the just-in-time compiler
     * compiles the hot loops only after some tens of iterations on a mid-sized case, so a short timed run
     * after a warm-up of the same few iterations would time code that is still being compiled.
     *
     * @param iterations       EM iterations per timed run, with tolerance 0
     * @param warmUpIterations EM iterations of the one untimed run before them
     * @param runs             timed runs, at least {@value #MIN_RUNS}
     * @param threads          threads for the implementations that use several
     * @param progress         told what is running, for a user waiting on a long table
     * @throws IllegalArgumentException if iterations, warmUpIterations or threads is below 1, or runs below
     *                                  {@value #MIN_RUNS}
     */
    public Benchmark(int iterations, int warmUpIterations, int runs, int threads, Consumer<String> progress) {
        if (iterations < 1 || warmUpIterations < 1) {
            throw new IllegalArgumentException("iterations must be 1 or more, got " + iterations + " timed and "
                    + warmUpIterations + " to warm up");
        }
        if (runs < MIN_RUNS) {
            throw new IllegalArgumentException("runs must be " + MIN_RUNS + " or more (the figure is their median),"
                    + " got " + runs);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
        }
        this.iterations = iterations;
        this.warmUpIterations = warmUpIterations;
        this.runs = runs;
        this.threads = threads;
        this.progress = progress;
    }

    /**
     * Times the implementations on one case.
     *
     * @param benchCase       the case: its data and start are drawn once and shared
     * @param implementations names, as {@link org.emgmm.Implementations#byName} takes them
     * @return one row per implementation, in the order given, each with its speed-up over loops when loops ran
     */
    public List<Row> run(BenchCase benchCase, List<String> implementations) {
        return run(benchCase, implementations, CovarianceType.FULL);
    }

    /**
     * Times the implementations on one case, from a start of the given covariance type: the case's start
     * constrained to it, as {@code compare --covariance-type} constrains its own, so that every M-step
     * keeps that type.
     *
     * @param benchCase       the case: its data and start are drawn once and shared
     * @param implementations names, as {@link org.emgmm.Implementations#byName} takes them; each must
     *                        keep {@code type}
     * @param type            the covariance type of the start, and so of every fit
     * @return one row per implementation, in the order given, each with its speed-up over loops when loops ran
     */
    public List<Row> run(BenchCase benchCase, List<String> implementations, CovarianceType type) {
        progress.accept("case " + benchCase.name() + " (" + benchCase.shape() + "): generating data");
        DataMatrix data = benchCase.data();
        GaussianMixture start = benchCase.start(data).constrainedTo(type);
        List<Row> rows = new ArrayList<>();
        for (String name : implementations) {
            rows.add(time(benchCase, name, data, start));
        }
        double loopsMillis = rows.stream().filter(row -> row.implementation().equals(LoopsEm.NAME)
                && row.error() == null).mapToDouble(Row::millisPerIteration).findFirst().orElse(Double.NaN);
        return rows.stream().map(row -> row.withSpeedUp(loopsMillis)).toList();
    }

    private Row time(BenchCase benchCase, String name, DataMatrix data, GaussianMixture start) {
        EmAlgorithm algorithm = create(name);
        int used = algorithm instanceof VectorisedEm ? threads : 1;
        if (name.equals(UnivariateEm.NAME) && benchCase.d() != 1) {
            return failed(benchCase, name, used, "skipped: univariate needs D = 1, this case has D = " + benchCase.d());
        }
        EmSettings settings = new EmSettings(iterations, 0.0, REG_COVAR);
        EmSettings warmUp = new EmSettings(warmUpIterations, 0.0, REG_COVAR);
        double[] millis = new double[runs];
        double meanLogLikelihood = Double.NaN;
        try {
            for (int run = -WARM_UP_RUNS; run < runs; run++) {
                progress.accept("case " + benchCase.name() + ": " + name + (run < 0 ? " warm-up" : " run "
                        + (run + 1) + " of " + runs));
                EmResult result = algorithm.fit(data, start, run < 0 ? warmUp : settings);
                if (run >= 0) {
                    millis[run] = result.millisPerIteration();
                    meanLogLikelihood = result.meanLogLikelihood();
                }
            }
        } catch (RuntimeException e) {
            return failed(benchCase, name, used, "failed: " + e.getMessage());
        }
        return new Row(benchCase, name, used, iterations, median(millis), Double.NaN, meanLogLikelihood, null);
    }

    private EmAlgorithm create(String name) {
        return name.equals(VectorisedEm.NAME) ? new VectorisedEm(threads) : Implementations.byName(name);
    }

    private Row failed(BenchCase benchCase, String name, int used, String reason) {
        return new Row(benchCase, name, used, iterations, Double.NaN, Double.NaN, Double.NaN, reason);
    }

    /**
     * The cold figure: {@code vectorised}'s milliseconds per iteration over one fit of {@code iterations}
     * iterations in a fresh JVM ({@link ColdRun}), started with this JVM's own {@code java} and class path
     * and no options.
     *
     * @param benchCase  the case; its data and start are drawn again in the child JVM from the seed
     * @param iterations EM iterations of the fit, with tolerance 0
     * @param threads    threads for vectorised
     * @return milliseconds per iteration
     * @throws IOException if the child JVM cannot start, fails, or prints no number
     */
    public static double coldMillisPerIteration(BenchCase benchCase, int iterations, int threads)
            throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ColdRun.class.getName(), Integer.toString(benchCase.n()), Integer.toString(benchCase.d()),
                Integer.toString(benchCase.k()), Long.toString(benchCase.seed()), Integer.toString(iterations),
                Integer.toString(threads));
        builder.redirectErrorStream(true);
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            int exit = child.waitFor();
            if (exit != 0) {
                throw new IOException("the cold run's JVM exited with " + exit + ": " + output);
            }
            return Double.parseDouble(output);
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the cold run", e);
        } catch (NumberFormatException e) {
            throw new IOException("the cold run printed no number: " + output, e);
        }
    }

    /** The middle value (the mean of the two middle ones for an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
