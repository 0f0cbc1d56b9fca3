package org.emgmm.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Responsibilities;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.NotPositiveDefiniteException;
import org.emgmm.testing.Cases;
import org.emgmm.testing.EmChecks;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Scenario;
import org.emgmm.testing.Generators.Spec;
import org.emgmm.testing.Reference;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every {@link EmAlgorithm} keeps, as property tests on random well-conditioned cases
 * (see {@link Generators}), {@value Cases#DEFAULT_CASES} per property by default (see {@link Cases}
 * for raising the count and rerunning one case).
 *
 * <p>An implementation's test is a subclass that names the implementation, and says whether it is
 * univariate (then every case has D = 1):
 * <pre>
 *   class LoopsEmContractTest extends EmContract {
 *       &#64;Override
 *       protected EmAlgorithm algorithm() {
 *           return new LoopsEm();
 *       }
 *   }
 * </pre>
 * The reference for agreement is {@link LoopsEm}, the per-point loops that read like the textbook.
 */
public abstract class EmContract {

    /** Relative agreement with the reference, and of refits of shuffled or translated data. */
    public static final double AGREEMENT_TOLERANCE = 1e-9;

    /** A fresh instance of the implementation under test. */
    protected abstract EmAlgorithm algorithm();

    /** Whether the implementation only handles D = 1; then every case has D = 1. */
    protected boolean univariate() {
        return false;
    }

    private Spec spec() {
        return Spec.of(univariate());
    }

    private Stream<DynamicTest> scenarios(String property, Cases.Check<Scenario> check) {
        Spec spec = spec();
        return Cases.forAll("EmContract." + property, random -> Generators.scenario(random, spec), check);
    }

    // ---- E-step --------------------------------------------------------------------------------

    /**
     * Every row of the responsibilities sums to 1 within 1e-12 and every entry is in [0, 1] (at the
     * start, the truth and the broadened truth: {@link Generators#eStepModels}).
     */
    @TestFactory
    Stream<DynamicTest> responsibilitiesAreDistributions() {
        EmAlgorithm algorithm = algorithm();
        return scenarios("responsibilitiesAreDistributions", (scenario, random) -> {
            for (GaussianMixture model : Generators.eStepModels(scenario)) {
                EStep step = algorithm.eStep(scenario.data(), model);
                EmChecks.responsibilitiesAreDistributions(step.responsibilities(), scenario.points(),
                        scenario.components());
            }
        });
    }

    /**
     * The responsibilities are Bayes' rule with the mixing weights, computed independently (at the start,
     * the truth and the broadened truth, whose overlapping components make every responsibility depend
     * on the weights).
     */
    @TestFactory
    Stream<DynamicTest> responsibilitiesFollowBayesRule() {
        EmAlgorithm algorithm = algorithm();
        return scenarios("responsibilitiesFollowBayesRule", (scenario, random) -> {
            for (GaussianMixture model : Generators.eStepModels(scenario)) {
                EStep step = algorithm.eStep(scenario.data(), model);
                EmChecks.responsibilitiesFollowBayesRule(step.responsibilities(), scenario.data(), model);
            }
        });
    }

    /** The E-step's log-likelihood is Σᵢ log p(xᵢ | θ), computed independently (at the same three models). */
    @TestFactory
    Stream<DynamicTest> eStepLogLikelihoodIsSumOfLogDensities() {
        EmAlgorithm algorithm = algorithm();
        return scenarios("eStepLogLikelihoodIsSumOfLogDensities", (scenario, random) -> {
            for (GaussianMixture model : Generators.eStepModels(scenario)) {
                EmChecks.logLikelihoodIsSumOfLogDensities(algorithm.eStep(scenario.data(), model), scenario.data(),
                        model);
            }
        });
    }

    // ---- M-step --------------------------------------------------------------------------------

    /**
     * After every M-step of 10 iterations (reg-covar 0 or 1e-6; fewer if the reference collapses): the
     * weights sum to 1 within 1e-12 and equal Nₖ/N, and every covariance is symmetric with a Cholesky
     * factor.
     */
    @TestFactory
    Stream<DynamicTest> everyMStepGivesAValidMixture() {
        EmAlgorithm algorithm = algorithm();
        return scenarios("everyMStepGivesAValidMixture", (scenario, random) -> {
            double regCovar = random.nextBoolean() ? 0.0 : 1e-6;
            int iterations = iterationsBeforeCollapse(scenario, new EmSettings(10, 0.0, regCovar));
            GaussianMixture model = scenario.start();
            for (int iteration = 1; iteration <= iterations; iteration++) {
                Responsibilities r = algorithm.eStep(scenario.data(), model).responsibilities();
                model = algorithm.mStep(scenario.data(), r, model, regCovar);
                EmChecks.weightsSumToOne(model);
                EmChecks.weightsAreEffectiveCounts(model, r);
                EmChecks.covariancesSymmetricPositiveDefinite(model);
            }
        });
    }

