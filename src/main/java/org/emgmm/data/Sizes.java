package org.emgmm.data;

import java.util.Locale;

/**
 * Sizes that are checked before anything is allocated: a product of sizes that would overflow an
 * {@code int}, or covariances that cannot fit in the heap, is a {@link DataException} that says what to
 * do, never a {@code NegativeArraySizeException} or an {@code OutOfMemoryError}.
 */
public final class Sizes {

    /** The largest array Java allocates on common virtual machines. */
    public static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /**
     * How many K×D×D blocks of covariances a fit holds at once, at most: the mixture's covariances, their
     * Cholesky factors, the M-step's sums and the next mixture's covariances.
     */
    static final int COVARIANCE_COPIES = 4;

    private Sizes() {
    }

    /**
     * {@code a · b · ...} as an array length.
     *
     * @param what    names the array in the message, e.g. "the data (points × columns)"
     * @param factors the sizes to multiply, e.g. N and D
     * @return their product, which fits in an array
     * @throws DataException if the product exceeds the largest array Java can allocate
     */
    public static int product(String what, int... factors) {
        long product = 1;
        try {
            for (int factor : factors) {
                product = Math.multiplyExact(product, (long) factor);
            }
        } catch (ArithmeticException e) {
            product = Long.MAX_VALUE;
        }
        if (product > MAX_ARRAY) {
            throw new DataException(what + " would need " + count(product == Long.MAX_VALUE ? -1 : product)
                    + " numbers, more than the " + count(MAX_ARRAY) + " a Java array holds: use fewer points,"
                    + " columns or components");
        }
        return (int) product;
    }

    /**
     * Refuses full D×D covariances for K components that cannot fit in the heap, before any is allocated.
     *
     * @param dimension  D
     * @param components K
     * @throws DataException saying how much memory one covariance takes and how to choose fewer columns
     */
    public static void requireCovariancesFit(int dimension, int components) {
        requireCovariancesFit(dimension, components, Runtime.getRuntime().maxMemory());
    }

    /** {@link #requireCovariancesFit(int, int)} for a heap of {@code maxHeap} bytes. */
    static void requireCovariancesFit(int dimension, int components, long maxHeap) {
        double perComponent = 8.0 * dimension * dimension;
        double needed = perComponent * components * COVARIANCE_COPIES;
        if (needed > maxHeap || (double) dimension * dimension * components > MAX_ARRAY) {
            throw new DataException(count(dimension) + " columns need " + bytes(perComponent)
                    + " of covariance per component, and a fit of " + components
                    + (components == 1 ? " component" : " components") + " about " + bytes(needed)
                    + ", more than the " + bytes(maxHeap) + " heap: choose fewer columns with --columns");
        }
    }

    /**
     * A count with thousands separators: 50,000.
     *
     * @param count the count; a negative one stands for a product too large for a long
     * @return the count as text, e.g. "50,000", or "more than 9,223,372,036,854,775,807"
     */
    public static String count(long count) {
        return count < 0 ? "more than " + String.format(Locale.ROOT, "%,d", Long.MAX_VALUE)
                : String.format(Locale.ROOT, "%,d", count);
    }

    /**
     * A size in bytes as Java's -Xmx counts them (1 MB = 1024² bytes): "256 MB", "1.5 GB", "19 GB".
     *
     * @param bytes a size in bytes
     * @return the size in the largest unit that leaves at least 1, with one decimal below 10
     */
    public static String bytes(double bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB"};
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return String.format(Locale.ROOT, "%.0f bytes", value);
        }
        String number = value >= 10 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + units[unit];
    }
}
