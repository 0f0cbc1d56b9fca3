package org.emgmm.compare;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.Responsibilities;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.LogSumExp;

/**
 * WRONG ON PURPOSE. The seed notebooks' EM, bugs included, so that {@code compare --example} can show
 * what each bug does next to the right answer. Each is the per-point loops of {@link LoopsEm} with one
 * step replaced by the notebook's (seed 004's first part replaces both). None is listed among the implementations: only the examples use them,
 * and their names say that they are wrong.
 */
final class AsTheNotebookWroteIt {

    private AsTheNotebookWroteIt() {
    }

    /** What all three share: LoopsEm's steps, a name that says what is wrong. */
    private abstract static class Wrong implements EmAlgorithm {
        final LoopsEm correct = new LoopsEm();
        private final String name;

        Wrong(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public EStep eStep(DataMatrix data, GaussianMixture model) {
            return correct.eStep(data, model);
        }

        @Override
        public GaussianMixture mStep(DataMatrix data, Responsibilities r, GaussianMixture previous, double regCovar) {
            return correct.mStep(data, r, previous, regCovar);
        }
    }

    /**
     * Seed 001: the log-likelihood computed from the responsibilities, Σᵢ log Σₖ r[i][k] πₖ. The rows of
     * r sum to 1, so this number knows nothing of the densities: it stays near −N log K whatever the fit,
     * and its convergence test stops EM at the wrong time.
     */
    static EmAlgorithm logLikelihoodFromResponsibilities() {
        return new Wrong("seed-001 as written (WRONG: log-likelihood from the responsibilities)") {
            @Override
            public EStep eStep(DataMatrix data, GaussianMixture model) {
                Responsibilities r = correct.eStep(data, model).responsibilities();
                double wrong = 0.0;
                for (int i = 0; i < r.points(); i++) {
                    double mixed = 0.0;
                    for (int k = 0; k < r.components(); k++) {
                        mixed += r.get(i, k) * model.weight(k);      // np.dot(responsibilities, weights)
                    }
                    wrong += Math.log(mixed);
                }
                return new EStep(r, wrong);
            }
        };
    }

    /**
     * Seed 003: the E-step without the weights, r[i][k] ∝ N(xᵢ | μₖ, Σₖ) instead of πₖ N(xᵢ | μₖ, Σₖ).
     * The M-step still updates π, but the E-step never uses it, so a small component is never held back.
     */
    static EmAlgorithm eStepWithoutWeights() {
        return eStepWithoutWeights("seed-003 as written (WRONG: no weights in the E-step)");
    }

    /** {@link #eStepWithoutWeights()} under another name, e.g. as a student's implementation in a test. */
    static EmAlgorithm eStepWithoutWeights(String name) {
        return new Wrong(name) {
            @Override
            public EStep eStep(DataMatrix data, GaussianMixture model) {
                int n = data.rows();
                int k = model.components();
                double[] r = new double[n * k];
                double[] log = new double[k];
                double logLikelihood = 0.0;
                for (int i = 0; i < n; i++) {
                    double[] x = data.row(i);
                    for (int c = 0; c < k; c++) {
                        log[c] = model.logComponentDensity(c, x);   // no log πₖ: the notebook's compute_gauss
                    }
                    double normaliser = LogSumExp.of(log);
                    for (int c = 0; c < k; c++) {
                        r[i * k + c] = Math.exp(log[c] - normaliser);
                    }
                    logLikelihood += normaliser;
                }
                return new EStep(Responsibilities.wrap(n, k, r), logLikelihood);
            }
        };
    }

    /**
     * Seed 004: the weights never updated: every M-step keeps the starting π (the notebook's 0.3 and
     * 0.7, written the wrong way round against the 0.7 / 0.3 it drew the data with).
     */
    static EmAlgorithm weightsNeverUpdated() {
        return new Wrong("seed-004 as written (WRONG: weights never updated)") {
            @Override
            public GaussianMixture mStep(DataMatrix data, Responsibilities r, GaussianMixture previous,
                    double regCovar) {
                GaussianMixture updated = correct.mStep(data, r, previous, regCovar);
                return GaussianMixture.ofFlat(updated.components(), updated.dimension(), previous.weights(),
                        updated.flatMeans(), updated.flatCovariances());
            }
        };
    }

    /**
     * Seed 004, first part: the notebook's EM exactly as it ran. Densities in linear space, as
     * {@code multivariate_normal.pdf} gives them (exp of the log-density), r[i][k] = πₖ N / Σⱼ πⱼ N with no
     * log-sum-exp, and an M-step that divides by Nₖ however small it is: no reg-covar (the settings' value
     * is ignored) and no rule for empty components. When every density of a point underflows to 0 its
     * responsibilities are 0/0 and the log-likelihood is −∞; when Nₖ is 0 the new mean is 0/0. The notebook
     * would go on with NaN; here the loop stops and says so.
     */
    static EmAlgorithm linearSpaceWithoutGuards() {
        return new Wrong("seed-004 as written (WRONG: densities in linear space, no guard for empty components)") {
            @Override
            public EStep eStep(DataMatrix data, GaussianMixture model) {
                int n = data.rows();
                int k = model.components();
                double[] r = new double[n * k];
                double logLikelihood = 0.0;
                for (int i = 0; i < n; i++) {
                    double[] x = data.row(i);
                    double total = 0.0;
                    for (int c = 0; c < k; c++) {
                        // pi[k]*multivariate_normal.pdf(X.T, mean=mu[k,:], cov=cov[k,...])
                        r[i * k + c] = model.weight(c) * Math.exp(model.logComponentDensity(c, x));
                        total += r[i * k + c];
                    }
                    for (int c = 0; c < k; c++) {
                        r[i * k + c] /= total;                      // gamma /= np.sum(gamma, axis=0)
                    }
                    logLikelihood += Math.log(total);               // compute_log_likelihood, also linear
                }
                return new EStep(Responsibilities.wrap(n, k, r), logLikelihood);
            }

            @Override
            public GaussianMixture mStep(DataMatrix data, Responsibilities r, GaussianMixture previous,
                    double regCovar) {
                int n = data.rows();
                int k = r.components();
                int d = data.columns();
                double[] nk = r.componentTotals();
                double[] weights = new double[k];
                double[] means = new double[k * d];
                double[] covariances = new double[k * d * d];
                for (int c = 0; c < k; c++) {
                    weights[c] = nk[c] / n;                          // pi_new = Nk/N
                    for (int i = 0; i < n; i++) {
                        for (int a = 0; a < d; a++) {
                            means[c * d + a] += r.get(i, c) * data.get(i, a);
                        }
                    }
                    for (int a = 0; a < d; a++) {
                        means[c * d + a] /= nk[c];                  // however small Nk is
                    }
                    for (int i = 0; i < n; i++) {
                        for (int a = 0; a < d; a++) {
                            for (int b = 0; b < d; b++) {
                                covariances[(c * d + a) * d + b] += r.get(i, c)
                                        * (data.get(i, a) - means[c * d + a]) * (data.get(i, b) - means[c * d + b]);
                            }
                        }
                    }
                    for (int e = 0; e < d * d; e++) {
                        covariances[c * d * d + e] /= nk[c];        // no reg-covar
                    }
                }
                return GaussianMixture.ofFlat(k, d, weights, means, covariances);
            }
        };
    }
}
