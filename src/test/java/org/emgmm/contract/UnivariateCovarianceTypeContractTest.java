package org.emgmm.contract;

import org.emgmm.em.EmAlgorithm;
import org.emgmm.univariate.UnivariateEm;

/**
 * The covariance-type properties for the scalar implementation, on one-dimensional cases, where full,
 * diag and spherical coincide and tied shares one variance among the components.
 */
class UnivariateCovarianceTypeContractTest extends CovarianceTypeContract {

    @Override
    protected EmAlgorithm algorithm() {
        return new UnivariateEm();
    }

    @Override
    protected boolean univariate() {
        return true;
    }
}
