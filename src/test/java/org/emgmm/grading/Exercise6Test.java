package org.emgmm.grading;

import java.util.ArrayList;
import java.util.List;
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
import org.opentest4j.AssertionFailedError;

/**
 * Graded: exercise 6, the EM loop ({@link Ex6EmLoop}). The steps come from the library's
 * {@link LoopsEm}, so this exercise is graded on its own, whatever exercises 4 and 5 do; the student's
 * loop gets them through a {@link LentAlgorithm}, which does the steps and nothing else, and only during
 * the call.
 */
@Exercise(6)
@DisplayName("Exercise 6: EM loop")
class Exercise6Test {

    /** The loop adds nothing to the arithmetic of the steps: only the order of additions may differ. */
    private static final double TOLERANCE = 1e-12;

    /** Random cases per property, drawn from the run's seed ({@link RunSeed}): new ones in every run. */
    private static final int CASES = 12;

    /** Cases of hasConverged: enough that no answer can be guessed. */
    private static final int FORM_CASES = 20;

    /** The library's steps: what the expected runs use, and what the student's loop gets, lent. */
    private static final EmAlgorithm STEPS = new LoopsEm();

    /** The generator of one test's inputs. */
    private static SplittableRandom random(String test) {
        return RunSeed.forTest(Exercise6Test.class, test);
    }

    /** An EM loop: the student's {@link Ex6EmLoop#run}, or one with a mistake planted ({@code KnownMistakesTest}). */
    @FunctionalInterface
    interface Loop {
        EmResult run(EmAlgorithm steps, DataMatrix data, GaussianMixture start, EmSettings settings);
    }

    /** The student's loop. */
    static final Loop STUDENT = Ex6EmLoop::run;

    private static EmResult run(DataMatrix data, GaussianMixture start, EmSettings settings, String what) {
        return run(STUDENT, data, start, settings, what);
    }

    private static EmResult run(Loop loop, DataMatrix data, GaussianMixture start, EmSettings settings, String what) {
        EmResult result;
        try (LentAlgorithm steps = LentAlgorithm.steps(STEPS)) {
            result = StudentCode.call("Ex6EmLoop.run(" + what + ")", () -> loop.run(steps, data, start, settings));
        }
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
        // One iteration more or fewer is what a loop bound, a count reported one too high, a wrong trace (the
        // total) or ending on an M-step all give: the first two are named when the count and the trace show them,
        // else the hint says what to check.
        Expect.that(expected.iterations() == actual.iterations(), "iterations (" + what + ")", expected.iterations(),
                actual.iterations(), KnownMistakes.hint(iterationCount(expected, actual), "an iteration is one E-step"
                        + " then one M-step (the E-step on θₜ₋₁, then the M-step to θₜ); stop after maxIterations, or"
                        + " as soon as |trace[t] − trace[t−1]| < tolerance on the mean log-likelihood (see 6.1 for"
                        + " hasConverged)"));
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

    /** The off-by-ones a loop's count shows ({@link KnownMistakes#iterationCount}), for a run against the library's. */
    private static java.util.Optional<String> iterationCount(EmResult expected, EmResult actual) {
        return KnownMistakes.iterationCount(expected.iterations(), !expected.converged(), actual.iterations(),
                actual.trace() == null ? -1 : actual.trace().length);
    }

    /** The same for a run of {@code maxIterations} with tolerance 0, which runs every iteration. */
    private static java.util.Optional<String> iterationCount(int maxIterations, EmResult actual) {
        return KnownMistakes.iterationCount(maxIterations, true, actual.iterations(),
                actual.trace() == null ? -1 : actual.trace().length);
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("max-iter 0 returns the start with a one-entry trace, max-iter 1 takes one step")
    void zeroIterationsReturnTheStart() {
        zeroIterationsReturnTheStart(STUDENT);
    }

    static void zeroIterationsReturnTheStart(Loop loop) {
        SplittableRandom random = random("zeroIterationsReturnTheStart");
        Scenario scenario = Generators.scenario(random, Spec.multivariate().withComponents(2, 4));
        EmSettings settings = new EmSettings(0, 1e-6, 1e-6);
        EmResult result = run(loop, scenario.data(), scenario.start(), settings, describe(scenario, settings));
        Expect.that(scenario.start().equals(result.model()), "the model after 0 iterations", "the start itself",
                result.model(), "with maxIterations = 0 no M-step runs");
        Expect.that(result.iterations() == 0 && !result.converged(), "iterations and converged after max-iter 0",
                "0 and false", result.iterations() + " and " + result.converged(),
                KnownMistakes.hint(iterationCount(0, result), "no iteration ran, so nothing converged"));
        double expected = STEPS.eStep(scenario.data(), scenario.start()).logLikelihood() / scenario.points();
        double[] trace = Expect.notNull(result.trace(), "trace after max-iter 0", "one entry: trace[0]");
        Expect.that(trace.length == 1, "trace length after max-iter 0", 1, trace.length,
                "the trace starts with the start's log-likelihood, before the loop");
        Expect.close(expected, trace[0], TOLERANCE, "trace[0] after max-iter 0",
                "trace[0] = L(θ₀)/N: the E-step's log-likelihood divided by the number of points",
                java.util.List.of(KnownMistakes.Mistake.of("the total L where the mean L/N belongs",
                        expected * scenario.points())));
        // One iteration more: the start's E-step then one M-step, and the E-step on θ₁ for trace[1], so a
        // two-entry trace and the library's first iterate.
        EmSettings one = new EmSettings(1, 1e-6, 1e-6);
        EmResult first = run(loop, scenario.data(), scenario.start(), one, describe(scenario, one));
        Expect.that(first.iterations() == 1, "iterations after max-iter 1", 1, first.iterations(),
                KnownMistakes.hint(iterationCount(1, first), "the loop runs while iteration < maxIterations and the"
                        + " run has not converged: with maxIterations = 1, one iteration: the start's E-step, then one"
                        + " M-step (and the E-step on θ₁ for trace[1])"));
        assertSameRun(EmLoop.run(STEPS, scenario.data(), scenario.start(), one), first, describe(scenario, one));
    }

    @Test
    @Order(7)
    @Points(1)
    @DisplayName("trace, iterations and model match the library's loop; a start that does not fit is refused first")
    void matchesTheLibrarysLoop() {
        SplittableRandom random = random("matchesTheLibrarysLoop");
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate());
            EmSettings settings = new EmSettings(1 + random.nextInt(15), 0.0, 1e-6);
            EmResult expected = EmLoop.run(STEPS, scenario.data(), scenario.start(), settings);
            assertSameRun(expected, run(scenario.data(), scenario.start(), settings, describe(scenario, settings)),
                    describe(scenario, settings));
        }
        refusesAStartThatDoesNotFit(Ex6EmLoop::run);
    }

