package org.emgmm.testing;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.MixtureSampler;
import org.emgmm.em.Initialisation;
import org.emgmm.model.GaussianMixture;

/**
 * Random, well-conditioned inputs for the property tests, drawn from a {@link SplittableRandom} so
 * that a seed fixes everything.
 *
 * <p>A {@link Scenario} is a true mixture, data sampled from it with {@link MixtureSampler#sample},
 * and a starting point for EM. The mixtures are chosen so that EM behaves: a property that fails on
 * them points at the implementation, not at an ill-posed fit.
 * <ul>
 *   <li>D in 1..6 and K in 1..5 (narrowed by a {@link Spec}).</li>
 *   <li>Covariances Q diag(λ) Qᵀ with Q a random rotation and every eigenvalue λ in
 *       [{@value #MIN_EIGENVALUE}, {@value #MAX_EIGENVALUE}]: condition number at most 10.</li>
 *   <li>Means at least {@value #SEPARATION} apart (over 3.4 standard deviations in every direction,
 *       since no standard deviation exceeds √3), around a random centre in [−10, 10]^D, so the
 *       components are distinguishable.</li>
 *   <li>Weights drawn in [1, 3] before normalising: no weight is below a third of another, and none
 *       is near 0.</li>
 *   <li>N between {@link #minimumPoints} and {@value #MAX_POINTS}.</li>
 *   <li>Starts: {@link Initialisation#randomPoints} with a drawn seed, or the true mixture perturbed.</li>
 * </ul>
 *
 * <p>Why a lower bound on N. Each component has D + D(D+1)/2 free parameters, and its weighted
 * covariance is a sum of rank-one terms: with fewer than D + 1 points behind it, it is singular, and
 * with barely more it is badly conditioned, so a fit without regularisation (reg-covar 0, which the
 * monotonicity and scatter properties need) would fail for reasons that say nothing about the
 * implementation. So N ≥ max(5, 3·K·(D+1)), three points per component per coordinate-plus-one, and
 * also N ≥ 4·(D+1)/π_min, so that even the lightest component expects 4·(D+1) points. With the weight
 * and shape bounds above this never exceeds {@value #MAX_POINTS}. A sample whose lightest component
 * got fewer than 2·(D+1) points anyway is redrawn.
 */
public final class Generators {

    public static final double MIN_EIGENVALUE = 0.3;
    public static final double MAX_EIGENVALUE = 3.0;
    public static final double SEPARATION = 6.0;
    public static final int MAX_POINTS = 400;

    private Generators() {
    }

    /** Which shapes to draw: D in [minDimension, maxDimension], K in [minComponents, maxComponents]. */
    public record Spec(int minDimension, int maxDimension, int minComponents, int maxComponents) {

        /** D in 1..6, K in 1..5. */
        public static Spec multivariate() {
            return new Spec(1, 6, 1, 5);
        }

        /** D = 1, K in 1..5. */
        public static Spec univariate() {
            return new Spec(1, 1, 1, 5);
        }

        /** The multivariate or univariate spec. */
        public static Spec of(boolean univariate) {
            return univariate ? univariate() : multivariate();
        }

        public Spec withComponents(int min, int max) {
            return new Spec(minDimension, maxDimension, min, max);
        }

        public Spec withDimensions(int min, int max) {
            return new Spec(min, max, minComponents, maxComponents);
        }
    }

    /** How a scenario's start was chosen. */
    public enum StartKind {
        RANDOM_POINTS("random-points"),
        PERTURBED_TRUTH("perturbed-truth");

        private final String label;

        StartKind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * A true mixture, data drawn from it, and a start for EM with the same K and D.
     *
     * @param truth     the mixture the data came from
     * @param data      N points
     * @param start     θ₀ for EM
     * @param startKind how θ₀ was chosen
     */
    public record Scenario(GaussianMixture truth, DataMatrix data, GaussianMixture start, StartKind startKind) {

        public int dimension() {
            return data.columns();
        }

