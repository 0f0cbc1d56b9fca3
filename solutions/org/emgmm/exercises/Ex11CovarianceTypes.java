package org.emgmm.exercises;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Initialisation;
import org.emgmm.em.Responsibilities;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;

/**
 * Exercise 11: covariance types, and choosing K and the type together by BIC.
 *
 * <h2>Task</h2>
 * A full covariance has D(D+1)/2 free numbers per component: with few points, or many dimensions,
 * that is a lot to estimate. The covariance types (scikit-learn's {@code covariance_type}, mclust's
 * model names) constrain the shape of every Σₖ, and so cost fewer parameters:
 * <pre>
 *   type       what it assumes                                   Σₖ
 *   full       nothing: each cluster any ellipse                 any symmetric positive-definite matrix
 *   diag       each cluster's axes along the coordinate axes     diag(σ²ₖ₁, …, σ²ₖD)
 *   spherical  each cluster round, with a size of its own        σ²ₖ I
 *   tied       every cluster the same ellipse, moved about       Σ, the same for every k
 * </pre>
 * The M-step keeps πₖ = Nₖ/N and μₖ = (1/Nₖ) Σᵢ r[i][k] xᵢ of exercise 5, and starts from the same
 * weighted scatter around the new mean, Sₖ = (1/Nₖ) Σᵢ r[i][k] (xᵢ − μₖ)(xᵢ − μₖ)ᵀ. Maximising the
 * expected complete-data log-likelihood with the constraint in place keeps the part of Sₖ the type
 * allows (set the derivative to zero with respect to the free numbers only):
 * <pre>
 *   full       Σₖ = Sₖ                                 + regCovar · I
 *   diag       Σₖ = diag(Sₖ)   (off-diagonal 0)        + regCovar · I
 *   spherical  Σₖ = (trace(Sₖ) / D) · I                + regCovar · I      the mean of the D variances
 *   tied       Σ  = (Σₖ Nₖ Sₖ) / (Σₖ Nₖ)               + regCovar · I      once, for the one shared matrix
 * </pre>
 * Tied pools the scatter of all the points around their own component's mean: component k holds Nₖ
 * of the points, so its Sₖ counts Nₖ times.
 *
 * <p>Write {@link #constrain} (the table above, from given Nₖ and Sₖ), {@link #mStep} (the whole
 * M-step of one type), {@link #freeParameters} and {@link #choose}:
 * <pre>
 *   p = (K − 1) + K·D + c       K − 1 weights (they sum to 1), K means of D, and c covariance numbers:
 *   c = K·D(D+1)/2  full    K·D  diag    K  spherical    D(D+1)/2  tied
 *   BIC = −2 L(θ̂) + p log N     (lower is better, as in exercise 9)
 * </pre>
 * with L(θ̂) the total log-likelihood of the fit ({@link EmResult#logLikelihood()}).
 * {@link #choose} fits every K from {@code minComponents} to {@code maxComponents} and, for each K,
 * every type in the order of {@code CovarianceType.values()} (full, diag, spherical, tied), and returns
 * the pair with the lowest BIC (the first one met on a tie). Each fit starts from
 * {@link Initialisation#randomPoints Initialisation.randomPoints(data, K, seed)}, whose covariances
 * are full: turn it into a start of the type with your own {@link #constrain}, using the weights πₖ
 * in place of the counts Nₖ and regCovar 0, and build it with {@code GaussianMixture.ofFlat(type, …)}.
 * The algorithm fits the type of the start it is given.
 *
 * <p><b>Why fewer parameters can win.</b> A more flexible model always fits at least as well: full
 * contains tied, diag and spherical, so its L(θ̂) is never lower on the same data (from a good start).
 * But if the data really come from a tied mixture, full's extra (K − 1)·D(D+1)/2 numbers only fit the
 * noise of this sample: they raise L by about one half per number, while BIC charges each log N
 * (about 6 for N = 500). Tied then has the lower BIC, and it is also the better model for new data.
 *
 * <h2>Common mistakes</h2>
 * <ul>
 *   <li><b>Spherical from the whole matrix.</b> σ² is the mean of the D variances on the diagonal,
 *       trace(Sₖ)/D, not the mean of all D² entries (the covariances do not belong in it); and not
 *       the trace alone: forgetting to divide by D makes every variance D times too large.</li>
 *   <li><b>Tied as a plain average</b> (1/K) Σₖ Sₖ. A component with 10 points would count as much as
 *       one with 1,000. Weight each Sₖ by Nₖ and divide by Σₖ Nₖ.</li>
 *   <li><b>reg-covar once per component for tied.</b> Adding regCovar to each Sₖ before pooling is
 *       fine (the weights Nₖ / Σⱼ Nⱼ sum to one), but adding it to the shared matrix in a loop over k adds
 *       K · regCovar. It goes once onto the one matrix.</li>
 *   <li><b>Off-diagonals left in for diag.</b> diag(Sₖ) is a new matrix with zeros off the diagonal,
 *       not Sₖ with its diagonal touched.</li>
 *   <li><b>Counting tied as K covariances</b>, K·D(D+1)/2: the K components share one matrix, so it is
 *       counted once. Likewise <b>spherical counted D per component</b> (that is diag's K·D): one σ²ₖ
 *       per component, K in all.</li>
 *   <li><b>The start left full.</b> The algorithm fits the type of the start it is handed: a full
 *       start gives a full fit, whatever type the loop is at, and BIC then charges the type's count
 *       for what is a full fit.</li>
 * </ul>
 *
 * <h2>Read</h2>
 * The scikit-learn user guide, "Gaussian mixture models" (its {@code covariance_type} and the BIC
 * example that chooses K and the type together); Murphy, MLAPP, §11.4.2 (the M-step); Fraley and
 * Raftery, "Model-based clustering, discriminant analysis, and density estimation", JASA 2002
 * (mclust's model names: EII spherical with equal volume, VII spherical, VVI diag, EEE tied, VVV
 * full). In the library, {@code org.emgmm.model.CovarianceType}'s comment lists
 * the shapes and {@code org.emgmm.selection} how {@code select} searches K and the type: read them
 * once yours works, to compare.
 *
 * <h2>Check</h2>
 * {@code mvn test -Dexercise=11}
 */
