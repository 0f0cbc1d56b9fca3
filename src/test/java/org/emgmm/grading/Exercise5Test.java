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

    /** Random cases per property, drawn from the run's seed ({@link RunSeed}): new ones in every run. */
    private static final int CASES = 25;

    /** Cases of the tests built around one closed form: enough that no answer can be guessed. */
    private static final int FORM_CASES = 10;

    /** The generator of one test's inputs. */
    static SplittableRandom random(String test) {
        return RunSeed.forTest(Exercise5Test.class, test);
    }

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

    /**
     * Points each given wholly to one component (r[i][k] = 1 for its label, 0 for the others), every
     * component at least two points: the M-step is then the plain mean and scatter of each group.
     */
    record Labelled(DataMatrix data, int[] labels, int components, Responsibilities r, GaussianMixture previous) {

        /** A random scenario's points, K from 2 to 4, labels drawn at random (not by where the points lie). */
        static Labelled random(SplittableRandom random) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate().withComponents(2, 4));
            int n = scenario.points();
            int k = scenario.components();
            int[] labels = new int[n];
            int[] order = Generators.permutation(random, n);
            for (int i = 0; i < n; i++) {
                labels[order[i]] = i < 2 * k ? i % k : random.nextInt(k);
            }
            double[] values = new double[n * k];
            for (int i = 0; i < n; i++) {
                values[i * k + labels[i]] = 1.0;
            }
            return new Labelled(scenario.data(), labels, k, Responsibilities.wrap(n, k, values), scenario.start());
        }

        /** How many points component k has. */
        int count(int k) {
            return (int) java.util.Arrays.stream(labels).filter(label -> label == k).count();
        }

        /** The mean of component k's points. */
        double[] mean(int k) {
            int d = data.columns();
            double[] mean = new double[d];
            for (int i = 0; i < data.rows(); i++) {
                if (labels[i] != k) {
                    continue;
                }
                for (int a = 0; a < d; a++) {
                    mean[a] += data.get(i, a) / count(k);
                }
            }
            return mean;
        }

        /** The scatter of component k's points about {@code centre}, divided by their number (flat D×D). */
        double[] scatter(int k, double[] centre) {
            int d = data.columns();
            double[] scatter = new double[d * d];
            for (int i = 0; i < data.rows(); i++) {
                if (labels[i] != k) {
                    continue;
                }
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        scatter[a * d + b] += (data.get(i, a) - centre[a]) * (data.get(i, b) - centre[b]) / count(k);
                    }
                }
            }
            return scatter;
        }

        String describe() {
            return "D=" + data.columns() + " K=" + components + " N=" + data.rows() + ", each point wholly in one"
                    + " component";
        }
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
    @Points(1)
    @DisplayName("effectiveCounts are the column sums Nₖ = Σᵢ r[i][k]")
    void effectiveCounts() {
        SplittableRandom random = random("effectiveCounts");
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
    @Points(1)
    @DisplayName("weightedMean matches the library")
    void weightedMean() {
        weightedMean((data, r, k, nk) -> StudentCode.call("Ex5MStep.weightedMean(k = " + k
                + ", N=" + data.rows() + ")", () -> Ex5MStep.weightedMean(data, r, k, nk)));
    }

    static void weightedMean(WeightedMean weightedMean) {
        SplittableRandom random = random("weightedMean");
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

        SplittableRandom random = random("weightedCovariance");
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
    @Points(1)
    @DisplayName("mStep matches the library on random mixtures")
    void mStepMatchesTheLibrary() {
        SplittableRandom random = random("mStepMatchesTheLibrary");
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
        // Each point wholly in one component: Nₖ is the number of points of component k, so πₖ = Nₖ/N whatever
        // the previous weights were.
        SplittableRandom random = random("weightsAreUpdated");
        for (int c = 0; c < FORM_CASES; c++) {
            Labelled test = Labelled.random(random);
            double[] expected = new double[test.components()];
            for (int k = 0; k < expected.length; k++) {
                expected[k] = (double) test.count(k) / test.data().rows();
            }
            GaussianMixture next = mStep(test.data(), test.r(), test.previous(), 1e-6, test.describe());
            // Nₖ is a sum of ones and zeros, exact in any order; Nₖ/N is one rounding: 1e-12 is ample.
            Expect.arrayClose(expected, next.weights(), 1e-12, "weights after the M-step (" + test.describe() + ")",
                    "πₖ = Nₖ / N in every M-step", List.of(KnownMistakes.Mistake.of("the previous weights kept: πₖ is"
                            + " not updated (seed 004's bug)", test.previous().weights())));
        }
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("reg-covar goes on the diagonal only")
    void regCovarOnTheDiagonal() {
        // Each point wholly in one component: Σₖ is the scatter of its points about their mean, divided by their
        // number, plus reg-covar (here 0.1 to 1, large enough to see) on the diagonal and nowhere else.
        SplittableRandom random = random("regCovarOnTheDiagonal");
        for (int c = 0; c < FORM_CASES; c++) {
            Labelled test = Labelled.random(random);
            double regCovar = random.nextDouble(0.1, 1.0);
            GaussianMixture next = mStep(test.data(), test.r(), test.previous(), regCovar,
                    test.describe() + ", reg-covar " + regCovar);
            int d = test.data().columns();
            for (int k = 0; k < test.components(); k++) {
                double[] scatter = test.scatter(k, test.mean(k));
                double[] expected = scatter.clone();
                double[] everywhere = scatter.clone();
                double[] twice = scatter.clone();
                double[] aroundPrevious = test.scatter(k, test.previous().mean(k));
                for (int e = 0; e < expected.length; e++) {
                    boolean diagonal = e / d == e % d;
                    expected[e] += diagonal ? regCovar : 0.0;
                    everywhere[e] += regCovar;
                    twice[e] += diagonal ? 2.0 * regCovar : 0.0;
                    aroundPrevious[e] += diagonal ? regCovar : 0.0;
                }
                Expect.arrayClose(expected, next.covariance(k), TOLERANCE, "Σ of component " + k + " (flat " + d + "×"
                        + d + "; " + test.describe() + ", reg-covar " + Expect.format(regCovar) + ")",
                        "the scatter of the component's points about their new mean, divided by Nₖ; add regCovar to"
                                + " Σ[a][a] only, once", List.of(
                                KnownMistakes.Mistake.of("what adding reg-covar to every entry, not only the diagonal,"
                                        + " gives", everywhere),
                                KnownMistakes.Mistake.of("what adding reg-covar twice gives", twice),
                                KnownMistakes.Mistake.of("the scatter around the previous mean instead of the new one",
                                        aroundPrevious)));
            }
        }
    }

    @Test
    @Order(7)
    @Points(3)
    @DisplayName("an empty component keeps its mean and covariance")
    void emptyComponentKeepsItsParameters() {
        // One component, chosen at random, has no responsibility at all: Nₑ = 0 < EmptyComponents.THRESHOLD.
        // Its weight becomes 0/N = 0 and its mean and covariance stay as they were; the other components share
        // every point (random responsibilities) and are updated as usual, as the library's M-step does.
        SplittableRandom random = random("emptyComponentKeepsItsParameters");
        for (int c = 0; c < FORM_CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate().withComponents(2, 4));
            int n = scenario.points();
            int k = scenario.components();
            int empty = random.nextInt(k);
            double[] values = new double[n * k];
            for (int i = 0; i < n; i++) {
                double total = 0.0;
                for (int j = 0; j < k; j++) {
                    values[i * k + j] = j == empty ? 0.0 : random.nextDouble(0.1, 1.0);
                    total += values[i * k + j];
                }
                for (int j = 0; j < k; j++) {
                    values[i * k + j] /= total;
                }
            }
            Responsibilities r = Responsibilities.wrap(n, k, values);
            GaussianMixture previous = scenario.start();
            String what = "D=" + scenario.dimension() + " K=" + k + " N=" + n + ", component " + empty + " empty";
            GaussianMixture next = mStep(scenario.data(), r, previous, 1e-6, what);
            // Its column is all zeros, so Nₑ = 0 exactly and πₑ = 0/N = 0.
            Expect.close(0.0, next.weight(empty), 1e-15, "weight of the empty component " + empty + " (" + what + ")",
                    "πₖ = Nₖ/N as usual, also for an empty component: 0 here");
            Expect.arrayClose(previous.mean(empty), next.mean(empty), 0.0, "mean of the empty component " + empty
                    + " (" + what + ")", "when Nₖ < EmptyComponents.THRESHOLD keep μₖ from previous (0/0 is NaN)");
            Expect.arrayClose(previous.covariance(empty), next.covariance(empty), 0.0, "covariance of the empty"
                    + " component " + empty + " (" + what + ")", "keep Σₖ from previous unchanged, without adding"
                            + " reg-covar again");
            GaussianMixture expected = new LoopsEm().mStep(scenario.data(), r, previous, 1e-6);
            Expect.mixtureClose(expected, next, TOLERANCE, "the M-step with component " + empty + " empty (" + what
                    + ")", "the other components are updated as usual: πₖ = Nₖ/N, μₖ and Σₖ from their"
                            + " responsibilities");
        }
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
