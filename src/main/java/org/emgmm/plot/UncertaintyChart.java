package org.emgmm.plot;

import java.awt.Color;
import java.util.Locale;
import java.util.stream.IntStream;
import org.emgmm.data.DataMatrix;
import org.emgmm.model.GaussianMixture;
import org.knowm.xchart.XYChart;

/**
 * The uncertainty picture (after mclust's {@code uncertainty} plot): each point shaded and sized by how
 * unsure the fit is of its component,
 * <pre>
 *   u(i) = 1 − maxₖ r[i][k]          0 when one component explains the point entirely, at most 1 − 1/K
 * </pre>
 * ({@link Assignments}). Points fall into bands cut at {@link #BREAKS}: pale and small for the sure
 * ones, black and large for the unsure, which gather where components overlap.
 *
 * <p>mclust cuts at the 75% and 95% quantiles of u, which always paints 5% of the points black, even
 * when the fit is sure of every point. Fixed breaks keep the meaning of a shade the same from picture
 * to picture.
 *
 * <p>At most {@link PointSample#MAX_POINTS} points are drawn, a seeded sample when there are more, and the
 * legend then says how many of how many, and counts the points drawn in each band.
 */
final class UncertaintyChart {

    /**
     * Band edges: below 0.01 the fit is at least 99% sure; from 0.25 on, a point has at least a one-in-four
     * chance of belonging to another component.
     */
    static final double[] BREAKS = {0.01, 0.1, 0.25};

    /** A shade per band, pale to black. */
    private static final Color[] SHADES = {new Color(0xBDBDBD), new Color(0x8C8C8C), new Color(0x4D4D4D),
        Color.BLACK};

    /** A diameter per band (pixels at 72 dpi): the unsure points are the ones to see. */
    private static final double[] SIZES = {5.0, 7.0, 9.0, 11.0};

    private UncertaintyChart() {
    }

    /**
     * The chart, sure points first so that unsure ones are drawn on top.
     *
     * @param source names the data in the title
     */
    static XYChart draw(String source, DataMatrix data, GaussianMixture model, ColumnPair columns, int width,
            int height) {
        XYChart chart = ChartStyle.xyChart(source + ": uncertainty u = 1 − max r of each point", columns.xName(),
                columns.yName(), width, height, ChartStyle.Layout.PICTURE);
        PointSample shown = PointSample.of(data, ChartStyle.Layout.PICTURE);
        shown.addNote(chart, columns, ChartStyle.Layout.PICTURE);
        Assignments assignments = Assignments.of(shown.data(), model);
        for (int band = 0; band <= BREAKS.length; band++) {
            int inBand = band;
            int[] rows = IntStream.range(0, shown.data().rows())
                    .filter(i -> band(assignments.uncertainty(i)) == inBand).toArray();
            if (rows.length > 0) {
                double[][] points = columns.coordinates(shown.data(), rows);
                ChartStyle.addPoints(chart, label(band, rows.length, shown.sampled()), points[0], points[1],
                        SHADES[band], SIZES[band]);
            }
        }
        return chart;
    }

    /** The band of uncertainty u: the number of breaks at or below it. */
    static int band(double u) {
        int band = 0;
        while (band < BREAKS.length && u >= BREAKS[band]) {
            band++;
        }
        return band;
    }

    /**
     * "u &lt; 0.01: 250 points", "0.01 ≤ u &lt; 0.1: 12 points", ..., "u ≥ 0.25: 3 points"; of a sample,
     * "u &lt; 0.01: 18,250 shown".
     */
    private static String label(int band, int count, boolean sampled) {
        String range;
        if (band == 0) {
            range = String.format(Locale.ROOT, "u < %s", BREAKS[0]);
        } else if (band == BREAKS.length) {
            range = String.format(Locale.ROOT, "u ≥ %s", BREAKS[band - 1]);
        } else {
            range = String.format(Locale.ROOT, "%s ≤ u < %s", BREAKS[band - 1], BREAKS[band]);
        }
        return range + ": " + PointSample.count(count, sampled);
    }
}
