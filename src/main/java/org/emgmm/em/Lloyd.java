package org.emgmm.em;

import org.emgmm.data.DataMatrix;

/**
 * Lloyd's algorithm for k-means: from given centres, repeat
 * <pre>
 *   assign every point to its nearest centre (the lowest index on a tie)
 *   move every centre to the mean of the points assigned to it
 * </pre>
 * until no assignment changes or {@code maxIterations} rounds have run. Each round never increases the
 * within-cluster sum of squares W = Σᵢ ‖xᵢ − centre(xᵢ)‖²: the assignment step picks the nearest
 * centre for each point, and the mean minimises each cluster's sum of squares. A centre left with no
 * points stays where it is (it cannot raise W). Deterministic: no random choice.
 *
 * <p>With sample weights wᵢ, a centre moves to its points' weighted mean Σ wᵢ xᵢ / Σ wᵢ and W is
 * Σᵢ wᵢ ‖xᵢ − centre(xᵢ)‖², as if each point were repeated wᵢ times; a centre whose points all have weight 0
 * stays where it is. Unweighted data (every wᵢ = 1) gives the same numbers as before, bit for bit.
 */
public final class Lloyd {

    /** The rounds Lloyd's algorithm runs at most when starting EM (scikit-learn's KMeans default is 300). */
    public static final int DEFAULT_MAX_ITERATIONS = 300;

    /**
     * What Lloyd's algorithm ended with.
     *
     * @param centres     K·D, centre c at {@code [c·D, (c+1)·D)}
     * @param assignments the nearest centre of every point, for the returned centres
     * @param sumsOfSquares W at the starting centres (entry 0) and after every round
     * @param iterations  rounds run
     */
    public record Result(double[] centres, int[] assignments, double[] sumsOfSquares, int iterations) {
    }

    private Lloyd() {
    }

    /**
     * Runs Lloyd's algorithm.
     *
     * @param data          N×D, weighted or not
     * @param centres       K·D starting centres, centre c at {@code [c·D, (c+1)·D)}. Not modified.
     * @param k             K, the number of centres
     * @param maxIterations the most rounds to run; 0 only assigns the points to the starting centres
     * @return the final centres and assignments, W after every round, and the rounds run
     */
    public static Result run(DataMatrix data, double[] centres, int k, int maxIterations) {
        int n = data.rows();
        int d = data.columns();
        double[] current = centres.clone();
        int[] assignments = new int[n];
        double[] sums = new double[maxIterations + 1];
        sums[0] = assign(data, current, k, assignments);
        int round = 0;
        boolean changed = true;
        while (round < maxIterations && changed) {
            round++;
            // centre c = Σ wᵢ xᵢ / Σ wᵢ over the points i assigned to c
            double[] totals = new double[k * d];
            double[] counts = new double[k];
            for (int i = 0; i < n; i++) {
                int c = assignments[i];
                double w = data.weight(i);
                counts[c] += w;
                for (int j = 0; j < d; j++) {
                    totals[c * d + j] += w * data.get(i, j);
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0) {
                    for (int j = 0; j < d; j++) {
                        current[c * d + j] = totals[c * d + j] / counts[c];
                    }
                }
            }
            int[] next = new int[n];
            sums[round] = assign(data, current, k, next);
            changed = !java.util.Arrays.equals(next, assignments);
            assignments = next;
        }
        return new Result(current, assignments, java.util.Arrays.copyOf(sums, round + 1), round);
    }

    /** Fills {@code assignments} with each point's nearest centre and returns W = Σᵢ wᵢ ‖xᵢ − centre(xᵢ)‖². */
    static double assign(DataMatrix data, double[] centres, int k, int[] assignments) {
        double sum = 0.0;
        for (int i = 0; i < data.rows(); i++) {
            int best = 0;
            double bestDistance = KMeansPlusPlus.squaredDistance(data, i, centres, 0);
            for (int c = 1; c < k; c++) {
                double distance = KMeansPlusPlus.squaredDistance(data, i, centres, c);
                if (distance < bestDistance) {
                    best = c;
                    bestDistance = distance;
                }
            }
            assignments[i] = best;
            sum += data.weight(i) * bestDistance;
        }
        return sum;
    }
}
