package org.emgmm.plot;

import java.awt.Color;
import java.util.Locale;
import java.util.stream.IntStream;
import org.emgmm.data.DataMatrix;
import org.emgmm.model.GaussianMixture;
import org.knowm.xchart.XYChart;

/**
 * The uncertainty picture (after mclust's {@code uncertainty} plot): each point in the colour of its most
 * likely component, shaded and sized by how unsure the fit is of that component,
 * <pre>
 *   u(i) = 1 − maxₖ r[i][k]          0 when one component explains the point entirely, at most 1 − 1/K
 * </pre>
 * ({@link Assignments}). Points fall into bands cut at {@link #BREAKS}: a pale tint of the component's
 * colour and small for the sure ones, the full colour darkened and large for the unsure, which gather
 * where components overlap. Colouring by component keeps the clusters visible when nearly every point
 * is sure (on Old Faithful 270 of 272 points are in the first band: grey shades alone drew one grey
 * cloud).
 *
 * <p>mclust cuts at the 75% and 95% quantiles of u, which always paints 5% of the points black, even
 * when the fit is sure of every point. Fixed breaks keep the meaning of a shade the same from picture
 * to picture.
 *
 * <p>At most {@link PointSample#MAX_POINTS} points are drawn, a seeded sample when there are more, and the
 * legend then says how many of how many, and counts the points drawn in each band of each component.
 */
final class UncertaintyChart {

    /**
     * Band edges: below 0.01 the fit is at least 99% sure; from 0.25 on, a point has at least a one-in-four
     * chance of belonging to another component.
     */
    static final double[] BREAKS = {0.01, 0.1, 0.25};

    /**
     * A shade per band, from a tint to a shade of the component's colour: a positive value mixes in that
     * fraction of white, a negative one that fraction of black. The palest tint keeps enough colour for
     * the component to be told at a glance; the darkest shade still shows the component's hue.
     */
    static final double[] SHADES = {0.55, 0.25, 0.0, -0.4};

    /** A diameter per band (pixels at 72 dpi): the unsure points are the ones to see. */
    private static final double[] SIZES = {5.0, 7.0, 9.0, 11.0};

    private UncertaintyChart() {
    }

    /**
     * The chart, sure points first so that unsure ones are drawn on top; within a band, one series per
     * component that has points there.
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
            for (int k = 0; k < model.components(); k++) {
                int inBand = band;
                int component = k;
                int[] rows = IntStream.range(0, shown.data().rows())
                        .filter(i -> assignments.component(i) == component
                                && band(assignments.uncertainty(i)) == inBand)
                        .toArray();
                if (rows.length > 0) {
                    double[][] points = columns.coordinates(shown.data(), rows);
                    ChartStyle.addPoints(chart, label(band, k, rows.length, shown.sampled()), points[0], points[1],
                            shade(k, band), SIZES[band]);
                }
            }
        }
        return chart;
    }

    /** Component k's colour, tinted or shaded for the band ({@link #SHADES}). */
    static Color shade(int k, int band) {
        Color colour = ChartStyle.component(k);
        double amount = SHADES[band];
        int target = amount >= 0 ? 255 : 0;
        double fraction = Math.abs(amount);
        return new Color(mix(colour.getRed(), target, fraction), mix(colour.getGreen(), target, fraction),
                mix(colour.getBlue(), target, fraction));
    }

    private static int mix(int channel, int target, double fraction) {
        return (int) Math.round(channel + (target - channel) * fraction);
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
     * "u &lt; 0.01, component 0: 250 points", "0.01 ≤ u &lt; 0.1, component 1: 12 points", ...,
     * "u ≥ 0.25, component 0: 3 points"; of a sample, "u &lt; 0.01, component 0: 18,250 shown".
     */
    private static String label(int band, int k, int count, boolean sampled) {
        String range;
        if (band == 0) {
            range = String.format(Locale.ROOT, "u < %s", BREAKS[0]);
        } else if (band == BREAKS.length) {
            range = String.format(Locale.ROOT, "u ≥ %s", BREAKS[band - 1]);
        } else {
            range = String.format(Locale.ROOT, "%s ≤ u < %s", BREAKS[band - 1], BREAKS[band]);
        }
        return range + ", component " + k + ": " + PointSample.count(count, sampled);
    }
}
