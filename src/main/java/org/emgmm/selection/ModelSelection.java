package org.emgmm.selection;

import org.emgmm.data.DataException;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Sizes;
import org.emgmm.em.EmResult;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.Prediction;

/**
 * Information criteria for choosing among fitted mixtures, in scikit-learn's convention: lower is
 * better. (R's mclust reports BIC and ICL with the opposite sign, so there higher is better.)
 * <pre>
 *   p   = (K − 1) + K·D + c              free parameters: K − 1 weights (they sum to 1), K means of D
 *                                        entries, and c covariance parameters, which depend on the type:
 *                                          full K·D(D+1)/2, diag K·D, spherical K, tied D(D+1)/2
 *   BIC = −2 L + p log N                 (Schwarz 1978; Bishop, PRML §4.4.1)
 *   AIC = −2 L + 2 p                     (Akaike 1974)
 *   ICL = BIC − 2 Σᵢ log r[i][ĉᵢ]         (Biernacki, Celeux and Govaert 2000, as mclust computes it)
 * </pre>
 * with L the total log-likelihood Σᵢ log p(xᵢ | θ), log the natural logarithm, and ĉᵢ the most probable
 * component of point i. With sample weights wᵢ, L is Σᵢ wᵢ log p(xᵢ | θ), N is W = Σᵢ wᵢ and ICL's sum is
 * Σᵢ wᵢ log r[i][ĉᵢ]: for whole-number weights these are exactly the values of the data with each row
 * repeated wᵢ times. (For fractional weights W is a convention, the one that keeps that equivalence; BIC
 * then depends on the weights' scale through log W, while the fit does not.) ICL adds to BIC a penalty for points that no component clearly claims: it is
 * BIC when every r[i][ĉᵢ] is 1, and grows as clusters overlap, so it prefers well-separated clusters.
 * Exercise 9 asks students to write BIC and AIC themselves.
 *
 * <p>Siblings: {@link Criterion} names the three criteria for the command line and the tables;
 * {@link Cell} holds their values for one fit of a {@link ModelSearch}, which is the next to read.
 */
public final class ModelSelection {

    /** Not instantiated: the methods are static. */
    private ModelSelection() {
    }

    /**
     * p for K components in D dimensions, full covariances.
     *
     * @param components K
     * @param dimension  D
     * @return (K − 1) + K·D + K·D(D+1)/2
     */
    public static int freeParameters(int components, int dimension) {
        return freeParameters(CovarianceType.FULL, components, dimension);
    }

    /**
     * p for K components in D dimensions with covariances of the given type.
     *
     * @param type       the covariance type, which sets c
     * @param components K
     * @param dimension  D
     * @return (K − 1) + K·D + c
     * @throws DataException if p does not fit in an int, saying to choose fewer components or columns
     */
    public static int freeParameters(CovarianceType type, int components, int dimension) {
        // In long, exactly: K·D(D+1)/2 alone can pass 2⁶³ for int K and D, so a sum that overflows saturates.
        long p;
        try {
            p = Math.addExact(Math.addExact(components - 1L, (long) components * dimension),
                    type.freeCovarianceParameters(components, dimension));
        } catch (ArithmeticException e) {
            p = Long.MAX_VALUE;
        }
        if (p > Integer.MAX_VALUE) {
            throw new DataException(Sizes.count(components) + (components == 1 ? " component" : " components")
                    + " in " + Sizes.count(dimension) + (dimension == 1 ? " dimension" : " dimensions") + " with "
                    + type.label() + " covariances would have " + (p == Long.MAX_VALUE ? "more than "
                    + Sizes.count(Long.MAX_VALUE) : Sizes.count(p)) + " free parameters, more than the "
                    + Sizes.count(Integer.MAX_VALUE) + " a model can count: choose fewer components or columns");
        }
        return (int) p;
    }

    /**
     * −2 L + p log N.
     *
     * @param logLikelihood  L, the total log-likelihood
     * @param freeParameters p
     * @param points         N
     * @return the BIC, lower is better
     */
    public static double bic(double logLikelihood, int freeParameters, int points) {
        return -2.0 * logLikelihood + freeParameters * Math.log(points);
    }

    /**
     * −2 L + p log W, with W = Σᵢ wᵢ the sum of the sample weights (N when there are none).
     *
     * @param logLikelihood  L, the total (weighted) log-likelihood
     * @param freeParameters p
     * @param totalWeight    W
     * @return the BIC, lower is better
     */
    public static double bic(double logLikelihood, int freeParameters, double totalWeight) {
        return -2.0 * logLikelihood + freeParameters * Math.log(totalWeight);
    }

    /**
     * −2 L + 2 p.
     *
     * @param logLikelihood  L, the total log-likelihood
     * @param freeParameters p
     * @return the AIC, lower is better
     */
    public static double aic(double logLikelihood, int freeParameters) {
        return -2.0 * logLikelihood + 2.0 * freeParameters;
    }

    /**
     * BIC − 2 Σᵢ log r[i][ĉᵢ], from the BIC and the sum of the log of each point's largest responsibility.
     *
     * @param bic                         the fit's BIC
     * @param sumLogLargestResponsibility Σᵢ log r[i][ĉᵢ] (with sample weights, Σᵢ wᵢ log r[i][ĉᵢ])
     * @return the ICL, lower is better
     */
    public static double icl(double bic, double sumLogLargestResponsibility) {
        return bic - 2.0 * sumLogLargestResponsibility;
    }

    /**
     * p of a fit's model, counted for its covariance type.
     *
     * @param result the fit
     * @return p for the fit's K, D and covariance type
     */
    public static int freeParameters(EmResult result) {
        return freeParameters(result.model().covarianceType(), result.model().components(),
                result.model().dimension());
    }

    /**
     * BIC of a fit, from its total log-likelihood at the returned parameters.
     *
     * @param result the fit
     * @return −2 L + p log W, W being N for a fit without sample weights
     */
    public static double bic(EmResult result) {
        return bic(result.logLikelihood(), freeParameters(result), result.totalWeight());
    }

    /**
     * AIC of a fit.
     *
     * @param result the fit
     * @return −2 L + 2 p
     */
    public static double aic(EmResult result) {
        return aic(result.logLikelihood(), freeParameters(result));
    }

    /**
     * ICL of a fit on the data it was fitted to: its BIC plus twice the classification's uncertainty,
     * −Σᵢ log r[i][ĉᵢ], with the responsibilities of the returned parameters.
     *
     * @param result the fit
     * @param data   the N×D data of the fit. Not modified.
     * @return BIC − 2 Σᵢ wᵢ log r[i][ĉᵢ]
     */
    public static double icl(EmResult result, DataMatrix data) {
        Prediction prediction = Prediction.of(result.model(), data.toFlatArray());
        int[] labels = prediction.labels();
        double sum = 0.0;
        for (int i = 0; i < labels.length; i++) {
            sum += data.weight(i) * Math.log(prediction.probability(i, labels[i]));
        }
        return icl(bic(result), sum);
    }
}