    /** Ex6EmLoop.run. */
    @FunctionalInterface
    interface Run {
        EmResult of(EmAlgorithm steps, DataMatrix data, GaussianMixture start, EmSettings settings);
    }

    /** The library's steps, counted: how many E- and M-steps a loop asked for. */
    private static final class CountedSteps implements EmAlgorithm {

        private int steps;

        @Override
        public String name() {
            return STEPS.name();
        }

        @Override
        public org.emgmm.em.EStep eStep(DataMatrix data, GaussianMixture model) {
            steps++;
            return STEPS.eStep(data, model);
        }

        @Override
        public GaussianMixture mStep(DataMatrix data, org.emgmm.em.Responsibilities responsibilities,
                GaussianMixture previous, double regCovar) {
            steps++;
            return STEPS.mStep(data, responsibilities, previous, regCovar);
        }
    }

    /**
     * The loop's first line, "check the data fits the start": a start of another dimension, and a start with
     * more components than there are points, are refused with a DataException before any step runs (as the
     * library's loop does: {@link EmLoop#requireCompatible}).
     */
    static void refusesAStartThatDoesNotFit(Run run) {
        SplittableRandom random = random("refusesAStartThatDoesNotFit");
        Scenario scenario = Generators.scenario(random, Spec.multivariate().withComponents(2, 4));
        DataMatrix data = scenario.data();
        int d = data.columns();
        GaussianMixture wider = Generators.mixture(random, d + 1, scenario.components());
        refuses(run, data, wider, "a start of dimension " + (d + 1) + " for data of " + d + " columns");
        int n = 2 + random.nextInt(3);
        int[] first = new int[n];
        for (int i = 0; i < n; i++) {
            first[i] = i;
        }
        DataMatrix few = data.withRows(first);
        GaussianMixture more = Generators.mixture(random, d, n + 1 + random.nextInt(2));
        refuses(run, few, more, "a start of " + more.components() + " components for " + n + " points");
    }

