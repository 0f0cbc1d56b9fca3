package org.emgmm.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Datasets;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Initialisation;
import org.emgmm.io.MixtureJson;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.CovarianceType;
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

    @Test
    void bicAndAicOfEveryCovarianceTypeCountThatTypesParameters() {
        DataMatrix data = Datasets.load("iris", List.of(), null).data();
        for (CovarianceType type : CovarianceType.values()) {
            GaussianMixture start = Initialisation.randomPoints(data, 3, 7).constrainedTo(type);
            EmResult result = new LoopsEm().fit(data, start, EmSettings.defaults());
            assertEquals(type, result.model().covarianceType());
            int p = countTypedParameters(type, 3, 4);
            assertEquals(p, ModelSelection.freeParameters(result), type.label());
            double logLikelihood = logLikelihood(result.model(), data);
            double tolerance = 1e-9 * Math.abs(logLikelihood);
            assertEquals(-2 * logLikelihood + p * Math.log(data.rows()), ModelSelection.bic(result), tolerance);
            assertEquals(-2 * logLikelihood + 2 * p, ModelSelection.aic(result), tolerance);
            JsonObject written = JsonParser.parseString(MixtureJson.toJson(result)).getAsJsonObject();
            assertEquals(p, written.get("freeParameters").getAsInt());
        }
    }

    /**
     * ICL = BIC − 2 Σᵢ log r[i][ĉᵢ], recomputed here point by point from the densities with the largest
     * term found by hand, not through Prediction.
     */
    @Test
    void iclIsBicPlusTwiceTheClassificationUncertaintyComputedPointByPoint() {
        DataMatrix data = Datasets.load("iris", List.of(), null).data();
        for (int k = 1; k <= 4; k++) {
            EmResult result = new LoopsEm().fit(data, Initialisation.randomPoints(data, k, 3), EmSettings.defaults());
            GaussianMixture model = result.model();
            double sumLogLargest = 0.0;
            for (int i = 0; i < data.rows(); i++) {
                double[] terms = new double[k];
                double largest = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    terms[c] = Math.log(model.weight(c)) + model.logComponentDensity(c, data.row(i));
                    largest = Math.max(largest, terms[c]);
                }
                double total = 0.0;
                for (int c = 0; c < k; c++) {
                    total += Math.exp(terms[c] - largest);
                }
                sumLogLargest += -Math.log(total);     // log r[i][ĉ] = largest − log Σ exp(terms)
            }
            double expected = ModelSelection.bic(result) - 2 * sumLogLargest;
            double icl = ModelSelection.icl(result, data);
            assertEquals(expected, icl, 1e-9 * Math.abs(expected), "K=" + k);
            assertTrue(icl >= ModelSelection.bic(result), "the penalty is never negative");
            if (k == 1) {
                assertEquals(ModelSelection.bic(result), icl, 0.0, "one component claims every point wholly");
            }
        }
    }

    private static double logLikelihood(GaussianMixture model, DataMatrix data) {
        double[] flat = new double[data.rows() * data.columns()];
        for (int i = 0; i < data.rows(); i++) {
            System.arraycopy(data.row(i), 0, flat, i * data.columns(), data.columns());
        }
        return Prediction.of(model, flat).score() * data.rows();
    }

    /** Counts one by one the free covariance entries of a type, plus the weights and means. */
    private static int countTypedParameters(CovarianceType type, int k, int d) {
        int count = k - 1 + k * d;
        int matrices = type == CovarianceType.TIED ? 1 : k;
        for (int c = 0; c < matrices; c++) {
            switch (type) {
                case SPHERICAL -> count++;                  // σ²ₖ
                case DIAG -> count += d;                    // σ²ₖ₁ … σ²ₖD
                default -> {
                    for (int row = 0; row < d; row++) {
                        for (int column = row; column < d; column++) {
                            count++;                        // Σ[row][column] = Σ[column][row]
                        }
                    }
                }
            }
        }
        return count;
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
