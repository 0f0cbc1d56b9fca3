package org.emgmm.grading;

import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.NotebookSetups;
import org.emgmm.em.EmSettings;
import org.emgmm.exercises.Ex7UnivariateEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Scenario;
import org.emgmm.testing.Generators.Spec;
import org.emgmm.univariate.UnivariateEm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Graded: exercise 7, univariate EM in scalars ({@link Ex7UnivariateEm}). */
@Exercise(7)
@DisplayName("Exercise 7: univariate EM")
class Exercise7Test {

    /** Against the library's univariate EM: the same scalar formulas, rounding only, over a few iterations. */
    private static final double TOLERANCE = 1e-9;

    /** Random cases per property, from a fixed seed: every run checks the same ones, in well under a second. */
    private static final int CASES = 25;
    private static final long SEED = 0x7E7E7L;
    private static final double REG_COVAR = 1e-6;

    private static final UnivariateEm LIBRARY = new UnivariateEm();

    private static String describe(Scenario scenario) {
        return "K=" + scenario.components() + " N=" + scenario.points();
    }

    private static GaussianMixture libraryFit(DataMatrix data, GaussianMixture start, int iterations) {
        return LIBRARY.fit(data, start, new EmSettings(iterations, 0.0, REG_COVAR)).model();
    }

    private static GaussianMixture fit(double[] x, GaussianMixture start, int iterations, String what) {
        GaussianMixture result = StudentCode.call("Ex7UnivariateEm.fit(" + what + ", " + iterations + " iterations)",
                () -> Ex7UnivariateEm.fit(x.clone(), start, iterations, REG_COVAR));
        return Expect.notNull(result, "Ex7UnivariateEm.fit(" + what + ")", "return the parameters after the last step");
    }

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("logLikelihood matches the library")
    void logLikelihoodMatchesTheLibrary() {
        SplittableRandom random = new SplittableRandom(SEED);
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
    @Points(2)
    @DisplayName("one step matches one iteration of the library")
    void oneStepMatchesTheLibrary() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.univariate());
            double[] x = scenario.data().toFlatArray();
            GaussianMixture expected = libraryFit(scenario.data(), scenario.start(), 1);
            GaussianMixture actual = StudentCode.call("Ex7UnivariateEm.step(" + describe(scenario) + ")",
                    () -> Ex7UnivariateEm.step(x.clone(), scenario.start(), REG_COVAR));
            Expect.mixtureClose(expected, actual, TOLERANCE, "one EM step (" + describe(scenario) + ")",
                    "E: r from log πₖ − ½ log(2πσₖ²) − (x − μₖ)²/(2σₖ²); M: πₖ = Nₖ/N, μₖ = Σ r x / Nₖ,"
                            + " σₖ² = Σ r (x − μₖ)² / Nₖ + regCovar");
        }
    }

    @Test
    @Order(6)
    @Points(2)
    @DisplayName("twenty steps match twenty iterations of the library")
    void fitMatchesTheLibrary() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.univariate());
            GaussianMixture expected = libraryFit(scenario.data(), scenario.start(), 20);
            Expect.mixtureClose(expected, fit(scenario.data().toFlatArray(), scenario.start(), 20,
                    describe(scenario)), TOLERANCE, "20 EM steps (" + describe(scenario) + ")",
                    "fit applies step exactly `iterations` times, each from the previous result");
        }
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("seed 004's data: the weights move from 0.3/0.7 to about 0.7/0.3")
    void seed004WeightsAreLearnt() {
        // The notebook's setup: 10,000 points, 70% from N(160, 20²) and 30% from N(240, 15²). Its loop fixes
        // the weights at 0.3/0.7; started there, EM with weight updates must find about 0.7/0.3.
        NotebookSetups.Setup setup = NotebookSetups.byName("seed-004");
        DataMatrix data = setup.draw(4).data();
        GaussianMixture start = GaussianMixture.of(new double[] {0.3, 0.7}, new double[][] {{150.0}, {250.0}},
                new double[][][] {{{400.0}}, {{400.0}}});
        int iterations = 100; // ample for two groups this far apart to settle
        GaussianMixture fitted = fit(data.toFlatArray(), start, iterations, "seed 004's 10,000 points");
        // The weight of a group in 10,000 points has a standard error of at most √(0.25/10,000) = 0.005;
        // 0.05 is ten of those, and weights that stay at 0.3/0.7 miss by 0.4.
        double[] truth = setup.mixture().weights();
        for (int k = 0; k < 2; k++) {
            Expect.that(Math.abs(fitted.weight(k) - truth[k]) <= 0.05, "π" + k + " after " + iterations + " steps",
                    truth[k] + " ± 0.05", Expect.format(fitted.weight(k)),
                    "update πₖ = Nₖ/N in every step (seed 004 keeps 0.3 and 0.7 throughout)");
        }
        Expect.mixtureClose(libraryFit(data, start, iterations), fitted, TOLERANCE,
                "100 EM steps on seed 004's data", "the same scalar updates as UnivariateEm");
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("a far outlier does not turn the parameters into NaN")
    void farOutlierStaysFinite() {
        // The point 60 is 59 or more standard deviations from both components: both densities are below
        // e^−1700 and underflow to 0, so outside log space its responsibilities are 0/0 = NaN.
        double[] x = {0.1, -0.3, 0.2, 1.1, 0.9, 60.0};
        GaussianMixture start = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0.0}, {1.0}},
                new double[][][] {{{1.0}}, {{1.0}}});
        GaussianMixture expected = libraryFit(DataMatrix.ofRows(new double[][] {{0.1}, {-0.3}, {0.2}, {1.1}, {0.9},
            {60.0}}), start, 1);
        GaussianMixture actual = StudentCode.call("Ex7UnivariateEm.step(five points near 0 and 1, one at 60)",
                () -> Ex7UnivariateEm.step(x.clone(), start, REG_COVAR));
        Expect.mixtureClose(expected, actual, TOLERANCE, "one EM step with a point at 60",
                "compute the responsibilities in log space, with log-sum-exp");
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
