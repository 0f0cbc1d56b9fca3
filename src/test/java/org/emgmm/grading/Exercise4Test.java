package org.emgmm.grading;

import java.util.List;
import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.Responsibilities;
import org.emgmm.exercises.Ex4EStep;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Scenario;
import org.emgmm.testing.Generators.Spec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Graded: exercise 4, the E-step and the log-likelihood ({@link Ex4EStep}). */
@Exercise(4)
@DisplayName("Exercise 4: E-step")
class Exercise4Test {

    /** Responsibilities against the library's per-point loops: the same formulas, rounding only. */
    private static final double TOLERANCE = 1e-10;

    /** Random cases per property, from a fixed seed: every run checks the same ones, in well under a second. */
    private static final int CASES = 25;
    private static final long SEED = 0x4E4E4L;

    /** The student's E-step, called through {@link StudentCode}. */
    static final Promises.EStepMethod STUDENT = (data, model) -> StudentCode.call("Ex4EStep.eStep(N=" + data.rows()
            + ", K=" + model.components() + ")", () -> Ex4EStep.eStep(data, model));

    private static EStep eStep(Promises.EStepMethod method, DataMatrix data, GaussianMixture model, String what) {
        EStep step = method.of(data, model);
        Expect.notNull(step, "Ex4EStep.eStep(" + what + ")", "return new EStep(responsibilities, logLikelihood)");
        Expect.notNull(step.responsibilities(), "responsibilities of the E-step (" + what + ")",
                "wrap the flat N×K array with Responsibilities.wrap(N, K, values)");
        Expect.that(step.responsibilities().points() == data.rows()
                && step.responsibilities().components() == model.components(),
                "shape of the responsibilities (" + what + ")", data.rows() + "×" + model.components(),
                step.responsibilities().points() + "×" + step.responsibilities().components(),
                "one row per point, one column per component");
        return step;
    }

    /** The model with every weight 1/K: leaving πₖ out of Bayes' rule gives its responsibilities. */
    static GaussianMixture equalWeights(GaussianMixture model) {
        double[] weights = new double[model.components()];
        java.util.Arrays.fill(weights, 1.0 / model.components());
        return GaussianMixture.ofFlat(model.components(), model.dimension(), weights, model.flatMeans(),
                model.flatCovariances());
    }

    /** What 4.1's mistake makes of the responsibilities: those of equal weights. */
    static KnownMistakes.Mistake weightsLeftOut(double[] responsibilities) {
        return KnownMistakes.Mistake.of("what leaving the weights πₖ out of the E-step gives (the responsibilities"
                + " of equal weights): see 4.1 first", responsibilities);
    }

    /**
     * What 4.1's mistake makes of L: without the weights each normaliser is log Σₖ N(xᵢ | μₖ, Σₖ), that
     * of equal weights 1/K plus log K, so L is L(equal weights) + N log K.
     */
    static KnownMistakes.Mistake weightsLeftOutOfL(DataMatrix data, GaussianMixture model) {
        double equal = new LoopsEm().eStep(data, equalWeights(model)).logLikelihood();
        return KnownMistakes.Mistake.of("what leaving the weights πₖ out of the E-step gives: see 4.1 first",
                equal + data.rows() * Math.log(model.components()));
    }

    /** Seed 001's L = Σᵢ log Σₖ r[i][k] πₖ, from the right responsibilities: what 4.2 is about. */
    static KnownMistakes.Mistake builtFromR(DataMatrix data, GaussianMixture model) {
        Responsibilities r = new LoopsEm().eStep(data, model).responsibilities();
        double total = 0.0;
        for (int i = 0; i < data.rows(); i++) {
            double average = 0.0;
            for (int k = 0; k < model.components(); k++) {
                average += r.get(i, k) * model.weight(k);
            }
            total += Math.log(average);
        }
        return KnownMistakes.Mistake.of("seed 001's Σᵢ log Σₖ r[i][k] πₖ, built from the responsibilities: see 4.2"
                + " first", total);
    }

