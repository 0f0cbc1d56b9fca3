package org.emgmm.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.emgmm.compare.Comparison;
import org.emgmm.compare.Timings;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Datasets;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Initialisation;
import org.emgmm.model.GaussianMixture;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Traces that agree are drawn once, named together; a trace that departs keeps a line of its own. */
class ComparisonPicturesTest {

    private static final double[] TRACE = {-5.0, -4.5, -4.2, -4.1};

    @Test
    void identicalTracesMakeOneSeriesNamingThemAll() {
        double[] close = {-5.0, -4.5 + 1e-12, -4.2, -4.1};
        double[] departing = {-5.0, -4.7, -4.4, -4.3};
        List<ComparisonPictures.Run> runs = List.of(new ComparisonPictures.Run("vectorised", TRACE, "reference"),
                new ComparisonPictures.Run("loops", TRACE.clone(), "identical to vectorised"),
                new ComparisonPictures.Run("explicit-pdf", close, "within 1e-9 of vectorised"),
                new ComparisonPictures.Run("as-written", departing, "the notebook's own"));
        XYChart chart = (XYChart) ((ChartPicture) ComparisonPictures.traces("t", runs, 800, 600)).chart();
        List<String> names = chart.getSeriesCollection().stream().map(XYSeries::getName).toList();
        assertEquals(List.of("vectorised = loops = explicit-pdf\ntraces within 1e-9",
                "as-written (the notebook's own)"), names);
    }

    @Test
    void bitForBitEqualTracesAreCalledIdentical() {
        List<ComparisonPictures.Run> runs = List.of(new ComparisonPictures.Run("vectorised", TRACE, "reference"),
                new ComparisonPictures.Run("loops", TRACE.clone(), "identical to vectorised"));
        XYChart chart = (XYChart) ((ChartPicture) ComparisonPictures.traces("t", runs, 800, 600)).chart();
        assertEquals(List.of("vectorised = loops\nidentical traces"),
                chart.getSeriesCollection().stream().map(XYSeries::getName).toList());
    }

    @Test
    void tracesOfDifferentLengthsAreNeverGrouped() {
        List<ComparisonPictures.Run> runs = List.of(new ComparisonPictures.Run("a", TRACE, ""),
                new ComparisonPictures.Run("b", new double[] {-5.0, -4.5, -4.2}, ""));
        assertEquals(2, ComparisonPictures.groups(runs).size());
    }

    @Test
    void theToleranceIsCompareOwn() {
        assertEquals(Comparison.AGREEMENT_TOLERANCE, ComparisonPictures.AGREEMENT_TOLERANCE);
    }

    @Test
    void fourPanelsMakeATwoByTwoGridAndThreeOrSixFillTheirRows() {
        assertEquals(1, ComparisonPictures.gridColumns(1));
        assertEquals(2, ComparisonPictures.gridColumns(2));
        assertEquals(3, ComparisonPictures.gridColumns(3));
        assertEquals(2, ComparisonPictures.gridColumns(4));
        assertEquals(3, ComparisonPictures.gridColumns(6));
    }

    /** Four fits: a 2×2 grid of panels without legends, under one legend naming the components. */
    @Test
    void theClustersGridHasOneLegendAndNoEmptyCell() {
        DataMatrix data = Datasets.load("old-faithful", List.of(), null).data();
        GaussianMixture start = Initialisation.randomPoints(data, 2, 1);
        GaussianMixture fitted = new VectorisedEm().fit(data, start, EmSettings.defaults()).model();
        Picture picture = ComparisonPictures.clusters(data, List.of("a", "b", "c", "d"),
                List.of(fitted, fitted, fitted, fitted), 800, 600);
        LegendedGrid legended = (LegendedGrid) picture;
        GridPicture grid = legended.grid();
        assertEquals(2, grid.columns());
        assertEquals(4, grid.rows() * grid.columns());
        assertEquals(800, picture.width());
        assertEquals(List.of("component 0", "component 1"), legended.entries());
        for (Picture panel : grid.panels()) {
            XYChart chart = (XYChart) ((ChartPicture) panel).chart();
            assertFalse(chart.getStyler().isLegendVisible(), chart.getTitle());
        }
        assertEquals(String.format(java.util.Locale.ROOT, "a: π = %.2f, %.2f", fitted.weight(0), fitted.weight(1)),
                ((ChartPicture) grid.panels().get(0)).chart().getTitle());
    }

    @Test
    void fewPointsAreSaidToMakeTimingsMeaningless() {
        Timings few = new Timings("data", 272, 2, 2, List.of("a", "b"), List.of(0.18, 0.33));
        CategoryChart chart = (CategoryChart) ((ChartPicture) ComparisonPictures.timings(List.of(few), 800, 300))
                .chart();
        assertEquals("272×2, K = 2: too few points to mean anything", chart.getXAxisTitle());
        assertEquals("10,000×2, K = 2", ComparisonPictures.timingsAxisTitle(new Timings("data", Timings.FEW_POINTS, 2,
                2, List.of("a"), List.of(1.0))));
    }

    @Test
    void aRaceGroupGetsAPanelOfItsOwnBesideTheData() {
        Timings few = new Timings("data", 272, 2, 2, List.of("a", "b"), List.of(0.18, 0.33));
        Timings race = new Timings("race", 20_000, 10, 2, List.of("a", "b"), List.of(4.0, 9.0));
        GridPicture grid = (GridPicture) ComparisonPictures.timings(List.of(few, race), 800, 300);
        assertEquals(2, grid.columns());
        assertEquals(800, grid.width());
        CategoryChart first = (CategoryChart) ((ChartPicture) grid.panels().get(0)).chart();
        CategoryChart second = (CategoryChart) ((ChartPicture) grid.panels().get(1)).chart();
        assertEquals("data", first.getTitle());
        assertTrue(first.getXAxisTitle().contains("too few"), first.getXAxisTitle());
        assertEquals("race", second.getTitle());
        assertEquals("20,000×10, K = 2", second.getXAxisTitle());
    }
}
