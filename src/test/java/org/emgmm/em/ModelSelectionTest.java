package org.emgmm.em;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Datasets;
import org.emgmm.io.MixtureJson;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.Prediction;
import org.junit.jupiter.api.Test;

/** BIC and AIC ({@link ModelSelection}) against an independent computation from a fitted model. */
class ModelSelectionTest {

    @Test
    void aFullMixtureOfTwoComponentsInFiveDimensionsHas41FreeParameters() {
        // 1 free weight, 2·5 mean entries, 2·15 distinct covariance entries.
        assertEquals(41, ModelSelection.freeParameters(2, 5));
        assertEquals(countDistinctParameters(2, 5), ModelSelection.freeParameters(2, 5));
        for (int k = 1; k <= 6; k++) {
            for (int d = 1; d <= 6; d++) {
                assertEquals(countDistinctParameters(k, d), ModelSelection.freeParameters(k, d), k + " × " + d);
            }
        }
    }

    @Test
    void bicAndAicOfAFitMatchTheLikelihoodRecomputedFromItsModel() {
        DataMatrix data = Datasets.load("iris", List.of(), null).data();
        GaussianMixture start = Initialisation.randomPoints(data, 3, 7);
        EmResult result = new LoopsEm().fit(data, start, EmSettings.defaults());
        double[] flat = new double[data.rows() * data.columns()];
        for (int i = 0; i < data.rows(); i++) {
            System.arraycopy(data.row(i), 0, flat, i * data.columns(), data.columns());
        }
        double logLikelihood = Prediction.of(result.model(), flat).score() * data.rows();
        int p = countDistinctParameters(3, 4);
        double tolerance = 1e-9 * Math.abs(logLikelihood);
        assertEquals(-2 * logLikelihood + p * Math.log(data.rows()), ModelSelection.bic(result), tolerance);
        assertEquals(-2 * logLikelihood + 2 * p, ModelSelection.aic(result), tolerance);
        JsonObject written = JsonParser.parseString(MixtureJson.toJson(result)).getAsJsonObject();
        assertEquals(ModelSelection.bic(result), written.get("bic").getAsDouble(), 0.0);
        assertEquals(ModelSelection.aic(result), written.get("aic").getAsDouble(), 0.0);
        assertEquals(p, written.get("freeParameters").getAsInt());
    }

    /** Counts one by one what a K-component, D-dimensional full mixture leaves free. */
    private static int countDistinctParameters(int k, int d) {
        int count = k - 1;                            // the last weight is 1 minus the others
        for (int c = 0; c < k; c++) {
            count += d;                               // the mean
            for (int row = 0; row < d; row++) {
                for (int column = row; column < d; column++) {
                    count++;                          // Σ[row][column] = Σ[column][row]
                }
            }
        }
        return count;
    }
}
