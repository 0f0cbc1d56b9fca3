package org.emgmm.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.emgmm.exercises.Ex3CholeskyDensity;
import org.emgmm.linalg.Cholesky;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Generators;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Graded: exercise 3, the multivariate log-density through a Cholesky factor ({@link Ex3CholeskyDensity}). */
@Exercise(3)
@DisplayName("Exercise 3: Cholesky log-density")
class Exercise3Test {

    /**
     * Relative agreement with the library: the same algorithm in another order of operations, on
     * matrices with condition number at most 100 (eigenvalues in [0.1, 10]), so a few hundred roundings.
     */
    private static final double TOLERANCE = 1e-10;

    /** Random cases per property, from a fixed seed: every run checks the same ones, in well under a second. */
    private static final int CASES = 100;
    private static final long SEED = 0x3E3E3L;
    private static final int MAX_DIMENSION = 8;

    /** A random SPD matrix with eigenvalues in [0.1, 10]. */
    private static double[] randomCovariance(SplittableRandom random, int d) {
        return Generators.spdMatrix(random, d, 0.1, 10.0);
    }

    private static Optional<double[]> cholesky(double[] a, int d) {
        double[] copy = a.clone();
        Optional<double[]> result = StudentCode.call("Ex3CholeskyDensity.cholesky(" + d + "×" + d + " matrix)",
                () -> Ex3CholeskyDensity.cholesky(copy, d));
        Expect.notNull(result, "Ex3CholeskyDensity.cholesky", "return Optional.of(L) or Optional.empty(), never null");
        Expect.arrayClose(a, copy, 0.0, "the matrix after cholesky", "do not modify the input matrix");
        return result;
    }

    private static double[] libraryFactor(double[] a, int d) {
        return Cholesky.decompose(a, d).orElseThrow().lowerTriangle();
    }

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("cholesky gives the lower-triangular L with L Lᵀ = A")
    void choleskyFactorsTheMatrix() {
        // A = [[4, 2], [2, 3]]: L[0][0] = √4 = 2, L[1][0] = 2/2 = 1, L[1][1] = √(3 − 1²) = √2.
        double[] small = {4.0, 2.0, 2.0, 3.0};
        double[] expectedSmall = {2.0, 0.0, 1.0, Math.sqrt(2.0)};
        double[] factor = cholesky(small, 2).orElse(null);
        Expect.that(factor != null, "cholesky([[4, 2], [2, 3]])", "L = " + Expect.format(expectedSmall), "empty",
                "this matrix is positive-definite (its pivots are 4 and 2)");
        Expect.arrayClose(expectedSmall, factor, 1e-15, "cholesky([[4, 2], [2, 3]]) (flat L)",
                "L[i][i] = √(A[i][i] − Σ_{m<i} L[i][m]²), L[i][j] = (A[i][j] − Σ_{m<j} L[i][m] L[j][m]) / L[j][j],"
                        + " zeros above the diagonal");

        SplittableRandom random = new SplittableRandom(SEED);
        for (int c = 0; c < CASES; c++) {
            int d = 1 + random.nextInt(MAX_DIMENSION);
            double[] a = randomCovariance(random, d);
            double[] l = cholesky(a, d).orElse(null);
            Expect.that(l != null, "cholesky of a random " + d + "×" + d + " positive-definite matrix", "L",
                    "empty", "every pivot A[i][i] − Σ L[i][m]² is positive for a positive-definite matrix");
            Expect.arrayClose(libraryFactor(a, d), l, TOLERANCE, "L for a random " + d + "×" + d + " matrix",
                    "compute row by row, reading A[i][j] for j ≤ i; L is lower-triangular, row-major");
        }
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("cholesky says when a matrix is not positive-definite")
    void choleskyRefusesIndefiniteMatrices() {
        // [[1, 2], [2, 1]] has eigenvalues 3 and −1: the second pivot is 1 − 2² = −3 < 0.
        Expect.that(cholesky(new double[] {1.0, 2.0, 2.0, 1.0}, 2).isEmpty(), "cholesky([[1, 2], [2, 1]])",
                "Optional.empty()", "a factor", "the second pivot is 1 − 2² = −3: check that each pivot is > 0"
                        + " before taking its square root (Math.sqrt(−3) is NaN, not an error)");
        // The zero matrix: the first pivot is 0, and dividing by L[0][0] = 0 would give NaN or ∞.
        Expect.that(cholesky(new double[9], 3).isEmpty(), "cholesky(3×3 zero matrix)", "Optional.empty()",
                "a factor", "a pivot of exactly 0 is not positive either");
        // A random SPD matrix with the sign of one diagonal entry flipped has a negative pivot at that row
        // or before (a positive-definite matrix has a positive diagonal).
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int c = 0; c < CASES; c++) {
            int d = 1 + random.nextInt(MAX_DIMENSION);
            double[] a = randomCovariance(random, d);
            int flip = random.nextInt(d);
            a[flip * d + flip] = -a[flip * d + flip];
            Expect.that(cholesky(a, d).isEmpty(), "cholesky of a " + d + "×" + d + " matrix with A[" + flip + "]["
                    + flip + "] < 0", "Optional.empty()", "a factor",
                    "a negative diagonal entry makes a pivot ≤ 0 at that row or before");
        }
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("forwardSubstitution solves L z = b")
    void forwardSubstitutionSolves() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int c = 0; c < CASES; c++) {
            int d = 1 + random.nextInt(MAX_DIMENSION);
            double[] l = libraryFactor(randomCovariance(random, d), d);
            double[] b = Generators.uniformVector(random, d, -5.0, 5.0);
            double[] z = StudentCode.call("Ex3CholeskyDensity.forwardSubstitution(" + d + "×" + d + ")",
                    () -> Ex3CholeskyDensity.forwardSubstitution(l.clone(), d, b.clone()));
            Expect.notNull(z, "forwardSubstitution", "return the solution z");
            Expect.that(z.length == d, "forwardSubstitution: length of z", d, z.length, "z has d entries");
            // The residual: L z must give back b.
            double[] product = new double[d];
            for (int i = 0; i < d; i++) {
                for (int m = 0; m <= i; m++) {
                    product[i] += l[i * d + m] * z[m];
                }
            }
            Expect.arrayClose(b, product, TOLERANCE, "L z against b (" + d + "×" + d + ")",
                    "z[i] = (b[i] − Σ_{m<i} L[i][m] z[m]) / L[i][i], from the top row down; L, not Lᵀ");
        }
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("logDeterminant is 2 Σ log L[i][i], finite even when det underflows")
    void logDeterminant() {
        logDeterminant((lower, d) -> StudentCode.call("Ex3CholeskyDensity.logDeterminant("
                + d + "×" + d + ")", () -> Ex3CholeskyDensity.logDeterminant(lower, d)));
    }

