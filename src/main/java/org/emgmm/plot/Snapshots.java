package org.emgmm.plot;

import java.util.ArrayList;
import java.util.List;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmSettings;
import org.emgmm.model.GaussianMixture;

/**
 * The parameters θ₀, θ₁, ..., θ_T that a run of EM passes through, for the evolution pictures. EM keeps
 * only its latest parameters, so they are recomputed from the same start one iteration at a time:
 * <pre>
 *   θ₀ = start
 *   θₜ = fit(data, θₜ₋₁, maxIterations = 1).model()        t = 1 .. T
 * </pre>
 * An iteration (one E-step, one M-step) is a deterministic function of the data and θₜ₋₁, so θₜ is bit
 * for bit the θₜ of the original run, whose last parameters are θ_T; a test checks it. The cost is
 * about T extra iterations (each one-iteration run also evaluates its result), not the T²/2 of
 * rerunning {@code maxIterations = t} for every t.
 */
final class Snapshots {

    private Snapshots() {
    }

    /**
     * θ₀ .. θ_last.
     *
     * @param settings the run's settings; only reg-covar matters for a single iteration
     * @return last + 1 mixtures, entry t after t iterations
     */
    static List<GaussianMixture> upTo(EmAlgorithm algorithm, DataMatrix data, GaussianMixture start,
            EmSettings settings, int last) {
        EmSettings oneIteration = settings.withMaxIterations(1);
        List<GaussianMixture> path = new ArrayList<>(List.of(start));
        for (int t = 1; t <= last; t++) {
            path.add(algorithm.fit(data, path.get(t - 1), oneIteration).model());
        }
        return path;
    }
}
