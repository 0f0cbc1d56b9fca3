package org.emgmm.em;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.emgmm.data.DataException;
import org.emgmm.data.DataMatrix;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.EmChecks;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Scenario;
import org.emgmm.testing.Generators.Spec;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.Test;

/**
 * The start methods ({@link InitMethod}), k-means++ ({@link KMeansPlusPlus}) and Lloyd's algorithm
 * ({@link Lloyd}), on scenarios from {@link Generators} with fixed seeds.
 */
class InitialisationTest {

    private static final double REG_COVAR = EmSettings.DEFAULT_REG_COVAR;

    /**
     * Half-width of the frequency test's band in binomial standard deviations: a correct draw misses it
     * with probability below 10⁻⁶ (normal approximation), and the seeds are fixed, so the counts are too.
     */
    private static final double SIGMAS = 5.0;

    private static DataMatrix line(double... values) {
        double[][] rows = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new double[] {values[i]};
        }
        return DataMatrix.ofRows(rows);
    }

    @Test
    void everyMethodIsDeterministicPerSeedAndGivesAValidMixture() {
        SplittableRandom random = new SplittableRandom(0x1A17L);
        for (int c = 0; c < 25; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate());
            DataMatrix data = scenario.data();
            int k = scenario.truth().components();
            long seed = random.nextLong();
            for (InitMethod method : InitMethod.values()) {
                GaussianMixture first = method.start(data, k, seed, REG_COVAR);
                GaussianMixture again = method.start(data, k, seed, REG_COVAR);
                assertEquals(first, again, method.label() + ", case " + c + ": the same seed twice");
                assertEquals(k, first.components(), method.label());
                assertEquals(data.columns(), first.dimension(), method.label());
                EmChecks.weightsSumToOne(first);
                EmChecks.covariancesSymmetricPositiveDefinite(first);
            }
        }
    }

    @Test
    void seededMethodsDependOnTheSeed() {
        DataMatrix data = Generators.scenario(new SplittableRandom(0x1A18L), Spec.multivariate().withComponents(3, 3))
                .data();
        for (InitMethod method : List.of(InitMethod.RANDOM_POINTS, InitMethod.RANDOM_RESPONSIBILITIES,
                InitMethod.K_MEANS_PLUS_PLUS)) {
            Set<GaussianMixture> seen = new HashSet<>();
            for (long seed = 0; seed < 10; seed++) {
                seen.add(method.start(data, 3, seed, REG_COVAR));
            }
            assertTrue(seen.size() > 1, method.label() + " ignores the seed");
        }
    }

    @Test
    void clusterStartsTakeWeightsMeansAndCovariancesFromTheirClusters() {
        // Two groups on a line, far apart: {0, 1, 2} and {100, 101, 102, 103}. Every k-means++ draw puts one centre
        // in each group (after a centre in one group, the other group holds over 99.9% of Σ D²) — but not for every
        // seed, so only the seeds that did are checked, and there are many of them.
        DataMatrix data = line(0, 1, 2, 100, 101, 102, 103);
        int checked = 0;
        for (long seed = 0; seed < 50; seed++) {
            double[] centres = KMeansPlusPlus.centres(data, 2, seed);
            if ((centres[0] < 50) == (centres[1] < 50)) {
                continue;
            }
            checked++;
            for (InitMethod method : List.of(InitMethod.K_MEANS_PLUS_PLUS, InitMethod.KMEANS)) {
                GaussianMixture start = method.start(data, 2, seed, REG_COVAR);
                int low = start.mean(0, 0) < 50 ? 0 : 1;
                int high = 1 - low;
                assertEquals(3.0 / 7, start.weight(low), 1e-15, method.label());
                assertEquals(4.0 / 7, start.weight(high), 1e-15, method.label());
                assertEquals(1.0, start.mean(low, 0), 1e-12, method.label());
                assertEquals(101.5, start.mean(high, 0), 1e-12, method.label());
                assertEquals(2.0 / 3 + REG_COVAR, start.covariance(low, 0, 0), 1e-12, method.label());
                assertEquals(5.0 / 4 + REG_COVAR, start.covariance(high, 0, 0), 1e-12, method.label());
            }
        }
        assertTrue(checked > 40, "seeds that split the groups: " + checked);
    }

    @Test
    void aClusterWithTooFewPointsTakesTheDataCovariance() {
        // K = 3 on {0, 1, 2} and one far point 50: whenever 50 is a centre its cluster has 1 < D + 1 = 2 points.
        DataMatrix data = line(0, 1, 2, 50);
        double dataVariance = data.covariance()[0];
        for (long seed = 0; seed < 20; seed++) {
            GaussianMixture start = InitMethod.KMEANS.start(data, 3, seed, REG_COVAR);
            for (int k = 0; k < 3; k++) {
                if (start.weight(k) == 0.25) {
                    assertEquals(dataVariance + REG_COVAR, start.covariance(k, 0, 0), 1e-12);
                }
            }
            EmChecks.covariancesSymmetricPositiveDefinite(start);
        }
    }

    @Test
    void kMeansPlusPlusCentresAreDistinctDataPoints() {
        SplittableRandom random = new SplittableRandom(0x1A19L);
        for (int c = 0; c < 25; c++) {
            DataMatrix base = Generators.scenario(random, Spec.multivariate()).data();
            int[] order = new int[base.rows() + Math.min(10, base.rows())];
            for (int i = 0; i < order.length; i++) {
                order[i] = i % base.rows(); // the first rows twice, so that a duplicate could be chosen
            }
            DataMatrix data = base.withRows(order);
            int d = data.columns();
            int k = 1 + random.nextInt(5);
            double[] centres = KMeansPlusPlus.centres(data, k, random.nextLong());
            Set<List<Double>> points = new HashSet<>();
            for (int i = 0; i < data.rows(); i++) {
                points.add(Arrays.stream(data.row(i)).boxed().toList());
            }
            Set<List<Double>> chosen = new HashSet<>();
            for (int centre = 0; centre < k; centre++) {
                List<Double> value = Arrays.stream(Arrays.copyOfRange(centres, centre * d, (centre + 1) * d)).boxed()
                        .toList();
                assertTrue(points.contains(value), "centre " + centre + " is a data point");
                assertTrue(chosen.add(value), "centre " + centre + " was chosen before");
            }
        }
    }

    @Test
    void kMeansPlusPlusFirstCentreIsUniformAndLaterOnesFollowSquaredDistance() {
        // Data 0, 1, 3, K = 2, seeds 0 … 5999. First centre: each point with probability 1/3. Second centre given
        // the first f: probability D²(x)/Σ D², D² to f: after 0, (0, 1, 9)/10; after 1, (1, 0, 4)/5; after 3,
        // (9, 4, 0)/13. (Weighting by D would give 0.25/0.75 after 0, uniform 0.5/0.5.) Each count c of n draws
        // of probability p is checked against n·p ± SIGMAS·√(n·p·(1 − p)).
        double[] values = {0.0, 1.0, 3.0};
        DataMatrix data = line(values);
        int draws = 6000;
        int[] firsts = new int[3];
        int[][] pairs = new int[3][3];
        for (long seed = 0; seed < draws; seed++) {
            double[] centres = KMeansPlusPlus.centres(data, 2, seed);
            int first = indexOf(values, centres[0]);
            firsts[first]++;
            pairs[first][indexOf(values, centres[1])]++;
        }
        for (int i = 0; i < 3; i++) {
            binomial(firsts[i], draws, 1.0 / 3, "first centre " + values[i]);
        }
        double[][] expected = {{0, 0.1, 0.9}, {0.2, 0, 0.8}, {9.0 / 13, 4.0 / 13, 0}};
        for (int f = 0; f < 3; f++) {
            int n = Arrays.stream(pairs[f]).sum();
            for (int s = 0; s < 3; s++) {
                binomial(pairs[f][s], n, expected[f][s], "second centre " + values[s] + " after " + values[f]);
            }
        }
    }

    @Test
    void kMeansPlusPlusMeasuresFromTheNearestCentre() {
        // Data 0, 2, 3, 10, K = 3. After 0 and 10 (in either order), D² = (0, 4, 9, 0): 2 with probability 4/13.
        double[] values = {0.0, 2.0, 3.0, 10.0};
        DataMatrix data = line(values);
        int n = 0;
        int twos = 0;
        for (long seed = 0; seed < 8000; seed++) {
            double[] centres = KMeansPlusPlus.centres(data, 3, seed);
            double low = Math.min(centres[0], centres[1]);
            double high = Math.max(centres[0], centres[1]);
            if (low == 0.0 && high == 10.0) {
                n++;
                twos += centres[2] == 2.0 ? 1 : 0;
            }
        }
        assertTrue(n > 500, "draws starting with 0 and 10: " + n);
        binomial(twos, n, 4.0 / 13, "third centre 2 after 0 and 10");
    }

    @Test
    void kMeansPlusPlusOnATinyExampleMatchesTheDrawByHand() {
        // Three copies of 0 and one 10: after a 0 only 10 has D² > 0, after 10 every 0 has D² = 100 and 10 has 0.
        DataMatrix data = line(0, 0, 0, 10);
        for (long seed = 0; seed < 100; seed++) {
            double[] centres = KMeansPlusPlus.centres(data, 2, seed);
            double[] sorted = centres.clone();
            Arrays.sort(sorted);
            assertArrayEquals(new double[] {0, 10}, sorted, "seed " + seed);
            // The first centre is x[nextInt(4)] of the seed's generator.
            assertEquals(new SplittableRandom(seed).nextInt(4) == 3 ? 10.0 : 0.0, centres[0], "seed " + seed);
        }
        assertThrows(DataException.class, () -> KMeansPlusPlus.centres(line(1, 1, 1), 2, 0L));
        assertThrows(DataException.class, () -> KMeansPlusPlus.centres(line(1, 2), 0, 0L));
        assertThrows(DataException.class, () -> KMeansPlusPlus.centres(line(1, 2), 3, 0L));
    }

    @Test
    void lloydNeverIncreasesTheWithinClusterSumOfSquares() {
        SplittableRandom random = new SplittableRandom(0x1A1AL);
        for (int c = 0; c < 30; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate());
            DataMatrix data = scenario.data();
            int k = 1 + random.nextInt(5);
            // Start from uniformly drawn points as well as k-means++, so that there is work to do.
            double[] centres = c % 2 == 0 ? KMeansPlusPlus.centres(data, k, random.nextLong())
                    : Initialisation.randomPoints(data, k, random.nextLong()).flatMeans();
            Lloyd.Result result = Lloyd.run(data, centres, k, Lloyd.DEFAULT_MAX_ITERATIONS);
            double[] sums = result.sumsOfSquares();
            assertEquals(result.iterations() + 1, sums.length);
            for (int t = 1; t < sums.length; t++) {
                assertTrue(sums[t] <= sums[t - 1], "case " + c + ": W rose from " + sums[t - 1] + " to " + sums[t]
                        + " in round " + t);
            }
            int[] nearest = new int[data.rows()];
            assertEquals(sums[sums.length - 1], Lloyd.assign(data, result.centres(), k, nearest), 0.0);
            assertArrayEquals(nearest, result.assignments(), "the assignments belong to the returned centres");
        }
    }

    @Test
    void maxIterZeroReturnsTheInitialParameters() {
        SplittableRandom random = new SplittableRandom(0x1A1BL);
        for (int c = 0; c < 5; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate());
            int k = scenario.truth().components();
            for (InitMethod method : InitMethod.values()) {
                GaussianMixture start = method.start(scenario.data(), k, c, REG_COVAR);
                EmResult result = new VectorisedEm(1).fit(scenario.data(), start,
                        new EmSettings(0, EmSettings.DEFAULT_TOLERANCE, REG_COVAR));
                assertEquals(start, result.model(), method.label());
                assertEquals(0, result.iterations());
                assertEquals(1, result.trace().length);
                Restarts.Best best = Restarts.run(new VectorisedEm(1), scenario.data(),
                        seed -> method.start(scenario.data(), k, seed, REG_COVAR),
                        new EmSettings(0, EmSettings.DEFAULT_TOLERANCE, REG_COVAR), c, 3);
                assertEquals(best.start(), best.result().model(), method.label() + " with restarts");
            }
        }
    }

    @Test
    void unknownMethodNamesTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InitMethod.byLabel("psychic"));
        assertTrue(e.getMessage().contains("random-points, random-responsibilities, k-means++, kmeans"),
                e.getMessage());
        assertNotEquals(InitMethod.KMEANS, InitMethod.byLabel("k-means++"));
    }

    private static int indexOf(double[] values, double v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        throw new AssertionError(v + " is not a data point");
    }

    private static void binomial(int count, int n, double p, String what) {
        double mean = n * p;
        double band = SIGMAS * Math.sqrt(n * p * (1.0 - p));
        assertTrue(Math.abs(count - mean) <= band, what + ": " + count + " of " + n + ", expected " + mean + " ± "
                + band);
    }
}