    /**
     * With reg-covar 0 the M-step's μₖ is Σᵢ r[i][k] xᵢ / Nₖ and its Σₖ is YᵀY/Nₖ with
     * Yᵢ = √r[i][k] (xᵢ − μₖ), both computed independently in the test.
     */
    @TestFactory
    Stream<DynamicTest> mStepIsWeightedScatter() {
        EmAlgorithm algorithm = algorithm();
        return scenarios("mStepIsWeightedScatter", (scenario, random) -> {
            Responsibilities r = algorithm.eStep(scenario.data(), scenario.start()).responsibilities();
            GaussianMixture next = algorithm.mStep(scenario.data(), r, scenario.start(), 0.0);
            EmChecks.mStepIsWeightedScatter(next, scenario.data(), r, 0.0);
        });
    }

    /**
     * From equal weights on data whose true weights are 0.8/0.2, 50 iterations end near 0.8/0.2:
     * the weights are updated.
     */
    @TestFactory
    Stream<DynamicTest> fittedWeightsFollowTheData() {
        EmAlgorithm algorithm = algorithm();
        boolean univariate = univariate();
        return Cases.forAll("EmContract.fittedWeightsFollowTheData",
                random -> Generators.unequalPair(random, univariate ? 1 : Generators.between(random, 1, 6), 0.8),
                (scenario, random) -> {
                    EmResult result = algorithm.fit(scenario.data(), scenario.start(), new EmSettings(50, 0.0, 1e-6));
                    EmChecks.weightsFollowTheData(result, scenario.truth(), scenario.start());
                });
    }

    // ---- The loop ------------------------------------------------------------------------------

    /**
     * With reg-covar 0 and tolerance 0, the mean log-likelihood never decreases over 30 iterations (or
     * up to the collapse of a component, when the reference collapses: see {@link #iterationsBeforeCollapse}).
     */
    @TestFactory
    Stream<DynamicTest> logLikelihoodNeverDecreases() {
        EmAlgorithm algorithm = algorithm();
        return scenarios("logLikelihoodNeverDecreases", (scenario, random) -> {
            EmSettings settings = new EmSettings(30, 0.0, 0.0);
            int iterations = iterationsBeforeCollapse(scenario, settings);
            EmResult result = algorithm.fit(scenario.data(), scenario.start(), settings.withMaxIterations(iterations));
            assertEquals(iterations, result.iterations(), "iterations run with tolerance 0");
            assertEquals(iterations + 1, result.trace().length, "trace length");
            EmChecks.traceNeverDecreases(result.trace());
        });
    }

    /**
     * From the same start, 50 iterations (tolerance 0) agree with the reference {@link LoopsEm} within
     * 1e-9 relative: weights, means, covariances and the trace.
     */
    @TestFactory
    Stream<DynamicTest> agreesWithReference() {
        EmAlgorithm algorithm = algorithm();
        EmAlgorithm reference = new LoopsEm();
        return scenarios("agreesWithReference", (scenario, random) -> {
            EmSettings settings = new EmSettings(50, 0.0, 1e-6);
            EmResult expected = reference.fit(scenario.data(), scenario.start(), settings);
            EmResult actual = algorithm.fit(scenario.data(), scenario.start(), settings);
            assertAgree(expected, actual, algorithm.name() + " against " + reference.name());
        });
    }

    /** Two runs agree within {@link #AGREEMENT_TOLERANCE}: iterations, trace, parameters. */
    static void assertAgree(EmResult expected, EmResult actual, String what) {
        assertEquals(expected.iterations(), actual.iterations(), what + ": iterations");
        EmChecks.assertVectorsClose(expected.trace(), actual.trace(), AGREEMENT_TOLERANCE, what + ": trace");
        EmChecks.sameMixture(expected.model(), actual.model(), AGREEMENT_TOLERANCE, what);
    }

