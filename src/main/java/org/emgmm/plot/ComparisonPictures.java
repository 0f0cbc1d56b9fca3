package org.emgmm.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.emgmm.data.DataMatrix;
import org.emgmm.model.GaussianMixture;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The pictures of {@code em-gmm compare}: several implementations' runs from the same start.
 * <ul>
 *   <li>{@link #traces}: the log-likelihood traces overlaid. Identical traces lie on top of each other,
 *       so each implementation gets its own marker shape and size (large outlines under smaller ones) and
 *       its own dash pattern, and its legend entry says when it is identical to the reference: a missing
 *       line and an identical one can be told apart.</li>
 *   <li>{@link #timings}: a bar of milliseconds per iteration for each implementation that ran.</li>
 *   <li>{@link #clusters}: one clusters panel (points, means, 1σ and 2σ ellipses) per implementation,
 *       on shared axes, in one grid.</li>
 * </ul>
 */
public final class ComparisonPictures {

    /** The trace picture's file name. */
    public static final String TRACES = "traces";

    /** The timing picture's file name. */
    public static final String TIMINGS = "timings";

    /** The clusters grid's file name. */
    public static final String CLUSTERS = "clusters";

    /** Panels per row of the clusters grid. */
    static final int GRID_COLUMNS = 3;

    /**
     * Marker shapes and sizes, in drawing order: each next one smaller, so all stay visible when every
     * trace passes through the same points.
     */
    private static final SizedMarker.Shape[] SHAPES = {SizedMarker.Shape.RING, SizedMarker.Shape.SQUARE,
        SizedMarker.Shape.DIAMOND, SizedMarker.Shape.TRIANGLE, SizedMarker.Shape.DOT, SizedMarker.Shape.CROSS};
    private static final double[] SIZES = {15, 11, 9, 7, 4, 6};

    /** Dash patterns, in drawing order (null: solid), so overlapping lines show through each other. */
    private static final float[][] DASHES = {null, {10f, 6f}, {3f, 4f}, {12f, 4f, 3f, 4f}, {2f, 2f}, {6f, 6f}};

    /** Line widths, in drawing order: the first, widest line stays visible around the later ones. */
    private static final float[] WIDTHS = {4.0f, 2.5f, 2.0f, 1.6f, 1.2f, 1.2f};

    private ComparisonPictures() {
    }

    /**
     * One implementation's run, as the pictures need it.
     *
     * @param name  the implementation
     * @param trace L(θₜ)/N for t = 0..T. Not modified.
     * @param note  added to its legend entry, e.g. "identical to vectorised"; may be empty
     */
    public record Run(String name, double[] trace, String note) {
    }

    /**
     * The traces overlaid, each with its own marker, dash and width (see the class comment).
     *
     * @param title  the chart's title
     * @param runs   the implementations' runs, in legend order
     * @param width  in user-space units (pixels at 72 dpi)
     * @param height in user-space units
     * @return the picture {@value #TRACES}
     */
    public static Picture traces(String title, List<Run> runs, int width, int height) {
        XYChart chart = ChartStyle.xyChart(title, "iteration t", "log-likelihood per point, L(θ)/N", width, height,
                ChartStyle.Layout.PICTURE);
        chart.getStyler().setXAxisDecimalPattern("#0");
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            double[] iterations = new double[run.trace().length];
            for (int t = 0; t < iterations.length; t++) {
                iterations[t] = t;
            }
            String name = run.note().isEmpty() ? run.name() : run.name() + " (" + run.note() + ")";
            int style = r % SHAPES.length;
            XYSeries series = ChartStyle.addLine(chart, name, iterations, run.trace(), ChartStyle.component(r),
                    stroke(style));
            series.setMarker(SizedMarker.outline(SHAPES[style], SIZES[style]));
            series.setMarkerColor(ChartStyle.component(r));
        }
        return new ChartPicture(TRACES, chart);
    }

    private static BasicStroke stroke(int style) {
        float[] dash = DASHES[style];
        return dash == null ? ChartStyle.solid(WIDTHS[style])
                : new BasicStroke(WIDTHS[style], BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /**
     * Milliseconds per iteration, one labelled bar per implementation.
     *
     * @param title  the chart's title
     * @param names  the implementations that ran, one per bar
     * @param millis their milliseconds per iteration, in the same order
     * @param width  in user-space units (pixels at 72 dpi)
     * @param height in user-space units
     * @return the picture {@value #TIMINGS}
     */
    public static Picture timings(String title, List<String> names, List<Double> millis, int width, int height) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("implementation").yAxisTitle("ms per iteration").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBorderColor(Color.GRAY);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartTitleBoxVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        chart.addSeries("ms per iteration", names, millis).setFillColor(ChartStyle.component(0));
        return new ChartPicture(TIMINGS, chart);
    }

    /**
     * One clusters panel per fitted model, on shared axes, over the data's first two columns (data with one
     * column has no clusters picture: callers leave it out).
     *
     * @param data   the N×D points, D ≥ 2
     * @param names  the implementations, one per panel
     * @param models their fitted mixtures, in the same order
     * @param width  twice each panel's width, in user-space units
     * @param height twice each panel's height, in user-space units
     * @return the picture {@value #CLUSTERS}: up to {@value #GRID_COLUMNS} panels per row
     */
    public static Picture clusters(DataMatrix data, List<String> names, List<GaussianMixture> models, int width,
            int height) {
        ColumnPair columns = ColumnPair.choose(data.columnNames(), null, null);
        Bounds bounds = ClustersChart.boundsOf(data, columns, models);
        List<Picture> panels = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            String title = ClustersChart.titleWithType(String.format(Locale.ROOT, "%s: K = %d", names.get(i),
                    models.get(i).components()), models.get(i));
            panels.add(new ChartPicture(CLUSTERS, ClustersChart.draw(new ClustersChart.View(title, data,
                    models.get(i), columns, width / 2, height / 2, ChartStyle.Layout.PANEL, bounds))));
        }
        return new GridPicture(CLUSTERS, panels, Math.min(GRID_COLUMNS, panels.size()));
    }
}
