package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Datasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start file of {@code "means"} alone (scikit-learn's means_init): the start has those means, equal weights and
 * the data's maximum-likelihood covariance for every component.
 */
class MeansOnlyStartTest {

    @TempDir
    Path directory;

    @Test
    void meansAloneGetEqualWeightsAndTheDataCovariance() throws IOException {
        Path init = Files.writeString(directory.resolve("means.json"), "{\"means\": [[2, 55], [4.5, 80], [3, 70]]}");
        Path out = directory.resolve("start.json");
        CommandRun run = CommandRun.of("fit", "--data", "old-faithful", "--init", init.toString(), "--max-iter", "0",
                "--out", out.toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        JsonObject model = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        // the data's covariance, computed here by its definition: Σ = (1/N) Σᵢ (xᵢ − x̄)(xᵢ − x̄)ᵀ
        DataMatrix data = Datasets.load("old-faithful", List.of(), null).data();
        int n = data.rows();
        double[] mean = new double[2];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 2; a++) {
                mean[a] += data.get(i, a) / n;
            }
        }
        double[][] covariance = new double[2][2];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    covariance[a][b] += (data.get(i, a) - mean[a]) * (data.get(i, b) - mean[b]) / n;
                }
            }
        }
        double[][] means = {{2, 55}, {4.5, 80}, {3, 70}};
        for (int k = 0; k < 3; k++) {
            assertEquals(1.0 / 3, model.getAsJsonArray("weights").get(k).getAsDouble(), 1e-15);
            for (int a = 0; a < 2; a++) {
                assertEquals(means[k][a], model.getAsJsonArray("means").get(k).getAsJsonArray().get(a).getAsDouble(),
                        0.0);
                JsonArray row = model.getAsJsonArray("covariances").get(k).getAsJsonArray().get(a).getAsJsonArray();
                for (int b = 0; b < 2; b++) {
                    assertEquals(covariance[a][b], row.get(b).getAsDouble(), 1e-9 * Math.abs(covariance[a][b]));
                }
            }
        }
    }

    @Test
    void meansOfTheWrongWidthAreRefusedInOneLine() throws IOException {
        Path init = Files.writeString(directory.resolve("means.json"), "{\"means\": [[2, 55, 1], [4.5, 80, 1]]}");
        String line = CommandRun.of("fit", "--data", "old-faithful", "--init", init.toString()).badInputLine();
        assertTrue(line.contains("means.json") && line.contains("3 values"), line);
    }

    @Test
    void weightsWithoutCovariancesAreStillRefused() throws IOException {
        Path init = Files.writeString(directory.resolve("half.json"), "{\"weights\": [0.5, 0.5],"
                + " \"means\": [[2, 55], [4.5, 80]]}");
        String line = CommandRun.of("fit", "--data", "old-faithful", "--init", init.toString()).badInputLine();
        assertTrue(line.contains("covariances"), line);
    }
}
