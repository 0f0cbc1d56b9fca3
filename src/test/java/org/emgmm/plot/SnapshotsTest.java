package org.emgmm.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Datasets;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Initialisation;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotsTest {

    private static final DataMatrix OLD_FAITHFUL = Datasets.load("old-faithful", List.of(), null).data();

    private static EmAlgorithm algorithm(String name) {
        return name.equals(LoopsEm.NAME) ? new LoopsEm() : new VectorisedEm();
    }

    /**
     * One iteration at a time gives bit for bit the parameters of the full run, and of a run stopped after t
     * iterations (the straightforward way to get θₜ).
     */
    @ParameterizedTest
    @ValueSource(strings = {"vectorised", "loops"})
    void oneIterationAtATimeRetracesTheRunExactly(String name) {
        EmAlgorithm algorithm = algorithm(name);
        GaussianMixture start = Initialisation.randomPoints(OLD_FAITHFUL, 3, 4);
        EmSettings settings = EmSettings.defaults();
        EmResult run = algorithm.fit(OLD_FAITHFUL, start, settings);
        List<GaussianMixture> path = Snapshots.upTo(algorithm, OLD_FAITHFUL, start, settings, run.iterations());
        assertEquals(run.iterations() + 1, path.size());
        assertEquals(start, path.get(0));
        assertEquals(run.model(), path.get(run.iterations()), "θ_T is the run's result");
        for (int t : new int[] {1, 2, run.iterations() / 2}) {
            assertEquals(algorithm.fit(OLD_FAITHFUL, start, settings.withMaxIterations(t)).model(), path.get(t),
                    "θ_" + t);
        }
    }
}
