package org.emgmm.plot;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.emgmm.data.DataMatrix;
import org.emgmm.model.GaussianMixture;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * The clusters picture: a scatter plot of two columns, each point in the colour of its most likely
 * component under θ ({@link Assignments}), and for each component its mean (×) and its covariance
 * ellipses at Mahalanobis distance 1 (thick) and 2 (thin, lighter), from the Cholesky factor of the 2×2
 * covariance ({@link Ellipses}). With more than two columns the colours still come from the full
 * D-dimensional responsibilities; the means and ellipses are those of the two columns' marginal
 * ({@link Marginal}).
 *
 * <p>At most {@link PointSample#MAX_POINTS} points are drawn ({@link PointSample#MAX_PANEL_POINTS} in a
 * panel), a seeded sample when there are more, and the legend then says how many of how many; the axes
 * still hold every point.
 *
 * <p>The clusters picture of {@code fit --plots} and {@code plot} names the covariance type in its title,
 * and so do the panels of {@code compare}'s clusters grid ({@link #titleWithType}; the evolution's
 * panels, whose titles are long already, leave it to the summary that goes with them): a diag fit's
 * ellipses are
 * axis-aligned, a spherical fit's are circles and a tied fit's all have one shape. The axes keep the
 * data's units, each scaled to its own range, so a circle drawn where x and y have different scales
 * looks like an axis-aligned ellipse: it is still a circle in data units.
 *
 * <p>Drawn in this order, so that the ellipses and means stay visible over the points: the points of
 * every component, then each component's 2σ ellipse, 1σ ellipse and mean.
 */
final class ClustersChart {

    /** Point diameter in a picture of its own, pixels at 72 dpi: 272 points stay apart, 10,000 still show. */
    static final double POINT_SIZE = 6.0;

    /** Point diameter in a grid panel, which is half the size. */
    static final double PANEL_POINT_SIZE = 4.0;

    /** Size of the × marking a mean: larger than a point, so it is found at a glance. */
    static final double MEAN_SIZE = 14.0;

    /** 1σ ellipse line width: thicker than the grid lines, thinner than a point. */
    static final float ELLIPSE_WIDTH = 2.0f;

    /**
     * 2σ ellipse line width and opacity (of 255): thinner and lighter, so the two nested curves are told
     * apart. (XChart draws a line as separate segments, each starting its dash pattern afresh, so a dashed
     * ellipse of short segments would come out solid.)
     */
    static final float OUTER_ELLIPSE_WIDTH = 1.2f;
    static final int OUTER_ELLIPSE_ALPHA = 170;

    /**
     * What to draw.
     *
     * @param title   the chart's title
     * @param data    the N×D points
     * @param model   θ, of dimension D
     * @param columns the two columns shown
     * @param width   in pixels at 72 dpi
     * @param height  in pixels at 72 dpi
     * @param layout  a picture of its own or a grid panel
     * @param bounds  the axes' ranges, or null to fit the points and ellipses of this picture alone
     */
    record View(String title, DataMatrix data, GaussianMixture model, ColumnPair columns, int width,
            int height, ChartStyle.Layout layout, Bounds bounds) {
    }

    private ClustersChart() {
    }

    /** The chart. */
    static XYChart draw(View view) {
        XYChart chart = ChartStyle.xyChart(view.title(), view.columns().xName(), view.columns().yName(),
                view.width(), view.height(), view.layout());
        GaussianMixture plane = Marginal.of(view.model(), view.columns());
        PointSample shown = PointSample.of(view.data(), view.layout());
        shown.addNote(chart, view.columns(), view.layout());
        addPoints(chart, view, shown, Assignments.of(shown.data(), view.model()));
        for (int k = 0; k < plane.components(); k++) {
            addEllipses(chart, plane, k, view.layout());
            addMean(chart, plane, k, view.layout());
        }
        Bounds bounds = view.bounds() != null ? view.bounds()
                : boundsOf(view.data(), view.columns(), List.of(view.model()));
        ChartStyle.setBounds(chart, bounds);
        return chart;
    }

