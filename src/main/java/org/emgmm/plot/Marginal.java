package org.emgmm.plot;

import org.emgmm.model.GaussianMixture;

/**
 * The mixture seen through two of its coordinates. A Gaussian's marginal over some coordinates is the
 * Gaussian with those entries of the mean and that block of the covariance, so the marginal of a
 * mixture over columns (a, b) is the mixture, with the same weights, of
 * <pre>
 *   N( (μₖ[a], μₖ[b]),  [ Σₖ[a][a]  Σₖ[a][b] ]
 *                        [ Σₖ[b][a]  Σₖ[b][b] ] )
 * </pre>
 * For D = 2 and (a, b) = (0, 1) it is the mixture itself. Its ellipses and its density are what a
 * scatter plot of columns a and b can show of a D-dimensional fit.
 *
 * <p>The marginal keeps the mixture's covariance type: a 2×2 block of a diagonal matrix is diagonal, of
 * σ²I is σ²I, and the blocks of K equal matrices are equal. So the ellipses of a diag fit are
 * axis-aligned, those of a spherical fit are circles (in data units), and those of a tied fit all have
 * one shape, whichever two columns are shown.
 */
final class Marginal {

    private Marginal() {
    }

    /** The two-dimensional marginal of {@code model} over {@code columns} (x first, y second). */
    static GaussianMixture of(GaussianMixture model, ColumnPair columns) {
        int k = model.components();
        int[] kept = {columns.x(), columns.y()};
        double[] means = new double[k * 2];
        double[] covariances = new double[k * 4];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < 2; i++) {
                means[c * 2 + i] = model.mean(c, kept[i]);
                for (int j = 0; j < 2; j++) {
                    covariances[(c * 2 + i) * 2 + j] = model.covariance(c, kept[i], kept[j]);
                }
            }
        }
        return GaussianMixture.ofFlat(model.covarianceType(), k, 2, model.weights(), means, covariances);
    }
}
