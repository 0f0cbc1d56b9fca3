package org.emgmm.loops;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmptyComponents;
import org.emgmm.em.Responsibilities;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.LogSumExp;

/**
 * EM with hand-written per-point loops: for each point, for each component. Every sum in the
 * textbook is one loop here, in the order the formula reads.
 *
 * <p>Sample weights: each point's terms are multiplied by its weight wᵢ ({@link DataMatrix#weight}), which
 * is 1 for unweighted data, so one set of loops serves both and the unweighted fit is unchanged bit for bit
 * (multiplying by 1.0 is exact, and Σᵢ 1 = N).
 *
 * <p>Trade-off: the easiest to read and to check against Bishop's PRML §9.2, and the slowest: it
 * walks the data once per component per quantity and jumps between arrays as it goes.
 *
 * <p>Siblings behind {@link EmAlgorithm}: {@link org.emgmm.vectorised.VectorisedEm} (the same maths as
 * flat-array kernels over blocks of points), {@link org.emgmm.univariate.UnivariateEm} (D = 1 with
 * scalars), {@link org.emgmm.explicitpdf.ExplicitPdfEm} (the density written out with a determinant and
 * an inverse; it borrows this class's M-step).
 */
public final class LoopsEm implements EmAlgorithm {

    /** The name on the command line. */
    public static final String NAME = "loops";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EStep eStep(DataMatrix data, GaussianMixture model) {
        int n = data.rows();
        int d = data.columns();
        int k = model.components();
        double[] r = new double[n * k];
        double[] point = new double[d];
        double[] logTerms = new double[k];
        double[] scratch = new double[d];
        double logLikelihood = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                point[j] = data.get(i, j);
            }
            for (int c = 0; c < k; c++) {
                // log πₖ + log N(xᵢ | μₖ, Σₖ)
                logTerms[c] = Math.log(model.weight(c)) + model.logComponentDensity(c, point, 0, scratch);
            }
            // log p(xᵢ | θ) = log Σⱼ πⱼ N(xᵢ | μⱼ, Σⱼ)
            double logNormaliser = LogSumExp.of(logTerms);
            for (int c = 0; c < k; c++) {
                // r[i][k] = exp(log πₖ + log N(xᵢ | μₖ, Σₖ) − log p(xᵢ | θ))
                r[i * k + c] = Math.exp(logTerms[c] - logNormaliser);
            }
            // L(θ) = Σᵢ wᵢ log p(xᵢ | θ)
            logLikelihood += data.weight(i) * logNormaliser;
        }
        return new EStep(Responsibilities.wrap(n, k, r), logLikelihood);
    }

    @Override
    public GaussianMixture mStep(DataMatrix data, Responsibilities r, GaussianMixture previous, double regCovar) {
        int d = data.columns();
        int k = previous.components();
        double[] weights = new double[k];
        double[] counts = new double[k];
        boolean[] empty = new boolean[k];
        double[] means = new double[k * d];
        double[] scatters = new double[k * d * d];
        for (int c = 0; c < k; c++) {
            double nk = effectiveCount(data, r, c);
            counts[c] = nk;
            // πₖ = Nₖ / Σᵢ wᵢ
            weights[c] = nk / data.totalWeight();
            empty[c] = EmptyComponents.isEmpty(nk, data.weightUnit());
            if (empty[c]) {
                keepPrevious(previous, c, means, scatters);
                continue;
            }
            double[] mean = weightedMean(data, r, c, nk);
            System.arraycopy(mean, 0, means, c * d, d);
            double[] scatter = weightedScatter(data, r, c, nk, mean);
            System.arraycopy(scatter, 0, scatters, c * d * d, d * d);
        }
        // Σₖ = Sₖ + regCovar · I, or the part of Sₖ the covariance type keeps (CovarianceType#constrain)
        return GaussianMixture.fromScatters(previous.covarianceType(), k, d, weights, means, counts, scatters, empty,
                regCovar);
    }

    /** Every covariance type: the scatter matrices are constrained by {@link CovarianceType#constrain}. */
    @Override
    public boolean supports(CovarianceType type) {
        return true;
    }

    /** Sample weights: every sum below carries wᵢ. */
    @Override
    public boolean supportsSampleWeights() {
        return true;
    }

    /** Nₖ = Σᵢ wᵢ r[i][k]. */
    private static double effectiveCount(DataMatrix data, Responsibilities r, int c) {
        double nk = 0.0;
        for (int i = 0; i < r.points(); i++) {
            nk += data.weight(i) * r.get(i, c);
        }
        return nk;
    }

    /** μₖ = (1/Nₖ) Σᵢ wᵢ r[i][k] xᵢ. */
    private static double[] weightedMean(DataMatrix data, Responsibilities r, int c, double nk) {
        int d = data.columns();
        double[] mean = new double[d];
        for (int i = 0; i < data.rows(); i++) {
            double share = data.weight(i) * r.get(i, c); // wᵢ r[i][k]
            for (int j = 0; j < d; j++) {
                mean[j] += share * data.get(i, j);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= nk;
        }
        return mean;
    }

    /**
     * Sₖ = (1/Nₖ) Σᵢ wᵢ r[i][k] (xᵢ − μₖ)(xᵢ − μₖ)ᵀ, symmetric by construction. With full covariances
     * Σₖ = Sₖ + regCovar · I; the other types keep part of Sₖ (see {@link CovarianceType}).
     */
    private static double[] weightedScatter(DataMatrix data, Responsibilities r, int c, double nk, double[] mean) {
        int d = data.columns();
        double[] sigma = new double[d * d];
        for (int i = 0; i < data.rows(); i++) {
            double share = data.weight(i) * r.get(i, c); // wᵢ r[i][k]
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    sigma[a * d + b] += share * (data.get(i, a) - mean[a]) * (data.get(i, b) - mean[b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                sigma[a * d + b] /= nk;
                sigma[b * d + a] = sigma[a * d + b];
            }
        }
        return sigma;
    }

    /** An empty component keeps its mean and covariance (see {@link EmptyComponents}). */
    private static void keepPrevious(GaussianMixture previous, int c, double[] means, double[] covariances) {
        int d = previous.dimension();
        System.arraycopy(previous.mean(c), 0, means, c * d, d);
        System.arraycopy(previous.covariance(c), 0, covariances, c * d * d, d * d);
    }
}
