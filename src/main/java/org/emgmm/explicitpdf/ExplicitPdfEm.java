package org.emgmm.explicitpdf;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmException;
import org.emgmm.em.Responsibilities;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;

/**
 * EM with the textbook density written out, as seeds 002 and 003 write it: an explicit determinant,
 * an explicit inverse, and no logarithms until the very end.
 * <pre>
 *   N(x | μ, Σ) = 1 / √((2π)^D det Σ) · exp(−½ (x − μ)ᵀ Σ⁻¹ (x − μ))
 *   r[i][k]     = πₖ N(xᵢ | μₖ, Σₖ) / Σⱼ πⱼ N(xᵢ | μⱼ, Σⱼ)
 * </pre>
 *
 * <p>Trade-off: the formula reads exactly as on the page, and that is its lesson: in double precision
 * exp(−½ q) is 0 once q exceeds about 1,490, and det Σ under- or overflows in high dimension. When every
 * component's density of a point underflows to 0, the responsibilities would be 0/0 = NaN; this class
 * stops instead, naming the point, and points to the log-space implementations. It never returns NaN.
 * This is the only class in the package that forms an inverse; everywhere else a Cholesky factor
 * does the work.
 *
 * <p>The M-step is the same as {@link LoopsEm}'s (the density is the only thing this class changes).
 * Siblings behind {@link EmAlgorithm}: {@link LoopsEm} (per-point loops in log space),
 * {@link org.emgmm.vectorised.VectorisedEm} (flat-array kernels), {@link org.emgmm.univariate.UnivariateEm}
 * (D = 1 with scalars).
 */
public final class ExplicitPdfEm implements EmAlgorithm {

    /** The name on the command line. */
    public static final String NAME = "explicit-pdf";

    private final LoopsEm maximisation = new LoopsEm();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EStep eStep(DataMatrix data, GaussianMixture model) {
        int n = data.rows();
        int k = model.components();
        ExplicitGaussian[] densities = new ExplicitGaussian[k];
        for (int c = 0; c < k; c++) {
            densities[c] = ExplicitGaussian.of(model, c);
        }
        double[] r = new double[n * k];
        double logLikelihood = 0.0;
        for (int i = 0; i < n; i++) {
            double[] x = data.row(i);
            double total = 0.0;
            for (int c = 0; c < k; c++) {
                // πₖ N(xᵢ | μₖ, Σₖ)
                r[i * k + c] = model.weight(c) * densities[c].density(x);
                total += r[i * k + c];
            }
            if (!(total > 0.0)) {
                throw new EmException("every component's density of point " + i + " (row " + (i + 1)
                        + ") underflowed to 0 in the explicit formula, so its responsibilities would be 0/0:"
                        + " use --implementation vectorised or loops, which work in log space");
            }
            for (int c = 0; c < k; c++) {
                // r[i][k] = πₖ N(xᵢ | μₖ, Σₖ) / Σⱼ πⱼ N(xᵢ | μⱼ, Σⱼ)
                r[i * k + c] /= total;
            }
            // L(θ) = Σᵢ log Σⱼ πⱼ N(xᵢ | μⱼ, Σⱼ)
            logLikelihood += Math.log(total);
        }
        return new EStep(Responsibilities.wrap(n, k, r), logLikelihood);
    }

    /** Every covariance type: the M-step constrains the scatter matrices (see {@link CovarianceType}). */
    @Override
    public boolean supports(CovarianceType type) {
        return true;
    }

    @Override
    public GaussianMixture mStep(DataMatrix data, Responsibilities r, GaussianMixture previous, double regCovar) {
        return maximisation.mStep(data, r, previous, regCovar);
    }

    /**
     * The textbook density of component k at a point: 1/√((2π)^D det Σₖ) · exp(−½ (x − μₖ)ᵀ Σₖ⁻¹ (x − μₖ)).
     * It may underflow to 0, which is the point of showing it.
     *
     * @param model the mixture θ
     * @param k     the component, 0 ≤ k &lt; K
     * @param x     the point (D coordinates). Not modified.
     * @return N(x | μₖ, Σₖ), 0 or more; 0 when it underflows
     * @throws EmException if det Σₖ is 0 or infinite in floating point
     */
    public static double density(GaussianMixture model, int k, double[] x) {
        return ExplicitGaussian.of(model, k).density(x);
    }
}
