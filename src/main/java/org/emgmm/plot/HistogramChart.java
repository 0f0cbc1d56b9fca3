package org.emgmm.plot;

import java.awt.Color;
import java.util.Arrays;
import java.util.Locale;
import org.emgmm.data.DataMatrix;
import org.emgmm.model.GaussianMixture;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The univariate picture (seed 004): a density-normalised histogram of the one column
 * ({@link Histogram}), and over it each weighted component density and the mixture density,
 * <pre>
 *   πₖ N(x | μₖ, σₖ²)   for each k,        p(x) = Σₖ πₖ N(x | μₖ, σₖ²),
 * </pre>
 * evaluated at {@link #CURVE_POINTS} points with the mixture's log-densities and exponentiated. Because
 * the histogram integrates to 1, like p, a good fit lies on the bars; the component curves add up to
 * the mixture curve.
 */
final class HistogramChart {

    /** Points per curve: two per pixel of an 800-pixel picture, so the curves look smooth. */
    static final int CURVE_POINTS = 400;

    /** The curves run this fraction of the data's range past each end, so the tails show. */
    static final double CURVE_MARGIN = 0.05;

    /** Bars: light grey, with a darker outline, so the coloured curves stand out over them. */
    private static final Color BAR_FILL = new Color(0xD9D9D9);
    private static final Color BAR_OUTLINE = new Color(0x969696);

    /** Component curves: thinner than the mixture's, which is the one to read. */
    static final float COMPONENT_WIDTH = 2.0f;
    static final float MIXTURE_WIDTH = 3.0f;

    private HistogramChart() {
    }

    /**
     * The chart of a one-column data set and a one-dimensional mixture.
     *
     * @param source names the data in the title
     */
    static XYChart draw(String source, DataMatrix data, GaussianMixture model, int width, int height) {
        double[] values = column(data);
        Histogram histogram = Histogram.of(values);
        XYChart chart = ChartStyle.xyChart(source + ": histogram and fitted densities", data.columnNames().get(0),
                "density", width, height, ChartStyle.Layout.PICTURE);
        addBars(chart, histogram, values.length);
        double[] xs = curveGrid(histogram);
        for (int k = 0; k < model.components(); k++) {
            addComponent(chart, model, k, xs);
        }
        addMixture(chart, model, xs);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern(densityPattern(histogram));
        chart.getStyler().setLegendPosition(LegendPosition.OutsideS); // below: the plot keeps the full width
        return chart;
    }

    /**
     * Tick labels for densities: a leading zero and enough decimals for the highest bar, e.g. 0.014 for a
     * peak of 0.0143 (XChart's default would print .014).
     */
    static String densityPattern(Histogram histogram) {
        double peak = Arrays.stream(histogram.heights()).max().orElse(1.0);
        int decimals = Math.max(1, Math.min(12, 2 - (int) Math.floor(Math.log10(peak))));
        return "0." + "#".repeat(decimals);
    }

    private static double[] column(DataMatrix data) {
        double[] values = new double[data.rows()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.get(i, 0);
        }
        return values;
    }

    /**
     * The bars as one filled step line: the point (edges[b], height[b]) for each bin and (edges[m],
     * height[m − 1]) to close the last; XChart's step style runs flat to the next edge, then up or down.
     */
    private static void addBars(XYChart chart, Histogram histogram, int n) {
        int m = histogram.bins();
        double[] xs = histogram.edges().clone();
        double[] ys = new double[m + 1];
        System.arraycopy(histogram.heights(), 0, ys, 0, m);
        ys[m] = histogram.heights()[m - 1];
        String name = String.format(Locale.ROOT, "%d points, %d bins of width %.3g (%s)", n, m, histogram.width(),
                histogram.rule());
        XYSeries bars = ChartStyle.addLine(chart, name, xs, ys, BAR_OUTLINE, ChartStyle.solid(1.0f));
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        bars.setFillColor(BAR_FILL);
    }

    /** {@link #CURVE_POINTS} evenly spaced x, from {@link #CURVE_MARGIN} of the range below min to as far above max. */
    private static double[] curveGrid(Histogram histogram) {
        double min = histogram.edges()[0];
        double max = histogram.edges()[histogram.bins()];
        double margin = CURVE_MARGIN * (max - min);
        double[] xs = new double[CURVE_POINTS];
        for (int p = 0; p < CURVE_POINTS; p++) {
            xs[p] = min - margin + (max - min + 2 * margin) * p / (CURVE_POINTS - 1);
        }
        return xs;
    }

    /** πₖ N(x | μₖ, σₖ²) = exp(log πₖ + log N(x | μₖ, σₖ²)). */
    private static void addComponent(XYChart chart, GaussianMixture model, int k, double[] xs) {
        double[] ys = new double[xs.length];
        for (int p = 0; p < xs.length; p++) {
            ys[p] = Math.exp(Math.log(model.weight(k)) + model.logComponentDensity(k, new double[] {xs[p]}));
        }
        String name = String.format(Locale.ROOT, "component %d: %.2f · N(%.4g, %.4g²)", k, model.weight(k),
                model.mean(k, 0), Math.sqrt(model.covariance(k, 0, 0)));
        ChartStyle.addLine(chart, name, xs, ys, ChartStyle.component(k), ChartStyle.solid(COMPONENT_WIDTH));
    }

    /** p(x) = exp(log p(x)), the log by log-sum-exp over the components. */
    private static void addMixture(XYChart chart, GaussianMixture model, double[] xs) {
        double[] ys = new double[xs.length];
        for (int p = 0; p < xs.length; p++) {
            ys[p] = Math.exp(model.logDensity(new double[] {xs[p]}));
        }
        ChartStyle.addLine(chart, "mixture p(x)", xs, ys, Color.BLACK, ChartStyle.solid(MIXTURE_WIDTH));
    }
}
