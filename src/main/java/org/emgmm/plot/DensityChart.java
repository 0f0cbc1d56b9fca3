package org.emgmm.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.emgmm.data.DataMatrix;
import org.emgmm.model.GaussianMixture;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * The density heat map (seed 004's image): the mixture density of the two columns,
 * <pre>
 *   p(x, y) = exp(log Σₖ πₖ N((x, y) | μₖ, Σₖ))       (the two columns' marginal when D &gt; 2)
 * </pre>
 * evaluated at the centres of a {@link #GRID_CELLS} × {@link #GRID_CELLS} grid over the data's range (plus
 * {@link #MARGIN} on each side), with the data points on top. Each cell is filled with the colour of its
 * density band: the range [0, max p] is cut into {@link #LEVELS} equal bands, band b = ⌊p / max p ·
 * LEVELS⌋, darker for higher density; the lowest band, below a tenth of the peak, stays white. A band
 * is drawn as one XChart polygon series whose cells are separate polygons (XChart starts a new polygon
 * at a NaN), so the legend has one entry per band and reads like a colour bar.
 *
 * <p>The grid does not grow with the data: its size is fixed, and only the data's range sets where it
 * lies. Of the points, at most {@link PointSample#MAX_POINTS} are drawn, a seeded sample when there are
 * more, and the legend says so.
 */
final class DensityChart {

    /**
     * Cells per side. At 120 a cell is about 5 pixels of an 800×600 picture, so the edges of the bands look
     * like curves rather than stairs (at 80 the steps show), and 14,400 density evaluations take a few
     * milliseconds.
     */
    static final int GRID_CELLS = 120;

    /** Bands of density: ten, like the shades a reader can still tell apart in one hue. */
    static final int LEVELS = 10;

    /** The grid reaches this fraction of the data's range beyond it on every side, so the tails show. */
    static final double MARGIN = 0.1;

    /** The palest and the darkest band colours (light and dark blue); bands in between are interpolated. */
    private static final Color LOW = new Color(0xDEEBF7);
    private static final Color HIGH = new Color(0x08306B);

    /** The points, in vermillion: they show on white and on the darkest blue alike. */
    private static final Color POINT_COLOUR = new Color(0xD55E00);

    /** Point diameter: smaller than in the clusters picture, so the density shows between the points. */
    static final double POINT_SIZE = 4.0;

    private DensityChart() {
    }

    /**
     * The chart.
     *
     * @param source names the data in the title
     */
    static XYChart draw(String source, DataMatrix data, GaussianMixture model, ColumnPair columns, int width,
            int height) {
        GaussianMixture plane = Marginal.of(model, columns);
        Bounds bounds = Bounds.of(data, columns).padded(MARGIN);
        double[] density = evaluate(plane, bounds);
        String what = data.columns() == 2 ? "mixture density p(x)" : "marginal mixture density";
        XYChart chart = ChartStyle.xyChart(source + ": " + what + " and the data", columns.xName(), columns.yName(),
                width, height, ChartStyle.Layout.PICTURE);
        addBands(chart, bounds, density);
        PointSample shown = PointSample.of(data, ChartStyle.Layout.PICTURE);
        double[][] points = columns.coordinates(shown.data());
        ChartStyle.addPoints(chart, shown.sampled() ? shown.note() : data.rows() + " points", points[0], points[1],
                POINT_COLOUR, POINT_SIZE);
        chart.getStyler().setPlotContentSize(1.0); // the grid fills the plot, like an image
        ChartStyle.setBounds(chart, bounds);
        return chart;
    }

    /**
     * p at the centre of every cell: cell (row, col) is [x₀ + col·w, x₀ + (col+1)·w) × [y₀ + row·h, ...),
     * stored at {@code density[row * GRID_CELLS + col]}.
     */
    static double[] evaluate(GaussianMixture plane, Bounds bounds) {
        double[] density = new double[GRID_CELLS * GRID_CELLS];
        double w = (bounds.xMax() - bounds.xMin()) / GRID_CELLS;
        double h = (bounds.yMax() - bounds.yMin()) / GRID_CELLS;
        for (int row = 0; row < GRID_CELLS; row++) {
            for (int col = 0; col < GRID_CELLS; col++) {
                double[] centre = {bounds.xMin() + (col + 0.5) * w, bounds.yMin() + (row + 0.5) * h};
                density[row * GRID_CELLS + col] = Math.exp(plane.logDensity(centre));
            }
        }
        return density;
    }

    /** Band b = ⌊p / max · LEVELS⌋, the peak itself in the top band. */
    static int band(double p, double max) {
        return Math.min(LEVELS - 1, (int) (p / max * LEVELS));
    }

    /** One polygon series per band above the lowest, palest first. */
    private static void addBands(XYChart chart, Bounds bounds, double[] density) {
        double max = 0.0;
        for (double p : density) {
            max = Math.max(max, p);
        }
        for (int b = 1; b < LEVELS; b++) {
            List<double[]> cells = cellsInBand(bounds, density, max, b);
            if (!cells.isEmpty()) {
                addBand(chart, cells, b, max);
            }
        }
    }

    /**
     * The rectangles {x0, x1, y0, y1} of band b: in each row, a run of neighbouring cells in the band is one
     * rectangle (fewer polygons, and no seams inside a run).
     */
    private static List<double[]> cellsInBand(Bounds bounds, double[] density, double max, int b) {
        double w = (bounds.xMax() - bounds.xMin()) / GRID_CELLS;
        double h = (bounds.yMax() - bounds.yMin()) / GRID_CELLS;
        List<double[]> rectangles = new ArrayList<>();
        for (int row = 0; row < GRID_CELLS; row++) {
            int col = 0;
            while (col < GRID_CELLS) {
                if (band(density[row * GRID_CELLS + col], max) != b) {
                    col++;
                    continue;
                }
                int end = col;
                while (end < GRID_CELLS && band(density[row * GRID_CELLS + end], max) == b) {
                    end++;
                }
                rectangles.add(new double[] {bounds.xMin() + col * w, bounds.xMin() + end * w,
                        bounds.yMin() + row * h, bounds.yMin() + (row + 1) * h});
                col = end;
            }
        }
        return rectangles;
    }

    /** The rectangles as polygons separated by NaN, filled and outlined in the band's colour (no seams). */
    private static void addBand(XYChart chart, List<double[]> rectangles, int b, double max) {
        double[] xs = new double[rectangles.size() * 5];
        double[] ys = new double[rectangles.size() * 5];
        int next = 0;
        for (double[] r : rectangles) {
            double[] cornerXs = {r[0], r[1], r[1], r[0], Double.NaN};
            double[] cornerYs = {r[2], r[2], r[3], r[3], Double.NaN};
            System.arraycopy(cornerXs, 0, xs, next, 5);
            System.arraycopy(cornerYs, 0, ys, next, 5);
            next += 5;
        }
        Color colour = bandColour(b);
        String name = String.format(Locale.ROOT, "p ≥ %.3g", b * max / LEVELS);
        XYSeries series = ChartStyle.addLine(chart, name, xs, ys, colour, ChartStyle.solid(1.0f));
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        series.setFillColor(colour);
    }

    /** Band b's colour: LOW for b = 1, HIGH for b = LEVELS − 1, linear in between. */
    private static Color bandColour(int b) {
        double f = (b - 1) / (double) (LEVELS - 2);
        return new Color(mix(LOW.getRed(), HIGH.getRed(), f), mix(LOW.getGreen(), HIGH.getGreen(), f),
                mix(LOW.getBlue(), HIGH.getBlue(), f));
    }

    private static int mix(int from, int to, double f) {
        return (int) Math.round(from + (to - from) * f);
    }
}
