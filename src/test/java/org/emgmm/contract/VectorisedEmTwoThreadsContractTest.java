package org.emgmm.contract;

import org.emgmm.em.EmAlgorithm;
import org.emgmm.vectorised.VectorisedEm;

/**
 * The EM contract for the vectorised kernels on two threads, with small blocks so that the suite's data
 * sets (at most a few hundred points) are cut into many slices and both threads get work.
 */
class VectorisedEmTwoThreadsContractTest extends EmContract {

    /** Points per block: a data set of 100 points becomes 7 slices. */
    static final int SMALL_BLOCK = 16;

    @Override
    protected EmAlgorithm algorithm() {
        return VectorisedEm.withBlockSize(2, SMALL_BLOCK);
    }
}
