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

    /** Random cases per property, drawn from the run's seed ({@link RunSeed}): new ones in every run. */
    private static final int CASES = 100;
    private static final int MAX_DIMENSION = 8;

    /**
     * The smallest pivot, in absolute value, of the matrices 3.2 asks about: a pivot this far from 0 has the
     * same sign however the sums that make it are rounded (their rounding is below 1e-12 here).
     */
    private static final double CLEAR_PIVOT = 1e-3;

    /** The generator of one test's inputs. */
    static SplittableRandom random(String test) {
        return RunSeed.forTest(Exercise3Test.class, test);
    }

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

        SplittableRandom random = random("choleskyFactorsTheMatrix");
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

    /**
     * The pivots A[j][j] − Σ_{m<j} L[j][m]² of the Cholesky factorisation of {@code a} up to the first that
     * is not positive (by elimination without pivoting, the test's own): their signs say whether A is
     * positive-definite, their size whether rounding could change that.
     */
    static double[] pivots(double[] a, int d) {
        double[] work = a.clone();
        double[] pivots = new double[d];
        for (int j = 0; j < d; j++) {
            pivots[j] = work[j * d + j];
            if (!(pivots[j] > 0.0)) {
                return java.util.Arrays.copyOf(pivots, j + 1);
            }
            for (int i = j + 1; i < d; i++) {
                double factor = work[i * d + j] / pivots[j];
                for (int m = j; m < d; m++) {
                    work[i * d + m] -= factor * work[j * d + m];
                }
            }
        }
        return pivots;
    }

    /** Whether every pivot of {@code a} is at least {@link #CLEAR_PIVOT} from 0. */
    private static boolean clearPivots(double[] a, int d) {
        return java.util.Arrays.stream(pivots(a, d)).allMatch(p -> Math.abs(p) >= CLEAR_PIVOT);
    }

    /** A random symmetric d×d matrix with one eigenvalue in [−10, −0.1], the others in [0.1, 10], clear pivots. */
    private static double[] randomIndefinite(SplittableRandom random, int d) {
        while (true) {
            double[] eigenvalues = new double[d];
            for (int j = 0; j < d; j++) {
                eigenvalues[j] = random.nextDouble(0.1, 10.0);
            }
            eigenvalues[random.nextInt(d)] *= -1.0;
            double[] a = Generators.withEigenvalues(Generators.rotation(random, d), eigenvalues);
            if (clearPivots(a, d)) {
                return a;
            }
        }
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("cholesky says when a matrix is not positive-definite, and only then")
    void choleskyRefusesIndefiniteMatrices() {
        // [[1, 2], [2, 1]] has eigenvalues 3 and −1: the second pivot is 1 − 2² = −3 < 0.
        Expect.that(cholesky(new double[] {1.0, 2.0, 2.0, 1.0}, 2).isEmpty(), "cholesky([[1, 2], [2, 1]])",
                "Optional.empty()", "a factor", "the second pivot is 1 − 2² = −3: check that each pivot is > 0"
                        + " before taking its square root (Math.sqrt(−3) is NaN, not an error)");
        SplittableRandom random = random("choleskyRefusesIndefiniteMatrices");
        // The zero matrix: the first pivot is 0, and dividing by L[0][0] = 0 would give NaN or ∞.
        int zero = 1 + random.nextInt(MAX_DIMENSION);
        Expect.that(cholesky(new double[zero * zero], zero).isEmpty(), "cholesky(" + zero + "×" + zero
                + " zero matrix)", "Optional.empty()", "a factor", "a pivot of exactly 0 is not positive either");
        for (int c = 0; c < CASES; c++) {
            int d = 1 + random.nextInt(MAX_DIMENSION);
            // A positive-definite matrix (eigenvalues in [0.1, 10], so every pivot is at least 0.1): a factor.
            double[] a = randomCovariance(random, d);
            Expect.that(cholesky(a, d).isPresent(), "cholesky of a random " + d + "×" + d + " positive-definite"
                    + " matrix", "a factor", "Optional.empty()", "every pivot A[i][i] − Σ L[i][m]² is positive for a"
                            + " positive-definite matrix: refuse only a pivot ≤ 0");
            // The same with the sign of one diagonal entry flipped: a pivot ≤ −0.1 at that row or before (a
            // positive-definite matrix has a positive diagonal).
            int flip = random.nextInt(d);
            a[flip * d + flip] = -a[flip * d + flip];
            Expect.that(cholesky(a, d).isEmpty(), "cholesky of a " + d + "×" + d + " matrix with A[" + flip + "]["
                    + flip + "] < 0", "Optional.empty()", "a factor",
                    "a negative diagonal entry makes a pivot ≤ 0 at that row or before");
            // One negative eigenvalue, often with every diagonal entry positive: only the pivots tell.
            double[] indefinite = randomIndefinite(random, d);
            Expect.that(cholesky(indefinite, d).isEmpty(), "cholesky of a random " + d + "×" + d + " matrix with one"
                    + " negative eigenvalue", "Optional.empty()", "a factor", "compute every pivot A[i][i] − Σ_{m<i}"
                            + " L[i][m]² and refuse as soon as one is ≤ 0: a positive diagonal is not enough");
        }
        singularMatricesAreRefused(Exercise3Test::cholesky);
    }

    /**
     * Singular matrices whose last pivot is exactly 0, which the text refuses ("a pivot that is zero"). A = M Mᵀ
     * for a lower-triangular M of small whole numbers (diagonal 1 to 3, the rest −3 to 3) whose last diagonal
     * entry is 0: every step of the factorisation, row by row or column by column, then works on whole numbers
     * below 2⁵³, so it is exact, gives L = M up to the last row, and that row's pivot A[d−1][d−1] − Σ M[d−1][m]²
     * is 0 exactly, whatever the order of the sums.
     */
    static void singularMatricesAreRefused(Promises.Cholesky cholesky) {
        SplittableRandom random = random("singularMatricesAreRefused");
        for (int c = 0; c < CASES; c++) {
            int d = 2 + random.nextInt(MAX_DIMENSION - 1);
            double[] m = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    m[i * d + j] = random.nextInt(-3, 4);
                }
                m[i * d + i] = i == d - 1 ? 0.0 : random.nextInt(1, 4);
            }
            double[] a = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    for (int k = 0; k < d; k++) {
                        a[i * d + j] += m[i * d + k] * m[j * d + k];
                    }
                }
            }
            double[] factor = cholesky.of(a, d).orElse(null);
            if (factor != null) {
                boolean zeroOnTheDiagonal = false;
                for (int i = 0; i < d && factor.length == d * d; i++) {
                    zeroOnTheDiagonal |= factor[i * d + i] == 0.0;
                }
                throw Expect.failure("cholesky of the singular " + d + "×" + d + " matrix " + Expect.format(a)
                        + " (its last pivot is exactly 0)", "Optional.empty()", "a factor " + Expect.format(factor),
                        zeroOnTheDiagonal ? KnownMistakes.ZERO_PIVOT_ACCEPTED
                                : "refuse every pivot ≤ 0: a pivot of exactly 0 means A is singular, not"
                                        + " positive-definite");
            }
        }
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("forwardSubstitution solves L z = b")
    void forwardSubstitutionSolves() {
        SplittableRandom random = random("forwardSubstitutionSolves");
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
        SplittableRandom random = random("logDeterminant");
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
            // For d = 1 the last term is the only one (and the first): leaving it out gives 0.
            suspects.add(KnownMistakes.Mistake.of("what leaving out the last diagonal term gives: an off-by-one in"
                    + " a loop bound (i < d)", library.logDeterminant() - last));
            if (d > 1) {
                suspects.add(KnownMistakes.Mistake.of("what leaving out the first diagonal term gives: an off-by-one"
                        + " in a loop bound (i from 0)", library.logDeterminant() - first));
            }
            Expect.close(library.logDeterminant(), actual, TOLERANCE, "log det A (" + d + "×" + d + ")",
                    "det A = (Π L[i][i])², so log det A = 2 Σ log L[i][i] over all d diagonal entries", suspects);
        }
        // A diagonal factor in 100 dimensions, each L[i][i] between 0.005 and 0.015: log det Σ = 2 Σ log L[i][i]
        // is about −900, while det Σ = (Π L[i][i])² is below 10⁻³⁶⁰, 0 in double precision.
        int d = 100;
        double[] l = new double[d * d];
        double expected = 0.0;
        for (int i = 0; i < d; i++) {
            l[i * d + i] = random.nextDouble(0.005, 0.015);
            expected += 2.0 * Math.log(l[i * d + i]);
        }
        double actual = logDeterminant.of(l, d);
        Expect.close(expected, actual, TOLERANCE, "log det Σ for a diagonal factor in 100 dimensions (det Σ < 10⁻³⁶⁰)",
                Double.isInfinite(actual) ? "det Σ = (Π L[i][i])² underflows to 0 and its log is −∞: sum the"
                        + " logarithms of the diagonal instead" : "2 Σ log L[i][i] over the 100 diagonal entries",
                KnownMistakes.GENERIC);
    }

    @Test
    @Order(8)
    @Points(1)
    @DisplayName("logDensity matches the library on random Gaussians")
    void logDensityMatchesTheLibrary() {
        logDensityMatchesTheLibrary((x, mean, covariance) -> StudentCode.call("Ex3CholeskyDensity.logDensity(D = "
                + x.length + ")", () -> Ex3CholeskyDensity.logDensity(x, mean, covariance)));
    }

    static void logDensityMatchesTheLibrary(Promises.LogDensity logDensity) {
        SplittableRandom random = random("logDensityMatchesTheLibrary");
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
    @Points(1)
    @DisplayName("logDensity is finite in 100 dimensions where det Σ underflows")
    void logDensityInHighDimension() {
        // Σ = diag(s₁, …, s₁₀₀) with each sᵢ between 10⁻⁵ and 5·10⁻⁴, and x − μ = δ with |δᵢ| ≤ 0.02, in
        // D = 100: det Σ = Π sᵢ < 10⁻³³⁰ is 0 in double precision, but log det Σ = Σ log sᵢ and
        // ‖z‖² = (x − μ)ᵀ Σ⁻¹ (x − μ) = Σ δᵢ²/sᵢ are ordinary numbers, so
        // log N = −½ (100 log 2π + Σ log sᵢ + Σ δᵢ²/sᵢ).
        SplittableRandom random = random("logDensityInHighDimension");
        int d = 100;
        double[] covariance = new double[d * d];
        double[] mean = new double[d];
        double[] x = new double[d];
        double logDet = 0.0;
        double squared = 0.0;
        for (int i = 0; i < d; i++) {
            double s = random.nextDouble(1e-5, 5e-4);
            covariance[i * d + i] = s;
            mean[i] = random.nextDouble(-1.0, 1.0);
            x[i] = mean[i] + random.nextDouble(-0.02, 0.02);
            double deviation = x[i] - mean[i];
            logDet += Math.log(s);
            squared += deviation * deviation / s;
        }
        double constant = d * Math.log(2.0 * Math.PI);
        double expected = -0.5 * (constant + logDet + squared);
        double actual = StudentCode.call("Ex3CholeskyDensity.logDensity(D = 100, Σ diagonal, det Σ < 10⁻³³⁰)",
                () -> Ex3CholeskyDensity.logDensity(x.clone(), mean.clone(), covariance.clone()));
        Expect.close(expected, actual, TOLERANCE, "log N(x | μ, Σ) in 100 dimensions, det Σ < 10⁻³³⁰",
                Double.isFinite(actual)
                        ? "−½ (D log 2π + log det Σ + ‖z‖²), with log det Σ = 2 Σ log L[i][i] and ‖z‖² = "
                                + Expect.format(squared) + " here"
                        : "det Σ is 0 in double precision: never form it, use log det Σ = 2 Σ log L[i][i]",
                List.of(KnownMistakes.SIGN_FLIPPED,
                        KnownMistakes.Mistake.of("what ‖z‖ gives where ‖z‖² belongs",
                                -0.5 * (constant + logDet + Math.sqrt(squared))),
                        KnownMistakes.Mistake.of("what log det Σ without its factor 2 gives: see 3.4 first",
                                -0.5 * (constant + 0.5 * logDet + squared))));
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
