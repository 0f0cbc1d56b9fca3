package org.emgmm.contract;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmException;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Responsibilities;
import org.emgmm.model.GaussianMixture;
import org.emgmm.univariate.UnivariateEm;
import org.junit.jupiter.api.Test;

/** The EM contract for the scalar implementation, on one-dimensional cases only. */
class UnivariateEmContractTest extends EmContract {

    @Override
    protected EmAlgorithm algorithm() {
        return new UnivariateEm();
    }

    @Override
    protected boolean univariate() {
        return true;
    }

    /** Two-dimensional data is refused with an EmException that says what to do, in either step. */
    @Test
    void refusesMoreThanOneDimension() {
        DataMatrix data = DataMatrix.ofRows(new double[][] {{0, 0}, {1, 0}, {0, 1}, {1, 2}});
        GaussianMixture model = GaussianMixture.of(new double[] {1.0}, new double[][] {{0.5, 0.5}},
                new double[][][] {{{1, 0}, {0, 1}}});
        EmException fit = assertThrows(EmException.class,
                () -> algorithm().fit(data, model, EmSettings.defaults()));
        assertTrue(fit.getMessage().contains("2 columns"), fit.getMessage());
        Responsibilities r = Responsibilities.wrap(4, 1, new double[] {1, 1, 1, 1});
        assertThrows(EmException.class, () -> algorithm().mStep(data, r, model, 0.0));
    }
}
