package org.emgmm.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.emgmm.testing.Cases;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Reference;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

class GaussianMixtureTest {

    private static final double[][] IDENTITY_2D = {{1, 0}, {0, 1}};

    /** Asserts that building fails with an InvalidMixtureException naming {@code component} (−1: none). */
    private static InvalidMixtureException assertInvalid(int component, String messagePart, Executable build) {
        InvalidMixtureException e = assertThrows(InvalidMixtureException.class, build);
        assertEquals(component, e.component(), "component at fault, message: " + e.getMessage());
        assertTrue(e.getMessage().contains(messagePart),
                "message should contain \"" + messagePart + "\": " + e.getMessage());
        return e;
    }

    @Nested
    class Validation {

        @Test
        void negativeWeightNamesTheComponent() {
            assertInvalid(1, "weight of component 1", () -> GaussianMixture.of(new double[] {1.2, -0.2},
                    new double[][] {{0, 0}, {1, 1}}, new double[][][] {IDENTITY_2D, IDENTITY_2D}));
        }

        @Test
        void nonFiniteWeightNamesTheComponent() {
            assertInvalid(0, "weight of component 0", () -> GaussianMixture.of(new double[] {Double.NaN, 1.0},
                    new double[][] {{0, 0}, {1, 1}}, new double[][][] {IDENTITY_2D, IDENTITY_2D}));
        }

        @Test
        void weightsThatDoNotSumToOneAreRefused() {
            assertInvalid(-1, "sum to", () -> GaussianMixture.of(new double[] {0.5, 0.6},
                    new double[][] {{0, 0}, {1, 1}}, new double[][][] {IDENTITY_2D, IDENTITY_2D}));
            assertInvalid(-1, "sum to", () -> GaussianMixture.of(new double[] {2.0, 1.0},
                    new double[][] {{0}, {1}}, new double[][][] {{{1}}, {{1}}}));
        }

        @Test
        void weightsWithinTheToleranceAreAccepted() {
            double off = 0.5 * GaussianMixture.WEIGHT_SUM_TOLERANCE;
            assertDoesNotThrow(() -> GaussianMixture.of(new double[] {0.5 + off, 0.5},
                    new double[][] {{0}, {1}}, new double[][][] {{{1}}, {{1}}}));
        }

        @Test
        void nonPositiveDefiniteCovarianceNamesTheComponent() {
            InvalidMixtureException e = assertInvalid(1, "component 1", () -> GaussianMixture.of(
                    new double[] {0.5, 0.5}, new double[][] {{0, 0}, {1, 1}},
                    new double[][][] {IDENTITY_2D, {{1, 2}, {2, 1}}}));
            assertTrue(e instanceof NotPositiveDefiniteException, "a NotPositiveDefiniteException");
            assertTrue(e.getMessage().contains("positive-definite"), e.getMessage());
        }

        @Test
        void singularCovarianceIsRefused() {
            assertThrows(NotPositiveDefiniteException.class, () -> GaussianMixture.of(new double[] {1.0},
                    new double[][] {{0, 0}}, new double[][][] {{{1, 1}, {1, 1}}}));
        }

        @Test
        void nonSymmetricCovarianceNamesTheComponent() {
            assertInvalid(2, "covariance of component 2 is not symmetric", () -> GaussianMixture.of(
                    new double[] {0.2, 0.3, 0.5}, new double[][] {{0, 0}, {1, 1}, {2, 2}},
                    new double[][][] {IDENTITY_2D, IDENTITY_2D, {{2, 0.5}, {0.4, 2}}}));
        }

        @Test
        void nonFiniteMeanOrCovarianceNamesTheComponent() {
            assertInvalid(1, "mean of component 1", () -> GaussianMixture.of(new double[] {0.5, 0.5},
                    new double[][] {{0, 0}, {Double.NaN, 1}}, new double[][][] {IDENTITY_2D, IDENTITY_2D}));
            assertInvalid(0, "covariance of component 0", () -> GaussianMixture.of(new double[] {0.5, 0.5},
                    new double[][] {{0, 0}, {1, 1}},
                    new double[][][] {{{1, 0}, {0, Double.POSITIVE_INFINITY}}, IDENTITY_2D}));
        }