    static void logDeterminant(Promises.LogDeterminant logDeterminant) {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        for (int c = 0; c < CASES; c++) {
            int d = 1 + random.nextInt(MAX_DIMENSION);
            double[] a = randomCovariance(random, d);
            Cholesky library = Cholesky.decompose(a, d).orElseThrow();
            double[] l = library.lowerTriangle();
            double actual = logDeterminant.of(l.clone(), d);
            // A loop bound one short (i < d − 1) leaves out the last diagonal term, one that starts at 1 the first.
            double last = 2.0 * Math.log(l[(d - 1) * d + (d - 1)]);
            double first = 2.0 * Math.log(l[0]);
            List<KnownMistakes.Mistake> suspects = new ArrayList<>(KnownMistakes.GENERIC);
            if (d > 1) {
                suspects.add(KnownMistakes.Mistake.of("what leaving out the last diagonal term gives: an off-by-one in"
                        + " a loop bound (i < d)", library.logDeterminant() - last));
                suspects.add(KnownMistakes.Mistake.of("what leaving out the first diagonal term gives: an off-by-one"
                        + " in a loop bound (i from 0)", library.logDeterminant() - first));
            }
            Expect.close(library.logDeterminant(), actual, TOLERANCE, "log det A (" + d + "×" + d + ")",
                    "det A = (Π L[i][i])², so log det A = 2 Σ log L[i][i] over all d diagonal entries", suspects);
        }
        // Σ = 10⁻⁴ I in 100 dimensions: L = 10⁻² I and log det Σ = 2 · 100 · log 10⁻² = 100 log 10⁻⁴
        // ≈ −921.03, while det Σ = 10⁻⁴⁰⁰ is 0 in double precision.
        int d = 100;
        double[] l = new double[d * d];
        for (int i = 0; i < d; i++) {
            l[i * d + i] = 1e-2;
        }
        double actual = logDeterminant.of(l, d);
        Expect.close(d * Math.log(1e-4), actual, TOLERANCE, "log det(10⁻⁴ I) in 100 dimensions",
                Double.isInfinite(actual) ? "the product of the diagonal, 10⁻²⁰⁰, underflows to 0 and its log is −∞:"
                        + " sum the logarithms of the diagonal instead" : "2 Σ log L[i][i] over the 100 diagonal entries",
                KnownMistakes.GENERIC);
    }

    @Test
    @Order(8)
    @Points(2)
    @DisplayName("logDensity matches the library on random Gaussians")
    void logDensityMatchesTheLibrary() {
        logDensityMatchesTheLibrary((x, mean, covariance) -> StudentCode.call("Ex3CholeskyDensity.logDensity(D = "
                + x.length + ")", () -> Ex3CholeskyDensity.logDensity(x, mean, covariance)));
    }

