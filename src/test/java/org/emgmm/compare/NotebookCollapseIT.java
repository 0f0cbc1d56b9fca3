package org.emgmm.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmException;
import org.emgmm.em.EmResult;
import org.emgmm.em.Responsibilities;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code seed-004-collapse}: the first part of seed 004's notebook, where a weight ended at 5.8e-20. What
 * the example shows, checked: the notebook's EM collapses a weight from the example's start; the collapse
 * is EM's own doing, not the linear-space densities' (the same EM in log space collapses the same way);
 * ours collapses too, lists the component as empty and fits the whole data with the other one; and from
 * another start the linear-space densities do fail, where ours goes on. (An integration test: it runs the
 * example's 100 iterations on 100,000 points three times over, seconds in all.)
 */
class NotebookCollapseIT {

    private static final NotebookExamples EXAMPLE = NotebookExamples.byName("seed-004-collapse");

    private static DataMatrix data;
    private static GaussianMixture start;
    private static EmResult notebook;
    private static EmResult ours;
    private static int collapsed;

    @BeforeAll
    static void runBoth() {
        data = EXAMPLE.setup().draw(EXAMPLE.seed()).data();
        start = EXAMPLE.start().apply(data, EXAMPLE.seed());
        notebook = EXAMPLE.asWritten().fit(data, start, EXAMPLE.settings());
        ours = new VectorisedEm().fit(data, start, EXAMPLE.settings());
        double[] weights = notebook.model().weights();
        collapsed = weights[0] < weights[1] ? 0 : 1;
    }

    @Test
    void theExampleIsTheNotebooksFirstPart() {
        assertEquals(100_000, data.rows());
        assertEquals(1, data.columns());
        assertEquals(2, EXAMPLE.k());
        assertEquals(100, EXAMPLE.settings().maxIterations());
        assertEquals(0.0, EXAMPLE.settings().tolerance(), 0.0, "a fixed count of 100, as the notebook ran");
        for (int k = 0; k < 2; k++) {
            double mean = start.mean(k, 0);
            assertTrue(mean >= -10 && mean < 10, "start mean uniform in [-10, 10), got " + mean);
            assertTrue(start.covariance(k, 0, 0) > 0);
        }
    }

    @Test
    void theNotebooksEmCollapsesAWeight() {
        assertEquals(100, notebook.iterations(), "the notebook's EM ran all 100 iterations without a 0/0");
        double weight = notebook.model().weight(collapsed);
        assertTrue(weight > 0.0 && weight < 1e-15, "collapsed weight " + weight);
        assertEquals(1.0, notebook.model().weight(1 - collapsed), 1e-15);
    }

    /**
     * The same M-step (no guard, no reg-covar) after our log-sum-exp E-step: if the collapse came from the
     * linear-space densities, this would not collapse. Where no density underflows, exp(log p) / Σ exp(log p)
     * and exp(log p − log Σ exp(log p)) differ by rounding only, so both runs end at the same weights.
     */
    @Test
    void theCollapseIsNotCausedByTheLinearSpaceDensities() {
        EmAlgorithm notebookMStep = EXAMPLE.asWritten();
        LoopsEm logSpace = new LoopsEm();
        EmAlgorithm logSpaceNotebook = new EmAlgorithm() {
            @Override
            public String name() {
                return "the notebook's M-step after a log-space E-step";
            }

            @Override
            public EStep eStep(DataMatrix points, GaussianMixture model) {
                return logSpace.eStep(points, model);
            }

            @Override
            public GaussianMixture mStep(DataMatrix points, Responsibilities r, GaussianMixture previous,
                    double regCovar) {
                return notebookMStep.mStep(points, r, previous, regCovar);
            }
        };
        EmResult inLogSpace = logSpaceNotebook.fit(data, start, EXAMPLE.settings());
        for (int k = 0; k < 2; k++) {
            double expected = notebook.model().weight(k);
            assertEquals(expected, inLogSpace.model().weight(k), 1e-6 * expected, "weight " + k);
        }
    }

    @Test
    void oursCollapsesTheSameComponentListsItAsEmptyAndFitsTheDataWithTheOther() {
        double weight = ours.model().weight(collapsed);
        assertTrue(weight < 1e-15, "from this start EM itself empties the component; ours has " + weight);
        assertArrayEquals(new int[] {collapsed}, ours.emptyComponents());
        // With all responsibility on one component, the M-step gives the data's mean and its variance
        // (divided by N) plus reg-covar.
        double mean = 0.0;
        for (int i = 0; i < data.rows(); i++) {
            mean += data.get(i, 0);
        }
        mean /= data.rows();
        double variance = 0.0;
        for (int i = 0; i < data.rows(); i++) {
            variance += (data.get(i, 0) - mean) * (data.get(i, 0) - mean);
        }
        variance /= data.rows();
        int other = 1 - collapsed;
        assertEquals(mean, ours.model().mean(other, 0), 1e-9 * Math.abs(mean));
        assertEquals(variance + EXAMPLE.settings().regCovar(), ours.model().covariance(other, 0, 0), 1e-9 * variance);
        assertEquals(mean, notebook.model().mean(other, 0), 1e-9 * Math.abs(mean));
        assertEquals(variance, notebook.model().covariance(other, 0, 0), 1e-9 * variance, "no reg-covar");
    }

    /**
     * Ours keeps an empty component's mean and variance; the notebook's M-step divides by whatever Nₖ is
     * left and keeps moving it, so the two collapsed components end in different places.
     */
    @Test
    void oursStopsMovingTheEmptyComponentWhereTheNotebookKeepsDividingByNothing() {
        assertTrue(Math.abs(ours.model().mean(collapsed, 0) - notebook.model().mean(collapsed, 0)) > 1e-6,
                "ours " + ours.model().mean(collapsed, 0) + ", the notebook's " + notebook.model().mean(collapsed, 0));
    }

    /**
     * From another start (the command line's default seed) some point lies so far from both narrow
     * components that both its densities underflow to 0 in linear space, and the notebook's E-step divides
     * 0 by 0 at once. Log space does not underflow there, and ours fits.
     */
    @Test
    void fromAnotherStartTheLinearSpaceDensitiesDivideZeroByZero() {
        long seed = NotebookExamples.DEFAULT_SEED;
        DataMatrix points = EXAMPLE.setup().draw(seed).data();
        GaussianMixture other = EXAMPLE.start().apply(points, seed);
        boolean underflows = false;
        for (int i = 0; i < points.rows() && !underflows; i++) {
            double[] x = points.row(i);
            underflows = Math.exp(other.logComponentDensity(0, x)) == 0.0
                    && Math.exp(other.logComponentDensity(1, x)) == 0.0;
        }
        assertTrue(underflows, "seed " + seed + " has a point where every linear-space density is 0");
        EmException failure = assertThrows(EmException.class,
                () -> EXAMPLE.asWritten().fit(points, other, EXAMPLE.settings()));
        assertTrue(failure.getMessage().contains("at iteration 0"), failure.getMessage());
        EmResult fitted = new VectorisedEm().fit(points, other, EXAMPLE.settings());
        assertEquals(100, fitted.iterations());
        assertTrue(Double.isFinite(fitted.meanLogLikelihood()));
    }
}
