package org.emgmm.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmLoop;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Responsibilities;
import org.emgmm.model.GaussianMixture;

/**
 * Every step of the runs a comparison made, kept for the explorer page ({@link ExplorePage}): for each
 * implementation and each iteration t (0 = the start), θₜ, the mean log-likelihood L(θₜ)/N and the
 * responsibilities under θₜ of a seeded sample of at most {@value #MAX_SHOWN} points.
 *
 * <p>The timed runs of {@link Comparison} record nothing, so that recording costs them nothing: once
 * they are done, {@link #record} replays each implementation that ran from the start its reported run
 * came from, for as many iterations as that run took, with the same checked steps {@link EmLoop} uses.
 * EM is deterministic, so the replay passes through the same parameters.
 *
 * @param shown the rows of the data shown on the page, in increasing order
 * @param total N, the number of points in the data
 * @param runs  one per implementation that ran, in table order
 */
public record Recording(int[] shown, int total, List<Run> runs) {

    /** The most points the page shows. */
    public static final int MAX_SHOWN = 5_000;

    /**
     * One implementation's run, step by step.
     *
     * @param implementation   its name
     * @param parameters       θ₀ … θ_T
     * @param trace            L(θ₀)/N … L(θ_T)/N
     * @param responsibilities for each t, the shown points' responsibilities under θₜ, flat row-major
     *                         (shown × K)
     */
    public record Run(String implementation, List<GaussianMixture> parameters, double[] trace,
            List<double[]> responsibilities) {

        /** {@return T, the last iteration recorded} */
        public int iterations() {
            return parameters.size() - 1;
        }
    }

    /** {@return "5,000 of 20,000 shown": how many points the page shows, of how many} */
    public String shownLine() {
        return String.format(java.util.Locale.ROOT, "%,d of %,d shown", shown.length, total);
    }

    /**
     * Replays every implementation that ran in {@code outcome}, recording each step.
     *
     * @param data     the data the comparison ran on. Not modified.
     * @param outcome  the comparison's rows, with the iterations and start of each run reported
     * @param entries  the implementations, as given to {@link Comparison#runEntries}
     * @param settings the settings it ran with (regCovar is used)
     * @param seed     chooses the sample of shown points
     * @return the recorded runs, in table order
     */
    public static Recording record(DataMatrix data, Comparison.Outcome outcome, List<Comparison.Entry> entries,
            EmSettings settings, long seed) {
        int[] shown = sample(data.rows(), MAX_SHOWN, seed);
        List<Run> runs = new ArrayList<>();
        for (Comparison.Row row : outcome.ran()) {
            EmAlgorithm algorithm = entries.stream().filter(e -> e.name().equals(row.implementation()))
                    .map(Comparison.Entry::algorithm).findFirst().orElseThrow();
            GaussianMixture start = outcome.starts().get(row.bestRun()).mixture();
            runs.add(replay(algorithm, data, start, row.result().iterations(), settings.regCovar(), shown));
        }
        return new Recording(shown, data.rows(), List.copyOf(runs));
    }

    /**
     * This recording with one more run: an EM as a notebook wrote it ({@link AsWrittenRun}), replayed from
     * the start of the reference's reported run, as {@link AsWrittenRun#run} ran it.
     *
     * @param data       the data compared. Not modified.
     * @param outcome    the comparison, whose reference gives the start
     * @param asWritten  the EM as written
     * @param iterations how many iterations its run took
     * @param regCovar   added to each new covariance's diagonal
     * @return a new recording, the EM as written last
     */
    public Recording withAsWritten(DataMatrix data, Comparison.Outcome outcome, EmAlgorithm asWritten,
            int iterations, double regCovar) {
        int run = outcome.rows().stream().filter(row -> row.implementation().equals(outcome.reference()))
                .mapToInt(Comparison.Row::bestRun).findFirst().orElse(0);
        List<Run> more = new ArrayList<>(runs);
        more.add(replay(asWritten, data, outcome.starts().get(run).mixture(), iterations, regCovar, shown));
        return new Recording(shown, total, List.copyOf(more));
    }

    /**
     * The first iteration where a run's trace leaves the first run's by more than
     * {@link Comparison#AGREEMENT_TOLERANCE} (relative, as {@link Comparison#departure} measures it).
     *
     * @param run one of this recording's runs
     * @return the iteration, or −1 when the traces agree over the iterations both ran
     */
    public int departureFromFirst(Run run) {
        double[] expected = runs.get(0).trace();
        double[] actual = run.trace();
        for (int t = 0; t < Math.min(expected.length, actual.length); t++) {
            double tolerance = Comparison.AGREEMENT_TOLERANCE * Math.max(1.0, Math.abs(expected[t]));
            if (!(Math.abs(actual[t] - expected[t]) <= tolerance)) {
                return t;
            }
        }
        return -1;
    }

    /**
     * Runs {@code iterations} iterations of EM as {@link EmLoop} does, keeping every step.
     *
     * @param algorithm  the implementation whose steps run
     * @param data       N×D. Not modified.
     * @param start      θ₀
     * @param iterations T, how many iterations to run
     * @param regCovar   added to each new covariance's diagonal
     * @param shown      the rows whose responsibilities are kept
     * @return θ₀ … θ_T, their mean log-likelihoods and the shown points' responsibilities
     */
    public static Run replay(EmAlgorithm algorithm, DataMatrix data, GaussianMixture start, int iterations,
            double regCovar, int[] shown) {
        List<GaussianMixture> parameters = new ArrayList<>();
        List<double[]> responsibilities = new ArrayList<>();
        double[] trace = new double[iterations + 1];
        GaussianMixture model = start;
        EStep expectation = EmLoop.checkedEStep(algorithm, data, model, 0);
        for (int t = 0; ; t++) {
            parameters.add(model);
            trace[t] = expectation.logLikelihood() / data.totalWeight();
            responsibilities.add(rowsOf(expectation.responsibilities(), shown));
            if (t == iterations) {
                break;
            }
            model = EmLoop.checkedMStep(algorithm, data, expectation.responsibilities(), model, regCovar, t + 1);
            expectation = EmLoop.checkedEStep(algorithm, data, model, t + 1);
        }
        return new Run(algorithm.name(), List.copyOf(parameters), trace, List.copyOf(responsibilities));
    }

    /**
     * A seeded sample of row indices: all N when N ≤ {@code most}, otherwise {@code most} of them drawn
     * without replacement (a partial Fisher–Yates shuffle), returned in increasing order.
     *
     * @param n    N, the number of rows
     * @param most the largest sample
     * @param seed the seed of the draw
     * @return min(N, most) distinct rows, sorted
     */
    public static int[] sample(int n, int most, long seed) {
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        if (n <= most) {
            return rows;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < most; i++) {
            int j = i + random.nextInt(n - i);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
        }
        int[] chosen = Arrays.copyOf(rows, most);
        Arrays.sort(chosen);
        return chosen;
    }

    private static double[] rowsOf(Responsibilities r, int[] rows) {
        int k = r.components();
        double[] kept = new double[rows.length * k];
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < k; c++) {
                kept[i * k + c] = r.get(rows[i], c);
            }
        }
        return kept;
    }
}
