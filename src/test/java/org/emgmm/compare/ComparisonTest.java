package org.emgmm.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.emgmm.Implementations;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Datasets;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmException;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Initialisation;
import org.emgmm.em.Responsibilities;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparisonTest {

    private static DataMatrix bundled(String name) {
        return Datasets.load(name, List.of(), null).data();
    }

    @ParameterizedTest(name = "{0}, K={1}")
    @CsvSource({"old-faithful, 2", "iris, 3"})
    void everyImplementationAgreesOnTheBundledData(String name, int k) {
        DataMatrix data = bundled(name);
        GaussianMixture start = Initialisation.randomPoints(data, k, 3);
        Comparison.Outcome outcome = Comparison.run(data, start, EmSettings.defaults(), Implementations.all());
        assertEquals("vectorised", outcome.reference());
        assertTrue(outcome.allAgree(), outcome.agreementLine());
        assertTrue(outcome.agreementLine().startsWith("agreement: all "), outcome.agreementLine());
        for (Comparison.Row row : outcome.rows()) {
            if (row.implementation().equals("univariate")) {
                assertTrue(row.skipped().contains("one column"), row.skipped());
                continue;
            }
            assertTrue(row.ran(), row.implementation() + ": " + row.reason());
            assertTrue(row.maxParameterDifference() <= Comparison.AGREEMENT_TOLERANCE,
                    row.implementation() + " differs by " + row.maxParameterDifference());
        }
    }

    @Test
    void aStudentEStepWithoutTheWeightsIsNamedWithWhereItLeft() {
        DataMatrix data = bundled("old-faithful");
        GaussianMixture start = Initialisation.randomPoints(data, 2, 1);
        Comparison.Outcome outcome = Comparison.run(data, start, EmSettings.defaults(),
                List.of(new VectorisedEm(), new LoopsEm(), AsTheNotebookWroteIt.eStepWithoutWeights("student")));
        assertEquals(1, outcome.departures().size(), outcome.agreementLine());
        Comparison.Departure departure = outcome.departures().get(0);
        assertEquals("student", departure.implementation());
        // At the start the weights are 1/2 each: leaving them out adds log 2 to every point's log-likelihood.
        assertEquals(0, departure.iteration());
        assertEquals(Math.log(2.0), departure.gap(), 1e-12);
        assertTrue(outcome.agreementLine().contains("student left vectorised's trace at iteration 0"),
                outcome.agreementLine());
        assertTrue(outcome.agreementLine().startsWith("agreement: NO"), outcome.agreementLine());
    }

    /** An implementation whose E-step always fails. */
    private static final class Broken implements EmAlgorithm {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public EStep eStep(DataMatrix data, GaussianMixture model) {
            throw new EmException("the densities underflowed at point 7");
        }

        @Override
        public GaussianMixture mStep(DataMatrix data, Responsibilities r, GaussianMixture previous, double regCovar) {
            throw new AssertionError("never reached");
        }
    }

    @Test
    void aFailingImplementationKeepsItsRowAndTheOthersGoOn() {
        DataMatrix data = bundled("old-faithful");
        GaussianMixture start = Initialisation.randomPoints(data, 2, 1);
        Comparison.Outcome outcome = Comparison.run(data, start, EmSettings.defaults(),
                List.of(new Broken(), new VectorisedEm(), new LoopsEm()));
        Comparison.Row broken = outcome.rows().get(0);
        assertNull(broken.result());
        assertTrue(broken.error().contains("underflowed at point 7"), broken.error());
        assertTrue(broken.reason().startsWith("failed: "), broken.reason());
        assertNotNull(outcome.rows().get(1).result());
        assertNotNull(outcome.rows().get(2).result());
        assertTrue(outcome.allAgree(), outcome.agreementLine());
        assertEquals(2, outcome.ran().size());
    }

    @Test
    void unavailableEntriesAreSkippedWithTheirReason() {
        DataMatrix data = bundled("old-faithful");
        GaussianMixture start = Initialisation.randomPoints(data, 2, 1);
        Comparison.Outcome outcome = Comparison.runEntries(data, start, EmSettings.defaults(), List.of(
                Comparison.Entry.of(new LoopsEm()), new Comparison.Entry("student", null, "not built")));
        assertEquals("skipped: not built", outcome.rows().get(1).reason());
        assertEquals("loops", outcome.reference(), "without vectorised, the first that ran is the reference");
        assertTrue(outcome.agreementLine().contains("only loops ran"), outcome.agreementLine());
    }

    @Test
    void parameterDifferenceIsRelativeToEachVectorsScale() {
        GaussianMixture a = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0, 100}, {1, 1}},
                new double[][][] {{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}});
        GaussianMixture b = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0, 100.001}, {1, 1}},
                new double[][][] {{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}});
        assertEquals(0.0, Comparison.parameterDifference(a, a), 0.0);
        assertEquals(0.001 / 100, Comparison.parameterDifference(a, b), 1e-12);
    }

    @Test
    void aFailureInStudentCodeNamesTheFileAndLine() {
        UnsupportedOperationException unfinished = new UnsupportedOperationException("TODO: Exercise 4, the E-step");
        unfinished.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.emgmm.exercises.Ex4EStep", "eStep", "Ex4EStep.java", 57),
            new StackTraceElement("org.emgmm.em.EmLoop", "run", "EmLoop.java", 40)});
        assertEquals("exercise not finished (Ex4EStep.java line 57): TODO: Exercise 4, the E-step",
                Failures.describe(unfinished));
    }
}
