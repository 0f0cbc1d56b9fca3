package org.emgmm.em;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.emgmm.data.DataException;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Sizes;

/**
 * k-means++ seeding (Arthur &amp; Vassilvitskii, "k-means++: the advantages of careful seeding",
 * SODA 2007): K centres spread over the data. The first centre is a data point chosen uniformly at
 * random; each next one is a data point chosen with probability proportional to D²(x), the squared
 * Euclidean distance from x to the nearest centre chosen so far ("D² sampling"). A point already
 * chosen has D² = 0 and is never chosen again, so the centres are distinct points.
 *
 * <p>The draw is exactly the one exercise 8 asks for, so that the same data and seed give the same
 * centres here and in a correct solution:
 * <pre>
 *   random = new SplittableRandom(seed)
 *   centre 1 = x[random.nextInt(N)]
 *   for c = 2 .. K:
 *       D²(i) = min over the centres so far of ‖xᵢ − centre‖²
 *       total = D²(0) + … + D²(N−1)              (in this order; 0 means fewer than K distinct points)
 *       u = random.nextDouble() · total
 *       centre c = x[i] for the smallest i with D²(0) + … + D²(i) &gt; u
 *                  (if rounding leaves none, the last i with D²(i) &gt; 0)
 * </pre>
 *
 * <p><b>Sample weights.</b> With weights wᵢ a point counts as wᵢ points: the first centre is drawn with
 * probability wᵢ / W (W = Σᵢ wᵢ) and each next one with probability proportional to wᵢ D²(xᵢ), so a point
 * of weight 0 is never a centre. When every weight is a whole number, the first draw is
 * {@code m = random.nextInt(W)} and the centre is the point whose run of copies holds position m, exactly
 * the draw made on the data with each row repeated wᵢ times in place; the next draws use the same
 * {@code u = random.nextDouble() · total}, with the total added in another order. So on such repeated data
 * the same seed gives the same centres, up to a draw that falls within rounding of a boundary between two
 * points. Other weights draw the first centre as the first i with w₀ + … + wᵢ &gt; random.nextDouble() · W.
 * Unweighted data (every wᵢ = 1) takes exactly the draws above.
 */
public final class KMeansPlusPlus {

    private KMeansPlusPlus() {
    }

