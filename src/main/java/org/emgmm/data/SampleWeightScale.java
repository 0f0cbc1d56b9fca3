package org.emgmm.data;

import java.util.Locale;

/**
 * The range of scales at which sample weights can be computed with.
 *
 * <p>Only the ratios of the weights matter to a fit (see {@link DataMatrix#weightUnit}), but their scale
 * decides whether EM's sums can be formed at all. Below the smallest normal double a weight has lost
 * precision before any sum (1e-320 keeps 3 of its 16 digits), and products of it with responsibilities
 * become 0; above a point, Σᵢ wᵢ xᵢ xᵢᵀ overflows to ∞ and the covariances to NaN. Both are refused here,
 * when the data is weighted, with a line that says the weights are the cause and what to do: multiply or
 * divide every weight by the same number.
 */
final class SampleWeightScale {

    /**
     * Room left above the sums EM forms from the weights: Σᵢ wᵢ xᵢ xᵢᵀ is at most W · 4·max|x|² (deviations
     * from a mean within the data's range), the log-likelihood Σᵢ wᵢ log p(xᵢ) at most W times a few hundred
     * for any point a component can reach in practice; 2¹⁰ covers both factors and the rounding of the sums.
     */
    static final double HEADROOM = 1024.0;

    /** The largest W · max(1, max|x|)² EM's sums are safe with: the largest double over {@link #HEADROOM}. */
    static final double LARGEST_WEIGHTED_SQUARE = Double.MAX_VALUE / HEADROOM;

    private SampleWeightScale() {
    }

    /**
     * Refuses weights whose scale would make EM's arithmetic lose them or overflow.
     *
     * @param weights      the sample weights, each finite and ≥ 0 (already checked)
     * @param total        W = Σᵢ wᵢ, positive
     * @param largestValue max |xᵢⱼ| of the data the weights go with
     * @throws DataException naming the first positive weight below the smallest normal double, or saying that
     *                       the weights' total is too large for this data
     */
    static void check(double[] weights, double total, double largestValue) {
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0.0 && weights[i] < Double.MIN_NORMAL) {
                throw new DataException("the sample weight of row " + (i + 1) + " is " + weights[i]
                        + ", below " + String.format(Locale.ROOT, "%.1e", Double.MIN_NORMAL)
                        + ", where doubles lose their digits: multiply every weight"
                        + " by the same number (only their ratios matter)");
            }
        }
        double scale = Math.max(1.0, largestValue);
        double largestTotal = LARGEST_WEIGHTED_SQUARE / scale / scale; // W · scale² itself may overflow
        if (Double.isInfinite(total)) {
            throw new DataException("the sample weights add up to more than the largest double: divide every"
                    + " weight by the same number (only their ratios matter)");
        }
        if (total > largestTotal) {
            throw new DataException("the sample weights add up to " + total + ", more than this data's sums can"
                    + " hold (at most " + String.format(Locale.ROOT, "%.1e", largestTotal)
                    + "): divide every weight by the same number (only their ratios matter)");
        }
    }
}
