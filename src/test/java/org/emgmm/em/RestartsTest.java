package org.emgmm.em;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Scenario;
import org.emgmm.testing.Generators.Spec;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.Test;

/** {@link Restarts}: the best of R seeded runs, reported whole. */
class RestartsTest {

    private static final EmSettings SETTINGS = new EmSettings(200, 1e-6, EmSettings.DEFAULT_REG_COVAR);

    @Test
    void moreRestartsNeverGiveAWorseResult() {
        SplittableRandom random = new SplittableRandom(0x2E57L);
        for (int c = 0; c < 12; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate().withDimensions(1, 3));
            DataMatrix data = scenario.data();
            int k = scenario.truth().components();
            long seed = random.nextLong();
            for (InitMethod method : InitMethod.values()) {
                Restarts.Best one = Restarts.run(new VectorisedEm(1), data,
                        s -> method.start(data, k, s, SETTINGS.regCovar()), SETTINGS, seed, 1);
                Restarts.Best five = Restarts.run(new VectorisedEm(1), data,
                        s -> method.start(data, k, s, SETTINGS.regCovar()), SETTINGS, seed, 5);
                assertTrue(five.result().logLikelihood() >= one.result().logLikelihood(), method.label() + ", case "
                        + c + ": 5 runs gave " + five.result().logLikelihood() + ", 1 run "
                        + one.result().logLikelihood());
                // One restart is the plain run from --seed.
                assertEquals(new VectorisedEm(1).fit(data, method.start(data, k, seed, SETTINGS.regCovar()), SETTINGS),
                        one.result(), method.label());
                assertEquals(seed, one.seed());
            }
        }
    }

    @Test
    void everyReportedFieldComesFromTheBestRun() {
        SplittableRandom random = new SplittableRandom(0x2E58L);
        int differentRuns = 0;
        for (int c = 0; c < 15; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate().withDimensions(1, 3)
                    .withComponents(2, 5));
            DataMatrix data = scenario.data();
            int k = scenario.truth().components();
            long base = random.nextLong();
            // Few iterations, so that runs differ in their iteration counts and converged flags.
            EmSettings settings = new EmSettings(5 + c, 1e-4, EmSettings.DEFAULT_REG_COVAR);
            InitMethod method = InitMethod.values()[c % InitMethod.values().length];
            int runs = 6;
            Restarts.Best best = Restarts.run(new VectorisedEm(1), data,
                    s -> method.start(data, k, s, settings.regCovar()), settings, base, runs);

            long[] seeds = Restarts.seeds(base, runs);
            EmResult[] each = new EmResult[runs];
            int winner = 0;
            for (int r = 0; r < runs; r++) {
                each[r] = new VectorisedEm(1).fit(data, method.start(data, k, seeds[r], settings.regCovar()),
                        settings);
                if (each[r].logLikelihood() > each[winner].logLikelihood()) {
                    winner = r;
                }
            }
            assertEquals(winner, best.run(), "case " + c);
            assertEquals(seeds[winner], best.seed());
            assertEquals(method.start(data, k, seeds[winner], settings.regCovar()), best.start());
            EmResult result = best.result();
            assertEquals(each[winner], result, "case " + c + ": the whole result is the best run's");
            double[] trace = result.trace();
            assertEquals(result.iterations(), trace.length - 1, "iterations = trace length − 1");
            assertEquals(each[winner].converged(), result.converged());
            assertEquals(each[winner].iterations(), result.iterations());
            assertArrayEquals(each[winner].trace(), trace);
            assertEquals(trace[trace.length - 1] * data.rows(), result.logLikelihood(), 0.0);
            assertEquals(result.model(), each[winner].model());
            // The reported log-likelihood is the model's own: an E-step on it gives the trace's last value.
            assertEquals(new VectorisedEm(1).eStep(data, result.model()).logLikelihood() / data.rows(),
                    trace[trace.length - 1], 1e-12 * Math.max(1, Math.abs(trace[trace.length - 1])));
            for (EmResult other : each) {
                assertTrue(other.logLikelihood() <= result.logLikelihood());
                if (other.iterations() != result.iterations() || other.converged() != result.converged()) {
                    differentRuns++;
                }
            }
        }
        assertTrue(differentRuns > 10, "runs whose count or flag differed from the best: " + differentRuns);
    }

    @Test
    void theResultDoesNotDependOnTheThreadCount() {
        SplittableRandom random = new SplittableRandom(0x2E59L);
        for (int c = 0; c < 6; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate().withComponents(2, 4));
            DataMatrix data = scenario.data();
            int k = scenario.truth().components();
            for (InitMethod method : InitMethod.values()) {
                Restarts.Best one = Restarts.run(new VectorisedEm(1), data,
                        s -> method.start(data, k, s, SETTINGS.regCovar()), SETTINGS, c, 4);
                Restarts.Best two = Restarts.run(new VectorisedEm(2), data,
                        s -> method.start(data, k, s, SETTINGS.regCovar()), SETTINGS, c, 4);
                assertEquals(one.result(), two.result(), method.label());
                assertEquals(one.run(), two.run());
                assertEquals(one.start(), two.start());
            }
        }
    }

    @Test
    void seedsAreDerivedDeterministicallyWithTheBaseSeedFirst() {
        long[] seeds = Restarts.seeds(42L, 5);
        assertEquals(42L, seeds[0]);
        assertArrayEquals(seeds, Restarts.seeds(42L, 5));
        assertArrayEquals(java.util.Arrays.copyOf(seeds, 3), Restarts.seeds(42L, 3), "a prefix for fewer runs");
        assertThrows(IllegalArgumentException.class, () -> Restarts.seeds(42L, 0));
    }

    @Test
    void restartsWorkWithEveryImplementation() {
        Scenario scenario = Generators.scenario(new SplittableRandom(0x2E5AL), Spec.multivariate()
                .withComponents(2, 2));
        DataMatrix data = scenario.data();
        Restarts.Best loops = Restarts.run(new LoopsEm(), data, s -> InitMethod.KMEANS.start(data, 2, s, 1e-6),
                SETTINGS, 3, 3);
        Restarts.Best vectorised = Restarts.run(new VectorisedEm(1), data,
                s -> InitMethod.KMEANS.start(data, 2, s, 1e-6), SETTINGS, 3, 3);
        GaussianMixture a = loops.result().model();
        GaussianMixture b = vectorised.result().model();
        assertEquals(a.components(), b.components());
        assertEquals(loops.result().meanLogLikelihood(), vectorised.result().meanLogLikelihood(), 1e-8);
    }
    @Test
    void startsAreDrawnOneAtATimeEachJustBeforeItsRun() {
        Scenario scenario = Generators.scenario(new SplittableRandom(0x2E5BL), Spec.multivariate()
                .withComponents(2, 2));
        DataMatrix data = scenario.data();
        java.util.List<String> events = new java.util.ArrayList<>();
        VectorisedEm vectorised = new VectorisedEm(1);
        EmAlgorithm counting = new EmAlgorithm() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public EStep eStep(DataMatrix points, GaussianMixture model) {
                return vectorised.eStep(points, model);
            }

            @Override
            public GaussianMixture mStep(DataMatrix points, Responsibilities responsibilities,
                    GaussianMixture previous, double regCovar) {
                return vectorised.mStep(points, responsibilities, previous, regCovar);
            }

            @Override
            public EmResult fit(DataMatrix points, GaussianMixture start, EmSettings settings) {
                events.add("fit");
                return vectorised.fit(points, start, settings);
            }
        };
        long[] seeds = Restarts.seeds(9L, 4);
        java.util.List<Long> asked = new java.util.ArrayList<>();
        Restarts.Best best = Restarts.run(counting, data, s -> {
            events.add("start");
            asked.add(s);
            return InitMethod.KMEANS.start(data, 2, s, 1e-6);
        }, SETTINGS, 9L, 4);
        // Lazily: start, fit, start, fit, ... so that memory holds one start at a time, whatever R.
        assertEquals(java.util.List.of("start", "fit", "start", "fit", "start", "fit", "start", "fit"), events);
        assertEquals(java.util.Arrays.stream(seeds).boxed().toList(), asked, "the seeds of Restarts.seeds, in order");
        Restarts.Best fromList = Restarts.best(vectorised, data,
                Restarts.starts(s -> InitMethod.KMEANS.start(data, 2, s, 1e-6), 9L, 4), SETTINGS);
        assertEquals(fromList.result(), best.result(), "the same best run as from the list of starts");
        assertEquals(fromList.seed(), best.seed());
    }

    @Test
    void theListOfStartsHoldsSeedsAndDrawsEachStartAgainOnDemand() {
        Scenario scenario = Generators.scenario(new SplittableRandom(0x2E5CL), Spec.multivariate()
                .withComponents(2, 2));
        DataMatrix data = scenario.data();
        int[] drawn = {0};
        java.util.List<Restarts.Start> starts = Restarts.starts(s -> {
            drawn[0]++;
            return InitMethod.KMEANS.start(data, 2, s, 1e-6);
        }, 11L, 1_000_000);
        assertEquals(0, drawn[0], "nothing is drawn until asked for");
        assertEquals(1_000_000, starts.size());
        Restarts.Start again = starts.get(999_999);
        assertEquals(starts.get(999_999), again, "the same start for the same run, drawn again from its seed");
        assertEquals(2, drawn[0]);
        assertEquals(Restarts.seeds(11L, 3)[2], starts.get(2).seed());
    }
}
