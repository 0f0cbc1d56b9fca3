package org.emgmm.explicitpdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.MixtureSampler;
import org.emgmm.em.EmException;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.model.GaussianMixture;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.Test;

/**
 * The explicit formula's lesson: densities underflow where their logarithms do not. It must stop with
 * a message naming the point and the iteration, never return NaN, while the log-space implementations
 * fit the same data without trouble.
 */
class ExplicitPdfUnderflowTest {

    @Test
    void farOutlierStopsWithPointAndIterationNamed() {
        // Point 3 is 60 standard deviations from both components: exp(−½·60²) = exp(−1800) = 0.
        DataMatrix data = DataMatrix.ofRows(new double[][] {{0, 0}, {1, 0}, {0, 1}, {60, 60}, {5, 5}, {6, 5}});
        GaussianMixture start = GaussianMixture.of(new double[] {0.5, 0.5},
                new double[][] {{0, 0}, {5, 5}},
                new double[][][] {{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}});

        EmException error = assertThrows(EmException.class,
                () -> new ExplicitPdfEm().fit(data, start, EmSettings.defaults()));

        assertTrue(error.getMessage().contains("point 3"), error.getMessage());
        assertTrue(error.getMessage().contains("iteration 0"), error.getMessage());
        assertTrue(error.getMessage().contains("vectorised"), error.getMessage());

        EmResult logSpace = new VectorisedEm().fit(data, start, EmSettings.defaults());
        assertTrue(Double.isFinite(logSpace.meanLogLikelihood()), "the log-space fit handles the same point");
    }

    @Test
    void fiftyDimensionsUnderflowsInsteadOfReturningNaN() {
        int d = 50;
        double[] identity = new double[d * d];
        for (int a = 0; a < d; a++) {
            identity[a * d + a] = 0.01;
        }
        double[] means = new double[2 * d];
        Arrays.fill(means, d, 2 * d, 3.0);
        double[] covariances = new double[2 * d * d];
        System.arraycopy(identity, 0, covariances, 0, d * d);
        System.arraycopy(identity, 0, covariances, d * d, d * d);
        GaussianMixture truth = GaussianMixture.ofFlat(2, d, new double[] {0.5, 0.5}, means, covariances);
        DataMatrix data = MixtureSampler.sample(truth, 200, 11).data();
        // A start far too narrow: each density is about exp(−½·50·(3/0.1)²) = exp(−22,500) = 0.
        double[] narrow = covariances.clone();
        for (int index = 0; index < narrow.length; index++) {
            narrow[index] *= 1e-2;
        }
        GaussianMixture start = GaussianMixture.ofFlat(2, d, new double[] {0.5, 0.5}, new double[2 * d], narrow);

        EmException error = assertThrows(EmException.class,
                () -> new ExplicitPdfEm().fit(data, start, EmSettings.defaults()));
        assertTrue(error.getMessage().contains("underflowed") || error.getMessage().contains("det"),
                error.getMessage());

        EmResult logSpace = new VectorisedEm().fit(data, start, EmSettings.defaults().withMaxIterations(20));
        assertTrue(Double.isFinite(logSpace.meanLogLikelihood()), "the log-space fit handles the same start");
    }

    @Test
    void explicitDensityMatchesTheFormulaInOneDimension() {
        GaussianMixture model = GaussianMixture.of(new double[] {1.0}, new double[][] {{2.0}},
                new double[][][] {{{4.0}}});
        // N(3 | 2, 4) = exp(−(3−2)²/(2·4)) / √(2π·4)
        double expected = Math.exp(-1.0 / 8.0) / Math.sqrt(2 * Math.PI * 4.0);
        assertEquals(expected, ExplicitPdfEm.density(model, 0, new double[] {3.0}), 1e-15);
    }
}
