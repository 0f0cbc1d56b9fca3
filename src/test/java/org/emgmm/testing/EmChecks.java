package org.emgmm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmResult;
import org.emgmm.em.Responsibilities;
import org.emgmm.linalg.Cholesky;
import org.emgmm.model.GaussianMixture;

/**
 * The checks behind the EM contract, one method per property, each failing with an
 * {@link AssertionError} that says what was expected. The contract suite
 * ({@code org.emgmm.contract.EmContract}) runs them on random cases; the seed-bug regression test
 * ({@code org.emgmm.em.SeedBugRegressionTest}) runs them on deliberately broken implementations to show
 * that they catch the seed notebooks' bugs.
 *
 * <p>Every expected value is computed here or in {@link Reference}, independently of the library's
 * E- and M-steps.
 */
public final class EmChecks {

    /** How far a row of responsibilities may sum from 1: a few roundings of K ≤ 5 terms. */
    public static final double ROW_SUM_TOLERANCE = 1e-12;

    /**
     * How far a responsibility may be from Bayes' rule. Log-space implementations agree to about 1e-15;
     * the explicit-pdf one forms Σ⁻¹ and exp(−½q) directly and loses a few more digits.
     */
    public static final double BAYES_TOLERANCE = 1e-9;

    /** Relative tolerance of a log-likelihood against Σᵢ log p(xᵢ): rounding only. */
    public static final double LOG_LIKELIHOOD_TOLERANCE = 1e-10;

    /** How far the weights may sum from 1, and stray from Nₖ/N. */
    public static final double WEIGHT_TOLERANCE = 1e-12;

    /** Relative tolerance of an M-step against the weighted mean and scatter computed here. */
    public static final double SCATTER_TOLERANCE = 1e-10;

    /** How far fitted weights may be from the true ones, and how far they must move from the start. */
    public static final double WEIGHT_MOVEMENT = 0.15;

    private EmChecks() {
    }

    /** Every entry of r is in [0, 1] and every row sums to 1 within {@link #ROW_SUM_TOLERANCE}. */
    public static void responsibilitiesAreDistributions(Responsibilities r, int points, int components) {
        assertEquals(points, r.points(), "rows of the responsibilities");
        assertEquals(components, r.components(), "columns of the responsibilities");
        for (int i = 0; i < points; i++) {
            double sum = 0.0;
            for (int k = 0; k < components; k++) {
                double value = r.get(i, k);
                if (!(value >= 0.0 && value <= 1.0)) {
                    fail("r[" + i + "][" + k + "] = " + value + " is not in [0, 1]");
                }
                sum += value;
            }
            if (!(Math.abs(sum - 1.0) <= ROW_SUM_TOLERANCE)) {
                fail("row " + i + " of the responsibilities sums to " + sum + ", not 1 (tolerance "
                        + ROW_SUM_TOLERANCE + ")");
            }
        }
    }

    /**
     * The responsibilities are Bayes' rule, r[i][k] = πₖ N(xᵢ | μₖ, Σₖ) / Σⱼ πⱼ N(xᵢ | μⱼ, Σⱼ), within
     * {@link #BAYES_TOLERANCE}. Catches an E-step that leaves out the mixing weights (seed 003), as
     * soon as the weights are unequal and some point is not already claimed by one component.
     */
    public static void responsibilitiesFollowBayesRule(Responsibilities r, DataMatrix data, GaussianMixture model) {
        double[] expected = Reference.responsibilities(model, data);
        int k = model.components();
        for (int i = 0; i < data.rows(); i++) {
            for (int c = 0; c < k; c++) {
                double difference = Math.abs(r.get(i, c) - expected[i * k + c]);
                if (!(difference <= BAYES_TOLERANCE)) {
                    fail("r[" + i + "][" + c + "] = " + r.get(i, c) + " but Bayes' rule gives " + expected[i * k + c]
                            + " (πₖ N(xᵢ | μₖ, Σₖ) / Σⱼ πⱼ N(xᵢ | μⱼ, Σⱼ), weights " + arrayText(model.weights()) + ")");
                }
            }
        }
    }

    /**
     * A log-likelihood is L(θ) = Σᵢ log Σₖ πₖ N(xᵢ | μₖ, Σₖ), within {@link #LOG_LIKELIHOOD_TOLERANCE}
     * relative. Catches a log-likelihood built from the responsibilities (seed 001), whose rows sum to
     * 1 and so have lost the densities.
     */
    public static void logLikelihoodIsSumOfLogDensities(double logLikelihood, DataMatrix data, GaussianMixture model) {
        double expected = Reference.logLikelihood(model, data);
        assertRelativelyClose(expected, logLikelihood, LOG_LIKELIHOOD_TOLERANCE,
                "log-likelihood L(θ) against Σᵢ log p(xᵢ | θ)");
    }

