package org.emgmm.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.MixtureSampler;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.EmptyComponents;
import org.emgmm.em.Initialisation;
import org.emgmm.em.Responsibilities;
import org.emgmm.exercises.Ex11CovarianceTypes;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.selection.ModelSelection;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Scenario;
import org.emgmm.testing.Generators.Spec;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Graded: exercise 11, covariance types ({@link Ex11CovarianceTypes}). The expected values come from the
 * formulas worked by hand in the comments, from properties (a diag fit's covariances are diagonal and keep
 * full's variances, one component gives the sample moments, EM's log-likelihood never falls), and from the
 * library ({@link CovarianceType#constrain}, {@link LoopsEm#mStep}, {@link ModelSelection}). The fits of
 * {@code choose} come from the library's {@link VectorisedEm}, lent through {@link LentAlgorithm#fits}.
 */
@Exercise(11)
@DisplayName("Exercise 11: covariance types")
class Exercise11Test {

    /** Against the library or a formula evaluated here: the same sums, possibly in another order. */
    private static final double TOLERANCE = 1e-10;

    /**
     * How far a log-likelihood may fall from one EM step to the next and still count as not falling: the
     * rounding of a sum of up to 400 logarithms, relative to |L|. A real fall (a wrong M-step) is orders of
     * magnitude larger.
     */
    private static final double MONOTONE_SLACK = 1e-9;

    /** EM steps of the monotonicity test: enough to move far from the start, few enough to stay quick. */
    private static final int STEPS = 25;

    /** Random cases per test, drawn from the run's seed ({@link RunSeed}): new ones in every run. */
    private static final int CASES = 10;

    /** How many data sets a test draws, at most, to find one on which its premise holds. */
    private static final int PREMISE_DRAWS = 10;

    /** The library that lends its fit to {@code choose}, and computes the expected choice. */
    private static final EmAlgorithm LIBRARY = new VectorisedEm();

    /** The settings of every fit of {@code choose}. */
    private static final EmSettings SETTINGS = EmSettings.defaults();

    /** The three constrained types, whose shapes the tests check. */
    private static final List<CovarianceType> CONSTRAINED = List.of(CovarianceType.DIAG, CovarianceType.SPHERICAL,
            CovarianceType.TIED);

    /** The generator of one test's inputs. */
    static SplittableRandom random(String test) {
        return RunSeed.forTest(Exercise11Test.class, test);
    }

    /** The seed of every start of {@code choose}, drawn from the run's seed. */
    static long startSeed() {
        return random("startSeed").nextLong();
    }

    /** Ex11CovarianceTypes.constrain. */
    @FunctionalInterface
    interface Constrain {
        double[] of(CovarianceType type, double[] counts, double[] scatters, int dimension, double regCovar);
    }

    /** Ex11CovarianceTypes.mStep. */
    @FunctionalInterface
    interface MStep {
        GaussianMixture of(CovarianceType type, DataMatrix data, Responsibilities r, double regCovar);
    }

    /** Ex11CovarianceTypes.freeParameters. */
    @FunctionalInterface
    interface FreeParameters {
        int of(CovarianceType type, int components, int dimension);
    }

    /** A choice of K and type, as the tests compare them. */
    record Picked(int components, CovarianceType type) {
        @Override
        public String toString() {
            return "K = " + components + ", " + type.label();
        }
    }

    /** Ex11CovarianceTypes.choose, with this test's lent algorithm, settings and seed. */
    @FunctionalInterface
    interface Choose {
        Picked of(DataMatrix data, int min, int max);
    }

    /** The student's methods, called through {@link StudentCode}. */
    static final Constrain CONSTRAIN = (type, counts, scatters, d, reg) -> StudentCode.call("Ex11CovarianceTypes"
            + ".constrain(" + type.label() + ", K = " + counts.length + ", D = " + d + ")",
            () -> Ex11CovarianceTypes.constrain(type, counts, scatters, d, reg));
    static final MStep M_STEP = (type, data, r, reg) -> Expect.notNull(StudentCode.call("Ex11CovarianceTypes.mStep("
            + type.label() + ", N = " + data.rows() + ", K = " + r.components() + ")",
            () -> Ex11CovarianceTypes.mStep(type, data, r, reg)), "Ex11CovarianceTypes.mStep",
            "return GaussianMixture.ofFlat(type, K, D, …)");
    static final FreeParameters FREE_PARAMETERS = (type, k, d) -> StudentCode.call("Ex11CovarianceTypes"
            + ".freeParameters(" + type.label() + ", K = " + k + ", D = " + d + ")",
            () -> Ex11CovarianceTypes.freeParameters(type, k, d));
    static final Choose CHOOSE = (data, min, max) -> {
        try (LentAlgorithm fits = LentAlgorithm.fits(LIBRARY)) {
            long seed = startSeed();
            Ex11CovarianceTypes.Choice choice = StudentCode.call("Ex11CovarianceTypes.choose(K from " + min + " to "
                    + max + ", seed " + seed + ")", () -> Ex11CovarianceTypes.choose(data, min, max, fits, SETTINGS,
                            seed));
            Expect.notNull(choice, "Ex11CovarianceTypes.choose", "return new Choice(K, type)");
            return new Picked(choice.components(), choice.type());
        }
    };

    // ---- inputs --------------------------------------------------------------------------------------

    /** K random counts Nₖ in [1, 100) and K random symmetric positive-definite scatters, flat K·D·D. */
    record Scatters(double[] counts, double[] scatters, int dimension) {

        static Scatters random(SplittableRandom random) {
            int k = Generators.between(random, 1, 4);
            int d = Generators.between(random, 1, 5);
            double[] counts = new double[k];
            double[] scatters = new double[k * d * d];
            for (int c = 0; c < k; c++) {
                counts[c] = random.nextDouble(1.0, 100.0);
                System.arraycopy(Generators.spdMatrix(random, d, 0.1, 10.0), 0, scatters, c * d * d, d * d);
            }
            return new Scatters(counts, scatters, d);
        }

        int components() {
            return counts.length;
        }

        String describe() {
            return "K = " + components() + ", D = " + dimension;
        }
    }

    /** The library's responsibilities at the scenario's start: an E-step, the input of an M-step. */
    private static Responsibilities responsibilities(Scenario scenario) {
        return new LoopsEm().eStep(scenario.data(), scenario.start()).responsibilities();
    }

    /** A random scenario (D 1 to 4, K 1 to 4) whose start leaves no component empty. */
    private static Scenario scenario(SplittableRandom random) {
        while (true) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate().withDimensions(1, 4));
            boolean anyEmpty = false;
            for (double nk : responsibilities(scenario).componentTotals()) {
                anyEmpty |= EmptyComponents.isEmpty(nk);
            }
            if (!anyEmpty) {
                return scenario;
            }
        }
    }

    private static String describe(Scenario scenario) {
        return "D=" + scenario.dimension() + " K=" + scenario.components() + " N=" + scenario.points();
    }

    // ---- the table of the class comment, written out here --------------------------------------------

    /** {@code regCovar} added to the diagonal of each of the K matrices of {@code m} (a new array). */
    private static double[] plusDiagonal(double[] m, int d, double regCovar) {
        double[] result = m.clone();
        for (int e = 0; e < m.length; e++) {
            if ((e % (d * d)) / d == e % d) {
                result[e] += regCovar;
            }
        }
        return result;
    }

    /**
     * diag(Sₖ) + reg·I ({@code diag}), or (sum / divisor)·I + reg·I with the sum over the diagonal, or over all D²
     * entries when {@code allEntries}: spherical with divisor D, and what two slips make of it.
     */
    private static double[] perComponent(double[] scatters, int d, double regCovar, boolean diag, double divisor,
            boolean allEntries) {
        double[] result = new double[scatters.length];
        for (int base = 0; base < scatters.length; base += d * d) {
            double sum = 0.0;
            for (int e = 0; e < d * d; e++) {
                sum += allEntries || e / d == e % d ? scatters[base + e] : 0.0;
            }
            for (int a = 0; a < d; a++) {
                result[base + a * d + a] = (diag ? scatters[base + a * d + a] : sum / divisor) + regCovar;
            }
        }
        return result;
    }

    /** Σ = (Σₖ wₖ Sₖ) / (Σₖ wₖ) + reg·I, K copies: tied with wₖ = Nₖ, or the unweighted slip with wₖ = 1. */
    private static double[] pooled(double[] weights, double[] scatters, int d, double regCovar) {
        int k = weights.length;
        double[] shared = new double[d * d];
        double total = 0.0;
        for (int c = 0; c < k; c++) {
            total += weights[c];
            for (int e = 0; e < d * d; e++) {
                shared[e] += weights[c] * scatters[c * d * d + e];
            }
        }
        double[] result = new double[k * d * d];
        for (int c = 0; c < k; c++) {
            for (int e = 0; e < d * d; e++) {
                result[c * d * d + e] = shared[e] / total + (e / d == e % d ? regCovar : 0.0);
            }
        }
        return result;
    }

    /** K ones. */
    private static double[] ones(int k) {
        double[] ones = new double[k];
        java.util.Arrays.fill(ones, 1.0);
        return ones;
    }

    /** What the known slips make of diag and spherical. */
    private static List<KnownMistakes.Mistake> diagSphericalMistakes(double[] scatters, int d, double regCovar) {
        return List.of(
                KnownMistakes.Mistake.of("what keeping the off-diagonal entries (Sₖ + reg·I, full) gives: diag sets"
                        + " them to 0", plusDiagonal(scatters, d, regCovar)),
                KnownMistakes.Mistake.of("what the mean of all D² entries gives: spherical's σ² is the mean of the"
                        + " D variances on the diagonal, trace(Sₖ)/D", perComponent(scatters, d, regCovar, false,
                                d * d, true)),
                KnownMistakes.Mistake.of("what the trace not divided by D gives: σ² is trace(Sₖ)/D",
                        perComponent(scatters, d, regCovar, false, 1.0, false)));
    }

    /** What the known slips make of tied. */
    private static List<KnownMistakes.Mistake> tiedMistakes(double[] counts, double[] scatters, int d,
            double regCovar) {
        return List.of(
                KnownMistakes.Mistake.of("what the plain average (1/K) Σₖ Sₖ gives: weight each Sₖ by Nₖ",
                        pooled(ones(counts.length), scatters, d, regCovar)),
                KnownMistakes.Mistake.of("what adding reg-covar once per component (K times) gives: it goes once onto"
                        + " the shared matrix", pooled(counts, scatters, d, counts.length * regCovar)),
                KnownMistakes.Mistake.of("each component's own Sₖ + reg·I (full): tied shares one matrix",
                        plusDiagonal(scatters, d, regCovar)));
    }

    // ---- the tests -----------------------------------------------------------------------------------

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("constrain: diag keeps the variances, spherical their mean trace(Sₖ)/D")
    void constrainDiagAndSpherical() {
        constrainDiagAndSpherical(CONSTRAIN);
    }

    static void constrainDiagAndSpherical(Constrain constrain) {
        // By hand: S = [[4, 2, 1], [2, 3, 0.5], [1, 0.5, 2]], N = 10, reg = 0.5. diag: diag(4, 3, 2) + 0.5 I.
        // spherical: trace 9, 9/3 = 3, so 3.5 I; the mean of all 9 entries would be 16/9 + 0.5, the trace
        // alone 9.5.
        double[] s = {4, 2, 1, 2, 3, 0.5, 1, 0.5, 2};
        Expect.arrayClose(new double[] {4.5, 0, 0, 0, 3.5, 0, 0, 0, 2.5}, constrain.of(CovarianceType.DIAG,
                new double[] {10}, s.clone(), 3, 0.5), TOLERANCE, "diag of S = [[4, 2, 1], [2, 3, 0.5], [1, 0.5, 2]]"
                + " with reg-covar 0.5 (flat 3×3)", "diag(Sₖ) + reg·I: the variances, zeros off the diagonal",
                diagSphericalMistakes(s, 3, 0.5));
        Expect.arrayClose(new double[] {3.5, 0, 0, 0, 3.5, 0, 0, 0, 3.5}, constrain.of(CovarianceType.SPHERICAL,
                new double[] {10}, s.clone(), 3, 0.5), TOLERANCE, "spherical of the same S with reg-covar 0.5",
                "(trace(Sₖ)/D)·I + reg·I: trace 9, D = 3", diagSphericalMistakes(s, 3, 0.5));
        SplittableRandom random = random("constrainDiagAndSpherical");
        for (int c = 0; c < CASES; c++) {
            Scatters test = Scatters.random(random);
            double reg = random.nextDouble(0.0, 1.0);
            int d = test.dimension();
            for (CovarianceType type : List.of(CovarianceType.DIAG, CovarianceType.SPHERICAL)) {
                double[] expected = perComponent(test.scatters(), d, reg, type == CovarianceType.DIAG, d, false);
                Expect.arrayClose(expected, constrain.of(type, test.counts().clone(), test.scatters().clone(), d, reg),
                        TOLERANCE, type.label() + " of random scatters (" + test.describe() + ", reg-covar "
                                + Expect.format(reg) + ")", type == CovarianceType.DIAG ? "diag(Sₖ) + reg·I for each k"
                                        : "(trace(Sₖ)/D)·I + reg·I for each k",
                        diagSphericalMistakes(test.scatters(), d, reg));
            }
        }
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("constrain: tied pools the scatters weighted by Nₖ, reg-covar once")
    void constrainTied() {
        constrainTied(CONSTRAIN);
    }

    static void constrainTied(Constrain constrain) {
        // By hand: S₁ = [[2, 1], [1, 2]] with N₁ = 1, S₂ = [[6, −1], [−1, 2]] with N₂ = 3, reg = 0.25:
        // (1·S₁ + 3·S₂)/4 = [[20, −2], [−2, 8]]/4 = [[5, −0.5], [−0.5, 2]], plus 0.25 on the diagonal, for
        // both components. Unweighted: [[4, 0], [0, 2]] + 0.25; reg added twice: 5.5 and 2.5.
        double[] counts = {1, 3};
        double[] s = {2, 1, 1, 2, 6, -1, -1, 2};
        double[] shared = {5.25, -0.5, -0.5, 2.25};
        Expect.arrayClose(new double[] {5.25, -0.5, -0.5, 2.25, 5.25, -0.5, -0.5, 2.25}, constrain.of(
                CovarianceType.TIED, counts.clone(), s.clone(), 2, 0.25), TOLERANCE, "tied of S₁ = [[2, 1], [1, 2]]"
                + " (N₁ = 1) and S₂ = [[6, −1], [−1, 2]] (N₂ = 3), reg-covar 0.25 (flat 2×2×2): both "
                + Expect.format(shared), "(N₁ S₁ + N₂ S₂)/(N₁ + N₂) + reg·I, the same for both",
                tiedMistakes(counts, s, 2, 0.25));
        SplittableRandom random = random("constrainTied");
        for (int c = 0; c < CASES; c++) {
            Scatters test = Scatters.random(random);
            double reg = random.nextDouble(0.0, 1.0);
            Expect.arrayClose(pooled(test.counts(), test.scatters(), test.dimension(), reg), constrain.of(
                    CovarianceType.TIED, test.counts().clone(), test.scatters().clone(), test.dimension(), reg),
                    TOLERANCE, "tied of random scatters (" + test.describe() + ", reg-covar " + Expect.format(reg)
                            + ")", "(Σₖ Nₖ Sₖ)/(Σₖ Nₖ) + reg·I, K copies", tiedMistakes(test.counts(),
                                    test.scatters(), test.dimension(), reg));
        }
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("constrain does not modify counts or scatters, and returns a new array (its comment)")
    void constrainLeavesItsInputs() {
        constrainLeavesItsInputs(CONSTRAIN);
    }

    static void constrainLeavesItsInputs(Constrain constrain) {
        // Every type, with reg-covar 0 (where full's answer equals Sₖ, so returning scatters itself would look
        // right) and with reg-covar > 0 (where adding it in place would change scatters); the value is checked
        // too, against the library.
        SplittableRandom random = random("constrainLeavesItsInputs");
        for (int c = 0; c < CASES; c++) {
            Scatters test = Scatters.random(random);
            for (CovarianceType type : CovarianceType.values()) {
                for (double reg : new double[] {0.0, random.nextDouble(0.1, 1.0)}) {
                    double[] counts = test.counts().clone();
                    double[] scatters = test.scatters().clone();
                    String what = "constrain(" + type.label() + ", " + test.describe() + ", reg-covar "
                            + Expect.format(reg) + ")";
                    double[] result = constrain.of(type, counts, scatters, test.dimension(), reg);
                    Expect.arrayClose(test.counts(), counts, 0.0, what + ": counts afterwards", "counts is \"Not"
                            + " modified\": read it, never write into it");
                    Expect.arrayClose(test.scatters(), scatters, 0.0, what + ": scatters afterwards", "scatters is"
                            + " \"Not modified\": build the result in a new array");
                    Expect.that(result != scatters, what + ": the result", "a new array", "the scatters array itself",
                            "return a new array, even where the result equals Sₖ");
                    double[] expected = type.constrain(test.counts(), test.scatters(),
                            new boolean[test.components()], test.dimension(), reg);
                    Expect.arrayClose(expected, result, TOLERANCE, what, "the arrays were left alone, but the result"
                            + " must be right too: see 11.1 and 11.2 for what it should be");
                }
            }
        }
    }

    /** A wrong count that matches a known miscount. */
    private static List<KnownMistakes.Mistake> miscounts(CovarianceType type, int k, int d) {
        int base = (k - 1) + k * d;
        List<KnownMistakes.Mistake> slips = new ArrayList<>();
        if (type == CovarianceType.TIED) {
            slips.add(KnownMistakes.Mistake.of("K covariances counted where tied has one, shared",
                    base + k * d * (d + 1) / 2));
        }
        if (type == CovarianceType.SPHERICAL) {
            slips.add(KnownMistakes.Mistake.of("D variances counted per component (diag's K·D) where spherical has"
                    + " one, σ²ₖ", base + k * d));
        }
        slips.add(KnownMistakes.Mistake.of("K weights counted where only K − 1 are free (they sum to 1)",
                ModelSelection.freeParameters(type, k, d) + 1));
        return slips;
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("freeParameters counts K − 1 weights, K·D means and the type's covariance numbers")
    void freeParameters() {
        freeParameters(FREE_PARAMETERS);
    }

    static void freeParameters(FreeParameters free) {
        // K = 3, D = 4: 2 weights + 12 means, and full 3·10 = 30 → 44, diag 3·4 = 12 → 26, spherical 3 → 17,
        // tied 10 → 24.
        int[] table = {44, 26, 17, 24};
        for (CovarianceType type : CovarianceType.values()) {
            Expect.close(table[type.ordinal()], free.of(type, 3, 4), 0.0, "freeParameters(" + type.label()
                    + ", K = 3, D = 4)", "(K − 1) + K·D + the covariance numbers: K·D(D+1)/2, K·D, K or D(D+1)/2",
                    miscounts(type, 3, 4));
        }
        SplittableRandom random = random("freeParameters");
        for (int c = 0; c < 4 * CASES; c++) {
            int k = Generators.between(random, 1, 30);
            int d = Generators.between(random, 1, 30);
            for (CovarianceType type : CovarianceType.values()) {
                Expect.close(ModelSelection.freeParameters(type, k, d), free.of(type, k, d), 0.0, "freeParameters("
                        + type.label() + ", K = " + k + ", D = " + d + ")", "(K − 1) + K·D + the type's covariance"
                                + " numbers", miscounts(type, k, d));
            }
        }
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("mStep: diag fits are diagonal, spherical multiples of I, tied equal, each keeping what full has")
    void mStepShapes() {
        mStepShapes(M_STEP);
    }

    static void mStepShapes(MStep mStep) {
        // Against the library's full M-step from the same responsibilities (Σₖ = Sₖ + reg·I): diag keeps its
        // diagonal, spherical its trace (D σ²ₖ = trace(Sₖ) + D reg), tied is Σₖ πₖ Σₖ (the weights sum to 1).
        SplittableRandom random = random("mStepShapes");
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = scenario(random);
            Responsibilities r = responsibilities(scenario);
            double reg = random.nextDouble(0.0, 0.1);
            GaussianMixture full = new LoopsEm().mStep(scenario.data(), r, scenario.start(), reg);
            int d = scenario.dimension();
            int k = scenario.components();
            for (CovarianceType type : CONSTRAINED) {
                GaussianMixture fit = mStep.of(type, scenario.data(), r, reg);
                String what = type.label() + " M-step (" + describe(scenario) + ", reg-covar " + Expect.format(reg)
                        + ")";
                double[] expected = switch (type) {
                    case DIAG -> perComponent(full.flatCovariances(), d, 0.0, true, d, false);
                    case SPHERICAL -> perComponent(full.flatCovariances(), d, 0.0, false, d, false);
                    default -> pooled(full.weights(), full.flatCovariances(), d, 0.0);
                };
                for (int j = 0; j < k; j++) {
                    double[] sigma = fit.covariance(j);
                    for (int a = 0; a < d; a++) {
                        for (int b = 0; b < d; b++) {
                            if (type != CovarianceType.TIED && a != b) {
                                Expect.close(0.0, sigma[a * d + b], 0.0, what + ": Σ" + j + "[" + a + "][" + b + "]",
                                        type.label() + " covariances are diagonal: 0 off the diagonal");
                            }
                            if (type == CovarianceType.SPHERICAL && a == b) {
                                Expect.close(sigma[0], sigma[a * d + a], TOLERANCE, what + ": Σ" + j + "[" + a + "]["
                                        + a + "] against Σ" + j + "[0][0]", "spherical: one variance σ²ₖ on the whole"
                                                + " diagonal");
                            }
                            if (type == CovarianceType.TIED) {
                                Expect.close(fit.covariance(0)[a * d + b], sigma[a * d + b], TOLERANCE, what + ": Σ" + j
                                        + "[" + a + "][" + b + "] against Σ0", "tied: one matrix for every component");
                            }
                        }
                    }
                }
                Expect.arrayClose(expected, fit.flatCovariances(), TOLERANCE, what + ", covariances (flat K·D·D)",
                        switch (type) {
                            case DIAG -> "diag keeps full's variances: diag(Sₖ) + reg·I";
                            case SPHERICAL -> "spherical keeps full's trace: σ²ₖ = trace(Sₖ)/D + reg";
                            default -> "tied is the Nₖ-weighted mean of full's matrices: Σₖ (Nₖ/N) (Sₖ + reg·I)";
                        }, type == CovarianceType.TIED
                                ? tiedMistakes(full.weights(), plusDiagonal(full.flatCovariances(), d, -reg), d, reg)
                                : diagSphericalMistakes(plusDiagonal(full.flatCovariances(), d, -reg), d, reg));
            }
        }
    }

    @Test
    @Order(6)
    @Points(1)
    @DisplayName("mStep with one component gives the sample moments, projected onto each type")
    void oneComponentGivesTheSampleMoments() {
        oneComponentGivesTheSampleMoments(M_STEP);
    }

    static void oneComponentGivesTheSampleMoments(MStep mStep) {
        // K = 1 and r[i][0] = 1: N₁ = N, π = 1, μ the sample mean, S = (1/N) Σᵢ (xᵢ − x̄)(xᵢ − x̄)ᵀ the sample
        // covariance (divided by N). Full and tied keep S, diag its diagonal, spherical trace(S)/D · I.
        SplittableRandom random = random("oneComponentGivesTheSampleMoments");
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = scenario(random);
            DataMatrix data = scenario.data();
            int n = data.rows();
            int d = data.columns();
            double[] mean = new double[d];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < d; a++) {
                    mean[a] += data.get(i, a) / n;
                }
            }
            double[] s = new double[d * d];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        s[a * d + b] += (data.get(i, a) - mean[a]) * (data.get(i, b) - mean[b]) / n;
                    }
                }
            }
            double reg = random.nextDouble(0.0, 0.1);
            Responsibilities all = Responsibilities.wrap(n, 1, ones(n));
            for (CovarianceType type : CovarianceType.values()) {
                String what = type.label() + " M-step of one component (D=" + d + " N=" + n + ", reg-covar "
                        + Expect.format(reg) + ")";
                GaussianMixture fit = mStep.of(type, data, all, reg);
                Expect.close(1.0, fit.weight(0), TOLERANCE, what + ": π", "π = N₁/N = 1");
                Expect.arrayClose(mean, fit.mean(0), TOLERANCE, what + ": μ", "μ = the sample mean");
                double[] expected = switch (type) {
                    case DIAG -> perComponent(s, d, reg, true, d, false);
                    case SPHERICAL -> perComponent(s, d, reg, false, d, false);
                    default -> plusDiagonal(s, d, reg);
                };
                Expect.arrayClose(expected, fit.covariance(0), TOLERANCE, what + ": Σ (flat D×D)", "the sample"
                        + " covariance S (divided by N), projected: S, diag(S), (trace(S)/D)·I or S, plus reg·I",
                        type == CovarianceType.FULL || type == CovarianceType.TIED ? List.of()
                                : diagSphericalMistakes(s, d, reg));
            }
        }
    }

    @Test
    @Order(7)
    @Points(1)
    @DisplayName("EM with mStep never lowers the log-likelihood (reg-covar 0), and climbs as the library's does")
    void logLikelihoodNeverFalls() {
        logLikelihoodNeverFalls(M_STEP);
    }

    static void logLikelihoodNeverFalls(MStep mStep) {
        // EM's monotonicity holds for each type, as each M-step maximises over its constrained set: with the
        // library's E-step and the student's M-step, L(θ) may not fall (beyond rounding) at any step. With
        // reg-covar 0 nothing but EM moves L. Second half: after the same steps from the same start the
        // library's own run ends at the same L (an M-step that stands still would keep L level).
        SplittableRandom random = random("logLikelihoodNeverFalls");
        LoopsEm library = new LoopsEm();
        for (CovarianceType type : CovarianceType.values()) {
            Scenario scenario = null;
            GaussianMixture start = null;
            EmResult reference = null;
            for (int attempt = 0; attempt < PREMISE_DRAWS && reference == null; attempt++) {
                scenario = Generators.scenario(random, Spec.multivariate().withComponents(2, 3).withDimensions(2, 3));
                start = scenario.start().constrainedTo(type);
                try {
                    EmResult run = library.fit(scenario.data(), start, new EmSettings(STEPS, 0.0, 0.0));
                    reference = run.emptyComponents().length == 0 ? run : null;
                } catch (RuntimeException collapsed) {
                    reference = null; // a component collapsed without reg-covar: draw another
                }
            }
            if (reference == null) {
                throw Expect.failure("(test premise) a " + type.label() + " run of " + STEPS + " steps without an"
                        + " empty component", "one in " + PREMISE_DRAWS + " draws", "none",
                        "this test's data need changing: tell your instructor");
            }
            GaussianMixture model = start;
            double previous = library.eStep(scenario.data(), model).logLikelihood();
            for (int step = 1; step <= STEPS; step++) {
                EStep e = library.eStep(scenario.data(), model);
                model = mStep.of(type, scenario.data(), e.responsibilities(), 0.0);
                double current = library.eStep(scenario.data(), model).logLikelihood();
                String what = "L(θ) after step " + step + " of EM with your " + type.label() + " M-step ("
                        + describe(scenario) + ", reg-covar 0), which was " + Expect.format(previous) + " before";
                Expect.that(current >= previous - MONOTONE_SLACK * Math.abs(previous), what, "at least "
                        + Expect.format(previous), Expect.format(current), "each M-step maximises over the type's"
                                + " matrices, so L cannot fall: check the formula of constrain for "
                                + type.label() + " (see 11.1 and 11.2)");
                previous = current;
            }
            Expect.close(reference.logLikelihood(), previous, 1e-8, "L(θ) after " + STEPS + " steps with your "
                    + type.label() + " M-step (" + describe(scenario) + ")", "the library's run from the same start"
                            + " ends here: see 11.8 if your M-step differs from the library's");
        }
    }

    @Test
    @Order(8)
    @Points(1)
    @DisplayName("constrain and mStep match the library on random cases")
    void matchesTheLibrary() {
        matchesTheLibrary(CONSTRAIN, M_STEP);
    }

    static void matchesTheLibrary(Constrain constrain, MStep mStep) {
        SplittableRandom random = random("matchesTheLibrary");
        for (int c = 0; c < CASES; c++) {
            Scatters test = Scatters.random(random);
            Scenario scenario = scenario(random);
            Responsibilities r = responsibilities(scenario);
            for (CovarianceType type : CovarianceType.values()) {
                for (double reg : new double[] {0.0, 1e-3}) {
                    double[] expected = type.constrain(test.counts(), test.scatters(), new boolean[test.components()],
                            test.dimension(), reg);
                    Expect.arrayClose(expected, constrain.of(type, test.counts().clone(), test.scatters().clone(),
                            test.dimension(), reg), TOLERANCE, "constrain(" + type.label() + ", " + test.describe()
                                    + ", reg-covar " + reg + ")", "the table of the class comment");
                    GaussianMixture library = new LoopsEm().mStep(scenario.data(), r, scenario.start()
                            .constrainedTo(type), reg);
                    Expect.mixtureClose(library, mStep.of(type, scenario.data(), r, reg), TOLERANCE, type.label()
                            + " M-step (" + describe(scenario) + ", reg-covar " + reg + ")", "πₖ = Nₖ/N, μₖ, Sₖ around"
                                    + " the new μₖ, then constrain: see 11.1 and 11.2 first");
                }
            }
        }
    }

    /** The test's own choice: every K, every type, each from the seeded start constrained by the library. */
    static Picked lowestBic(DataMatrix data, int min, int max, boolean constrainTheStart) {
        Picked best = null;
        double lowest = Double.POSITIVE_INFINITY;
        for (int k = min; k <= max; k++) {
            GaussianMixture full = Initialisation.randomPoints(data, k, startSeed());
            for (CovarianceType type : CovarianceType.values()) {
                EmResult fit = LIBRARY.fit(data, constrainTheStart ? full.constrainedTo(type) : full, SETTINGS);
                double bic = ModelSelection.bic(fit.logLikelihood(), ModelSelection.freeParameters(type, k,
                        data.columns()), data.rows());
                if (bic < lowest) {
                    lowest = bic;
                    best = new Picked(k, type);
                }
            }
        }
        return best;
    }

    /**
     * Points from a tied mixture in two dimensions: K = 2 or 3 means well apart, one shared covariance with a
     * strong correlation (eigenvalues 0.3 and 3, rotated at random), so that diag and spherical fit it badly
     * and full spends (K − 1)·3 numbers on noise.
     */
    static DataMatrix tiedData(SplittableRandom random, int k, int n) {
        int d = 2;
        double[] shared = Generators.withEigenvalues(Generators.rotation(random, d), new double[] {0.3, 3.0});
        double[] covariances = new double[k * d * d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(shared, 0, covariances, c * d * d, d * d);
        }
        double[] weights = new double[k];
        java.util.Arrays.fill(weights, 1.0 / k);
        GaussianMixture truth = GaussianMixture.ofFlat(CovarianceType.TIED, k, d, weights,
                Generators.separatedMeans(random, d, k), covariances);
        return MixtureSampler.sample(truth, n, random.nextLong()).data();
    }

    /** Why a choice is wrong: a wrong piece first (11.1 to 11.3), else a known slip, else {@code check}. */
    static String chooseHint(DataMatrix data, int min, int max, Picked expected, Picked actual,
            FreeParameters free, String check) {
        for (int k = min; k <= max; k++) {
            for (CovarianceType type : CovarianceType.values()) {
                int want = ModelSelection.freeParameters(type, k, data.columns());
                int components = k;
                int got;
                try {
                    got = free.of(type, components, data.columns());
                } catch (AssertionError | RuntimeException e) {
                    got = -1;
                }
                if (got != want) {
                    return "see 11.4 first: freeParameters(" + type.label() + ", " + k + ", " + data.columns()
                            + ") gives " + got + " where it is " + want + ", and the BIC is built on it";
                }
            }
        }
        if (actual.equals(lowestBic(data, min, max, false))) {
            return "this is the choice with every start left full: the algorithm fits the start's type, so"
                    + " constrain each start to the type first";
        }
        return check;
    }

    @Test
    @Order(9)
    @Points(1)
    @DisplayName("choose finds tied covariances and the right K on data from a tied mixture")
    void chooseFindsATiedMixture() {
        chooseFindsATiedMixture(CHOOSE, FREE_PARAMETERS);
    }

    static void chooseFindsATiedMixture(Choose choose, FreeParameters free) {
        SplittableRandom random = random("chooseFindsATiedMixture");
        for (int k = 2; k <= 3; k++) {
            Picked truth = new Picked(k, CovarianceType.TIED);
            DataMatrix data = null;
            Picked found = null;
            for (int attempt = 0; attempt < PREMISE_DRAWS && !truth.equals(found); attempt++) {
                data = tiedData(random, k, 500);
                found = lowestBic(data, 1, 4, true);
            }
            if (!truth.equals(found)) {
                throw Expect.failure("(test premise) the library's lowest BIC on a tied mixture", truth, found,
                        "this test's data need changing: tell your instructor");
            }
            Picked actual = choose.of(data, 1, 4);
            Expect.that(truth.equals(actual), "K and type chosen for 500 points from a tied mixture of " + k
                    + " components, K from 1 to 4 (start seed " + startSeed() + ")", truth, actual,
                    chooseHint(data, 1, 4, truth, actual, free, "fit every K and every type from the seeded start"
                            + " constrained to the type, and keep the lowest BIC = −2 L + p log N: full fits the"
                            + " data as well, but pays log N for each of its extra numbers"));
        }
    }
}
