package org.emgmm.grading;

import java.util.ArrayList;
import java.util.List;
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

    /** Ex9Bic.freeParameters. */
    @FunctionalInterface
    interface FreeParameters {
        int of(int components, int dimension);
    }

    /** Ex9Bic.bic. */
    @FunctionalInterface
    interface Bic {
        double of(EmResult fit);
    }

    /** Ex9Bic.chooseComponents, with this test's algorithm, settings and seed. */
    @FunctionalInterface
    interface Choose {
        int of(DataMatrix data, int min, int max);
    }

    /** The student's methods, called through {@link StudentCode}. */
    static final FreeParameters FREE_PARAMETERS = (k, d) -> StudentCode.call("Ex9Bic.freeParameters(K = " + k
            + ", D = " + d + ")", () -> Ex9Bic.freeParameters(k, d));
    static final Bic BIC = fit -> StudentCode.call("Ex9Bic.bic(K = " + fit.model().components() + ", N = "
            + fit.points() + ")", () -> Ex9Bic.bic(fit));
    static final Choose CHOOSE = (data, min, max) -> StudentCode.call("Ex9Bic.chooseComponents(K from " + min
            + " to " + max + ")", () -> Ex9Bic.chooseComponents(data, min, max, LIBRARY, SETTINGS, START_SEED));

    /** K − 1 weights, K·D means, K·D(D+1)/2 covariance entries: counted afresh. */
    private static int parameters(int k, int d) {
        return (k - 1) + k * d + k * d * (d + 1) / 2;
    }

    /** The BIC of every K from min to max (index K − min), each fitted from the same seeded start. */
    private static double[] bics(DataMatrix data, int min, int max) {
        double[] values = new double[max - min + 1];
        for (int k = min; k <= max; k++) {
            EmResult fit = LIBRARY.fit(data, Initialisation.randomPoints(data, k, START_SEED), SETTINGS);
            values[k - min] = -2.0 * fit.logLikelihood() + parameters(k, data.columns()) * Math.log(data.rows());
        }
        return values;
    }

    /** The first K from {@code from} to {@code to} with the lowest (or, {@code highest}, the highest) BIC. */
    private static int best(double[] bics, int min, int from, int to, boolean highest) {
        int best = from;
        for (int k = from; k <= to; k++) {
            double value = bics[k - min];
            if (highest ? value > bics[best - min] : value < bics[best - min]) {
                best = k;
            }
        }
        return best;
    }

    /** The test's own BIC choice: fit every K from the same seeded start, keep the first lowest. */
    private static int lowestBic(DataMatrix data, int min, int max) {
        return best(bics(data, min, max), min, min, max, false);
    }

    /**
     * What a wrong choice of K says: "see 9.1/9.2 first" when freeParameters or bic is wrong (the choice
     * compares bic's values), else the known mistake it matches (the highest BIC, a K left out of the
     * range by an off-by-one), else {@code check}.
     */
    static String chooseHint(DataMatrix data, int min, int max, int expected, int actual, FreeParameters free,
            Bic bic, String check) {
        int d = data.columns();
        for (int k = min; k <= max; k++) {
            int components = k;
            int p = safely(() -> free.of(components, d));
            if (p != parameters(k, d)) {
                return "see 9.1 first: freeParameters(" + k + ", " + d + ") gives " + p + " where it is "
                        + parameters(k, d) + ", and chooseComponents compares BIC values built on it";
            }
        }
        double[] values = bics(data, min, max);
        for (int k = min; k <= max; k++) {
            EmResult fit = LIBRARY.fit(data, Initialisation.randomPoints(data, k, START_SEED), SETTINGS);
            double theirs = safely(() -> bic.of(fit));  // NaN when the call fails
            if (!Expect.isClose(values[k - min], theirs, 1e-12)) {
                return "see 9.2 first: bic gives " + Expect.format(theirs) + " for the K = " + k + " fit, where −2 L"
                        + " + p log N is " + Expect.format(values[k - min]) + ", and chooseComponents compares those";
            }
        }
        List<KnownMistakes.Mistake> suspects = new ArrayList<>();
        suspects.add(KnownMistakes.Mistake.of("the K with the HIGHEST BIC: with BIC = −2 L + p log N lower is better",
                best(values, min, min, max, true)));
        if (max > min) {
            suspects.add(KnownMistakes.Mistake.of("the lowest BIC with K = " + max + " left out: an off-by-one in the"
                    + " loop bound (K runs to maxComponents inclusive)", best(values, min, min, max - 1, false)));
            suspects.add(KnownMistakes.Mistake.of("the lowest BIC with K = " + min + " left out: an off-by-one in the"
                    + " loop bound (K starts at minComponents)", best(values, min, min + 1, max, false)));
        }
        return KnownMistakes.hint(KnownMistakes.identify(expected, actual, 0.0, suspects), check);
    }

    /** A student's count, or −1 when the call fails: only to explain another failure. */
    private static int safely(java.util.function.IntSupplier call) {
        try {
            return call.getAsInt();
        } catch (AssertionError | RuntimeException e) {
            return -1;
        }
    }

    /** A student's value, or NaN when the call fails: only to explain another failure. */
    private static double safely(java.util.function.DoubleSupplier call) {
        try {
            return call.getAsDouble();
        } catch (AssertionError | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** A wrong count that matches a known miscount. */
    private static List<KnownMistakes.Mistake> miscounts(int k, int d) {
        return List.of(
                KnownMistakes.Mistake.of("K weights counted where only K − 1 are free (they sum to 1)",
                        parameters(k, d) + 1),
                KnownMistakes.Mistake.of("D² entries counted per covariance where a symmetric one has D(D+1)/2",
                        (k - 1) + k * d + k * d * d),
                KnownMistakes.Mistake.of("the K·D mean values left out", (k - 1) + k * d * (d + 1) / 2));
    }

    @Test
    @Order(1)
    @Points(3)
    @DisplayName("freeParameters counts K − 1 weights, K·D means, K·D(D+1)/2 covariance entries")
    void freeParameters() {
        freeParameters(FREE_PARAMETERS);
    }

    static void freeParameters(FreeParameters free) {
        // K = 1, D = 1: 0 + 1 + 1 = 2 (a mean and a variance). K = 3, D = 2: 2 + 6 + 3·3 = 17.
        // K = 2, D = 4: 1 + 8 + 2·10 = 29. K = 5, D = 3: 4 + 15 + 5·6 = 49.
        int[][] cases = {{1, 1, 2}, {3, 2, 17}, {2, 4, 29}, {5, 3, 49}};
        for (int[] row : cases) {
            int actual = free.of(row[0], row[1]);
            Expect.close(row[2], actual, 0.0, "freeParameters(K = " + row[0] + ", D = " + row[1] + ")",
                    "(K − 1) + K·D + K·D(D+1)/2: the weights sum to 1, a covariance is symmetric",
                    miscounts(row[0], row[1]));
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
                int actual = free.of(k, d);
                Expect.close(expected, actual, 0.0, "freeParameters(K = " + k + ", D = " + d + ")",
                        "(K − 1) + K·D + K·D(D+1)/2", miscounts(k, d));
            }
        }
    }

    @Test
    @Order(2)
    @Points(3)
    @DisplayName("bic is −2 L + p log N with the total log-likelihood")
    void bicFormula() {
        bicFormula(BIC);
    }

    static void bicFormula(Bic bic) {
        // A hand-made result: 100 points with mean log-likelihood −1.5, so L = −150, for K = 1, D = 1 (p = 2):
        // BIC = −2·(−150) + 2 log 100 = 300 + 2 log 100 ≈ 309.21.
        GaussianMixture single = GaussianMixture.of(new double[] {1.0}, new double[][] {{0.0}},
                new double[][][] {{{1.0}}});
        EmResult made = new EmResult("hand-made", single, new double[] {-1.5}, 0, false, new int[0], 100, 0L);
        // Known slips: the mean −1.5 for L gives 3 + 2 log 100; log₁₀ gives 300 + 2·2; BIC = 2L − p log N
        // (to be maximised) flips the sign; p off by one (see 9.1) gives 300 + (2 ± 1) log 100.
        List<KnownMistakes.Mistake> suspects = new ArrayList<>(List.of(KnownMistakes.SIGN_FLIPPED,
                KnownMistakes.Mistake.of("what the mean log-likelihood −1.5 (the trace's last entry) gives where the"
                        + " total L = −150 belongs", 3.0 + 2.0 * Math.log(100.0)),
                KnownMistakes.Mistake.of("what log₁₀ N gives where the natural log N belongs", 300.0 + 2.0 * 2.0),
                KnownMistakes.Mistake.of("what p = 3 gives where p = 2: see 9.1 first", 300.0 + 3.0 * Math.log(100.0)),
                KnownMistakes.Mistake.of("what p = 1 gives where p = 2: see 9.1 first", 300.0 + Math.log(100.0))));
        Expect.close(300.0 + 2.0 * Math.log(100.0), bic.of(made), 1e-12,
                "BIC of a result with L = −150, N = 100, p = 2",
                "−2 × the total log-likelihood (fit.logLikelihood()) + p × the natural log of N = fit.points()",
                suspects);

        DataMatrix data = NotebookSetups.byName("seed-001").draw(1).data();
        for (int k = 1; k <= 4; k++) {
            EmResult fit = LIBRARY.fit(data, Initialisation.randomPoints(data, k, START_SEED), SETTINGS);
            int p = (k - 1) + 2 * k + 3 * k; // D = 2: K − 1 weights, 2K mean values, 3K covariance entries
            double expected = -2.0 * fit.logLikelihood() + p * Math.log(data.rows());
            double mean = -2.0 * fit.logLikelihood() / fit.points() + p * Math.log(data.rows());
            List<KnownMistakes.Mistake> slips = new ArrayList<>(List.of(KnownMistakes.SIGN_FLIPPED,
                    KnownMistakes.Mistake.of("what the mean log-likelihood L/N gives where the total L belongs", mean)));
            for (KnownMistakes.Mistake miscount : miscounts(k, 2)) {
                int wrong = (int) miscount.effect().apply(new double[1])[0];
                slips.add(KnownMistakes.Mistake.of("what p = " + wrong + " gives where p = " + p + ": see 9.1 first",
                        -2.0 * fit.logLikelihood() + wrong * Math.log(data.rows())));
            }
            Expect.close(expected, bic.of(fit), 1e-12, "BIC of a K = " + k + " fit to seed 001's 300 points",
                    "use fit.logLikelihood(), fit.points() and the model's K and D", slips);
        }
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("chooseComponents finds the three blobs of seed 001")
    void chooseThreeBlobs() {
        chooseThreeBlobs(CHOOSE, FREE_PARAMETERS, BIC);
    }

    static void chooseThreeBlobs(Choose choose, FreeParameters free, Bic bic) {
        DataMatrix data = NotebookSetups.byName("seed-001").draw(1).data();
        int expected = lowestBic(data, 1, 5);
        Expect.that(expected == 3, "(test premise) the library's lowest BIC for seed 001", 3, expected,
                "this test's data or seed needs changing: tell your instructor");
        int actual = choose.of(data, 1, 5);
        Expect.that(actual == expected, "K chosen for seed 001's three blobs", expected, actual,
                chooseHint(data, 1, 5, expected, actual, free, bic, "fit every K in the range from"
                        + " Initialisation.randomPoints(data, K, seed) with the given algorithm and settings, and keep"
                        + " the K with the lowest BIC"));
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("chooseComponents finds one component in one Gaussian")
    void chooseOneComponent() {
        chooseOneComponent(CHOOSE, FREE_PARAMETERS, BIC);
    }

    static void chooseOneComponent(Choose choose, FreeParameters free, Bic bic) {
        GaussianMixture one = GaussianMixture.of(new double[] {1.0}, new double[][] {{2.0, -1.0}},
                new double[][][] {{{2.0, 0.6}, {0.6, 1.0}}});
        DataMatrix data = MixtureSampler.sample(one, 300, 9).data();
        int expected = lowestBic(data, 1, 4);
        Expect.that(expected == 1, "(test premise) the library's lowest BIC for one Gaussian", 1, expected,
                "this test's data or seed needs changing: tell your instructor");
        int actual = choose.of(data, 1, 4);
        Expect.that(actual == expected, "K chosen for 300 points from one Gaussian", expected, actual,
                chooseHint(data, 1, 4, expected, actual, free, bic, "the penalty p log N outweighs the small gain in"
                        + " L from extra components here: compare the BIC of each K as computed by bic"));
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("chooseComponents agrees with the lowest BIC over other ranges")
    void agreesWithTheLowestBic() {
        agreesWithTheLowestBic(CHOOSE, FREE_PARAMETERS, BIC);
    }

    static void agreesWithTheLowestBic(Choose choose, FreeParameters free, Bic bic) {
        DataMatrix seed002 = NotebookSetups.byName("seed-002").draw(2).data();
        int expected = lowestBic(seed002, 2, 4);
        int actual = choose.of(seed002, 2, 4);
        Expect.that(actual == expected, "K chosen for seed 002's data, K from 2 to 4", expected, actual,
                chooseHint(seed002, 2, 4, expected, actual, free, bic, "K runs from minComponents to maxComponents"
                        + " inclusive; keep the first K with the lowest BIC"));
        // Seed 001's three blobs again, with 3 at the top and at the bottom of the range: a loop that stops
        // one short of maxComponents, or starts one past minComponents, cannot find it.
        DataMatrix blobs = NotebookSetups.byName("seed-001").draw(1).data();
        for (int[] range : new int[][] {{1, 3}, {3, 5}}) {
            expected = lowestBic(blobs, range[0], range[1]);
            Expect.that(expected == 3, "(test premise) the library's lowest BIC for seed 001, K from " + range[0]
                    + " to " + range[1], 3, expected, "this test's data or seed needs changing: tell your instructor");
            actual = choose.of(blobs, range[0], range[1]);
            Expect.that(actual == expected, "K chosen for seed 001's three blobs, K from " + range[0] + " to "
                    + range[1], expected, actual, chooseHint(blobs, range[0], range[1], expected, actual, free, bic,
                            "K runs from minComponents to maxComponents, both included"));
        }
        GaussianMixture two = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0.0}, {4.0}},
                new double[][][] {{{1.0}}, {{1.0}}});
        DataMatrix line = MixtureSampler.sample(two, 400, new SplittableRandom(5).nextLong()).data();
        expected = lowestBic(line, 1, 3);
        actual = choose.of(line, 1, 3);
        Expect.that(actual == expected, "K chosen for two normals 4 apart, K from 1 to 3", expected, actual,
                chooseHint(line, 1, 3, expected, actual, free, bic, "the same procedure, in one dimension"));
    }
}
