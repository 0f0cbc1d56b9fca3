package org.emgmm.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The adjusted Rand index (Hubert and Arabie, 1985) of two partitions of the same N points: 1 when they
 * are the same partition, whatever the names of their groups; about 0, on average, for a random one;
 * it can be negative. Symmetric in its two arguments.
 *
 * <p>From the contingency table nᵢⱼ (points in group i of the first partition and group j of the
 * second), its row sums aᵢ and column sums bⱼ, with C(m, 2) = m(m − 1)/2 the number of pairs among m:
 * <pre>
 *   index    = Σᵢⱼ C(nᵢⱼ, 2)                           pairs together in both partitions
 *   expected = Σᵢ C(aᵢ, 2) · Σⱼ C(bⱼ, 2) / C(N, 2)     its mean over partitions with these group sizes
 *   maximum  = ½ (Σᵢ C(aᵢ, 2) + Σⱼ C(bⱼ, 2))
 *   ARI      = (index − expected) / (maximum − expected)
 * </pre>
 * The denominator is 0 only when both partitions put every point in one group, or both put every point
 * in a group of its own; they are then the same partition, and the index is 1 (as in scikit-learn's
 * {@code adjusted_rand_score}).
 */
public final class AdjustedRandIndex {

    private AdjustedRandIndex() {
    }

    /**
     * The ARI of two labellings of the same points; labels are any ints, only equality matters.
     *
     * @param first  a group label for each of the N points
     * @param second another group label for each of the same N points
     * @return the adjusted Rand index, at most 1
     * @throws IllegalArgumentException if the two arrays differ in length
     */
    public static double of(int[] first, int[] second) {
        if (first.length != second.length) {
            throw new IllegalArgumentException("the partitions have " + first.length + " and " + second.length
                    + " points: they must label the same points");
        }
        int[] a = compact(first);
        int[] b = compact(second);
        int rows = max(a) + 1;
        int columns = max(b) + 1;
        long[][] table = new long[rows][columns];
        long[] rowSums = new long[rows];
        long[] columnSums = new long[columns];
        for (int p = 0; p < a.length; p++) {
            table[a[p]][b[p]]++;
            rowSums[a[p]]++;
            columnSums[b[p]]++;
        }
        double index = 0.0;
        for (long[] row : table) {
            for (long count : row) {
                index += pairs(count);
            }
        }
        double rowPairs = 0.0;
        for (long sum : rowSums) {
            rowPairs += pairs(sum);
        }
        double columnPairs = 0.0;
        for (long sum : columnSums) {
            columnPairs += pairs(sum);
        }
        double allPairs = pairs(a.length);
        double expected = allPairs == 0.0 ? 0.0 : rowPairs * columnPairs / allPairs;
        double maximum = 0.5 * (rowPairs + columnPairs);
        if (maximum - expected == 0.0) {
            return 1.0;
        }
        return (index - expected) / (maximum - expected);
    }

    /**
     * The ARI of ground-truth labels (e.g. Iris' species names) and component indices.
     *
     * @param truth  the true group name of each of the N points
     * @param labels the component each point was assigned to, e.g. {@link Prediction#labels()}
     * @return the adjusted Rand index, at most 1
     * @throws IllegalArgumentException if the two differ in length
     */
    public static double of(List<String> truth, int[] labels) {
        Map<String, Integer> codes = new HashMap<>();
        int[] coded = new int[truth.size()];
        for (int p = 0; p < coded.length; p++) {
            coded[p] = codes.computeIfAbsent(truth.get(p), name -> codes.size());
        }
        return of(coded, labels);
    }

    /** C(m, 2) = m(m − 1)/2. */
    private static double pairs(long m) {
        return m * (m - 1) / 2.0;
    }

    /** The labels renamed 0, 1, 2, ... in order of first appearance. */
    private static int[] compact(int[] labels) {
        Map<Integer, Integer> codes = new HashMap<>();
        int[] coded = new int[labels.length];
        for (int p = 0; p < labels.length; p++) {
            coded[p] = codes.computeIfAbsent(labels[p], label -> codes.size());
        }
        return coded;
    }

    private static int max(int[] values) {
        int max = -1;
        for (int value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
