package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.emgmm.io.MixtureJson;
import org.emgmm.model.GaussianMixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit --sample-weights COLUMN} and {@code --sample-weights-file FILE}: a fit on counted rows is the fit on
 * the rows written out that many times, and the output says it was weighted.
 */
class SampleWeightsCommandTest {

    /** Rounding only: the two fits add the same terms in another order (see SampleWeightsTest.REPEAT_TOLERANCE). */
    private static final double TOLERANCE = 1e-9;

    /** Old Faithful-like points with counts 0 to 3, and the same points written out count times. */
    private static final double[][] POINTS = {{1.8, 54}, {3.3, 74}, {2.0, 62}, {4.5, 85}, {1.7, 51}, {4.1, 80},
        {2.3, 55}, {4.7, 88}, {1.6, 52}, {4.3, 79}, {2.1, 58}, {4.0, 76}, {1.9, 49}, {4.6, 83}};
    private static final int[] COUNTS = {2, 1, 0, 3, 1, 2, 1, 1, 3, 2, 1, 0, 2, 1};

    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }

    private static String row(double[] point) {
        return String.format(Locale.ROOT, "%s,%s", point[0], point[1]);
    }

    @Test
    void countsGiveTheFitOfRepeatedRowsAndAreReported() throws IOException {
        StringBuilder counted = new StringBuilder("eruptions,waiting,count\n");
        StringBuilder repeated = new StringBuilder("eruptions,waiting\n");
        StringBuilder countsFile = new StringBuilder("count\n");
        StringBuilder plain = new StringBuilder("eruptions,waiting\n");
        for (int i = 0; i < POINTS.length; i++) {
            counted.append(row(POINTS[i])).append(',').append(COUNTS[i]).append('\n');
            plain.append(row(POINTS[i])).append('\n');
            countsFile.append(COUNTS[i]).append('\n');
            for (int copy = 0; copy < COUNTS[i]; copy++) {
                repeated.append(row(POINTS[i])).append('\n');
            }
        }
        Path start = write("start.json", "{\"weights\": [0.5, 0.5], \"means\": [[2, 55], [4, 80]],"
                + " \"covariances\": [[[1, 0], [0, 30]], [[1, 0], [0, 30]]]}");
        Path countedFile = write("counted.csv", counted.toString());
        Path repeatedFile = write("repeated.csv", repeated.toString());
        Path plainFile = write("plain.csv", plain.toString());
        Path weightsFile = write("counts.csv", countsFile.toString());
        for (String implementation : new String[] {"loops", "vectorised"}) {
            Path fromColumn = folder.resolve(implementation + "-column.json");
            Path fromFile = folder.resolve(implementation + "-file.json");
            Path fromCopies = folder.resolve(implementation + "-copies.json");
            CommandRun column = CommandRun.of("fit", "--data", countedFile.toString(), "--init", start.toString(),
                    "--sample-weights", "count", "--implementation", implementation, "--out", fromColumn.toString());
            assertEquals(Main.EXIT_OK, column.code(), column.err());
            assertTrue(column.out().contains("sample weights  column 'count': total 20 over 14 points (2 of weight 0)"),
                    column.out());
            CommandRun file = CommandRun.of("fit", "--data", plainFile.toString(), "--init", start.toString(),
                    "--sample-weights-file", weightsFile.toString(), "--implementation", implementation, "--out",
                    fromFile.toString());
            assertEquals(Main.EXIT_OK, file.code(), file.err());
            CommandRun copies = CommandRun.of("fit", "--data", repeatedFile.toString(), "--init", start.toString(),
                    "--implementation", implementation, "--out", fromCopies.toString());
            assertEquals(Main.EXIT_OK, copies.code(), copies.err());

            JsonObject columnJson = JsonParser.parseString(Files.readString(fromColumn)).getAsJsonObject();
            JsonObject fileJson = JsonParser.parseString(Files.readString(fromFile)).getAsJsonObject();
            JsonObject copiesJson = JsonParser.parseString(Files.readString(fromCopies)).getAsJsonObject();
            assertEquals("count", columnJson.getAsJsonObject("sampleWeights").get("column").getAsString());
            assertEquals(20.0, columnJson.getAsJsonObject("sampleWeights").get("total").getAsDouble());
            assertEquals(weightsFile.toString(), fileJson.getAsJsonObject("sampleWeights").get("file").getAsString());
            assertTrue(!copiesJson.has("sampleWeights"));
            // the column and the file are the same weights on the same points: the same numbers
            assertEquals(MixtureJson.read(fromColumn), MixtureJson.read(fromFile), implementation);
            assertEquals(columnJson.get("logLikelihoodTrace"), fileJson.get("logLikelihoodTrace"), implementation);
            // the repeated rows: the same run up to rounding, BIC with N = Σ w = 20 rows
            GaussianMixture weighted = MixtureJson.read(fromColumn);
            GaussianMixture unweighted = MixtureJson.read(fromCopies);
            close(unweighted.weights(), weighted.weights(), implementation + " weights");
            close(unweighted.flatMeans(), weighted.flatMeans(), implementation + " means");
            close(unweighted.flatCovariances(), weighted.flatCovariances(), implementation + " covariances");
            assertEquals(copiesJson.get("iterations"), columnJson.get("iterations"), implementation);
            assertEquals(copiesJson.get("converged"), columnJson.get("converged"), implementation);
            for (String key : new String[] {"logLikelihood", "meanLogLikelihood", "bic", "aic"}) {
                double expected = copiesJson.get(key).getAsDouble();
                assertEquals(expected, columnJson.get(key).getAsDouble(), TOLERANCE * Math.abs(expected),
                        implementation + " " + key);
            }
        }
    }

    /**
     * Issue 21's case: every weight 1e-12 (or 1e300) is every weight 1, from fit's own start. The same
     * parameters up to rounding, the same iterations and converged flag, and no component listed empty
     * (1e-12 used to leave both "empty" at weights 0.101/0.899); the mean log-likelihood per unit of weight
     * is the same too, and the model file records the true total.
     */
    @Test
    void theScaleOfEqualWeightsChangesNothingButTheTotals() throws IOException {
        for (String implementation : new String[] {"loops", "vectorised"}) {
            JsonObject ones = fitWithEveryWeight("1", implementation);
            GaussianMixture reference = MixtureJson.read(folder.resolve(implementation + "-1.json"));
            assertEquals(0, ones.getAsJsonArray("emptyComponents").size(), implementation);
            for (String scale : new String[] {"1e-12", "1e300"}) {
                JsonObject scaled = fitWithEveryWeight(scale, implementation);
                String what = implementation + " ×" + scale;
                GaussianMixture model = MixtureJson.read(folder.resolve(implementation + "-" + scale + ".json"));
                close(reference.weights(), model.weights(), what + " weights");
                close(reference.flatMeans(), model.flatMeans(), what + " means");
                close(reference.flatCovariances(), model.flatCovariances(), what + " covariances");
                assertEquals(ones.get("iterations"), scaled.get("iterations"), what);
                assertEquals(ones.get("converged"), scaled.get("converged"), what);
                assertEquals(ones.get("emptyComponents"), scaled.get("emptyComponents"), what);
                double mean = ones.get("meanLogLikelihood").getAsDouble();
                assertEquals(mean, scaled.get("meanLogLikelihood").getAsDouble(), TOLERANCE * Math.abs(mean), what);
                assertEquals(POINTS.length * Double.parseDouble(scale),
                        scaled.getAsJsonObject("sampleWeights").get("total").getAsDouble(),
                        TOLERANCE * POINTS.length * Double.parseDouble(scale), what + " total");
            }
        }
    }

    /** Fits {@link #POINTS} with every weight {@code weight} into {@code IMPLEMENTATION-WEIGHT.json}; its JSON. */
    private JsonObject fitWithEveryWeight(String weight, String implementation) throws IOException {
        StringBuilder csv = new StringBuilder("eruptions,waiting,w\n");
        for (double[] point : POINTS) {
            csv.append(row(point)).append(',').append(weight).append('\n');
        }
        Path data = write("every-" + weight + ".csv", csv.toString());
        Path out = folder.resolve(implementation + "-" + weight + ".json");
        CommandRun run = CommandRun.of("fit", "--data", data.toString(), "-k", "2", "--sample-weights", "w",
                "--implementation", implementation, "--out", out.toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        return JsonParser.parseString(Files.readString(out)).getAsJsonObject();
    }

    private static void close(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE * Math.max(1.0, Math.abs(expected[i])), what + "[" + i + "]");
        }
    }
}
