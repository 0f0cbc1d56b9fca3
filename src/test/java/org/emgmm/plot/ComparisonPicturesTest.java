package org.emgmm.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.emgmm.compare.Comparison;
import org.junit.jupiter.api.Test;
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
        assertEquals(List.of("vectorised = loops = explicit-pdf: traces within 1e-9",
                "as-written (the notebook's own)"), names);
    }

    @Test
    void bitForBitEqualTracesAreCalledIdentical() {
        List<ComparisonPictures.Run> runs = List.of(new ComparisonPictures.Run("vectorised", TRACE, "reference"),
                new ComparisonPictures.Run("loops", TRACE.clone(), "identical to vectorised"));
        XYChart chart = (XYChart) ((ChartPicture) ComparisonPictures.traces("t", runs, 800, 600)).chart();
        assertEquals(List.of("vectorised = loops: identical traces"),
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
}
