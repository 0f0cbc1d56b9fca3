package org.emgmm.exercises;

import org.emgmm.em.EmptyComponents;
import org.emgmm.model.GaussianMixture;

/**
 * Exercise 7: EM for one-dimensional data, in scalars: seed 004 done right.
 *
 * <h2>Task</h2>
 * The whole algorithm with no vectors or matrices: K weights πₖ, means μₖ and variances σₖ², read
 * from a one-dimensional {@link GaussianMixture} with {@code weight(k)}, {@code mean(k, 0)} and
 * {@code covariance(k, 0, 0)}, and built back with {@code GaussianMixture.ofFlat(K, 1, weights,
 * means, variances)}. One iteration ({@link #step}) is
 * <pre>
 *   E:  log ρ[i][k] = log πₖ − ½ log(2π σₖ²) − (xᵢ − μₖ)² / (2σₖ²)
 *       r[i][k]     = exp(log ρ[i][k] − log Σⱼ exp(log ρ[i][j]))
 *   M:  Nₖ = Σᵢ r[i][k],   πₖ = Nₖ / N,   μₖ = (1/Nₖ) Σᵢ r[i][k] xᵢ,
 *       σₖ² = (1/Nₖ) Σᵢ r[i][k] (xᵢ − μₖ)² + regCovar
 * </pre>
 * with the empty-component rule of exercise 5: when Nₖ &lt; {@link EmptyComponents#THRESHOLD}, πₖ =
 * Nₖ/N but μₖ and σₖ² stay as they were. {@link #logLikelihood} is L(θ) = Σᵢ log Σₖ πₖ N(xᵢ | μₖ, σₖ²),
 * also through log-sum-exp, and {@link #fit} runs a fixed number of iterations. Write it
 * self-contained (you may call your exercises 1 and 2, but the tests are fairer to you if a slip
 * there does not spread here).
 *
 * <h2>Common mistakes</h2>
 * <ul>
 *   <li><b>Weights that are never updated</b> (seed 004, second half):
 *       {@code p_A = 0.3*norm(loc=A_mean, scale=A_sd).pdf(X)} and {@code p_B = 0.7*norm(...)} fix
 *       the weights for all 5000 iterations, the wrong way round (the data has {@code pa = 0.7}).
 *       The means and variances then bend to make up for weights they cannot change, and the fit
 *       never says how the data splits between the two groups, which is often the question. Update
 *       πₖ = Nₖ/N every iteration.</li>
 *   <li><b>A weight that collapses</b> (seed 004, first half): after 100 iterations the notebook
 *       prints {@code estimate_pi_k = array([5.81471929e-20, 1.00000000e+00])}: one component has
 *       lost every point. Its start was drawn without looking at the data, and its densities are
 *       multiplied outside log space. A weight near 0 is a correct update of a bad situation, not
 *       a reason to stop updating the weights: start near the data (exercise 8), work in log
 *       space, and let the empty-component rule keep the lost component's parameters finite.</li>
 *   <li><b>Standard deviations and variances mixed up</b> (see exercise 1): the notebook updates
 *       {@code A_sd = np.sqrt(...)}, which is right for SciPy's {@code scale}; here the model holds
 *       σ², so do not take the square root.</li>
 *   <li><b>Densities for far points</b>: a point 40 standard deviations from every mean gets
 *       density 0 from every component and 0/0 responsibilities. In log space it is just far.</li>
 *   <li><b>No empty-component rule.</b> A component 30 standard deviations from every point has
 *       responsibilities near e^−450: Nₖ is tiny but not 0, and Σ r x / Nₖ moves its mean onto the
 *       nearest point with a variance of almost nothing; 10⁶ away they are exactly 0, and the mean
 *       is 0/0. Below the threshold, keep μₖ and σₖ² as they were.</li>
 * </ul>
 *
 * <h2>Read</h2>
 * Bishop, PRML, §9.2.2 (the same equations with D = 1); Murphy, MLAPP, §11.4.2. The library's
 * version is {@code org.emgmm.univariate.UnivariateEm}: try yours first.
 *
 * <h2>Check</h2>
 * {@code mvn test -Dexercise=7}
 */
