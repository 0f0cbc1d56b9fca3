package org.emgmm.exercises;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.Responsibilities;
import org.emgmm.model.GaussianMixture;

/**
 * Exercise 4: the E-step, with the right log-likelihood.
 *
 * <h2>Task</h2>
 * For parameters θ = (π, μ, Σ) and every point xᵢ and component k, compute in log space
 * <pre>
 *   log ρ[i][k]  = log πₖ + log N(xᵢ | μₖ, Σₖ)
 *   log p(xᵢ|θ)  = log Σⱼ exp(log ρ[i][j])                  (log-sum-exp)
 *   r[i][k]      = exp(log ρ[i][k] − log p(xᵢ|θ))           (the responsibilities)
 *   L(θ)         = Σᵢ log p(xᵢ|θ)                           (the log-likelihood)
 * </pre>
 * and return both as an {@link EStep}. Store r flat and row-major, {@code r[i][k] = values[i * K + k]},
 * and hand the array to {@link Responsibilities#wrap}, which takes it over: allocate a new one in every
 * call, so that the EStep you return stays as it is when eStep runs again (EM's M-step still reads it).
 *
 * <p>For log N(xᵢ | μₖ, Σₖ), which you wrote in exercise 3, use the library's
 * {@link GaussianMixture#logComponentDensity(int, double[])}, so that a slip there does not cost points
 * here. The log-sum-exp is yours to write again, with the max shift of exercise 2: the library's
 * {@code LogSumExp} may not be used in this exercise (the tests refuse it), because normalising the
 * rows is half of the E-step. A private helper method in this class is the tidy way. The
 * log-likelihood comes out of the same loop for free: it is the sum of the normalisers.
 *
 * <h2>Common mistakes</h2>
 * <ul>
 *   <li><b>Leaving out the mixing weights</b> (seed 003):
 *       {@code r[:, j] = compute_gauss(X, mu[j], Sigma[j])} has no {@code pi[j]}. The responsibilities
 *       are then those of a mixture with equal weights, whatever π says: the notebook starts from
 *       π = (0.1, 0.9) and that choice has no effect at all. Bayes' rule needs the prior πₖ times the
 *       likelihood N(xᵢ | μₖ, Σₖ).</li>
 *   <li><b>The log-likelihood from the responsibilities</b> (seed 001):
 *       {@code log_likelihood = np.sum(np.log(np.dot(responsibilities, weights)))}. Each row of r sums
 *       to 1, so Σₖ r[i][k] πₖ is a weighted average of the weights, at most maxₖ πₖ: no density
 *       appears anywhere, the number does not measure the fit, and it barely moves as EM improves
 *       the parameters, so the notebook's "Converged at iteration 16" says only that this number
 *       stopped moving. L(θ) is the sum of the <em>normalisers</em>
 *       log Σⱼ πⱼ N(xᵢ | μⱼ, Σⱼ), which the E-step has already computed.</li>
 *   <li><b>Densities instead of log-densities</b> (seeds 000 to 004 all do it):
 *       {@code weights[i] * multivariate_normal.pdf(...)} then dividing by the row sum gives 0/0 = NaN
 *       for a point far from every component. In log space the same point gets finite
 *       responsibilities, e.g. 1/(1 + e^49.5) and its complement for x = 50 between N(0, 1) and
 *       N(1, 1).</li>
 *   <li><b>The wrong θ for L.</b> L must belong to the parameters the responsibilities were computed
 *       from. Seed 001 evaluates its (wrong) formula after the M-step, mixing old responsibilities
 *       with new weights.</li>
 * </ul>
 *
 * <h2>Read</h2>
 * Bishop, PRML, §9.2, eqs. (9.13) and (9.23) for the responsibilities and (9.14), (9.28) for the
 * log-likelihood; Murphy, MLAPP, §11.4.2. The library's version is
 * {@code org.emgmm.loops.LoopsEm#eStep}: try yours first.
 *
 * <h2>Check</h2>
 * {@code mvn test -Dexercise=4}
 */
public final class Ex4EStep {

    private Ex4EStep() {
    }

    /**
     * The responsibilities of every component for every point under {@code model}, and L(θ).
     *
     * @param data  N×D. Not modified.
     * @param model θ, of dimension D. Not modified.
     * @return r (N×K, every row summing to 1) and L(θ) = Σᵢ log Σₖ πₖ N(xᵢ | μₖ, Σₖ); a fresh result, not
     *         shared with any other call's: a later call leaves it as it is
     */
    public static EStep eStep(DataMatrix data, GaussianMixture model) {
        int n = data.rows();
        int k = model.components();
        double[] r = new double[n * k];
        double[] logTerms = new double[k];
        double logLikelihood = 0.0;
        for (int i = 0; i < n; i++) {
            double[] x = data.row(i);
            for (int c = 0; c < k; c++) {
                // log ρ[i][k] = log πₖ + log N(xᵢ | μₖ, Σₖ)
                logTerms[c] = Math.log(model.weight(c)) + model.logComponentDensity(c, x);
            }
            // log p(xᵢ | θ) = log Σⱼ ρ[i][j]
            double logNormaliser = logSumExp(logTerms);
            for (int c = 0; c < k; c++) {
                r[i * k + c] = Math.exp(logTerms[c] - logNormaliser);
            }
            logLikelihood += logNormaliser;
        }
        return new EStep(Responsibilities.wrap(n, k, r), logLikelihood);
    }

    /**
     * log Σⱼ exp(aⱼ) = m + log Σⱼ exp(aⱼ − m), with m = maxⱼ aⱼ: the largest term becomes exp(0) = 1, so
     * nothing overflows and the sum is at least 1. When every term is −∞ (a point no component can
     * produce), so is the result.
     */
    private static double logSumExp(double[] a) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : a) {
            max = Math.max(max, value);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0.0;
        for (double value : a) {
            sum += Math.exp(value - max);
        }
        return max + Math.log(sum);
    }
}
