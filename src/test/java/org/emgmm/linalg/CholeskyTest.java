package org.emgmm.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.emgmm.testing.Cases;
import org.emgmm.testing.EmChecks;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Reference;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CholeskyTest {

    /** A random SPD matrix with known eigenvalues: Q diag(λ) Qᵀ, λ log-uniform in [1e-3, 1e3]. */
    record Spd(int dimension, double[] matrix, double[] eigenvalues) {
        @Override
        public String toString() {
            double smallest = Double.POSITIVE_INFINITY;
            double largest = 0.0;
            for (double value : eigenvalues) {
                smallest = Math.min(smallest, value);
                largest = Math.max(largest, value);
            }
            return String.format("D=%d cond=%.3g", dimension, largest / smallest);
        }
    }

    private static Spd spd(SplittableRandom random) {
        int d = Generators.between(random, 1, 8);
        double[] eigenvalues = new double[d];
        for (int j = 0; j < d; j++) {
            eigenvalues[j] = Math.pow(10.0, random.nextDouble(-3.0, 3.0));
        }
        return new Spd(d, Generators.withEigenvalues(Generators.rotation(random, d), eigenvalues), eigenvalues);
    }

    private static Cholesky factor(Spd spd) {
        Optional<Cholesky> factor = Cholesky.decompose(spd.matrix(), spd.dimension());
        assertTrue(factor.isPresent(), "an SPD matrix has a Cholesky factor");
        return factor.get();
    }

    @TestFactory
    Stream<DynamicTest> lowerTimesTransposeReconstructsTheMatrix() {
        return Cases.forAll("Cholesky.reconstructs", CholeskyTest::spd, (spd, random) -> {
            int d = spd.dimension();
            Cholesky factor = factor(spd);
            double[] l = factor.lowerTriangle();
            for (int i = 0; i < d; i++) {
                assertTrue(l[i * d + i] > 0.0, "positive diagonal");
                for (int j = i + 1; j < d; j++) {
                    assertEquals(0.0, l[i * d + j], "zero above the diagonal at [" + i + "][" + j + "]");
                    assertEquals(0.0, factor.lower(i, j));
                }
            }
            double[] product = Reference.multiply(l, Reference.transpose(l, d, d), d, d, d);
            // Cholesky is backward stable: L Lᵀ = A + E with |E| a small multiple of ε |A|.
            EmChecks.assertVectorsClose(spd.matrix(), product, 1e-13, "L Lᵀ against A");
        });
    }

    @TestFactory
    Stream<DynamicTest> logDeterminantMatchesEigenvaluesAndLu() {
        return Cases.forAll("Cholesky.logDeterminant", CholeskyTest::spd, (spd, random) -> {
            double fromEigenvalues = 0.0;
            for (double value : spd.eigenvalues()) {
                fromEigenvalues += Math.log(value);
            }
            double logDet = factor(spd).logDeterminant();
            assertEquals(fromEigenvalues, logDet, 1e-9 * Math.max(1.0, Math.abs(fromEigenvalues)),
                    "log det against Σ log λ");
            Reference.Lu lu = Reference.lu(spd.matrix(), spd.dimension());
            assertTrue(lu.determinant() > 0.0, "an SPD matrix has a positive determinant");
            assertEquals(Math.log(lu.determinant()), logDet, 1e-9 * Math.max(1.0, Math.abs(logDet)),
                    "log det against the log of the LU determinant");
        });
    }

    @TestFactory
    Stream<DynamicTest> mahalanobisMatchesAnLuSolve() {
        return Cases.forAll("Cholesky.mahalanobis", CholeskyTest::spd, (spd, random) -> {
            int d = spd.dimension();
            double[] x = Generators.uniformVector(random, d, -5.0, 5.0);
            double[] mu = Generators.uniformVector(random, d, -5.0, 5.0);
            // Embed x and μ at offsets, as the library does with flat data.
            double[] xs = new double[d + 3];
            System.arraycopy(x, 0, xs, 3, d);
            double[] mus = new double[d + 1];
            System.arraycopy(mu, 0, mus, 1, d);
            double actual = factor(spd).mahalanobisSquared(xs, 3, mus, 1, new double[d]);
            double[] deviation = new double[d];
            for (int j = 0; j < d; j++) {
                deviation[j] = x[j] - mu[j];
            }
            double[] solved = Reference.lu(spd.matrix(), d).solve(deviation);
            double expected = 0.0;
            for (int j = 0; j < d; j++) {
                expected += deviation[j] * solved[j];
            }
            assertTrue(actual >= 0.0, "a squared distance is not negative");
            // Condition numbers up to 1e6: relative agreement to about 1e6 ε.
            assertEquals(expected, actual, 1e-8 * Math.max(1.0, expected), "(x − μ)ᵀ A⁻¹ (x − μ)");
        });
    }

    @TestFactory
    Stream<DynamicTest> onlyTheLowerTriangleIsRead() {
        return Cases.forAll("Cholesky.lowerTriangle", CholeskyTest::spd, (spd, random) -> {
            int d = spd.dimension();
            double[] scrambled = spd.matrix().clone();
            for (int i = 0; i < d; i++) {
                for (int j = i + 1; j < d; j++) {
                    scrambled[i * d + j] = random.nextDouble(-1e3, 1e3);
                }
            }
            assertArrayEquals(factor(spd).lowerTriangle(),
                    Cholesky.decompose(scrambled, d).orElseThrow().lowerTriangle());
        });
    }

    @TestFactory
    Stream<DynamicTest> refusesMatricesWithANonPositiveEigenvalue() {
        return Cases.forAll("Cholesky.refusesIndefinite", random -> {
            int d = Generators.between(random, 1, 6);
            double[] eigenvalues = new double[d];
            for (int j = 0; j < d; j++) {
                eigenvalues[j] = random.nextDouble(0.1, 10.0);
            }
            eigenvalues[random.nextInt(d)] = -random.nextDouble(0.01, 10.0);
            return new Spd(d, Generators.withEigenvalues(Generators.rotation(random, d), eigenvalues), eigenvalues);
        }, (matrix, random) -> assertTrue(Cholesky.decompose(matrix.matrix(), matrix.dimension()).isEmpty(),
                "a matrix with a negative eigenvalue has no Cholesky factor"));
    }

    @Test
    void factorsSmallMatricesExactly() {
        Cholesky one = Cholesky.decompose(new double[] {4.0}, 1).orElseThrow();
        assertEquals(2.0, one.lower(0, 0));
        assertEquals(Math.log(4.0), one.logDeterminant(), 1e-15);
        // [[4, 2], [2, 5]] = [[2, 0], [1, 2]] [[2, 1], [0, 2]]
        Cholesky two = Cholesky.decompose(new double[] {4, 2, 2, 5}, 2).orElseThrow();
        assertArrayEquals(new double[] {2, 0, 1, 2}, two.lowerTriangle());
        assertEquals(Math.log(16.0), two.logDeterminant(), 1e-15);
        assertEquals(2, two.dimension());
    }

    @Test
    void refusesSingularZeroAndNonFiniteMatrices() {
        assertTrue(Cholesky.decompose(new double[] {1, 1, 1, 1}, 2).isEmpty(), "singular");
        assertTrue(Cholesky.decompose(new double[] {0, 0, 0, 0}, 2).isEmpty(), "zero");
        assertTrue(Cholesky.decompose(new double[] {-1}, 1).isEmpty(), "negative");
        assertTrue(Cholesky.decompose(new double[] {Double.NaN}, 1).isEmpty(), "NaN diagonal");
        assertTrue(Cholesky.decompose(new double[] {1, 0, Double.NaN, 1}, 2).isEmpty(), "NaN below the diagonal");
        assertTrue(Cholesky.decompose(new double[] {Double.POSITIVE_INFINITY}, 1).isEmpty(), "infinite diagonal");
        assertTrue(Cholesky.decompose(new double[] {1, 0, Double.POSITIVE_INFINITY, 1}, 2).isEmpty(),
                "infinite entry below the diagonal");
    }

    @Test
    void refusesAnArrayOfTheWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cholesky.decompose(new double[] {1, 0, 0}, 2));
        assertTrue(e.getMessage().contains("2x2"), e.getMessage());
    }

    @TestFactory
    Stream<DynamicTest> aMatrixInsideALargerArrayFactorsAsOnItsOwn() {
        return Cases.forAll("Cholesky.offset", CholeskyTest::spd, (spd, random) -> {
            int d = spd.dimension();
            int before = random.nextInt(3 * d * d + 1);
            int after = random.nextInt(d * d + 1);
            double[] larger = new double[before + d * d + after];
            for (int i = 0; i < larger.length; i++) {
                larger[i] = random.nextDouble(-1e3, 1e3);   // neighbours that are no SPD matrix
            }
            System.arraycopy(spd.matrix(), 0, larger, before, d * d);
            Cholesky inside = Cholesky.decompose(larger, before, d).orElseThrow();
            assertArrayEquals(factor(spd).lowerTriangle(), inside.lowerTriangle());
            assertEquals(factor(spd).logDeterminant(), inside.logDeterminant());
        });
    }

    @Test
    void refusesAnOffsetWithNoRoomForTheMatrix() {
        double[] nine = new double[9];
        assertThrows(IllegalArgumentException.class, () -> Cholesky.decompose(nine, 6, 2));
        assertThrows(IllegalArgumentException.class, () -> Cholesky.decompose(nine, -1, 2));
        assertTrue(Cholesky.decompose(new double[] {7, 4, 2, 2, 5}, 1, 2).isPresent(), "[[4, 2], [2, 5]] at 1");
    }

    @Test
    void anEntryOutsideTheMatrixIsRefused() {
        Cholesky two = Cholesky.decompose(new double[] {4, 2, 2, 5}, 2).orElseThrow();
        assertThrows(IndexOutOfBoundsException.class, () -> two.lower(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> two.lower(1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> two.lower(-1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> two.lower(1, -1));
    }

    @Test
    void lowerTriangleIsACopy() {
        Cholesky factor = Cholesky.decompose(new double[] {4, 2, 2, 5}, 2).orElseThrow();
        factor.lowerTriangle()[0] = 99.0;
        assertEquals(2.0, factor.lower(0, 0));
    }
}