public final class Ex7UnivariateEm {

    private static final double LOG_TWO_PI = Math.log(2.0 * Math.PI);

    private Ex7UnivariateEm() {
    }

    /**
     * L(θ) = Σᵢ log Σₖ πₖ N(xᵢ | μₖ, σₖ²).
     *
     * @param x     the N data values. Not modified.
     * @param model θ, one-dimensional
     */
    public static double logLikelihood(double[] x, GaussianMixture model) {
        requireOneDimension(model);
        int k = model.components();
        double[] logTerms = new double[k];
        double total = 0.0;
        for (double xi : x) {
            for (int c = 0; c < k; c++) {
                logTerms[c] = logWeightedDensity(xi, model, c);
            }
            total += logSumExp(logTerms);
        }
        return total;
    }

    /**
     * One EM iteration, an E-step on {@code model} and the M-step from its responsibilities.
     *
     * @param x        the N data values (N ≥ 1). Not modified.
     * @param model    θ, one-dimensional
     * @param regCovar added to every new variance
     * @return the new parameters
     */
    public static GaussianMixture step(double[] x, GaussianMixture model, double regCovar) {
        requireOneDimension(model);
        int n = x.length;
        int k = model.components();
        double[] r = new double[n * k];
        double[] logTerms = new double[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                logTerms[c] = logWeightedDensity(x[i], model, c);
            }
            double logNormaliser = logSumExp(logTerms);
            for (int c = 0; c < k; c++) {
                r[i * k + c] = Math.exp(logTerms[c] - logNormaliser);
            }
        }
        double[] weights = new double[k];
        double[] means = new double[k];
        double[] variances = new double[k];
        for (int c = 0; c < k; c++) {
            double nk = 0.0;
            double weightedSum = 0.0;
            for (int i = 0; i < n; i++) {
                nk += r[i * k + c];
                weightedSum += r[i * k + c] * x[i];
            }
            weights[c] = nk / n;
            if (EmptyComponents.isEmpty(nk)) {
                means[c] = model.mean(c, 0);
                variances[c] = model.covariance(c, 0, 0);
                continue;
            }
            means[c] = weightedSum / nk;
            double weightedSquares = 0.0;
            for (int i = 0; i < n; i++) {
                double deviation = x[i] - means[c];
                weightedSquares += r[i * k + c] * deviation * deviation;
            }
            variances[c] = weightedSquares / nk + regCovar;
        }
        return GaussianMixture.ofFlat(k, 1, weights, means, variances);
    }

    /**
     * {@code iterations} EM iterations from {@code start} (no convergence test).
     *
     * @param x          the N data values. Not modified.
     * @param start      θ₀, one-dimensional
     * @param iterations how many times to {@link #step}; 0 returns the start
     * @param regCovar   added to every new variance
     */
    public static GaussianMixture fit(double[] x, GaussianMixture start, int iterations, double regCovar) {
        GaussianMixture model = start;
        for (int t = 0; t < iterations; t++) {
            model = step(x, model, regCovar);
        }
        return model;
    }

    /** log πₖ + log N(x | μₖ, σₖ²). */
    private static double logWeightedDensity(double x, GaussianMixture model, int c) {
        double variance = model.covariance(c, 0, 0);
        double deviation = x - model.mean(c, 0);
        return Math.log(model.weight(c)) - 0.5 * (LOG_TWO_PI + Math.log(variance))
                - deviation * deviation / (2.0 * variance);
    }

    /** log Σⱼ exp(a[j]), shifting by the largest. */
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

    private static void requireOneDimension(GaussianMixture model) {
        if (model.dimension() != 1) {
            throw new IllegalArgumentException("univariate EM needs a one-dimensional mixture, got dimension "
                    + model.dimension());
        }
    }
}
