package org.emgmm.vectorised;

import java.util.Arrays;

/**
 * One slice's share of the sums the M-step needs, taken about the means μₖ of the parameters they were
 * computed with, and its share of the log-likelihood (with sample weights each term carries wᵢ):
 * <pre>
 *   counts[k]       = Nₖ   = Σᵢ r[i][k]
 *   first[k][j]     = s1ₖ  = Σᵢ r[i][k] (xᵢ − μₖ)[j]
 *   second[k][a][e] = S2ₖ  = Σᵢ r[i][k] (xᵢ − μₖ)[a] (xᵢ − μₖ)[e]      lower triangle only: e ≤ a
 *   logLikelihood   = Σᵢ log p(xᵢ | θ)
 * </pre>
 * Siblings: {@link BlockBuffers} holds a block while its terms are added here; {@link Workspace} adds
 * the slices up, in slice order, and finishes the M-step from the total ({@link #finish}).
 */
final class MomentSums {

    /** Nₖ, per component. */
    final double[] counts;

    /** s1ₖ, per component: K × D. */
    final double[][] first;

    /**
     * S2ₖ, per component: its lower triangle, row a holding the a + 1 entries e ≤ a. (A slice's sums are
     * new memory in every fit, 32 slices of them at D = 50; the triangle is half the square.)
     */
    final double[][][] second;

    /** The slice's share of L(θ). */
    double logLikelihood;

    /** D, coordinates per point. */
    private final int d;

    /**
     * Sums of zero.
     *
     * @param k K, components
     * @param d D, coordinates per point
     */
    MomentSums(int k, int d) {
        this.d = d;
        counts = new double[k];
        first = new double[k][d];
        second = new double[k][d][];
        for (double[][] triangle : second) {
            for (int a = 0; a < d; a++) {
                triangle[a] = new double[a + 1];
            }
        }
    }

    /** Sets every sum to 0. */
    void clear() {
        Arrays.fill(counts, 0.0);
        for (double[] row : first) {
            Arrays.fill(row, 0.0);
        }
        for (double[][] matrix : second) {
            for (double[] row : matrix) {
                Arrays.fill(row, 0.0);
            }
        }
        logLikelihood = 0.0;
    }

    /**
     * Adds another slice's moment sums (not its log-likelihood), lower triangles only.
     *
     * @param slice the sums to add; not modified
     */
    void add(MomentSums slice) {
        for (int c = 0; c < counts.length; c++) {
            counts[c] += slice.counts[c];
            for (int a = 0; a < d; a++) {
                first[c][a] += slice.first[c][a];
                for (int e = 0; e <= a; e++) {
                    second[c][a][e] += slice.second[c][a][e];
                }
            }
        }
    }

    /**
     * Finishes component c of an M-step from these sums with the shifted-data formulas, exact in algebra
     * (see {@link Workspace} for why the sums are centred on the old mean):
     * <pre>
     *   δ    = s1ₖ / Nₖ
     *   μₖ'  = μₖ + δ
     *   Sₖ   = S2ₖ / Nₖ − δ δᵀ        mirrored from the lower triangle
     * </pre>
     *
     * @param c        the component
     * @param mean     μₖ, the mean the sums were taken about
     * @param delta    room for δ, D entries; overwritten
     * @param newMeans the new means, K × D flat: row c is written
     * @param scatters the scatter matrices Sₖ, K × D × D flat: matrix c is written
     */
    void finish(int c, double[] mean, double[] delta, double[] newMeans, double[] scatters) {
        double count = counts[c];
        for (int j = 0; j < d; j++) {
            delta[j] = first[c][j] / count;
            newMeans[c * d + j] = mean[j] + delta[j];
        }
        int base = c * d * d;
        for (int a = 0; a < d; a++) {
            for (int e = 0; e <= a; e++) {
                double value = second[c][a][e] / count - delta[a] * delta[e];
                scatters[base + a * d + e] = value;
                scatters[base + e * d + a] = value;
            }
        }
    }

    /**
     * Adds a slice's lanes ({@link Kernels#addMomentLanes}): each lane's total, in position order.
     *
     * @param lanes per component, its 1 + D + D(D+1)/2 lanes; not modified
     */
    void addLanes(double[][][] lanes) {
        for (int c = 0; c < counts.length; c++) {
            double[][] component = lanes[c];
            counts[c] += Kernels.sumLanes(component[0]);
            for (int a = 0; a < d; a++) {
                first[c][a] += Kernels.sumLanes(component[1 + a]);
                for (int e = 0; e <= a; e++) {
                    second[c][a][e] += Kernels.sumLanes(component[Kernels.secondMomentLane(d, a, e)]);
                }
            }
        }
    }
}
