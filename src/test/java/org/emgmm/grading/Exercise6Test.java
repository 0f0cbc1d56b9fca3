package org.emgmm.grading;

import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmLoop;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.exercises.Ex6EmLoop;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Scenario;
import org.emgmm.testing.Generators.Spec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Graded: exercise 6, the EM loop ({@link Ex6EmLoop}). The steps come from the library's
 * {@link LoopsEm}, so this exercise is graded on its own, whatever exercises 4 and 5 do.
 */
@Exercise(6)
@DisplayName("Exercise 6: EM loop")
class Exercise6Test {

    /** The loop adds nothing to the arithmetic of the steps: only the order of additions may differ. */
    private static final double TOLERANCE = 1e-12;

    /** Random cases per property, from a fixed seed: every run checks the same ones, in well under a second. */
    private static final int CASES = 12;
    private static final long SEED = 0x6E6E6L;

    private static final EmAlgorithm STEPS = new LoopsEm();

    private static EmResult run(DataMatrix data, GaussianMixture start, EmSettings settings, String what) {
        EmResult result = StudentCode.call("Ex6EmLoop.run(" + what + ")",
                () -> Ex6EmLoop.run(STEPS, data, start, settings));
        Expect.notNull(result, "Ex6EmLoop.run(" + what + ")", "return new EmResult(…)");
        Expect.notNull(result.model(), "the model of the result (" + what + ")", "the parameters after the last"
                + " iteration");
        return result;
    }

    private static String describe(Scenario scenario, EmSettings settings) {
        return "D=" + scenario.dimension() + " K=" + scenario.components() + " N=" + scenario.points() + ", max-iter "
                + settings.maxIterations() + ", tol " + settings.tolerance();
    }

