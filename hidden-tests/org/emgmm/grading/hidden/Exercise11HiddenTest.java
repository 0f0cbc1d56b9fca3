package org.emgmm.grading.hidden;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.MixtureSampler;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Initialisation;
import org.emgmm.exercises.Ex11CovarianceTypes;
import org.emgmm.grading.Exercise;
import org.emgmm.grading.Expect;
import org.emgmm.grading.LentAlgorithm;
import org.emgmm.grading.Points;
import org.emgmm.grading.RunSeed;
import org.emgmm.grading.StudentCode;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.selection.ModelSelection;
import org.emgmm.testing.Generators;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A hidden test of exercise 11: the visible tests check {@code choose} on a tied mixture only, so a
 * choice that favours tied (or never tries the other constrained types) could pass them. Here the data
 * come from a spherical mixture (round clusters of different sizes) and from a diag one (axis-aligned
 * ellipses of different shapes), in three dimensions, and the right pair is the true K with that type.
 * Worth 2 points on top of the visible ones.
 */
@Exercise(11)
@DisplayName("Exercise 11: covariance types")
class Exercise11HiddenTest {

    /** The library that lends its fit to {@code choose}, and computes the expected choice. */
    private static final EmAlgorithm LIBRARY = new VectorisedEm();

    /** The settings of every fit. */
    private static final EmSettings SETTINGS = EmSettings.defaults();

    /** Points per data set: enough that the true type's BIC wins by a clear margin. */
    private static final int POINTS = 600;

    /** How many data sets a test draws, at most, to find one on which its premise holds. */
    private static final int PREMISE_DRAWS = 10;

    /** The generator of the test's inputs, from the run's seed. */
    private static SplittableRandom random() {
        return RunSeed.forTest(Exercise11HiddenTest.class, "chooseFindsSphericalAndDiagMixtures");
    }

    /** The seed of every start, drawn from the run's seed. */
    private static long startSeed() {
        return RunSeed.forTest(Exercise11HiddenTest.class, "startSeed").nextLong();
    }

    /**
     * K components in 3 dimensions, means well apart, each covariance diagonal with variances from
     * [0.3, 3]: all three equal within a component for spherical, each its own for diag.
     */
    private static DataMatrix draw(SplittableRandom random, CovarianceType type, int k) {
        int d = 3;
        double[] covariances = new double[k * d * d];
        for (int c = 0; c < k; c++) {
            double variance = random.nextDouble(0.3, 3.0);
            for (int a = 0; a < d; a++) {
                covariances[(c * d + a) * d + a] = type == CovarianceType.SPHERICAL ? variance
                        : random.nextDouble(0.3, 3.0);
            }
        }
        double[] weights = new double[k];
        Arrays.fill(weights, 1.0 / k);
        GaussianMixture truth = GaussianMixture.ofFlat(type, k, d, weights, Generators.separatedMeans(random, d, k),
                covariances);
        return MixtureSampler.sample(truth, POINTS, random.nextLong()).data();
    }

    /** The library's lowest BIC over K from 1 to 4 and the four types, from the same starts as choose's. */
    private static String lowestBic(DataMatrix data) {
        String best = null;
        double lowest = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= 4; k++) {
            GaussianMixture full = Initialisation.randomPoints(data, k, startSeed());
            for (CovarianceType type : CovarianceType.values()) {
                EmResult fit = LIBRARY.fit(data, full.constrainedTo(type), SETTINGS);
                double bic = ModelSelection.bic(fit);
                if (bic < lowest) {
                    lowest = bic;
                    best = "K = " + k + ", " + type.label();
                }
            }
        }
        return best;
    }

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("choose finds spherical and diag mixtures with their K")
    void chooseFindsSphericalAndDiagMixtures() {
        SplittableRandom random = random();
        for (CovarianceType type : new CovarianceType[] {CovarianceType.SPHERICAL, CovarianceType.DIAG}) {
            int k = 2 + random.nextInt(2);
            String truth = "K = " + k + ", " + type.label();
            DataMatrix data = null;
            String found = null;
            for (int attempt = 0; attempt < PREMISE_DRAWS && !truth.equals(found); attempt++) {
                data = draw(random, type, k);
                found = lowestBic(data);
            }
            if (!truth.equals(found)) {
                throw Expect.failure("(test premise) the library's lowest BIC on a " + type.label() + " mixture",
                        truth, found, "this test's data need changing");
            }
            DataMatrix points = data;
            Ex11CovarianceTypes.Choice choice;
            try (LentAlgorithm fits = LentAlgorithm.fits(LIBRARY)) {
                long seed = startSeed();
                choice = StudentCode.call("Ex11CovarianceTypes.choose(K from 1 to 4, seed " + seed + ")",
                        () -> Ex11CovarianceTypes.choose(points, 1, 4, fits, SETTINGS, seed));
            }
            String actual = choice == null ? "null" : "K = " + choice.components() + ", "
                    + (choice.type() == null ? "null" : choice.type().label());
            Expect.that(truth.equals(actual), "K and type chosen for " + POINTS + " points from a " + type.label()
                    + " mixture of " + k + " components in 3 dimensions", truth, actual, "every type is tried for"
                            + " every K: " + (type == CovarianceType.SPHERICAL ? "round clusters cost one variance"
                                    + " each under spherical" : "axis-aligned clusters cost D variances each under"
                                            + " diag") + ", and BIC charges log N for every number more");
        }
    }
}