    /** The E-step's log-likelihood is Σᵢ log p(xᵢ | θ) (see {@link #logLikelihoodIsSumOfLogDensities}). */
    public static void logLikelihoodIsSumOfLogDensities(EStep step, DataMatrix data, GaussianMixture model) {
        logLikelihoodIsSumOfLogDensities(step.logLikelihood(), data, model);
    }

    /**
     * After an M-step, πₖ = Nₖ / N with Nₖ = Σᵢ r[i][k] summed here, within {@link #WEIGHT_TOLERANCE}.
     * Catches an M-step that never updates the weights (seed 004).
     */
    public static void weightsAreEffectiveCounts(GaussianMixture next, Responsibilities r) {
        int n = r.points();
        for (int k = 0; k < r.components(); k++) {
            double nk = 0.0;
            for (int i = 0; i < n; i++) {
                nk += r.get(i, k);
            }
            double difference = Math.abs(next.weight(k) - nk / n);
            if (!(difference <= WEIGHT_TOLERANCE)) {
                fail("weight of component " + k + " is " + next.weight(k) + " after the M-step, but Nₖ/N = " + nk + "/"
                        + n + " = " + (nk / n));
            }
        }
    }

    /**
     * A fit from equal weights on data with unequal true weights ends with every weight within
     * {@link #WEIGHT_MOVEMENT} of the truth, and some weight at least {@link #WEIGHT_MOVEMENT} away from
     * where it started. Components must correspond by index (start near the truth). Catches weights that
     * are never updated (seed 004): they stay where they started.
     */
    public static void weightsFollowTheData(EmResult result, GaussianMixture truth, GaussianMixture start) {
        double[] fitted = result.model().weights();
        double largestMove = 0.0;
        for (int k = 0; k < fitted.length; k++) {
            largestMove = Math.max(largestMove, Math.abs(fitted[k] - start.weight(k)));
            if (!(Math.abs(fitted[k] - truth.weight(k)) <= WEIGHT_MOVEMENT)) {
                fail("fitted weight of component " + k + " is " + fitted[k] + ", but the data came with weight "
                        + truth.weight(k) + " (fitted " + arrayText(fitted) + ", true " + arrayText(truth.weights())
                        + ", start " + arrayText(start.weights()) + ")");
            }
        }
        if (!(largestMove >= WEIGHT_MOVEMENT)) {
            fail("the weights moved at most " + largestMove + " from the start " + arrayText(start.weights())
                    + " to " + arrayText(fitted) + ", though the true weights are " + arrayText(truth.weights()));
        }
    }

    /** Σπₖ = 1 within {@link #WEIGHT_TOLERANCE}, each πₖ in [0, 1]. */
    public static void weightsSumToOne(GaussianMixture model) {
        double sum = 0.0;
        for (int k = 0; k < model.components(); k++) {
            double w = model.weight(k);
            assertTrue(w >= 0.0 && w <= 1.0, () -> "weight " + w + " not in [0, 1]");
            sum += w;
        }
        double total = sum;
        assertTrue(Math.abs(total - 1.0) <= WEIGHT_TOLERANCE,
                () -> "weights sum to " + total + ", not 1 (tolerance " + WEIGHT_TOLERANCE + ")");
    }