    /** The student's run against the library's loop with the same steps, field by field, with hints. */
    private static void assertSameRun(EmResult expected, EmResult actual, String what) {
        // No pattern for the count: one iteration more or fewer is what a loop bound, a wrong trace (the total)
        // or ending on an M-step all give, so the hint says what to check.
        Expect.that(expected.iterations() == actual.iterations(), "iterations (" + what + ")", expected.iterations(),
                actual.iterations(), "an iteration is one M-step and one E-step; stop after maxIterations, or as soon"
                        + " as |trace[t] − trace[t−1]| < tolerance on the mean log-likelihood (see 6.1 for"
                        + " hasConverged)");
        Expect.that(expected.converged() == actual.converged(), "converged (" + what + ")", expected.converged(),
                actual.converged(), "true only when the run stopped because the convergence test was met");
        double[] trace = Expect.notNull(actual.trace(), "trace (" + what + ")", "one entry per parameters visited");
        Expect.that(trace.length == expected.trace().length, "trace length (" + what + ")", expected.trace().length,
                trace.length, "iterations + 1 entries: trace[0] for the start, trace[t] after iteration t");
        Expect.close(expected.trace()[0], trace[0], TOLERANCE, "trace[0] (" + what + ")",
                "trace[0] = L(θ₀)/N, the start's mean log-likelihood per point, from an E-step before the loop",
                java.util.List.of(KnownMistakes.Mistake.of("the total L where the mean L/N belongs",
                        expected.trace()[0] * expected.points())));
        double[] totals = java.util.Arrays.stream(expected.trace()).map(v -> v * expected.points()).toArray();
        double[] shifted = expected.trace().clone();
        System.arraycopy(expected.trace(), 0, shifted, 1, shifted.length - 1);
        Expect.arrayClose(expected.trace(), trace, TOLERANCE, "trace (" + what + ")",
                "trace[t] = L(θₜ)/N from the E-step on the parameters after iteration t", java.util.List.of(
                        KnownMistakes.Mistake.of("the total L where the mean L/N belongs", totals),
                        KnownMistakes.Mistake.of("the trace one iteration behind (the E-step on the parameters"
                                + " before the M-step): see 6.4", shifted)));
        Expect.mixtureClose(expected.model(), actual.model(), 1e-10, "the returned model (" + what + ")",
                "return the parameters of the last M-step (whose E-step gave the last trace entry)");
        Expect.that(actual.points() == expected.points(), "points N (" + what + ")", expected.points(),
                actual.points(), "N = data.rows()");
        Expect.that(STEPS.name().equals(actual.implementation()), "implementation name (" + what + ")",
                STEPS.name(), actual.implementation(), "record steps.name()");
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("max-iter 0 returns the start with a one-entry trace")
    void zeroIterationsReturnTheStart() {
        SplittableRandom random = new SplittableRandom(SEED);
        Scenario scenario = Generators.scenario(random, Spec.multivariate().withComponents(2, 4));
        EmSettings settings = new EmSettings(0, 1e-6, 1e-6);
        EmResult result = run(scenario.data(), scenario.start(), settings, describe(scenario, settings));
        Expect.that(scenario.start().equals(result.model()), "the model after 0 iterations", "the start itself",
                result.model(), "with maxIterations = 0 no M-step runs");
        Expect.that(result.iterations() == 0 && !result.converged(), "iterations and converged after max-iter 0",
                "0 and false", result.iterations() + " and " + result.converged(),
                "no iteration ran, so nothing converged");
        double expected = STEPS.eStep(scenario.data(), scenario.start()).logLikelihood() / scenario.points();
        double[] trace = Expect.notNull(result.trace(), "trace after max-iter 0", "one entry: trace[0]");
        Expect.that(trace.length == 1, "trace length after max-iter 0", 1, trace.length,
                "the trace starts with the start's log-likelihood, before the loop");
        Expect.close(expected, trace[0], TOLERANCE, "trace[0] after max-iter 0",
                "trace[0] = L(θ₀)/N: the E-step's log-likelihood divided by the number of points",
                java.util.List.of(KnownMistakes.Mistake.of("the total L where the mean L/N belongs",
                        expected * scenario.points())));
    }

    @Test
    @Order(7)
    @Points(3)
    @DisplayName("trace, iterations and model match the library's loop")
    void matchesTheLibrarysLoop() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate());
            EmSettings settings = new EmSettings(1 + random.nextInt(15), 0.0, 1e-6);
            EmResult expected = EmLoop.run(STEPS, scenario.data(), scenario.start(), settings);
            assertSameRun(expected, run(scenario.data(), scenario.start(), settings, describe(scenario, settings)),
                    describe(scenario, settings));
        }
    }

    @Test
    @Order(6)
    @Points(2)
    @DisplayName("stops when the mean log-likelihood changes by less than the tolerance")
    void stopsOnConvergence() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate().withComponents(2, 5));
            EmSettings settings = new EmSettings(500, new double[] {1e-2, 1e-4, 1e-6}[c % 3], 1e-6);
            EmResult expected = EmLoop.run(STEPS, scenario.data(), scenario.start(), settings);
            assertSameRun(expected, run(scenario.data(), scenario.start(), settings, describe(scenario, settings)),
                    describe(scenario, settings));
        }
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("with tolerance 0 it runs exactly max-iter iterations")
    void toleranceZeroRunsEveryIteration() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        Scenario scenario = Generators.scenario(random, Spec.multivariate().withComponents(1, 3));
        EmSettings settings = new EmSettings(7, 0.0, 1e-6);
        EmResult result = run(scenario.data(), scenario.start(), settings, describe(scenario, settings));
        Expect.that(result.iterations() == 7 && !result.converged(), "iterations and converged with tolerance 0",
                "7 and false", result.iterations() + " and " + result.converged(),
                "|Δ| < 0 is never true: with tolerance 0 every iteration runs and the run does not converge");
        Expect.that(result.trace() != null && result.trace().length == 8, "trace length after 7 iterations", 8,
                result.trace() == null ? "null" : result.trace().length, "iterations + 1 entries");
    }

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("hasConverged is |current − previous| < tolerance, strictly")
    void hasConverged() {
        // (previous, current, tolerance, expected): a small rise, a large rise, a small dip and a large dip
        // (the absolute value), a change of exactly the tolerance (strict <: not converged; 0.5 and 0.25 are
        // exact in binary), tolerance 0.
        Object[][] cases = {
            {-1.0, -1.0 + 1e-7, 1e-6, true},
            {-1.0, -0.9, 1e-6, false},
            {-1.0, -1.0 - 1e-7, 1e-6, true},
            {-1.0, -2.0, 1e-6, false},
            {0.5, 0.75, 0.25, false},
            {-2.0, -2.0, 0.0, false},
        };
        for (Object[] row : cases) {
            double previous = (Double) row[0];
            double current = (Double) row[1];
            double tolerance = (Double) row[2];
            boolean expected = (Boolean) row[3];
            boolean actual = StudentCode.call("Ex6EmLoop.hasConverged(" + previous + ", " + current + ", "
                    + tolerance + ")", () -> Ex6EmLoop.hasConverged(previous, current, tolerance));
            Expect.that(expected == actual, "hasConverged(" + previous + ", " + current + ", " + tolerance + ")",
                    expected, actual, "|current − previous| < tolerance: an absolute value, and a strict <");
        }
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("the last trace entry belongs to the returned model")
    void lastTraceEntryBelongsToTheModel() {
        SplittableRandom random = new SplittableRandom(SEED + 4);
        Scenario scenario = Generators.scenario(random, Spec.multivariate().withComponents(2, 4));
        EmSettings settings = new EmSettings(9, 0.0, 1e-6);
        EmResult result = run(scenario.data(), scenario.start(), settings, describe(scenario, settings));
        DataMatrix data = scenario.data();
        double total = 0.0;
        for (int i = 0; i < data.rows(); i++) {
            total += result.model().logDensity(data.row(i));
        }
        double[] trace = Expect.notNull(result.trace(), "trace", "iterations + 1 entries");
        Expect.close(total / data.rows(), trace[trace.length - 1], 1e-10,
                "the last trace entry against (1/N) Σᵢ log p(xᵢ | returned model)",
                "end each iteration with the E-step on the new parameters, and return those parameters");
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("empty components are reported")
    void emptyComponentsAreReported() {
        // Component 2 sits 10⁶ away with unit variance: its responsibility for every point is
        // exp(−(10⁶)²/2) relative to the others, which is 0, so it is empty in every M-step.
        DataMatrix data = DataMatrix.ofRows(new double[][] {{-0.5}, {0.0}, {0.5}, {9.5}, {10.0}, {10.5}});
        GaussianMixture start = GaussianMixture.of(new double[] {0.4, 0.4, 0.2},
                new double[][] {{0.0}, {10.0}, {1e6}}, new double[][][] {{{1.0}}, {{1.0}}, {{1.0}}});
        EmResult result = run(data, start, new EmSettings(5, 1e-6, 1e-6), "a component far from all the data");
        int[] empty = Expect.notNull(result.emptyComponents(), "emptyComponents", "an array, empty if none");
        Expect.that(empty.length == 1 && empty[0] == 2, "emptyComponents", "[2]", java.util.Arrays.toString(empty),
                "before each M-step call recordEmptyComponents(r, set), and put the set into the result, ascending");
    }
}
