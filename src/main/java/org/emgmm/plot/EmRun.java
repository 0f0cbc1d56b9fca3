package org.emgmm.plot;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.model.GaussianMixture;

/**
 * A run of EM, with what is needed to retrace it: the evolution pictures recompute its parameters
 * iteration by iteration ({@link Snapshots}), the trace picture draws its log-likelihoods.
 *
 * @param algorithm the implementation that ran
 * @param start     θ₀
 * @param settings  the settings it ran with
 * @param result    what it returned; {@code result.iterations()} is T
 */
public record EmRun(EmAlgorithm algorithm, GaussianMixture start, EmSettings settings, EmResult result) {

    /**
     * Runs EM and keeps what is needed to retrace it.
     *
     * @param algorithm the implementation to run
     * @param data      N×D. Not modified.
     * @param start     θ₀
     * @param settings  iteration limit, tolerance, reg-covar
     * @return the run, with its result
     */
    public static EmRun of(EmAlgorithm algorithm, DataMatrix data, GaussianMixture start,
            EmSettings settings) {
        return new EmRun(algorithm, start, settings, algorithm.fit(data, start, settings));
    }
}
