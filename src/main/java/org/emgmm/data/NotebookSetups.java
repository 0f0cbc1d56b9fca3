package org.emgmm.data;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.emgmm.model.GaussianMixture;

/**
 * The synthetic data of the seed notebooks, by name: the mixture each notebook drew from and how many
 * points it drew. Drawing with {@link MixtureSampler} reproduces each notebook's setup, not its random
 * numbers: the notebooks used NumPy's generator, this package uses Java's, so the points differ while
 * their distribution is the same.
 * <ul>
 *   <li>{@code seed-000}: 100 2-D points of {@code randn + 10·randn}, that is N(0, 101·I): no clusters
 *       at all, which is the notebook's point of departure.</li>
 *   <li>{@code seed-001}: three 2-D blobs with unit covariance at [5, 5], [0, 0] and [8, 1], 100 points
 *       each.</li>
 *   <li>{@code seed-002}: 1,500 2-D points from three components with identity covariances at
 *       [−4, −5], [0, 0] and [4, 5], priors 0.2, 0.5, 0.3, so exactly 300, 750 and 450 points.</li>
 *   <li>{@code seed-003}: two 2-D clusters of 200 points, at [−2, 2] with covariance 3·I and at
 *       [2, −2] with covariance I (the notebook's {@code generate_data(variance1=3, variance2=1)}).</li>
 *   <li>{@code seed-004}: the univariate case of the notebook's French part: 10,000 points from two
 *       normals, 70% from A = N(222, 10²) and 30% from B = N(285, 25²), each point's component drawn at
 *       random. The notebook printed A's true mean, 222, and typed A's share, {@code pa = 0.7}; it drew
 *       the other three numbers with {@code randint} and did not print them, so they are chosen here
 *       among the values its {@code randint(100, 300)} and {@code randint(10, 30)} can give: with A's
 *       standard deviation 10 and B = N(285, 25²), the notebook's EM with its weights stuck at 0.3 / 0.7
 *       settles (on unlimited data, from a start that puts A on the left) with A's mean at 220.9, next to
 *       the 221.39 it printed.</li>
 *   <li>{@code seed-004-collapse}: the notebook's first part: 100,000 1-D points from two normals with
 *       weights 0.625 / 0.375 (the true weights the notebook printed), means and variances drawn once
 *       the notebook's way (means uniform in [−10, 10], variances randn²), each point's component drawn
 *       at random.</li>
 * </ul>
 */
public final class NotebookSetups {

    /**
     * A notebook's synthetic data.
     *
     * @param name        the name on the command line, e.g. {@code seed-002}
     * @param description one line saying what is drawn
     * @param mixture     the mixture the points come from
     * @param points      N, the number of points
     * @param counts      how many points each component gets, fixed in advance (they sum to N); empty
     *                    when each point's component is drawn at random with probability πₖ
     */
    public record Setup(String name, String description, GaussianMixture mixture, int points, int[] counts) {

        /**
         * Copies the counts and checks that they add up to N.
         *
         * @param name        the name on the command line
         * @param description one line saying what is drawn
         * @param mixture     the mixture the points come from
         * @param points      N
         * @param counts      the fixed count of each component, summing to N, or empty. Copied.
         * @throws IllegalArgumentException if the counts do not add up to N
         */
        public Setup {
            counts = counts.clone();
            if (counts.length > 0 && Arrays.stream(counts).sum() != points) {
                throw new IllegalArgumentException("the counts of setup " + name + " do not add up to its "
                        + points + " points");
            }
        }

        /** {@return a copy of the fixed counts; empty when components are drawn at random} */
        @Override
        public int[] counts() {
            return counts.clone();
        }

        /**
         * Draws the setup's points with a seed: the same seed gives the same points.
         *
         * @param seed the seed of {@link MixtureSampler}
         * @return the N points and the component each came from
         */
        public MixtureSampler.Sample draw(long seed) {
            return counts.length == 0 ? MixtureSampler.sample(mixture, points, seed)
                    : MixtureSampler.sampleCounts(mixture, counts, seed);
        }
    }

