package org.emgmm.exercises;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Initialisation;
import org.emgmm.model.GaussianMixture;

/**
 * Exercise 9: choosing the number of components K by the Bayesian information criterion.
 *
 * <h2>Task</h2>
 * More components always fit at least as well, so the log-likelihood alone always asks for more.
 * BIC charges each free parameter log N:
 * <pre>
 *   BIC = −2 L(θ̂) + p log N          (lower is better)
 *   p   = (K − 1) + K·D + K·D(D+1)/2   for full covariances:
 *         K − 1 weights (they sum to 1), K means of D, K symmetric D×D covariances
 * </pre>
 * with L(θ̂) the <em>total</em> log-likelihood of the N points at the fitted parameters
 * ({@link EmResult#logLikelihood()}) and log the natural logarithm. Write {@link #freeParameters},
 * {@link #bic}, and {@link #chooseComponents}: fit every K from {@code minComponents} to
 * {@code maxComponents} with the given algorithm and settings, each from
 * {@code Initialisation.randomPoints(data, K, seed)}, and return the K with the lowest BIC (the
 * smallest such K if two tie). To fit with the library, pass {@code new VectorisedEm()}; to fit with
 * your own EM, pass {@code new StudentEm()}.
 *
 * <h2>Common mistakes</h2>
 * <ul>
 *   <li><b>Picking the highest BIC.</b> With the sign convention above (scikit-learn's) lower is
 *       better; some texts define BIC as L − (p/2) log N, to be maximised. Check which one a formula
 *       uses before comparing.</li>
 *   <li><b>The mean log-likelihood</b> (the trace's last entry) instead of the total: the penalty
 *       grows with log N, the fit term with N, and using L/N makes the penalty win for any N.</li>
 *   <li><b>Counting parameters wrongly</b>: K weights instead of K − 1; D² covariance entries
 *       instead of D(D+1)/2 (a covariance is symmetric); forgetting the means.</li>
 *   <li><b>Ties to the larger K.</b> Comparing with ≤ lets a later K whose BIC equals the best so
 *       far replace it; the text keeps the smaller K, the simpler model, so compare with &lt;.</li>
 *   <li><b>A poor fit for one K.</b> EM finds a local maximum; a K whose run ended in a bad one gets
 *       a BIC that is too high. Fit each K from a sensible start (here: the seeded random points,
 *       the same for everyone so that the answer can be checked).</li>
 *   <li><b>Fitting with a bugged EM</b>: with seed 001's "log-likelihood" (built from the
 *       responsibilities) in place of L, BIC compares numbers that do not measure the fit. BIC is
 *       only as good as L.</li>
 * </ul>
 *
 * <h2>Read</h2>
 * The scikit-learn user guide, "Gaussian mixture models", selecting the number of components with
 * BIC; Bishop, PRML, §4.4.1 (BIC); Murphy, MLAPP, §5.3.2.4 (BIC) and §11.5 (choosing K for mixtures);
 * Schwarz, "Estimating the dimension of a model", Annals of Statistics, 1978.
 *
 * <h2>Check</h2>
 * {@code mvn test -Dexercise=9}
 */
public final class Ex9Bic {

    private Ex9Bic() {
    }

    /**
     * p = (K − 1) + K·D + K·D(D+1)/2, the free parameters of a K-component, D-dimensional mixture
     * with full covariances.
     */
    public static int freeParameters(int components, int dimension) {
        return (components - 1) + components * dimension + components * dimension * (dimension + 1) / 2;
    }

    /**
     * BIC = −2 L(θ̂) + p log N for a fitted result, with L the total log-likelihood and N its points.
     *
     * @param fit a run of EM. Not modified.
     */
    public static double bic(EmResult fit) {
        GaussianMixture model = fit.model();
        int p = freeParameters(model.components(), model.dimension());
        return -2.0 * fit.logLikelihood() + p * Math.log(fit.points());
    }

    /**
     * The K in [minComponents, maxComponents] whose fit has the lowest BIC (the smallest K on a tie),
     * each fitted with {@code algorithm} and {@code settings} from
     * {@code Initialisation.randomPoints(data, K, seed)}.
     *
     * @param data          N×D. Not modified.
     * @param minComponents the smallest K to try, ≥ 1
     * @param maxComponents the largest K to try, ≥ minComponents and ≤ N
     * @param algorithm     fits each K
     * @param settings      for every fit
     * @param seed          the seed of every start
     */
    public static int chooseComponents(DataMatrix data, int minComponents, int maxComponents, EmAlgorithm algorithm,
            EmSettings settings, long seed) {
        int best = minComponents;
        double bestBic = Double.POSITIVE_INFINITY;
        for (int k = minComponents; k <= maxComponents; k++) {
            GaussianMixture start = Initialisation.randomPoints(data, k, seed);
            double value = bic(algorithm.fit(data, start, settings));
            if (value < bestBic) {
                best = k;
                bestBic = value;
            }
        }
        return best;
    }
}
