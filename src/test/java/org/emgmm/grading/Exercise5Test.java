package org.emgmm.grading;

import java.util.List;
import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmptyComponents;
import org.emgmm.em.Responsibilities;
import org.emgmm.exercises.Ex5MStep;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Scenario;
import org.emgmm.testing.Generators.Spec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Graded: exercise 5, the M-step ({@link Ex5MStep}). */
@Exercise(5)
@DisplayName("Exercise 5: M-step")
class Exercise5Test {

    /** Against the library's per-point loops: the same sums, possibly in another order. */
    private static final double TOLERANCE = 1e-10;

    /** Random cases per property, from a fixed seed: every run checks the same ones, in well under a second. */
    private static final int CASES = 25;
    private static final long SEED = 0x5E5E5L;

    /** Four points at the corners of a square of side 2, centred on (1, 1). */
    private static final DataMatrix SQUARE = DataMatrix.ofRows(new double[][] {{0, 0}, {2, 0}, {0, 2}, {2, 2}});

    /** One case: a random scenario and the library's responsibilities at its start. */
    private record Case(Scenario scenario, Responsibilities r) {
        String describe() {
            return "D=" + scenario.dimension() + " K=" + scenario.components() + " N=" + scenario.points();
        }
    }

    /** Ex5MStep.weightedMean. */
    @FunctionalInterface
    interface WeightedMean {
        double[] of(DataMatrix data, Responsibilities r, int k, double nk);
    }

    /**
     * What the known slips make of Σₖ = S/Nₖ + reg·I (S the scatter): S/N (N for Nₖ), S/(Nₖ − 1) (np.cov),
     * and reg-covar on every entry instead of the diagonal.
     */
    private static List<KnownMistakes.Mistake> scatterMistakes(double[] sigma, double regCovar, double n, double nk) {
        int d = (int) Math.round(Math.sqrt(sigma.length));
        double[] scatter = sigma.clone();
        for (int a = 0; a < d; a++) {
            scatter[a * d + a] -= regCovar;
        }
        double[] byN = new double[sigma.length];
        double[] byNkMinusOne = new double[sigma.length];
        double[] regEverywhere = new double[sigma.length];
        for (int e = 0; e < sigma.length; e++) {
            boolean diagonal = e / d == e % d;
            byN[e] = scatter[e] * nk / n + (diagonal ? regCovar : 0.0);
            byNkMinusOne[e] = scatter[e] * nk / (nk - 1.0) + (diagonal ? regCovar : 0.0);
            regEverywhere[e] = scatter[e] + regCovar;
        }
        return List.of(KnownMistakes.Mistake.of("what dividing by N = " + Expect.format(n) + " (all the points) instead"
                + " of Nₖ gives", byN), KnownMistakes.Mistake.of("what dividing by Nₖ − 1 (as np.cov does) instead of Nₖ"
                + " gives", byNkMinusOne), KnownMistakes.Mistake.of("what adding reg-covar to every entry, not only"
                + " the diagonal, gives", regEverywhere));
    }

    private static Case randomCase(SplittableRandom random) {
        Scenario scenario = Generators.scenario(random, Spec.multivariate());
        return new Case(scenario, new LoopsEm().eStep(scenario.data(), scenario.start()).responsibilities());
    }

