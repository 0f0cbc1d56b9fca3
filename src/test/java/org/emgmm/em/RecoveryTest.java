package org.emgmm.em;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.emgmm.data.MixtureSampler;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.Test;

/**
 * EM recovers the mixture that drew the data: 20,000 points from three well-separated 2-D components,
 * fitted from k-means starts, give back the true weights, means and covariances within the sampling
 * error of the data, once the fitted components are matched to the true ones (EM's labels are arbitrary:
 * "label switching").
 *
 * <p>Tolerances come from the standard errors of the sample estimates, with nₖ = N πₖ points in
 * component k: √(πₖ(1 − πₖ)/N) for a weight, √(Σⱼⱼ/nₖ) for a mean entry, and √((ΣᵢᵢΣⱼⱼ + Σᵢⱼ²)/nₖ) for
 * a covariance entry (the variance of a sample covariance of normal data). Each check allows
 * {@link #STANDARD_ERRORS} of them: far beyond chance for 21 numbers, far below the size of any real
 * mistake (a swapped component, a missing weight, σ for σ²).
 */
class RecoveryTest {

    /** How many standard errors a recovered parameter may be from the truth. */
    private static final double STANDARD_ERRORS = 6.0;

    private static final int POINTS = 20_000;

    private static final GaussianMixture TRUTH = GaussianMixture.of(new double[] {0.5, 0.3, 0.2},
            new double[][] {{0, 0}, {8, 2}, {-3, 9}},
            new double[][][] {{{1.0, 0.3}, {0.3, 2.0}}, {{2.0, -0.8}, {-0.8, 1.0}}, {{0.5, 0.0}, {0.0, 0.5}}});

    @Test
    void twentyThousandPointsGiveTheTrueParametersBackWithinTheirSamplingError() {
        for (long seed = 1; seed <= 3; seed++) {
            var sample = MixtureSampler.sample(TRUTH, POINTS, seed);
            GaussianMixture start = Initialisation.kMeans(sample.data(), 3, seed, EmSettings.DEFAULT_REG_COVAR);
            EmResult fit = new VectorisedEm().fit(sample.data(), start, EmSettings.defaults());
            int[] match = bestMatch(TRUTH, fit.model());
            for (int k = 0; k < 3; k++) {
                check(TRUTH, fit.model(), match[k], k, "seed " + seed);
            }
        }
    }

    /**
     * The same for each constrained covariance type: data drawn from the truth made diagonal, spherical or
     * tied, fitted with that type. The full type's standard errors serve as the tolerance: a constrained
     * estimate pools more data per number (spherical over D variances, tied over all components), so its
     * sampling error is at most the full one's.
     */
    @Test
    void eachCovarianceTypeGivesItsTrueParametersBack() {
        long seed = 4;
        for (CovarianceType type : List.of(CovarianceType.DIAG, CovarianceType.SPHERICAL, CovarianceType.TIED)) {
            GaussianMixture truth = TRUTH.constrainedTo(type);
            var sample = MixtureSampler.sample(truth, POINTS, seed);
            GaussianMixture start = Initialisation.kMeans(sample.data(), 3, seed, EmSettings.DEFAULT_REG_COVAR)
                    .constrainedTo(type);
            EmResult fit = new VectorisedEm().fit(sample.data(), start, EmSettings.defaults());
            assertEquals(type, fit.model().covarianceType());
            int[] match = bestMatch(truth, fit.model());
            for (int k = 0; k < 3; k++) {
                check(truth, fit.model(), match[k], k, type.label());
            }
        }
    }

    /** For each true component, the fitted one that matches it: the permutation with the closest means. */
    private static int[] bestMatch(GaussianMixture truth, GaussianMixture fitted) {
        int[] best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int[] permutation : permutations(3)) {
            double distance = 0.0;
            for (int k = 0; k < 3; k++) {
                double[] a = truth.mean(k);
                double[] b = fitted.mean(permutation[k]);
                distance += (a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]);
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = permutation;
            }
        }
        return best;
    }

    private static void check(GaussianMixture truth, GaussianMixture fitted, int f, int k, String run) {
        double pi = truth.weight(k);
        double n = POINTS * pi;
        String what = run + ", component " + k + " (fitted " + f + ")";
        within(fitted.weight(f), pi, Math.sqrt(pi * (1 - pi) / POINTS), what + " weight");
        double[][] sigma = truth.covarianceMatrix(k);
        for (int i = 0; i < 2; i++) {
            within(fitted.mean(f)[i], truth.mean(k)[i], Math.sqrt(sigma[i][i] / n), what + " mean " + i);
            for (int j = 0; j < 2; j++) {
                double error = Math.sqrt((sigma[i][i] * sigma[j][j] + sigma[i][j] * sigma[i][j]) / n);
                within(fitted.covarianceMatrix(f)[i][j], sigma[i][j], error, what + " covariance " + i + "," + j);
            }
        }
    }

    private static void within(double actual, double expected, double standardError, String what) {
        assertTrue(Math.abs(actual - expected) <= STANDARD_ERRORS * standardError, what + ": " + actual + ", true "
                + expected + ", standard error " + standardError);
    }

    private static List<int[]> permutations(int n) {
        List<int[]> all = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, all);
        return all;
    }

    private static void permute(int[] current, boolean[] used, int position, List<int[]> all) {
        if (position == current.length) {
            all.add(current.clone());
            return;
        }
        for (int v = 0; v < current.length; v++) {
            if (!used[v]) {
                used[v] = true;
                current[position] = v;
                permute(current, used, position + 1, all);
                used[v] = false;
            }
        }
    }
}
