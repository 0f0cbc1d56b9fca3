package org.emgmm.em;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.emgmm.Implementations;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.MixtureSampler;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.LogSumExp;
import org.emgmm.testing.Cases;
import org.emgmm.testing.EmChecks;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Scenario;
import org.emgmm.testing.Generators.Spec;
import org.emgmm.univariate.UnivariateEm;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One regression test per bug of the seed notebooks. Each re-creates the bug as a small broken
 * {@link EmAlgorithm} (the per-point loops with one line changed), and shows two things about the
 * {@link EmChecks} check that the contract suite runs for that bug:
 * <ol>
 *   <li>it fails on the broken implementation, both on a hand-made case chosen to expose the bug and
 *       on every one of a batch of the contract suite's own random cases;</li>
 *   <li>it passes on every real implementation of {@link Implementations#all()}.</li>
 * </ol>
 * So a contract suite that passes really does rule these bugs out.
 */
class SeedBugRegressionTest {

    /** Random contract cases (K ≥ 2) on which each broken implementation must be caught. */
    private static final int CONTRACT_CASES = 30;

    // ---- The broken implementations ------------------------------------------------------------

    /** The per-point loops, with one step replaced by a subclass. */
    private abstract static class Broken implements EmAlgorithm {
        final LoopsEm correct = new LoopsEm();

        @Override
        public EStep eStep(DataMatrix data, GaussianMixture model) {
            return correct.eStep(data, model);
        }

        @Override
        public GaussianMixture mStep(DataMatrix data, Responsibilities r, GaussianMixture previous, double regCovar) {
            return correct.mStep(data, r, previous, regCovar);
        }
    }

    /** Seed 003: r[i][k] ∝ N(xᵢ | μₖ, Σₖ), the mixing weights left out of Bayes' rule. */
    static final class WeightlessResponsibilities extends Broken {
        @Override
        public String name() {
            return "seed-003-weightless-responsibilities";
        }

        @Override
        public EStep eStep(DataMatrix data, GaussianMixture model) {
            int n = data.rows();
            int k = model.components();
            double[] r = new double[n * k];
            double[] terms = new double[k];
            for (int i = 0; i < n; i++) {
                double[] x = data.row(i);
                for (int c = 0; c < k; c++) {
                    terms[c] = model.logComponentDensity(c, x); // the bug: no log πₖ
                }
                double normaliser = LogSumExp.of(terms);
                for (int c = 0; c < k; c++) {
                    r[i * k + c] = Math.exp(terms[c] - normaliser);
                }
            }
            // The log-likelihood is left correct, so that only the responsibilities are wrong.
            return new EStep(Responsibilities.wrap(n, k, r), correct.eStep(data, model).logLikelihood());
        }
    }

    /** Seed 001: the "log-likelihood" Σᵢ log Σₖ r[i][k] πₖ, built from the responsibilities. */
    static final class LogLikelihoodFromResponsibilities extends Broken {
        @Override
        public String name() {
            return "seed-001-log-likelihood-from-responsibilities";
        }

        @Override
        public EStep eStep(DataMatrix data, GaussianMixture model) {
            EStep right = correct.eStep(data, model);
            Responsibilities r = right.responsibilities();
            double wrong = 0.0;
            for (int i = 0; i < r.points(); i++) {
                double sum = 0.0;
                for (int c = 0; c < r.components(); c++) {
                    sum += r.get(i, c) * model.weight(c);
                }
                wrong += Math.log(sum);
            }
            return new EStep(r, wrong);
        }
    }

    /** Seed 004: the M-step updates the means and covariances but never the weights. */
    static final class FrozenWeights extends Broken {
        @Override
        public String name() {
            return "seed-004-frozen-weights";
        }

        @Override
        public GaussianMixture mStep(DataMatrix data, Responsibilities r, GaussianMixture previous, double regCovar) {
            GaussianMixture updated = correct.mStep(data, r, previous, regCovar);
            return GaussianMixture.ofFlat(updated.components(), updated.dimension(), previous.weights(),
                    updated.flatMeans(), updated.flatCovariances());
        }
    }

    // ---- Shared fixtures -----------------------------------------------------------------------

    /** The real implementations that handle D dimensions. */
    private static List<EmAlgorithm> realImplementations(int dimension) {
        List<EmAlgorithm> handling = new ArrayList<>();
        for (EmAlgorithm algorithm : Implementations.all()) {
            if (dimension == 1 || !algorithm.name().equals(UnivariateEm.NAME)) {
                handling.add(algorithm);
            }
        }
        return handling;
    }

    /**
     * Weights 0.9/0.1 and components 2 standard deviations apart: many points lie between them,
     * where leaving π out of Bayes' rule moves a responsibility by up to about 0.5.
     */
    private static GaussianMixture unequalOverlapping1d() {
        return GaussianMixture.of(new double[] {0.9, 0.1}, new double[][] {{0.0}, {2.0}},
                new double[][][] {{{1.0}}, {{1.0}}});
    }

    private static GaussianMixture unequalOverlapping2d() {
        return GaussianMixture.of(new double[] {0.9, 0.1}, new double[][] {{0.0, 0.0}, {2.0, 1.0}},
                new double[][][] {{{1.0, 0.3}, {0.3, 0.8}}, {{0.7, -0.2}, {-0.2, 1.2}}});
    }

    private static DataMatrix sample(GaussianMixture mixture) {
        return MixtureSampler.sample(mixture, 300, 20240601L).data();
    }

    /** The contract suite's random scenarios with K ≥ 2 (with one component every variant is right). */
    private static List<Scenario> contractScenarios(String name) {
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < CONTRACT_CASES; i++) {
            scenarios.add(Generators.scenario(new SplittableRandom(Cases.seed(name, i)),
                    Spec.multivariate().withComponents(2, 5)));
        }
        return scenarios;
    }

    // ---- (a) seed 003: responsibilities without the mixing weights -----------------------------

    @Nested
    class Seed003ResponsibilitiesWithoutWeights {

        private final EmAlgorithm broken = new WeightlessResponsibilities();

        @Test
        void bayesRuleCheckCatchesTheBugOnUnequalWeights() {
            for (GaussianMixture mixture : List.of(unequalOverlapping1d(), unequalOverlapping2d())) {
                DataMatrix data = sample(mixture);
                Responsibilities r = broken.eStep(data, mixture).responsibilities();
                // The rows still sum to one: only an independent Bayes' rule reveals the bug.
                EmChecks.responsibilitiesAreDistributions(r, data.rows(), 2);
                assertThrows(AssertionError.class, () -> EmChecks.responsibilitiesFollowBayesRule(r, data, mixture));
            }
        }

        @Test
        void bayesRuleCheckCatchesTheBugOnEveryContractCase() {
            for (Scenario scenario : contractScenarios("SeedBug.a")) {
                // The broadened truth is one of the models the contract checks Bayes' rule at.
                GaussianMixture model = Generators.broadened(scenario.truth(), scenario.data());
                Responsibilities r = broken.eStep(scenario.data(), model).responsibilities();
                assertThrows(AssertionError.class,
                        () -> EmChecks.responsibilitiesFollowBayesRule(r, scenario.data(), model),
                        () -> "not caught on " + scenario);
            }
        }

        @Test
        void everyRealImplementationPasses() {
            for (GaussianMixture mixture : List.of(unequalOverlapping1d(), unequalOverlapping2d())) {
                DataMatrix data = sample(mixture);
                for (EmAlgorithm algorithm : realImplementations(mixture.dimension())) {
                    EmChecks.responsibilitiesFollowBayesRule(algorithm.eStep(data, mixture).responsibilities(), data,
                            mixture);
                }
            }
        }
    }

    // ---- (b) seed 001: the log-likelihood computed from the responsibilities -------------------

    @Nested
    class Seed001LogLikelihoodFromResponsibilities {

        private final EmAlgorithm broken = new LogLikelihoodFromResponsibilities();

        @Test
        void logLikelihoodCheckCatchesTheBug() {
            for (GaussianMixture mixture : List.of(unequalOverlapping1d(), unequalOverlapping2d())) {
                DataMatrix data = sample(mixture);
                EStep step = broken.eStep(data, mixture);
                assertThrows(AssertionError.class,
                        () -> EmChecks.logLikelihoodIsSumOfLogDensities(step, data, mixture));
                // The loop's trace comes from the same number, so the trace check fails as well.
                EmResult result = broken.fit(data, mixture, new EmSettings(5, 0.0, 1e-6));
                assertThrows(AssertionError.class, () -> EmChecks.logLikelihoodIsSumOfLogDensities(
                        result.logLikelihood(), data, result.model()));
            }
        }

        @Test
        void logLikelihoodCheckCatchesTheBugOnEveryContractCase() {
            for (Scenario scenario : contractScenarios("SeedBug.b")) {
                EStep step = broken.eStep(scenario.data(), scenario.start());
                assertThrows(AssertionError.class,
                        () -> EmChecks.logLikelihoodIsSumOfLogDensities(step, scenario.data(), scenario.start()),
                        () -> "not caught on " + scenario);
            }
        }

        @Test
        void everyRealImplementationPasses() {
            for (GaussianMixture mixture : List.of(unequalOverlapping1d(), unequalOverlapping2d())) {
                DataMatrix data = sample(mixture);
                for (EmAlgorithm algorithm : realImplementations(mixture.dimension())) {
                    EmChecks.logLikelihoodIsSumOfLogDensities(algorithm.eStep(data, mixture), data, mixture);
                    EmResult result = algorithm.fit(data, mixture, new EmSettings(5, 0.0, 1e-6));
                    EmChecks.logLikelihoodIsSumOfLogDensities(result.logLikelihood(), data, result.model());
                }
            }
        }
    }

    // ---- (c) seed 004: weights never updated ---------------------------------------------------

    @Nested
    class Seed004WeightsNeverUpdated {

        private final EmAlgorithm broken = new FrozenWeights();

        /** Data with true weights 0.8/0.2, D = 1 and D = 3, started from equal weights. */
        private List<Scenario> unequalPairs() {
            return List.of(Generators.unequalPair(new SplittableRandom(4), 1, 0.8),
                    Generators.unequalPair(new SplittableRandom(40), 3, 0.8));
        }

        @Test
        void weightChecksCatchTheBug() {
            for (Scenario scenario : unequalPairs()) {
                Responsibilities r = broken.eStep(scenario.data(), scenario.start()).responsibilities();
                GaussianMixture next = broken.mStep(scenario.data(), r, scenario.start(), 1e-6);
                // Still a valid mixture: only comparing with Nₖ/N reveals the bug.
                EmChecks.weightsSumToOne(next);
                assertThrows(AssertionError.class, () -> EmChecks.weightsAreEffectiveCounts(next, r));

                EmResult result = broken.fit(scenario.data(), scenario.start(), new EmSettings(50, 0.0, 1e-6));
                assertThrows(AssertionError.class,
                        () -> EmChecks.weightsFollowTheData(result, scenario.truth(), scenario.start()));
            }
        }

        @Test
        void effectiveCountCheckCatchesTheBugOnEveryContractCase() {
            for (Scenario scenario : contractScenarios("SeedBug.c")) {
                Responsibilities r = broken.eStep(scenario.data(), scenario.start()).responsibilities();
                GaussianMixture next = broken.mStep(scenario.data(), r, scenario.start(), 1e-6);
                assertThrows(AssertionError.class, () -> EmChecks.weightsAreEffectiveCounts(next, r),
                        () -> "not caught on " + scenario);
            }
        }

        @Test
        void everyRealImplementationPasses() {
            for (Scenario scenario : unequalPairs()) {
                for (EmAlgorithm algorithm : realImplementations(scenario.dimension())) {
                    Responsibilities r = algorithm.eStep(scenario.data(), scenario.start()).responsibilities();
                    EmChecks.weightsAreEffectiveCounts(algorithm.mStep(scenario.data(), r, scenario.start(), 1e-6), r);
                    EmResult result = algorithm.fit(scenario.data(), scenario.start(), new EmSettings(50, 0.0, 1e-6));
                    EmChecks.weightsFollowTheData(result, scenario.truth(), scenario.start());
                }
            }
        }
    }

    /** The broken variants are otherwise sound: each breaks only its own check. */
    @Test
    void eachBrokenVariantBreaksOnlyItsOwnCheck() {
        GaussianMixture mixture = unequalOverlapping1d();
        DataMatrix data = sample(mixture);
        EStep weightless = new WeightlessResponsibilities().eStep(data, mixture);
        EmChecks.logLikelihoodIsSumOfLogDensities(weightless, data, mixture);
        EStep fromResponsibilities = new LogLikelihoodFromResponsibilities().eStep(data, mixture);
        EmChecks.responsibilitiesFollowBayesRule(fromResponsibilities.responsibilities(), data, mixture);
        EmAlgorithm frozen = new FrozenWeights();
        EStep step = frozen.eStep(data, mixture);
        EmChecks.responsibilitiesFollowBayesRule(step.responsibilities(), data, mixture);
        EmChecks.logLikelihoodIsSumOfLogDensities(step, data, mixture);
        GaussianMixture next = frozen.mStep(data, step.responsibilities(), mixture, 0.0);
        EmChecks.mStepIsWeightedScatter(next, data, step.responsibilities(), 0.0);
        assertTrue(next.weight(0) == mixture.weight(0), "the frozen variant keeps the weights");
    }
}