    /** "title (diag covariances)": which covariance type the ellipses have. */
    static String titleWithType(String title, GaussianMixture model) {
        return title + " (" + model.covarianceType().label() + " covariances)";
    }

    /**
     * The rectangle that holds every point and every ellipse of every one of {@code models}: the shared
     * axes of pictures that are compared.
     */
    static Bounds boundsOf(DataMatrix data, ColumnPair columns, List<GaussianMixture> models) {
        Bounds bounds = Bounds.of(data, columns);
        for (GaussianMixture model : models) {
            GaussianMixture plane = Marginal.of(model, columns);
            for (int k = 0; k < plane.components(); k++) {
                for (double r : Ellipses.RADII) {
                    bounds = bounds.including(Ellipses.of(plane, k, r));
                }
            }
        }
        return bounds;
    }

    /**
     * One scatter series per component that owns points drawn; a component without any has none. The
     * legend counts the points drawn.
     */
    private static void addPoints(XYChart chart, View view, PointSample shown, Assignments assignments) {
        double size = view.layout() == ChartStyle.Layout.PANEL ? PANEL_POINT_SIZE : POINT_SIZE;
        for (int k = 0; k < view.model().components(); k++) {
            double[][] owned = pointsOf(shown.data(), view.columns(), assignments, k);
            if (owned[0].length == 0) {
                continue;
            }
            XYSeries series = ChartStyle.addPoints(chart, "component " + k + ": "
                    + PointSample.count(owned[0].length, shown.sampled()),
                    owned[0], owned[1], ChartStyle.withAlpha(ChartStyle.component(k), ChartStyle.POINT_ALPHA), size);
            series.setShowInLegend(view.layout().fullLegend);
        }
    }

    /** {xs, ys} of the points whose most likely component is k. */
    private static double[][] pointsOf(DataMatrix data, ColumnPair columns, Assignments assignments, int k) {
        int[] rows = IntStream.range(0, data.rows()).filter(i -> assignments.component(i) == k).toArray();
        return columns.coordinates(data, rows);
    }

    /** The 2σ ellipse thin and light, then the 1σ one; the legend names both under the 1σ one. */
    private static void addEllipses(XYChart chart, GaussianMixture plane, int k, ChartStyle.Layout layout) {
        double[][] outer = Ellipses.of(plane, k, Ellipses.RADII[1]);
        Color light = ChartStyle.withAlpha(ChartStyle.component(k), OUTER_ELLIPSE_ALPHA);
        XYSeries twoSigma = ChartStyle.addLine(chart, "component " + k + ": 2σ ellipse", outer[0], outer[1], light,
                ChartStyle.solid(OUTER_ELLIPSE_WIDTH));
        twoSigma.setShowInLegend(false);
        double[][] inner = Ellipses.of(plane, k, Ellipses.RADII[0]);
        XYSeries oneSigma = ChartStyle.addLine(chart, "component " + k + ": 1σ and 2σ ellipses", inner[0], inner[1],
                ChartStyle.component(k), ChartStyle.solid(ELLIPSE_WIDTH));
        oneSigma.setShowInLegend(layout.fullLegend);
    }

    /** μₖ as a ×, named with the weight πₖ. */
    private static void addMean(XYChart chart, GaussianMixture plane, int k, ChartStyle.Layout layout) {
        String name = String.format(Locale.ROOT, layout.fullLegend ? "component %d: mean, weight %.2f"
                : "%d: π = %.2f", k, plane.weight(k));
        XYSeries mean = chart.addSeries(name, new double[] {plane.mean(k, 0)}, new double[] {plane.mean(k, 1)});
        mean.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        mean.setMarker(SizedMarker.cross(MEAN_SIZE));
        mean.setMarkerColor(ChartStyle.component(k));
    }
}
