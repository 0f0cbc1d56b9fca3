package org.emgmm.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.emgmm.Implementations;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Datasets;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmException;
import org.emgmm.em.EmResult;
import org.emgmm.em.InitMethod;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Initialisation;
import org.emgmm.em.Responsibilities;
import org.emgmm.em.Restarts;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.CovarianceType;
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

    /** LoopsEm's steps behind an implementation that keeps only full covariances, as a student's EM may. */
    private static final class FullOnly implements EmAlgorithm {
        private final LoopsEm steps = new LoopsEm();

        @Override
        public String name() {
            return "full-only";
        }

        @Override
        public EStep eStep(DataMatrix data, GaussianMixture model) {
            return steps.eStep(data, model);
        }

        @Override
        public GaussianMixture mStep(DataMatrix data, Responsibilities r, GaussianMixture previous, double regCovar) {
            return steps.mStep(data, r, previous, regCovar);
        }
    }

    /**
     * For every covariance type, from one start of that type: every implementation that supports the type
     * runs, keeps the type and agrees with the others; one that does not is listed as not applicable with
     * its reason, and does not stop the others.
     */
    @ParameterizedTest(name = "{0}, K={1}, {2}")
    @CsvSource({"old-faithful, 2, full", "old-faithful, 2, diag", "old-faithful, 2, spherical", "old-faithful, 2, tied",
        "iris, 3, full", "iris, 3, diag", "iris, 3, spherical", "iris, 3, tied"})
    void everyImplementationThatSupportsTheTypeAgreesAndTheOthersAreNotApplicable(String name, int k,
            String label) {
        CovarianceType type = CovarianceType.byLabel(label);
        DataMatrix data = bundled(name);
        GaussianMixture start = Initialisation.randomPoints(data, k, 3).constrainedTo(type);
        List<EmAlgorithm> algorithms = new ArrayList<>(Implementations.all());
        algorithms.add(new FullOnly());
        Comparison.Outcome outcome = Comparison.run(data, start, EmSettings.defaults(), algorithms);
        assertEquals(type, outcome.covarianceType());
        assertTrue(outcome.allAgree(), outcome.agreementLine());
        int ran = 0;
        for (int i = 0; i < algorithms.size(); i++) {
            EmAlgorithm algorithm = algorithms.get(i);
            Comparison.Row row = outcome.rows().get(i);
            if (algorithm.name().equals("univariate")) {
                continue;                                                   // skipped: the data has D > 1
            }
            if (!algorithm.supports(type)) {
                assertNull(row.result(), algorithm.name());
                assertEquals("not applicable: its M-step does not keep " + label + " covariances (it fits full only)",
                        row.reason());
                continue;
            }
            assertTrue(row.ran(), algorithm.name() + ": " + row.reason());
            assertEquals(type, row.result().model().covarianceType(), algorithm.name() + " kept the type");
            ran++;
        }
        assertTrue(ran >= 3, "vectorised, loops and explicit-pdf support every type: " + ran + " ran");
        assertEquals(type != CovarianceType.FULL, outcome.rows().get(algorithms.size() - 1).notApplicable() != null);
    }

    /** The settings of the restart tests: few enough iterations to be quick, enough to tell the starts apart. */
    private static final EmSettings RESTART_SETTINGS = new EmSettings(60, 1e-6, EmSettings.DEFAULT_REG_COVAR);

    /**
     * With R starts, each implementation's row is the best of its R runs done separately from the same
     * starts (its whole result, and which run it was), and more starts are never worse: the first R
     * seeds of R' &gt; R runs are the R seeds ({@link Restarts#seeds}), so the best of R' is taken over a
     * superset.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"full", "diag", "spherical", "tied"})
    void eachRowIsTheBestOfItsRunsAndMoreStartsAreNeverWorse(String label) {
        CovarianceType type = CovarianceType.byLabel(label);
        DataMatrix data = bundled("iris");
        long base = 11L;
        List<EmAlgorithm> algorithms = List.of(new VectorisedEm(1), new LoopsEm());
        Comparison.Outcome one = Comparison.runEntries(data, starts(data, type, base, 1), RESTART_SETTINGS,
                algorithms.stream().map(Comparison.Entry::of).toList());
        List<Restarts.Start> fourStarts = starts(data, type, base, 4);
        Comparison.Outcome four = Comparison.runEntries(data, fourStarts, RESTART_SETTINGS,
                algorithms.stream().map(Comparison.Entry::of).toList());
        assertEquals(4, four.runs());
        assertTrue(four.allAgree(), four.agreementLine());
        for (int i = 0; i < algorithms.size(); i++) {
            EmAlgorithm algorithm = algorithms.get(i);
            Comparison.Row row = four.rows().get(i);
            int winner = 0;
            EmResult[] separately = new EmResult[fourStarts.size()];
            for (int r = 0; r < fourStarts.size(); r++) {
                separately[r] = algorithm.fit(data, fourStarts.get(r).mixture(), RESTART_SETTINGS);
                if (separately[r].logLikelihood() > separately[winner].logLikelihood()) {
                    winner = r;
                }
            }
            assertEquals(winner, row.bestRun(), algorithm.name() + ": the run kept");
            assertEquals(separately[winner], row.result(), algorithm.name() + ": the whole result is the best run's");
            assertTrue(row.result().logLikelihood() >= one.rows().get(i).result().logLikelihood(),
                    algorithm.name() + ": 4 starts gave " + row.result().logLikelihood() + ", 1 start "
                            + one.rows().get(i).result().logLikelihood());
        }
    }

    /** R k-means++ starts of the type, drawn as compare draws them: seeds from {@link Restarts#seeds}. */
    private static List<Restarts.Start> starts(DataMatrix data, CovarianceType type, long base, int runs) {
        return Restarts.starts(seed -> InitMethod.K_MEANS_PLUS_PLUS.start(data, 3, seed, EmSettings.DEFAULT_REG_COVAR)
                .constrainedTo(type), base, runs);
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
