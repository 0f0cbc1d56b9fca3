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
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
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
 * 5,000 points, the responsibility levels decode to round(63 r), a run that agrees with the first shares
 * its levels, and the page for 5,000 points × 100 iterations × 4 runs of real EM that disagree (the
 * worst case: nothing shared) stays under 3 MB.
 */
class RecordingTest {

    private static final DataMatrix FAITHFUL = Datasets.load("old-faithful", List.of(), null).data();

    /** The bound on the page for 5,000 points × 100 iterations × 4 implementations: about 3 MB. */
    private static final int PAGE_BYTES = 3_000_000;

    /** The iterations. */
    private static final int ITERATIONS = 100;

    /** The blobs' centres lie on a circle this wide: for K = 3 and 4, 2.4 and 2 standard deviations apart. */
    private static final double BLOB_RADIUS = 1.414;

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
    void thePageFor5000Points100IterationsAnd4RunsThatDisagreeStaysUnder3MB() {
        // The worst case the issue names: 5,000 points, 100 iterations, 4 runs, here from 4 different
        // starts, so that no run's responsibilities equal another's and none can be shared.
        for (int k : new int[] {3, 4}) {
            int bytes = disagreeingPageBytes(k);
            assertTrue(bytes < PAGE_BYTES, "K = " + k + ", four starts: " + bytes + " bytes");
        }
    }

    @Test
    void thePageDataRoundsToSixDigitsAndReusesTheFirstRunsLevels() {
        JsonObject json = ExplorePage.json("test", points(40, 3), recording(40, 3, 2, 4, true));
        JsonArray runs = json.getAsJsonArray("runs");
        assertEquals(2, runs.size());
        assertTrue(runs.get(0).getAsJsonObject().get("levels").isJsonPrimitive());
        assertTrue(runs.get(1).getAsJsonObject().get("levels").isJsonNull(), "the same levels as the first run's");
        assertEquals(-1, runs.get(1).getAsJsonObject().get("departure").getAsInt(), "the same trace: no departure");
        Recording different = recording(40, 3, 2, 4, false);
        assertEquals(0, different.departureFromFirst(different.runs().get(1)), "another trace leaves at once");
        assertTrue(ExplorePage.json("test", points(40, 3), different).getAsJsonArray("runs").get(1).getAsJsonObject()
                .get("levels").isJsonPrimitive(), "other levels are the run's own");
        JsonArray fromFirst = ExplorePage.json("test", points(40, 3), different).getAsJsonArray("runs").get(1)
                .getAsJsonObject().getAsJsonArray("fromFirst");
        for (int t = 0; t <= 4; t++) {
            double expected = Math.abs(different.runs().get(1).trace()[t] - different.runs().get(0).trace()[t]);
            assertEquals(ExplorePage.round(expected), fromFirst.get(t).getAsDouble(), "|L − L₁| at t = " + t);
        }
        assertEquals(0.0, runs.get(1).getAsJsonObject().getAsJsonArray("fromFirst").get(4).getAsDouble(),
                "the same trace: no difference");
        assertEquals(0.123457, ExplorePage.round(0.1234567891));
        assertEquals(1234570.0, ExplorePage.round(1234567.891));
        String html = ExplorePage.html("a </script> title", points(40, 3), recording(40, 3, 2, 4, true), List.of());
        assertTrue(!html.contains("a </script> title"), "the data cannot end the script");
        assertTrue(html.contains("\"levels\":null"), "a shared run's levels are written as null");
    }

    @Test
    void theLevelsDecodeToRound63RAtEveryIteration() throws DataFormatException {
        Recording.Run run = recording(40, 3, 1, 4, false).runs().get(0);
        String encoded = ExplorePage.json("test", points(40, 3), new Recording(new int[40], 40, List.of(run)))
                .getAsJsonArray("runs").get(0).getAsJsonObject().get("levels").getAsString();
        // Undo it as the page does, written out independently: Base64, raw inflate, then running sums mod 64.
        Inflater inflater = new Inflater(true);
        inflater.setInput(Base64.getDecoder().decode(encoded));
        int perStep = 40 * 2;
        byte[] changes = new byte[perStep * 5];
        assertEquals(changes.length, inflater.inflate(changes), "K − 1 levels per point, for t = 0 … 4");
        assertTrue(inflater.finished());
        int[] level = new int[perStep];
        for (int t = 0; t <= 4; t++) {
            double[] r = run.responsibilities().get(t);
            for (int j = 0; j < perStep; j++) {
                level[j] = (level[j] + changes[t * perStep + j]) % 64;
                double responsibility = r[j / 2 * 3 + j % 2];
                assertEquals(Math.round(63 * responsibility), level[j], "t = " + t + ", level " + j);
            }
        }
    }

    /**
     * The page's bytes for real EM runs on {@link #overlappingBlobs} (5,000 points): four runs of 100
     * iterations (tolerance 0, so none stops early), from four random-points starts (seeds 1 to 4), by the
     * vectorised and the loops implementations in turn.
     */
    private static int disagreeingPageBytes(int k) {
        DataMatrix data = overlappingBlobs(Recording.MAX_SHOWN, k);
        int[] shown = Recording.sample(data.rows(), Recording.MAX_SHOWN, 1);
        List<EmAlgorithm> algorithms = List.of(new VectorisedEm(), new LoopsEm());
        List<Recording.Run> runs = new ArrayList<>();
        for (int seed = 1; seed <= 4; seed++) {
            GaussianMixture start = Initialisation.randomPoints(data, k, seed);
            runs.add(Recording.replay(algorithms.get(seed % 2), data, start, ITERATIONS,
                    EmSettings.defaults().regCovar(), shown));
        }
        Recording recording = new Recording(shown, data.rows(), runs);
        for (Recording.Run run : runs.subList(1, runs.size())) {
            assertTrue(recording.departureFromFirst(run) >= 0, "the runs disagree, so none shares levels");
        }
        return ExplorePage.html("size", data, recording, List.of()).getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * N points in 2-D from K unit-variance Gaussian blobs whose centres, on a circle of radius
     * {@value #BLOB_RADIUS}, are about 2 standard deviations apart: the blobs overlap, EM converges slowly
     * and the responsibilities keep changing over the 100 iterations, the hard case for the page's size.
     */
    private static DataMatrix overlappingBlobs(int n, int k) {
        SplittableRandom random = new SplittableRandom(k);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * (i % k) / k;
            rows[i] = new double[] {BLOB_RADIUS * Math.cos(angle) + random.nextGaussian(),
                BLOB_RADIUS * Math.sin(angle) + random.nextGaussian()};
        }
        return DataMatrix.ofRows(rows);
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