    /**
     * K = 1 converges at once: one iteration gives the sample mean and the maximum-likelihood
     * covariance plus reg-covar on the diagonal (weight 1), within 1e-10 relative; a second changes
     * nothing, so a run with a positive tolerance converges within 2 iterations.
     */
    @TestFactory
    Stream<DynamicTest> singleComponentConvergesAtOnce() {
        EmAlgorithm algorithm = algorithm();
        Spec spec = spec();
        return Cases.forAll("EmContract.singleComponentConvergesAtOnce",
                random -> Generators.scenarioFitting(random, spec, 1), (scenario, random) -> {
                    double regCovar = new double[] {0.0, 1e-6, 1e-2}[random.nextInt(3)];
                    DataMatrix data = scenario.data();
                    int d = data.columns();
                    GaussianMixture first = algorithm.fit(data, scenario.start(), new EmSettings(1, 0.0, regCovar))
                            .model();
                    double[] covariance = Reference.sampleCovariance(data);
                    for (int a = 0; a < d; a++) {
                        covariance[a * d + a] += regCovar;
                    }
                    assertEquals(1.0, first.weight(0), 1e-15, "weight of the only component");
                    EmChecks.assertVectorsClose(Reference.sampleMean(data), first.mean(0), 1e-10,
                            "mean after one iteration against the sample mean");
                    EmChecks.assertVectorsClose(covariance, first.covariance(0), 1e-10,
                            "covariance after one iteration against the ML covariance + reg-covar");

                    EmResult run = algorithm.fit(data, scenario.start(), new EmSettings(10, 1e-12, regCovar));
                    assertTrue(run.converged(), "K = 1 did not converge in 10 iterations: " + run);
                    assertTrue(run.iterations() <= 2, "K = 1 took " + run.iterations() + " iterations");
                    EmChecks.sameMixture(first, run.model(), 1e-12, "K = 1 after convergence against one iteration");
                });
    }

    /** Shuffling the rows changes nothing beyond rounding after 20 iterations (same start). */
    @TestFactory
    Stream<DynamicTest> rowOrderDoesNotMatter() {
        EmAlgorithm algorithm = algorithm();
        return scenarios("rowOrderDoesNotMatter", (scenario, random) -> {
            int[] order = Generators.permutation(random, scenario.points());
            EmSettings settings = new EmSettings(20, 0.0, 1e-6);
            EmResult original = algorithm.fit(scenario.data(), scenario.start(), settings);
            EmResult shuffled = algorithm.fit(scenario.data().withRows(order), scenario.start(), settings);
            assertAgree(original, shuffled, "shuffled rows against the original order");
        });
    }

    /**
     * Translating the data and the start by a vector t (each coordinate in [−50, 50]) translates the
     * fitted means by t after 20 iterations, and leaves the weights, covariances and trace alone.
     */
    @TestFactory
    Stream<DynamicTest> translationMovesOnlyTheMeans() {
        EmAlgorithm algorithm = algorithm();
        return scenarios("translationMovesOnlyTheMeans", (scenario, random) -> {
            double[] shift = Generators.uniformVector(random, scenario.dimension(), -50.0, 50.0);
            EmSettings settings = new EmSettings(20, 0.0, 1e-6);
            EmResult original = algorithm.fit(scenario.data(), scenario.start(), settings);
            EmResult moved = algorithm.fit(translate(scenario.data(), shift), translate(scenario.start(), shift),
                    settings);
            assertEquals(original.iterations(), moved.iterations(), "iterations");
            EmChecks.assertVectorsClose(original.trace(), moved.trace(), AGREEMENT_TOLERANCE, "trace");
            GaussianMixture fitted = moved.model();
            EmChecks.assertVectorsClose(original.model().weights(), fitted.weights(), AGREEMENT_TOLERANCE,
                    "weights");
            for (int k = 0; k < scenario.components(); k++) {
                double[] expectedMean = original.model().mean(k);
                for (int j = 0; j < expectedMean.length; j++) {
                    expectedMean[j] += shift[j];
                }
                EmChecks.assertVectorsClose(expectedMean, fitted.mean(k), AGREEMENT_TOLERANCE,
                        "mean of component " + k + " against the original mean + t");
                EmChecks.assertVectorsClose(original.model().covariance(k), fitted.covariance(k), AGREEMENT_TOLERANCE,
                        "covariance of component " + k);
            }
        });
    }