    /** Every Σₖ is symmetric (to 1e-12 of its largest entry) and has a Cholesky factor. */
    public static void covariancesSymmetricPositiveDefinite(GaussianMixture model) {
        int d = model.dimension();
        for (int k = 0; k < model.components(); k++) {
            double[] sigma = model.covariance(k);
            double scale = Reference.maxAbs(sigma);
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < a; b++) {
                    double difference = Math.abs(sigma[a * d + b] - sigma[b * d + a]);
                    if (!(difference <= 1e-12 * scale)) {
                        fail("covariance of component " + k + " is not symmetric at [" + a + "][" + b + "]: "
                                + sigma[a * d + b] + " vs " + sigma[b * d + a]);
                    }
                }
            }
            int component = k;
            assertTrue(Cholesky.decompose(sigma, d).isPresent(),
                    () -> "covariance of component " + component + " has no Cholesky factor");
        }
    }

    /**
     * The M-step from responsibilities r (reg-covar {@code regCovar}) gives, for every non-empty k,
     * μₖ = Σᵢ r[i][k] xᵢ / Nₖ and Σₖ = YᵀY / Nₖ + regCovar·I with Yᵢ = √r[i][k] (xᵢ − μₖ): the
     * empirical covariance of the √r-weighted centred rows, computed here with a matrix product.
     */
    public static void mStepIsWeightedScatter(GaussianMixture next, DataMatrix data, Responsibilities r,
            double regCovar) {
        int n = data.rows();
        int d = data.columns();
        for (int k = 0; k < r.components(); k++) {
            double nk = 0.0;
            double[] mean = new double[d];
            for (int i = 0; i < n; i++) {
                nk += r.get(i, k);
                for (int j = 0; j < d; j++) {
                    mean[j] += r.get(i, k) * data.get(i, j);
                }
            }
            if (nk < 1e-6) {
                continue; // nearly empty: the mean is rounding noise divided by almost nothing
            }
            for (int j = 0; j < d; j++) {
                mean[j] /= nk;
            }
            double[] y = new double[n * d];
            for (int i = 0; i < n; i++) {
                double root = Math.sqrt(r.get(i, k));
                for (int j = 0; j < d; j++) {
                    y[i * d + j] = root * (data.get(i, j) - mean[j]);
                }
            }
            double[] scatter = Reference.multiply(Reference.transpose(y, n, d), y, d, n, d);
            for (int index = 0; index < d * d; index++) {
                scatter[index] /= nk;
            }
            for (int a = 0; a < d; a++) {
                scatter[a * d + a] += regCovar;
            }
            assertVectorsClose(mean, next.mean(k), SCATTER_TOLERANCE, "mean of component " + k
                    + " against Σᵢ r[i][k] xᵢ / Nₖ");
            assertVectorsClose(scatter, next.covariance(k), SCATTER_TOLERANCE, "covariance of component " + k
                    + " against YᵀY/Nₖ + regCovar·I, Yᵢ = √r[i][k] (xᵢ − μₖ)");
        }
    }

    /** trace[t] ≥ trace[t−1] − 1e-10·max(1, |trace[t−1]|) for every t. */
    public static void traceNeverDecreases(double[] trace) {
        for (int t = 1; t < trace.length; t++) {
            double slack = 1e-10 * Math.max(1.0, Math.abs(trace[t - 1]));
            if (!(trace[t] >= trace[t - 1] - slack)) {
                fail("the mean log-likelihood decreased at iteration " + t + ": " + trace[t - 1] + " -> " + trace[t]
                        + " (by " + (trace[t - 1] - trace[t]) + ")");
            }
        }
    }

    /**
     * Two mixtures agree: |a − b| ≤ tolerance·max(1, scale) entry by entry, where scale is the
     * largest magnitude of the quantity compared (the weights; a component's mean; a component's
     * covariance) in either mixture.
     */
    public static void sameMixture(GaussianMixture expected, GaussianMixture actual, double tolerance, String what) {
        assertEquals(expected.components(), actual.components(), what + ": components");
        assertEquals(expected.dimension(), actual.dimension(), what + ": dimension");
        assertVectorsClose(expected.weights(), actual.weights(), tolerance, what + ": weights");
        for (int k = 0; k < expected.components(); k++) {
            assertVectorsClose(expected.mean(k), actual.mean(k), tolerance, what + ": mean of component " + k);
            assertVectorsClose(expected.covariance(k), actual.covariance(k), tolerance,
                    what + ": covariance of component " + k);
        }
    }

    /** |eᵢ − aᵢ| ≤ tolerance·max(1, max|e|, max|a|) for every i. */
    public static void assertVectorsClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = Math.max(1.0, Math.max(Reference.maxAbs(expected), Reference.maxAbs(actual)));
        for (int i = 0; i < expected.length; i++) {
            double difference = Math.abs(expected[i] - actual[i]);
            if (!(difference <= tolerance * scale)) {
                fail(what + ": entry " + i + " is " + actual[i] + ", expected " + expected[i] + " (difference "
                        + difference + " > " + tolerance + " × " + scale + ")\n  expected " + arrayText(expected)
                        + "\n  actual   " + arrayText(actual));
            }
        }
    }

    /** |e − a| ≤ tolerance·max(1, |e|). */
    public static void assertRelativelyClose(double expected, double actual, double tolerance, String what) {
        double difference = Math.abs(expected - actual);
        double bound = tolerance * Math.max(1.0, Math.abs(expected));
        if (!(difference <= bound)) {
            fail(what + ": got " + actual + ", expected " + expected + " (difference " + difference + " > " + bound + ")");
        }
    }

    private static String arrayText(double[] values) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return text.append(']').toString();
    }
}