public final class Ex11CovarianceTypes {

    private Ex11CovarianceTypes() {
    }

    /**
     * What {@link #choose} returns: the number of components and the covariance type with the lowest BIC.
     *
     * @param components K
     * @param type       the covariance type
     */
    public record Choice(int components, CovarianceType type) {
    }

    /**
     * The covariances of one type from each component's count and weighted scatter (the table of the
     * class comment), with regCovar on every diagonal.
     *
     * @param type      the covariance type
     * @param counts    Nₖ for each of the K components, all &gt; 0. Not modified.
     * @param scatters  K·D·D values, Sₖ[a][b] = {@code scatters[(k * D + a) * D + b]}. Not modified.
     * @param dimension D
     * @param regCovar  added to each diagonal entry of each result (once)
     * @return K·D·D values in the same layout, a new array (for tied, the shared Σ K times)
     */
    public static double[] constrain(CovarianceType type, double[] counts, double[] scatters, int dimension,
            double regCovar) {
        int k = counts.length;
        int d = dimension;
        double[] result = new double[k * d * d];
        if (type == CovarianceType.TIED) {
            // Σ = (Σₖ Nₖ Sₖ) / (Σₖ Nₖ) + regCovar · I, one matrix for every component
            double[] shared = new double[d * d];
            double total = 0.0;
            for (int c = 0; c < k; c++) {
                total += counts[c];
                for (int e = 0; e < d * d; e++) {
                    shared[e] += counts[c] * scatters[c * d * d + e];
                }
            }
            for (int e = 0; e < d * d; e++) {
                shared[e] /= total;
            }
            for (int a = 0; a < d; a++) {
                shared[a * d + a] += regCovar;
            }
            for (int c = 0; c < k; c++) {
                System.arraycopy(shared, 0, result, c * d * d, d * d);
            }
            return result;
        }
        for (int c = 0; c < k; c++) {
            int base = c * d * d;
            if (type == CovarianceType.FULL) {
                // Σₖ = Sₖ
                System.arraycopy(scatters, base, result, base, d * d);
            } else if (type == CovarianceType.DIAG) {
                // Σₖ = diag(Sₖ): the variances, zeros elsewhere
                for (int a = 0; a < d; a++) {
                    result[base + a * d + a] = scatters[base + a * d + a];
                }
            } else {
                // Σₖ = (trace(Sₖ) / D) · I: the mean of the D variances, on every diagonal entry
                double trace = 0.0;
                for (int a = 0; a < d; a++) {
                    trace += scatters[base + a * d + a];
                }
                for (int a = 0; a < d; a++) {
                    result[base + a * d + a] = trace / d;
                }
            }
            for (int a = 0; a < d; a++) {
                result[base + a * d + a] += regCovar;
            }
        }
        return result;
    }

