package org.emgmm.testing;

import org.emgmm.data.DataMatrix;
import org.emgmm.model.GaussianMixture;

/**
 * Independent reference computations for the tests: the same quantities as the library, written
 * another way so that a shared mistake cannot pass unnoticed. No Cholesky factor and no library
 * log-sum-exp here: densities go through an LU factorisation with partial pivoting, written below.
 *
 * <p>Matrices are flat row-major, {@code a[i][j] = a[i * d + j]}, as in the library.
 */
public final class Reference {

    private static final double LOG_TWO_PI = Math.log(2.0 * Math.PI);

    private Reference() {
    }

    /** An LU factorisation P A = L U with partial pivoting, packed: L below the diagonal (unit), U on and above. */
    public static final class Lu {
        private final int d;
        private final double[] packed;
        private final int[] pivot;
        private final int sign;

        private Lu(int d, double[] packed, int[] pivot, int sign) {
            this.d = d;
            this.packed = packed;
            this.pivot = pivot;
            this.sign = sign;
        }

        /** det A = sign(P) Π U[i][i]. */
        public double determinant() {
            double det = sign;
            for (int i = 0; i < d; i++) {
                det *= packed[i * d + i];
            }
            return det;
        }

        /** log |det A| = Σ log |U[i][i]|. */
        public double logAbsDeterminant() {
            double sum = 0.0;
            for (int i = 0; i < d; i++) {
                sum += Math.log(Math.abs(packed[i * d + i]));
            }
            return sum;
        }

