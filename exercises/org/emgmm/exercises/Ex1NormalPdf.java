package org.emgmm.exercises;

/**
 * Exercise 1: the univariate normal density, and its logarithm.
 *
 * <h2>Task</h2>
 * Write the density of the normal distribution with mean μ and variance σ², and its natural
 * logarithm:
 * <pre>
 *   N(x | μ, σ²)     = 1 / √(2π σ²) · exp(−(x − μ)² / (2σ²))
 *   log N(x | μ, σ²) = −½ log(2π σ²) − (x − μ)² / (2σ²)
 * </pre>
 * Both take the <em>variance</em> σ² (as {@code GaussianMixture} stores it), not the standard
 * deviation. You may assume σ² &gt; 0.
 *
 * <h2>Common mistakes</h2>
 * <ul>
 *   <li><b>Standard deviation where the variance belongs, or the other way round.</b> SciPy's
 *       {@code norm(loc=A_mean, scale=A_sd)} (seed 004) takes the standard deviation; the covariance
 *       matrices of the other seeds hold variances. Passing one where the other is expected gives a
 *       density that integrates to 1 but is the wrong one, and nothing crashes.</li>
 *   <li><b>The logarithm of the density.</b> {@code Math.log(pdf(x, mean, variance))} looks right
 *       and fails in the tails: 40 standard deviations out, exp(−800) is below the smallest
 *       double, the density is 0, and its logarithm is −∞, while the true log-density, about −800.9,
 *       is a perfectly ordinary number. Expand the logarithm by hand instead; EM works with
 *       log-densities for exactly this reason (exercises 2 to 4).</li>
 *   <li><b>Dropping the constant.</b> −½ log(2π σ²) is not a constant once σ² is being fitted: it
 *       is what stops a component from shrinking its variance for free.</li>
 * </ul>
 *
 * <h2>Read</h2>
 * Bishop, <i>Pattern Recognition and Machine Learning</i> (PRML), §1.2.4, eq. (1.46); Murphy,
 * <i>Machine Learning: a Probabilistic Perspective</i> (MLAPP), §2.4.1.
 *
 * <h2>Check</h2>
 * {@code mvn test -Dexercise=1}
 */
public final class Ex1NormalPdf {

    private Ex1NormalPdf() {
    }

    /**
     * N(x | μ, σ²).
     *
     * @param x        the point
     * @param mean     μ
     * @param variance σ² &gt; 0
     */
    public static double pdf(double x, double mean, double variance) {
        throw new UnsupportedOperationException("TODO: N(x | μ, σ²) = exp(−(x − μ)² / (2σ²)) / √(2πσ²), see Bishop "
                + "PRML eq. 1.46");
    }

    /**
     * log N(x | μ, σ²), finite for every finite x however far from μ.
     *
     * @param x        the point
     * @param mean     μ
     * @param variance σ² &gt; 0
     */
    public static double logPdf(double x, double mean, double variance) {
        throw new UnsupportedOperationException("TODO: −½ log(2πσ²) − (x − μ)² / (2σ²), expanded by hand (not the log "
                + "of pdf), see Bishop PRML eq. 1.46");
    }
}
