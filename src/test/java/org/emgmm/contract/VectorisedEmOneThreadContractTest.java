package org.emgmm.contract;

import org.emgmm.em.EmAlgorithm;
import org.emgmm.vectorised.VectorisedEm;

/**
 * The EM contract for the vectorised kernels on one thread, with blocks of
 * {@value VectorisedEmTwoThreadsContractTest#SMALL_BLOCK} points so that even the suite's small data sets
 * are cut into many blocks and slices.
 */
class VectorisedEmOneThreadContractTest extends EmContract {

    @Override
    protected EmAlgorithm algorithm() {
        return VectorisedEm.withBlockSize(1, VectorisedEmTwoThreadsContractTest.SMALL_BLOCK);
    }
}
