package org.emgmm.em;

import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.emgmm.data.DataMatrix;
import org.emgmm.model.GaussianMixture;

/**
 * R runs of EM from R seeded starts, keeping the run with the highest final log-likelihood.
 *
 * <p>Seeds: run 0 uses the base seed itself, so one restart is the same as no restarts and R runs
 * include the single run's start; run r ≥ 1 uses the r-th {@code nextLong()} of
 * {@code new SplittableRandom(baseSeed)}. The runs go one after another in that order and a later run
 * replaces the best only with a strictly higher final log-likelihood (the earliest wins a tie), so the
 * same inputs give the same choice whatever the thread count of the implementation.
 *
 * <p>The whole {@link EmResult} of the best run is returned, not a mixture of fields from several runs:
 * its parameters, trace, iteration count, converged flag and empty components all belong together
 * (scikit-learn's GaussianMixture once reported the last run's iteration count and convergence beside
 * the best run's parameters: its issues #10869 and #13070).
 */
public final class Restarts {

    /**
     * The best run and where it started.
     *
     * @param result the best run's result, whole
     * @param start  the best run's θ₀
     * @param seed   the seed that gave that start
     * @param run    which run it was, from 0
     * @param runs   how many runs there were
     */
    public record Best(EmResult result, GaussianMixture start, long seed, int run, int runs) {
    }

    private Restarts() {
    }

    /** The seed of run r (0-based) for a base seed: see the class comment. */
    public static long[] seeds(long baseSeed, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("the number of runs must be 1 or more, got " + runs);
        }
        long[] seeds = new long[runs];
        seeds[0] = baseSeed;
        SplittableRandom random = new SplittableRandom(baseSeed);
        for (int r = 1; r < runs; r++) {
            seeds[r] = random.nextLong();
        }
        return seeds;
    }

    /**
     * Runs EM {@code runs} times and keeps the best.
     *
     * @param startForSeed θ₀ for a seed, e.g. {@code seed -> InitMethod.KMEANS.start(data, k, seed, reg)}
     */
    public static Best run(EmAlgorithm algorithm, DataMatrix data, LongFunction<GaussianMixture> startForSeed,
            EmSettings settings, long baseSeed, int runs) {
        long[] seeds = seeds(baseSeed, runs);
        Best best = null;
        for (int r = 0; r < runs; r++) {
            GaussianMixture start = startForSeed.apply(seeds[r]);
            // Checked here too, since an implementation may run its own loop rather than EmLoop's.
            EmLoop.requireSupported(algorithm, start.covarianceType());
            EmResult result = algorithm.fit(data, start, settings);
            if (best == null || result.logLikelihood() > best.result().logLikelihood()) {
                best = new Best(result, start, seeds[r], r, runs);
            }
        }
        return best;
    }
}
