package org.emgmm.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.MixtureSampler;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.EmptyComponents;
import org.emgmm.em.Responsibilities;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Cases;
import org.emgmm.testing.EmChecks;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Scenario;
import org.emgmm.testing.Generators.Spec;
import org.emgmm.testing.Reference;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The M-step of every covariance type an implementation supports ({@link EmAlgorithm#supports}), as
 * property tests on random well-conditioned cases ({@link Generators}). Each property runs once per
 * type, with {@link #casesPerType()} cases each, named {@code CovarianceTypeContract.PROPERTY[TYPE]}
 * (the seed of each case is in its display name; see {@link Cases} for rerunning one).
 *
 * <p>What is checked, for each type T, against values the test computes itself:
 * <ul>
 *   <li>sufficient statistics: from the same responsibilities, T's covariances are the projection of
 *       the full M-step's (reg-covar taken off first and put back after): diag(Sₖ); trace(Sₖ)/D · I;
 *       Σₖ Nₖ Sₖ / Σₖ Nₖ with Nₖ the responsibilities' column sums (see {@link CovarianceType});</li>
 *   <li>sample moments: one component, every responsibility 1, data drawn from a mixture of type T:
 *       the sample mean, and T's projection of the sample covariance;</li>
 *   <li>EM's guarantee: with reg-covar 0 the log-likelihood never decreases;</li>
 *   <li>every M-step returns a mixture of the start's type whose covariances have that type's shape.</li>
 * </ul>
 * This suite is separate from {@link EmContract}, which a student's EM also runs: a student's EM keeps
 * full covariances only. It runs on loops, vectorised and univariate; explicit-pdf is held to loops'
 * trajectory under every type by {@link CrossImplementationAgreementTest}, which keeps the suite's time
 * down.
 */
public abstract class CovarianceTypeContract {

    /**
     * Relative tolerance of the mean log-likelihood's rise. EM cannot lower L(θ); what the trace shows is
     * L(θ)/N computed in floating point, a sum of N ≤ 400 log-densities each good to about 1e-15 of its
     * size (a Cholesky solve in D ≤ 6). Near convergence the true rise is below that rounding, so a fall
     * of 1e-10 relative is rounding; a real fault in an M-step (a wrong projection, a lost weight) costs
     * far more than that within 30 iterations.
     */
    static final double MONOTONE_SLACK = 1e-10;

    /**
     * How far two mixtures' weights and means, computed by the same formulas from the same
     * responsibilities, may differ: a few roundings.
     */
    static final double SAME_FORMULA_TOLERANCE = 1e-12;

    /** A fresh instance of the implementation under test. */
    protected abstract EmAlgorithm algorithm();

    /** Whether the implementation only handles D = 1; then every case has D = 1. */
    protected boolean univariate() {
        return false;
    }

    /** The types the implementation says it supports: all four unless a subclass says otherwise. */
    protected Set<CovarianceType> expectedTypes() {
        return EnumSet.allOf(CovarianceType.class);
    }

    /**
     * Cases per type: the suite's count ({@link Cases#caseCount()}, 100 by default) shared among the four
     * types, so that a property costs what one property of {@link EmContract} costs.
     */
    static int casesPerType() {
        return Math.max(1, Cases.caseCount() / CovarianceType.values().length);
    }

    /** A generated input and the type it is checked under, for the display name. */
    record Typed<T>(T input, CovarianceType type) {
        @Override
        public String toString() {
            return type.label() + " " + input;
        }
    }

    /** One property per supported type: {@code generator} makes a case's input for that type. */
    private <T> Stream<DynamicTest> forEachType(String property,
            BiFunction<SplittableRandom, CovarianceType, T> generator, Cases.Check<Typed<T>> check) {
        EmAlgorithm algorithm = algorithm();
        return Arrays.stream(CovarianceType.values()).filter(algorithm::supports).flatMap(type -> Cases.forAll(
                "CovarianceTypeContract." + property + "[" + type.label() + "]", casesPerType(),
                random -> new Typed<>(generator.apply(random, type), type), check));
    }

    /** A scenario of the implementation's shapes; the property constrains its start to the type. */
    private Stream<DynamicTest> scenarios(String property, Cases.Check<Typed<Scenario>> check) {
        Spec spec = Spec.of(univariate());
        return forEachType(property, (random, type) -> Generators.scenario(random, spec), check);
    }

    /** Without this, a type the implementation stopped supporting would silently drop out of the suite. */
    @Test
    void supportsTheExpectedTypes() {
        EmAlgorithm algorithm = algorithm();
        for (CovarianceType type : CovarianceType.values()) {
            assertEquals(expectedTypes().contains(type), algorithm.supports(type), algorithm.name() + " supports "
                    + type.label());
        }
    }

    // ---- Sufficient statistics -------------------------------------------------------------------

    /**
     * From the responsibilities of the scenario's start, the M-step of type T and the full M-step agree on
     * the weights and means, and T's covariances are the projection of the full ones, computed here: with
     * reg-covar ρ (0 or 1e-2), T's Σₖ = P_T(full Σ − ρI) + ρI. A component with Nₖ below
     * {@link EmptyComponents#THRESHOLD} keeps its previous covariance (except under tied, where every
     * component takes the pooled matrix of the others).
     */
    @TestFactory
    Stream<DynamicTest> constrainedMStepProjectsTheFullScatter() {
        EmAlgorithm algorithm = algorithm();
        return scenarios("constrainedMStepProjectsTheFullScatter", (typed, random) -> {
            Scenario scenario = typed.input();
            CovarianceType type = typed.type();
            double regCovar = random.nextBoolean() ? 0.0 : 1e-2;
            DataMatrix data = scenario.data();
            Responsibilities r = algorithm.eStep(data, scenario.start()).responsibilities();
            GaussianMixture full = algorithm.mStep(data, r, scenario.start(), regCovar);
            GaussianMixture previous = scenario.start().constrainedTo(type);
            GaussianMixture constrained = algorithm.mStep(data, r, previous, regCovar);

            assertEquals(type, constrained.covarianceType(), "the M-step's type");
            EmChecks.assertVectorsClose(full.weights(), constrained.weights(), SAME_FORMULA_TOLERANCE, "weights");
            double[] counts = columnSums(r);
            double[] scatters = scattersOf(full, regCovar);
            for (int k = 0; k < scenario.components(); k++) {
                EmChecks.assertVectorsClose(full.mean(k), constrained.mean(k), SAME_FORMULA_TOLERANCE,
                        "mean of component " + k);
                double[] expected = counts[k] < EmptyComponents.THRESHOLD && type != CovarianceType.TIED
                        ? previous.covariance(k)
                        : plusRegCovar(projection(type, scatters, counts, k, scenario.dimension()), regCovar,
                                scenario.dimension());
                EmChecks.assertVectorsClose(expected, constrained.covariance(k), EmChecks.SCATTER_TOLERANCE,
                        type.label() + " covariance of component " + k + " against the projection of the full one");
            }
        });
    }

    /** Nₖ = Σᵢ r[i][k], summed here. */
    private static double[] columnSums(Responsibilities r) {
        double[] sums = new double[r.components()];
        for (int i = 0; i < r.points(); i++) {
            for (int k = 0; k < r.components(); k++) {
                sums[k] += r.get(i, k);
            }
        }
        return sums;
    }

    /** The full M-step's Sₖ: each covariance with reg-covar taken off its diagonal, K·D·D flat. */
    private static double[] scattersOf(GaussianMixture full, double regCovar) {
        int d = full.dimension();
        double[] scatters = full.flatCovariances();
        for (int k = 0; k < full.components(); k++) {
            for (int a = 0; a < d; a++) {
                scatters[(k * d + a) * d + a] -= regCovar;
            }
        }
        return scatters;
    }

    /**
     * P_T applied to component k's scatter, written out for each type:
     * <pre>
     *   full       Sₖ
     *   diag       Sₖ with its off-diagonal entries set to 0
     *   spherical  (Σₐ Sₖ[a][a] / D) · I
     *   tied       Σⱼ Nⱼ Sⱼ / Σⱼ Nⱼ   over the components j that are not empty
     * </pre>
     */
    static double[] projection(CovarianceType type, double[] scatters, double[] counts, int k, int d) {
        double[] own = Arrays.copyOfRange(scatters, k * d * d, (k + 1) * d * d);
        double[] result = new double[d * d];
        switch (type) {
            case FULL -> result = own;
            case DIAG -> {
                for (int a = 0; a < d; a++) {
                    result[a * d + a] = own[a * d + a];
                }
            }
            case SPHERICAL -> {
                double trace = 0.0;
                for (int a = 0; a < d; a++) {
                    trace += own[a * d + a];
                }
                for (int a = 0; a < d; a++) {
                    result[a * d + a] = trace / d;
                }
            }
            case TIED -> {
                double total = 0.0;
                for (int j = 0; j < counts.length; j++) {
                    if (counts[j] >= EmptyComponents.THRESHOLD) {
                        total += counts[j];
                        for (int e = 0; e < d * d; e++) {
                            result[e] += counts[j] * scatters[j * d * d + e];
                        }
                    }
                }
                for (int e = 0; e < d * d; e++) {
                    result[e] /= total;
                }
            }
            default -> throw new IllegalArgumentException("unknown type " + type);
        }
        return result;
    }

    private static double[] plusRegCovar(double[] matrix, double regCovar, int d) {
        double[] result = matrix.clone();
        for (int a = 0; a < d; a++) {
            result[a * d + a] += regCovar;
        }
        return result;
    }

    // ---- Sample moments --------------------------------------------------------------------------

    /** One component of type T and the points drawn from it. */
    record OneComponent(GaussianMixture truth, DataMatrix data) {
        @Override
        public String toString() {
            return "D=" + truth.dimension() + " N=" + data.rows();
        }
    }

    /**
     * Data drawn with {@link MixtureSampler} from one component of type T; one M-step with every
     * responsibility 1 and reg-covar 0 gives weight 1, the sample mean, and T's projection of the sample
     * covariance (1/N) Σᵢ (xᵢ − x̄)(xᵢ − x̄)ᵀ, both computed here ({@link Reference}). With one component,
     * tied's pooled matrix is the sample covariance itself.
     */
    @TestFactory
    Stream<DynamicTest> oneComponentGivesTheProjectedSampleMoments() {
        EmAlgorithm algorithm = algorithm();
        Spec spec = Spec.of(univariate());
        return forEachType("oneComponentGivesTheProjectedSampleMoments", (random, type) -> {
            int d = Generators.between(random, spec.minDimension(), spec.maxDimension());
            GaussianMixture truth = Generators.mixture(random, d, 1).constrainedTo(type);
            int n = Generators.between(random, 5 * (d + 1), Generators.MAX_POINTS);
            return new OneComponent(truth, MixtureSampler.sample(truth, n, random.nextLong()).data());
        }, (typed, random) -> {
            DataMatrix data = typed.input().data();
            int n = data.rows();
            int d = data.columns();
            double[] ones = new double[n];
            Arrays.fill(ones, 1.0);
            GaussianMixture next = algorithm.mStep(data, Responsibilities.wrap(n, 1, ones), typed.input().truth(),
                    0.0);
            assertEquals(typed.type(), next.covarianceType(), "the M-step's type");
            assertEquals(1.0, next.weight(0), EmChecks.WEIGHT_TOLERANCE, "the only weight");
            EmChecks.assertVectorsClose(Reference.sampleMean(data), next.mean(0), EmChecks.SCATTER_TOLERANCE,
                    "mean against the sample mean");
            double[] expected = projection(typed.type(), Reference.sampleCovariance(data), new double[] {n}, 0, d);
            EmChecks.assertVectorsClose(expected, next.covariance(0), EmChecks.SCATTER_TOLERANCE,
                    typed.type().label() + " covariance against the projected sample covariance");
        });
    }

    // ---- EM's guarantee --------------------------------------------------------------------------

    /**
     * From the scenario's start constrained to T, with reg-covar 0 and tolerance 0, the mean
     * log-likelihood never falls by more than {@link #MONOTONE_SLACK} relative over 30 iterations (or up
     * to a component's collapse: {@link EmContract#iterationsBeforeCollapse}).
     */
    @TestFactory
    Stream<DynamicTest> logLikelihoodNeverDecreases() {
        EmAlgorithm algorithm = algorithm();
        return scenarios("logLikelihoodNeverDecreases", (typed, random) -> {
            Scenario scenario = typed.input();
            GaussianMixture start = scenario.start().constrainedTo(typed.type());
            EmSettings settings = new EmSettings(30, 0.0, 0.0);
            int iterations = EmContract.iterationsBeforeCollapse(scenario.data(), start, settings);
            EmResult result = algorithm.fit(scenario.data(), start, settings.withMaxIterations(iterations));
            assertEquals(iterations, result.iterations(), "iterations run with tolerance 0");
            double[] trace = result.trace();
            for (int t = 1; t < trace.length; t++) {
                double slack = MONOTONE_SLACK * Math.max(1.0, Math.abs(trace[t - 1]));
                if (!(trace[t] >= trace[t - 1] - slack)) {
                    fail(typed.type().label() + ": the mean log-likelihood fell at iteration " + t + ": " + trace[t - 1]
                            + " -> " + trace[t]);
                }
            }
        });
    }

    // ---- The type is kept ------------------------------------------------------------------------

    /**
     * Through 10 iterations (reg-covar 0 or 1e-6; fewer if the reference collapses) from the scenario's
     * start constrained to T, every M-step returns a mixture of type T whose covariances have T's shape,
     * checked here entry by entry within {@link CovarianceType#CONFORMANCE_TOLERANCE} of the largest
     * variance (the rule a model file is held to).
     */
    @TestFactory
    Stream<DynamicTest> everyMStepKeepsTheStartsType() {
        EmAlgorithm algorithm = algorithm();
        return scenarios("everyMStepKeepsTheStartsType", (typed, random) -> {
            Scenario scenario = typed.input();
            CovarianceType type = typed.type();
            double regCovar = random.nextBoolean() ? 0.0 : 1e-6;
            GaussianMixture model = scenario.start().constrainedTo(type);
            int iterations = EmContract.iterationsBeforeCollapse(scenario.data(), model,
                    new EmSettings(10, 0.0, regCovar));
            for (int iteration = 1; iteration <= iterations; iteration++) {
                Responsibilities r = algorithm.eStep(scenario.data(), model).responsibilities();
                model = algorithm.mStep(scenario.data(), r, model, regCovar);
                assertEquals(type, model.covarianceType(), "the type after M-step " + iteration);
                assertConforms(type, model, "M-step " + iteration);
            }
        });
    }

    /** Each covariance has T's shape: diag zero off the diagonal, spherical also one variance, tied all equal. */
    static void assertConforms(CovarianceType type, GaussianMixture model, String what) {
        int d = model.dimension();
        double largest = 0.0;
        for (int k = 0; k < model.components(); k++) {
            for (int a = 0; a < d; a++) {
                largest = Math.max(largest, model.covariance(k, a, a));
            }
        }
        double allowed = CovarianceType.CONFORMANCE_TOLERANCE * largest;
        for (int k = 0; k < model.components(); k++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    double value = model.covariance(k, a, b);
                    String entry = what + ": component " + k + " [" + a + "][" + b + "] = " + value;
                    boolean offDiagonal = a != b;
                    if ((type == CovarianceType.DIAG || type == CovarianceType.SPHERICAL) && offDiagonal
                            && Math.abs(value) > allowed) {
                        fail(entry + ", not 0 under " + type.label());
                    }
                    if (type == CovarianceType.SPHERICAL && !offDiagonal
                            && Math.abs(value - model.covariance(k, 0, 0)) > allowed) {
                        fail(entry + ", not [0][0] = " + model.covariance(k, 0, 0) + " under spherical");
                    }
                    if (type == CovarianceType.TIED && Math.abs(value - model.covariance(0, a, b)) > allowed) {
                        fail(entry + ", not component 0's " + model.covariance(0, a, b) + " under tied");
                    }
                }
            }
        }
    }
}
