package org.emgmm.model;

import java.util.Locale;

/**
 * The checks a {@link GaussianMixture} makes of its parameters before it accepts them: array lengths,
 * weights that are probabilities, finite means, finite symmetric covariances. Each failure is an
 * {@link InvalidMixtureException} naming the component at fault. (Positive-definiteness is checked by
 * the Cholesky factorisation itself, in {@link GaussianMixture}; the covariance type's shape by
 * {@link CovarianceType#requireConforms}.)
 */
final class ParameterChecks {

    /**
     * The longest array Java allocates on common virtual machines (a few header words below
     * {@link Integer#MAX_VALUE}); the same limit as {@code org.emgmm.data.Sizes#MAX_ARRAY}, kept here so
     * that the model does not depend on the data package.
     */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private ParameterChecks() {
    }

    /**
     * Checks that an array has the length the mixture's K and D call for.
     *
     * @param what     what the array holds, for the message (e.g. "mean values")
     * @param actual   its length
     * @param expected the length K, K·D or K·D·D wants
     * @throws InvalidMixtureException when they differ
     */
    static void requireLength(String what, int actual, long expected) {
        if (actual != expected) {
            throw new InvalidMixtureException(-1, "expected " + expected + " " + what + ", got " + actual);
        }
    }

    /**
     * Checks that the weights are finite, non-negative and sum to 1 within
     * {@link GaussianMixture#WEIGHT_SUM_TOLERANCE}.
     *
     * @param weights the K weights πₖ. Not modified.
     * @throws InvalidMixtureException naming the first bad weight, or the sum
     */
    static void requireWeights(double[] weights) {
        double sum = 0.0;
        for (int k = 0; k < weights.length; k++) {
            if (!(weights[k] >= 0.0) || !Double.isFinite(weights[k])) {
                throw new InvalidMixtureException(k, "weight of component " + k + " is " + weights[k]
                        + ": weights must be finite and non-negative");
            }
            sum += weights[k];
        }
        if (Math.abs(sum - 1.0) > GaussianMixture.WEIGHT_SUM_TOLERANCE) {
            throw new InvalidMixtureException(-1, "weights sum to " + sum + ", not 1 (tolerance "
                    + GaussianMixture.WEIGHT_SUM_TOLERANCE + "): divide each weight by their sum");
        }
    }

    /**
     * Checks that every mean value is finite.
     *
     * @param means     K·D values, {@code μₖ[j] = means[k * D + j]}. Not modified.
     * @param dimension D
     * @throws InvalidMixtureException naming the component of the first non-finite value
     */
    static void requireFiniteMeans(double[] means, int dimension) {
        for (int index = 0; index < means.length; index++) {
            if (!Double.isFinite(means[index])) {
                int k = index / dimension;
                throw new InvalidMixtureException(k, "mean of component " + k + " has a non-finite value "
                        + means[index]);
            }
        }
    }

    /**
     * Checks that component k's covariance is finite and symmetric: |Σ[a][b] − Σ[b][a]| at most
     * {@link GaussianMixture#SYMMETRY_TOLERANCE} times its largest diagonal entry.
     *
     * @param k           the component
     * @param covariances K·D·D values, {@code Σₖ[a][b] = covariances[(k * D + a) * D + b]}. Not modified.
     * @param dimension   D
     * @throws InvalidMixtureException naming the component and the entry at fault
     */
    static void requireSymmetric(int k, double[] covariances, int dimension) {
        int start = k * dimension * dimension;
        double scale = 0.0;
        for (int a = 0; a < dimension; a++) {
            scale = Math.max(scale, Math.abs(covariances[start + a * dimension + a]));
        }
        for (int a = 0; a < dimension; a++) {
            for (int b = 0; b < dimension; b++) {
                double value = covariances[start + a * dimension + b];
                double mirror = covariances[start + b * dimension + a];
                if (!Double.isFinite(value)) {
                    throw new InvalidMixtureException(k, "covariance of component " + k + " has a non-finite entry "
                            + value + " at [" + a + "][" + b + "]");
                }
                if (b < a && Math.abs(value - mirror) > GaussianMixture.SYMMETRY_TOLERANCE * scale) {
                    throw new InvalidMixtureException(k, "covariance of component " + k + " is not symmetric: ["
                            + a + "][" + b + "] = " + value + " but [" + b + "][" + a + "] = " + mirror);
                }
            }
        }
    }

    /**
     * Refuses K·D·D covariance values that do not fit in one Java array, before D·D is formed in
     * {@code int} (where D = 46,341 already wraps) and before anything is allocated.
     *
     * @param k K, at least 1
     * @param d D, the length of the first mean
     * @throws InvalidMixtureException saying how many values the means have and the largest D possible
     */
    static void requireFlatArraysFit(int k, int d) {
        long needed;
        try {
            needed = Math.multiplyExact(Math.multiplyExact((long) k, d), (long) d);
        } catch (ArithmeticException e) {
            needed = Long.MAX_VALUE;
        }
        if (needed > MAX_ARRAY) {
            throw new InvalidMixtureException(-1, "the means have " + count(d) + " values: "
                    + (k == 1 ? "a covariance of " : count(k) + " covariances of ") + count(d) + "² entries "
                    + (k == 1 ? "does" : "do") + " not fit in a Java array (at most " + count(MAX_ARRAY)
                    + " numbers): give means with one value per column of the data, at most "
                    + count(largestDimension(k)) + " values" + (k == 1 ? "" : " for " + count(k) + " components"));
        }
    }

    /** The largest D for which K·D·D values fit in one array. */
    private static long largestDimension(int k) {
        return (long) Math.floor(Math.sqrt((double) MAX_ARRAY / k));
    }

    private static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** Checks that every mean has D values and every covariance is D×D, naming the first that is not. */
    static void requireShapes(double[][] means, double[][][] covariances, int d) {
        for (int c = 0; c < means.length; c++) {
            if (means[c].length != d) {
                throw new InvalidMixtureException(c, "mean of component " + c + " has " + means[c].length
                        + " values, component 0's has " + d);
            }
            if (covariances[c].length != d) {
                throw new InvalidMixtureException(c, "covariance of component " + c + " has " + covariances[c].length
                        + " rows, expected " + d);
            }
            for (int a = 0; a < d; a++) {
                if (covariances[c][a].length != d) {
                    throw new InvalidMixtureException(c, "covariance of component " + c + ", row " + a + " has "
                            + covariances[c][a].length + " values, expected " + d);
                }
            }
        }
    }
}
