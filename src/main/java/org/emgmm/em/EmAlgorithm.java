package org.emgmm.em;

import org.emgmm.data.DataMatrix;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;

/**
 * Expectation–Maximization for a Gaussian mixture: the one interface that every implementation in
 * this package (and every student's) stands behind.
 *
 * <p>An implementation writes the two steps; {@link #fit} runs them in the shared loop,
 * {@link EmLoop}, so that iteration counting, the log-likelihood trace, convergence, empty
 * components and error messages mean the same thing whichever implementation runs.
 *
 * <p>Implementations: {@link org.emgmm.loops.LoopsEm} (per-point loops),
 * {@link org.emgmm.vectorised.VectorisedEm} (flat-array kernels),
 * {@link org.emgmm.univariate.UnivariateEm} (D = 1, scalars), and
 * {@link org.emgmm.explicitpdf.ExplicitPdfEm} (the textbook density, no logarithms).
 */
public interface EmAlgorithm {

    /** {@return the name used on the command line, e.g. {@code vectorised}} */
    String name();

    /**
     * E-step: the responsibilities of every component for every point under {@code model}, and the
     * total log-likelihood L(θ) = Σᵢ log Σₖ πₖ N(xᵢ | μₖ, Σₖ).
     *
     * @param data  N×D. Not modified.
     * @param model θ. Not modified.
     * @return the N×K responsibilities r[i][k] and L(θ)
     * @throws EmException if the responsibilities cannot be computed (naming the point)
     */
    EStep eStep(DataMatrix data, GaussianMixture model);

    /**
     * M-step: the parameters that maximise the expected complete-data log-likelihood.
     * <pre>
     *   Nₖ = Σᵢ r[i][k]
     *   πₖ = Nₖ / N
     *   μₖ = (1/Nₖ) Σᵢ r[i][k] xᵢ
     *   Σₖ = (1/Nₖ) Σᵢ r[i][k] (xᵢ − μₖ)(xᵢ − μₖ)ᵀ + regCovar · I
     * </pre>
     * The new covariances have {@code previous}'s {@link CovarianceType}; the formula above is the full one.
     * A component with Nₖ below {@link EmptyComponents#THRESHOLD} keeps its previous mean and
     * covariance (see {@link EmptyComponents}).
     *
     * @param data             N×D. Not modified.
     * @param responsibilities from the E-step. Not modified.
     * @param previous         the parameters the E-step used. Not modified.
     * @param regCovar         added to each new covariance's diagonal
     * @return the new parameters, with K components of dimension D
     * @throws org.emgmm.model.NotPositiveDefiniteException if a new covariance is not positive-definite
     */
    GaussianMixture mStep(DataMatrix data, Responsibilities responsibilities, GaussianMixture previous,
            double regCovar);

    /**
     * Whether {@link #mStep} keeps covariances of this type (see {@link CovarianceType}): it must return a
     * mixture of {@code previous}'s type. An implementation that does not override this fits full
     * covariances only, and {@link EmLoop} refuses to run it from a start of another type.
     *
     * @param type a covariance type the start may have
     * @return true if the M-step fits covariances of that type
     */
    default boolean supports(CovarianceType type) {
        return type == CovarianceType.FULL;
    }

    /**
     * Whether {@link #eStep} and {@link #mStep} honour the data's sample weights
     * ({@link DataMatrix#withSampleWeights}): L(θ) = Σᵢ wᵢ log p(xᵢ | θ) in the E-step, and in the M-step
     * <pre>
     *   Nₖ = Σᵢ wᵢ r[i][k]      πₖ = Nₖ / Σᵢ wᵢ      μₖ = (1/Nₖ) Σᵢ wᵢ r[i][k] xᵢ
     *   Sₖ = (1/Nₖ) Σᵢ wᵢ r[i][k] (xᵢ − μₖ)(xᵢ − μₖ)ᵀ
     * </pre>
     * An implementation that does not override this ignores weights, and {@link EmLoop} refuses to run
     * it on weighted data.
     *
     * @return true if the steps use the sample weights
     */
    default boolean supportsSampleWeights() {
        return false;
    }

    /**
     * Runs EM from {@code start}: see {@link EmLoop#run} for exactly what is counted and when it stops.
     *
     * @param data     N×D, N ≥ K. Not modified.
     * @param start    θ₀, the initial parameters, of dimension D. Not modified.
     * @param settings iteration limit, tolerance, reg-covar
     * @return the final parameters, the log-likelihood trace and whether EM converged
     */
    default EmResult fit(DataMatrix data, GaussianMixture start, EmSettings settings) {
        return EmLoop.run(this, data, start, settings);
    }
}
