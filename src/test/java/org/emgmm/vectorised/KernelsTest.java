package org.emgmm.vectorised;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.emgmm.linalg.Cholesky;
import org.emgmm.model.LogSumExp;
import org.emgmm.testing.Cases;
import org.emgmm.testing.Generators;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each block kernel against the per-point formula it stands for, computed independently: the Cholesky
 * class's own Mahalanobis distance, {@link LogSumExp}, and plain sums over points. Random D (odd and
 * even, below and above the four-way unrolling), block sizes that do not divide evenly by four, and
 * partly filled blocks.
 */
class KernelsTest {

    /** Relative agreement: the kernels only group the same sums differently. */
    private static final double TOLERANCE = 1e-12;

    /** A random block: D, B (stride) and how many of its points are in use. */
    private record Block(int d, int stride, int size, double[] x) {
        @Override
        public String toString() {
            return "D=" + d + " B=" + stride + " size=" + size;
        }
    }

    private static Block block(SplittableRandom random) {
        int d = 1 + random.nextInt(13);
        int stride = 1 + random.nextInt(40);
        int size = 1 + random.nextInt(stride);
        double[] x = new double[stride * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = 10.0 * random.nextGaussian();
        }
        return new Block(d, stride, size, x);
    }

    private static double[][] transposed(Block block) {
        double[][] xt = new double[block.d()][block.stride()];
        Kernels.transpose(block.x(), block.size(), block.d(), xt);
        return xt;
    }

    /** K rows of log-densities for a block's points, each uniform in [−span, 0]. */
    private static double[][] randomLogDensities(SplittableRandom random, int k, Block block, double span) {
        double[][] logP = new double[k][block.stride()];
        for (int c = 0; c < k; c++) {
            for (int b = 0; b < block.size(); b++) {
                logP[c][b] = -span * random.nextDouble();
            }
        }
        return logP;
    }