        @Test
        void shapeMismatchesAreRefused() {
            assertInvalid(-1, "2 weights but 1 means", () -> GaussianMixture.of(new double[] {0.5, 0.5},
                    new double[][] {{0, 0}}, new double[][][] {IDENTITY_2D, IDENTITY_2D}));
            assertInvalid(-1, "2 weights but 1 covariances", () -> GaussianMixture.of(new double[] {0.5, 0.5},
                    new double[][] {{0, 0}, {1, 1}}, new double[][][] {IDENTITY_2D}));
            assertInvalid(1, "mean of component 1 has 3 values", () -> GaussianMixture.of(new double[] {0.5, 0.5},
                    new double[][] {{0, 0}, {1, 1, 1}}, new double[][][] {IDENTITY_2D, IDENTITY_2D}));
            assertInvalid(1, "covariance of component 1 has 1 rows", () -> GaussianMixture.of(
                    new double[] {0.5, 0.5}, new double[][] {{0, 0}, {1, 1}},
                    new double[][][] {IDENTITY_2D, {{1, 0}}}));
            assertInvalid(0, "covariance of component 0, row 1", () -> GaussianMixture.of(
                    new double[] {0.5, 0.5}, new double[][] {{0, 0}, {1, 1}},
                    new double[][][] {{{1, 0}, {0}}, IDENTITY_2D}));
            assertInvalid(-1, "weights", () -> GaussianMixture.of(new double[0], new double[0][],
                    new double[0][][]));
        }

        @Test
        void flatShapeMismatchesAreRefused() {
            assertInvalid(-1, "expected 2 weights", () -> GaussianMixture.ofFlat(2, 1, new double[] {1.0},
                    new double[] {0, 1}, new double[] {1, 1}));
            assertInvalid(-1, "expected 4 mean values", () -> GaussianMixture.ofFlat(2, 2,
                    new double[] {0.5, 0.5}, new double[] {0, 1, 2}, new double[] {1, 0, 0, 1, 1, 0, 0, 1}));
            assertInvalid(-1, "expected 8 covariance values", () -> GaussianMixture.ofFlat(2, 2,
                    new double[] {0.5, 0.5}, new double[] {0, 1, 2, 3}, new double[] {1, 0, 0, 1}));
            assertInvalid(-1, "at least one component", () -> GaussianMixture.ofFlat(0, 1, new double[0],
                    new double[0], new double[0]));
            assertInvalid(-1, "at least one dimension", () -> GaussianMixture.ofFlat(1, 0, new double[] {1.0},
                    new double[0], new double[0]));
        }

        @Test
        void aPointOfTheWrongDimensionIsRefused() {
            GaussianMixture mixture = GaussianMixture.of(new double[] {1.0}, new double[][] {{0, 0}},
                    new double[][][] {IDENTITY_2D});
            assertThrows(IllegalArgumentException.class, () -> mixture.logDensity(new double[] {1, 2, 3}));
            assertThrows(IllegalArgumentException.class, () -> mixture.logComponentDensity(0, new double[] {1}));
        }

        @Test
        void inputsAreCopiedAndAccessorsHandOutCopies() {
            double[] weights = {0.25, 0.75};
            double[] means = {0, 1};
            double[] covariances = {1, 2};
            GaussianMixture mixture = GaussianMixture.ofFlat(2, 1, weights, means, covariances);
            weights[0] = 0.0;
            means[0] = 99.0;
            covariances[0] = 99.0;
            mixture.weights()[1] = 0.0;
            mixture.flatMeans()[1] = 99.0;
            mixture.covariance(1)[0] = 99.0;
            assertEquals(0.25, mixture.weight(0));
            assertEquals(0.75, mixture.weight(1));
            assertEquals(0.0, mixture.mean(0, 0));
            assertEquals(1.0, mixture.mean(1, 0));
            assertEquals(1.0, mixture.covariance(0, 0, 0));
            assertEquals(2.0, mixture.covariance(1, 0, 0));
        }
    }

    // ---- Densities against the formulas written out ----------------------------------------------

