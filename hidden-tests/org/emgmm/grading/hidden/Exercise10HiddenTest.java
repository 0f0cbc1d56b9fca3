package org.emgmm.grading.hidden;

import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.exercises.Ex10Vectorise;
import org.emgmm.grading.Exercise;
import org.emgmm.grading.Expect;
import org.emgmm.grading.Points;
import org.emgmm.grading.RunSeed;
import org.emgmm.grading.StudentCode;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Generators;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A hidden test of exercise 10 (see {@code hidden-tests/README.md}): the visible tests use at most 400
 * points, so a block size that divides them, or a buffer sized for them, can pass there. Here N is in
 * the thousands, the block a prime that divides no N, and the E-step must still agree with the per-point
 * loops of the library. Worth 2 points on top of the visible 100. An answer that computes nothing (zero
 * responsibilities, L = 0) fails it.
 */
@Exercise(10)
@DisplayName("Exercise 10: vectorise")
class Exercise10HiddenTest {

    /** As the visible tests: the same per-point arithmetic, rounding alone apart. */
    private static final double TOLERANCE = 1e-12;

    /** Blocks of a prime number of points, 61, 127 or 251: none divides N = 2,000 to 6,000 but by chance. */
    private static final int[] PRIME_BLOCKS = {61, 127, 251};

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("thousands of points in many blocks, the last one shorter: the library's responsibilities and L")
    void manyBlocksAgreeWithTheLibrary() {
        SplittableRandom random = RunSeed.forTest(Exercise10HiddenTest.class, "manyBlocksAgreeWithTheLibrary");
        LoopsEm library = new LoopsEm();
        for (int c = 0; c < 3; c++) {
            int d = 1 + random.nextInt(8);
            int k = 1 + random.nextInt(5);
            int n = random.nextInt(2_000, 6_000);
            GaussianMixture truth = Generators.mixture(random, d, k);
            double[] rows = new double[n * d];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = random.nextDouble(-15.0, 15.0);
            }
            DataMatrix data = new DataMatrix(n, d, rows, DataMatrix.defaultNames(d));
            int block = PRIME_BLOCKS[random.nextInt(PRIME_BLOCKS.length)];
            double[] factors = new double[k * d * d];
            double[] logDeterminants = new double[k];
            for (int j = 0; j < k; j++) {
                System.arraycopy(truth.cholesky(j).lowerTriangle(), 0, factors, j * d * d, d * d);
                logDeterminants[j] = truth.cholesky(j).logDeterminant();
            }
            String what = "N=" + n + " D=" + d + " K=" + k + " block=" + block;
            EStep step = Expect.notNull(StudentCode.call("Ex10Vectorise.eStep(" + what + ")",
                    () -> Ex10Vectorise.eStep(data, truth, factors, logDeterminants, block)), "Ex10Vectorise.eStep("
                    + what + ")", "return new EStep(responsibilities, logLikelihood)");
            EStep expected = library.eStep(data, truth);
            Expect.notNull(step.responsibilities(), "responsibilities (" + what + ")",
                    "wrap the flat N×K array with Responsibilities.wrap(N, K, values)");
            Expect.arrayClose(expected.responsibilities().toFlatArray(), step.responsibilities().toFlatArray(),
                    TOLERANCE, "responsibilities (" + what + ")", "every block, the last shorter one too");
            Expect.close(expected.logLikelihood(), step.logLikelihood(), TOLERANCE, "L(θ) (" + what + ")",
                    "the sum of every point's normaliser, over all the blocks");
        }
    }
}
