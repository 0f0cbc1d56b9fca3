package org.emgmm.exercises;

import java.util.Optional;

/**
 * Exercise 3: the multivariate normal log-density, through a Cholesky factor.
 *
 * <h2>Task</h2>
 * The log-density of N(μ, Σ) in D dimensions is
 * <pre>
 *   log N(x | μ, Σ) = −½ (D log 2π + log det Σ + (x − μ)ᵀ Σ⁻¹ (x − μ))
 * </pre>
 * Compute it without ever forming det Σ or Σ⁻¹, in four steps:
 * <ol>
 *   <li>{@link #cholesky}: factor Σ = L Lᵀ, with L lower-triangular and a positive diagonal, row by
 *       row:
 * <pre>
 *   L[i][j] = (Σ[i][j] − Σ_{m&lt;j} L[i][m] L[j][m]) / L[j][j]      for j &lt; i
 *   L[i][i] = √(Σ[i][i] − Σ_{m&lt;i} L[i][m]²)
 * </pre>
 *       If a number under the square root is not positive (or not finite), Σ is not positive-definite:
 *       say so by returning {@code Optional.empty()}.</li>
 *   <li>{@link #forwardSubstitution}: solve L z = b from the top row down:
 *       z[i] = (b[i] − Σ_{m&lt;i} L[i][m] z[m]) / L[i][i].</li>
 *   <li>{@link #logDeterminant}: det Σ = det L · det Lᵀ = (Πᵢ L[i][i])², so
 *       log det Σ = 2 Σᵢ log L[i][i].</li>
 *   <li>{@link #logDensity}: with L z = x − μ, the quadratic form is
 *       (x − μ)ᵀ (L Lᵀ)⁻¹ (x − μ) = (L⁻¹(x − μ))ᵀ (L⁻¹(x − μ)) = ‖z‖².</li>
 * </ol>
 * Matrices are flat and row-major, as everywhere in this package: {@code A[i][j] = a[i * d + j]}.
 *
 * <h2>Why not the determinant and the inverse?</h2>
 * Seed 002 writes the density as the textbook does,
 * {@code 1. / (np.sqrt((2 * np.pi)**d * np.linalg.det(covariance))) * np.exp(...)}, and seed 003 as
 * {@code np.linalg.det(Sigma)} with {@code np.linalg.inv(Sigma)}. That is fine on paper and fragile in
 * floating point:
 * <ul>
 *   <li>A determinant is a product of D numbers and leaves the range of doubles long before its
 *       logarithm does: Σ = 10⁻⁴ I in 100 dimensions has det Σ = 10⁻⁴⁰⁰, which is 0 in double
 *       precision, so the "density" divides by zero, while log det Σ = −921.03 is harmless. Large
 *       variances overflow the same way.</li>
 *   <li>An explicit inverse costs about six times the work of a Cholesky factor (some 2D³
 *       operations against D³/3) and multiplies rounding errors by the condition number of Σ; the
 *       triangular solve is backward stable.</li>
 *   <li>The factorisation <em>is</em> the test for positive-definiteness: it succeeds exactly when
 *       every pivot is positive. An inverse of an indefinite matrix happily produces a negative
 *       "variance" and the density becomes nonsense without any error.</li>
 *   <li>And the density itself underflows for points a few dozen Mahalanobis units out, however it
 *       is computed: only its logarithm is safe (exercises 1 and 2).</li>
 * </ul>
 *
 * <h2>Common mistakes</h2>
 * <ul>
 *   <li>Forgetting the factor 2 in log det Σ = 2 Σ log L[i][i] (L is only "half" of Σ).</li>
 *   <li>Using ‖z‖ where ‖z‖² belongs, or solving Lᵀ z = b (back substitution) instead of L z = b.</li>
 *   <li>Taking the square root of a negative pivot: {@code Math.sqrt} returns NaN without
 *       complaint, and the NaN spreads. Check the pivot first, and refuse 0 too: with
 *       {@code p < 0} a singular matrix gets a "factor" with a 0 on its diagonal.</li>
 *   <li>Reading the upper triangle: only Σ[i][j] with j ≤ i is needed, and a covariance read from a
 *       file may be symmetric only to rounding.</li>
 * </ul>
 *
 * <h2>Read</h2>
 * Rasmussen &amp; Williams, <i>Gaussian Processes for Machine Learning</i>, Appendix A.4 (Cholesky
 * decomposition, log det = 2 Σ log Lᵢᵢ); Golub &amp; Van Loan, <i>Matrix Computations</i>, §4.2;
 * Bishop, PRML, §2.3, eq. (2.43). The library's version is {@code org.emgmm.linalg.Cholesky}: try
 * yours first.
 *
 * <h2>Check</h2>
 * {@code mvn test -Dexercise=3}
 */
public final class Ex3CholeskyDensity {

    private static final double LOG_TWO_PI = Math.log(2.0 * Math.PI);

    private Ex3CholeskyDensity() {
    }

    /**
     * The Cholesky factor L of a symmetric d×d matrix A = L Lᵀ. Reads only the lower triangle of A.
     *
     * @param a the matrix, flat row-major, {@code A[i][j] = a[i * d + j]}. Not modified.
     * @param d its size
     * @return L, flat row-major d×d with zeros above the diagonal and a positive diagonal; empty when A
     *         is not positive-definite (a pivot that is zero, negative or not finite)
     */
    public static Optional<double[]> cholesky(double[] a, int d) {
        throw new UnsupportedOperationException("TODO: L row by row, Optional.empty() on a pivot that is not positive, "
                + "see this class's comment and Golub & Van Loan §4.2");
    }

    /**
     * z with L z = b, for a lower-triangular L with a non-zero diagonal.
     *
     * @param lower L, flat row-major d×d (entries above the diagonal are ignored). Not modified.
     * @param d     its size
     * @param b     d values. Not modified.
     * @return a new array of d values
     */
    public static double[] forwardSubstitution(double[] lower, int d, double[] b) {
        throw new UnsupportedOperationException("TODO: z[i] = (b[i] − Σ_{m<i} L[i][m] z[m]) / L[i][i], from the top "
                + "row down, see Golub & Van Loan §3.1");
    }

    /**
     * log det(L Lᵀ) = 2 Σᵢ log L[i][i], for a Cholesky factor L.
     *
     * @param lower L, flat row-major d×d. Not modified.
     * @param d     its size
     */
    public static double logDeterminant(double[] lower, int d) {
        throw new UnsupportedOperationException("TODO: 2 Σᵢ log L[i][i], see Rasmussen & Williams GPML appendix A.4");
    }

    /**
     * log N(x | μ, Σ) = −½ (D log 2π + log det Σ + ‖z‖²) with L z = x − μ, Σ = L Lᵀ.
     *
     * @param x          the point, D values. Not modified.
     * @param mean       μ, D values. Not modified.
     * @param covariance Σ, flat row-major D×D. Not modified.
     * @throws IllegalArgumentException if Σ is not positive-definite
     */
    public static double logDensity(double[] x, double[] mean, double[] covariance) {
        throw new UnsupportedOperationException("TODO: −½ (D log 2π + log det Σ + ‖z‖²) with L z = x − μ, see this "
                + "class's comment and Bishop PRML eq. 2.43");
    }
}
