package org.emgmm.vectorised;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Responsibilities;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.bench.BenchCase;
import org.emgmm.testing.EmChecks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Leaving responsibilities below {@link Workspace#NEGLIGIBLE} · πₖ out of the moment sums does not
 * change the fit: on well-separated data, where most responsibilities are far below the cut, the
 * vectorised fit agrees with the per-point loops (which sum every term) to 1e-12 relative.
 */
class NegligibleResponsibilitiesTest {

    /** Well below the 1e-9 the implementations are held to: the cut must cost nothing visible. */
    private static final double TOLERANCE = 1e-12;

    @ParameterizedTest(name = "D={0}")
    @ValueSource(ints = {5, 12})
    void theCutChangesNothingVisible(int d) {
        BenchCase separated = new BenchCase("separated", 3000, d, 4, 5);
        DataMatrix data = separated.data();
        GaussianMixture start = separated.start(data);
        EmSettings settings = new EmSettings(30, 0.0, 1e-6);
        EmResult loops = new LoopsEm().fit(data, start, settings);
        EmResult vectorised = new VectorisedEm(2).fit(data, start, settings);

        Responsibilities r = new LoopsEm().eStep(data, loops.model()).responsibilities();
        int below = 0;
        for (int i = 0; i < data.rows(); i++) {
            for (int k = 0; k < r.components(); k++) {
                below += r.get(i, k) < Workspace.NEGLIGIBLE * loops.model().weight(k) ? 1 : 0;
            }
        }
        assertTrue(below > data.rows(), "most responsibilities are below the cut here (" + below + " of "
                + data.rows() * r.components() + "), so the test exercises it");
        EmChecks.assertVectorsClose(loops.trace(), vectorised.trace(), TOLERANCE, "trace");
        EmChecks.sameMixture(loops.model(), vectorised.model(), TOLERANCE, "vectorised against loops");
    }
}