    private static double[] randomVector(SplittableRandom random, int length, double scale) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = scale * random.nextGaussian();
        }
        return v;
    }

    @TestFactory
    Stream<DynamicTest> forwardSubstitutionGivesEachPointsMahalanobisDistance() {
        return Cases.forAll("Kernels.forwardSubstitution", KernelsTest::block, (block, random) -> {
            int d = block.d();
            double[] covariance = Generators.spdMatrix(random, d, 0.3, 3.0);
            Cholesky factor = Cholesky.decompose(covariance, d).orElseThrow();
            double[] mean = randomVector(random, d, 5.0);
            double[][] lower = new double[d][d];
            double[] inverseDiagonal = new double[d];
            for (int a = 0; a < d; a++) {
                for (int e = 0; e <= a; e++) {
                    lower[a][e] = factor.lower(a, e);
                }
                inverseDiagonal[a] = 1.0 / factor.lower(a, a);
            }
            double[][] z = new double[d][block.stride()];
            Kernels.centre(transposed(block), block.size(), d, mean, z);
            double[] out = new double[block.stride()];
            Kernels.forwardSubstitute(lower, inverseDiagonal, d, z, block.size(), out);
            Kernels.weightedLogDensities(1.5, out, block.size());
            double[] scratch = new double[d];
            for (int b = 0; b < block.size(); b++) {
                double expected = factor.mahalanobisSquared(block.x(), b * d, mean, 0, scratch);
                assertClose(1.5 - 0.5 * expected, out[b], "point " + b);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> normaliseIsLogSumExpPerPoint() {
        return Cases.forAll("Kernels.normalise", KernelsTest::block, (block, random) -> {
            int k = 1 + random.nextInt(6);
            int size = block.size();
            double[][] logP = randomLogDensities(random, k, block, 800.0);     // spans underflow of exp
            double[][] original = new double[k][];
            for (int c = 0; c < k; c++) {
                original[c] = logP[c].clone();
            }
            double total = Kernels.normalise(logP, size, k, new double[block.stride()], new double[block.stride()],
                    new double[block.stride()]);
            double expectedTotal = 0.0;
            for (int b = 0; b < size; b++) {
                double[] column = new double[k];
                for (int c = 0; c < k; c++) {
                    column[c] = original[c][b];
                }
                double logNormaliser = LogSumExp.of(column);
                expectedTotal += logNormaliser;
                for (int c = 0; c < k; c++) {
                    assertEquals(Math.exp(column[c] - logNormaliser), logP[c][b], 1e-12,
                            "r[" + c + "][" + b + "]");
                }
            }
            assertClose(expectedTotal, total, "the block's log-likelihood");
        });
    }

    @TestFactory
    Stream<DynamicTest> gatheredMomentsAreTheWeightedSums() {
        return Cases.forAll("Kernels.gatheredMoments", KernelsTest::block, (block, random) -> {
            int d = block.d();
            double[] mean = randomVector(random, d, 5.0);
            double[] r = new double[block.stride()];
            for (int b = 0; b < block.size(); b++) {
                r[b] = random.nextBoolean() ? random.nextDouble() : 1e-30;   // about half below the cut
            }
            double cut = 1e-25;
            double[][] y = new double[block.stride()][d];
            double[] w = new double[block.stride()];
            int[] index = new int[block.stride()];
            int gathered = Kernels.selectShares(r, r, block.size(), cut, index, new double[1], 0);
            Kernels.gatherCentred(block.x(), d, mean, index, gathered, r, y, w);
            double[] first = new double[d];
            double[][] second = new double[d][d];
            Kernels.addMoments(y, w, gathered, d, first, second);
            double[] expectedFirst = new double[d];
            double[][] expectedSecond = new double[d][d];
            int expectedCount = 0;
            for (int b = 0; b < block.size(); b++) {
                if (r[b] < cut) {
                    continue;
                }
                expectedCount++;
                for (int a = 0; a < d; a++) {
                    double ya = block.x()[b * d + a] - mean[a];
                    expectedFirst[a] += r[b] * ya;
                    for (int e = 0; e <= a; e++) {
                        expectedSecond[a][e] += r[b] * ya * (block.x()[b * d + e] - mean[e]);
                    }
                }
            }
            assertEquals(expectedCount, gathered, "points gathered");
            for (int a = 0; a < d; a++) {
                assertClose(expectedFirst[a], first[a], "s1[" + a + "]");
                for (int e = 0; e <= a; e++) {
                    assertClose(expectedSecond[a][e], second[a][e], "S2[" + a + "][" + e + "]");
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> momentLanesAddUpToTheWeightedSums() {
        return Cases.forAll("Kernels.momentLanes", KernelsTest::block, (block, random) -> {
            int d = block.d();
            double[] mean = randomVector(random, d, 5.0);
            double[] r = new double[block.stride()];
            for (int b = 0; b < block.size(); b++) {
                r[b] = random.nextDouble();
            }
            double[][] centred = new double[d][block.stride()];
            Kernels.centre(transposed(block), block.size(), d, mean, centred);
            double[][] lanes = new double[1 + d + d * (d + 1) / 2][block.stride()];
            Kernels.addMomentLanes(centred, r, block.size(), d, lanes);
            Kernels.addMomentLanes(centred, r, block.size(), d, lanes);    // a second block, the same
            double count = 0.0;
            for (int b = 0; b < block.size(); b++) {
                count += 2 * r[b];
            }
            assertClose(count, Kernels.sumLanes(lanes[0]), "Nk");
            for (int a = 0; a < d; a++) {
                double first = 0.0;
                for (int b = 0; b < block.size(); b++) {
                    first += 2 * r[b] * (block.x()[b * d + a] - mean[a]);
                }
                assertClose(first, Kernels.sumLanes(lanes[1 + a]), "s1[" + a + "]");
                for (int e = 0; e <= a; e++) {
                    double second = 0.0;
                    for (int b = 0; b < block.size(); b++) {
                        second += 2 * r[b] * (block.x()[b * d + a] - mean[a]) * (block.x()[b * d + e] - mean[e]);
                    }
                    assertClose(second, Kernels.sumLanes(lanes[Kernels.secondMomentLane(d, a, e)]),
                            "S2[" + a + "][" + e + "]");
                }
            }
        });
    }

    /**
     * The largest normaliser a point can have is s_b = K, when every component gives it the same
     * log-density; the block's log-likelihood, taken one logarithm per 16 points, must still be
     * Σ_b (logP_b + log K) for K in the thousands (a product of 16 such s_b is about 1e53, far from overflow).
     */
    @TestFactory
    Stream<DynamicTest> normaliseHoldsTheLargestNormalisers() {
        return Cases.forAll("Kernels.normaliseLargestNormalisers", KernelsTest::block, (block, random) -> {
            int k = 1 + random.nextInt(2000);
            int size = block.size();
            double[] shared = randomVector(random, size, 50.0);
            double[][] logP = new double[k][block.stride()];
            for (int c = 0; c < k; c++) {
                System.arraycopy(shared, 0, logP[c], 0, size);
            }
            double total = Kernels.normalise(logP, size, k, new double[block.stride()], new double[block.stride()],
                    new double[block.stride()]);
            double expected = 0.0;
            for (int b = 0; b < size; b++) {
                expected += shared[b] + Math.log(k);
                assertEquals(1.0 / k, logP[random.nextInt(k)][b], 1e-15, "r[·][" + b + "]");
            }
            assertClose(expected, total, "the block's log-likelihood, K=" + k);
        });
    }

    /**
     * With sample weights the block's log-likelihood is Σ_b w_b log Σₖ exp(logP[k][b]), whatever mix of weights
     * 1 and others the runs of 16 points hold; and weights that are all 1 give the unweighted sum bit for bit.
     */
    @TestFactory
    Stream<DynamicTest> weightedNormaliseWeighsEachPoint() {
        return Cases.forAll("Kernels.weightedNormalise", KernelsTest::block, (block, random) -> {
            int k = 1 + random.nextInt(6);
            int size = block.size();
            double[][] logP = randomLogDensities(random, k, block, 30.0);
            double[] weights = new double[block.stride()];
            double[] ones = new double[block.stride()];
            double expected = 0.0;
            for (int b = 0; b < size; b++) {
                weights[b] = random.nextBoolean() ? 1.0 : 3.0 * random.nextDouble();
                ones[b] = 1.0;
                double[] column = new double[k];
                for (int c = 0; c < k; c++) {
                    column[c] = logP[c][b];
                }
                expected += weights[b] * LogSumExp.of(column);
            }
            int room = block.stride();
            double weighted = Kernels.normalise(copy(logP), size, k, new double[room], new double[room],
                    new double[room], weights);
            assertClose(expected, weighted, "the block's weighted log-likelihood");
            double unweighted = Kernels.normalise(copy(logP), size, k, new double[room], new double[room],
                    new double[room]);
            double allOnes = Kernels.normalise(copy(logP), size, k, new double[room], new double[room],
                    new double[room], ones);
            assertEquals(unweighted, allOnes, 0.0, "weights of 1 against no weights");
        });
    }

    private static double[][] copy(double[][] rows) {
        double[][] result = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            result[i] = rows[i].clone();
        }
        return result;
    }

    /**
     * The listing of kept points keeps exactly those with r ≥ the cut, in order: a responsibility equal
     * to the cut is kept, one just below it is not, and a cut of 0 keeps every point. Alongside, the
     * block's Σ mass of every point, kept or not, is added to its component's count: the same bits as the
     * plain sum in point order, added to what the count held.
     */
    @TestFactory
    Stream<DynamicTest> selectSharesKeepsExactlyThePointsAtOrAboveTheCut() {
        return Cases.forAll("Kernels.selectShares", KernelsTest::block, (block, random) -> {
            int size = block.size();
            double cut = random.nextBoolean() ? 0.0 : 1e-20 * random.nextDouble();
            double[] r = new double[block.stride()];
            for (int b = 0; b < size; b++) {
                switch (random.nextInt(4)) {
                    case 0 -> r[b] = cut;
                    case 1 -> r[b] = Math.max(0.0, Math.nextDown(cut));
                    case 2 -> r[b] = 0.0;
                    default -> r[b] = random.nextDouble();
                }
            }
            double[] mass = randomVector(random, block.stride(), 1.0);
            int[] index = new int[block.stride()];
            int k = random.nextInt(3);
            double[] counts = randomVector(random, 3, 100.0);
            double[] before = counts.clone();
            int count = Kernels.selectShares(r, mass, size, cut, index, counts, k);
            double blockSum = 0.0;
            for (int b = 0; b < size; b++) {
                blockSum += mass[b];
            }
            for (int c = 0; c < counts.length; c++) {
                assertEquals(c == k ? before[c] + blockSum : before[c], counts[c], "counts[" + c + "]");
            }
            int expected = 0;
            for (int b = 0; b < size; b++) {
                if (r[b] >= cut) {
                    assertEquals(b, index[expected], "the " + expected + "th point kept");
                    expected++;
                }
            }
            assertEquals(expected, count, "points kept");
        });
    }

    private static void assertClose(double expected, double actual, String what) {
        double scale = Math.max(1.0, Math.abs(expected));
        assertEquals(expected, actual, TOLERANCE * scale, what);
    }
}
