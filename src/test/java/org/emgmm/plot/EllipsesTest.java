package org.emgmm.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.emgmm.linalg.Cholesky;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Cases;
import org.emgmm.testing.Generators;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The ellipse geometry: every vertex at Mahalanobis distance exactly r, checked with an inverse computed
 * independently of the Cholesky factor the ellipses are drawn from.
 */
class EllipsesTest {

    /**
     * How far a vertex's Mahalanobis distance may be from r. The covariances below have condition numbers
     * up to 10⁴, so rounding in the explicit 2×2 inverse costs at most about 10⁴ · 10⁻¹⁶ = 10⁻¹²; 10⁻⁹
     * leaves room and still catches any real error in the geometry.
     */
    private static final double TOLERANCE = 1e-9;

    /** A 2-D Gaussian with eigenvalues spread over four orders of magnitude and a random orientation. */
    private record Gaussian(double[] mean, double[] covariance) {
        @Override
        public String toString() {
            return String.format("mean (%.3g, %.3g), variances %.3g, %.3g", mean[0], mean[1], covariance[0],
                    covariance[3]);
        }
    }

    private static Gaussian randomGaussian(SplittableRandom random) {
        double[] eigenvalues = {Math.pow(10, random.nextDouble(-2, 2)), Math.pow(10, random.nextDouble(-2, 2))};
        double[] covariance = Generators.withEigenvalues(Generators.rotation(random, 2), eigenvalues);
        return new Gaussian(Generators.uniformVector(random, 2, -100, 100), covariance);
    }

    /** (x − μ)ᵀ Σ⁻¹ (x − μ) with Σ⁻¹ = [[d, −b], [−c, a]] / (ad − bc) for Σ = [[a, b], [c, d]]. */
    private static double mahalanobis(double x, double y, double[] mean, double[] sigma) {
        double dx = x - mean[0];
        double dy = y - mean[1];
        double determinant = sigma[0] * sigma[3] - sigma[1] * sigma[2];
        return Math.sqrt((sigma[3] * dx * dx - (sigma[1] + sigma[2]) * dx * dy + sigma[0] * dy * dy) / determinant);
    }

    private static void assertEveryVertexAtDistance(double[][] polygon, double[] mean, double[] sigma, double r) {
        for (int v = 0; v < polygon[0].length; v++) {
            assertEquals(r, mahalanobis(polygon[0][v], polygon[1][v], mean, sigma), TOLERANCE, "vertex " + v);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyVertexLiesAtMahalanobisDistanceOneOrTwo() {
        return Cases.forAll("Ellipses.vertices at distance r", EllipsesTest::randomGaussian, (gaussian, random) -> {
            Cholesky factor = Cholesky.decompose(gaussian.covariance(), 2).orElseThrow();
            for (double r : Ellipses.RADII) {
                double[][] polygon = Ellipses.vertices(gaussian.mean(), factor, r);
                assertEveryVertexAtDistance(polygon, gaussian.mean(), gaussian.covariance(), r);
            }
        });
    }

    /**
     * The vertices must go round the ellipse, not sit on one spot of it: the polygon is the image under
     * x ↦ μ + rLx of a regular n-gon inscribed in the unit circle, so its area is exactly
     * (n/2) sin(2π/n) · r² · det L, with det L = √det Σ.
     */
    @TestFactory
    Stream<DynamicTest> theVerticesGoRoundTheEllipseOnce() {
        return Cases.forAll("Ellipses.vertices go round", EllipsesTest::randomGaussian, (gaussian, random) -> {
            Cholesky factor = Cholesky.decompose(gaussian.covariance(), 2).orElseThrow();
            double[][] polygon = Ellipses.vertices(gaussian.mean(), factor, 2.0);
            int n = Ellipses.VERTICES;
            assertEquals(n + 1, polygon[0].length);
            assertEquals(polygon[0][0], polygon[0][n], 0.0, "the polygon is closed");
            assertEquals(polygon[1][0], polygon[1][n], 0.0, "the polygon is closed");
            double expected = n / 2.0 * Math.sin(2 * Math.PI / n) * 4.0 * Math.exp(0.5 * factor.logDeterminant());
            assertEquals(expected, shoelaceArea(polygon), 1e-9 * expected);
        });
    }

    /** The area of a closed polygon, ½ |Σ (xᵢ yᵢ₊₁ − xᵢ₊₁ yᵢ)|, taken around its first vertex to limit rounding. */
    private static double shoelaceArea(double[][] polygon) {
        double[] xs = polygon[0];
        double[] ys = polygon[1];
        double twice = 0.0;
        for (int v = 0; v + 1 < xs.length; v++) {
            twice += (xs[v] - xs[0]) * (ys[v + 1] - ys[0]) - (xs[v + 1] - xs[0]) * (ys[v] - ys[0]);
        }
        return Math.abs(twice) / 2.0;
    }

    /** With D = 3, the ellipses of columns (2, 0) are those of the marginal covariance of z and x, in that order. */
    @TestFactory
    Stream<DynamicTest> ellipsesOfTwoColumnsUseTheirMarginalCovariance() {
        return Cases.forAll("Ellipses of a marginal", random -> Generators.mixture(random, 3, 2), (model, random) -> {
            ColumnPair columns = ColumnPair.choose(List.of("x", "y", "z"), "z", "x");
            GaussianMixture plane = Marginal.of(model, columns);
            for (int k = 0; k < model.components(); k++) {
                double[] mean = {model.mean(k, 2), model.mean(k, 0)};
                double[] block = {model.covariance(k, 2, 2), model.covariance(k, 2, 0), model.covariance(k, 0, 2),
                    model.covariance(k, 0, 0)};
                for (double r : Ellipses.RADII) {
                    assertEveryVertexAtDistance(Ellipses.of(plane, k, r), mean, block, r);
                }
            }
        });
    }

    @Test
    void theUnitCovarianceGivesCirclesOfRadiusOneAndTwo() {
        GaussianMixture circle = GaussianMixture.of(new double[] {1.0}, new double[][] {{3.0, -1.0}},
                new double[][][] {{{1.0, 0.0}, {0.0, 1.0}}});
        double[][] outer = Ellipses.of(circle, 0, 2.0);
        assertEquals(5.0, outer[0][0], 1e-15, "θ = 0 lies at μ + (2, 0)");
        assertEquals(-1.0, outer[1][0], 1e-15);
        assertEquals(1.0, outer[1][Ellipses.VERTICES / 4], 1e-12, "θ = π/2 lies at μ + (0, 2)");
    }
}
