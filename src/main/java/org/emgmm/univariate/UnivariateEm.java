package org.emgmm.univariate;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmException;
import org.emgmm.em.EmptyComponents;
import org.emgmm.em.Responsibilities;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.LogSumExp;

/**
 * EM for one-dimensional data, with scalar means μₖ and variances σₖ² instead of vectors and matrices
 * (seed 004's second half, with the weights updated as they should be).
 * <pre>
 *   log N(x | μ, σ²) = −½ log(2π σ²) − (x − μ)² / (2σ²)
 *   σₖ² = (1/Nₖ) Σᵢ r[i][k] (xᵢ − μₖ)² + regCovar
 * </pre>
 *
 * <p>Sample weights wᵢ multiply every point's terms, as in {@link org.emgmm.loops.LoopsEm}; for unweighted
 * data wᵢ = 1 and nothing changes.
 *
 * <p>Trade-off: the shortest and fastest route when D = 1, and the clearest place to see EM's three
 * updates without linear algebra; it refuses any other D.
 *
 * <p>Siblings behind {@link EmAlgorithm}: {@link org.emgmm.loops.LoopsEm} (per-point loops, any D),
 * {@link org.emgmm.vectorised.VectorisedEm} (flat-array kernels), {@link org.emgmm.explicitpdf.ExplicitPdfEm}
 * (the density with an explicit determinant and inverse). At D = 1 all four follow the same trajectory.
 */
public final class UnivariateEm implements EmAlgorithm {

    /** The name on the command line. */
    public static final String NAME = "univariate";

    private static final double LOG_TWO_PI = Math.log(2.0 * Math.PI);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EStep eStep(DataMatrix data, GaussianMixture model) {
        requireOneDimension(data.columns());
        int n = data.rows();
        int k = model.components();
        double[] mu = means(model);
        double[] variance = variances(model);
        double[] r = new double[n * k];
        double[] logTerms = new double[k];
        double logLikelihood = 0.0;
        for (int i = 0; i < n; i++) {
            double x = data.get(i, 0);
            for (int c = 0; c < k; c++) {
                // log πₖ − ½ log(2π σₖ²) − (x − μₖ)² / (2σₖ²)
                double deviation = x - mu[c];
                logTerms[c] = Math.log(model.weight(c)) - 0.5 * (LOG_TWO_PI + Math.log(variance[c]))
                        - deviation * deviation / (2.0 * variance[c]);
            }
            double logNormaliser = LogSumExp.of(logTerms);
            for (int c = 0; c < k; c++) {
                r[i * k + c] = Math.exp(logTerms[c] - logNormaliser);
            }
            // L(θ) = Σᵢ wᵢ log p(xᵢ | θ)
            logLikelihood += data.weight(i) * logNormaliser;
        }
        return new EStep(Responsibilities.wrap(n, k, r), logLikelihood);
    }

    @Override
    public GaussianMixture mStep(DataMatrix data, Responsibilities r, GaussianMixture previous, double regCovar) {
        requireOneDimension(data.columns());
        int n = data.rows();
        int k = previous.components();
        double[] weights = new double[k];
        double[] counts = new double[k];
        boolean[] empty = new boolean[k];
        double[] mu = means(previous);
        double[] variance = variances(previous);
        for (int c = 0; c < k; c++) {
            double nk = 0.0;
            double weightedSum = 0.0;
            for (int i = 0; i < n; i++) {
                double share = data.weight(i) * r.get(i, c); // wᵢ r[i][k]
                nk += share;
                weightedSum += share * data.get(i, 0);
            }
            // Nₖ = Σᵢ wᵢ r[i][k], πₖ = Nₖ / Σᵢ wᵢ
            counts[c] = nk;
            weights[c] = nk / data.totalWeight();
            empty[c] = EmptyComponents.isEmpty(nk, data.weightUnit());
            if (empty[c]) {
                continue; // keeps μₖ and σₖ² from the previous parameters
            }
            // μₖ = (1/Nₖ) Σᵢ wᵢ r[i][k] xᵢ
            mu[c] = weightedSum / nk;
            double weightedSquares = 0.0;
            for (int i = 0; i < n; i++) {
                double deviation = data.get(i, 0) - mu[c];
                weightedSquares += data.weight(i) * r.get(i, c) * deviation * deviation;
            }
            // sₖ² = (1/Nₖ) Σᵢ wᵢ r[i][k] (xᵢ − μₖ)²
            variance[c] = weightedSquares / nk;
        }
        // σₖ² = sₖ² + regCovar; with covariance type tied, one σ² = (Σₖ Nₖ sₖ²) / (Σₖ Nₖ) + regCovar for all.
        // (In one dimension full, diag and spherical are the same thing.)
        return GaussianMixture.fromScatters(previous.covarianceType(), k, 1, weights, mu, counts, variance, empty,
                regCovar);
    }

    @Override
    public boolean supports(CovarianceType type) {
        return true;
    }

    /** Sample weights: every sum carries wᵢ. */
    @Override
    public boolean supportsSampleWeights() {
        return true;
    }

    private static double[] means(GaussianMixture model) {
        return model.flatMeans();
    }

    private static double[] variances(GaussianMixture model) {
        return model.flatCovariances();
    }

    private static void requireOneDimension(int columns) {
        if (columns != 1) {
            throw new EmException("the univariate implementation needs one-dimensional data, but the data has "
                    + columns + " columns: pick one column with --columns, or use --implementation vectorised");
        }
    }
}
