package org.emgmm.compare;

import java.util.Arrays;
import java.util.TreeSet;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmLoop;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Responsibilities;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.LogSumExp;

/**
 * WRONG ON PURPOSE. The seed notebooks' EM, bugs included, so that {@code compare --example} can show
 * what each bug does next to the right answer. Each is the per-point loops of {@link LoopsEm} with one
 * step replaced by the notebook's (seed 004's first part replaces both), and each stops where its notebook
 * stops: seed 001 by its own test on its own number, seed 004 after all its iterations. None is listed
 * among the implementations: only the examples use them, and their names say that they are wrong.
 */
final class AsTheNotebookWroteIt {

    private AsTheNotebookWroteIt() {
    }

    /** What they all share: LoopsEm's steps, a name that says what is wrong. */
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
     * Seed 001, line by line: each pass of its loop runs the E-step, then the M-step, then computes
     * <pre>
     *   log_likelihood = Σᵢ log Σₖ r[i][k] πₖ'      (np.sum(np.log(np.dot(responsibilities, weights))))
     * </pre>
     * from the responsibilities r of that pass's E-step and the weights π' its M-step has just updated,
     * and stops after pass t (0-based; it prints "Converged at iteration t") when t &gt; 0 and that number
     * moved by less than {@code totalTolerance} since pass t − 1. The number is not the log-likelihood:
     * the rows of r sum to 1, so it knows nothing of the densities and only follows the weights. The steps
     * themselves are right (the per-point loops'), so the parameters go exactly where ours go; only the
     * stop differs. The trace this run reports is the true L(θₜ)/N, as every run's is, so that it can be
     * set beside ours; {@code iterations} counts M-steps, t + 1 for a stop after pass t.
     *
     * @param totalTolerance the notebook's {@code tol}, on its total (not per-point) number
     * @return the notebook's EM
     */
    static EmAlgorithm logLikelihoodFromResponsibilities(double totalTolerance) {
        return new Wrong("seed-001 as written (WRONG: log-likelihood from the responsibilities)") {
            @Override
            public EmResult fit(DataMatrix data, GaussianMixture start, EmSettings settings) {
                EmLoop.requireCompatible(data, start);
                EmLoop.requireCanFit(this, data, start);
                long begin = System.nanoTime();
                int n = data.rows();
                double[] trace = new double[settings.maxIterations() + 1];
                TreeSet<Integer> empty = new TreeSet<>();
                GaussianMixture model = start;
                EStep expectation = EmLoop.checkedEStep(this, data, model, 0);
                trace[0] = expectation.logLikelihood() / n;
                double previous = Double.NaN;
                int pass = 0;
                boolean converged = false;
                while (pass < settings.maxIterations() && !converged) {      // for iteration in range(max_iter)
                    Responsibilities r = expectation.responsibilities();       // E-step
                    EmLoop.recordEmptyComponents(data, r, empty);
                    model = EmLoop.checkedMStep(this, data, r, model, settings.regCovar(), pass + 1);   // M-step
                    double watched = responsibilitiesTimesWeights(r, model);
                    converged = pass > 0 && Math.abs(watched - previous) < totalTolerance;
                    previous = watched;
                    pass++;
                    expectation = EmLoop.checkedEStep(this, data, model, pass);
                    trace[pass] = expectation.logLikelihood() / n;
                }
                return new EmResult(name(), model, Arrays.copyOf(trace, pass + 1), pass, converged,
                        empty.stream().mapToInt(Integer::intValue).toArray(), n, System.nanoTime() - begin);
            }
        };
    }

    /**
     * Σᵢ log Σₖ r[i][k] πₖ, seed 001's "log-likelihood".
     *
     * @param r       the N×K responsibilities of the last E-step
     * @param updated the parameters the M-step made from them, whose weights πₖ are used
     * @return the number seed 001 watches
     */
    static double responsibilitiesTimesWeights(Responsibilities r, GaussianMixture updated) {
        double watched = 0.0;
        for (int i = 0; i < r.points(); i++) {
            double mixed = 0.0;
            for (int k = 0; k < r.components(); k++) {
                mixed += r.get(i, k) * updated.weight(k);          // np.dot(responsibilities, weights)
            }
            watched += Math.log(mixed);
        }
        return watched;
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
     * 0.7, written the wrong way round against the 0.7 / 0.3 it drew the data with). The notebook computes
     * no log-likelihood and runs every one of its iterations, so this run ignores the tolerance and runs
     * all {@code maxIterations}.
     */
    static EmAlgorithm weightsNeverUpdated() {
        return new Wrong("seed-004 as written (WRONG: weights never updated)") {
            @Override
            public EmResult fit(DataMatrix data, GaussianMixture start, EmSettings settings) {
                return EmLoop.run(this, data, start, settings.withTolerance(0.0));   // for i in range(5000)
            }

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
