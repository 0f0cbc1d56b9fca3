package org.emgmm.grading;

import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.MixtureSampler;
import org.emgmm.data.NotebookSetups;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Initialisation;
import org.emgmm.exercises.Ex9Bic;
import org.emgmm.model.GaussianMixture;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Graded: exercise 9, choosing K by BIC ({@link Ex9Bic}). */
@Exercise(9)
@DisplayName("Exercise 9: choosing K by BIC")
class Exercise9Test {

    private static final EmAlgorithm LIBRARY = new VectorisedEm();
    private static final EmSettings SETTINGS = EmSettings.defaults();
    /** The seed of every start; any would do, as the test computes the expected choice with the same one. */
    private static final long START_SEED = 3;

    private static int freeParameters(int k, int d) {
        return StudentCode.call("Ex9Bic.freeParameters(K = " + k + ", D = " + d + ")",
                () -> Ex9Bic.freeParameters(k, d));
    }

    private static double bic(EmResult fit, String what) {
        return StudentCode.call("Ex9Bic.bic(" + what + ")", () -> Ex9Bic.bic(fit));
    }

    /** The test's own BIC choice: fit every K from the same seeded start, keep the first lowest. */
    private static int lowestBic(DataMatrix data, int min, int max) {
        int best = min;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int k = min; k <= max; k++) {
            EmResult fit = LIBRARY.fit(data, Initialisation.randomPoints(data, k, START_SEED), SETTINGS);
            int d = data.columns();
            // Counted afresh: K − 1 weights, K·D means, K·D(D+1)/2 covariance entries.
            int p = (k - 1) + k * d + k * d * (d + 1) / 2;
            double value = -2.0 * fit.logLikelihood() + p * Math.log(data.rows());
            if (value < bestValue) {
                best = k;
                bestValue = value;
            }
        }
        return best;
    }

    private static int choose(DataMatrix data, int min, int max, String what) {
        return StudentCode.call("Ex9Bic.chooseComponents(" + what + ", K from " + min + " to " + max + ")",
                () -> Ex9Bic.chooseComponents(data, min, max, LIBRARY, SETTINGS, START_SEED));
    }

    @Test
    @Order(1)
    @Points(3)
    @DisplayName("freeParameters counts K − 1 weights, K·D means, K·D(D+1)/2 covariance entries")
    void freeParameters() {
        // K = 1, D = 1: 0 + 1 + 1 = 2 (a mean and a variance). K = 3, D = 2: 2 + 6 + 3·3 = 17.
        // K = 2, D = 4: 1 + 8 + 2·10 = 29. K = 5, D = 3: 4 + 15 + 5·6 = 49.
        int[][] cases = {{1, 1, 2}, {3, 2, 17}, {2, 4, 29}, {5, 3, 49}};
        for (int[] row : cases) {
            int actual = freeParameters(row[0], row[1]);
            Expect.that(actual == row[2], "freeParameters(K = " + row[0] + ", D = " + row[1] + ")", row[2], actual,
                    "(K − 1) + K·D + K·D(D+1)/2: the weights sum to 1, a covariance is symmetric");
        }
        for (int k = 1; k <= 10; k++) {
            for (int d = 1; d <= 10; d++) {
                // Count the entries on and below the diagonal of a D×D matrix one by one.
                int triangle = 0;
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b <= a; b++) {
                        triangle++;
                    }
                }
                int expected = (k - 1) + k * d + k * triangle;
                int actual = freeParameters(k, d);
                Expect.that(actual == expected, "freeParameters(K = " + k + ", D = " + d + ")", expected, actual,
                        "(K − 1) + K·D + K·D(D+1)/2");
            }
        }
    }

    @Test
    @Order(2)
    @Points(3)
    @DisplayName("bic is −2 L + p log N with the total log-likelihood")
    void bicFormula() {
        // A hand-made result: 100 points with mean log-likelihood −1.5, so L = −150, for K = 1, D = 1 (p = 2):
        // BIC = −2·(−150) + 2 log 100 = 300 + 2 log 100 ≈ 309.21.
        GaussianMixture single = GaussianMixture.of(new double[] {1.0}, new double[][] {{0.0}},
                new double[][][] {{{1.0}}});
        EmResult made = new EmResult("hand-made", single, new double[] {-1.5}, 0, false, new int[0], 100, 0L);
        Expect.close(300.0 + 2.0 * Math.log(100.0), bic(made, "L = −150, N = 100, K = 1, D = 1"), 1e-12,
                "BIC of a result with L = −150, N = 100, p = 2",
                "−2 × the TOTAL log-likelihood (fit.logLikelihood(), not the trace's mean) + p × natural log N");

        DataMatrix data = NotebookSetups.byName("seed-001").draw(1).data();
        for (int k = 1; k <= 4; k++) {
            EmResult fit = LIBRARY.fit(data, Initialisation.randomPoints(data, k, START_SEED), SETTINGS);
            int p = (k - 1) + 2 * k + 3 * k; // D = 2: K − 1 weights, 2K mean values, 3K covariance entries
            double expected = -2.0 * fit.logLikelihood() + p * Math.log(data.rows());
            Expect.close(expected, bic(fit, "seed 001's blobs fitted with K = " + k), 1e-12,
                    "BIC of a K = " + k + " fit to seed 001's 300 points",
                    "use fit.logLikelihood(), fit.points() and the model's K and D");
        }
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("chooseComponents finds the three blobs of seed 001")
    void chooseThreeBlobs() {
        DataMatrix data = NotebookSetups.byName("seed-001").draw(1).data();
        int expected = lowestBic(data, 1, 5);
        Expect.that(expected == 3, "(test premise) the library's lowest BIC for seed 001", 3, expected,
                "this test's data or seed needs changing: tell your instructor");
        int actual = choose(data, 1, 5, "seed 001's three blobs");
        Expect.that(actual == expected, "K chosen for seed 001's three blobs", expected, actual,
                "fit every K in the range from Initialisation.randomPoints(data, K, seed) and keep the LOWEST BIC");
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("chooseComponents finds one component in one Gaussian")
    void chooseOneComponent() {
        GaussianMixture one = GaussianMixture.of(new double[] {1.0}, new double[][] {{2.0, -1.0}},
                new double[][][] {{{2.0, 0.6}, {0.6, 1.0}}});
        DataMatrix data = MixtureSampler.sample(one, 300, 9).data();
        int expected = lowestBic(data, 1, 4);
        Expect.that(expected == 1, "(test premise) the library's lowest BIC for one Gaussian", 1, expected,
                "this test's data or seed needs changing: tell your instructor");
        int actual = choose(data, 1, 4, "300 points from one Gaussian");
        Expect.that(actual == expected, "K chosen for 300 points from one Gaussian", expected, actual,
                "the penalty p log N must win against the small gain in L from extra components; lower BIC is"
                        + " better");
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("chooseComponents agrees with the lowest BIC over other ranges")
    void agreesWithTheLowestBic() {
        DataMatrix seed002 = NotebookSetups.byName("seed-002").draw(2).data();
        int expected = lowestBic(seed002, 2, 4);
        int actual = choose(seed002, 2, 4, "seed 002's data");
        Expect.that(actual == expected, "K chosen for seed 002's data, K from 2 to 4", expected, actual,
                "start at minComponents, end at maxComponents (inclusive), keep the first K with the lowest BIC");
        GaussianMixture two = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0.0}, {4.0}},
                new double[][][] {{{1.0}}, {{1.0}}});
        DataMatrix line = MixtureSampler.sample(two, 400, new SplittableRandom(5).nextLong()).data();
        expected = lowestBic(line, 1, 3);
        actual = choose(line, 1, 3, "400 points from two normals 4 apart");
        Expect.that(actual == expected, "K chosen for two normals 4 apart, K from 1 to 3", expected, actual,
                "the same procedure, in one dimension");
    }
}
