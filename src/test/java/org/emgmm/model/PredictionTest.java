package org.emgmm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.MixtureSampler;
import org.emgmm.em.Responsibilities;
import org.emgmm.testing.Cases;
import org.emgmm.testing.Generators;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link Prediction}: predict is the argmax of predict-proba, score the mean of score-samples, the rows of
 * predict-proba sum to 1, and all of it agrees with the mixture's own log-density and with an E-step; on
 * the project's seeded scenarios (start, true and broadened models), and at points far from every
 * component, where densities underflow.
 */
class PredictionTest {

    /** A model and the points it is asked about. */
    record Input(GaussianMixture model, DataMatrix data) {
        @Override
        public String toString() {
            return "D=" + model.dimension() + " K=" + model.components() + " N=" + data.rows();
        }
    }

    private static Input input(SplittableRandom random) {
        Generators.Scenario scenario = Generators.scenario(random, Generators.Spec.multivariate());
        List<GaussianMixture> models = Generators.eStepModels(scenario);
        return new Input(models.get(random.nextInt(models.size())), scenario.data());
    }

    private static Prediction predict(Input input) {
        return Prediction.of(input.model(), input.data().toFlatArray());
    }

    @TestFactory
    Stream<DynamicTest> predictIsTheArgmaxOfPredictProba() {
        return Cases.forAll("Prediction.argmax", PredictionTest::input, (input, random) -> {
            Prediction prediction = predict(input);
            double[][] proba = prediction.probabilities();
            int[] labels = prediction.labels();
            for (int i = 0; i < proba.length; i++) {
                int best = 0;
                for (int k = 1; k < proba[i].length; k++) {
                    if (proba[i][k] > proba[i][best]) {
                        best = k;
                    }
                }
                assertEquals(best, labels[i], "point " + i);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> scoreIsTheMeanOfScoreSamples() {
        return Cases.forAll("Prediction.score", PredictionTest::input, (input, random) -> {
            Prediction prediction = predict(input);
            double[] samples = prediction.logDensities();
            double sum = 0.0;
            for (double value : samples) {
                sum += value;
            }
            assertEquals(sum / samples.length, prediction.score(), 1e-12 * Math.max(1.0, Math.abs(prediction.score())));
        });
    }

    @TestFactory
    Stream<DynamicTest> rowsOfPredictProbaSumToOne() {
        return Cases.forAll("Prediction.rowsSumToOne", PredictionTest::input, (input, random) -> {
            double[][] proba = predict(input).probabilities();
            for (int i = 0; i < proba.length; i++) {
                double sum = 0.0;
                for (double r : proba[i]) {
                    assertEquals(true, r >= 0.0 && r <= 1.0, "point " + i + ": " + r);
                    sum += r;
                }
                assertEquals(1.0, sum, 1e-12, "point " + i);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> agreesWithTheMixtureAndAnEStep() {
        return Cases.forAll("Prediction.agrees", PredictionTest::input, (input, random) -> {
            Prediction prediction = predict(input);
            Responsibilities e = new VectorisedEm(1).eStep(input.data(), input.model()).responsibilities();
            double[] logDensities = prediction.logDensities();
            for (int i = 0; i < input.data().rows(); i++) {
                double expected = input.model().logDensity(input.data().row(i));
                assertEquals(expected, logDensities[i], 1e-12 * Math.max(1.0, Math.abs(expected)), "point " + i);
                for (int k = 0; k < input.model().components(); k++) {
                    assertEquals(e.get(i, k), prediction.probability(i, k), 1e-12, "point " + i + ", component " + k);
                }
            }
        });
    }

    /** N(0, 1) and N(1, 1) with equal weights. */
    private static final GaussianMixture TWO_UNIT_NORMALS = GaussianMixture.of(new double[] {0.5, 0.5},
            new double[][] {{0.0}, {1.0}}, new double[][][] {{{1.0}}, {{1.0}}});

    @Test
    void aPointFarFromEveryComponentStillHasExactProbabilities() {
        // At x = 10⁵ both densities are exp(−5·10⁹) = 0 in double precision; their ratio is exp(10⁵ − ½).
        Prediction prediction = Prediction.of(TWO_UNIT_NORMALS, new double[][] {{1e5}, {-1e5}});
        assertArrayEquals(new double[] {0.0, 1.0}, prediction.probabilities()[0]);
        assertArrayEquals(new double[] {1.0, 0.0}, prediction.probabilities()[1]);
        assertArrayEquals(new int[] {1, 0}, prediction.labels());
        // log p(x) = log ½ − ½ log 2π − ½ (x − 1)² at x = 10⁵, the other term being exp(−10⁵) times smaller
        double expected = Math.log(0.5) - 0.5 * Math.log(2 * Math.PI) - 0.5 * (1e5 - 1) * (1e5 - 1);
        assertEquals(expected, prediction.logDensities()[0], 1e-12 * Math.abs(expected));
    }

    @Test
    void aTieGoesToTheLowestComponent() {
        // two copies of N(0, 1) with equal weights: every point is as likely from either, r = (½, ½) exactly
        GaussianMixture twins = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0.0}, {0.0}},
                new double[][][] {{{1.0}}, {{1.0}}});
        Prediction prediction = Prediction.of(twins, new double[][] {{0.5}, {-3.0}});
        assertEquals(prediction.probability(0, 0), prediction.probability(0, 1));
        assertEquals(0.5, prediction.probability(1, 1), 1e-15);
        assertArrayEquals(new int[] {0, 0}, prediction.labels());
    }

    @Test
    void aComponentOfWeightZeroTakesNoPoint() {
        GaussianMixture mixture = GaussianMixture.of(new double[] {1.0, 0.0}, new double[][] {{0.0}, {5.0}},
                new double[][][] {{{1.0}}, {{1.0}}});
        Prediction prediction = Prediction.of(mixture, new double[][] {{5.0}});
        assertArrayEquals(new double[] {1.0, 0.0}, prediction.probabilities()[0]);
        assertArrayEquals(new int[] {0}, prediction.labels());
    }

    @Test
    void pointsOfAnotherDimensionAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Prediction.of(TWO_UNIT_NORMALS, new double[][] {{1, 2}}));
    }

    @TestFactory
    Stream<DynamicTest> sampledPointsArePredictedMostlyAsTheirComponent() {
        return Cases.forAll("Prediction.sampled", random -> Generators.mixture(random, Generators.between(random, 1, 4),
                Generators.between(random, 1, 4)), (mixture, random) -> {
                    long seed = random.nextLong();
                    MixtureSampler.Sample sample = MixtureSampler.sample(mixture, 200, seed);
                    assertArrayEquals(sample.data().toFlatArray(),
                            MixtureSampler.sample(mixture, 200, seed).data().toFlatArray(), "same seed");
                    int[] labels = Prediction.of(mixture, sample.data().toFlatArray()).labels();
                    // the generators' components are well separated: nearly every point goes back to its own
                    assertEquals(true, AdjustedRandIndex.of(sample.components(), labels) > 0.8);
                });
    }
}