    /** K scatter matrices (SPD), their counts and which components are empty, for an M-step's last line. */
    record MStepEnd(int k, int d, double[] weights, double[] means, double[] counts, double[] scatters,
            boolean[] empty, double regCovar) {
        @Override
        public String toString() {
            return "D=" + d + " K=" + k;
        }
    }

    private static MStepEnd mStepEnd(SplittableRandom random) {
        int d = Generators.between(random, 1, 6);
        int k = Generators.between(random, 1, 4);
        double[] counts = new double[k];
        double[] scatters = new double[k * d * d];
        boolean[] empty = new boolean[k];
        double total = 0.0;
        for (int c = 0; c < k; c++) {
            counts[c] = random.nextDouble(1.0, 100.0);
            total += counts[c];
            empty[c] = c > 0 && random.nextInt(4) == 0;   // one component at least has points
            if (empty[c]) {
                // an empty component's entry is its previous covariance, of the type already: σ² I is of every type
                double variance = random.nextDouble(0.1, 10.0);
                for (int a = 0; a < d; a++) {
                    scatters[c * d * d + a * d + a] = variance;
                }
            } else {
                System.arraycopy(Generators.spdMatrix(random, d, 0.1, 10.0), 0, scatters, c * d * d, d * d);
            }
        }
        double[] weights = new double[k];
        for (int c = 0; c < k; c++) {
            weights[c] = counts[c] / total;
        }
        return new MStepEnd(k, d, weights, Generators.uniformVector(random, k * d, -5.0, 5.0), counts, scatters,
                empty, random.nextDouble(0.0, 1e-3));
    }

    @TestFactory
    Stream<DynamicTest> fromScattersIsOfFlatOfTheConstrainedScatters() {
        return Cases.forAll("GaussianMixture.fromScatters", GaussianMixtureTest::mStepEnd, (end, random) -> {
            for (CovarianceType type : CovarianceType.values()) {
                double[] scatters = end.scatters().clone();
                GaussianMixture built = GaussianMixture.fromScatters(type, end.k(), end.d(), end.weights(),
                        end.means(), end.counts(), scatters, end.empty(), end.regCovar());
                GaussianMixture expected = GaussianMixture.ofFlat(type, end.k(), end.d(), end.weights(), end.means(),
                        type.constrain(end.counts(), end.scatters(), end.empty(), end.d(), end.regCovar()));
                assertEquals(expected, built, type.label());
                for (int c = 0; c < end.k(); c++) {
                    assertEquals(expected.cholesky(c).logDeterminant(), built.cholesky(c).logDeterminant(),
                            type.label() + " component " + c);
                }
                assertEquals(java.util.Arrays.toString(end.scatters()), java.util.Arrays.toString(scatters),
                        "the scatters are not modified");
                java.util.Arrays.fill(scatters, Double.NaN);
                assertEquals(expected, built, type.label() + ": the mixture keeps no reference to the scatters");
            }
        });
    }

    @Test
    void fromScattersRefusesArraysOfTheWrongLength() {
        double[] one = {1.0};
        boolean[] notEmpty = {false};
        assertThrows(InvalidMixtureException.class, () -> GaussianMixture.fromScatters(CovarianceType.FULL, 1, 2,
                one, new double[] {0, 0}, one, new double[] {1, 0, 0}, notEmpty, 0.0));
        assertThrows(InvalidMixtureException.class, () -> GaussianMixture.fromScatters(CovarianceType.FULL, 1, 1,
                one, one, new double[] {1, 1}, one, notEmpty, 0.0));
        assertThrows(InvalidMixtureException.class, () -> GaussianMixture.fromScatters(CovarianceType.FULL, 1, 1,
                one, one, one, one, new boolean[2], 0.0));
    }

    private static GaussianMixture randomMixture(SplittableRandom random, int d) {
        return Generators.mixture(random, d, Generators.between(random, 1, 3));
    }

    /** A mixture of the given dimension and a point up to about 8 standard deviations from a mean. */
    record Input(GaussianMixture mixture, double[] x) {
        @Override
        public String toString() {
            return "D=" + mixture.dimension() + " K=" + mixture.components();
        }
    }

