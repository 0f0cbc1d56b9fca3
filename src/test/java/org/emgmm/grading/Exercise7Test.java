package org.emgmm.grading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.NotebookSetups;
import org.emgmm.em.EmSettings;
import org.emgmm.em.EmptyComponents;
import org.emgmm.exercises.Ex7UnivariateEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Scenario;
import org.emgmm.testing.Generators.Spec;
import org.emgmm.univariate.UnivariateEm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Graded: exercise 7, univariate EM in scalars ({@link Ex7UnivariateEm}). */
@Exercise(7)
@DisplayName("Exercise 7: univariate EM")
class Exercise7Test {

    /** Against the library's univariate EM: the same scalar formulas, rounding only, over a few iterations. */
    private static final double TOLERANCE = 1e-9;

    /** Random cases per property, drawn from the run's seed ({@link RunSeed}): new ones in every run. */
    private static final int CASES = 25;
    private static final double REG_COVAR = 1e-6;

    /** The generator of one test's inputs. */
    static SplittableRandom random(String test) {
        return RunSeed.forTest(Exercise7Test.class, test);
    }

    private static final UnivariateEm LIBRARY = new UnivariateEm();

    private static String describe(Scenario scenario) {
        return "K=" + scenario.components() + " N=" + scenario.points();
    }

    private static GaussianMixture libraryFit(DataMatrix data, GaussianMixture start, int iterations) {
        return LIBRARY.fit(data, start, new EmSettings(iterations, 0.0, REG_COVAR)).model();
    }

    /** The student's step and fit, called through {@link StudentCode}. */
    static final Promises.UnivariateStep STEP = (x, model, regCovar) -> StudentCode.call("Ex7UnivariateEm.step(N="
            + x.length + ", K=" + model.components() + ")", () -> Ex7UnivariateEm.step(x, model, regCovar));
    static final Promises.UnivariateFit FIT = (x, start, iterations, regCovar) -> StudentCode.call(
            "Ex7UnivariateEm.fit(N=" + x.length + ", K=" + start.components() + ", " + iterations + " iterations)",
            () -> Ex7UnivariateEm.fit(x, start, iterations, regCovar));

    private static GaussianMixture fit(Promises.UnivariateFit fit, double[] x, GaussianMixture start, int iterations,
            String what) {
        GaussianMixture result = fit.of(x.clone(), start, iterations, REG_COVAR);
        return Expect.notNull(result, "Ex7UnivariateEm.fit(" + what + ")", "return the parameters after the last step");
    }

    /** The mistakes of one step that 7.2 names, for the step that gives {@code expected} from {@code start}. */
    static List<KnownMistakes.Mistake> stepMistakes(GaussianMixture expected, GaussianMixture start) {
        int k = expected.components();
        double[] roots = new double[k];
        double[] withoutReg = new double[k];
        for (int c = 0; c < k; c++) {
            roots[c] = Math.sqrt(expected.covariance(c, 0, 0));
            withoutReg[c] = expected.covariance(c, 0, 0) - REG_COVAR;
        }
        List<KnownMistakes.Mistake> mistakes = new ArrayList<>();
        mistakes.add(KnownMistakes.Mistake.of("the right step with the start's weights kept: πₖ is not updated to"
                + " Nₖ/N (seed 004's bug)", GaussianMixture.ofFlat(k, 1, start.weights(), expected.flatMeans(),
                        expected.flatCovariances())));
        mistakes.add(KnownMistakes.Mistake.of("the right step with the square root of each variance: σₖ where σₖ²"
                + " belongs (SciPy's scale is σ, the model holds σ²)", GaussianMixture.ofFlat(k, 1, expected.weights(),
                        expected.flatMeans(), roots)));
        if (Arrays.stream(withoutReg).allMatch(v -> v > 0.0)) {
            mistakes.add(KnownMistakes.Mistake.of("the right step without regCovar added to the variances",
                    GaussianMixture.ofFlat(k, 1, expected.weights(), expected.flatMeans(), withoutReg)));
        }
        return mistakes;
    }