        public int components() {
            return start.components();
        }

        public int points() {
            return data.rows();
        }

        /** e.g. {@code D=3 K=2 N=120 start=random-points}: the shape, for display names. */
        @Override
        public String toString() {
            return "D=" + dimension() + " K=" + components() + " N=" + points() + " start=" + startKind;
        }
    }

    /** A scenario of the spec's shapes, with a start of a randomly chosen kind. */
    public static Scenario scenario(SplittableRandom random, Spec spec) {
        int d = between(random, spec.minDimension(), spec.maxDimension());
        int k = between(random, spec.minComponents(), spec.maxComponents());
        GaussianMixture truth = mixture(random, d, k);
        DataMatrix data = sample(random, truth);
        StartKind kind = random.nextBoolean() ? StartKind.RANDOM_POINTS : StartKind.PERTURBED_TRUTH;
        GaussianMixture start = kind == StartKind.RANDOM_POINTS
                ? Initialisation.randomPoints(data, k, random.nextLong())
                : perturbed(random, truth);
        return new Scenario(truth, data, start, kind);
    }

    /**
     * A scenario whose start has {@code fitComponents} components chosen by random points, whatever
     * the true K (e.g. fitting one Gaussian to data from several).
     */
    public static Scenario scenarioFitting(SplittableRandom random, Spec spec, int fitComponents) {
        int d = between(random, spec.minDimension(), spec.maxDimension());
        int k = between(random, spec.minComponents(), spec.maxComponents());
        GaussianMixture truth = mixture(random, d, k);
        DataMatrix data = sample(random, truth);
        GaussianMixture start = Initialisation.randomPoints(data, fitComponents, random.nextLong());
        return new Scenario(truth, data, start, StartKind.RANDOM_POINTS);
    }

    /**
     * Two components with weights {@code heavy} and 1 − heavy, means {@code 2·SEPARATION} apart,
     * N in [200, 400], started from the true means and covariances with equal weights: a fit that
     * updates the weights must move them far from ½.
     */
    public static Scenario unequalPair(SplittableRandom random, int d, double heavy) {
        double[] centre = uniformVector(random, d, -10.0, 10.0);
        double[] direction = unitVector(random, d);
        double[] means = new double[2 * d];
        for (int j = 0; j < d; j++) {
            means[j] = centre[j] - SEPARATION * direction[j];
            means[d + j] = centre[j] + SEPARATION * direction[j];
        }
        double[] covariances = new double[2 * d * d];
        System.arraycopy(spdMatrix(random, d, MIN_EIGENVALUE, MAX_EIGENVALUE), 0, covariances, 0, d * d);
        System.arraycopy(spdMatrix(random, d, MIN_EIGENVALUE, MAX_EIGENVALUE), 0, covariances, d * d, d * d);
        GaussianMixture truth = GaussianMixture.ofFlat(2, d, new double[] {heavy, 1.0 - heavy}, means, covariances);
        DataMatrix data = MixtureSampler.sample(truth, between(random, 200, MAX_POINTS), random.nextLong()).data();
        GaussianMixture start = GaussianMixture.ofFlat(2, d, new double[] {0.5, 0.5}, means, covariances);
        return new Scenario(truth, data, start, StartKind.PERTURBED_TRUTH);
    }

    /** A random well-conditioned mixture of K components in D dimensions (see the class comment). */
    public static GaussianMixture mixture(SplittableRandom random, int d, int k) {
        double[] weights = new double[k];
        double sum = 0.0;
        for (int c = 0; c < k; c++) {
            weights[c] = 1.0 + 2.0 * random.nextDouble();
            sum += weights[c];
        }
        for (int c = 0; c < k; c++) {
            weights[c] /= sum;
        }
        double[] means = separatedMeans(random, d, k);
        double[] covariances = new double[k * d * d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(spdMatrix(random, d, MIN_EIGENVALUE, MAX_EIGENVALUE), 0, covariances, c * d * d, d * d);
        }
        return GaussianMixture.ofFlat(k, d, weights, means, covariances);
    }

