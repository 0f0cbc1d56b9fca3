package org.emgmm.data;

import java.io.IOException;
import java.util.SplittableRandom;
import org.emgmm.linalg.Cholesky;
import org.emgmm.model.GaussianMixture;

/**
 * Draws synthetic data from a known mixture, with a seed: the same mixture, N and seed give the same
 * points, bit for bit.
 * <pre>
 *   zᵢ ~ Categorical(π)          the component of point i
 *   xᵢ = μ_{zᵢ} + L_{zᵢ} εᵢ        εᵢ ~ N(0, I),  Σ = L Lᵀ
 * </pre>
 */
public final class MixtureSampler {

    private MixtureSampler() {
    }

    /**
     * N points and the component each came from.
     *
     * @param data       the N×D points
     * @param components the component (0-based) each point was drawn from, N entries
     */
    public record Sample(DataMatrix data, int[] components) {
        /**
         * Copies the components, so that the sample cannot be changed from outside.
         *
         * @param data       the N×D points
         * @param components N component indices. Copied.
         */
        public Sample {
            components = components.clone();
        }

        /** {@return a copy of the N component indices} */
        @Override
        public int[] components() {
            return components.clone();
        }
    }

    /**
     * Draws N points from {@code mixture}, each component chosen with probability πₖ.
     *
     * @param mixture the mixture to draw from
     * @param n       N, at least 1
     * @param seed    the seed: the same seed gives the same points
     * @return the points, with default column names, and their components
     * @throws DataException if N is below 1
     */
    public static Sample sample(GaussianMixture mixture, int n, long seed) {
        if (n < 1) {
            throw new DataException("the number of points must be at least 1, got " + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = drawComponent(mixture, random.nextDouble());
        }
        return new Sample(drawPoints(mixture, labels, random), labels);
    }

    /** Receives the points of {@link #forEachPoint} one by one. */
    @FunctionalInterface
    public interface PointSink {
        /**
         * Takes one point.
         *
         * @param point     the point's D coordinates; the array is reused for the next point
         * @param component the component it was drawn from
         * @throws IOException if writing the point out fails
         */
        void accept(double[] point, int component) throws IOException;
    }

    /**
     * Draws the same N points as {@link #sample} with the same seed, bit for bit, but hands them over one
     * at a time instead of holding them all, so that N is limited by time, not memory. {@code sample}
     * draws all N components first and then the points from the same generator; here a second generator
     * with the same seed skips the N component draws and then draws the points, so the numbers are the
     * same.
     *
     * @param mixture the mixture to draw from
     * @param n       N, at least 1
     * @param seed    the seed, as for {@link #sample}
     * @param sink    receives each point and its component, in order
     * @throws IOException if the sink throws it
     * @throws DataException if N is below 1
     */
    public static void forEachPoint(GaussianMixture mixture, int n, long seed, PointSink sink) throws IOException {
        if (n < 1) {
            throw new DataException("the number of points must be at least 1, got " + n);
        }
        SplittableRandom components = new SplittableRandom(seed);
        SplittableRandom points = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            points.nextDouble();
        }
        double[] point = new double[mixture.dimension()];
        double[] epsilon = new double[mixture.dimension()];
        for (int i = 0; i < n; i++) {
            int k = drawComponent(mixture, components.nextDouble());
            drawPoint(mixture, k, points, epsilon, point);
            sink.accept(point, k);
        }
    }

    /**
     * Draws exactly {@code counts[k]} points from component k, in component order (seed 001's and
     * seed 002's fixed-size blobs, e.g. 300/750/450 for priors 0.2/0.5/0.3 of 1,500).
     *
     * @param mixture the mixture to draw from; its weights are not used
     * @param counts  K counts, how many points each component gives
     * @param seed    the seed: the same seed gives the same points
     * @return Σₖ counts[k] points, component 0's first, and their components
     * @throws DataException if there are not K counts
     */
    public static Sample sampleCounts(GaussianMixture mixture, int[] counts, long seed) {
        if (counts.length != mixture.components()) {
            throw new DataException("expected " + mixture.components() + " counts, got " + counts.length);
        }
        int n = 0;
        for (int count : counts) {
            n += count;
        }
        int[] labels = new int[n];
        int next = 0;
        for (int k = 0; k < counts.length; k++) {
            for (int c = 0; c < counts[k]; c++) {
                labels[next++] = k;
            }
        }
        return new Sample(drawPoints(mixture, labels, new SplittableRandom(seed)), labels);
    }

    private static int drawComponent(GaussianMixture mixture, double u) {
        double cumulative = 0.0;
        for (int k = 0; k < mixture.components() - 1; k++) {
            cumulative += mixture.weight(k);
            if (u < cumulative) {
                return k;
            }
        }
        return mixture.components() - 1;
    }

    private static DataMatrix drawPoints(GaussianMixture mixture, int[] labels, SplittableRandom random) {
        int d = mixture.dimension();
        double[] values = new double[labels.length * d];
        double[] epsilon = new double[d];
        double[] point = new double[d];
        for (int i = 0; i < labels.length; i++) {
            drawPoint(mixture, labels[i], random, epsilon, point);
            System.arraycopy(point, 0, values, i * d, d);
        }
        return new DataMatrix(labels.length, d, values, null);
    }

    /** One point of component k into {@code point}: x = μₖ + Lₖ ε, ε ~ N(0, I). */
    private static void drawPoint(GaussianMixture mixture, int k, SplittableRandom random, double[] epsilon,
            double[] point) {
        int d = mixture.dimension();
        Cholesky factor = mixture.cholesky(k);
        for (int j = 0; j < d; j++) {
            epsilon[j] = random.nextGaussian();
        }
        for (int a = 0; a < d; a++) {
            // x[a] = μ[a] + Σ_{b ≤ a} L[a][b] ε[b]
            double x = mixture.mean(k, a);
            for (int b = 0; b <= a; b++) {
                x += factor.lower(a, b) * epsilon[b];
            }
            point[a] = x;
        }
    }
}
