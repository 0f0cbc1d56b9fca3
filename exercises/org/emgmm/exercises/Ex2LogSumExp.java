package org.emgmm.exercises;

/**
 * Exercise 2: log-sum-exp, the sum of numbers known only by their logarithms.
 *
 * <h2>Task</h2>
 * Given a₁ … aₙ, compute log Σⱼ exp(aⱼ) without overflow or underflow, by factoring out the largest:
 * <pre>
 *   m = maxⱼ aⱼ
 *   log Σⱼ exp(aⱼ) = m + log Σⱼ exp(aⱼ − m)
 * </pre>
 * Every exp(aⱼ − m) is at most 1 and the largest is exactly 1, so the sum lies in [1, n]: it can
 * neither overflow nor become 0. When every aⱼ is −∞ (all the numbers are 0), the answer is
 * log 0 = −∞; an empty array also sums to 0, so its answer is −∞ too.
 *
 * <p>Then {@link #normalise}: turn logarithms of unnormalised probabilities into probabilities,
 * pⱼ = exp(aⱼ − log Σₗ exp(aₗ)). This is exactly how an E-step turns log πₖ + log N(xᵢ | μₖ, Σₖ) into
 * the responsibilities of point i (exercise 4).
 *
 * <h2>Common mistakes</h2>
 * <ul>
 *   <li><b>Leaving log space to add.</b> {@code Math.log(sum of Math.exp(a[j]))} overflows to ∞ for
 *       aⱼ = 1000 and underflows to log 0 = −∞ for aⱼ = −1000. The second is the one that bites:
 *       seed 003's E-step, {@code r[:, j] = compute_gauss(X, mu[j], Sigma[j])} followed by
 *       {@code r /= np.sum(r, axis=1, keepdims=True)}, divides 0 by 0 for any point far from every
 *       component, and one NaN responsibility turns every mean and covariance into NaN one step
 *       later.</li>
 *   <li><b>Shifting by the wrong number.</b> Shifting by a₁ (or the mean) instead of the maximum
 *       keeps the overflow: exp(aⱼ − a₁) is huge when some aⱼ is much larger than a₁. And when a₁ is
 *       −∞, aⱼ − a₁ is +∞ and everything becomes NaN.</li>
 *   <li><b>Forgetting to add m back</b>, or treating −∞ entries as errors: a component whose weight
 *       is 0 has log-weight −∞, and it simply contributes nothing to the sum.</li>
 *   <li><b>Starting the running maximum from a[0].</b> An empty array has no a[0], and throws where
 *       its answer is −∞. Start the maximum at −∞ instead: it then also covers the empty array.</li>
 * </ul>
 *
 * <h2>Read</h2>
 * Murphy, MLAPP, §3.5.3 ("the log-sum-exp trick"); Bishop, PRML, §9.2 (the responsibilities, eq.
 * (9.23), are such a normalisation).
 *
 * <h2>Check</h2>
 * {@code mvn test -Dexercise=2}
 */
public final class Ex2LogSumExp {

    private Ex2LogSumExp() {
    }

    /**
     * log Σⱼ exp(a[j]): finite whenever some a[j] is finite, −∞ when every a[j] is −∞ or there is none.
     *
     * @param a the logarithms aⱼ; entries may be −∞. Not modified.
     */
    public static double logSumExp(double[] a) {
        throw new UnsupportedOperationException("TODO: m + log Σⱼ exp(a[j] − m) with m the largest a[j], and −∞ when "
                + "every a[j] is −∞, see Murphy MLAPP §3.5.3");
    }

    /**
     * pⱼ = exp(a[j] − log Σₗ exp(a[l])): non-negative, summing to 1. At least one a[j] must be finite.
     *
     * @param a the logarithms of unnormalised probabilities; entries may be −∞. Not modified.
     * @return a new array of the same length
     */
    public static double[] normalise(double[] a) {
        throw new UnsupportedOperationException("TODO: p[j] = exp(a[j] − logSumExp(a)), see Bishop PRML eq. 9.23");
    }
}
