package org.emgmm.em;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.emgmm.data.DataException;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.MixtureSampler;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Spec;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.Test;

/**
 * scikit-learn's k-means++ start ({@link Initialisation#sklearnKMeansPlusPlus}) and its greedy sampling
 * ({@link KMeansPlusPlus#greedyCentres}).
 */
class SklearnKMeansPlusPlusTest {

    private static final double REG_COVAR = EmSettings.DEFAULT_REG_COVAR;

    /**
     * How far below the optimum's per-point log-likelihood a run may end and still count as reaching it.
     * On the eight-blob set below the nearest other fixed point EM reaches is 0.07 per point lower (two blobs
     * under one component, one blob split in two), and converged runs to the optimum end within 10⁻⁵ of it
     * (the tolerance is 10⁻⁶ per iteration): 10⁻³ lies far from both.
     */
    private static final double REACHED = 1e-3;

    /** The number of single starts per method in the blob test: enough for counts of tens. */
    private static final int STARTS = 40;

    @Test
    void theTrialsAreTwoPlusTheFloorOfLnK() {
        // ln 2 = 0.69, ln 3 = 1.10, ln 7 = 1.95, ln 8 = 2.08, ln 20 = 3.00, ln 21 = 3.04
        assertEquals(2, KMeansPlusPlus.greedyTrials(1));
        assertEquals(2, KMeansPlusPlus.greedyTrials(2));
        assertEquals(3, KMeansPlusPlus.greedyTrials(3));
        assertEquals(3, KMeansPlusPlus.greedyTrials(7));
        assertEquals(4, KMeansPlusPlus.greedyTrials(8));
        assertEquals(4, KMeansPlusPlus.greedyTrials(20));
        assertEquals(5, KMeansPlusPlus.greedyTrials(21));
    }

    @Test
    void theMeansAreDistinctDataPointsWithRegCovarCovariancesAndEqualWeights() {
        SplittableRandom random = new SplittableRandom(0x5C1EL);
        for (int c = 0; c < 20; c++) {
            var scenario = Generators.scenario(random, Spec.multivariate());
            DataMatrix data = scenario.data();
            int k = scenario.truth().components();
            int d = data.columns();
            GaussianMixture start = InitMethod.SKLEARN_K_MEANS_PLUS_PLUS.start(data, k, random.nextLong(), REG_COVAR);
            for (int j = 0; j < k; j++) {
                assertEquals(1.0 / k, start.weight(j), 0.0, "case " + c);
                double[] mean = new double[d];
                for (int a = 0; a < d; a++) {
                    mean[a] = start.mean(j, a);
                    for (int b = 0; b < d; b++) {
                        assertEquals(a == b ? REG_COVAR : 0.0, start.covariance(j, a, b), 0.0, "case " + c);
                    }
                }
                assertTrue(isARow(data, mean), "case " + c + ": mean " + j + " is not a data point");
                for (int other = 0; other < j; other++) {
                    boolean same = true;
                    for (int a = 0; a < d; a++) {
                        same &= start.mean(other, a) == mean[a];
                    }
                    assertFalse(same, "case " + c + ": means " + other + " and " + j + " coincide");
                }
            }
        }
    }

    @Test
    void aPointOfWeightZeroIsNeverACentre() {
        // Five points on a line, the far one of weight 0: D² sampling alone would pick it almost always.
        DataMatrix data = DataMatrix.ofRows(new double[][] {{0}, {1}, {2}, {3}, {1000}})
                .withSampleWeights(new double[] {1, 1, 1, 1, 0});
        for (long seed = 0; seed < 30; seed++) {
            double[] centres = KMeansPlusPlus.greedyCentres(data, 3, seed, false);
            for (double centre : centres) {
                assertTrue(centre < 1000, "seed " + seed);
            }
        }
    }

    @Test
    void aZeroRegCovarIsRefusedWithOneLine() {
        DataMatrix data = DataMatrix.ofRows(new double[][] {{0}, {1}, {2}, {3}});
        DataException e = assertThrows(DataException.class,
                () -> InitMethod.SKLEARN_K_MEANS_PLUS_PLUS.start(data, 2, 1, 0.0));
        assertTrue(e.getMessage().contains("positive --reg-covar"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void theSameSeedGivesTheSameCentres() {
        DataMatrix data = Generators.scenario(new SplittableRandom(0x5C1FL), Spec.multivariate()).data();
        assertArrayEquals(KMeansPlusPlus.greedyCentres(data, 3, 9, false),
                KMeansPlusPlus.greedyCentres(data, 3, 9, false));
    }

    /**
     * Eight unit-variance blobs on a 4 × 2 grid, 6 apart, 800 points: single starts of EM from each k-means++
     * start, counted when they end at the optimum, the fit from the true parameters. A start that puts two
     * centres in one blob leaves another blob to share a component, a local optimum EM rarely leaves; greedy
     * sampling makes that rarer, so scikit-learn's start must reach the optimum at least as often as the plain
     * one.
     */
    @Test
    void onEightBlobsTheGreedyStartReachesTheOptimumAtLeastAsOftenAsThePlainOne() {
        int k = 8;
        double[] weights = new double[k];
        double[][] means = new double[k][];
        double[][][] covariances = new double[k][][];
        for (int j = 0; j < k; j++) {
            weights[j] = 1.0 / k;
            means[j] = new double[] {6.0 * (j % 4), 6.0 * (j / 4)};
            covariances[j] = new double[][] {{1, 0}, {0, 1}};
        }
        GaussianMixture truth = GaussianMixture.of(weights, means, covariances);
        DataMatrix data = MixtureSampler.sample(truth, 800, 1).data();
        EmSettings settings = new EmSettings(1000, EmSettings.DEFAULT_TOLERANCE, REG_COVAR);
        VectorisedEm em = new VectorisedEm(1);
        double optimum = em.fit(data, truth, settings).logLikelihood() / data.rows();
        int plain = 0;
        int greedy = 0;
        for (long seed = 0; seed < STARTS; seed++) {
            GaussianMixture plainStart = InitMethod.K_MEANS_PLUS_PLUS.start(data, k, seed, REG_COVAR);
            GaussianMixture greedyStart = InitMethod.SKLEARN_K_MEANS_PLUS_PLUS.start(data, k, seed, REG_COVAR);
            plain += em.fit(data, plainStart, settings).logLikelihood() / data.rows() > optimum - REACHED ? 1 : 0;
            greedy += em.fit(data, greedyStart, settings).logLikelihood() / data.rows() > optimum - REACHED ? 1 : 0;
        }
        assertTrue(greedy >= plain, "greedy reached the optimum " + greedy + " times, plain " + plain);
        assertTrue(greedy > 0, "no greedy start reached the optimum: the optimum is not the one to count");
    }

    private static boolean isARow(DataMatrix data, double[] point) {
        for (int i = 0; i < data.rows(); i++) {
            if (java.util.Arrays.equals(data.row(i), point)) {
                return true;
            }
        }
        return false;
    }
}