    /** N ≥ max(5, 3·K·(D+1), 4·(D+1)/π_min), capped at {@value #MAX_POINTS}: see the class comment. */
    public static int minimumPoints(GaussianMixture mixture) {
        int d = mixture.dimension();
        int k = mixture.components();
        double lightest = Arrays.stream(mixture.weights()).min().orElseThrow();
        int bound = Math.max(5, Math.max(3 * k * (d + 1), (int) Math.ceil(4.0 * (d + 1) / lightest)));
        return Math.min(bound, MAX_POINTS);
    }

    /**
     * Data from {@code truth}: N uniform in [{@link #minimumPoints}, {@value #MAX_POINTS}], redrawn
     * (with a new sampling seed) while the lightest component got fewer than 2·(D+1) points.
     */
    public static DataMatrix sample(SplittableRandom random, GaussianMixture truth) {
        int n = between(random, minimumPoints(truth), MAX_POINTS);
        int needed = 2 * (truth.dimension() + 1);
        MixtureSampler.Sample sample;
        do {
            sample = MixtureSampler.sample(truth, n, random.nextLong());
        } while (smallestCount(sample.components(), truth.components()) < needed);
        return sample.data();
    }

    private static int smallestCount(int[] labels, int k) {
        int[] counts = new int[k];
        for (int label : labels) {
            counts[label]++;
        }
        return Arrays.stream(counts).min().orElseThrow();
    }

    /**
     * The true mixture, nudged: each mean moved by N(0, 0.5²) per coordinate, each covariance scaled
     * by a factor in [0.6, 1.6], and the weights pulled halfway towards uniform.
     */
    public static GaussianMixture perturbed(SplittableRandom random, GaussianMixture truth) {
        int d = truth.dimension();
        int k = truth.components();
        double[] weights = new double[k];
        double[] means = truth.flatMeans();
        double[] covariances = truth.flatCovariances();
        for (int c = 0; c < k; c++) {
            weights[c] = 0.5 * truth.weight(c) + 0.5 / k;
            for (int j = 0; j < d; j++) {
                means[c * d + j] += 0.5 * random.nextGaussian();
            }
            double factor = 0.6 + random.nextDouble();
            for (int index = c * d * d; index < (c + 1) * d * d; index++) {
                covariances[index] *= factor;
            }
        }
        return GaussianMixture.ofFlat(k, d, weights, means, covariances);
    }

    /**
     * The true weights and means, each with the whole data's covariance: broad, overlapping components
     * with unequal weights, where every responsibility depends on the weights (the truth itself may
     * separate its components so well that the weights barely matter).
     */
    public static GaussianMixture broadened(GaussianMixture truth, DataMatrix data) {
        int d = truth.dimension();
        int k = truth.components();
        double[] covariance = Reference.sampleCovariance(data);
        double[] covariances = new double[k * d * d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(covariance, 0, covariances, c * d * d, d * d);
        }
        return GaussianMixture.ofFlat(k, d, truth.weights(), truth.flatMeans(), covariances);
    }

    /** The models an E-step property is checked at: the start, the truth, and the broadened truth. */
    public static List<GaussianMixture> eStepModels(Scenario scenario) {
        return List.of(scenario.start(), scenario.truth(), broadened(scenario.truth(), scenario.data()));
    }

    /**
     * K means around a random centre in [−10, 10]^D, pairwise at least {@value #SEPARATION} apart, by
     * rejection in a box that grows when it is too crowded.
     */
    public static double[] separatedMeans(SplittableRandom random, int d, int k) {
        double[] centre = uniformVector(random, d, -10.0, 10.0);
        double halfWidth = SEPARATION * (1.0 + 0.5 * k);
        double[] means = new double[k * d];
        int placed = 0;
        int attempts = 0;
        while (placed < k) {
            double[] candidate = uniformVector(random, d, -halfWidth, halfWidth);
            for (int j = 0; j < d; j++) {
                candidate[j] += centre[j];
            }
            if (farFromAll(candidate, means, placed, d)) {
                System.arraycopy(candidate, 0, means, placed * d, d);
                placed++;
            } else if (++attempts % 100 == 0) {
                halfWidth *= 1.5;
            }
        }
        return means;
    }