    private static Input input(SplittableRandom random, int d) {
        GaussianMixture mixture = randomMixture(random, d);
        double[] x = mixture.mean(random.nextInt(mixture.components()));
        for (int j = 0; j < d; j++) {
            x[j] += random.nextDouble(-12.0, 12.0);
        }
        return new Input(mixture, x);
    }

    @TestFactory
    Stream<DynamicTest> oneDimensionalDensityIsTheTextbookFormula() {
        return Cases.forAll("GaussianMixture.density1d", random -> input(random, 1), (input, random) -> {
            GaussianMixture mixture = input.mixture();
            double x = input.x()[0];
            for (int k = 0; k < mixture.components(); k++) {
                // log N(x | μ, σ²) = −½ log(2πσ²) − (x − μ)² / (2σ²)
                double variance = mixture.covariance(k, 0, 0);
                double deviation = x - mixture.mean(k, 0);
                double expected = -0.5 * Math.log(2.0 * Math.PI * variance) - deviation * deviation / (2.0 * variance);
                assertEquals(expected, mixture.logComponentDensity(k, input.x()), 1e-12 * Math.max(1.0,
                        Math.abs(expected)), "log density of component " + k);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> twoDimensionalDensityIsTheTextbookFormula() {
        return Cases.forAll("GaussianMixture.density2d", random -> input(random, 2), (input, random) -> {
            GaussianMixture mixture = input.mixture();
            double[] x = input.x();
            for (int k = 0; k < mixture.components(); k++) {
                // Σ = [[a, b], [b, c]]: det = ac − b², Σ⁻¹ = [[c, −b], [−b, a]] / det
                double a = mixture.covariance(k, 0, 0);
                double b = mixture.covariance(k, 0, 1);
                double c = mixture.covariance(k, 1, 1);
                double det = a * c - b * b;
                double u = x[0] - mixture.mean(k, 0);
                double v = x[1] - mixture.mean(k, 1);
                double quadratic = (c * u * u - 2.0 * b * u * v + a * v * v) / det;
                double expected = -Math.log(2.0 * Math.PI) - 0.5 * Math.log(det) - 0.5 * quadratic;
                assertEquals(expected, mixture.logComponentDensity(k, x), 1e-11 * Math.max(1.0, Math.abs(expected)),
                        "log density of component " + k);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> densityInAnyDimensionMatchesAnLuComputation() {
        return Cases.forAll("GaussianMixture.densityLu", random -> input(random, Generators.between(random, 1, 6)),
                (input, random) -> {
                    GaussianMixture mixture = input.mixture();
                    double[] x = input.x();
                    double[] terms = new double[mixture.components()];
                    for (int k = 0; k < mixture.components(); k++) {
                        double expected = Reference.logGaussian(x, mixture.mean(k), mixture.covariance(k));
                        assertEquals(expected, mixture.logComponentDensity(k, x),
                                1e-11 * Math.max(1.0, Math.abs(expected)), "log density of component " + k);
                        terms[k] = Math.log(mixture.weight(k)) + expected;
                    }
                    // log p(x) = log Σₖ πₖ N(x | μₖ, Σₖ), summed here directly where that cannot underflow.
                    double max = Double.NEGATIVE_INFINITY;
                    for (double term : terms) {
                        max = Math.max(max, term);
                    }
                    double sum = 0.0;
                    for (double term : terms) {
                        sum += Math.exp(term - max);
                    }
                    double expected = max + Math.log(sum);
                    assertEquals(expected, mixture.logDensity(x), 1e-11 * Math.max(1.0, Math.abs(expected)),
                            "log mixture density");
                });
    }

    @Test
    void standardNormalDensityAtItsMean() {
        GaussianMixture standard = GaussianMixture.of(new double[] {1.0}, new double[][] {{0.0}},
                new double[][][] {{{1.0}}});
        assertEquals(-0.5 * Math.log(2.0 * Math.PI), standard.logDensity(new double[] {0.0}), 1e-15);
        assertEquals(-0.5 * Math.log(2.0 * Math.PI) - 0.5, standard.logDensity(new double[] {1.0}), 1e-15);
    }
}
