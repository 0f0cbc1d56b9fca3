package org.emgmm.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.model.GaussianMixture;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.Test;

/**
 * One test per seed notebook: each example, at its own default seed, against numbers derived from the
 * notebook's code, either by a derivation written beside the assertion or by a re-implementation of the
 * notebook's loop here, in plain arrays, independent of the package's EM.
 */
class NotebookExamplesTest {

    /** Relative agreement of two computations of the same sums in another order. */
    private static final double ROUNDING = 1e-9;

    private static DataMatrix data(NotebookExamples example) {
        return example.setup().draw(example.seed()).data();
    }

    private static GaussianMixture start(NotebookExamples example, DataMatrix data) {
        return example.start().apply(data, example.seed());
    }

    @Test
    void seed000StartsFromNpCovWhichDividesByNMinusOne() {
        NotebookExamples example = NotebookExamples.byName("seed-000");
        DataMatrix data = data(example);
        GaussianMixture start = start(example, data);
        int n = data.rows();
        // np.cov(data.T): Σᵢ (xᵢ − x̄)(xᵢ − x̄)ᵀ / (N − 1), computed here from its definition.
        double[] mean = new double[2];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 2; a++) {
                mean[a] += data.get(i, a) / n;
            }
        }
        double[] sampleCovariance = new double[4];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    sampleCovariance[a * 2 + b] += (data.get(i, a) - mean[a]) * (data.get(i, b) - mean[b]) / (n - 1);
                }
            }
        }
        for (int k = 0; k < 3; k++) {
            assertEquals(1.0 / 3, start.weight(k), 1e-15);
            for (int e = 0; e < 4; e++) {
                assertEquals(sampleCovariance[e], start.covariance(k)[e], ROUNDING * Math.abs(sampleCovariance[e]));
            }
            assertTrue(isRowOf(data, start.mean(k)), "mean " + k + " is one of the data points");
        }
        assertNotEquals(start.mean(0)[0], start.mean(1)[0], "np.random.choice(..., False): distinct points");
    }

    @Test
    void seed001TakesTheNotebooksToleranceOnTheTotalLogLikelihood() {
        NotebookExamples example = NotebookExamples.byName("seed-001");
        DataMatrix data = data(example);
        // The notebook's tol = 1e-6 applies to Σᵢ log p(xᵢ); ours is per point, so 1e-6 / N.
        assertEquals(1e-6, example.settings().tolerance() * data.rows(), 1e-6 * ROUNDING);
        GaussianMixture start = start(example, data);
        EmResult ours = new VectorisedEm().fit(data, start, example.settings());
        NotebookLoop loop = NotebookLoop.seed001(data, start, example.settings());
        assertEquals(loop.trueStop, ours.iterations(),
                "ours stops where |L(θₜ) − L(θₜ₋₁)| on the total first drops below 1e-6");
    }

    @Test
    void seed001AtItsDefaultSeedEndsWithAThirdInEachBlobAsTheNotebookPrinted() {
        NotebookExamples example = NotebookExamples.byName("seed-001");
        DataMatrix data = data(example);
        EmResult ours = new VectorisedEm().fit(data, start(example, data), example.settings());
        // The notebook printed weights 0.3333 / 0.3335 / 0.3332: 100 points a blob, and blobs at least 5 unit
        // standard deviations apart, so a point lands in the wrong blob with probability about Φ(−2.5) = 0.6%,
        // which moves a weight by far less than 0.02.
        for (int k = 0; k < 3; k++) {
            assertEquals(1.0 / 3, ours.model().weight(k), 0.02, "weight " + k);
        }
        assertEquals(0, ours.emptyComponents().length);
    }

    @Test
    void seed001AsWrittenIsTheNotebooksLoopLineByLine() {
        NotebookExamples example = NotebookExamples.byName("seed-001");
        DataMatrix data = data(example);
        GaussianMixture start = start(example, data);
        EmResult asWritten = example.asWritten().fit(data, start, example.settings());
        NotebookLoop loop = NotebookLoop.seed001(data, start, example.settings());
        assertEquals(loop.notebookStop, asWritten.iterations(), "M-steps until the notebook's own test stops it");
        assertTrue(asWritten.converged());
        for (int k = 0; k < 3; k++) {
            assertEquals(loop.weightsAtNotebookStop[k], asWritten.model().weight(k), ROUNDING);
            for (int a = 0; a < 2; a++) {
                assertEquals(loop.meansAtNotebookStop[k][a], asWritten.model().mean(k, a),
                        ROUNDING * Math.max(1, Math.abs(loop.meansAtNotebookStop[k][a])));
            }
        }
    }

    @Test
    void seed002AtItsDefaultSeedRecoversThePriorsWithoutEmptyingAComponent() {
        NotebookExamples example = NotebookExamples.byName("seed-002");
        DataMatrix data = data(example);
        EmResult ours = new VectorisedEm().fit(data, start(example, data), example.settings());
        assertEquals(0, ours.emptyComponents().length, "no component emptied");
        // Exactly 300 / 750 / 450 points around (−4, −5), (0, 0), (4, 5), at least 6.4 unit standard deviations
        // apart: the fitted weight of the component nearest each true mean is its prior within 0.02.
        double[][] truth = {{-4, -5}, {0, 0}, {4, 5}};
        double[] priors = {0.2, 0.5, 0.3};
        for (int t = 0; t < 3; t++) {
            int nearest = nearest(ours.model(), truth[t]);
            assertEquals(priors[t], ours.model().weight(nearest), 0.02, "the component at " + truth[t][0] + ", "
                    + truth[t][1]);
        }
    }

    @Test
    void seed003AsWrittenIsApplyGmmLineByLine() {
        NotebookExamples example = NotebookExamples.byName("seed-003");
        DataMatrix data = data(example);
        GaussianMixture start = start(example, data);
        EmResult asWritten = example.asWritten().fit(data, start, example.settings());
        assertEquals(100, asWritten.iterations(), "apply_gmm's max_iter = 100, no tolerance");
        // apply_gmm re-implemented: r[:, j] = compute_gauss(X, mu[j], Sigma[j]) with no πⱼ, rows normalised;
        // pi = mean(r), mu = rᵀX / Σr, Sigma from the new mu (plus the example's reg-covar, as ours).
        int n = data.rows();
        double[] pi = start.weights();
        double[][] mu = {start.mean(0), start.mean(1)};
        double[][] cov = {start.covariance(0), start.covariance(1)};
        for (int iteration = 0; iteration < 100; iteration++) {
            double[][] r = new double[n][2];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < 2; j++) {
                    r[i][j] = NotebookLoop.pdf(data.get(i, 0), data.get(i, 1), mu[j], cov[j]);
                    sum += r[i][j];
                }
                r[i][0] /= sum;
                r[i][1] /= sum;
            }
            for (int j = 0; j < 2; j++) {
                double nk = 0;
                double[] m = new double[2];
                for (int i = 0; i < n; i++) {
                    nk += r[i][j];
                    m[0] += r[i][j] * data.get(i, 0);
                    m[1] += r[i][j] * data.get(i, 1);
                }
                m[0] /= nk;
                m[1] /= nk;
                double[] s = new double[3];
                for (int i = 0; i < n; i++) {
                    double dx = data.get(i, 0) - m[0];
                    double dy = data.get(i, 1) - m[1];
                    s[0] += r[i][j] * dx * dx;
                    s[1] += r[i][j] * dx * dy;
                    s[2] += r[i][j] * dy * dy;
                }
                double reg = example.settings().regCovar();
                cov[j] = new double[] {s[0] / nk + reg, s[1] / nk, s[1] / nk, s[2] / nk + reg};
                mu[j] = m;
                pi[j] = nk / n;
            }
        }
        // 1e-6: the same 100 steps with the sums in another order and densities from another formula; EM
        // contracts towards its fixed point, so rounding stays far below this, while a missed or extra step
        // (or a weight in the E-step) moves the parameters by much more.
        for (int j = 0; j < 2; j++) {
            assertEquals(pi[j], asWritten.model().weight(j), 1e-6, "pi " + j);
            for (int a = 0; a < 2; a++) {
                assertEquals(mu[j][a], asWritten.model().mean(j, a), 1e-6, "mu " + j);
            }
        }
        // The bug shows: the weights are updated but never used, so the fit differs from ours.
        EmResult ours = new VectorisedEm().fit(data, start, example.settings());
        assertTrue(Math.abs(ours.model().weight(0) - asWritten.model().weight(0)) > 1e-3,
                "ours " + ours.model().weight(0) + ", as written " + asWritten.model().weight(0));
    }

    @Test
    void seed004AsWrittenRunsEveryIterationAndNeverMovesItsWeights() {
        NotebookExamples example = NotebookExamples.byName("seed-004");
        DataMatrix data = data(example);
        GaussianMixture start = start(example, data);
        // A tolerance no run could miss: the notebook's loop has none, so it still runs all 40.
        EmSettings settings = new EmSettings(40, 1.0, example.settings().regCovar());
        EmResult asWritten = example.asWritten().fit(data, start, settings);
        assertEquals(40, asWritten.iterations());
        assertFalse(asWritten.converged());
        assertArrayEquals(new double[] {0.3, 0.7}, asWritten.model().weights(), "p_A = 0.3*..., p_B = 0.7*...");
    }

    @Test
    void seed004AtItsDefaultSeedShowsTheFrozenWeightsOnTheWrongComponent() {
        NotebookExamples example = NotebookExamples.byName("seed-004");
        DataMatrix data = data(example);
        GaussianMixture start = start(example, data);
        assertArrayEquals(new double[] {0.3, 0.7}, start.weights(), "the notebook's 0.3 and 0.7");
        EmResult ours = new VectorisedEm().fit(data, start, example.settings());
        // The notebook's A ended at 221.39 beside its true 222 (the 0.7 of the data) with its weight stuck at
        // 0.3. At the default seed ours puts component 0 there too, and finds the 0.7 the frozen 0.3 misses.
        assertEquals(222, ours.model().mean(0, 0), 1.0, "component 0 on A");
        assertEquals(0.7, ours.model().weight(0), 0.03, "ours learns A's share, 0.7 (binomial sd 0.005)");
        EmResult asWritten = example.asWritten().fit(data, start, example.settings().withMaxIterations(300));
        assertEquals(222, asWritten.model().mean(0, 0), 3.0, "the notebook's 0.3 component on A, as it printed");
        assertEquals(0.3, asWritten.model().weight(0), 0.0);
    }

    private static boolean isRowOf(DataMatrix data, double[] point) {
        for (int i = 0; i < data.rows(); i++) {
            if (data.get(i, 0) == point[0] && data.get(i, 1) == point[1]) {
                return true;
            }
        }
        return false;
    }

    private static int nearest(GaussianMixture model, double[] point) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int k = 0; k < model.components(); k++) {
            double dx = model.mean(k, 0) - point[0];
            double dy = model.mean(k, 1) - point[1];
            if (dx * dx + dy * dy < bestDistance) {
                bestDistance = dx * dx + dy * dy;
                best = k;
            }
        }
        return best;
    }

    /**
     * Seed 001's loop re-implemented in plain arrays for D = 2, as the notebook wrote it (densities in
     * linear space, as {@code multivariate_normal.pdf} gives them), plus the example's reg-covar on the
     * diagonals so that it follows the same parameters as ours. It records where two stopping rules fire:
     * the notebook's, on Σᵢ log Σₖ r[i][k] πₖ' with the updated weights, and the true one, on the total
     * log-likelihood Σᵢ log Σₖ πₖ N(xᵢ | μₖ, Σₖ), both with the notebook's 1e-6.
     */
    private static final class NotebookLoop {
        int notebookStop = -1;
        int trueStop = -1;
        double[] weightsAtNotebookStop;
        double[][] meansAtNotebookStop;

        static NotebookLoop seed001(DataMatrix data, GaussianMixture start, EmSettings settings) {
            double tol = 1e-6;
            int n = data.rows();
            int k = 3;
            double[] w = start.weights();
            double[][] mu = new double[k][];
            double[][] cov = new double[k][];
            for (int c = 0; c < k; c++) {
                mu[c] = start.mean(c);
                cov[c] = start.covariance(c);
            }
            NotebookLoop loop = new NotebookLoop();
            double previousWatched = Double.NaN;
            double previousTotal = totalLogLikelihood(data, w, mu, cov);
            for (int iteration = 0; iteration < settings.maxIterations(); iteration++) {
                double[][] r = new double[n][k];
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    for (int c = 0; c < k; c++) {
                        r[i][c] = w[c] * pdf(data.get(i, 0), data.get(i, 1), mu[c], cov[c]);
                        sum += r[i][c];
                    }
                    for (int c = 0; c < k; c++) {
                        r[i][c] /= sum;
                    }
                }
                for (int c = 0; c < k; c++) {
                    double nk = 0;
                    double[] m = new double[2];
                    for (int i = 0; i < n; i++) {
                        nk += r[i][c];
                        m[0] += r[i][c] * data.get(i, 0);
                        m[1] += r[i][c] * data.get(i, 1);
                    }
                    m[0] /= nk;
                    m[1] /= nk;
                    double[] s = new double[4];
                    for (int i = 0; i < n; i++) {
                        double dx = data.get(i, 0) - m[0];
                        double dy = data.get(i, 1) - m[1];
                        s[0] += r[i][c] * dx * dx;
                        s[1] += r[i][c] * dx * dy;
                        s[3] += r[i][c] * dy * dy;
                    }
                    cov[c] = new double[] {s[0] / nk + settings.regCovar(), s[1] / nk, s[1] / nk,
                        s[3] / nk + settings.regCovar()};
                    mu[c] = m;
                    w[c] = nk / n;
                }
                double watched = 0;                       // np.sum(np.log(np.dot(responsibilities, weights)))
                for (int i = 0; i < n; i++) {
                    double dot = 0;
                    for (int c = 0; c < k; c++) {
                        dot += r[i][c] * w[c];
                    }
                    watched += Math.log(dot);
                }
                if (loop.notebookStop < 0 && iteration > 0 && Math.abs(watched - previousWatched) < tol) {
                    loop.notebookStop = iteration + 1;    // "Converged at iteration t" after t + 1 M-steps
                    loop.weightsAtNotebookStop = w.clone();
                    loop.meansAtNotebookStop = new double[][] {mu[0].clone(), mu[1].clone(), mu[2].clone()};
                }
                previousWatched = watched;
                double total = totalLogLikelihood(data, w, mu, cov);
                if (loop.trueStop < 0 && Math.abs(total - previousTotal) < tol) {
                    loop.trueStop = iteration + 1;
                }
                previousTotal = total;
                if (loop.notebookStop > 0 && loop.trueStop > 0) {
                    break;
                }
            }
            return loop;
        }

        /** The bivariate normal density at (x, y), from the 2×2 determinant and inverse. */
        static double pdf(double x, double y, double[] mu, double[] cov) {
            double det = cov[0] * cov[3] - cov[1] * cov[2];
            double dx = x - mu[0];
            double dy = y - mu[1];
            double quad = (cov[3] * dx * dx - 2 * cov[1] * dx * dy + cov[0] * dy * dy) / det;
            return Math.exp(-0.5 * quad) / (2 * Math.PI * Math.sqrt(det));
        }

        private static double totalLogLikelihood(DataMatrix data, double[] w, double[][] mu, double[][] cov) {
            double total = 0;
            for (int i = 0; i < data.rows(); i++) {
                double p = 0;
                for (int c = 0; c < w.length; c++) {
                    p += w[c] * pdf(data.get(i, 0), data.get(i, 1), mu[c], cov[c]);
                }
                total += Math.log(p);
            }
            return total;
        }
    }
}
