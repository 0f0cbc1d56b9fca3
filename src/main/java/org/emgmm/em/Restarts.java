package org.emgmm.em;

import java.util.AbstractList;
import java.util.List;
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

    /**
     * The seed of run r (0-based) for a base seed: see the class comment.
     *
     * @param baseSeed the seed of run 0, which also seeds the others
     * @param runs     R, at least 1
     * @return R seeds, entry r for run r
     * @throws IllegalArgumentException if {@code runs} is below 1
     */
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
     * One of the R starts: θ₀ and the seed that gave it.
     *
     * @param mixture θ₀
     * @param seed    the seed it was drawn with ({@link #seeds})
     */
    public record Start(GaussianMixture mixture, long seed) {
    }

    /**
     * The R starts, in run order: {@code compare} hands the same list to every implementation, so that they
     * all run from the same R starts. The list holds only the R seeds; each start is drawn again from its
     * seed when it is asked for (a start is a function of its seed), so memory does not grow with R beyond
     * 8 bytes a run, whatever K and D.
     *
     * @param startForSeed θ₀ for a seed, e.g. {@code seed -> InitMethod.KMEANS.start(data, k, seed, reg)};
     *                     it must give the same start for the same seed
     * @param baseSeed     the seed of run 0 (see {@link #seeds})
     * @param runs         R, at least 1
     * @return R starts, in run order, unmodifiable
     */
    public static List<Start> starts(LongFunction<GaussianMixture> startForSeed, long baseSeed, int runs) {
        long[] seeds = seeds(baseSeed, runs);
        return new AbstractList<>() {
            @Override
            public Start get(int r) {
                return new Start(startForSeed.apply(seeds[r]), seeds[r]);
            }

            @Override
            public int size() {
                return seeds.length;
            }
        };
    }

    /**
     * Runs EM {@code runs} times and keeps the best. The starts are drawn one at a time, each just before
     * its run, and only the best run's start is kept: memory does not grow with R (scikit-learn's
     * {@code n_init} works the same way), so {@code --n-init 50000000} runs for long but in the memory of one
     * run.
     *
     * @param algorithm    the implementation to run
     * @param data         N×D. Not modified.
     * @param startForSeed θ₀ for a seed, e.g. {@code seed -> InitMethod.KMEANS.start(data, k, seed, reg)}
     * @param settings     iteration limit, tolerance, reg-covar, the same for every run
     * @param baseSeed     the seed of run 0 (see {@link #seeds})
     * @param runs         R, at least 1
     * @return the run with the highest final log-likelihood
     * @throws EmException if a run fails, naming the run and its seed when there are several
     * @throws IllegalArgumentException if {@code runs} is below 1
     */
    public static Best run(EmAlgorithm algorithm, DataMatrix data, LongFunction<GaussianMixture> startForSeed,
            EmSettings settings, long baseSeed, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("the number of runs must be 1 or more, got " + runs);
        }
        // The same seeds as seeds(baseSeed, runs), drawn as they are needed rather than stored.
        SplittableRandom random = new SplittableRandom(baseSeed);
        Best best = null;
        for (int r = 0; r < runs; r++) {
            long seed = r == 0 ? baseSeed : random.nextLong();
            best = better(best, algorithm, data, new Start(startForSeed.apply(seed), seed), settings, r, runs);
        }
        return best;
    }

    /**
     * Runs EM from each of {@code starts}, in order, and keeps the run with the highest final
     * log-likelihood (the earliest wins a tie).
     *
     * @param algorithm the implementation to run
     * @param data      N×D. Not modified.
     * @param starts    at least one
     * @param settings  iteration limit, tolerance, reg-covar, the same for every run
     * @return the run with the highest final log-likelihood
     * @throws EmException if a run fails, naming the run and its seed when there are several
     * @throws IllegalArgumentException if {@code starts} is empty
     */
    public static Best best(EmAlgorithm algorithm, DataMatrix data, List<Start> starts, EmSettings settings) {
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("the number of runs must be 1 or more, got 0");
        }
        Best best = null;
        for (int r = 0; r < starts.size(); r++) {
            best = better(best, algorithm, data, starts.get(r), settings, r, starts.size());
        }
        return best;
    }

    /** Run r from {@code start}; the better of it and {@code best} (null before the first run), ties to best. */
    private static Best better(Best best, EmAlgorithm algorithm, DataMatrix data, Start start, EmSettings settings,
            int r, int runs) {
        // Checked here too, since an implementation may run its own loop rather than EmLoop's.
        EmLoop.requireCanFit(algorithm, data, start.mixture());
        EmResult result = fitOne(algorithm, data, start, settings, r, runs);
        if (best == null || result.logLikelihood() > best.result().logLikelihood()) {
            return new Best(result, start.mixture(), start.seed(), r, runs);
        }
        return best;
    }

    /** One run; with more than one, a failure says which run it was. */
    private static EmResult fitOne(EmAlgorithm algorithm, DataMatrix data, Start start, EmSettings settings, int r,
            int runs) {
        if (runs == 1) {
            return algorithm.fit(data, start.mixture(), settings);
        }
        try {
            return algorithm.fit(data, start.mixture(), settings);
        } catch (EmException e) {
            throw new EmException("run " + (r + 1) + " of " + runs + " (seed " + start.seed() + "): "
                    + e.getMessage(), e);
        }
    }
}