    /** max-iter 0 returns the start itself and a one-entry trace: the start's mean log-likelihood. */
    @TestFactory
    Stream<DynamicTest> zeroIterationsReturnTheStart() {
        EmAlgorithm algorithm = algorithm();
        return scenarios("zeroIterationsReturnTheStart", (scenario, random) -> {
            EmResult result = algorithm.fit(scenario.data(), scenario.start(), new EmSettings(0, 0.0, 1e-6));
            assertEquals(scenario.start(), result.model(), "the model returned after 0 iterations");
            assertEquals(0, result.iterations(), "iterations");
            assertFalse(result.converged(), "converged after 0 iterations");
            assertEquals(1, result.trace().length, "trace length");
            EmChecks.assertRelativelyClose(Reference.logLikelihood(scenario.start(), scenario.data()) / scenario.points(),
                    result.trace()[0], EmChecks.LOG_LIKELIHOOD_TOLERANCE, "trace[0] against the start's mean log-likelihood");
        });
    }

    /**
     * After a run of random length, tolerance and reg-covar, the trace's last entry is the returned
     * model's mean log-likelihood, (1/N) Σᵢ log p(xᵢ | θ) via {@link GaussianMixture#logDensity}.
     */
    @TestFactory
    Stream<DynamicTest> lastTraceEntryIsTheModelsMeanLogLikelihood() {
        EmAlgorithm algorithm = algorithm();
        return scenarios("lastTraceEntryIsTheModelsMeanLogLikelihood", (scenario, random) -> {
            double tolerance = new double[] {0.0, 1e-8, 1e-4}[random.nextInt(3)];
            double regCovar = random.nextBoolean() ? 0.0 : 1e-6;
            EmSettings settings = new EmSettings(Generators.between(random, 1, 30), tolerance, regCovar);
            int iterations = iterationsBeforeCollapse(scenario, settings);
            EmResult result = algorithm.fit(scenario.data(), scenario.start(), settings.withMaxIterations(iterations));
            double[] trace = result.trace();
            assertEquals(result.iterations() + 1, trace.length, "trace length");
            DataMatrix data = scenario.data();
            double total = 0.0;
            for (int i = 0; i < data.rows(); i++) {
                total += result.model().logDensity(data.row(i));
            }
            EmChecks.assertRelativelyClose(total / data.rows(), trace[trace.length - 1],
                    EmChecks.LOG_LIKELIHOOD_TOLERANCE, "last trace entry against (1/N) Σᵢ log p(xᵢ | θ)");
        });
    }

    // ---- Inputs and earlier results ------------------------------------------------------------

    /**
     * A step never modifies what it is given, nor anything it returned before: through three iterations
     * (E, then M and E three times, reg-covar 0 or 1e-6), see {@link #assertStepsLeaveInputsAndEarlierResults}.
     */
    @TestFactory
    Stream<DynamicTest> stepsLeaveInputsAndEarlierResultsAlone() {
        EmAlgorithm algorithm = algorithm();
        return scenarios("stepsLeaveInputsAndEarlierResultsAlone", (scenario, random) -> {
            double regCovar = random.nextBoolean() ? 0.0 : 1e-6;
            int iterations = iterationsBeforeCollapse(scenario, new EmSettings(3, 0.0, regCovar));
            assertStepsLeaveInputsAndEarlierResults(algorithm, scenario.data(), scenario.start(), regCovar,
                    iterations);
        });
    }

    /**
     * Runs {@code algorithm}'s steps by hand from {@code start}, E-step then {@code iterations} times an
     * M-step and an E-step, and after every step checks, value for value, that nothing seen so far has
     * changed: the data, the start, the responsibilities (and their totals Nₖ) and log-likelihood of every
     * E-step so far, and every model an M-step returned. An implementation that reuses a buffer for the
     * responsibilities it hands out, or writes into the responsibilities or the model it is given, fails
     * here with the step that changed what.
     */
    public static void assertStepsLeaveInputsAndEarlierResults(EmAlgorithm algorithm, DataMatrix data,
            GaussianMixture start, double regCovar, int iterations) {
        double[] dataBefore = data.toFlatArray();
        List<Runnable> checks = new ArrayList<>();
        checks.add(() -> assertArrayEquals(dataBefore, data.toFlatArray(), "the data"));
        checks.add(modelUnchanged(start, "the start"));
        GaussianMixture model = start;
        EStep expectation = algorithm.eStep(data, model);
        checks.add(eStepUnchanged(expectation, "the E-step of iteration 0"));
        checkAll(checks, algorithm, "the E-step of iteration 0");
        for (int iteration = 1; iteration <= iterations; iteration++) {
            model = algorithm.mStep(data, expectation.responsibilities(), model, regCovar);
            checks.add(modelUnchanged(model, "the model of the M-step of iteration " + iteration));
            checkAll(checks, algorithm, "the M-step of iteration " + iteration);
            expectation = algorithm.eStep(data, model);
            checks.add(eStepUnchanged(expectation, "the E-step of iteration " + iteration));
            checkAll(checks, algorithm, "the E-step of iteration " + iteration);
        }
    }

