package org.emgmm.plot;

import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.emgmm.data.DataMatrix;
import org.knowm.xchart.XYChart;

/**
 * The points a scatter picture draws: all of them up to a cap, and above it a seeded random sample of
 * exactly the cap, so that the pictures of a million points take seconds and a few megabytes rather than
 * minutes and gigabytes. A dot drawn over thousands of others adds nothing a reader can see, but each
 * still costs a shape in the SVG and the time to paint it. The sample is drawn by selection sampling
 * (Knuth's Algorithm S): row i, of the N − i rows not yet looked at, is taken with probability
 * (rows still wanted) / (N − i), which takes exactly the cap, each set of rows equally likely, in
 * ascending order, in one pass. The seed is fixed, so the same data gives the same picture, and every
 * panel and frame of the evolution shows the same points.
 *
 * <p>Only what is drawn is sampled: the axes, the density grid and the fitted model come from every point.
 *
 * @param data  the points drawn
 * @param total how many points there are, drawn or not
 */
record PointSample(DataMatrix data, int total) {

    /**
     * At most this many points in a picture of its own: at the default 800×600, 20,000 dots of 6 pixels
     * already cover the plot several times over where the data are dense, so more change nothing a reader
     * sees; and an SVG of 20,000 dots stays within a few megabytes.
     */
    static final int MAX_POINTS = 20_000;

    /**
     * At most this many points in a panel of the evolution grid or a frame of its animation. A panel has a
     * quarter of a picture's area and smaller dots, so 2,500 still show the shape of the data; and the
     * default grid of six panels then draws fewer points than one picture (15,000), so its SVG stays as
     * small (at most twice that with {@value PlotSettings#MAX_PANELS} panels).
     */
    static final int MAX_PANEL_POINTS = MAX_POINTS / 8;

    /** The sample's seed: any fixed number would do; fixed so that the same data give the same pictures. */
    static final long SEED = 20_240_611L;

    /** At most {@code cap} of the points of {@code data}, sampled with {@link #SEED} if there are more. */
    static PointSample of(DataMatrix data, int cap) {
        if (data.rows() <= cap) {
            return new PointSample(data, data.rows());
        }
        return new PointSample(data.withRows(rows(data.rows(), cap, SEED)), data.rows());
    }

    /** At most the cap for a chart of this layout: {@link #MAX_POINTS} or {@link #MAX_PANEL_POINTS}. */
    static PointSample of(DataMatrix data, ChartStyle.Layout layout) {
        return of(data, layout == ChartStyle.Layout.PANEL ? MAX_PANEL_POINTS : MAX_POINTS);
    }

    /**
     * The rows drawn of {@code n}: all of them, 0 .. n − 1, when n ≤ cap; otherwise exactly {@code cap}
     * distinct rows, ascending, chosen at random by selection sampling from {@code seed}.
     *
     * @param n   the number of points, at least 0
     * @param cap at least 1
     */
    static int[] rows(int n, int cap, long seed) {
        if (n < 0 || cap < 1) {
            throw new IllegalArgumentException("need n >= 0 and cap >= 1, got n = " + n + ", cap = " + cap);
        }
        if (n <= cap) {
            return IntStream.range(0, n).toArray();
        }
        Random random = new Random(seed); // java.util.Random: its sequence is fixed by its specification
        int[] rows = new int[cap];
        int taken = 0;
        for (int i = 0; i < n && taken < cap; i++) {
            if (random.nextInt(n - i) < cap - taken) {
                rows[taken++] = i;
            }
        }
        return rows;
    }

    /** Whether some points are left out. */
    boolean sampled() {
        return data.rows() < total;
    }

    /** "20,000 of 1,000,000 points shown". */
    String note() {
        return String.format(Locale.ROOT, "%,d of %,d points shown", data.rows(), total);
    }

    /** The note for a chart of this layout: on two lines in a panel, whose legend is narrow. */
    String note(ChartStyle.Layout layout) {
        return layout.fullLegend ? note() : note().replace(" points shown", "\npoints shown");
    }

    /**
     * When points are left out, says so in the chart's legend, as its next line: {@link #note}, placed on
     * the first point drawn (nothing is drawn for it).
     */
    void addNote(XYChart chart, ColumnPair columns, ChartStyle.Layout layout) {
        if (sampled()) {
            ChartStyle.addLegendNote(chart, note(layout), data.get(0, columns.x()), data.get(0, columns.y()));
        }
    }

    /** A legend line for {@code count} points: "12 points", or when sampled "12,345 shown". */
    static String count(int count, boolean sampled) {
        if (sampled) {
            return String.format(Locale.ROOT, "%,d shown", count);
        }
        return count + (count == 1 ? " point" : " points");
    }
}
