package org.emgmm.plot;

import java.util.Arrays;

/**
 * A density-normalised histogram of one column: m bins of equal width h over [min, max], bar b as high
 * as the share of points in it divided by h,
 * <pre>
 *   height[b] = count[b] / (N · h),     so that Σ_b height[b] · h = 1,
 * </pre>
 * which puts it on the scale of a density: the mixture's p(x) can be drawn over it.
 *
 * <p><b>Bin width: Freedman–Diaconis</b>, h = 2 · IQR · N^(−1/3), with IQR the interquartile range.
 * Sturges' rule (m = ⌈log₂ N⌉ + 1 bins) assumes roughly normal data and gives too few bins for large
 * N: 15 for seed 004's 10,000 points, which smooths the two components into one hump. Freedman–Diaconis
 * grows with N^(1/3) and, being based on quartiles, is not thrown by outliers. When the IQR is 0 (more
 * than half the points equal) it gives no width, and Sturges is used instead. The width is then
 * adjusted so that m = ⌈(max − min) / h⌉ bins exactly cover [min, max].
 *
 * @param edges   m + 1 bin edges, ascending: bin b is [edges[b], edges[b + 1]), the last one closed
 * @param heights m densities, count / (N · h)
 * @param rule    the rule that chose the width, for the legend
 */
record Histogram(double[] edges, double[] heights, String rule) {

    /**
     * At most this many bins. Freedman–Diaconis can ask for thousands on heavy-tailed data; 200 bins are
     * 3 pixels wide on an 800-pixel picture, and narrower bars blur into noise.
     */
    static final int MAX_BINS = 200;

    static final String FREEDMAN_DIACONIS = "Freedman–Diaconis";
    static final String STURGES = "Sturges";

    /** The histogram of {@code values} (at least one). Not modified. */
    static Histogram of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        if (max == min) {
            return singleBin(min);
        }
        double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
        boolean freedmanDiaconis = iqr > 0.0;
        int bins = freedmanDiaconis ? freedmanDiaconisBins(max - min, iqr, values.length) : sturgesBins(values.length);
        bins = Math.max(1, Math.min(MAX_BINS, bins));
        return count(sorted, min, max, bins, freedmanDiaconis ? FREEDMAN_DIACONIS : STURGES);
    }

    /** m = ⌈range / h⌉ with h = 2 · IQR · N^(−1/3). */
    static int freedmanDiaconisBins(double range, double iqr, int n) {
        double width = 2.0 * iqr / Math.cbrt(n);
        return (int) Math.min(Integer.MAX_VALUE, Math.ceil(range / width));
    }

    /** m = ⌈log₂ N⌉ + 1. */
    static int sturgesBins(int n) {
        return (int) Math.ceil(Math.log(n) / Math.log(2.0)) + 1;
    }

    /**
     * The q-quantile of sorted values, interpolating linearly between order statistics (the default of R
     * and NumPy): position q (N − 1).
     */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** The number of bins m. */
    int bins() {
        return heights.length;
    }

    /** The bin width h. */
    double width() {
        return edges[1] - edges[0];
    }

    /** Every point equal: one bin of width 1 centred on the value. */
    private static Histogram singleBin(double value) {
        return new Histogram(new double[] {value - 0.5, value + 0.5}, new double[] {1.0}, STURGES);
    }

    /** Counts the points into m bins of width (max − min) / m and turns the counts into densities. */
    private static Histogram count(double[] sorted, double min, double max, int bins, String rule) {
        double width = (max - min) / bins;
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = min + b * width;
        }
        edges[bins] = max;
        double[] heights = new double[bins];
        for (double x : sorted) {
            int b = Math.min(bins - 1, (int) ((x - min) / width)); // max falls in the last bin
            heights[b] += 1.0;
        }
        for (int b = 0; b < bins; b++) {
            heights[b] /= sorted.length * width;
        }
        return new Histogram(edges, heights, rule);
    }
}
