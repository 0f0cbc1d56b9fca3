package org.emgmm.exercises;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.emgmm.data.DataException;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.Initialisation;
import org.emgmm.model.GaussianMixture;

/**
 * Exercise 8: k-means++ starting points, seeded.
 *
 * <h2>Task</h2>
 * EM only climbs to the nearest local maximum, so where it starts matters. k-means++ spreads K
 * centres over the data: the first uniformly at random, each next one with probability proportional
 * to D²(x), the squared distance from x to the nearest centre chosen so far. Far-away groups are
 * likely to get a centre; points already chosen (D² = 0) never are again.
 *
 * <p>Draw exactly like this, so that the same data and seed always give the same centres:
 * <pre>
 *   random = new SplittableRandom(seed)
 *   centre 1 = x[random.nextInt(N)]
 *   for c = 2 .. K:
 *       D²(i) = squaredDistances(data, centres, c − 1)[i]     for i = 0 .. N−1
 *       total = D²(0) + D²(1) + … + D²(N−1)                   (in this order)
 *       if total == 0: throw a DataException (fewer than K distinct points)
 *       u = random.nextDouble() * total                        (uniform in [0, total))
 *       i = the smallest index with D²(0) + … + D²(i) &gt; u
 *           (if rounding leaves none, the last index with D²(i) &gt; 0)
 *       centre c = x[i]
 * </pre>
 * Return the centres flat, {@code centre c, coordinate j = result[c * D + j]} (c from 0). Throw a
 * {@link DataException} when K &lt; 1 or K &gt; N too. {@link #start} (given) turns the centres into
 * starting parameters for EM: the centres as means, the data's covariance for every component, equal
 * weights.
 *
 * <h2>Common mistakes</h2>
 * <ul>
 *   <li><b>Starts that ignore the data</b>: seed 001's {@code means = np.random.rand(k, d) * 10} and
 *       seed 004's {@code xmax*2*(np.random.rand(K*d).reshape((K,d))-0.5)} draw means from a box
 *       chosen in advance; seed 002's {@code np.random.choice(X[:, i], K)} draws each coordinate
 *       separately, so a "mean" can sit between the groups where there is no data. A component
 *       started far from every point gets no responsibility and is lost from the first iteration
 *       (seed 004's first attempt ends with one weight at 5.8e-20).</li>
 *   <li><b>Uniform choices only</b> (seed 000: {@code data[np.random.choice(data.shape[0],
 *       num_components, False)]}): distinct points, but two of them often land in the same group and
 *       EM must then move a component across the space.</li>
 *   <li><b>The farthest point instead of a random one</b>: deterministic, and it picks outliers.
 *       Weighting by D instead of D², or measuring from the last centre instead of the nearest one,
 *       are subtler versions of the same slip; the tests check the choice frequencies.</li>
 *   <li><b>The same point twice</b>: with D² = 0 a chosen point can never be drawn again, if the
 *       cumulative search uses a strict &gt;. With ≥ it is drawn when u is exactly 0 and it comes
 *       first: rare, but a seed that gives it always gives it. A duplicated centre gives two identical
 *       components that EM never pulls apart.</li>
 *   <li><b>Unseeded randomness</b> ({@code np.random.choice} without a seed, {@code Math.random()}):
 *       a run nobody can repeat. Use only the {@code SplittableRandom} built from the seed, and
 *       draw from it in exactly the order above: the first centre with {@code nextInt(N)}, not
 *       {@code (int) (nextDouble() * N)}, which is uniform too but another number from the same
 *       seed.</li>
 * </ul>
 *
 * <h2>Read</h2>
 * Arthur &amp; Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007; Bishop,
 * PRML, §9.1 (K-means) and §9.2.2 (starting EM from K-means); the scikit-learn user guide,
 * "Clustering", K-means (its {@code init="k-means++"}).
 *
 * <h2>Check</h2>
 * {@code mvn test -Dexercise=8}
 */
public final class Ex8KMeansPlusPlus {

    private Ex8KMeansPlusPlus() {
    }

    /**
     * D²(i) = min over the first {@code count} centres c of ‖xᵢ − c‖², for every point.
     *
     * @param data    N×D. Not modified.
     * @param centres at least {@code count}·D values, centre c at {@code [c * D, (c + 1) * D)}. Not modified.
     * @param count   how many centres to measure against, ≥ 1
     * @return N values
     */
    public static double[] squaredDistances(DataMatrix data, double[] centres, int count) {
        throw new UnsupportedOperationException("TODO: D²(i) = min over the first count centres c of ‖xᵢ − c‖², see "
                + "Arthur & Vassilvitskii 2007");
    }

    /**
     * K centres by k-means++, drawn exactly as the class comment says.
     *
     * @param data N×D. Not modified.
     * @param k    K, 1 ≤ K ≤ N
     * @param seed fixes every random choice
     * @return K·D values, centre c at {@code [c * D, (c + 1) * D)}
     * @throws DataException if K &lt; 1, K &gt; N, or the data has fewer than K distinct points
     */
    public static double[] centres(DataMatrix data, int k, long seed) {
        throw new UnsupportedOperationException("TODO: the first centre uniformly, then each with probability "
                + "proportional to D², drawn exactly as this class's comment says, see Arthur & Vassilvitskii 2007");
    }

    /**
     * Starting parameters from k-means++: the {@link #centres} as means, the data's maximum-likelihood
     * covariance for every component, equal weights 1/K. (Given.)
     *
     * @throws DataException as {@link #centres} does, or if the data's covariance is singular
     */
    public static GaussianMixture start(DataMatrix data, int k, long seed) {
        return Initialisation.withDataCovariance(data, k, centres(data, k, seed));
    }
}
