package org.emgmm.em;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.emgmm.data.DataMatrix;
import org.emgmm.model.GaussianMixture;
import org.junit.jupiter.api.Test;

class EmLoopMessagesTest {

    private static final DataMatrix DATA = DataMatrix.ofRows(new double[][] {{0, 1}, {1, 0}, {2, 2}, {3, 1}});
    private static final GaussianMixture START = Initialisation.randomPoints(DATA, 1, 0);

    /** An implementation whose E-step cannot evaluate the densities. */
    private record Broken(String name) implements EmAlgorithm {
        @Override
        public EStep eStep(DataMatrix data, GaussianMixture model) {
            return new EStep(Responsibilities.wrap(data.rows(), 1, new double[data.rows()]),
                    Double.NEGATIVE_INFINITY);
        }

        @Override
        public GaussianMixture mStep(DataMatrix data, Responsibilities r, GaussianMixture previous, double reg) {
            return previous;
        }
    }

    @Test
    void theVectorisedImplementationIsSuggestedOnlyWhenAnotherIsInUse() {
        EmSettings settings = new EmSettings(5, 0, 0);
        String loops = assertThrows(EmException.class, () -> EmLoop.run(new Broken("loops"), DATA, START, settings))
                .getMessage();
        assertTrue(loops.contains("try the vectorised implementation"), loops);
        String vectorised = assertThrows(EmException.class,
                () -> EmLoop.run(new Broken("vectorised"), DATA, START, settings)).getMessage();
        assertFalse(vectorised.contains("try the vectorised implementation"), vectorised);
    }

    /** An implementation whose log-likelihood creeps up as 1 − 1/t, converging after about 1,000 iterations. */
    private static final class Creeping implements EmAlgorithm {
        private int calls;

        @Override
        public String name() {
            return "creeping";
        }

        @Override
        public EStep eStep(DataMatrix data, GaussianMixture model) {
            calls++;
            return new EStep(Responsibilities.wrap(data.rows(), 1, new double[data.rows()]),
                    data.rows() * (1.0 - 1.0 / calls));
        }

        @Override
        public GaussianMixture mStep(DataMatrix data, Responsibilities r, GaussianMixture previous, double reg) {
            return previous;
        }
    }

    @Test
    void theTraceGrowsAsIterationsRunUpToTheLargestMaxIter() {
        EmResult result = EmLoop.run(new Creeping(), DATA, START, new EmSettings(Integer.MAX_VALUE, 1e-6, 0));
        assertTrue(result.converged());
        assertTrue(result.iterations() > 4 * EmLoop.INITIAL_TRACE, "iterations " + result.iterations());
        double[] trace = result.trace();
        assertEquals(result.iterations() + 1, trace.length);
        for (int t = 0; t < trace.length; t++) {
            assertEquals(1.0 - 1.0 / (t + 1), trace[t], 1e-15);
        }
    }

    @Test
    void aTraceOfExactlyMaxIterPlusOneEntries() {
        EmResult result = EmLoop.run(new Creeping(), DATA, START, new EmSettings(300, 0, 0));
        assertEquals(300, result.iterations());
        assertEquals(301, result.trace().length);
    }
}
