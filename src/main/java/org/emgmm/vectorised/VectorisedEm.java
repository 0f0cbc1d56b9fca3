package org.emgmm.vectorised;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmptyComponents;
import org.emgmm.em.Responsibilities;
import org.emgmm.linalg.Cholesky;
import org.emgmm.model.GaussianMixture;

/**
 * EM as flat-array kernels: each step is a handful of passes over whole blocks of points, the way
 * NumPy code (seeds 000 and 001) writes it, in plain Java.
 *
 * <p>Arrays, all flat:
 * <pre>
 *   x[i][j]       = x[i * D + j]          the data, N×D row-major
 *   logP[i][k]    = logP[i * K + k]       log πₖ + log N(xᵢ | μₖ, Σₖ), N×K, then turned into r in place
 *   z[j][b]       = z[j * B + b]          whitened coordinates of a block of B points, D×B
 * </pre>
 * The whitening kernel works one coordinate at a time over a whole block (column-wise forward
 * substitution), so its inner loops run over consecutive memory and carry no per-point calls.
 *
 * <p>Trade-off: faster than the per-point loops and the default on the command line, but the index
 * arithmetic hides the formula a little; read {@code org.emgmm.loops.LoopsEm} first.
 *
 * <p>Siblings behind {@link EmAlgorithm}: {@code org.emgmm.loops.LoopsEm} (per-point loops),
 * {@code org.emgmm.univariate.UnivariateEm} (D = 1 with scalars),
 * {@code org.emgmm.explicitpdf.ExplicitPdfEm} (the density with an explicit determinant and inverse).
 */
public final class VectorisedEm implements EmAlgorithm {

    /** The name on the command line. */
    public static final String NAME = "vectorised";

    /**
     * Points per block in the density kernel: D×256 doubles of whitened coordinates stay in the
     * processor's first-level cache for any D this package is used with.
     */
    static final int BLOCK = 256;

    private static final double LOG_TWO_PI = Math.log(2.0 * Math.PI);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EStep eStep(DataMatrix data, GaussianMixture model) {
        int n = data.rows();
        int k = model.components();
        double[] x = data.toFlatArray();
        double[] logP = new double[n * k];
        for (int c = 0; c < k; c++) {
            addWeightedLogDensities(x, n, data.columns(), model, c, logP);
        }
        double logLikelihood = normaliseRows(logP, n, k);
        return new EStep(Responsibilities.wrap(n, k, logP), logLikelihood);
    }

    /**
     * logP[i][c] = log π_c − ½ (D log 2π + log det Σ_c + ‖zᵢ‖²),  L_c zᵢ = xᵢ − μ_c, for every point i.
     */
    private static void addWeightedLogDensities(double[] x, int n, int d, GaussianMixture model, int c,
            double[] logP) {
        int k = model.components();
        Cholesky factor = model.cholesky(c);
        double[] mean = model.mean(c);
        double constant = Math.log(model.weight(c)) - 0.5 * (d * LOG_TWO_PI + factor.logDeterminant());
        double[] z = new double[d * BLOCK];
        double[] squaredNorms = new double[BLOCK];
        for (int start = 0; start < n; start += BLOCK) {
            int size = Math.min(BLOCK, n - start);
            whitenBlock(x, start, size, d, mean, factor, z);
            squaredColumnNorms(z, size, d, squaredNorms);
            for (int b = 0; b < size; b++) {
                logP[(start + b) * k + c] = constant - 0.5 * squaredNorms[b];
            }
        }
    }

    /**
     * Solves L z = x − μ for a block of points at once, one coordinate at a time:
     * z[j][·] = ((x − μ)[j][·] − Σ_{m&lt;j} L[j][m] z[m][·]) / L[j][j].
     */
    private static void whitenBlock(double[] x, int start, int size, int d, double[] mean, Cholesky factor,
            double[] z) {
        for (int j = 0; j < d; j++) {
            int row = j * BLOCK;
            for (int b = 0; b < size; b++) {
                z[row + b] = x[(start + b) * d + j] - mean[j];
            }
            for (int m = 0; m < j; m++) {
                double ljm = factor.lower(j, m);
                int previous = m * BLOCK;
                for (int b = 0; b < size; b++) {
                    z[row + b] -= ljm * z[previous + b];
                }
            }
            double inverseDiagonal = 1.0 / factor.lower(j, j);
            for (int b = 0; b < size; b++) {
                z[row + b] *= inverseDiagonal;
            }
        }
    }

