package org.emgmm.contract;

import org.emgmm.em.EmAlgorithm;
import org.emgmm.loops.LoopsEm;

/** The EM contract for the per-point loops (also the contract's reference). */
class LoopsEmContractTest extends EmContract {

    @Override
    protected EmAlgorithm algorithm() {
        return new LoopsEm();
    }
}