    private static void refuses(Run run, DataMatrix data, GaussianMixture start, String what) {
        EmSettings settings = new EmSettings(3, 0.0, 1e-6);
        CountedSteps counted = new CountedSteps();
        AssertionFailedError failed = null;
        try (LentAlgorithm steps = LentAlgorithm.steps(counted)) {
            StudentCode.expectThrows(org.emgmm.data.DataException.class, "Ex6EmLoop.run(" + what + ")",
                    () -> run.of(steps, data, start, settings),
                    "check the data fits the start first: EmLoop.requireCompatible(data, start)");
        } catch (AssertionFailedError failure) {
            failed = failure;
        }
        if (counted.steps > 0) {
            throw Expect.failure("E- and M-steps run by Ex6EmLoop.run before refusing " + what, 0, counted.steps,
                    KnownMistakes.COMPATIBILITY_CHECK_LEFT_OUT, failed);
        }
        if (failed != null) {
            throw failed;
        }
    }

    @Test
    @Order(6)
    @Points(2)
    @DisplayName("stops when the mean log-likelihood changes by less than the tolerance")
    void stopsOnConvergence() {
        SplittableRandom random = random("stopsOnConvergence");
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
        toleranceZeroRunsEveryIteration(STUDENT);
    }

    static void toleranceZeroRunsEveryIteration(Loop loop) {
        SplittableRandom random = random("toleranceZeroRunsEveryIteration");
        Scenario scenario = Generators.scenario(random, Spec.multivariate().withComponents(1, 3));
        int iterations = 4 + random.nextInt(7);
        EmSettings settings = new EmSettings(iterations, 0.0, 1e-6);
        EmResult result = run(loop, scenario.data(), scenario.start(), settings, describe(scenario, settings));
        Expect.that(result.iterations() == iterations && !result.converged(), "iterations and converged with"
                + " tolerance 0", iterations + " and false", result.iterations() + " and " + result.converged(),
                KnownMistakes.hint(iterationCount(iterations, result), "|Δ| < 0 is never true: with tolerance 0"
                        + " every iteration runs and the run does not converge"));
        Expect.that(result.trace() != null && result.trace().length == iterations + 1, "trace length after "
                + iterations + " iterations", iterations + 1, result.trace() == null ? "null" : result.trace().length,
                "iterations + 1 entries");
        // Every one of those iterations is a real one: the trace and the model are the library loop's.
        assertSameRun(EmLoop.run(STEPS, scenario.data(), scenario.start(), settings), result,
                describe(scenario, settings));
    }

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("hasConverged is |current − previous| < tolerance, strictly")
    void hasConverged() {
        hasConverged((previous, current, tolerance) -> StudentCode.call("Ex6EmLoop.hasConverged(" + previous + ", "
                + current + ", " + tolerance + ")", () -> Ex6EmLoop.hasConverged(previous, current, tolerance)));
    }

    /** Ex6EmLoop.hasConverged. */
    @FunctionalInterface
    interface Converged {
        boolean of(double previous, double current, double tolerance);
    }

    /** A wrong convergence test that a student's answers can be recognised as, with its hint. */
    private record WrongTest(Converged test, String hint) {
    }

    /** The wrong convergence tests 6.1 names, when every answer of the student's agrees with one of them. */
    private static final List<WrongTest> WRONG_TESTS = List.of(
            new WrongTest((previous, current, tolerance) -> Math.abs(current - previous) / Math.abs(previous)
                    < tolerance, KnownMistakes.RELATIVE_CHANGE),
            new WrongTest((previous, current, tolerance) -> current - previous < tolerance,
                    KnownMistakes.NO_ABSOLUTE_VALUE),
            new WrongTest((previous, current, tolerance) -> Math.abs(current - previous) <= tolerance,
                    KnownMistakes.NOT_STRICT));

