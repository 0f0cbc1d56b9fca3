package org.emgmm.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.MixtureSampler;
import org.emgmm.data.Sizes;
import org.emgmm.em.Initialisation;
import org.emgmm.model.GaussianMixture;

/**
 * One timing case: N points in D dimensions drawn from a well-separated mixture of K full-covariance
 * Gaussians, and one start that every implementation begins from. Everything comes from the seed, so the
 * same case is the same work on any machine, and {@code bench --export} can hand it to other libraries.
 *
 * <p>The true mixture, from the seed:
 * <pre>
 *   μₖ  ~ uniform in [−S, S]^D,  S = {@value #SPREAD}   means far apart against unit-scale covariances
 *   Σₖ  = A Aᵀ / D + ½ I,        A[a][b] ~ N(0, 1)       full, positive-definite, eigenvalues ≳ ½
 *   πₖ  = equal
 * </pre>
 * The start is {@link Initialisation#randomPoints}: K data points as means, the data covariance, equal
 * weights.
 *
 * @param name a short name ({@code b}, {@code c}, ... for the reference cases, {@code custom} otherwise)
 * @param n    N, the number of points
 * @param d    D, the dimension
 * @param k    K, the number of components
 * @param seed the seed of the true mixture, the points and the start
 */
public record BenchCase(String name, int n, int d, int k, long seed) {

    /** Half the side of the box the true means are drawn from: wide enough to keep components apart. */
    static final double SPREAD = 10.0;

    /** The seed of the reference cases. */
    public static final long REFERENCE_SEED = 2026;

    /** The reference cases, by name: the shapes the README's table reports. */
    public static final Map<String, BenchCase> REFERENCE = referenceCases();

    /**
     * Checks the sizes.
     *
     * @param name a short name
     * @param n    N ≥ K
     * @param d    D ≥ 1
     * @param k    K ≥ 1
     * @param seed the seed of everything drawn
     * @throws IllegalArgumentException if a size is below 1 or N &lt; K
     * @throws ArithmeticException if N·max(D, K) or K·D·D (the covariances) does not fit in one array
     */
    public BenchCase {
        if (n < 1 || d < 1 || k < 1) {
            throw new IllegalArgumentException("a case needs n, d and k of at least 1, got n=" + n + ", d=" + d
                    + ", k=" + k);
        }
        if (n < k) {
            throw new IllegalArgumentException("a case needs at least as many points as components, got n=" + n
                    + ", k=" + k);
        }
        // The data (N·D), the responsibilities (N·K) and the covariances (K·D·D) must each fit in one array.
        // In long: D = 46,341 or 65,536 wraps D·D in an int. D·D ≤ 2³¹ once checked, so K·D·D < 2⁶² cannot
        // overflow a long.
        long perPoint = (long) n * Math.max(d, k);
        long perComponent = (long) d * d;
        if (perPoint > Sizes.MAX_ARRAY || perComponent > Sizes.MAX_ARRAY || k * perComponent > Sizes.MAX_ARRAY) {
            throw new ArithmeticException("the points (N·D), responsibilities (N·K) and covariances (K·D²) must"
                    + " each fit in one Java array of at most " + Sizes.count(Sizes.MAX_ARRAY) + " numbers");
        }
    }

    private static Map<String, BenchCase> referenceCases() {
        Map<String, BenchCase> cases = new LinkedHashMap<>();
        for (BenchCase c : List.of(
                new BenchCase("b", 100_000, 2, 3, REFERENCE_SEED),
                new BenchCase("c", 100_000, 10, 5, REFERENCE_SEED),
                new BenchCase("d", 1_000_000, 2, 3, REFERENCE_SEED),
                new BenchCase("e", 20_000, 50, 4, REFERENCE_SEED))) {
            cases.put(c.name(), c);
        }
        return java.util.Collections.unmodifiableMap(cases);
    }

    /** {@return "N×D, K=…" as the tables print it, e.g. "100,000×2, K=3"} */
    public String shape() {
        return String.format("%,d×%d, K=%d", n, d, k);
    }

    /** {@return the mixture the points are drawn from, drawn anew from the seed on each call} */
    public GaussianMixture truth() {
        SplittableRandom random = new SplittableRandom(seed);
        double[] weights = new double[k];
        double[] means = new double[k * d];
        double[] covariances = new double[k * d * d];
        double[] a = new double[d * d];
        for (int c = 0; c < k; c++) {
            weights[c] = 1.0 / k;
            for (int j = 0; j < d; j++) {
                means[c * d + j] = SPREAD * (2.0 * random.nextDouble() - 1.0);
            }
            for (int index = 0; index < d * d; index++) {
                a[index] = random.nextGaussian();
            }
            for (int row = 0; row < d; row++) {
                for (int col = 0; col < d; col++) {
                    double sum = 0.0;                          // (A Aᵀ)[row][col]
                    for (int m = 0; m < d; m++) {
                        sum += a[row * d + m] * a[col * d + m];
                    }
                    covariances[(c * d + row) * d + col] = sum / d + (row == col ? 0.5 : 0.0);
                }
            }
        }
        return GaussianMixture.ofFlat(k, d, weights, means, covariances);
    }

    /** {@return the N×D points, drawn anew from the seed on each call} */
    public DataMatrix data() {
        return sample().data();
    }

    /** {@return the N points and the component each was drawn from} */
    public MixtureSampler.Sample sample() {
        return MixtureSampler.sample(truth(), n, seed + 1);
    }

    /**
     * The start every implementation begins from.
     *
     * @param data the case's points ({@link #data()})
     * @return θ₀ by random points, from the case's seed
     */
    public GaussianMixture start(DataMatrix data) {
        return Initialisation.randomPoints(data, k, seed + 2);
    }
}
