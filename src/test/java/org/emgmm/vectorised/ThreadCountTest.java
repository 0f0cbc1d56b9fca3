package org.emgmm.vectorised;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.emgmm.bench.BenchCase;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Cases;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Spec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Results are the same bits at any thread count: 1, 2 and 3 threads give identical traces, parameters
 * and responsibilities, because slices and the order of every sum are fixed by the data alone.
 */
class ThreadCountTest {

    private static final int[] THREAD_COUNTS = {1, 2, 3};

    /** Small blocks, so the suite's small data sets have many slices for the threads to share. */
    private static final int SMALL_BLOCK = 8;

    @TestFactory
    Stream<DynamicTest> anyThreadCountGivesTheSameBits() {
        return Cases.forAll("ThreadCount.anyThreadCountGivesTheSameBits",
                random -> Generators.scenario(random, Spec.of(random.nextBoolean())), (scenario, random) -> {
                    EmSettings settings = new EmSettings(20, 0.0, 1e-6);
                    EmResult first = null;
                    for (int threads : THREAD_COUNTS) {
                        EmResult result = VectorisedEm.withBlockSize(threads, SMALL_BLOCK)
                                .fit(scenario.data(), scenario.start(), settings);
                        if (first == null) {
                            first = result;
                        } else {
                            assertIdentical(first, result, threads + " threads against 1");
                        }
                    }
                });
    }

    /**
     * Larger data with the block size chosen from D: the gathered scatter (D = 12) and the lanes (D = 2),
     * each cut into many slices.
     */
    @ParameterizedTest(name = "N={0} D={1} K={2}")
    @CsvSource({"20000, 12, 3", "40000, 2, 4"})
    void largerDataGivesTheSameBitsAtEveryThreadCount(int n, int d, int k) {
        BenchCase benchCase = new BenchCase("threads", n, d, k, 11);
        DataMatrix data = benchCase.data();
        GaussianMixture start = benchCase.start(data);
        EmSettings settings = new EmSettings(15, 0.0, 1e-6);
        EmResult one = new VectorisedEm(1).fit(data, start, settings);
        EStep oneStep = new VectorisedEm(1).eStep(data, one.model());
        for (int threads : new int[] {2, 3}) {
            assertIdentical(one, new VectorisedEm(threads).fit(data, start, settings), threads + " threads against 1");
            EStep step = new VectorisedEm(threads).eStep(data, one.model());
            assertEquals(oneStep.logLikelihood(), step.logLikelihood(), 0.0, "log-likelihood with " + threads);
            assertArrayEquals(oneStep.responsibilities().toFlatArray(), step.responsibilities().toFlatArray(),
                    "responsibilities with " + threads + " threads");
        }
    }

    private static void assertIdentical(EmResult expected, EmResult actual, String what) {
        assertEquals(expected.iterations(), actual.iterations(), what + ": iterations");
        assertArrayEquals(expected.trace(), actual.trace(), what + ": trace");
        assertArrayEquals(expected.model().weights(), actual.model().weights(), what + ": weights");
        assertArrayEquals(expected.model().flatMeans(), actual.model().flatMeans(), what + ": means");
        assertArrayEquals(expected.model().flatCovariances(), actual.model().flatCovariances(),
                what + ": covariances");
        assertTrue(expected.model().equals(actual.model()), what + ": the mixtures are equal");
    }
}
