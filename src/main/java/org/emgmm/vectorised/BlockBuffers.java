package org.emgmm.vectorised;

import java.util.Arrays;

/**
 * One worker's buffers for a block of B points: the points in both layouts ({@link Kernels}), the
 * per-component log-densities that become the responsibilities, and the room the moment sums are
 * gathered in. Allocated once per worker by {@link Workspace}, rewritten by every block.
 * <pre>
 *   x[b·D + j]      the block, point-major, as copied from the data
 *   xt[j][b]        the same block, coordinate-major
 *   z[j][b]         xt − μₖ, then Lₖ⁻¹ (x − μₖ)
 *   logP[k][b]      log πₖ N(x_b | μₖ, Σₖ), then r[b][k]
 *   index[p]        which points of the block are gathered for the scatter
 *   y[p][j], w[p]   the points gathered for the scatter, and their r (or r · w)
 *   lanes[k][l][b]  Nₖ, s1ₖ and S2ₖ kept per position b, when D is small
 * </pre>
 * Siblings: {@link MomentSums} holds what a slice adds up from these; {@link Workspace} drives both.
 */
final class BlockBuffers {

    /** The block, point-major: x[b·D + j]. */
    final double[] x;

    /** The block, coordinate-major: xt[j][b]. */
    final double[][] xt;

    /** The centred and whitened block, coordinate-major. */
    final double[][] z;

    /** Per component, the block's log-densities, then its responsibilities: logP[k][b]. */
    final double[][] logP;

    /** Per point of the block, the largest log-density (for log-sum-exp). */
    final double[] max;

    /** Per point of the block, Σₖ exp(logP[k][b] − max[b]). */
    final double[] sum;

    /** Scratch for {@link Exponentials}: per point of the block, the power of two of an exponential. */
    final double[] exponents;

    /** Which points of the block are gathered for the scatter: index[p] = b. */
    final int[] index;

    /** The points gathered for the scatter, centred, point-major: y[p][j]. */
    final double[][] y;

    /** The gathered points' responsibilities (or r · w): w[p]. */
    final double[] w;

    /** With sample weights: the block's wᵢ; otherwise null. */
    final double[] pointWeights;

    /** With sample weights: r[i][k] · wᵢ for the component at hand; otherwise null. */
    final double[] mass;

    /** With lanes: the block centred on the component at hand, coordinate-major; otherwise null. */
    final double[][] centred;

    /** With lanes: each component's 1 + D + D(D+1)/2 lanes of B running totals; otherwise null. */
    final double[][][] lanes;

    /**
     * Allocates every buffer.
     *
     * @param block    B, points per block
     * @param d        D, coordinates per point
     * @param k        K, components
     * @param weighted whether the data has sample weights
     * @param useLanes whether the moment sums are kept in lanes ({@link Kernels#addMomentLanes})
     */
    BlockBuffers(int block, int d, int k, boolean weighted, boolean useLanes) {
        x = new double[block * d];
        xt = new double[d][block];
        z = new double[d][block];
        logP = new double[k][block];
        max = new double[block];
        sum = new double[block];
        exponents = new double[block];
        index = new int[block];
        y = new double[block][d];
        w = new double[block];
        pointWeights = weighted ? new double[block] : null;
        mass = weighted ? new double[block] : null;
        centred = useLanes ? new double[d][block] : null;
        lanes = useLanes ? new double[k][1 + d + d * (d + 1) / 2][block] : null;
    }

    /** Sets every lane to 0, for a new slice; nothing without lanes. */
    void clearLanes() {
        if (lanes != null) {
            for (double[][] component : lanes) {
                for (double[] lane : component) {
                    Arrays.fill(lane, 0.0);
                }
            }
        }
    }
}