    static void hasConverged(Converged converged) {
        // Numbers on a grid of the tolerance tol = 2^−j, so that previous ± tol is exact: a change of less than the
        // tolerance (converged), of more (not), of exactly the tolerance (strict <: not converged), each up or
        // down (the absolute value); and tolerance 0 with no change at all (never converged). And a change of
        // 1.5 tol from a whole number of magnitude 2 to 63 (a mean log-likelihood of the usual size): not converged,
        // though relative to |previous| it is below the tolerance.
        SplittableRandom random = random("hasConverged");
        List<double[]> cases = new ArrayList<>();
        for (int c = 0; c < FORM_CASES; c++) {
            double tolerance = Math.scalb(1.0, -random.nextInt(3, 21));
            double previous = -random.nextInt(1, 1 << 10) * tolerance;
            double sign = random.nextBoolean() ? 1.0 : -1.0;
            double below = previous + sign * random.nextDouble(0.01, 0.9) * tolerance;
            double above = previous + sign * random.nextDouble(1.1, 100.0) * tolerance;
            double exactly = previous + sign * tolerance;
            double whole = -random.nextInt(2, 64);
            cases.add(new double[] {previous, below, tolerance});
            cases.add(new double[] {previous, above, tolerance});
            cases.add(new double[] {previous, exactly, tolerance});
            cases.add(new double[] {previous, previous, 0.0});
            cases.add(new double[] {whole, whole + sign * 1.5 * tolerance, tolerance});
        }
        boolean[] answers = new boolean[cases.size()];
        int firstWrong = -1;
        for (int i = 0; i < cases.size(); i++) {
            double[] one = cases.get(i);
            answers[i] = converged.of(one[0], one[1], one[2]);
            if (firstWrong < 0 && answers[i] != rightAnswer(one)) {
                firstWrong = i;
            }
        }
        if (firstWrong < 0) {
            return;
        }
        double[] wrong = cases.get(firstWrong);
        String hint = "|current − previous| < tolerance: an absolute value, and a strict <";
        for (WrongTest suspect : WRONG_TESTS) {
            if (answersAll(suspect.test(), cases, answers)) {
                hint = suspect.hint();
                break;
            }
        }
        throw Expect.failure("hasConverged(" + wrong[0] + ", " + wrong[1] + ", " + wrong[2] + ")",
                rightAnswer(wrong), answers[firstWrong], hint);
    }

    /** |current − previous| < tolerance, the text's test, on one case {previous, current, tolerance}. */
    private static boolean rightAnswer(double[] one) {
        return Math.abs(one[1] - one[0]) < one[2];
    }

    /** Whether {@code test} gives every one of {@code answers}. */
    private static boolean answersAll(Converged test, List<double[]> cases, boolean[] answers) {
        for (int i = 0; i < cases.size(); i++) {
            double[] one = cases.get(i);
            if (test.of(one[0], one[1], one[2]) != answers[i]) {
                return false;
            }
        }
        return true;
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("the last trace entry belongs to the returned model")
    void lastTraceEntryBelongsToTheModel() {
        SplittableRandom random = random("lastTraceEntryBelongsToTheModel");
        Scenario scenario = Generators.scenario(random, Spec.multivariate().withComponents(2, 4));
        int iterations = 5 + random.nextInt(8);
        EmSettings settings = new EmSettings(iterations, 0.0, 1e-6);
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
        // And that model is the last iterate, after all the iterations asked for (tolerance 0), not the start.
        EmResult expected = EmLoop.run(STEPS, data, scenario.start(), settings);
        Expect.mixtureClose(expected.model(), result.model(), 1e-10, "the returned model after " + iterations
                + " iterations (" + describe(scenario, settings) + ")", scenario.start().equals(result.model())
                        ? "this is the start: return the parameters of the last M-step, after every iteration"
                        : "return the parameters of the last M-step (whose E-step gave the last trace entry); see 6.3");
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("empty components are reported")
    void emptyComponentsAreReported() {
        // Two groups of points around c₀ and c₁, and three components: one on each group, and one 10⁶ away with
        // unit variance. That one's responsibility for every point is exp(−(10⁶)²/2) relative to the others,
        // which is 0, so it is empty in every M-step; which of the three it is, is drawn.
        SplittableRandom random = random("emptyComponentsAreReported");
        double c0 = random.nextDouble(-20.0, 20.0);
        double c1 = c0 + random.nextDouble(8.0, 15.0);
        double[][] rows = new double[6 + random.nextInt(6)][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {(i % 2 == 0 ? c0 : c1) + random.nextDouble(-0.5, 0.5)};
        }
        DataMatrix data = DataMatrix.ofRows(rows);
        int far = random.nextInt(3);
        double[][] means = new double[3][];
        double[] centres = {c0, c1};
        for (int k = 0, group = 0; k < 3; k++) {
            means[k] = new double[] {k == far ? c1 + (random.nextBoolean() ? 1e6 : -1e6) : centres[group++]};
        }
        GaussianMixture start = GaussianMixture.of(new double[] {0.4, 0.4, 0.2}, means,
                new double[][][] {{{1.0}}, {{1.0}}, {{1.0}}});
        EmResult result = run(data, start, new EmSettings(5, 1e-6, 1e-6), "component " + far + " far from all the"
                + " data");
        int[] empty = Expect.notNull(result.emptyComponents(), "emptyComponents", "an array, empty if none");
        Expect.that(empty.length == 1 && empty[0] == far, "emptyComponents", "[" + far + "]",
                java.util.Arrays.toString(empty), "before each M-step call recordEmptyComponents(r, set), and put the"
                        + " set into the result, ascending");
    }
}