    private static void checkAll(List<Runnable> checks, EmAlgorithm algorithm, String step) {
        for (Runnable check : checks) {
            try {
                check.run();
            } catch (AssertionError e) {
                throw new AssertionError(algorithm.name() + ": " + step + " changed what an earlier step was given"
                        + " or returned (a step must not modify its inputs or a result it handed out): "
                        + e.getMessage(), e);
            }
        }
    }

    /** A check that {@code step}'s responsibilities, their totals and its log-likelihood are as they are now. */
    private static Runnable eStepUnchanged(EStep step, String what) {
        Responsibilities r = step.responsibilities();
        double[] values = r.toFlatArray();
        double[] totals = r.componentTotals();
        double logLikelihood = step.logLikelihood();
        return () -> {
            assertArrayEquals(values, r.toFlatArray(), "the responsibilities of " + what);
            assertArrayEquals(totals, r.componentTotals(), "the totals Nₖ of the responsibilities of " + what);
            assertEquals(logLikelihood, step.logLikelihood(), "the log-likelihood of " + what);
        };
    }

    /** A check that {@code model}'s weights, means and covariances are as they are now. */
    private static Runnable modelUnchanged(GaussianMixture model, String what) {
        double[] weights = model.weights();
        double[] means = model.flatMeans();
        double[] covariances = model.flatCovariances();
        return () -> {
            assertArrayEquals(weights, model.weights(), "the weights of " + what);
            assertArrayEquals(means, model.flatMeans(), "the means of " + what);
            assertArrayEquals(covariances, model.flatCovariances(), "the covariances of " + what);
        };
    }

    // ---- Helpers -------------------------------------------------------------------------------

    /**
     * Covariances with a larger {@link Reference#conditionEstimate} count as collapsing: beyond it, rounding
     * in Σ⁻¹ is no longer small against the quantities the properties compare.
     */
    static final double COLLAPSE_CONDITION = 1e8;

    /**
     * How many of {@code settings.maxIterations()} iterations the reference {@link LoopsEm} runs from the
     * scenario's start before some component collapses: all of them, unless an M-step gives a covariance
     * that is not positive-definite or has condition number above about {@value #COLLAPSE_CONDITION}.
     * That is EM's own singularity (the likelihood is unbounded as a component shrinks onto fewer than
     * D + 1 points), which reg-covar 0 leaves unchecked and random starts occasionally reach. As a
     * covariance becomes singular every computation with it is dominated by rounding, so implementations
     * legitimately part ways there; a property that runs many iterations runs only those before it.
     */
    static int iterationsBeforeCollapse(Scenario scenario, EmSettings settings) {
        return iterationsBeforeCollapse(scenario.data(), scenario.start(), settings);
    }

    /** {@link #iterationsBeforeCollapse(Scenario, EmSettings)} from any start, e.g. one of a constrained type. */
    static int iterationsBeforeCollapse(DataMatrix data, GaussianMixture start, EmSettings settings) {
        EmAlgorithm reference = new LoopsEm();
        GaussianMixture model = start;
        int d = data.columns();
        for (int iteration = 1; iteration <= settings.maxIterations(); iteration++) {
            Responsibilities r = reference.eStep(data, model).responsibilities();
            try {
                model = reference.mStep(data, r, model, settings.regCovar());
            } catch (NotPositiveDefiniteException e) {
                return iteration - 1;
            }
            for (int k = 0; k < model.components(); k++) {
                if (!(Reference.conditionEstimate(model.covariance(k), d) <= COLLAPSE_CONDITION)) {
                    return iteration - 1;
                }
            }
        }
        return settings.maxIterations();
    }

    /** The data with t added to every row. */
    static DataMatrix translate(DataMatrix data, double[] shift) {
        double[] values = data.toFlatArray();
        int d = data.columns();
        for (int index = 0; index < values.length; index++) {
            values[index] += shift[index % d];
        }
        return new DataMatrix(data.rows(), d, values, data.columnNames());
    }

    /** The mixture with t added to every mean. */
    static GaussianMixture translate(GaussianMixture model, double[] shift) {
        int d = model.dimension();
        double[] means = model.flatMeans();
        for (int index = 0; index < means.length; index++) {
            means[index] += shift[index % d];
        }
        return GaussianMixture.ofFlat(model.components(), d, model.weights(), means, model.flatCovariances());
    }
}