    /**
     * D²(i) = min over the first {@code count} centres c of ‖xᵢ − c‖², for every point.
     *
     * @param data    N×D
     * @param centres at least count·D values, centre c at {@code [c·D, (c+1)·D)}. Not modified.
     * @param count   how many centres to measure against, at least 1
     * @return N squared Euclidean distances, in the data's units squared
     */
    public static double[] squaredDistances(DataMatrix data, double[] centres, int count) {
        int n = data.rows();
        int d = data.columns();
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < count; c++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(data, i, centres, c));
            }
        }
        return nearest;
    }

    /** ‖xᵢ − centre c‖². */
    static double squaredDistance(DataMatrix data, int i, double[] centres, int c) {
        int d = data.columns();
        double squared = 0.0;
        for (int j = 0; j < d; j++) {
            double diff = data.get(i, j) - centres[c * d + j];
            squared += diff * diff;
        }
        return squared;
    }

    /**
     * K centres by k-means++, drawn as the class comment says.
     *
     * @param data N×D, weighted or not
     * @param k    K, the number of centres, 1 ≤ K ≤ N
     * @param seed the seed of {@code new SplittableRandom(seed)}, which makes every draw
     * @return K·D values, centre c at {@code [c·D, (c+1)·D)}, each a copy of a data point
     * @throws DataException if K &lt; 1, K &gt; N, or the data has fewer than K distinct points
     */
    public static double[] centres(DataMatrix data, int k, long seed) {
        return centres(data, k, seed, false);
    }

    /**
     * K centres by k-means++, as {@link #centres(DataMatrix, int, long)}, except that when
     * {@code shareWhenExhausted} is true and every distinct point is already a centre (every D² is 0),
     * each remaining centre is a point drawn as the first was: a copy of an earlier centre. Only a start with a
     * positive reg-covar can use such centres (see {@link Initialisation}).
     *
     * @param data               N×D, weighted or not
     * @param k                  K, the number of centres, 1 ≤ K ≤ N
     * @param seed               the seed of {@code new SplittableRandom(seed)}, which makes every draw
     * @param shareWhenExhausted whether centres may repeat once every distinct point is a centre
     * @return K·D values, centre c at {@code [c·D, (c+1)·D)}, each a copy of a data point
     * @throws DataException if K &lt; 1, K &gt; N, or (unless sharing) the data has fewer than K distinct points
     */
    public static double[] centres(DataMatrix data, int k, long seed, boolean shareWhenExhausted) {
        int n = data.rows();
        int d = data.columns();
        if (k < 1) {
            throw new DataException("the number of components must be at least 1, got " + k);
        }
        if (k > n) {
            throw new DataException("there are " + n + " points but " + k + " components: use at most " + n
                    + " components or more data");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] centres = new double[Sizes.product("the means (components × columns)", k, d)];
        System.arraycopy(data.row(firstCentre(data, random)), 0, centres, 0, d);
        for (int c = 1; c < k; c++) {
            double[] squared = squaredDistances(data, centres, c);
            double total = 0.0;
            for (int i = 0; i < n; i++) {
                squared[i] *= data.weight(i); // wᵢ D²(i): exact, and unchanged, when wᵢ = 1
                total += squared[i];
            }
            if (total == 0.0 && shareWhenExhausted) {
                // drawn as the first centre was: uniformly, or in proportion to the sample weights
                System.arraycopy(data.row(firstCentre(data, random)), 0, centres, c * d, d);
                continue;
            }
            if (total == 0.0) {
                throw new DataException("the data has only " + c + " distinct points" + (data.isWeighted()
                        ? " of positive sample weight" : "") + ", fewer than the " + k
                        + " components asked for: use fewer components");
            }
            double u = random.nextDouble() * total;
            System.arraycopy(data.row(drawIndex(squared, u)), 0, centres, c * d, d);
        }
        return centres;
    }

    /**
     * The number of candidates greedy k-means++ draws for each centre after the first: 2 + ⌊ln K⌋, the
     * number Arthur and Vassilvitskii tried (mentioned in their conclusion) and scikit-learn's default.
     *
     * @param k the number of centres, K ≥ 1
     * @return 2 + ⌊ln K⌋
     */
    public static int greedyTrials(int k) {
        return 2 + (int) Math.floor(Math.log(k));
    }

    /**
     * K centres by greedy k-means++, the variant scikit-learn uses: the first centre is drawn as in
     * {@link #centres}; for each next one, T = {@link #greedyTrials}(K) candidates are drawn independently
     * by D² sampling, and the candidate that leaves the smallest potential is kept:
     * <pre>
     *   for c = 2 .. K:
     *       D²(i)  = min over the centres so far of ‖xᵢ − centre‖²
     *       total  = Σᵢ wᵢ D²(i)
     *       for t = 1 .. T:  candidate t = x[i] for the smallest i with w₀D²(0) + … + wᵢD²(i) &gt; random.nextDouble() · total
     *       φ(t)   = Σᵢ wᵢ min(D²(i), ‖xᵢ − candidate t‖²)          (the potential if candidate t were added)
     *       centre c = the candidate of smallest φ (the first such on a tie)
     * </pre>
     * The trade-off: T times the distance computations of plain k-means++ for centres that are less
     * often two in one cluster, since a second centre in an already covered cluster barely lowers φ.
     *
     * @param data               N×D, weighted or not (wᵢ = 1 without sample weights)
     * @param k                  K, the number of centres, 1 ≤ K ≤ N
     * @param seed               the seed of {@code new SplittableRandom(seed)}, which makes every draw
     * @param shareWhenExhausted whether centres may repeat once every distinct point is a centre, as in
     *                           {@link #centres(DataMatrix, int, long, boolean)}
     * @return K·D values, centre c at {@code [c·D, (c+1)·D)}, each a copy of a data point
     * @throws DataException if K &lt; 1, K &gt; N, or (unless sharing) the data has fewer than K distinct points
     */
    public static double[] greedyCentres(DataMatrix data, int k, long seed, boolean shareWhenExhausted) {
        int n = data.rows();
        int d = data.columns();
        if (k < 1) {
            throw new DataException("the number of components must be at least 1, got " + k);
        }
        if (k > n) {
            throw new DataException("there are " + n + " points but " + k + " components: use at most " + n
                    + " components or more data");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] centres = new double[Sizes.product("the means (components × columns)", k, d)];
        System.arraycopy(data.row(firstCentre(data, random)), 0, centres, 0, d);
        double[] nearest = squaredDistances(data, centres, 1);
        int trials = greedyTrials(k);
        for (int c = 1; c < k; c++) {
            double[] weighted = new double[n];
            double total = 0.0;
            for (int i = 0; i < n; i++) {
                weighted[i] = data.weight(i) * nearest[i]; // wᵢ D²(i)
                total += weighted[i];
            }
            int chosen;
            if (total == 0.0 && shareWhenExhausted) {
                chosen = firstCentre(data, random); // drawn as the first centre was
            } else if (total == 0.0) {
                throw new DataException("the data has only " + c + " distinct points" + (data.isWeighted()
                        ? " of positive sample weight" : "") + ", fewer than the " + k
                        + " components asked for: use fewer components");
            } else {
                chosen = bestCandidate(data, nearest, weighted, total, trials, random);
            }
            System.arraycopy(data.row(chosen), 0, centres, c * d, d);
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(data, i, centres, c));
            }
        }
        return centres;
    }

    /** Draws {@code trials} candidates by D² sampling and returns the one whose potential φ is smallest. */
    private static int bestCandidate(DataMatrix data, double[] nearest, double[] weighted, double total, int trials,
            SplittableRandom random) {
        int[] candidates = new int[trials];
        for (int t = 0; t < trials; t++) {
            candidates[t] = drawIndex(weighted, random.nextDouble() * total);
        }
        int best = candidates[0];
        double bestPotential = Double.POSITIVE_INFINITY;
        for (int candidate : candidates) {
            double potential = potentialWith(data, nearest, candidate);
            if (potential < bestPotential) {
                best = candidate;
                bestPotential = potential;
            }
        }
        return best;
    }

    /** φ = Σᵢ wᵢ min(D²(i), ‖xᵢ − x_candidate‖²): the weighted squared distances if the candidate were a centre. */
    private static double potentialWith(DataMatrix data, double[] nearest, int candidate) {
        double[] centre = data.row(candidate);
        double potential = 0.0;
        for (int i = 0; i < data.rows(); i++) {
            double squared = squaredDistance(data, i, centre, 0);
            potential += data.weight(i) * Math.min(nearest[i], squared);
        }
        return potential;
    }

    /**
     * The index of the first centre: {@code random.nextInt(N)} for unweighted data; with sample weights, the
     * point whose run of copies holds {@code random.nextInt(W)} when every weight is a whole number (W ≤ the
     * largest int), otherwise the first i with w₀ + … + wᵢ &gt; random.nextDouble() · W.
     */
    private static int firstCentre(DataMatrix data, SplittableRandom random) {
        if (!data.isWeighted()) {
            return random.nextInt(data.rows());
        }
        double[] weights = data.sampleWeights();
        double total = data.totalWeight();
        if (allWholeNumbers(weights) && total <= Integer.MAX_VALUE) {
            // Whole numbers add up exactly, so the runs of copies are [w₀ + … + wᵢ₋₁, w₀ + … + wᵢ).
            return drawIndex(weights, random.nextInt((int) total));
        }
        return drawIndex(weights, random.nextDouble() * total);
    }

    private static boolean allWholeNumbers(double[] values) {
        for (double value : values) {
            if (value != Math.rint(value)) {
                return false;
            }
        }
        return true;
    }

    /** The smallest i whose running sum of weights exceeds u; if rounding leaves none, the last positive one. */
    private static int drawIndex(double[] weights, double u) {
        double cumulative = 0.0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (cumulative > u) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0.0) {
                return i;
            }
        }
        throw new IllegalStateException("no positive weight");
    }
}
