package org.emgmm.plot;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The log-likelihood trace: L(θₜ)/N, the mean log-likelihood per point, against the iteration t, one
 * line per run (runs from other starts, or other implementations from the same start, overlaid). EM
 * never lowers it, so the line only rises, quickly at first and then flattening as EM converges; a dip
 * would be a bug. Entry 0 is the start, entry t the parameters after t iterations (see
 * {@link org.emgmm.em.EmResult#trace}).
 */
final class TraceChart {

    /**
     * One line of the chart.
     *
     * @param name   its legend entry, e.g. the implementation and how the run ended
     * @param values L(θₜ)/N for t = 0 .. T. Not modified.
     */
    record Trace(String name, double[] values) {
    }

    /** Diameter of the dot at each iteration: each iteration shows, and the line still reads. */
    static final double DOT_SIZE = 5.0;

    /** Line width: as strong as the 1σ ellipses of the clusters picture. */
    static final float LINE_WIDTH = 2.0f;

    /** Tick labels on the iteration axis: whole numbers. */
    private static final String ITERATION_PATTERN = "#0";

    private TraceChart() {
    }

    /** The chart of one or more traces; trace r is drawn in component colour r. */
    static XYChart draw(String title, List<Trace> traces, int width, int height) {
        XYChart chart = ChartStyle.xyChart(title, "iteration t", "log-likelihood per point, L(θ)/N", width, height,
                ChartStyle.Layout.PICTURE);
        chart.getStyler().setXAxisDecimalPattern(ITERATION_PATTERN);
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE); // the lines rise to the right: this corner is free
        for (int r = 0; r < traces.size(); r++) {
            addTrace(chart, traces.get(r), r);
        }
        return chart;
    }

    private static void addTrace(XYChart chart, Trace trace, int r) {
        double[] iterations = new double[trace.values().length];
        for (int t = 0; t < iterations.length; t++) {
            iterations[t] = t;
        }
        XYSeries series = ChartStyle.addLine(chart, trace.name(), iterations, trace.values(), ChartStyle.component(r),
                ChartStyle.solid(LINE_WIDTH));
        series.setMarker(SizedMarker.dot(DOT_SIZE));
        series.setMarkerColor(ChartStyle.component(r));
    }
}
