package org.emgmm.contract;

import org.emgmm.em.EmAlgorithm;
import org.emgmm.loops.LoopsEm;

/** The covariance-type properties for the per-point loops. */
class LoopsCovarianceTypeContractTest extends CovarianceTypeContract {

    @Override
    protected EmAlgorithm algorithm() {
        return new LoopsEm();
    }
}