    static void logDensityMatchesTheLibrary(Promises.LogDensity logDensity) {
        SplittableRandom random = new SplittableRandom(SEED + 4);
        for (int c = 0; c < CASES; c++) {
            int d = 1 + random.nextInt(MAX_DIMENSION);
            double[] covariance = randomCovariance(random, d);
            double[] mean = Generators.uniformVector(random, d, -10.0, 10.0);
            double[] x = Generators.uniformVector(random, d, -15.0, 15.0);
            GaussianMixture single = GaussianMixture.ofFlat(1, d, new double[] {1.0}, mean, covariance);
            double expected = single.logComponentDensity(0, x);
            double actual = logDensity.of(x.clone(), mean.clone(), covariance.clone());
            // expected = −½ (D log 2π + log det Σ + ‖z‖²): the pieces, and what the known slips make of them.
            double logDet = Cholesky.decompose(covariance, d).orElseThrow().logDeterminant();
            double squared = -2.0 * expected - d * Math.log(2.0 * Math.PI) - logDet;
            Expect.close(expected, actual, TOLERANCE, "log N(x | μ, Σ) in " + d + " dimensions",
                    "−½ (D log 2π + log det Σ + ‖z‖²) with L z = x − μ: the square of the norm, and all three terms",
                    List.of(KnownMistakes.SIGN_FLIPPED,
                            KnownMistakes.Mistake.of("what ‖z‖ gives where ‖z‖² belongs", -0.5 * (d * Math.log(2.0
                                    * Math.PI) + logDet + Math.sqrt(squared))),
                            KnownMistakes.Mistake.of("what log det Σ without its factor 2 gives: see 3.4 first", -0.5
                                    * (d * Math.log(2.0 * Math.PI) + logDet / 2.0 + squared))));
        }
    }

    @Test
    @Order(7)
    @Points(2)
    @DisplayName("logDensity is finite in 100 dimensions where det Σ underflows")
    void logDensityInHighDimension() {
        // Σ = 10⁻⁴ I, μ = 0, x = (0.01, …, 0.01) in D = 100: log det Σ = 100 log 10⁻⁴, and
        // (x − μ)ᵀ Σ⁻¹ (x − μ) = 100 · 0.01² / 10⁻⁴ = 100, so
        // log N = −½ (100 log 2π + 100 log 10⁻⁴ + 100) = −50 (log 2π + log 10⁻⁴ + 1) ≈ 318.6.
        int d = 100;
        double[] covariance = new double[d * d];
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            covariance[i * d + i] = 1e-4;
            x[i] = 0.01;
        }
        double expected = -50.0 * (Math.log(2.0 * Math.PI) + Math.log(1e-4) + 1.0);
        double actual = StudentCode.call("Ex3CholeskyDensity.logDensity(D = 100, Σ = 10⁻⁴ I)",
                () -> Ex3CholeskyDensity.logDensity(x, new double[d], covariance));
        // ‖z‖² = 100 here, so ‖z‖ for ‖z‖² gives −50 (log 2π + log 10⁻⁴) − 5, and log det without its 2
        // gives −50 (log 2π + ½ log 10⁻⁴ + 1).
        Expect.close(expected, actual, TOLERANCE, "log N(x | 0, 10⁻⁴ I) in 100 dimensions", Double.isFinite(actual)
                ? "−½ (D log 2π + log det Σ + ‖z‖²), with log det Σ = 2 Σ log L[i][i] and ‖z‖² = 100 here"
                : "det Σ = 10⁻⁴⁰⁰ is 0 in double precision: never form it, use log det Σ = 2 Σ log L[i][i]",
                List.of(KnownMistakes.SIGN_FLIPPED,
                        KnownMistakes.Mistake.of("what ‖z‖ gives where ‖z‖² belongs", -50.0 * (Math.log(2.0 * Math.PI)
                                + Math.log(1e-4)) - 5.0),
                        KnownMistakes.Mistake.of("what log det Σ without its factor 2 gives: see 3.4 first", -50.0
                                * (Math.log(2.0 * Math.PI) + 0.5 * Math.log(1e-4) + 1.0))));
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("forwardSubstitution does not modify lower or b and returns a new array (its comment)")
    void forwardSubstitutionLeavesItsInputsAndReturnsANewArray() {
        Promises.forwardSubstitutionLeavesItsInputsAndReturnsANewArray((lower, d, b) -> StudentCode.call(
                "Ex3CholeskyDensity.forwardSubstitution(L, " + d + ", " + Expect.format(b) + ")",
                () -> Ex3CholeskyDensity.forwardSubstitution(lower, d, b)));
    }

    @Test
    @Order(6)
    @Points(1)
    @DisplayName("cholesky, logDeterminant and logDensity do not modify their arrays (their comments)")
    void choleskyLogDeterminantAndLogDensityLeaveTheirArrays() {
        Promises.choleskyLeavesItsMatrix((a, d) -> StudentCode.call("Ex3CholeskyDensity.cholesky(" + d + "×" + d
                + " matrix)", () -> Ex3CholeskyDensity.cholesky(a, d)));
        Promises.logDeterminantLeavesItsFactor((lower, d) -> StudentCode.call("Ex3CholeskyDensity.logDeterminant("
                + d + "×" + d + ")", () -> Ex3CholeskyDensity.logDeterminant(lower, d)));
        Promises.logDensityLeavesItsArguments((x, mean, covariance) -> StudentCode.call(
                "Ex3CholeskyDensity.logDensity(D = " + x.length + ")",
                () -> Ex3CholeskyDensity.logDensity(x, mean, covariance)));
    }
}