    /** The mean L/N where the total L belongs. */
    static KnownMistakes.Mistake meanNotTotal(double expected, int points) {
        return KnownMistakes.Mistake.of("the mean L/N where the total L belongs", expected / points);
    }

    private static String describe(Scenario scenario) {
        return "D=" + scenario.dimension() + " K=" + scenario.components() + " N=" + scenario.points();
    }

    @Test
    @Order(6)
    @Points(3)
    @DisplayName("responsibilities match the library on random mixtures")
    void responsibilitiesMatchTheLibrary() {
        responsibilitiesMatchTheLibrary(STUDENT);
    }

    static void responsibilitiesMatchTheLibrary(Promises.EStepMethod method) {
        SplittableRandom random = new SplittableRandom(SEED);
        LoopsEm library = new LoopsEm();
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate());
            for (GaussianMixture model : Generators.eStepModels(scenario)) {
                double[] expected = library.eStep(scenario.data(), model).responsibilities().toFlatArray();
                EStep step = eStep(method, scenario.data(), model, describe(scenario));
                double[] equal = library.eStep(scenario.data(), equalWeights(model)).responsibilities()
                        .toFlatArray();
                Expect.arrayClose(expected, step.responsibilities().toFlatArray(), TOLERANCE,
                        "responsibilities r (flat, r[i][k] at i * K + k; " + describe(scenario) + ")",
                        "r[i][k] = exp(log πₖ + log N(xᵢ | μₖ, Σₖ) − log Σⱼ πⱼ N(xᵢ | μⱼ, Σⱼ))",
                        List.of(weightsLeftOut(equal)));
            }
        }
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("every row of responsibilities is a probability distribution")
    void rowsAreDistributions() {
        rowsAreDistributions(STUDENT);
    }

    static void rowsAreDistributions(Promises.EStepMethod method) {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate());
            EStep step = eStep(method, scenario.data(), scenario.start(), describe(scenario));
            for (int i = 0; i < scenario.points(); i++) {
                double sum = 0.0;
                for (int k = 0; k < scenario.components(); k++) {
                    double r = step.responsibilities().get(i, k);
                    Expect.that(r >= 0.0 && r <= 1.0, "r[" + i + "][" + k + "] (" + describe(scenario) + ")",
                            "a number in [0, 1]", Expect.format(r),
                            "normalise each row: r[i][k] = exp(log ρ[i][k] − log Σⱼ exp(log ρ[i][j]))");
                    sum += r;
                }
                // A sum of K ≤ 5 numbers in [0, 1] that should be exactly 1: a few roundings.
                Expect.close(1.0, sum, 1e-12, "Σₖ r[" + i + "][k] (" + describe(scenario) + ")",
                        "each row of r sums to 1: divide by the row's total (subtract its log-sum-exp)");
            }
        }
    }

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("responsibilities include the mixing weights (seed 003's bug)")
    void responsibilitiesIncludeTheWeights() {
        responsibilitiesIncludeTheWeights(STUDENT);
    }

    static void responsibilitiesIncludeTheWeights(Promises.EStepMethod method) {
        // Two identical components N(0, 1) with weights 0.1 and 0.9: the densities cancel in Bayes' rule, so
        // r[i][k] = πₖ N(xᵢ|0,1) / Σⱼ πⱼ N(xᵢ|0,1) = πₖ for every point. Without the weights it would be ½, ½.
        GaussianMixture model = GaussianMixture.of(new double[] {0.1, 0.9}, new double[][] {{0.0}, {0.0}},
                new double[][][] {{{1.0}}, {{1.0}}});
        DataMatrix data = DataMatrix.ofRows(new double[][] {{-1.0}, {0.0}, {2.0}});
        EStep step = eStep(method, data, model, "two identical components with weights 0.1 and 0.9");
        Expect.arrayClose(new double[] {0.1, 0.9, 0.1, 0.9, 0.1, 0.9}, step.responsibilities().toFlatArray(), 1e-12,
                "responsibilities of two identical components with weights 0.1, 0.9",
                "Bayes' rule multiplies each density by its prior πₖ: log ρ[i][k] = log πₖ + log N(xᵢ | μₖ, Σₖ)",
                List.of(KnownMistakes.Mistake.of("the responsibilities of equal weights: πₖ is left out of Bayes'"
                        + " rule, as in seed 003", 0.5, 0.5, 0.5, 0.5, 0.5, 0.5)));
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("the log-likelihood is Σᵢ log p(xᵢ), not built from r (seed 001's bug)")
    void logLikelihoodClosedForm() {
        logLikelihoodClosedForm(STUDENT);
    }

    static void logLikelihoodClosedForm(Promises.EStepMethod method) {
        // One standard normal component and the points 0, 1, 2:
        // L = Σᵢ (−½ log 2π − xᵢ²/2) = −(3/2) log 2π − (0 + 1 + 4)/2 = −1.5 log 2π − 2.5.
        double expected = -1.5 * Math.log(2.0 * Math.PI) - 2.5;
        DataMatrix data = DataMatrix.ofRows(new double[][] {{0.0}, {1.0}, {2.0}});
        GaussianMixture single = GaussianMixture.of(new double[] {1.0}, new double[][] {{0.0}},
                new double[][][] {{{1.0}}});
        // Seed 001's Σᵢ log Σₖ r[i][k] πₖ is Σᵢ log(1 · 1) = 0 for a single component.
        Expect.close(expected, eStep(method, data, single, "N(0, 1), points 0, 1, 2").logLikelihood(), 1e-12,
                "L for N(0, 1) at the points 0, 1, 2",
                "L(θ) = Σᵢ log Σₖ πₖ N(xᵢ | μₖ, Σₖ), the sum of the E-step's normalisers over the points",
                List.of(KnownMistakes.Mistake.of("seed 001's Σᵢ log Σₖ r[i][k] πₖ, built from the responsibilities"
                        + " (0 for one component)", 0.0), meanNotTotal(expected, 3)));
        // Splitting that component into two identical ones with weights 0.1 and 0.9 leaves the density, and
        // so L, unchanged; seed 001's formula would give 3 log(0.1·0.1 + 0.9·0.9) = 3 log 0.82 instead, and
        // leaving the weights out (4.1) doubles each density: L + 3 log 2.
        GaussianMixture split = GaussianMixture.of(new double[] {0.1, 0.9}, new double[][] {{0.0}, {0.0}},
                new double[][][] {{{1.0}}, {{1.0}}});
        Expect.close(expected, eStep(method, data, split, "two identical N(0, 1), weights 0.1/0.9").logLikelihood(),
                1e-12, "L for two identical N(0, 1) components with weights 0.1, 0.9 at the points 0, 1, 2",
                "splitting a component into two identical ones with weights 0.1 and 0.9 leaves the density Σₖ πₖ"
                        + " N(xᵢ | μₖ, Σₖ), and so L, unchanged",
                List.of(KnownMistakes.Mistake.of("seed 001's Σᵢ log Σₖ r[i][k] πₖ, built from the responsibilities",
                        3.0 * Math.log(0.82)), KnownMistakes.Mistake.of("what leaving the weights πₖ out of the"
                        + " E-step gives (each density counted twice): see 4.1 first", expected + 3.0 * Math.log(2.0)),
                        meanNotTotal(expected, 3)));
    }

    @Test
    @Order(7)
    @Points(2)
    @DisplayName("the log-likelihood matches the library on random mixtures")
    void logLikelihoodMatchesTheLibrary() {
        logLikelihoodMatchesTheLibrary(STUDENT);
    }

    static void logLikelihoodMatchesTheLibrary(Promises.EStepMethod method) {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        LoopsEm library = new LoopsEm();
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate());
            for (GaussianMixture model : Generators.eStepModels(scenario)) {
                double expected = library.eStep(scenario.data(), model).logLikelihood();
                Expect.close(expected, eStep(method, scenario.data(), model, describe(scenario)).logLikelihood(),
                        TOLERANCE, "L(θ) (" + describe(scenario) + ")",
                        "L is the total over all N points of log Σⱼ πⱼ N(xᵢ | μⱼ, Σⱼ), the E-step's normalisers",
                        List.of(weightsLeftOutOfL(scenario.data(), model), builtFromR(scenario.data(), model),
                                meanNotTotal(expected, scenario.points())));
            }
        }
    }

    @Test
    @Order(4)
    @Points(3)
    @DisplayName("points far from every component get finite responsibilities")
    void farPointsDoNotUnderflow() {
        farPointsDoNotUnderflow(STUDENT);
    }

    static void farPointsDoNotUnderflow(Promises.EStepMethod method) {
        // Components N(0, 1) and N(1, 1) with equal weights. For a point x the log-ratio of the two is
        // log N(x|0,1) − log N(x|1,1) = −x²/2 + (x − 1)²/2 = ½ − x, so r[x][0] = 1 / (1 + e^(x − ½)).
        // At x = 50: r = 1/(1 + e^49.5) ≈ 3.2e-22 and its complement; at x = −50: 1/(1 + e^−50.5) and
        // 1/(1 + e^50.5). Every density here is below e^−1200 and underflows to 0 outside log space.
        GaussianMixture model = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0.0}, {1.0}},
                new double[][][] {{{1.0}}, {{1.0}}});
        DataMatrix data = DataMatrix.ofRows(new double[][] {{50.0}, {-50.0}});
        double[] expected = {
            1.0 / (1.0 + Math.exp(49.5)), 1.0 / (1.0 + Math.exp(-49.5)),
            1.0 / (1.0 + Math.exp(-50.5)), 1.0 / (1.0 + Math.exp(50.5))};
        EStep step = eStep(method, data, model, "points at ±50 between N(0, 1) and N(1, 1)");
        double[] actual = step.responsibilities().toFlatArray();
        for (int index = 0; index < expected.length; index++) {
            // Relative to each value: the small ones are the point of the test.
            Expect.that(Math.abs(expected[index] - actual[index]) <= 1e-9 * expected[index],
                    "r[" + index / 2 + "][" + index % 2 + "] for x = " + data.get(index / 2, 0),
                    Expect.format(expected[index]), Expect.format(actual[index]),
                    Double.isFinite(actual[index])
                            ? "r[i][k] = exp(log ρ[i][k] − log Σⱼ ρ[i][j]), with the log-sum-exp taken over log ρ"
                            : "a density this far out underflows to 0, and ρ / Σρ is 0/0: compute"
                                    + " exp(log ρ − log-sum-exp) in log space instead");
        }
        // L = Σᵢ log(½ N(xᵢ|0,1) + ½ N(xᵢ|1,1)), from the library's log-sum-exp density.
        double likelihood = model.logDensity(new double[] {50.0}) + model.logDensity(new double[] {-50.0});
        Expect.close(likelihood, step.logLikelihood(), 1e-12, "L for the points ±50",
                Double.isInfinite(step.logLikelihood()) || Double.isNaN(step.logLikelihood())
                        ? "the densities this far out underflow to 0 and log 0 is −∞: sum the log-sum-exp"
                                + " normalisers, never the log of a sum of densities"
                        : "L = Σᵢ log Σₖ πₖ N(xᵢ | μₖ, Σₖ), each term by log-sum-exp",
                List.of(KnownMistakes.Mistake.of("what leaving the weights πₖ = ½ out of the E-step gives (each"
                        + " density counted twice): see 4.1 first", likelihood + 2.0 * Math.log(2.0)),
                        builtFromR(data, model), meanNotTotal(likelihood, 2)));
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("an E-step's responsibilities stay as they were when eStep runs again (its comment)")
    void eStepResultsStayAsTheyWere() {
        Promises.eStepResultsStayAsTheyWere((data, model) -> StudentCode.call("Ex4EStep.eStep(N=" + data.rows()
                + ", K=" + model.components() + ")", () -> Ex4EStep.eStep(data, model)));
    }
}
