package org.emgmm.plot;

import org.emgmm.linalg.Cholesky;
import org.emgmm.model.GaussianMixture;

/**
 * The covariance ellipses of a two-dimensional Gaussian N(μ, Σ): the points at Mahalanobis distance r
 * from the mean,
 * <pre>
 *   { x : (x − μ)ᵀ Σ⁻¹ (x − μ) = r² }.
 * </pre>
 * With the Cholesky factor Σ = L Lᵀ and a unit vector u = (cos θ, sin θ), the point
 * <pre>
 *   x = μ + r L u     has     (x − μ)ᵀ Σ⁻¹ (x − μ) = r² uᵀ Lᵀ (L Lᵀ)⁻¹ L u = r² uᵀ u = r²,
 * </pre>
 * so walking θ round the circle walks round the ellipse: L maps the unit circle onto it. The ellipse is
 * drawn as a closed polygon of {@link #VERTICES} such points (the last vertex repeats the first). For
 * D &gt; 2 the ellipses of the chosen two columns are those of the marginal covariance ({@link Marginal}).
 *
 * <p>r = 1 ("1σ") holds about 39% of a 2-D Gaussian's mass, r = 2 ("2σ") about 86%
 * (1 − exp(−r²/2)).
 */
public final class Ellipses {

    /** The Mahalanobis radii drawn: 1σ and 2σ. */
    public static final double[] RADII = {1.0, 2.0};

    /**
     * Vertices per ellipse. A polygon of n vertices strays from its circle by at most R (1 − cos(π/n)); at
     * n = 100 that is 0.0005 R, a sixth of a pixel for an ellipse 600 pixels across: the polygon looks
     * like the curve, and 100 points per ellipse cost nothing to draw.
     */
    public static final int VERTICES = 100;

    private Ellipses() {
    }

    /**
     * The ellipse at Mahalanobis distance r of component k of a two-dimensional mixture.
     *
     * @param plane a mixture of dimension 2 (for more columns, its marginal on two of them)
     * @param k     the component, 0 ≤ k &lt; K
     * @param r     the Mahalanobis radius, e.g. 1 or 2
     * @return {xs, ys}, each of {@link #VERTICES} + 1 values, the last point equal to the first
     */
    public static double[][] of(GaussianMixture plane, int k, double r) {
        if (plane.dimension() != 2) {
            throw new IllegalArgumentException("ellipses need a two-dimensional mixture, got dimension "
                    + plane.dimension());
        }
        return vertices(plane.mean(k), plane.cholesky(k), r);
    }

    /**
     * The polygon x = μ + r L (cos θ, sin θ), θ = 2π v / {@link #VERTICES}, v = 0 .. VERTICES − 1, closed.
     *
     * @param mean   μ, two values. Not modified.
     * @param factor the Cholesky factor of the 2×2 covariance
     * @param r      the Mahalanobis distance of every vertex from μ
     * @return {xs, ys}, each of {@link #VERTICES} + 1 values, the last point equal to the first
     */
    public static double[][] vertices(double[] mean, Cholesky factor, double r) {
        double l00 = factor.lower(0, 0);
        double l10 = factor.lower(1, 0);
        double l11 = factor.lower(1, 1);
        double[] xs = new double[VERTICES + 1];
        double[] ys = new double[VERTICES + 1];
        for (int v = 0; v < VERTICES; v++) {
            double theta = 2.0 * Math.PI * v / VERTICES;
            double u0 = Math.cos(theta);
            double u1 = Math.sin(theta);
            // x = μ + r L u, L lower-triangular: (L u)₀ = L₀₀ u₀, (L u)₁ = L₁₀ u₀ + L₁₁ u₁
            xs[v] = mean[0] + r * l00 * u0;
            ys[v] = mean[1] + r * (l10 * u0 + l11 * u1);
        }
        xs[VERTICES] = xs[0];
        ys[VERTICES] = ys[0];
        return new double[][] {xs, ys};
    }
}
