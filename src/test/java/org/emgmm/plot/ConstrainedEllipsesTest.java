package org.emgmm.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.emgmm.data.DataMatrix;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Cases;
import org.emgmm.testing.Generators;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * The ellipses the clusters picture draws for each covariance type, read back from the chart's series
 * and checked against the geometry that follows from the covariance itself. With Σ = L Lᵀ each drawn
 * vertex is μ + r L (cos θ, sin θ) ({@link Ellipses}); for the constrained types that gives:
 * <pre>
 *   diag       Σ = diag(σx², σy²): L = diag(σx, σy), so x = μx + r σx cos θ, y = μy + r σy sin θ.
 *              The extremes are x = μx ± r σx at y = μy and y = μy ± r σy at x = μx: the ellipse's
 *              axes lie along the plot's axes.
 *   spherical  Σ = σ² I: L = σ I, so every vertex is at Euclidean distance r σ from μ: a circle in data
 *              units (on screen it is stretched wherever the two axes have different scales).
 *   tied       Σₖ = Σ for every k: L is the same, so component k's polygon is component 0's moved by
 *              μₖ − μ₀.
 * </pre>
 * Each case draws the picture of a random three-dimensional mixture of the type over two of its
 * columns, so the marginal ({@link Marginal}) is part of what is checked.
 */
class ConstrainedEllipsesTest {

    /**
     * How far a drawn coordinate may be from the derived one, relative to the size of the numbers
     * involved (|μ| + r σ). The vertices are one multiplication and addition from μ, σ and cos θ, sin θ;
     * cos(π/2) is 6e-17 rather than 0 and √ rounds once, so errors are a few units of 1e-16; 1e-12
     * leaves room and still catches an ellipse tilted by a millionth of a radian.
     */
    private static final double GEOMETRY_TOLERANCE = 1e-12;

    /** The columns shown: z across, x up, so the marginal is not simply the first two columns. */
    private static final List<String> NAMES = List.of("x", "y", "z");
    private static final ColumnPair COLUMNS = ColumnPair.choose(NAMES, "z", "x");

    /** A random mixture of the type (D = 3, K from 1 to 4; from 2 for tied, which compares components), and points. */
    private record Case(GaussianMixture model, DataMatrix data) {
        @Override
        public String toString() {
            return model.covarianceType().label() + " K=" + model.components();
        }
    }

    private static Case randomCase(SplittableRandom random, CovarianceType type) {
        GaussianMixture model = Generators.mixture(random, 3,
                Generators.between(random, type == CovarianceType.TIED ? 2 : 1, 4)).constrainedTo(type);
        DataMatrix points = Generators.sample(random, model);
        DataMatrix named = new DataMatrix(points.rows(), 3, points.toFlatArray(), NAMES);
        return new Case(model, named);
    }

    private static XYChart draw(Case c) {
        return ClustersChart.draw(new ClustersChart.View("clusters", c.data(), c.model(), COLUMNS, 800, 600,
                ChartStyle.Layout.PICTURE, null));
    }

    /** The polygon the chart drew for component k at Mahalanobis distance r (1σ or 2σ), as {xs, ys}. */
    private static double[][] drawn(XYChart chart, int k, double r) {
        String name = r == Ellipses.RADII[0] ? "component " + k + ": 1σ and 2σ ellipses"
                : "component " + k + ": 2σ ellipse";
        XYSeries series = chart.getSeriesCollection().stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the chart has no series '" + name + "'"));
        return new double[][] {series.getXData(), series.getYData()};
    }

    /** The shown columns' mean and standard deviations of component k: μ = (μz, μx), σ = (√Σzz, √Σxx). */
    private static double[] meanShown(GaussianMixture model, int k) {
        return new double[] {model.mean(k, COLUMNS.x()), model.mean(k, COLUMNS.y())};
    }

    private static double[] sigmaShown(GaussianMixture model, int k) {
        return new double[] {Math.sqrt(model.covariance(k, COLUMNS.x(), COLUMNS.x())),
            Math.sqrt(model.covariance(k, COLUMNS.y(), COLUMNS.y()))};
    }

    private static void assertClose(double expected, double actual, double scale, String what) {
        assertEquals(expected, actual, GEOMETRY_TOLERANCE * scale, what);
    }

    /**
     * Diag: the drawn polygon's largest and smallest x are μx ± r σx, and the vertex where x is largest
     * or smallest has y = μy; likewise for y. A tilted ellipse reaches its extreme x away from y = μy.
     */
    @TestFactory
    Stream<DynamicTest> diagEllipsesAreAxisAligned() {
        // The vertices are θ = 2π v / VERTICES; θ = 0, π/2, π and 3π/2 are vertices when 4 divides VERTICES.
        assertEquals(0, Ellipses.VERTICES % 4, "the extremes are vertices");
        return Cases.forAll("ConstrainedEllipses.diag", random -> randomCase(random, CovarianceType.DIAG),
                (c, random) -> {
                    XYChart chart = draw(c);
                    for (int k = 0; k < c.model().components(); k++) {
                        double[] mean = meanShown(c.model(), k);
                        double[] sigma = sigmaShown(c.model(), k);
                        for (double r : Ellipses.RADII) {
                            double[][] polygon = drawn(chart, k, r);
                            for (int axis = 0; axis < 2; axis++) {
                                assertExtremesOnTheAxis(polygon, axis, mean, sigma, r, "component " + k + ", r " + r);
                            }
                        }
                    }
                });
    }

