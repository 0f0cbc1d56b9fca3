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
import org.emgmm.testing.Generators;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Graded: exercise 9, choosing K by BIC ({@link Ex9Bic}). The data are drawn from the run's seed
 * ({@link RunSeed}); where a test's point needs a particular answer (three blobs give K = 3), the data are
 * drawn until the library's own BIC choice is that answer, which the first draw almost always is. The
 * fits come from the library's {@link VectorisedEm}, which {@code chooseComponents} gets through a
 * {@link LentAlgorithm}: its {@code fit} and nothing else, and only during the call.
 */
@Exercise(9)
@DisplayName("Exercise 9: choosing K by BIC")
class Exercise9Test {

    private static final EmAlgorithm LIBRARY = new VectorisedEm();
    private static final EmSettings SETTINGS = EmSettings.defaults();

    /** How many data sets a test draws, at most, to find one on which its premise holds. */
    private static final int PREMISE_DRAWS = 10;

    /** Random (K, D) cases of freeParameters beyond the table of 9.1. */
    private static final int FORM_CASES = 50;

    /** The generator of one test's inputs. */
    static SplittableRandom random(String test) {
        return RunSeed.forTest(Exercise9Test.class, test);
    }

    /**
     * The seed of every start, drawn from the run's seed: any would do, as the test computes the expected
     * choice with the same one.
     *
     * @return the same seed for the whole run
     */
    static long startSeed() {
        return random("startSeed").nextLong();
    }

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
    static final Choose CHOOSE = (data, min, max) -> {
        try (LentAlgorithm fits = LentAlgorithm.fits(LIBRARY)) {
            long seed = startSeed();
            return StudentCode.call("Ex9Bic.chooseComponents(K from " + min + " to " + max + ", seed " + seed + ")",
                    () -> Ex9Bic.chooseComponents(data, min, max, fits, SETTINGS, seed));
        }
    };

    /** K − 1 weights, K·D means, K·D(D+1)/2 covariance entries: counted afresh. */
    private static int parameters(int k, int d) {
        return (k - 1) + k * d + k * d * (d + 1) / 2;
    }

