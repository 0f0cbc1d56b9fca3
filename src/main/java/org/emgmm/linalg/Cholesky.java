package org.emgmm.linalg;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Cholesky factor of a symmetric positive-definite matrix: {@code A = L Lᵀ}, with {@code L}
 * lower-triangular and a positive diagonal.
 *
 * <p>Matrices are stored flat and row-major: {@code a[i][j] = a[i * d + j]}.
 *
 * <p>Why Cholesky? Every quantity a Gaussian density needs comes out of {@code L} without forming an
 * inverse or a determinant, both of which over- or underflow long before the density's logarithm
 * does:
 * <pre>
 *   log det A              = 2 Σᵢ log L[i][i]
 *   (x − μ)ᵀ A⁻¹ (x − μ)   = ‖z‖²   where  L z = x − μ   (forward substitution)
 * </pre>
 * Instances are immutable.
 */
public final class Cholesky {

    private final int dimension;
    /**
     * The lower triangle of L, row after row: row i holds L[i][0..i] and starts at {@code rowStart(i)}.
     * <pre>
     *   L[0][0]
     *   L[1][0] L[1][1]                   lower = { L[0][0], L[1][0], L[1][1], L[2][0], … }
     *   L[2][0] L[2][1] L[2][2]
     * </pre>
     * The zeros above the diagonal are not stored: a new factor is made every EM iteration, and at D = 50
     * the square would be 20 KB per component, half of them zeros.
     */
    private final double[] lower;
    private final double logDeterminant;

    private Cholesky(int dimension, double[] lower) {
        this.dimension = dimension;
        this.lower = lower;
        double halfLogDet = 0.0;
        for (int i = 0; i < dimension; i++) {
            halfLogDet += Math.log(lower[rowStart(i) + i]);
        }
        this.logDeterminant = 2.0 * halfLogDet;
    }

    /**
     * Factors a symmetric matrix. Only the lower triangle of {@code a} is read.
     *
     * @param a         the d×d matrix, flat row-major. Not modified.
     * @param dimension d
     * @return the factor, or empty when {@code a} is not positive-definite in floating point
     *         (a pivot that is zero, negative or not finite)
     */
    public static Optional<Cholesky> decompose(double[] a, int dimension) {
        if (a.length != dimension * dimension) {
            throw new IllegalArgumentException(
                    "expected a " + dimension + "x" + dimension + " matrix, got " + a.length + " entries");
        }
        return decompose(a, 0, dimension);
    }

    /**
     * Factors a symmetric matrix stored inside a larger array, such as one covariance of a mixture's K.
     * Only the lower triangle is read.
     *
     * @param a         holds the d×d matrix, flat row-major, at {@code a[offset .. offset + d·d)}. Not modified.
     * @param offset    where the matrix starts in {@code a}
     * @param dimension d
     * @return the factor, or empty when the matrix is not positive-definite in floating point
     */
    public static Optional<Cholesky> decompose(double[] a, int offset, int dimension) {
        if (offset < 0 || dimension < 0 || a.length - offset < dimension * dimension) {
            throw new IllegalArgumentException("expected a " + dimension + "x" + dimension + " matrix at offset "
                    + offset + " of " + a.length + " entries");
        }
        double[] l = new double[rowStart(dimension)];
        for (int i = 0; i < dimension; i++) {
            int rowI = rowStart(i);
            for (int j = 0; j <= i; j++) {
                int rowJ = rowStart(j);
                // L[i][j] = (A[i][j] − Σ_{m<j} L[i][m] L[j][m]) / L[j][j]   (j < i)
                // L[i][i] = √(A[i][i] − Σ_{m<i} L[i][m]²)
                double sum = a[offset + i * dimension + j];
                for (int m = 0; m < j; m++) {
                    sum -= l[rowI + m] * l[rowJ + m];
                }
                if (i == j) {
                    if (!(sum > 0.0) || !Double.isFinite(sum)) {
                        return Optional.empty();
                    }
                    l[rowI + i] = Math.sqrt(sum);
                } else {
                    l[rowI + j] = sum / l[rowJ + j];
                }
            }
        }
        return Optional.of(new Cholesky(dimension, l));
    }

    /** {@return d, the number of rows (and columns) of A and L} */
    public int dimension() {
        return dimension;
    }

    /**
     * One entry of the factor.
     *
     * @param i the row, 0 ≤ i &lt; d
     * @param j the column, 0 ≤ j &lt; d
     * @return L[i][j]; zero when j &gt; i
     */
    public double lower(int i, int j) {
        if (i < 0 || i >= dimension || j < 0 || j >= dimension) {
            throw new IndexOutOfBoundsException("entry [" + i + "][" + j + "] of a " + dimension + "x" + dimension
                    + " factor");
        }
        return j > i ? 0.0 : lower[rowStart(i) + j];
    }

    /** {@return L as a new d×d array, flat row-major, zero above the diagonal} */
    public double[] lowerTriangle() {
        double[] square = new double[dimension * dimension];
        for (int i = 0; i < dimension; i++) {
            System.arraycopy(lower, rowStart(i), square, i * dimension, i + 1);
        }
        return square;
    }

    /** Where row i of L starts in {@code lower}: after rows 0..i−1, which hold 1 + 2 + … + i = i(i+1)/2 entries. */
    private static int rowStart(int i) {
        return i * (i + 1) / 2;
    }

    /** {@return log det A = 2 Σᵢ log L[i][i]} */
    public double logDeterminant() {
        return logDeterminant;
    }

    /**
     * The squared Mahalanobis distance (x − μ)ᵀ A⁻¹ (x − μ) = ‖L⁻¹(x − μ)‖², by forward substitution.
     *
     * @param x        holds the point at {@code x[xOffset .. xOffset + d)}. Not modified.
     * @param xOffset  where the point starts in {@code x}
     * @param mu       holds the centre at {@code mu[muOffset .. muOffset + d)}. Not modified.
     * @param muOffset where the centre starts in {@code mu}
     * @param scratch  at least d doubles of working space; z = L⁻¹(x − μ) is left in its first d. Modified.
     * @return (x − μ)ᵀ A⁻¹ (x − μ), 0 or more
     */
    public double mahalanobisSquared(double[] x, int xOffset, double[] mu, int muOffset, double[] scratch) {
        double sumOfSquares = 0.0;
        for (int i = 0; i < dimension; i++) {
            int row = rowStart(i);
            // z[i] = ((x − μ)[i] − Σ_{m<i} L[i][m] z[m]) / L[i][i]
            double zi = x[xOffset + i] - mu[muOffset + i];
            for (int m = 0; m < i; m++) {
                zi -= lower[row + m] * scratch[m];
            }
            zi /= lower[row + i];
            scratch[i] = zi;
            sumOfSquares += zi * zi;
        }
        return sumOfSquares;
    }

    @Override
    public String toString() {
        return "Cholesky" + Arrays.toString(lower);
    }
}
