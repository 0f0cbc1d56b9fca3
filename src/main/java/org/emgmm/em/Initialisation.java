package org.emgmm.em;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.emgmm.data.DataException;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Sizes;
import org.emgmm.model.InvalidMixtureException;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.NotPositiveDefiniteException;

/**
 * Ways to choose the starting parameters θ₀. Every random choice takes a seed: the same data and seed
 * give the same start.
 */
public final class Initialisation {

    private Initialisation() {
    }

    /**
     * "Random points" (seed 000's choice): K distinct data points, drawn with the seed, as the means;
     * the data's maximum-likelihood covariance as every component's covariance; equal weights 1/K.
     * Points with identical coordinates count once, so no two means coincide.
     *
     * @throws DataException if there are fewer than K distinct points, or the data covariance is
     *                       singular (a constant column, or columns that are linear combinations)
     */
    public static GaussianMixture randomPoints(DataMatrix data, int components, long seed) {
        if (components < 1) {
            throw new DataException("the number of components must be at least 1, got " + components);
        }
        if (data.rows() < components) {
            throw new DataException("there are " + data.rows() + " points but " + components
                    + " components: use at most " + data.rows() + " components or more data");
        }
        requireTwoPoints(data);
        int d = data.columns();
        Sizes.requireCovariancesFit(d, components);
        double[] means = new double[Sizes.product("the means (components × columns)", components, d)];
        int[] chosen = chooseDistinctRows(data, components, new SplittableRandom(seed));
        for (int k = 0; k < components; k++) {
            System.arraycopy(data.row(chosen[k]), 0, means, k * d, d);
        }
        return withDataCovariance(data, components, means);
    }

    /**
     * A start with the given means, the data's maximum-likelihood covariance for every component and
     * equal weights 1/K: the rest of random points' start, and of k-means++'s.
     *
     * @param means K×D, flat row-major. Not modified.
     * @throws DataException if the data's covariance is singular (a constant column, or columns that are
     *                       linear combinations)
     */
    public static GaussianMixture withDataCovariance(DataMatrix data, int components, double[] means) {
        requireTwoPoints(data);
        int d = data.columns();
        Sizes.requireCovariancesFit(d, components);
        double[] covariance = data.covariance();
        double[] covariances = new double[Sizes.product("the covariances (components × columns²)", components, d, d)];
        for (int k = 0; k < components; k++) {
            System.arraycopy(covariance, 0, covariances, k * d * d, d * d);
        }
        double[] weights = new double[components];
        Arrays.fill(weights, 1.0 / components);
        try {
            return GaussianMixture.ofFlat(components, d, weights, means, covariances);
        } catch (InvalidMixtureException e) {
            String magnitude = data.magnitudeProblem();
            if (magnitude != null) {
                throw new DataException(magnitude + ", too far from 1 for their covariance to be computed in"
                        + " double precision: rescale the data", e);
            }
            if (!(e instanceof NotPositiveDefiniteException)) {
                throw e;
            }
            throw new DataException("the data's covariance is singular (a constant column, or a column that is a"
                    + " combination of others): drop such columns with --columns");
        }
    }

    /** A covariance needs two points; one point would give "singular", which is not what is wrong. */
    private static void requireTwoPoints(DataMatrix data) {
        if (data.rows() < 2) {
            throw new DataException("the data has only 1 point, and the random start needs at least 2 points to"
                    + " estimate a covariance: add more data, or start from --init FILE.json");
        }
    }

    /** Picks K row indices whose points are pairwise different, by a seeded partial shuffle. */
    private static int[] chooseDistinctRows(DataMatrix data, int components, SplittableRandom random) {
        int n = data.rows();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] chosen = new int[components];
        int found = 0;
        for (int position = 0; position < n && found < components; position++) {
            int swap = position + random.nextInt(n - position);
            int candidate = order[swap];
            order[swap] = order[position];
            order[position] = candidate;
            if (!duplicatesAny(data, candidate, chosen, found)) {
                chosen[found++] = candidate;
            }
        }
        if (found < components) {
            throw new DataException("the data has only " + found + " distinct points, fewer than the " + components
                    + " components asked for: use fewer components");
        }
        return chosen;
    }

    private static boolean duplicatesAny(DataMatrix data, int candidate, int[] chosen, int count) {
        for (int c = 0; c < count; c++) {
            if (Arrays.equals(data.row(candidate), data.row(chosen[c]))) {
                return true;
            }
        }
        return false;
    }
}