    private static boolean farFromAll(double[] candidate, double[] means, int count, int d) {
        for (int c = 0; c < count; c++) {
            double squared = 0.0;
            for (int j = 0; j < d; j++) {
                double diff = candidate[j] - means[c * d + j];
                squared += diff * diff;
            }
            if (squared < SEPARATION * SEPARATION) {
                return false;
            }
        }
        return true;
    }

    /**
     * A symmetric positive-definite d×d matrix Q diag(λ) Qᵀ with Q a random rotation and each λ
     * uniform in [minEigenvalue, maxEigenvalue]; exactly symmetric (lower triangle mirrored).
     */
    public static double[] spdMatrix(SplittableRandom random, int d, double minEigenvalue, double maxEigenvalue) {
        double[] eigenvalues = new double[d];
        for (int j = 0; j < d; j++) {
            eigenvalues[j] = minEigenvalue + (maxEigenvalue - minEigenvalue) * random.nextDouble();
        }
        return withEigenvalues(rotation(random, d), eigenvalues);
    }

    /** Q diag(λ) Qᵀ for an orthogonal d×d Q, exactly symmetric. λ may hold any signs. */
    public static double[] withEigenvalues(double[] q, double[] eigenvalues) {
        int d = eigenvalues.length;
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0.0;
                for (int m = 0; m < d; m++) {
                    sum += q[i * d + m] * eigenvalues[m] * q[j * d + m];
                }
                a[i * d + j] = sum;
                a[j * d + i] = sum;
            }
        }
        return a;
    }

    /** A random orthogonal d×d matrix: Gram–Schmidt on the columns of a Gaussian matrix. */
    public static double[] rotation(SplittableRandom random, int d) {
        double[] q = new double[d * d];
        for (int column = 0; column < d; column++) {
            double[] v;
            double norm;
            do {
                v = new double[d];
                for (int i = 0; i < d; i++) {
                    v[i] = random.nextGaussian();
                }
                // Two passes of Gram–Schmidt keep the columns orthogonal to rounding.
                for (int pass = 0; pass < 2; pass++) {
                    for (int previous = 0; previous < column; previous++) {
                        double dot = 0.0;
                        for (int i = 0; i < d; i++) {
                            dot += v[i] * q[i * d + previous];
                        }
                        for (int i = 0; i < d; i++) {
                            v[i] -= dot * q[i * d + previous];
                        }
                    }
                }
                norm = 0.0;
                for (double value : v) {
                    norm += value * value;
                }
                norm = Math.sqrt(norm);
            } while (norm < 1e-6);
            for (int i = 0; i < d; i++) {
                q[i * d + column] = v[i] / norm;
            }
        }
        return q;
    }

    /** A uniformly random permutation of 0..n−1 (Fisher–Yates). */
    public static int[] permutation(SplittableRandom random, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** d values uniform in [low, high). */
    public static double[] uniformVector(SplittableRandom random, int d, double low, double high) {
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = random.nextDouble(low, high);
        }
        return v;
    }

    /** A uniformly random direction in D dimensions. */
    public static double[] unitVector(SplittableRandom random, int d) {
        double[] v = new double[d];
        double norm;
        do {
            norm = 0.0;
            for (int j = 0; j < d; j++) {
                v[j] = random.nextGaussian();
                norm += v[j] * v[j];
            }
            norm = Math.sqrt(norm);
        } while (norm < 1e-6);
        for (int j = 0; j < d; j++) {
            v[j] /= norm;
        }
        return v;
    }

    /** An integer uniform in [low, high]. */
    public static int between(SplittableRandom random, int low, int high) {
        return low + random.nextInt(high - low + 1);
    }
}