        /** x with A x = b. */
        public double[] solve(double[] b) {
            double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                double sum = b[pivot[i]];
                for (int m = 0; m < i; m++) {
                    sum -= packed[i * d + m] * y[m];
                }
                y[i] = sum;
            }
            double[] x = new double[d];
            for (int i = d - 1; i >= 0; i--) {
                double sum = y[i];
                for (int m = i + 1; m < d; m++) {
                    sum -= packed[i * d + m] * x[m];
                }
                x[i] = sum / packed[i * d + i];
            }
            return x;
        }
    }

    /** Factors a d×d matrix (not modified). A singular matrix gives a zero determinant. */
    public static Lu lu(double[] a, int d) {
        double[] m = a.clone();
        int[] pivot = new int[d];
        for (int i = 0; i < d; i++) {
            pivot[i] = i;
        }
        int sign = 1;
        for (int column = 0; column < d; column++) {
            int best = column;
            for (int row = column + 1; row < d; row++) {
                if (Math.abs(m[row * d + column]) > Math.abs(m[best * d + column])) {
                    best = row;
                }
            }
            if (best != column) {
                for (int c = 0; c < d; c++) {
                    double t = m[best * d + c];
                    m[best * d + c] = m[column * d + c];
                    m[column * d + c] = t;
                }
                int t = pivot[best];
                pivot[best] = pivot[column];
                pivot[column] = t;
                sign = -sign;
            }
            double diagonal = m[column * d + column];
            if (diagonal == 0.0) {
                continue;
            }
            for (int row = column + 1; row < d; row++) {
                double factor = m[row * d + column] / diagonal;
                m[row * d + column] = factor;
                for (int c = column + 1; c < d; c++) {
                    m[row * d + c] -= factor * m[column * d + c];
                }
            }
        }
        return new Lu(d, m, pivot, sign);
    }

    /** log N(x | μ, Σ) = −½ (D log 2π + log det Σ + (x − μ)ᵀ Σ⁻¹ (x − μ)), through an LU solve. */
    public static double logGaussian(double[] x, double[] mean, double[] covariance) {
        int d = x.length;
        double[] deviation = new double[d];
        for (int j = 0; j < d; j++) {
            deviation[j] = x[j] - mean[j];
        }
        Lu factor = lu(covariance, d);
        double[] solved = factor.solve(deviation);
        double quadratic = 0.0;
        for (int j = 0; j < d; j++) {
            quadratic += deviation[j] * solved[j];
        }
        return -0.5 * (d * LOG_TWO_PI + factor.logAbsDeterminant() + quadratic);
    }

    /** log πₖ + log N(x | μₖ, Σₖ) for every k. */
    public static double[] logJoint(GaussianMixture model, double[] x) {
        double[] terms = new double[model.components()];
        for (int k = 0; k < terms.length; k++) {
            terms[k] = Math.log(model.weight(k)) + logGaussian(x, model.mean(k), model.covariance(k));
        }
        return terms;
    }

    /** log Σ exp(aⱼ), shifting by the largest term (written afresh, not the library's). */
    public static double logSumExp(double[] a) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : a) {
            if (value > max) {
                max = value;
            }
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

    /** log p(x | θ) = log Σₖ πₖ N(x | μₖ, Σₖ). */
    public static double logDensity(GaussianMixture model, double[] x) {
        return logSumExp(logJoint(model, x));
    }

    /** L(θ) = Σᵢ log p(xᵢ | θ). */
    public static double logLikelihood(GaussianMixture model, DataMatrix data) {
        double total = 0.0;
        for (int i = 0; i < data.rows(); i++) {
            total += logDensity(model, data.row(i));
        }
        return total;
    }

    /** Bayes' rule: r[i][k] = πₖ N(xᵢ | μₖ, Σₖ) / Σⱼ πⱼ N(xᵢ | μⱼ, Σⱼ), flat N×K. */
    public static double[] responsibilities(GaussianMixture model, DataMatrix data) {
        int k = model.components();
        double[] r = new double[data.rows() * k];
        for (int i = 0; i < data.rows(); i++) {
            double[] terms = logJoint(model, data.row(i));
            double normaliser = logSumExp(terms);
            for (int c = 0; c < k; c++) {
                r[i * k + c] = Math.exp(terms[c] - normaliser);
            }
        }
        return r;
    }

    /** The sample mean (1/N) Σᵢ xᵢ. */
    public static double[] sampleMean(DataMatrix data) {
        int d = data.columns();
        double[] mean = new double[d];
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += data.get(i, j);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= data.rows();
        }
        return mean;
    }

    /** The maximum-likelihood covariance (1/N) Σᵢ (xᵢ − x̄)(xᵢ − x̄)ᵀ, D×D flat. */
    public static double[] sampleCovariance(DataMatrix data) {
        int d = data.columns();
        double[] mean = sampleMean(data);
        double[] s = new double[d * d];
        for (int i = 0; i < data.rows(); i++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    s[a * d + b] += (data.get(i, a) - mean[a]) * (data.get(i, b) - mean[b]);
                }
            }
        }
        for (int index = 0; index < s.length; index++) {
            s[index] /= data.rows();
        }
        return s;
    }

    /** A B for an n×m A and an m×p B, all flat row-major. */
    public static double[] multiply(double[] a, double[] b, int n, int m, int p) {
        double[] product = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double sum = 0.0;
                for (int s = 0; s < m; s++) {
                    sum += a[i * m + s] * b[s * p + j];
                }
                product[i * p + j] = sum;
            }
        }
        return product;
    }

    /** Aᵀ for an n×m A. */
    public static double[] transpose(double[] a, int n, int m) {
        double[] t = new double[m * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                t[j * n + i] = a[i * m + j];
            }
        }
        return t;
    }

    /**
     * An estimate of the 2-norm condition number λ_max/λ_min of a symmetric positive-definite matrix:
     * trace(A) · trace(A⁻¹), which lies between cond(A) and D²·cond(A). Infinite when A is singular.
     */
    public static double conditionEstimate(double[] a, int d) {
        Lu factor = lu(a, d);
        double trace = 0.0;
        double inverseTrace = 0.0;
        for (int i = 0; i < d; i++) {
            trace += a[i * d + i];
            double[] unit = new double[d];
            unit[i] = 1.0;
            inverseTrace += factor.solve(unit)[i];
        }
        double estimate = trace * inverseTrace;
        return Double.isFinite(estimate) && estimate > 0.0 ? estimate : Double.POSITIVE_INFINITY;
    }

    /** The largest absolute entry, 0 for an empty array. */
    public static double maxAbs(double[] values) {
        double max = 0.0;
        for (double value : values) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }
}