    private static GaussianMixture mStep(DataMatrix data, Responsibilities r, GaussianMixture previous,
            double regCovar, String what) {
        GaussianMixture next = StudentCode.call("Ex5MStep.mStep(" + what + ")",
                () -> Ex5MStep.mStep(data, r, previous, regCovar));
        return Expect.notNull(next, "Ex5MStep.mStep(" + what + ")", "return GaussianMixture.ofFlat(K, D, …)");
    }

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("effectiveCounts are the column sums Nₖ = Σᵢ r[i][k]")
    void effectiveCounts() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int c = 0; c < CASES; c++) {
            Case test = randomCase(random);
            double[] counts = StudentCode.call("Ex5MStep.effectiveCounts(" + test.describe() + ")",
                    () -> Ex5MStep.effectiveCounts(test.r()));
            Expect.arrayClose(test.r().componentTotals(), counts, 1e-12, "Nₖ (" + test.describe() + ")",
                    "sum each column of r over all N points: one value per component");
        }
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("weightedMean matches the library")
    void weightedMean() {
        weightedMean((data, r, k, nk) -> StudentCode.call("Ex5MStep.weightedMean(k = " + k
                + ", N=" + data.rows() + ")", () -> Ex5MStep.weightedMean(data, r, k, nk)));
    }

    static void weightedMean(WeightedMean weightedMean) {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int c = 0; c < CASES; c++) {
            Case test = randomCase(random);
            double[] counts = test.r().componentTotals();
            GaussianMixture expected = new LoopsEm().mStep(test.scenario().data(), test.r(), test.scenario().start(),
                    1e-6);
            for (int k = 0; k < counts.length; k++) {
                if (EmptyComponents.isEmpty(counts[k])) {
                    continue;
                }
                int component = k;
                double[] mean = weightedMean.of(test.scenario().data(), test.r(), component, counts[component]);
                Expect.arrayClose(expected.mean(k), mean, TOLERANCE,
                        "μ of component " + k + " (" + test.describe() + ")",
                        "μₖ = (1/Nₖ) Σᵢ r[i][k] xᵢ: weight each point by its responsibility for k, and divide every"
                                + " coordinate by the same Nₖ", KnownMistakes.dividedByN(test.scenario().points(),
                                        counts[k]));
            }
        }
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("weightedCovariance divides by Nₖ around the new mean, and matches the library")
    void weightedCovariance() {
        // All four corners of the square belong to the one component (r = 1): N₁ = 4, μ = (1, 1), every
        // deviation is ±1 in each coordinate, so Σ[a][a] = 4·1/4 = 1 and Σ[0][1] = (1 − 1 − 1 + 1)/4 = 0.
        // Dividing by N − 1 (like np.cov) would give 4/3 on the diagonal.
        Responsibilities all = Responsibilities.wrap(4, 1, new double[] {1, 1, 1, 1});
        double[] square = StudentCode.call("Ex5MStep.weightedCovariance(square of side 2, r = 1)",
                () -> Ex5MStep.weightedCovariance(SQUARE, all, 0, 4.0, new double[] {1.0, 1.0}, 0.0));
        Expect.arrayClose(new double[] {1, 0, 0, 1}, square, 1e-15,
                "Σ of the corners of a square of side 2 (flat 2×2)",
                "Σₖ = (1/Nₖ) Σᵢ r[i][k] (xᵢ − μₖ)(xᵢ − μₖ)ᵀ: divide by Nₖ",
                List.of(KnownMistakes.Mistake.entrywise("what dividing by Nₖ − 1 = 3 (as np.cov does) instead of Nₖ = 4"
                        + " gives", value -> value * 4.0 / 3.0)));

        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int c = 0; c < CASES; c++) {
            Case test = randomCase(random);
            double[] counts = test.r().componentTotals();
            double regCovar = 1e-3;
            GaussianMixture expected = new LoopsEm().mStep(test.scenario().data(), test.r(), test.scenario().start(),
                    regCovar);
            for (int k = 0; k < counts.length; k++) {
                if (EmptyComponents.isEmpty(counts[k])) {
                    continue;
                }
                int component = k;
                double[] mean = expected.mean(k);
                double[] sigma = StudentCode.call("Ex5MStep.weightedCovariance(k = " + k + ", " + test.describe() + ")",
                        () -> Ex5MStep.weightedCovariance(test.scenario().data(), test.r(), component,
                                counts[component], mean.clone(), regCovar));
                Expect.arrayClose(expected.covariance(k), sigma, TOLERANCE,
                        "Σ of component " + k + " (flat D×D; " + test.describe() + ", reg-covar 1e-3)",
                        "the weighted scatter around the mean you are given, divided by Nₖ, plus reg-covar on the"
                                + " diagonal", scatterMistakes(expected.covariance(k), regCovar,
                                        test.scenario().points(), counts[k]));
            }
        }
    }

    @Test
    @Order(8)
    @Points(3)
    @DisplayName("mStep matches the library on random mixtures")
    void mStepMatchesTheLibrary() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        for (int c = 0; c < CASES; c++) {
            Case test = randomCase(random);
            for (double regCovar : new double[] {0.0, 1e-3}) {
                GaussianMixture expected = new LoopsEm().mStep(test.scenario().data(), test.r(),
                        test.scenario().start(), regCovar);
                GaussianMixture actual = mStep(test.scenario().data(), test.r(), test.scenario().start(), regCovar,
                        test.describe() + ", reg-covar " + regCovar);
                Expect.mixtureClose(expected, actual, TOLERANCE,
                        "M-step (" + test.describe() + ", reg-covar " + regCovar + ")",
                        "πₖ = Nₖ/N, μₖ = Σᵢ r[i][k] xᵢ / Nₖ, Σₖ = Σᵢ r[i][k] (xᵢ − μₖ)(xᵢ − μₖ)ᵀ / Nₖ + reg·I,"
                                + " with the new μₖ", List.of(KnownMistakes.Mistake.of("the right M-step with the"
                                        + " previous weights kept: see 5.4 first", GaussianMixture.ofFlat(
                                                expected.components(), expected.dimension(),
                                                test.scenario().start().weights(), expected.flatMeans(),
                                                expected.flatCovariances()))));
            }
        }
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("the weights are updated to Nₖ/N (seed 004's bug)")
    void weightsAreUpdated() {
        // Three of the four corners go to component 0 and one to component 1, from weights ½, ½:
        // N₀ = 3, N₁ = 1, so π = (3/4, 1/4) whatever the previous weights were.
        Responsibilities r = Responsibilities.wrap(4, 2, new double[] {1, 0, 1, 0, 1, 0, 0, 1});
        GaussianMixture previous = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0, 0}, {2, 2}},
                new double[][][] {{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}});
        GaussianMixture next = mStep(SQUARE, r, previous, 1e-6, "three corners to component 0, one to 1");
        Expect.arrayClose(new double[] {0.75, 0.25}, next.weights(), 1e-15, "weights after the M-step",
                "πₖ = Nₖ / N in every M-step", List.of(KnownMistakes.Mistake.of("the previous weights kept: πₖ is not"
                        + " updated (seed 004's bug)", 0.5, 0.5)));
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("reg-covar goes on the diagonal only")
    void regCovarOnTheDiagonal() {
        // The square's covariance is the identity (see weightedCovariance); with reg-covar 0.5 it becomes
        // 1.5 on the diagonal and stays 0 off it.
        Responsibilities all = Responsibilities.wrap(4, 1, new double[] {1, 1, 1, 1});
        GaussianMixture previous = GaussianMixture.of(new double[] {1.0}, new double[][] {{0, 0}},
                new double[][][] {{{1, 0}, {0, 1}}});
        GaussianMixture next = mStep(SQUARE, all, previous, 0.5, "square of side 2, reg-covar 0.5");
        // Slips, by hand: reg-covar on every entry gives [[1.5, 0.5], [0.5, 1.5]], twice on the diagonal 2;
        // the scatter around the previous mean (0, 0) is [[2, 1], [1, 2]] (squares 0, 4, 0, 4 and products
        // 0, 0, 0, 4, over 4), plus 0.5 on the diagonal.
        Expect.arrayClose(new double[] {1.5, 0, 0, 1.5}, next.covariance(0), 1e-15,
                "Σ of the square with reg-covar 0.5 (flat 2×2)", "the square's Σ is the identity (see 5.3); add"
                        + " regCovar to Σ[a][a] only, once", List.of(
                        KnownMistakes.Mistake.of("what adding reg-covar to every entry, not only the diagonal, gives",
                                1.5, 0.5, 0.5, 1.5),
                        KnownMistakes.Mistake.of("what adding reg-covar twice gives", 2.0, 0.0, 0.0, 2.0),
                        KnownMistakes.Mistake.of("the scatter around the previous mean (0, 0) instead of the new one"
                                + " (1, 1)", 2.5, 1.0, 1.0, 2.5)));
    }

    @Test
    @Order(7)
    @Points(1)
    @DisplayName("an empty component keeps its mean and covariance")
    void emptyComponentKeepsItsParameters() {
        // Component 1 has no responsibility at all: N₁ = 0 < EmptyComponents.THRESHOLD. Its weight becomes
        // 0/4 = 0 and its mean and covariance stay as they were; component 0 takes all four corners.
        Responsibilities r = Responsibilities.wrap(4, 2, new double[] {1, 0, 1, 0, 1, 0, 1, 0});
        GaussianMixture previous = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0, 0}, {7, 8}},
                new double[][][] {{{1, 0}, {0, 1}}, {{2, 0.5}, {0.5, 3}}});
        GaussianMixture next = mStep(SQUARE, r, previous, 1e-6, "component 1 empty");
        Expect.arrayClose(new double[] {1.0, 0.0}, next.weights(), 1e-15, "weights with component 1 empty",
                "πₖ = Nₖ/N as usual, also for an empty component");
        Expect.arrayClose(previous.mean(1), next.mean(1), 0.0, "mean of the empty component 1",
                "when Nₖ < EmptyComponents.THRESHOLD keep μₖ from previous (0/0 is NaN)");
        Expect.arrayClose(previous.covariance(1), next.covariance(1), 0.0, "covariance of the empty component 1",
                "keep Σₖ from previous unchanged, without adding reg-covar again");
        Expect.arrayClose(new double[] {1.0, 1.0}, next.mean(0), 1e-15, "mean of component 0",
                "the other components are updated as usual");
    }

    @Test
    @Order(6)
    @Points(1)
    @DisplayName("weightedCovariance does not modify mean (its comment: \"Not modified\")")
    void weightedCovarianceLeavesTheMean() {
        Promises.weightedCovarianceLeavesTheMean((data, r, k, nk, mean, regCovar) -> StudentCode.call(
                "Ex5MStep.weightedCovariance(square of side 2, mean " + Expect.format(mean) + ")",
                () -> Ex5MStep.weightedCovariance(data, r, k, nk, mean, regCovar)));
    }
}