    /** Along {@code axis} (0: x, 1: y) the extremes are μ ± r σ, reached where the other coordinate is its μ. */
    private static void assertExtremesOnTheAxis(double[][] polygon, int axis, double[] mean, double[] sigma, double r,
            String what) {
        int other = 1 - axis;
        double scale = Math.abs(mean[axis]) + Math.abs(mean[other]) + r * (sigma[axis] + sigma[other]);
        int highest = 0;
        int lowest = 0;
        for (int v = 0; v < polygon[axis].length; v++) {
            highest = polygon[axis][v] > polygon[axis][highest] ? v : highest;
            lowest = polygon[axis][v] < polygon[axis][lowest] ? v : lowest;
        }
        String name = axis == 0 ? "x" : "y";
        assertClose(mean[axis] + r * sigma[axis], polygon[axis][highest], scale, what + ": largest " + name);
        assertClose(mean[axis] - r * sigma[axis], polygon[axis][lowest], scale, what + ": smallest " + name);
        assertClose(mean[other], polygon[other][highest], scale, what + ": the other coordinate at the largest " + name);
        assertClose(mean[other], polygon[other][lowest], scale, what + ": the other coordinate at the smallest " + name);
    }

    /** Spherical: every drawn vertex is at Euclidean distance r σ from μ, with σ² = Σzz = Σxx. */
    @TestFactory
    Stream<DynamicTest> sphericalEllipsesAreCirclesInDataUnits() {
        return Cases.forAll("ConstrainedEllipses.spherical", random -> randomCase(random, CovarianceType.SPHERICAL),
                (c, random) -> {
                    XYChart chart = draw(c);
                    for (int k = 0; k < c.model().components(); k++) {
                        double[] mean = meanShown(c.model(), k);
                        double sigma = sigmaShown(c.model(), k)[0];
                        for (double r : Ellipses.RADII) {
                            double[][] polygon = drawn(chart, k, r);
                            double scale = Math.abs(mean[0]) + Math.abs(mean[1]) + r * sigma;
                            for (int v = 0; v < polygon[0].length; v++) {
                                double distance = Math.hypot(polygon[0][v] - mean[0], polygon[1][v] - mean[1]);
                                assertClose(r * sigma, distance, scale, "component " + k + ", r " + r + ", vertex " + v);
                            }
                        }
                    }
                });
    }

    /** Tied: component k's drawn polygon minus μₖ is component 0's minus μ₀, vertex for vertex. */
    @TestFactory
    Stream<DynamicTest> tiedEllipsesAreTranslatesOfEachOther() {
        return Cases.forAll("ConstrainedEllipses.tied", random -> randomCase(random, CovarianceType.TIED),
                (c, random) -> {
                    XYChart chart = draw(c);
                    double[] firstMean = meanShown(c.model(), 0);
                    for (int k = 1; k < c.model().components(); k++) {
                        double[] mean = meanShown(c.model(), k);
                        double scale = Math.abs(mean[0]) + Math.abs(mean[1]) + Math.abs(firstMean[0])
                                + Math.abs(firstMean[1]) + 2 * Ellipses.RADII[1] * sigmaShown(c.model(), 0)[0]
                                + 2 * Ellipses.RADII[1] * sigmaShown(c.model(), 0)[1];
                        for (double r : Ellipses.RADII) {
                            double[][] first = drawn(chart, 0, r);
                            double[][] polygon = drawn(chart, k, r);
                            for (int v = 0; v < polygon[0].length; v++) {
                                for (int axis = 0; axis < 2; axis++) {
                                    assertClose(first[axis][v] - firstMean[axis], polygon[axis][v] - mean[axis], scale,
                                            "component " + k + " against component 0, r " + r + ", vertex " + v);
                                }
                            }
                        }
                    }
                });
    }

    /**
     * The clusters picture of fit and plot, and each panel of compare's clusters grid, name the covariance
     * type in their titles.
     */
    @Test
    void theTitlesNameTheCovarianceType() {
        SplittableRandom random = new SplittableRandom(0xE11L);
        for (CovarianceType type : CovarianceType.values()) {
            GaussianMixture model = randomCase(random, type).model();
            assertEquals("data: K = " + model.components() + ", " + type.label() + " covariances, points by component",
                    PictureSet.clustersTitle("data", model));
            assertEquals("loops: K = 2 (" + type.label() + " covariances)", ClustersChart.titleWithType("loops: K = 2",
                    model));
        }
    }
}
