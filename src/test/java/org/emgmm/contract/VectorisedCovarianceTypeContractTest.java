package org.emgmm.contract;

import org.emgmm.em.EmAlgorithm;
import org.emgmm.vectorised.VectorisedEm;

/**
 * The covariance-type properties for the vectorised kernels, on two threads with small blocks, so that
 * the scatter matrices the types are built from are summed over many slices.
 */
class VectorisedCovarianceTypeContractTest extends CovarianceTypeContract {

    @Override
    protected EmAlgorithm algorithm() {
        return VectorisedEm.withBlockSize(2, VectorisedEmTwoThreadsContractTest.SMALL_BLOCK);
    }
}
