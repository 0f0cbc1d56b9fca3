package org.emgmm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.emgmm.selection.ModelSelection;
import org.emgmm.testing.Cases;
import org.emgmm.testing.Generators;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The four covariance types: their free-parameter counts (checked against the dimension of the space of
 * covariances each type allows, found numerically), the M-step's constraint written out entry by entry,
 * and the conformance check a model file goes through.
 */
class CovarianceTypeTest {

    /**
     * Rounding allowed between the constraint and the same average written another way in the test: a
     * few additions of values of order 1, so a few units in the last place; 1e-12 leaves room for K·D of them.
     */
    private static final double ROUNDING = 1e-12;

    @Test
    void twoComponentsInFiveDimensionsHaveTheIssuesCounts() {
        assertEquals(13, ModelSelection.freeParameters(CovarianceType.SPHERICAL, 2, 5));
        assertEquals(21, ModelSelection.freeParameters(CovarianceType.DIAG, 2, 5));
        assertEquals(26, ModelSelection.freeParameters(CovarianceType.TIED, 2, 5));
        assertEquals(41, ModelSelection.freeParameters(CovarianceType.FULL, 2, 5));
    }

    /**
     * The covariance parameters of a type are the dimension of the linear space its K matrices span:
     * constrain many random symmetric matrices and find the rank of what comes out. This does not use the
     * formula being tested.
     */
    @Test
    void freeCovarianceParametersAreTheDimensionOfWhatTheTypeAllows() {
        SplittableRandom random = new SplittableRandom(20261130L);
        for (CovarianceType type : CovarianceType.values()) {
            for (int k = 1; k <= 3; k++) {
                for (int d = 1; d <= 4; d++) {
                    int entries = k * d * d;
                    int samples = entries + 5;
                    double[][] rows = new double[samples][];
                    for (int s = 0; s < samples; s++) {
                        rows[s] = type.constrain(randomCounts(random, k), randomSymmetric(random, k, d),
                                new boolean[k], d, 0.0);
                    }
                    assertEquals(rank(rows), type.freeCovarianceParameters(k, d), type.label() + " K=" + k + " D=" + d);
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> constrainKeepsWhatEachTypeAllowsPlusRegCovar() {
        return Cases.forAll("covariance type constraint", random -> new Scatters(random, 1 + random.nextInt(3),
                1 + random.nextInt(4)), (s, random) -> {
            double reg = random.nextDouble();
            int d = s.d;
            double[] diag = CovarianceType.DIAG.constrain(s.counts, s.scatters, s.empty, d, reg);
            double[] spherical = CovarianceType.SPHERICAL.constrain(s.counts, s.scatters, s.empty, d, reg);
            double[] tied = CovarianceType.TIED.constrain(s.counts, s.scatters, s.empty, d, reg);
            double[] full = CovarianceType.FULL.constrain(s.counts, s.scatters, s.empty, d, reg);
            double[] pooled = new double[d * d];
            double total = 0.0;
            for (int c = 0; c < s.k; c++) {
                if (!s.empty[c]) {
                    total += s.counts[c];
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    for (int c = 0; c < s.k; c++) {
                        if (!s.empty[c]) {
                            pooled[a * d + b] += s.counts[c] / total * s.scatters[(c * d + a) * d + b];
                        }
                    }
                }
            }
            for (int c = 0; c < s.k; c++) {
                double trace = 0.0;
                for (int a = 0; a < d; a++) {
                    trace += s.scatters[(c * d + a) * d + a];
                }
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        int at = (c * d + a) * d + b;
                        double identity = a == b ? 1.0 : 0.0;
                        double kept = s.scatters[at];
                        assertEquals(s.empty[c] ? kept : kept + reg * identity, full[at], ROUNDING, "full");
                        assertEquals(s.empty[c] ? kept : identity * (kept + reg), diag[at], ROUNDING, "diag");
                        assertEquals(s.empty[c] ? kept : identity * (trace / d + reg), spherical[at], ROUNDING,
                                "spherical");
                        assertEquals(pooled[a * d + b] + reg * identity, tied[at], ROUNDING, "tied, empty or not");
                    }
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aConstrainedMixtureConformsToItsTypeAndKeepsWeightsAndMeans() {
        return Cases.forAll("constrained mixtures conform", random -> Generators.mixture(random,
                1 + random.nextInt(4), 1 + random.nextInt(3)), (mixture, random) -> {
            for (CovarianceType type : CovarianceType.values()) {
                GaussianMixture constrained = mixture.constrainedTo(type);
                assertEquals(type, constrained.covarianceType());
                assertArrayEquals(mixture.weights(), constrained.weights());
                assertArrayEquals(mixture.flatMeans(), constrained.flatMeans());
                assertDoesNotThrow(() -> type.requireConforms(mixture.components(), mixture.dimension(),
                        constrained.flatCovariances()));
                assertSame(constrained, constrained.constrainedTo(type), "already of the type");
                assertEquals(constrained, GaussianMixture.ofFlat(type, mixture.components(), mixture.dimension(),
                        constrained.weights(), constrained.flatMeans(), constrained.flatCovariances()));
            }
        });
    }

    @Test
    void aCorrelationIsRefusedForDiagAndSphericalNamingTheEntry() {
        double[][][] correlated = {{{1, 0}, {0, 1}}, {{1, 0.3}, {0.3, 1}}};
        GaussianMixture full = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0, 0}, {1, 1}},
                correlated);
        for (CovarianceType type : new CovarianceType[] {CovarianceType.DIAG, CovarianceType.SPHERICAL}) {
            InvalidMixtureException e = assertThrows(InvalidMixtureException.class,
                    () -> full.withCovarianceType(type));
            assertEquals(1, e.component());
            assertTrue(e.getMessage().contains("[0][1] = 0.3") && e.getMessage().contains(type.label()),
                    e.getMessage());
        }
        assertThrows(InvalidMixtureException.class, () -> full.withCovarianceType(CovarianceType.TIED));
    }

    @Test
    void unequalVariancesAreRefusedForSphericalAndUnequalMatricesForTied() {
        double[][][] axisAligned = {{{2, 0}, {0, 2}}, {{1, 0}, {0, 3}}};
        GaussianMixture diag = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0, 0}, {1, 1}},
                axisAligned).withCovarianceType(CovarianceType.DIAG);
        InvalidMixtureException spherical = assertThrows(InvalidMixtureException.class,
                () -> diag.withCovarianceType(CovarianceType.SPHERICAL));
        assertEquals(1, spherical.component());
        assertTrue(spherical.getMessage().contains("one variance"), spherical.getMessage());
        InvalidMixtureException tied = assertThrows(InvalidMixtureException.class,
                () -> diag.withCovarianceType(CovarianceType.TIED));
        assertEquals(1, tied.component());
        assertTrue(tied.getMessage().contains("one matrix for all"), tied.getMessage());
    }

    @Test
    void differencesWithinTheToleranceAreAcceptedAndBeyondItRefused() {
        double within = 0.5 * CovarianceType.CONFORMANCE_TOLERANCE * 4.0;
        double beyond = 2.0 * CovarianceType.CONFORMANCE_TOLERANCE * 4.0;
        double[] weights = {0.5, 0.5};
        double[] means = {0, 0, 1, 1};
        assertDoesNotThrow(() -> GaussianMixture.ofFlat(CovarianceType.TIED, 2, 2, weights, means,
                new double[] {4, 1, 1, 2, 4 + within, 1, 1, 2}));
        assertThrows(InvalidMixtureException.class, () -> GaussianMixture.ofFlat(CovarianceType.TIED, 2, 2, weights,
                means, new double[] {4, 1, 1, 2, 4 + beyond, 1, 1, 2}));
        assertDoesNotThrow(() -> GaussianMixture.ofFlat(CovarianceType.DIAG, 2, 2, weights, means,
                new double[] {4, within, within, 2, 1, 0, 0, 1}));
        assertThrows(InvalidMixtureException.class, () -> GaussianMixture.ofFlat(CovarianceType.DIAG, 2, 2, weights,
                means, new double[] {4, beyond, beyond, 2, 1, 0, 0, 1}));
    }

    @Test
    void labelsReadBackAndAnUnknownOneNamesTheChoices() {
        for (CovarianceType type : CovarianceType.values()) {
            assertEquals(type, CovarianceType.byLabel(type.label()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CovarianceType.byLabel("diagonal"));
        assertTrue(e.getMessage().contains("full, diag, spherical, tied"), e.getMessage());
    }

    @Test
    void theTypeIsPartOfEquality() {
        GaussianMixture full = GaussianMixture.of(new double[] {1.0}, new double[][] {{0, 0}},
                new double[][][] {{{1, 0}, {0, 1}}});
        assertTrue(!full.equals(full.withCovarianceType(CovarianceType.SPHERICAL)));
        assertEquals(full, full.withCovarianceType(CovarianceType.SPHERICAL).withCovarianceType(CovarianceType.FULL));
    }

    /** K random scatter matrices, counts, and a random set of empty components. */
    private static final class Scatters {
        final int k;
        final int d;
        final double[] counts;
        final double[] scatters;
        final boolean[] empty;

        Scatters(SplittableRandom random, int k, int d) {
            this.k = k;
            this.d = d;
            this.counts = randomCounts(random, k);
            this.scatters = new double[k * d * d];
            for (int c = 0; c < k; c++) {
                System.arraycopy(Generators.spdMatrix(random, d, 0.3, 3.0), 0, scatters, c * d * d, d * d);
            }
            this.empty = new boolean[k];
            for (int c = 1; c < k; c++) {
                empty[c] = random.nextInt(4) == 0; // component 0 never: tied needs one that is not
            }
        }

        @Override
        public String toString() {
            return "K=" + k + " D=" + d;
        }
    }

    private static double[] randomCounts(SplittableRandom random, int k) {
        double[] counts = new double[k];
        for (int c = 0; c < k; c++) {
            counts[c] = 1.0 + 50.0 * random.nextDouble();
        }
        return counts;
    }

    private static double[] randomSymmetric(SplittableRandom random, int k, int d) {
        double[] matrices = new double[k * d * d];
        for (int c = 0; c < k; c++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    double value = random.nextGaussian();
                    matrices[(c * d + a) * d + b] = value;
                    matrices[(c * d + b) * d + a] = value;
                }
            }
        }
        return matrices;
    }

    /** The rank of a set of vectors by Gaussian elimination with partial pivoting. */
    private static int rank(double[][] rows) {
        double[][] m = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            m[i] = rows[i].clone();
        }
        int columns = m[0].length;
        int rank = 0;
        for (int column = 0; column < columns && rank < m.length; column++) {
            int pivot = rank;
            for (int i = rank + 1; i < m.length; i++) {
                if (Math.abs(m[i][column]) > Math.abs(m[pivot][column])) {
                    pivot = i;
                }
            }
            // Entries are sums of a few standard normal values: a pivot below 1e-9 is rounding, not rank.
            if (Math.abs(m[pivot][column]) < 1e-9) {
                continue;
            }
            double[] swap = m[pivot];
            m[pivot] = m[rank];
            m[rank] = swap;
            for (int i = rank + 1; i < m.length; i++) {
                double factor = m[i][column] / m[rank][column];
                for (int j = column; j < columns; j++) {
                    m[i][j] -= factor * m[rank][j];
                }
            }
            rank++;
        }
        return rank;
    }
}
