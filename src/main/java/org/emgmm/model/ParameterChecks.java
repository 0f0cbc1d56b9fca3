package org.emgmm.model;

/**
 * The checks a {@link GaussianMixture} makes of its parameters before it accepts them: array lengths,
 * weights that are probabilities, finite means, finite symmetric covariances. Each failure is an
 * {@link InvalidMixtureException} naming the component at fault. (Positive-definiteness is checked by
 * the Cholesky factorisation itself, in {@link GaussianMixture}; the covariance type's shape by
 * {@link CovarianceType#requireConforms}.)
 */
final class ParameterChecks {

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
}
