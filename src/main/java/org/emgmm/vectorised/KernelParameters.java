package org.emgmm.vectorised;

import org.emgmm.linalg.Cholesky;
import org.emgmm.model.GaussianMixture;

/**
 * The parameters θ of one step laid out for the {@link Kernels}: per component k, its mean, the rows of
 * its Cholesky factor Lₖ (Σₖ = Lₖ Lₖᵀ), the reciprocals of Lₖ's diagonal, and the part of
 * log πₖ + log N(x | μₖ, Σₖ) that does not depend on x:
 * <pre>
 *   log πₖ N(x | μₖ, Σₖ) = constants[k] − ½ ‖Lₖ⁻¹ (x − μₖ)‖²
 *   constants[k]         = log πₖ − ½ (D log 2π + log det Σₖ)
 *   negligible[k]        = share · πₖ: below it, a responsibility is left out of the moment sums
 * </pre>
 * Siblings: {@link Workspace} loads these once per step and hands them to the kernels block by block.
 */
final class KernelParameters {

    /** log 2π. */
    private static final double LOG_TWO_PI = Math.log(2.0 * Math.PI);

    /** μₖ: K × D. */
    final double[][] means;

    /** The rows of Lₖ, lower triangles: K × D × D. */
    final double[][][] lowers;

    /** 1 / Lₖ[j][j]: K × D. */
    final double[][] inverseDiagonals;

    /** log πₖ − ½ (D log 2π + log det Σₖ), per component. */
    final double[] constants;

    /** Per component, the responsibility below which a point is left out of its moment sums. */
    final double[] negligible;

    /** K, components. */
    private final int k;

    /** D, coordinates per point. */
    private final int d;

    /**
     * Room for K components in D dimensions, not loaded yet.
     *
     * @param k K, components
     * @param d D, coordinates per point
     */
    KernelParameters(int k, int d) {
        this.k = k;
        this.d = d;
        means = new double[k][d];
        lowers = new double[k][d][d];
        inverseDiagonals = new double[k][d];
        constants = new double[k];
        negligible = new double[k];
    }

    /**
     * Copies what the kernels need from θ.
     *
     * @param model θ, with K components in D dimensions
     * @param share the share of πₖ below which a responsibility is negligible
     *              ({@link Workspace#NEGLIGIBLE})
     */
    void load(GaussianMixture model, double share) {
        for (int c = 0; c < k; c++) {
            Cholesky factor = model.cholesky(c);
            for (int a = 0; a < d; a++) {
                means[c][a] = model.mean(c, a);
                for (int e = 0; e <= a; e++) {
                    lowers[c][a][e] = factor.lower(a, e);
                }
                inverseDiagonals[c][a] = 1.0 / factor.lower(a, a);
            }
            constants[c] = Math.log(model.weight(c)) - 0.5 * (d * LOG_TWO_PI + factor.logDeterminant());
            negligible[c] = share * model.weight(c);
        }
    }
}
