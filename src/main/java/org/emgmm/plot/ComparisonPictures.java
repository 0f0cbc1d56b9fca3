package org.emgmm.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.emgmm.compare.Timings;
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
 *   <li>{@link #traces}: the log-likelihood traces overlaid. Traces that agree ({@link #groups}: within
 *       {@value #AGREEMENT_TOLERANCE} relative at every iteration) would lie exactly on top of each other,
 *       so they are drawn once, as one line whose legend entry names them all and says "identical" or
 *       "within 1e-9"; a trace that departs gets a line of its own. Each line has its own marker shape
 *       and size and its own dash pattern.</li>
 *   <li>{@link #timings}: a bar of milliseconds per iteration for each implementation that ran, one panel
 *       per timing group: the data compared, and the race case when one ran.</li>
 *   <li>{@link #clusters}: one clusters panel (points, means, 1σ and 2σ ellipses) per implementation,
 *       on shared axes, in one grid with no empty cell where one can be avoided ({@link #gridColumns}),
 *       under one legend ({@link LegendedGrid}); each panel's title gives its weights.</li>
 * </ul>
 */
public final class ComparisonPictures {

    /** The trace picture's file name. */
    public static final String TRACES = "traces";

    /** The timing picture's file name. */
    public static final String TIMINGS = "timings";

    /** The clusters grid's file name. */
    public static final String CLUSTERS = "clusters";

    /**
     * Traces that agree this closely, relative to max(1, |value|) at every iteration, are drawn as one line:
     * the same tolerance as {@code Comparison.AGREEMENT_TOLERANCE}, by which {@code compare} calls two
     * implementations in agreement (a test checks that the two stay equal).
     */
    static final double AGREEMENT_TOLERANCE = 1e-9;

    /** {@link #AGREEMENT_TOLERANCE} as the legend prints it. */
    private static final String TOLERANCE_TEXT = "1e-9";

    /** Panels per row of the clusters grid, at most: three panels of half a picture's width fit a screen. */
    static final int GRID_COLUMNS = 3;

    /** Up to this many components the panel titles list every weight; beyond, the line would not fit. */
    static final int MAX_WEIGHTS_IN_TITLE = 4;

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
     * The traces, one line per group of traces that agree ({@link #groups}), each line with its own marker,
     * dash and width (see the class comment).
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
        List<List<Run>> groups = groups(runs);
        for (int g = 0; g < groups.size(); g++) {
            List<Run> group = groups.get(g);
            double[] trace = group.get(0).trace();
            double[] iterations = new double[trace.length];
            for (int t = 0; t < iterations.length; t++) {
                iterations[t] = t;
            }
            int style = g % SHAPES.length;
            XYSeries series = ChartStyle.addLine(chart, legendEntry(group), iterations, trace, ChartStyle.component(g),
                    stroke(style));
            series.setMarker(SizedMarker.outline(SHAPES[style], SIZES[style]));
            series.setMarkerColor(ChartStyle.component(g));
        }
        return new ChartPicture(TRACES, chart);
    }

    /**
     * The runs in groups of agreeing traces, in order: each run joins the first group whose first run's trace
     * has its length and lies within {@value #AGREEMENT_TOLERANCE} of it at every iteration, relative to
     * max(1, |value|), or starts a group of its own.
     *
     * @param runs the implementations' runs, in legend order
     * @return the groups, each in legend order, together holding every run once
     */
    static List<List<Run>> groups(List<Run> runs) {
        List<List<Run>> groups = new ArrayList<>();
        for (Run run : runs) {
            List<Run> joined = groups.stream().filter(group -> agree(group.get(0).trace(), run.trace()))
                    .findFirst().orElse(null);
            if (joined == null) {
                groups.add(new ArrayList<>(List.of(run)));
            } else {
                joined.add(run);
            }
        }
        return groups;
    }

    private static boolean agree(double[] expected, double[] actual) {
        if (expected.length != actual.length) {
            return false;
        }
        for (int t = 0; t < expected.length; t++) {
            if (!(Math.abs(actual[t] - expected[t]) <= AGREEMENT_TOLERANCE * Math.max(1.0, Math.abs(expected[t])))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A run alone: "loops (differs from vectorised)". A group, on two lines so that the legend keeps it
     * whole: "vectorised = loops = explicit-pdf" then "identical traces", or "traces within 1e-9" when they
     * are not equal bit for bit; the notes, which say the same, are left out.
     */
    private static String legendEntry(List<Run> group) {
        if (group.size() == 1) {
            Run run = group.get(0);
            return run.note().isEmpty() ? run.name() : run.name() + " (" + run.note() + ")";
        }
        double[] first = group.get(0).trace();
        boolean identical = group.stream().allMatch(run -> Arrays.equals(first, run.trace()));
        return group.stream().map(Run::name).collect(Collectors.joining(" = "))
                + (identical ? "\nidentical traces" : "\ntraces within " + TOLERANCE_TEXT);
    }

    private static BasicStroke stroke(int style) {
        float[] dash = DASHES[style];
        return dash == null ? ChartStyle.solid(WIDTHS[style])
                : new BasicStroke(WIDTHS[style], BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /**
     * Milliseconds per iteration, one panel per timing group (the data compared, then any race case), side
     * by side, each with its own scale and one labelled bar per implementation. A group with too few points
     * ({@link Timings#tooFewPoints}) says on its x axis that its timings mean nothing.
     *
     * @param groups the timing groups, at least one
     * @param width  the whole picture's, in user-space units (pixels at 72 dpi)
     * @param height in user-space units
     * @return the picture {@value #TIMINGS}: one chart, or a row of them
     */
    public static Picture timings(List<Timings> groups, int width, int height) {
        List<Picture> panels = new ArrayList<>();
        for (Timings group : groups) {
            panels.add(timingsPanel(group, width / groups.size(), height));
        }
        return panels.size() == 1 ? panels.get(0) : new GridPicture(TIMINGS, panels, panels.size());
    }

    /** One group's bars, titled with what was timed, its size below them (panels are half a picture wide). */
    private static Picture timingsPanel(Timings group, int width, int height) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height)
                .title(group.label()).xAxisTitle(timingsAxisTitle(group))
                .yAxisTitle("ms per iteration").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBorderColor(Color.GRAY);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartTitleBoxVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        chart.addSeries("ms per iteration", group.implementations(), group.millisPerIteration())
                .setFillColor(ChartStyle.component(0));
        return new ChartPicture(TIMINGS, chart);
    }

    /** "20,000×10, K = 2", or for too few points "272×2, K = 2: too few points to mean anything". */
    static String timingsAxisTitle(Timings group) {
        return group.size() + (group.tooFewPoints() ? ": too few points to mean anything" : "");
    }

    /**
     * One clusters panel per fitted model, on shared axes, over the data's first two columns (data with one
     * column has no clusters picture: callers leave it out). The panels draw no legend: one strip above
     * them names the components' colours, and each title gives that model's weights.
     *
     * @param data   the N×D points, D ≥ 2
     * @param names  the implementations, one per panel
     * @param models their fitted mixtures, in the same order
     * @param width  twice each panel's width, in user-space units
     * @param height twice each panel's height, in user-space units
     * @return the picture {@value #CLUSTERS}: {@link #gridColumns} panels per row, under the legend
     */
    public static Picture clusters(DataMatrix data, List<String> names, List<GaussianMixture> models, int width,
            int height) {
        ColumnPair columns = ColumnPair.choose(data.columnNames(), null, null);
        Bounds bounds = ClustersChart.boundsOf(data, columns, models);
        List<Picture> panels = new ArrayList<>();
        int components = 0;
        for (int i = 0; i < models.size(); i++) {
            GaussianMixture model = models.get(i);
            components = Math.max(components, model.components());
            XYChart chart = ClustersChart.draw(new ClustersChart.View(panelTitle(names.get(i), model), data, model,
                    columns, width / 2, height / 2, ChartStyle.Layout.PANEL, bounds));
            chart.getStyler().setLegendVisible(false);
            panels.add(new ChartPicture(CLUSTERS, chart));
        }
        List<String> entries = new ArrayList<>();
        for (int k = 0; k < components; k++) {
            entries.add("component " + k);
        }
        String note = "× mean, thick 1σ and thin 2σ ellipses (" + models.get(0).covarianceType().label()
                + " covariances)";
        return new LegendedGrid(new GridPicture(CLUSTERS, panels, gridColumns(panels.size())), entries, note);
    }

    /**
     * Panels per row for {@code panels} panels: one panel alone, else of 2 .. {@value #GRID_COLUMNS} the one
     * that leaves the fewest empty cells in the last row, the widest of those. Four panels make a 2×2 grid,
     * not a row of three and a row of one beside two empty cells.
     */
    static int gridColumns(int panels) {
        int best = Math.min(2, panels);
        for (int columns = best; columns <= Math.min(GRID_COLUMNS, panels); columns++) {
            int empty = (columns - panels % columns) % columns;
            int bestEmpty = (best - panels % best) % best;
            if (empty <= bestEmpty) {
                best = columns;
            }
        }
        return best;
    }

    /** "vectorised: π = 0.64, 0.36", or past {@value #MAX_WEIGHTS_IN_TITLE} components "vectorised: K = 6". */
    private static String panelTitle(String name, GaussianMixture model) {
        if (model.components() > MAX_WEIGHTS_IN_TITLE) {
            return String.format(Locale.ROOT, "%s: K = %d", name, model.components());
        }
        List<String> weights = new ArrayList<>();
        for (int k = 0; k < model.components(); k++) {
            weights.add(String.format(Locale.ROOT, "%.2f", model.weight(k)));
        }
        return name + ": π = " + String.join(", ", weights);
    }
}
