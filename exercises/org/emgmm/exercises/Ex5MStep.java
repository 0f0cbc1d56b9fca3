package org.emgmm.exercises;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmptyComponents;
import org.emgmm.em.Responsibilities;
import org.emgmm.model.GaussianMixture;

/**
 * Exercise 5: the M-step: new weights, means and covariances from the responsibilities.
 *
 * <h2>Task</h2>
 * Given the N×K responsibilities r of an E-step, the parameters that maximise the expected
 * complete-data log-likelihood are, for every component k:
 * <pre>
 *   Nₖ = Σᵢ r[i][k]                                          effective number of points
 *   πₖ = Nₖ / N
 *   μₖ = (1/Nₖ) Σᵢ r[i][k] xᵢ
 *   Σₖ = (1/Nₖ) Σᵢ r[i][k] (xᵢ − μₖ)(xᵢ − μₖ)ᵀ + regCovar · I     with the NEW μₖ
 * </pre>
 * Write the pieces ({@link #effectiveCounts}, {@link #weightedMean}, {@link #weightedCovariance}),
 * then {@link #mStep}, which puts them together and applies the rule for an <em>empty</em> component
 * (see {@link EmptyComponents}): when Nₖ &lt; {@link EmptyComponents#THRESHOLD}, πₖ = Nₖ/N as usual,
 * but μₖ and Σₖ are copied unchanged from {@code previous} (no reg-covar added), because dividing by
 * an Nₖ that small would turn rounding noise into parameters. Build the result with
 * {@link GaussianMixture#ofFlat}: means flat as {@code μₖ[j] = means[k * D + j]}, covariances as
 * {@code Σₖ[a][b] = covariances[(k * D + a) * D + b]}.
 *
 * <h2>Common mistakes</h2>
 * <ul>
 *   <li><b>Weights that never change</b> (seed 004): {@code p_A = 0.3*norm(loc=A_mean, ...)} and
 *       {@code p_B = 0.7*norm(...)} keep the weights fixed for 5000 iterations, and the wrong way
 *       round: the data was drawn with {@code pa = 0.7}. The means and variances then settle
 *       wherever the wrong weights push them. πₖ is a parameter like the others, updated to Nₖ/N in
 *       every M-step.</li>
 *   <li><b>Dividing by the wrong count</b> (seed 003):
 *       {@code mu = np.dot(r.T, X) / np.sum(r, axis=0, keepdims=True)}. The numerator is K×D and the
 *       denominator 1×K, so NumPy divides entry [k][j] by N<sub>j</sub> instead of Nₖ; it runs
 *       only because the notebook has K = D = 2, and is silently wrong there. Divide every
 *       coordinate of μₖ by the same Nₖ.</li>
 *   <li><b>N − 1 instead of Nₖ.</b> {@code np.cov} (seed 000's start) divides by N − 1; the
 *       maximum-likelihood covariance divides by Nₖ. For four points with weight 1 each at the
 *       corners of a square of side 2 that is 4/3 against 1 on the diagonal.</li>
 *   <li><b>The old mean in the covariance.</b> Σₖ is the scatter around the new μₖ, computed in
 *       this same M-step.</li>
 *   <li><b>Fudges instead of rules</b> (seed 002: {@code means += 1e-18}). Adding a tiny number to
 *       every mean changes nothing that matters; regularise where the problem is, with reg-covar on
 *       the diagonal of Σₖ (not on every entry), and handle a component with no points explicitly.</li>
 * </ul>
 *
 * <h2>Read</h2>
 * Bishop, PRML, §9.2.2, eqs. (9.24) to (9.27), and §9.2.1 on why a component can collapse; the
 * scikit-learn user guide, "Gaussian mixture models" (its {@code reg_covar}); Murphy, MLAPP, §11.4.2.
 * The library's version is {@code org.emgmm.loops.LoopsEm#mStep}: try yours first.
 *
 * <h2>Check</h2>
 * {@code mvn test -Dexercise=5}
 */
public final class Ex5MStep {

    private Ex5MStep() {
    }

    /**
     * Nₖ = Σᵢ r[i][k] for every component.
     *
     * @param r the N×K responsibilities. Not modified.
     * @return K values
     */
    public static double[] effectiveCounts(Responsibilities r) {
        throw new UnsupportedOperationException("TODO: Nₖ = Σᵢ r[i][k], see Bishop PRML eq. 9.27");
    }

    /**
     * μₖ = (1/Nₖ) Σᵢ r[i][k] xᵢ.
     *
     * @param data N×D. Not modified.
     * @param r    the N×K responsibilities. Not modified.
     * @param k    the component
     * @param nk   Nₖ, its effective number of points (&gt; 0)
     * @return D values
     */
    public static double[] weightedMean(DataMatrix data, Responsibilities r, int k, double nk) {
        throw new UnsupportedOperationException("TODO: μₖ = (1/Nₖ) Σᵢ r[i][k] xᵢ, see Bishop PRML eq. 9.24");
    }

    /**
     * Σₖ = (1/Nₖ) Σᵢ r[i][k] (xᵢ − μₖ)(xᵢ − μₖ)ᵀ + regCovar · I, exactly symmetric.
     *
     * @param data     N×D. Not modified.
     * @param r        the N×K responsibilities. Not modified.
     * @param k        the component
     * @param nk       Nₖ (&gt; 0)
     * @param mean     μₖ, the new mean. Not modified.
     * @param regCovar added to each diagonal entry
     * @return D×D values, flat row-major
     */
    public static double[] weightedCovariance(DataMatrix data, Responsibilities r, int k, double nk, double[] mean,
            double regCovar) {
        throw new UnsupportedOperationException("TODO: Σₖ = (1/Nₖ) Σᵢ r[i][k] (xᵢ − μₖ)(xᵢ − μₖ)ᵀ + regCovar·I, see "
                + "Bishop PRML eq. 9.25");
    }

    /**
     * The M-step: π, μ and Σ from the responsibilities, with the empty-component rule.
     *
     * @param data     N×D. Not modified.
     * @param r        the N×K responsibilities of the E-step. Not modified.
     * @param previous the parameters that E-step used (an empty component keeps its mean and
     *                 covariance from here). Not modified.
     * @param regCovar added to each new covariance's diagonal
     * @throws org.emgmm.model.NotPositiveDefiniteException (from {@link GaussianMixture#ofFlat}) if a
     *         new covariance is not positive-definite
     */
    public static GaussianMixture mStep(DataMatrix data, Responsibilities r, GaussianMixture previous,
            double regCovar) {
        throw new UnsupportedOperationException("TODO: πₖ = Nₖ/N for every k, then μₖ and Σₖ unless component k is "
                + "empty, see Bishop PRML eqs. 9.24 to 9.27 and EmptyComponents");
    }
}
