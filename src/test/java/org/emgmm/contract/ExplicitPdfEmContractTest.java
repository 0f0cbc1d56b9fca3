package org.emgmm.contract;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmException;
import org.emgmm.explicitpdf.ExplicitPdfEm;
import org.emgmm.model.GaussianMixture;
import org.junit.jupiter.api.Test;

/** The EM contract for the textbook density with an explicit determinant and inverse. */
class ExplicitPdfEmContractTest extends EmContract {

    @Override
    protected EmAlgorithm algorithm() {
        return new ExplicitPdfEm();
    }

    /**
     * A point 100 standard deviations from every component underflows every density: the E-step stops
     * with an EmException naming the point instead of returning NaN responsibilities.
     */
    @Test
    void refusesAPointWhoseDensitiesAllUnderflow() {
        DataMatrix data = DataMatrix.ofRows(new double[][] {{0.0}, {1.0}, {100.0}});
        GaussianMixture model = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0.0}, {1.0}},
                new double[][][] {{{1.0}}, {{1.0}}});
        EmException e = assertThrows(EmException.class, () -> algorithm().eStep(data, model));
        assertTrue(e.getMessage().contains("point 2"), e.getMessage());
    }
}
