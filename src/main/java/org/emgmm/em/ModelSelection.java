package org.emgmm.em;

/**
 * Information criteria for choosing among fitted mixtures, in scikit-learn's convention: lower is
 * better. (R's mclust reports BIC with the opposite sign, so there higher is better.)
 * <pre>
 *   p   = (K − 1) + K·D + K·D(D+1)/2     free parameters of a mixture with full covariances:
 *                                        K − 1 weights (they sum to 1), K means of D entries, and
 *                                        K symmetric D×D covariances of D(D+1)/2 free entries each
 *   BIC = −2 L + p log N                 (Schwarz 1978; Bishop, PRML §4.4.1)
 *   AIC = −2 L + 2 p                     (Akaike 1974)
 * </pre>
 * with L the total log-likelihood Σᵢ log p(xᵢ | θ) and log the natural logarithm. Exercise 9 asks
 * students to write the first two themselves.
 */
public final class ModelSelection {

    private ModelSelection() {
    }

    /** p for K components in D dimensions, full covariances. */
    public static int freeParameters(int components, int dimension) {
        long p = (components - 1L) + (long) components * dimension
                + (long) components * dimension * (dimension + 1L) / 2;
        return Math.toIntExact(p);
    }

    /** −2 L + p log N. */
    public static double bic(double logLikelihood, int freeParameters, int points) {
        return -2.0 * logLikelihood + freeParameters * Math.log(points);
    }

    /** −2 L + 2 p. */
    public static double aic(double logLikelihood, int freeParameters) {
        return -2.0 * logLikelihood + 2.0 * freeParameters;
    }

    /** p of a fit's model. */
    public static int freeParameters(EmResult result) {
        return freeParameters(result.model().components(), result.model().dimension());
    }

    /** BIC of a fit, from its total log-likelihood at the returned parameters. */
    public static double bic(EmResult result) {
        return bic(result.logLikelihood(), freeParameters(result), result.points());
    }

    /** AIC of a fit. */
    public static double aic(EmResult result) {
        return aic(result.logLikelihood(), freeParameters(result));
    }
}