    private static final Map<String, Supplier<Setup>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("seed-000", NotebookSetups::noClusters);
        BY_NAME.put("seed-001", NotebookSetups::threeUnitBlobs);
        BY_NAME.put("seed-002", NotebookSetups::unequalPriors);
        BY_NAME.put("seed-003", NotebookSetups::twoClusters);
        BY_NAME.put("seed-004", NotebookSetups::univariateHeights);
        BY_NAME.put("seed-004-collapse", NotebookSetups::univariateCollapse);
    }

    private NotebookSetups() {
    }

    /** {@return the names, in the order help text lists them} */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * The setup with this name.
     *
     * @param name e.g. {@code seed-002}
     * @return the setup
     * @throws IllegalArgumentException naming the choices, when there is none
     */
    public static Setup byName(String name) {
        Supplier<Setup> setup = BY_NAME.get(name);
        if (setup == null) {
            throw new IllegalArgumentException("unknown setup '" + name + "': choose one of "
                    + String.join(", ", names()));
        }
        return setup.get();
    }

    /** seed-000: randn + 10·randn, a sum of independent normals: N(0, (1 + 10²)·I). */
    private static Setup noClusters() {
        double variance = 1.0 + 10.0 * 10.0;
        GaussianMixture mixture = GaussianMixture.of(new double[] {1.0}, new double[][] {{0, 0}},
                new double[][][] {{{variance, 0}, {0, variance}}});
        return new Setup("seed-000", "100 2-D points of randn + 10*randn, that is N(0, 101 I): one blob, no clusters",
                mixture, 100, new int[0]);
    }

    /** seed-003: 200 points at [−2, 2] with covariance 3·I, 200 at [2, −2] with covariance I. */
    private static Setup twoClusters() {
        GaussianMixture mixture = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{-2, 2}, {2, -2}},
                new double[][][] {{{3, 0}, {0, 3}}, identity2()});
        return new Setup("seed-003", "two 2-D clusters of 200 points, at [-2,2] with covariance 3 I and at [2,-2]"
                + " with covariance I", mixture, 400, new int[] {200, 200});
    }

    /** seed-001: three unit-covariance blobs of 100 points each. */
    private static Setup threeUnitBlobs() {
        double third = 1.0 / 3.0;
        GaussianMixture mixture = GaussianMixture.of(
                new double[] {third, third, third},
                new double[][] {{5, 5}, {0, 0}, {8, 1}},
                new double[][][] {identity2(), identity2(), identity2()});
        return new Setup("seed-001", "three 2-D unit-covariance blobs at [5,5], [0,0], [8,1], 100 points each",
                mixture, 300, new int[] {100, 100, 100});
    }

    /** seed-002: 1,500 points with priors 0.2 / 0.5 / 0.3. */
    private static Setup unequalPriors() {
        GaussianMixture mixture = GaussianMixture.of(
                new double[] {0.2, 0.5, 0.3},
                new double[][] {{-4, -5}, {0, 0}, {4, 5}},
                new double[][][] {identity2(), identity2(), identity2()});
        int[] counts = {300, 750, 450}; // the priors times 1,500
        return new Setup("seed-002", "1,500 2-D points at [-4,-5], [0,0], [4,5], identity covariances,"
                + " priors 0.2/0.5/0.3 (300/750/450 points)", mixture, 1500, counts);
    }

    /**
     * seed-004: two univariate normals, 70% / 30%, components drawn at random. A's mean 222 and share 0.7
     * are the notebook's; A's standard deviation and B's mean and standard deviation are chosen (see the
     * class comment).
     */
    private static Setup univariateHeights() {
        GaussianMixture mixture = GaussianMixture.of(
                new double[] {0.7, 0.3},
                new double[][] {{222}, {285}},
                new double[][][] {{{10.0 * 10.0}}, {{25.0 * 25.0}}});
        return new Setup("seed-004", "10,000 1-D points, 70% from N(222, 10^2) and 30% from N(285, 25^2)",
                mixture, 10_000, new int[0]);
    }

    /**
     * seed-004-collapse: the notebook's first part, d = 1, N = 100,000, K = 2. The weights are the true
     * weights the notebook printed, [0.62537085, 0.37462915]; the means and variances are one draw of the
     * notebook's {@code xmax·2·(rand − 0.5)} and {@code randn²} (NumPy's {@code default_rng(4)}, rounded to
     * three decimals), since the notebook did not print its own.
     */
    private static Setup univariateCollapse() {
        GaussianMixture mixture = GaussianMixture.of(
                new double[] {0.62537085, 0.37462915},
                new double[][] {{8.861}, {0.227}},
                new double[][][] {{{2.768}}, {{0.434}}});
        return new Setup("seed-004-collapse", "100,000 1-D points, 62.5% from N(8.861, 2.768) and 37.5% from"
                + " N(0.227, 0.434) (variances)", mixture, 100_000, new int[0]);
    }

    private static double[][] identity2() {
        return new double[][] {{1, 0}, {0, 1}};
    }
}
