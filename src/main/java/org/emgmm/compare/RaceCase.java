package org.emgmm.compare;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emgmm.bench.BenchCase;
import org.emgmm.bench.Benchmark;
import org.emgmm.model.CovarianceType;
import org.emgmm.univariate.UnivariateEm;

/**
 * A generated case of N points in D dimensions on which {@code compare} and {@code explore} time the
 * implementations that ran, because the data compared may be too small for its own timings to mean
 * anything ({@link Timings#FEW_POINTS}). The case is a {@link BenchCase} (a well-separated mixture drawn
 * from a seed) with the comparison's K, and the timer is {@link Benchmark}: the same start for every
 * implementation, constrained to the comparison's covariance type, {@value #ITERATIONS} iterations with
 * tolerance 0 after a warm-up run, the median of {@value #RUNS} timed runs.
 * <pre>
 *   RaceCase.parse("20000x10")  → 20,000 points in 10 dimensions
 *   RaceCase.parse("none")      → no race
 * </pre>
 *
 * @param rows    N, the points generated, at least 1
 * @param columns D, their dimensions, at least 1
 */
public record RaceCase(int rows, int columns) {

    /** What {@code --race} takes to turn the race off. */
    public static final String NONE = "none";

    /**
     * The race run when the data has fewer than {@link Timings#FEW_POINTS} points: twice that many points,
     * so that the work that grows with N outweighs an iteration's fixed cost, and D = 10, so that the
     * D²-per-point work of the E-step's solve and the M-step's scatter, where the implementations really
     * differ, dominates. Each of the four implementations takes 4 to 20 milliseconds per iteration here on
     * two cores once warm, which keeps the whole race to two or three seconds ({@link #ITERATIONS},
     * {@link #WARM_UP_ITERATIONS}).
     */
    public static final RaceCase DEFAULT = new RaceCase(2 * Timings.FEW_POINTS, 10);

    /**
     * EM iterations per run, with tolerance 0 so that every implementation does the same work: enough that
     * one run's fixed costs (allocating the workspace, starting the threads) are shared by several
     * iterations, few enough to keep the race cheap. Measured on two cores, the main job (272 points, four
     * implementations) takes about 4 s without a race; 6 iterations add about 1.8 s to it (10 added 2.9 s),
     * and still rank vectorised ahead of loops, as {@code bench} does on larger cases.
     */
    public static final int ITERATIONS = 6;

    /**
     * EM iterations of each implementation's one untimed run, before the timed ones. The just-in-time
     * compiler needs some tens of iterations of this case before the hot loops run compiled: measured on two
     * cores, vectorised took 5.2 ms per iteration after a warm-up of 6 iterations, 3.9 after 12 and 2.1 to
     * 2.7 after 20 to 30, where explicit-pdf went from 13 to 7. Forty iterations leave the timed runs on
     * compiled code, for about 0.8 s more over the four implementations.
     */
    public static final int WARM_UP_ITERATIONS = 40;

    /** Timed runs per implementation, their median reported: the fewest {@link Benchmark} accepts. */
    public static final int RUNS = Benchmark.MIN_RUNS;

    /** "20000x10" (or with ×, or X): N, then D. */
    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})[xX×](\\d{1,9})");

    /**
     * Checks the sizes.
     *
     * @param rows    N, at least 1
     * @param columns D, at least 1
     * @throws IllegalArgumentException if either is below 1
     */
    public RaceCase {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("a race case needs at least 1 point and 1 dimension, got " + rows
                    + "x" + columns);
        }
    }

    /**
     * Reads {@code --race}'s value.
     *
     * @param text "NxD", e.g. "20000x10", or {@value #NONE}
     * @return the case, or null for {@value #NONE}
     * @throws IllegalArgumentException with a one-line message saying what {@code --race} takes
     */
    public static RaceCase parse(String text) {
        String value = text.strip();
        if (value.equalsIgnoreCase(NONE)) {
            return null;
        }
        Matcher matcher = SIZE.matcher(value);
        int rows = matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
        int columns = matcher.matches() ? Integer.parseInt(matcher.group(2)) : 0;
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("--race takes NxD, N points in D dimensions, both 1 or more"
                    + " (e.g. 20000x10), or none; got '" + text + "'");
        }
        return new RaceCase(rows, columns);
    }

    /**
     * The race to run when {@code --race} is not given.
     *
     * @param dataRows N of the data compared
     * @return {@link #DEFAULT} below {@link Timings#FEW_POINTS} points, otherwise null (the data's own
     *         timings mean something)
     */
    public static RaceCase defaultFor(int dataRows) {
        return dataRows < Timings.FEW_POINTS ? DEFAULT : null;
    }

    /**
     * The case's data and start, as {@link Benchmark} times them.
     *
     * @param components K, the comparison's
     * @param seed       the seed of the mixture, the points and the start
     * @return the bench case
     * @throws IllegalArgumentException if N &lt; K
     * @throws ArithmeticException if N·max(D, K) does not fit in an int
     */
    public BenchCase benchCase(int components, long seed) {
        return new BenchCase("race", rows, columns, components, seed);
    }

    /**
     * Times the implementations that apply to D columns (univariate only where D = 1) on the case.
     *
     * @param components      K, the comparison's
     * @param type            the comparison's covariance type: the start is constrained to it
     * @param seed            the seed of the case (the comparison's --seed)
     * @param implementations the names of the implementations that ran in the comparison, in table order
     * @param threads         threads for vectorised
     * @return one timing per implementation that applies and did not fail, in the order given
     */
    public Timings time(int components, CovarianceType type, long seed, List<String> implementations,
            int threads) {
        List<String> applicable = implementations.stream()
                .filter(name -> columns == 1 || !name.equals(UnivariateEm.NAME)).toList();
        Benchmark benchmark = new Benchmark(ITERATIONS, WARM_UP_ITERATIONS, RUNS, threads, line -> { });
        List<Benchmark.Row> rows = benchmark.run(benchCase(components, seed), applicable, type).stream()
                .filter(row -> row.error() == null).toList();
        return new Timings(label(seed), this.rows, columns, components,
                rows.stream().map(Benchmark.Row::implementation).toList(),
                rows.stream().map(Benchmark.Row::millisPerIteration).toList());
    }

    /**
     * The timing group's label; its size is given beside it ({@link Timings#size}).
     *
     * @param seed the seed of the case
     * @return "generated race case (seed 1)"
     */
    public static String label(long seed) {
        return String.format(Locale.ROOT, "generated race case (seed %d)", seed);
    }

    /** {@return "20000x10", as --race takes it} */
    @Override
    public String toString() {
        return rows + "x" + columns;
    }
}