    /** The BIC of every K from min to max (index K − min), each fitted from the same seeded start. */
    private static double[] bics(DataMatrix data, int min, int max) {
        double[] values = new double[max - min + 1];
        for (int k = min; k <= max; k++) {
            EmResult fit = LIBRARY.fit(data, Initialisation.randomPoints(data, k, startSeed()), SETTINGS);
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
     * The first of up to {@value #PREMISE_DRAWS} data sets from {@code draw} whose lowest BIC over every range
     * in {@code ranges} is {@code wanted}; a test premise that fails when none is (then the data or the
     * ranges need changing, not the student's code).
     */
    private static DataMatrix whereTheLowestBicIs(int wanted, java.util.function.Supplier<DataMatrix> draw,
            String what, int[]... ranges) {
        int found = -1;
        for (int attempt = 0; attempt < PREMISE_DRAWS; attempt++) {
            DataMatrix data = draw.get();
            boolean all = true;
            for (int[] range : ranges) {
                found = lowestBic(data, range[0], range[1]);
                all &= found == wanted;
            }
            if (all) {
                return data;
            }
        }
        throw Expect.failure("(test premise) the library's lowest BIC for " + what, wanted, found + " in "
                + PREMISE_DRAWS + " data sets", "this test's data need changing: tell your instructor");
    }

    /** The points of seed 001's setup (three blobs, 300 points), drawn from {@code random}. */
    private static DataMatrix seed001(SplittableRandom random) {
        return NotebookSetups.byName("seed-001").draw(random.nextLong()).data();
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
            EmResult fit = LIBRARY.fit(data, Initialisation.randomPoints(data, k, startSeed()), SETTINGS);
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
    @Points(2)
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
        // And beyond the table: K and D up to 60, drawn from the run's seed.
        SplittableRandom random = random("freeParameters");
        for (int c = 0; c < FORM_CASES; c++) {
            int k = 1 + random.nextInt(60);
            int d = 1 + random.nextInt(60);
            Expect.close(parameters(k, d), free.of(k, d), 0.0, "freeParameters(K = " + k + ", D = " + d + ")",
                    "(K − 1) + K·D + K·D(D+1)/2", miscounts(k, d));
        }
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("bic is −2 L + p log N with the total log-likelihood")
    void bicFormula() {
        bicFormula(BIC);
    }

    static void bicFormula(Bic bic) {
        SplittableRandom random = random("bicFormula");
        // A hand-made result: N points with mean log-likelihood m, so L = N·m, for a random K and D:
        // BIC = −2 N m + p log N with p = (K − 1) + K·D + K·D(D+1)/2.
        int n = 20 + random.nextInt(981);
        double m = -random.nextDouble(0.5, 5.0);
        int k = 1 + random.nextInt(3);
        int d = 1 + random.nextInt(3);
        int p = parameters(k, d);
        GaussianMixture model = Generators.mixture(random, d, k);
        EmResult made = new EmResult("hand-made", model, new double[] {m}, 0, false, new int[0], n, 0L);
        double expected = -2.0 * n * m + p * Math.log(n);
        // Known slips: the mean m for L gives −2m + p log N; log₁₀ gives −2Nm + p log₁₀ N; BIC = 2L − p log N
        // (to be maximised) flips the sign; p off by one (see 9.1) gives −2Nm + (p ± 1) log N.
        List<KnownMistakes.Mistake> suspects = new ArrayList<>(List.of(KnownMistakes.SIGN_FLIPPED,
                KnownMistakes.Mistake.of("what the mean log-likelihood (the trace's last entry) gives where the total"
                        + " L = N × mean belongs", -2.0 * m + p * Math.log(n)),
                KnownMistakes.Mistake.of("what log₁₀ N gives where the natural log N belongs",
                        -2.0 * n * m + p * Math.log10(n)),
                KnownMistakes.Mistake.of("what p + 1 gives where p = " + p + ": see 9.1 first",
                        -2.0 * n * m + (p + 1) * Math.log(n)),
                KnownMistakes.Mistake.of("what p − 1 gives where p = " + p + ": see 9.1 first",
                        -2.0 * n * m + (p - 1) * Math.log(n))));
        Expect.close(expected, bic.of(made), 1e-12, "BIC of a result with N = " + n + ", mean log-likelihood "
                + Expect.format(m) + " (L = " + Expect.format(n * m) + "), K = " + k + ", D = " + d
                + " (p = " + p + ")",
                "−2 × the total log-likelihood (fit.logLikelihood()) + p × the natural log of N = fit.points()",
                suspects);

        DataMatrix data = seed001(random);
        for (k = 1; k <= 4; k++) {
            EmResult fit = LIBRARY.fit(data, Initialisation.randomPoints(data, k, startSeed()), SETTINGS);
            p = parameters(k, 2); // D = 2: K − 1 weights, 2K mean values, 3K covariance entries
            expected = -2.0 * fit.logLikelihood() + p * Math.log(data.rows());
            double mean = -2.0 * fit.logLikelihood() / fit.points() + p * Math.log(data.rows());
            List<KnownMistakes.Mistake> slips = new ArrayList<>(List.of(KnownMistakes.SIGN_FLIPPED,
                    KnownMistakes.Mistake.of("what the mean log-likelihood L/N gives where the total L belongs",
                            mean)));
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
        SplittableRandom random = random("chooseThreeBlobs");
        DataMatrix data = whereTheLowestBicIs(3, () -> seed001(random), "seed 001's three blobs", new int[] {1, 5});
        int expected = 3;
        int actual = choose.of(data, 1, 5);
        Expect.that(actual == expected, "K chosen for seed 001's three blobs", expected, actual,
                chooseHint(data, 1, 5, expected, actual, free, bic, "fit every K in the range from"
                        + " Initialisation.randomPoints(data, K, seed) with the given algorithm and settings, and keep"
                        + " the K with the lowest BIC"));
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("chooseComponents finds one component in one Gaussian, two in two")
    void chooseOneComponent() {
        chooseOneComponent(CHOOSE, FREE_PARAMETERS, BIC);
    }

    static void chooseOneComponent(Choose choose, FreeParameters free, Bic bic) {
        // 200 to 400 points from one random Gaussian in two dimensions: K = 1. And as many from two Gaussians
        // well apart (Generators' separation): K = 2, so that the smallest K of the range is not always right.
        SplittableRandom random = random("chooseOneComponent");
        for (int components = 1; components <= 2; components++) {
            int truth = components;
            DataMatrix data = whereTheLowestBicIs(truth, () -> MixtureSampler.sample(Generators.mixture(random, 2,
                    truth), 200 + random.nextInt(201), random.nextLong()).data(), truth == 1 ? "one Gaussian"
                            : "two Gaussians well apart", new int[] {1, 4});
            int actual = choose.of(data, 1, 4);
            String what = truth == 1 ? "one Gaussian" : "two Gaussians well apart";
            Expect.that(actual == truth, "K chosen for " + data.rows() + " points from " + what + ", K from 1 to 4",
                    truth, actual, chooseHint(data, 1, 4, truth, actual, free, bic, truth == 1
                            ? "the penalty p log N outweighs the small gain in L from extra components here: compare"
                                    + " the BIC of each K as computed by bic"
                            : "fit every K in the range and keep the one with the lowest BIC: here two components fit"
                                    + " far better than one, and more gain too little for their penalty"));
        }
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("chooseComponents agrees with the lowest BIC over other ranges, and takes the smaller K on a tie")
    void agreesWithTheLowestBic() {
        agreesWithTheLowestBic(CHOOSE, FREE_PARAMETERS, BIC);
    }

    static void agreesWithTheLowestBic(Choose choose, FreeParameters free, Bic bic) {
        SplittableRandom random = random("agreesWithTheLowestBic");
        DataMatrix seed002 = NotebookSetups.byName("seed-002").draw(random.nextLong()).data();
        int expected = lowestBic(seed002, 2, 4);
        int actual = choose.of(seed002, 2, 4);
        Expect.that(actual == expected, "K chosen for seed 002's data, K from 2 to 4", expected, actual,
                chooseHint(seed002, 2, 4, expected, actual, free, bic, "K runs from minComponents to maxComponents"
                        + " inclusive; keep the first K with the lowest BIC"));
        // Seed 001's three blobs again, with 3 at the top and at the bottom of the range: a loop that stops
        // one short of maxComponents, or starts one past minComponents, cannot find it.
        int[][] ranges = {{1, 3}, {3, 5}};
        DataMatrix blobs = whereTheLowestBicIs(3, () -> seed001(random), "seed 001's three blobs, K from 1 to 3 and"
                + " from 3 to 5", ranges);
        for (int[] range : ranges) {
            actual = choose.of(blobs, range[0], range[1]);
            Expect.that(actual == 3, "K chosen for seed 001's three blobs, K from " + range[0] + " to " + range[1], 3,
                    actual, chooseHint(blobs, range[0], range[1], 3, actual, free, bic,
                            "K runs from minComponents to maxComponents, both included"));
        }
        double apart = random.nextDouble(3.0, 6.0);
        GaussianMixture two = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0.0}, {apart}},
                new double[][][] {{{1.0}}, {{1.0}}});
        DataMatrix line = MixtureSampler.sample(two, 400, random.nextLong()).data();
        expected = lowestBic(line, 1, 3);
        actual = choose.of(line, 1, 3);
        Expect.that(actual == expected, "K chosen for two normals " + Expect.format(apart) + " apart, K from 1 to 3",
                expected, actual, chooseHint(line, 1, 3, expected, actual, free, bic, "the same procedure, in one"
                        + " dimension"));
        tiesGoToTheSmallerK((data, min, max, algorithm) -> {
            long seed = startSeed();
            return StudentCode.call("Ex9Bic.chooseComponents(K from " + min + " to " + max + ", fits with tied BICs)",
                    () -> Ex9Bic.chooseComponents(data, min, max, algorithm, SETTINGS, seed));
        }, free, bic);
    }

    /** Ex9Bic.chooseComponents with this test's settings and seed, and the given algorithm. */
    @FunctionalInterface
    interface ChooseWith {
        int of(DataMatrix data, int min, int max, EmAlgorithm algorithm);
    }

    /** How many points the fits of {@link #tiesGoToTheSmallerK} have: a power of 2, so that L/N·N is L exactly. */
    private static final int TIED_POINTS = 256;

    /**
     * Hand-made fits whose BIC is exactly 0 for two values of K and about 2 or more for the others. With
     * x = log N and p the free parameters, a fit with total log-likelihood L = fl(p·x)/2 has −2L = −fl(p·x), so
     * −2L + p·x is 0 exactly, in whichever order bic adds or multiplies; L/N, the trace entry, is exact as N is a
     * power of 2. These are not EM runs (nothing is fitted): they make the tie the text decides, "the smallest K
     * if two tie", certain.
     */
    private record TiedFits(int tiedBelow, int tiedAbove, double[] gaps) implements EmAlgorithm {

        @Override
        public String name() {
            return "hand-made fits with tied BICs";
        }

        @Override
        public org.emgmm.em.EStep eStep(DataMatrix data, GaussianMixture model) {
            throw new UnsupportedOperationException("chooseComponents needs fit only");
        }

        @Override
        public GaussianMixture mStep(DataMatrix data, org.emgmm.em.Responsibilities r, GaussianMixture previous,
                double regCovar) {
            throw new UnsupportedOperationException("chooseComponents needs fit only");
        }

        @Override
        public EmResult fit(DataMatrix data, GaussianMixture start, EmSettings settings) {
            int k = start.components();
            double logLikelihood = parameters(k, start.dimension()) * Math.log(data.rows()) / 2.0;
            if (k != tiedBelow && k != tiedAbove) {
                logLikelihood -= gaps[k]; // a BIC higher by 2·gap
            }
            return new EmResult(name(), start, new double[] {logLikelihood / data.rows()}, 0, false, new int[0],
                    data.rows(), 0L);
        }
    }

    static void tiesGoToTheSmallerK(ChooseWith choose, FreeParameters free, Bic bic) {
        SplittableRandom random = random("tiesGoToTheSmallerK");
        DataMatrix data = MixtureSampler.sample(Generators.mixture(random, 2, 2), TIED_POINTS, random.nextLong())
                .data();
        int min = 1;
        int max = 4 + random.nextInt(2);
        int below = min + random.nextInt(max - min);
        int above = below + 1 + random.nextInt(max - below);
        double[] gaps = new double[max + 1];
        for (int k = min; k <= max; k++) {
            gaps[k] = random.nextDouble(1.0, 10.0);
        }
        TiedFits fits = new TiedFits(below, above, gaps);
        int actual = choose.of(data, min, max, fits);
        if (actual == below) {
            return;
        }
        String hint = "keep the K with the lowest BIC, and on a tie the smaller K";
        for (int k = min; k <= max; k++) {
            int components = k;
            int p = safely(() -> free.of(components, data.columns()));
            if (p != parameters(k, data.columns())) {
                hint = "see 9.1 first: freeParameters(" + k + ", " + data.columns() + ") gives " + p + " where it is "
                        + parameters(k, data.columns()) + ", and the tie is built on the right count";
            }
        }
        EmResult tied = fits.fit(data, Initialisation.randomPoints(data, below, startSeed()), SETTINGS);
        double value = safely(() -> bic.of(tied));
        if (hint.startsWith("keep") && value != 0.0) {
            hint = "see 9.2 first: bic gives " + Expect.format(value) + " for a fit whose −2 L + p log N is 0";
        }
        if (hint.startsWith("keep") && actual == above) {
            hint = KnownMistakes.TIE_TO_THE_LARGER_K;
        }
        throw Expect.failure("K chosen when K = " + below + " and K = " + above + " have the same BIC, the lowest"
                + " (K from " + min + " to " + max + ")", below, actual, hint);
    }
}
