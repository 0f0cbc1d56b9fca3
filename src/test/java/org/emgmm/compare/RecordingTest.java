package org.emgmm.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Datasets;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Initialisation;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.Test;

/**
 * The explorer's recording ({@link Recording}) and page data ({@link ExplorePage}): the parameters
 * recorded at t are those of an independent run of t iterations, the shown sample is seeded and at most
 * 5,000 points, and the page for 5,000 points × 100 iterations × 4 implementations stays under 3 MB.
 */
class RecordingTest {

    private static final DataMatrix FAITHFUL = Datasets.load("old-faithful", List.of(), null).data();

    @Test
    void theParametersRecordedAtTAreThoseOfAnIndependentRunOfTIterations() {
        GaussianMixture start = Initialisation.randomPoints(FAITHFUL, 2, 1);
        EmSettings settings = EmSettings.defaults();
        List<EmAlgorithm> algorithms = List.of(new VectorisedEm(), new LoopsEm());
        Comparison.Outcome outcome = Comparison.run(FAITHFUL, start, settings, algorithms);
        List<Comparison.Entry> entries = algorithms.stream().map(Comparison.Entry::of).toList();
        Recording recording = Recording.record(FAITHFUL, outcome, entries, settings, 7);

        assertEquals(2, recording.runs().size());
        for (int i = 0; i < 2; i++) {
            Recording.Run run = recording.runs().get(i);
            EmResult reported = outcome.rows().get(i).result();
            assertEquals(reported.iterations(), run.iterations(), run.implementation());
            assertArrayEquals(reported.trace(), run.trace(), 1e-12, run.implementation() + "'s trace");
            for (int t : new int[] {0, 1, 5, run.iterations()}) {
                EmResult alone = algorithms.get(i).fit(FAITHFUL, start, settings.withMaxIterations(t).withTolerance(0));
                double difference = Comparison.parameterDifference(alone.model(), run.parameters().get(t));
                assertTrue(difference <= 1e-12, run.implementation() + " at t = " + t + ": " + difference);
            }
            assertEquals(FAITHFUL.rows() * 2, run.responsibilities().get(0).length);
        }
        assertEquals("272 of 272 shown", recording.shownLine());
    }

    @Test
    void theShownSampleIsSeededDistinctAndAtMost5000() {
        int[] first = Recording.sample(20_000, Recording.MAX_SHOWN, 3);
        assertArrayEquals(first, Recording.sample(20_000, Recording.MAX_SHOWN, 3), "the same seed, the same rows");
        assertTrue(!Arrays.equals(first, Recording.sample(20_000, Recording.MAX_SHOWN, 4)), "another seed, others");
        assertEquals(5_000, first.length);
        assertEquals(5_000, Arrays.stream(first).distinct().count());
        for (int i = 1; i < first.length; i++) {
            assertTrue(first[i - 1] < first[i] && first[i] < 20_000);
        }
        assertArrayEquals(new int[] {0, 1, 2}, Recording.sample(3, Recording.MAX_SHOWN, 3), "few points: all shown");
        Recording recording = new Recording(first, 20_000, List.of());
        assertEquals("5,000 of 20,000 shown", recording.shownLine());
    }

    @Test
    void thePageFor5000Points100IterationsAnd4ImplementationsStaysUnder3MB() {
        // The worst case for K = 2: four implementations whose responsibilities all differ at every step.
        assertTrue(pageBytes(2, false) < 3_000_000, "K = 2, all different: " + pageBytes(2, false));
        // K = 3 with implementations that agree, as they should: the others refer to the first's levels.
        assertTrue(pageBytes(3, true) < 3_000_000, "K = 3, agreeing: " + pageBytes(3, true));
    }

    @Test
    void thePageDataRoundsToSixDigitsAndReusesTheFirstRunsLevels() {
        JsonObject json = ExplorePage.json("test", points(40, 3), recording(40, 3, 2, 4, true));
        JsonArray runs = json.getAsJsonArray("runs");
        assertEquals(2, runs.size());
        assertTrue(runs.get(0).getAsJsonObject().getAsJsonArray("levels").get(4).isJsonPrimitive());
        assertTrue(runs.get(1).getAsJsonObject().getAsJsonArray("levels").get(4).isJsonNull(), "same as the first");
        assertEquals(40 * 2, runs.get(0).getAsJsonObject().getAsJsonArray("levels").get(4).getAsString().length(),
                "K − 1 characters per point");
        assertEquals(-1, runs.get(1).getAsJsonObject().get("departure").getAsInt(), "the same trace: no departure");
        Recording different = recording(40, 3, 2, 4, false);
        assertEquals(0, different.departureFromFirst(different.runs().get(1)), "another trace leaves at once");
        assertEquals(0.123457, ExplorePage.round(0.1234567891));
        assertEquals(1234570.0, ExplorePage.round(1234567.891));
        assertTrue(!ExplorePage.html("a </script> title", points(40, 3), recording(40, 3, 2, 4, true),
                List.of())
                .contains("a </script> title"), "the data cannot end the script");
    }

    private static int pageBytes(int k, boolean agreeing) {
        int n = Recording.MAX_SHOWN;
        return ExplorePage.html("size", points(n, 2), recording(n, k, 4, 100, agreeing), List.of())
                .getBytes(StandardCharsets.UTF_8).length;
    }

    private static DataMatrix points(int n, int d) {
        SplittableRandom random = new SplittableRandom(1);
        double[][] rows = new double[n][d];
        for (double[] row : rows) {
            Arrays.setAll(row, j -> random.nextGaussian() * 10);
        }
        return DataMatrix.ofRows(rows);
    }

    /** Made-up runs of {@code iterations} iterations: random parameters and responsibilities. */
    private static Recording recording(int n, int k, int implementations, int iterations, boolean agreeing) {
        int[] shown = new int[n];
        Arrays.setAll(shown, i -> i);
        List<Recording.Run> runs = new ArrayList<>();
        for (int run = 0; run < implementations; run++) {
            SplittableRandom random = new SplittableRandom(agreeing ? 0 : run);
            List<GaussianMixture> parameters = new ArrayList<>();
            List<double[]> responsibilities = new ArrayList<>();
            double[] trace = new double[iterations + 1];
            for (int t = 0; t <= iterations; t++) {
                parameters.add(randomMixture(random, k, 2));
                trace[t] = -5 + random.nextDouble();
                double[] r = new double[n * k];
                for (int i = 0; i < n; i++) {
                    double share = random.nextDouble();
                    for (int c = 0; c < k; c++) {
                        r[i * k + c] = c == 0 ? share : (1 - share) / (k - 1);
                    }
                }
                responsibilities.add(r);
            }
            runs.add(new Recording.Run("implementation " + run, parameters, trace, responsibilities));
        }
        return new Recording(shown, n, runs);
    }

    private static GaussianMixture randomMixture(SplittableRandom random, int k, int d) {
        double[] weights = new double[k];
        Arrays.fill(weights, 1.0 / k);
        double[][] means = new double[k][d];
        double[][][] covariances = new double[k][d][d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                means[c][j] = random.nextGaussian();
                covariances[c][j][j] = 1 + random.nextDouble();
            }
        }
        return GaussianMixture.of(weights, means, covariances);
    }
}