    /**
     * The M-step for one covariance type: πₖ = Nₖ/N, μₖ = (1/Nₖ) Σᵢ r[i][k] xᵢ, the scatter Sₖ around the
     * new μₖ, then {@link #constrain}. The tests give no empty component: every Nₖ is well above 0.
     *
     * @param type     the covariance type of the result
     * @param data     N×D. Not modified.
     * @param r        the N×K responsibilities of an E-step. Not modified.
     * @param regCovar added to each new covariance's diagonal
     * @return the new parameters, built with {@code GaussianMixture.ofFlat(type, K, D, …)}
     */
    public static GaussianMixture mStep(CovarianceType type, DataMatrix data, Responsibilities r, double regCovar) {
        int n = data.rows();
        int d = data.columns();
        int k = r.components();
        double[] counts = new double[k];
        double[] weights = new double[k];
        double[] means = new double[k * d];
        double[] scatters = new double[k * d * d];
        for (int c = 0; c < k; c++) {
            // Nₖ = Σᵢ r[i][k],  πₖ = Nₖ / N
            for (int i = 0; i < n; i++) {
                counts[c] += r.get(i, c);
            }
            weights[c] = counts[c] / n;
            // μₖ = (1/Nₖ) Σᵢ r[i][k] xᵢ
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < d; a++) {
                    means[c * d + a] += r.get(i, c) * data.get(i, a) / counts[c];
                }
            }
            // Sₖ = (1/Nₖ) Σᵢ r[i][k] (xᵢ − μₖ)(xᵢ − μₖ)ᵀ, around the new μₖ
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        scatters[(c * d + a) * d + b] += r.get(i, c) * (data.get(i, a) - means[c * d + a])
                                * (data.get(i, b) - means[c * d + b]) / counts[c];
                    }
                }
            }
        }
        double[] covariances = constrain(type, counts, scatters, d, regCovar);
        return GaussianMixture.ofFlat(type, k, d, weights, means, covariances);
    }

    /**
     * p = (K − 1) + K·D + c, c the free covariance numbers of the type (see the class comment).
     *
     * @param type       the covariance type
     * @param components K
     * @param dimension  D
     * @return the free parameters of a K-component, D-dimensional mixture of that type
     */
    public static int freeParameters(CovarianceType type, int components, int dimension) {
        int k = components;
        int d = dimension;
        int symmetric = d * (d + 1) / 2;           // one symmetric D×D matrix
        int covariance = switch (type) {
            case FULL -> k * symmetric;            // K matrices
            case DIAG -> k * d;                    // K diagonals
            case SPHERICAL -> k;                   // K variances σ²ₖ
            case TIED -> symmetric;                // one matrix, shared
        };
        return (k - 1) + k * d + covariance;
    }

    /**
     * The K in [minComponents, maxComponents] and the covariance type whose fit has the lowest BIC: K
     * ascending, and for each K the types in the order of {@code CovarianceType.values()}; the first
     * pair met wins a tie. Each fit starts from {@code Initialisation.randomPoints(data, K, seed)},
     * constrained to the type by {@link #constrain} (weights for counts, regCovar 0).
     *
     * @param data          N×D. Not modified.
     * @param minComponents the smallest K to try, ≥ 1
     * @param maxComponents the largest K to try, ≥ minComponents and ≤ N
     * @param algorithm     fits each start (of the start's type)
     * @param settings      for every fit
     * @param seed          the seed of every start
     * @return the chosen K and type
     */
    public static Choice choose(DataMatrix data, int minComponents, int maxComponents, EmAlgorithm algorithm,
            EmSettings settings, long seed) {
        Choice best = null;
        double lowest = Double.POSITIVE_INFINITY;
        int d = data.columns();
        for (int k = minComponents; k <= maxComponents; k++) {
            GaussianMixture full = Initialisation.randomPoints(data, k, seed);
            for (CovarianceType type : CovarianceType.values()) {
                // the same start, its covariances constrained to the type (πₖ standing in for Nₖ)
                double[] covariances = constrain(type, full.weights(), full.flatCovariances(), d, 0.0);
                GaussianMixture start = GaussianMixture.ofFlat(type, k, d, full.weights(), full.flatMeans(),
                        covariances);
                EmResult fit = algorithm.fit(data, start, settings);
                // BIC = −2 L(θ̂) + p log N
                double bic = -2.0 * fit.logLikelihood() + freeParameters(type, k, d) * Math.log(fit.points());
                if (bic < lowest) {
                    lowest = bic;
                    best = new Choice(k, type);
                }
            }
        }
        return best;
    }
}