    /**
     * Whether {@code step} differs from one library iteration on the first few cases of 7.2 (ordinary
     * data, no outliers): then 7.2's failure explains the later tests' failures, which say so.
     */
    static boolean stepDiffersFromTheLibrary(Promises.UnivariateStep step) {
        SplittableRandom random = random("oneStepMatchesTheLibrary");
        for (int c = 0; c < 3; c++) {
            Scenario scenario = Generators.scenario(random, Spec.univariate());
            try {
                GaussianMixture actual = step.of(scenario.data().toFlatArray(), scenario.start(), REG_COVAR);
                Expect.mixtureClose(libraryFit(scenario.data(), scenario.start(), 1), actual, TOLERANCE, "step", "");
            } catch (AssertionError | RuntimeException e) {
                return true;
            }
        }
        return false;
    }

    private static final String NAN_FAR_OUT = "a NaN or ∞: both densities at the far point underflow to 0, and"
            + " r = 0/0; compute the responsibilities in log space, with log-sum-exp";

    /** {@code hint}, or "see 7.2 first" when {@code step} already differs from the library there. */
    private static String unlessStepDiffers(Promises.UnivariateStep step, String hint) {
        return stepDiffersFromTheLibrary(step)
                ? "see 7.2 first: step already differs from one library iteration on ordinary data, and this test"
                        + " builds on it"
                : hint;
    }

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("logLikelihood matches the library")
    void logLikelihoodMatchesTheLibrary() {
        SplittableRandom random = random("logLikelihoodMatchesTheLibrary");
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.univariate());
            double[] x = scenario.data().toFlatArray();
            for (GaussianMixture model : Generators.eStepModels(scenario)) {
                double expected = LIBRARY.eStep(scenario.data(), model).logLikelihood();
                double actual = StudentCode.call("Ex7UnivariateEm.logLikelihood(" + describe(scenario) + ")",
                        () -> Ex7UnivariateEm.logLikelihood(x.clone(), model));
                Expect.close(expected, actual, 1e-10, "L(θ) (" + describe(scenario) + ")",
                        "Σᵢ log Σₖ πₖ N(xᵢ | μₖ, σₖ²), the inner sum by log-sum-exp; the variance is"
                                + " covariance(k, 0, 0)");
            }
        }
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("one step matches one iteration of the library")
    void oneStepMatchesTheLibrary() {
        oneStepMatchesTheLibrary(STEP);
    }

    static void oneStepMatchesTheLibrary(Promises.UnivariateStep step) {
        SplittableRandom random = random("oneStepMatchesTheLibrary");
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.univariate());
            double[] x = scenario.data().toFlatArray();
            GaussianMixture expected = libraryFit(scenario.data(), scenario.start(), 1);
            GaussianMixture actual = step.of(x.clone(), scenario.start(), REG_COVAR);
            Expect.mixtureClose(expected, actual, TOLERANCE, "one EM step (" + describe(scenario) + ")",
                    "E: r from log πₖ − ½ log(2πσₖ²) − (x − μₖ)²/(2σₖ²); M: πₖ = Nₖ/N, μₖ = Σ r x / Nₖ,"
                            + " σₖ² = Σ r (x − μₖ)² / Nₖ + regCovar", stepMistakes(expected, scenario.start()));
        }
    }

    @Test
    @Order(6)
    @Points(1)
    @DisplayName("twenty steps match twenty iterations of the library")
    void fitMatchesTheLibrary() {
        fitMatchesTheLibrary(FIT, STEP);
    }

    static void fitMatchesTheLibrary(Promises.UnivariateFit fit, Promises.UnivariateStep step) {
        SplittableRandom random = random("fitMatchesTheLibrary");
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.univariate());
            GaussianMixture expected = libraryFit(scenario.data(), scenario.start(), 20);
            GaussianMixture actual = fit(fit, scenario.data().toFlatArray(), scenario.start(), 20, describe(scenario));
            if (!Expect.isMixtureClose(expected, actual, TOLERANCE)) {
                Expect.mixtureClose(expected, actual, TOLERANCE, "20 EM steps (" + describe(scenario) + ")",
                        unlessStepDiffers(step, "fit(x, start, n) is step applied n times, each to the result of the"
                                + " one before, starting from start"),
                        KnownMistakes.offByOne("iteration", KnownMistakes.flat(libraryFit(scenario.data(),
                                scenario.start(), 19)), KnownMistakes.flat(libraryFit(scenario.data(),
                                scenario.start(), 21))));
            }
        }
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("seed 004's data: the weights move from 0.3/0.7 to about 0.7/0.3")
    void seed004WeightsAreLearnt() {
        seed004WeightsAreLearnt(FIT, STEP);
    }

    static void seed004WeightsAreLearnt(Promises.UnivariateFit fit, Promises.UnivariateStep step) {
        // The notebook's setup: 10,000 points, 70% from N(222, 10²) and 30% from N(285, 25²), drawn afresh from
        // the run's seed. Its loop fixes the weights at 0.3/0.7; started there, EM with weight updates must find
        // about 0.7/0.3.
        NotebookSetups.Setup setup = NotebookSetups.byName("seed-004");
        DataMatrix data = setup.draw(random("seed004WeightsAreLearnt").nextLong()).data();
        GaussianMixture start = GaussianMixture.of(new double[] {0.3, 0.7}, new double[][] {{150.0}, {250.0}},
                new double[][][] {{{400.0}}, {{400.0}}});
        int iterations = 100; // ample for two groups this far apart to settle
        GaussianMixture fitted = fit(fit, data.toFlatArray(), start, iterations, "seed 004's 10,000 points");
        // The weight of a group in 10,000 points has a standard error of at most √(0.25/10,000) = 0.005;
        // 0.05 is ten of those, and weights that stay at 0.3/0.7 miss by 0.4.
        double[] truth = setup.mixture().weights();
        boolean kept = Arrays.equals(fitted.weights(), start.weights());
        for (int k = 0; k < 2; k++) {
            if (Math.abs(fitted.weight(k) - truth[k]) > 0.05) {
                throw Expect.failure("π" + k + " after " + iterations + " steps", truth[k] + " ± 0.05",
                        Expect.format(fitted.weight(k)), kept
                                ? "your weights are still the start's 0.3 and 0.7: update πₖ = Nₖ/N in every step"
                                        + " (seed 004 never does)"
                                : unlessStepDiffers(step, "the weights follow the data: πₖ = Nₖ/N after each step"));
            }
        }
        GaussianMixture expected = libraryFit(data, start, iterations);
        if (!Expect.isMixtureClose(expected, fitted, TOLERANCE)) {
            Expect.mixtureClose(expected, fitted, TOLERANCE, "100 EM steps on seed 004's data",
                    unlessStepDiffers(step, "the same scalar updates as UnivariateEm, 100 times"),
                    KnownMistakes.offByOne("iteration", KnownMistakes.flat(libraryFit(data, start, iterations - 1)),
                            KnownMistakes.flat(libraryFit(data, start, iterations + 1))));
        }
    }

    @Test
    @Order(3)
    @Points(3)
    @DisplayName("far from the data: a far point does not turn the parameters into NaN, and a component far from"
            + " every point keeps its mean and variance")
    void farOutlierStaysFinite() {
        farOutlierStaysFinite(STEP);
        lostComponentKeepsItsParameters(STEP);
    }

    /**
     * The empty-component rule of the text: a component whose Nₖ is below {@link EmptyComponents#THRESHOLD}
     * keeps its mean and variance, and only its weight πₖ = Nₖ/N changes. Points near two components
     * N(m₀, σ²) and N(m₁, σ²), and a third component of the same variance, weight 0.2, whose mean lies 30 to 34
     * standard deviations above m₁: every point is 28 to 36 of them away from it, so its responsibilities are
     * about e^−400 to e^−650 (tiny, but not 0: the smallest double is about e^−745), Nₖ is far below the
     * threshold, and without the rule its mean becomes Σ r x / Nₖ, an average of the nearest points. Then the
     * same with that component 10⁶ away, where every responsibility is exactly 0 and, without the rule, its mean
     * 0/0 = NaN.
     */
    static void lostComponentKeepsItsParameters(Promises.UnivariateStep step) {
        SplittableRandom random = random("lostComponentKeepsItsParameters");
        double variance = random.nextDouble(0.5, 2.0);
        double sd = Math.sqrt(variance);
        double m0 = random.nextDouble(-10.0, 10.0);
        double m1 = m0 + random.nextDouble(3.0, 6.0) * sd;
        double[] x = new double[6 + random.nextInt(7)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 2 == 0 ? m0 : m1) + random.nextDouble(-1.5, 1.5) * sd;
        }
        int lost = random.nextInt(3);
        for (double distance : new double[] {random.nextDouble(30.0, 34.0) * sd, 1e6}) {
            double[] means = new double[3];
            double[] weights = new double[3];
            for (int k = 0, group = 0; k < 3; k++) {
                means[k] = k == lost ? m1 + distance : group++ == 0 ? m0 : m1;
                weights[k] = k == lost ? 0.2 : 0.4;
            }
            GaussianMixture start = GaussianMixture.ofFlat(3, 1, weights, means,
                    new double[] {variance, variance, variance});
            String what = "one EM step with component " + lost + " at " + Expect.format(means[lost]) + ", "
                    + Expect.format(distance / sd) + " standard deviations from the nearest group";
            GaussianMixture result;
            try {
                result = step.of(x.clone(), start, REG_COVAR);
            } catch (AssertionFailedError refused) {
                if (String.valueOf(refused.getMessage()).contains("NaN")) {
                    throw Expect.failure(what, "its mean and variance kept", refused.getMessage().split("; hint: ")[0],
                            KnownMistakes.hint(java.util.Optional.of(KnownMistakes.NO_EMPTY_COMPONENT_RULE),
                                    "its Nₖ is exactly 0 here, and Σ r x / Nₖ is 0/0"), refused);
                }
                throw refused;
            }
            Expect.notNull(result, what, "return the parameters after the step");
            double[] kept = {means[lost], variance};
            double[] actual = {result.mean(lost, 0), result.covariance(lost, 0, 0)};
            Expect.arrayClose(kept, actual, 1e-12, "the mean and variance of component " + lost + " after " + what,
                    "its Nₖ is below EmptyComponents.THRESHOLD: keep its mean and variance as they were",
                    List.of(KnownMistakes.Mistake.of(KnownMistakes.NO_EMPTY_COMPONENT_RULE,
                            withoutTheRule(x, start, lost, REG_COVAR))));
            Expect.that(result.weight(lost) < EmptyComponents.THRESHOLD, "π" + lost + " after " + what,
                    "Nₖ/N, below " + EmptyComponents.THRESHOLD, Expect.format(result.weight(lost)),
                    "the weight of an empty component is still updated: πₖ = Nₖ/N");
        }
    }

    /**
     * The mean and variance that component {@code c} gets from one step without the empty-component rule,
     * μ = Σ r x / Nₖ and σ² = Σ r (x − μ)² / Nₖ + regCovar, from responsibilities computed in log space; NaN
     * when every responsibility is 0.
     */
    private static double[] withoutTheRule(double[] x, GaussianMixture model, int c, double regCovar) {
        int k = model.components();
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] logs = new double[k];
            for (int j = 0; j < k; j++) {
                double deviation = x[i] - model.mean(j, 0);
                logs[j] = Math.log(model.weight(j)) - 0.5 * Math.log(2.0 * Math.PI * model.covariance(j, 0, 0))
                        - deviation * deviation / (2.0 * model.covariance(j, 0, 0));
            }
            r[i] = Math.exp(logs[c] - org.emgmm.model.LogSumExp.of(logs));
        }
        double nk = 0.0;
        double sum = 0.0;
        for (int i = 0; i < x.length; i++) {
            nk += r[i];
            sum += r[i] * x[i];
        }
        double mean = sum / nk;
        double squares = 0.0;
        for (int i = 0; i < x.length; i++) {
            squares += r[i] * (x[i] - mean) * (x[i] - mean);
        }
        return new double[] {mean, squares / nk + regCovar};
    }

    static void farOutlierStaysFinite(Promises.UnivariateStep step) {
        // Five points near two components N(m₀, σ²) and N(m₁, σ²), m₀ < m₁, and one 60 to 80 standard deviations
        // above m₁: both its densities are below e^−1700 and underflow to 0, so outside log space its
        // responsibilities are 0/0 = NaN.
        SplittableRandom random = random("farOutlierStaysFinite");
        double variance = random.nextDouble(0.5, 2.0);
        double sd = Math.sqrt(variance);
        double m0 = random.nextDouble(-10.0, 10.0);
        double m1 = m0 + random.nextDouble(0.5, 2.0) * sd;
        double outlier = m1 + random.nextDouble(60.0, 80.0) * sd;
        double[] x = new double[6];
        double[][] rows = new double[6][];
        for (int i = 0; i < 6; i++) {
            x[i] = i == 5 ? outlier : (i % 2 == 0 ? m0 : m1) + random.nextDouble(-1.5, 1.5) * sd;
            rows[i] = new double[] {x[i]};
        }
        GaussianMixture start = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{m0}, {m1}},
                new double[][][] {{{variance}}, {{variance}}});
        GaussianMixture expected = libraryFit(DataMatrix.ofRows(rows), start, 1);
        GaussianMixture result;
        try {
            result = step.of(x.clone(), start, REG_COVAR);
        } catch (AssertionFailedError refused) {
            // A NaN weight or variance is refused by GaussianMixture itself: the 0/0 of underflowed densities.
            if (String.valueOf(refused.getMessage()).contains("NaN")) {
                throw Expect.failure("one EM step with a point at " + outlier, "finite parameters",
                        refused.getMessage().split("; hint: ")[0],
                        NAN_FAR_OUT, refused);
            }
            throw refused;
        }
        GaussianMixture actual = Expect.notNull(result, "Ex7UnivariateEm.step(five points near " + m0 + " and " + m1
                + ", one at " + outlier + ")", "return the parameters after the step");
        boolean finite = Arrays.stream(KnownMistakes.flat(actual)).allMatch(Double::isFinite);
        Expect.mixtureClose(expected, actual, TOLERANCE, "one EM step with a point at " + outlier, finite
                ? unlessStepDiffers(step, "the point at " + outlier + " belongs almost wholly to the nearer component:"
                        + " r from log πₖ + log N(x | μₖ, σₖ²) by log-sum-exp")
                : NAN_FAR_OUT, stepMistakes(expected, start));
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("logLikelihood, step and fit do not modify x (their comments: \"Not modified\")")
    void logLikelihoodStepAndFitLeaveX() {
        Promises.univariateEmLeavesX(
                (x, model) -> StudentCode.call("Ex7UnivariateEm.logLikelihood(" + Expect.format(x) + ")",
                        () -> Ex7UnivariateEm.logLikelihood(x, model)),
                (x, model, regCovar) -> StudentCode.call("Ex7UnivariateEm.step(" + Expect.format(x) + ")",
                        () -> Ex7UnivariateEm.step(x, model, regCovar)),
                (x, start, iterations, regCovar) -> StudentCode.call("Ex7UnivariateEm.fit(" + Expect.format(x) + ", "
                        + iterations + " iterations)", () -> Ex7UnivariateEm.fit(x, start, iterations, regCovar)));
    }
}