    /** norms[b] = Σⱼ z[j][b]², the squared Mahalanobis distance of each point of the block. */
    private static void squaredColumnNorms(double[] z, int size, int d, double[] norms) {
        java.util.Arrays.fill(norms, 0, size, 0.0);
        for (int j = 0; j < d; j++) {
            int row = j * BLOCK;
            for (int b = 0; b < size; b++) {
                norms[b] += z[row + b] * z[row + b];
            }
        }
    }

    /**
     * Turns each row of logP into responsibilities in place, by log-sum-exp, and returns
     * L(θ) = Σᵢ log Σₖ exp(logP[i][k]).
     */
    private static double normaliseRows(double[] logP, int n, int k) {
        double logLikelihood = 0.0;
        for (int i = 0; i < n; i++) {
            int row = i * k;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, logP[row + c]);
            }
            double sum = 0.0;
            for (int c = 0; c < k; c++) {
                logP[row + c] = Math.exp(logP[row + c] - max);
                sum += logP[row + c];
            }
            for (int c = 0; c < k; c++) {
                logP[row + c] /= sum;
            }
            logLikelihood += max + Math.log(sum);
        }
        return logLikelihood;
    }

    @Override
    public GaussianMixture mStep(DataMatrix data, Responsibilities responsibilities, GaussianMixture previous,
            double regCovar) {
        int n = data.rows();
        int d = data.columns();
        int k = previous.components();
        double[] x = data.toFlatArray();
        double[] r = responsibilities.toFlatArray();
        double[] counts = columnSums(r, n, k);
        double[] means = transposeTimes(r, x, n, k, d);
        double[] covariances = new double[k * d * d];
        double[] weights = new double[k];
        for (int c = 0; c < k; c++) {
            weights[c] = counts[c] / n;
            if (EmptyComponents.isEmpty(counts[c])) {
                System.arraycopy(previous.mean(c), 0, means, c * d, d);
                System.arraycopy(previous.covariance(c), 0, covariances, c * d * d, d * d);
                continue;
            }
            scale(means, c * d, d, 1.0 / counts[c]);
            weightedScatter(x, r, n, d, k, c, means, covariances);
            scale(covariances, c * d * d, d * d, 1.0 / counts[c]);
            addToDiagonal(covariances, c * d * d, d, regCovar);
        }
        return GaussianMixture.ofFlat(k, d, weights, means, covariances);
    }

    /** Nₖ = Σᵢ r[i][k] for every k at once. */
    private static double[] columnSums(double[] r, int n, int k) {
        double[] sums = new double[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                sums[c] += r[i * k + c];
            }
        }
        return sums;
    }

    /** (rᵀ x)[k][j] = Σᵢ r[i][k] x[i][j]: the K×D weighted sums behind the means. */
    private static double[] transposeTimes(double[] r, double[] x, int n, int k, int d) {
        double[] product = new double[k * d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double ric = r[i * k + c];
                for (int j = 0; j < d; j++) {
                    product[c * d + j] += ric * x[i * d + j];
                }
            }
        }
        return product;
    }

    /**
     * Σ_c += Σᵢ r[i][c] (xᵢ − μ_c)(xᵢ − μ_c)ᵀ, a block of centred points at a time, lower triangle
     * then mirrored.
     */
    private static void weightedScatter(double[] x, double[] r, int n, int d, int k, int c, double[] means,
            double[] covariances) {
        int base = c * d * d;
        double[] centred = new double[BLOCK * d];
        double[] weight = new double[BLOCK];
        for (int start = 0; start < n; start += BLOCK) {
            int size = Math.min(BLOCK, n - start);
            for (int b = 0; b < size; b++) {
                weight[b] = r[(start + b) * k + c];
                for (int j = 0; j < d; j++) {
                    centred[b * d + j] = x[(start + b) * d + j] - means[c * d + j];
                }
            }
            for (int a = 0; a < d; a++) {
                for (int e = 0; e <= a; e++) {
                    double sum = 0.0;
                    for (int b = 0; b < size; b++) {
                        sum += weight[b] * centred[b * d + a] * centred[b * d + e];
                    }
                    covariances[base + a * d + e] += sum;
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int e = 0; e < a; e++) {
                covariances[base + e * d + a] = covariances[base + a * d + e];
            }
        }
    }

    private static void scale(double[] values, int from, int count, double factor) {
        for (int index = from; index < from + count; index++) {
            values[index] *= factor;
        }
    }

    private static void addToDiagonal(double[] covariances, int base, int d, double amount) {
        for (int a = 0; a < d; a++) {
            covariances[base + a * d + a] += amount;
        }
    }
}
