package org.emgmm.contract;

import org.emgmm.em.EmAlgorithm;
import org.emgmm.vectorised.VectorisedEm;

/** The EM contract for the flat-array kernels. */
class VectorisedEmContractTest extends EmContract {

    @Override
    protected EmAlgorithm algorithm() {
        return new VectorisedEm();
    }
}
