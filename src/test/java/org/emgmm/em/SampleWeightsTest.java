package org.emgmm.em;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.emgmm.data.DataException;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.MixtureSampler;
import org.emgmm.explicitpdf.ExplicitPdfEm;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.selection.ModelSelection;
import org.emgmm.testing.Cases;
import org.emgmm.testing.EmChecks;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Reference;
import org.emgmm.univariate.UnivariateEm;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Sample weights in EM: the properties the weighted sums must have, as seeded property tests (see
 * {@link Cases}: the seed of every case is in its display name, and {@code -Demgmm.seed=...} reruns one).
 *
 * <p>The central one: whole-number weights give the fit of the data with each row repeated wᵢ times,
 * which the unweighted code computes by a path that never sees a weight. Both fits add the same terms, but
 * grouped differently (w · x once against x + x + … w times), so they agree up to rounding only; see
 * {@link #REPEAT_TOLERANCE}.
 */
class SampleWeightsTest {

    /**
     * Relative agreement of a weighted fit and its repeated-rows twin (and of other pairs that differ only
     * in the order of additions). Each sum differs by rounding, at most about n·ε ≈ 1e-13 relative for the
     * n ≤ 1,000 terms here; EM passes such differences on from iteration to iteration, and near a fixed point
     * it damps them, but over the first iterations it may amplify them by the conditioning of the fit. 1e-9
     * leaves four orders of magnitude for that, and is still far below what a real error does: counting a
     * weight once too often or not at all moves the parameters by around 1e-2 or more.
     */
    static final double REPEAT_TOLERANCE = 1e-9;

    /** Room for rounding in the non-decreasing trace: EmChecks' own slack, relative to |L/W|. */
    static final double TRACE_SLACK = 1e-10;

    /** The largest whole-number weight drawn: enough to repeat rows several times, small enough to stay fast. */
    static final int MAX_WHOLE_WEIGHT = 3;

    /** Settings of every fit: enough iterations to converge on these well-separated mixtures. */
    static final EmSettings SETTINGS = new EmSettings(200, 1e-8, 1e-6);

    /** Points per block of the vectorised fits: small, so that even small data spans many slices. */
    static final int SMALL_BLOCK = 8;

    // ---- generators ----------------------------------------------------------------------------------------

    /**
     * Data from a random mixture (D in 1..maxDimension, K in 1..3, N from max(30, 8·K·(D+1)) to 120 more),
     * whole-number weights in 0..{@value #MAX_WHOLE_WEIGHT} (0 for about one row in four, never for the
     * first), and a start near the truth.
     */
    record Weighted(DataMatrix data, int[] counts, GaussianMixture start) {
        @Override
        public String toString() {
            return "D=" + data.columns() + " K=" + start.components() + " N=" + data.rows() + " W="
                    + (long) data.totalWeight();
        }
    }

    static Weighted wholeNumberCase(SplittableRandom random, int maxDimension) {
        int d = Generators.between(random, 1, maxDimension);
        int k = Generators.between(random, 1, 3);
        GaussianMixture truth = Generators.mixture(random, d, k);
        int fewest = Math.max(30, 8 * k * (d + 1)); // enough positive-weight points for every component
        int n = Generators.between(random, fewest, fewest + 120);
        DataMatrix points = MixtureSampler.sample(truth, n, random.nextLong()).data();
        int[] counts = new int[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            // one row in four is left out (weight 0), the others count 1 to MAX_WHOLE_WEIGHT times
            counts[i] = random.nextInt(4) == 0 ? 0 : Generators.between(random, 1, MAX_WHOLE_WEIGHT);
            weights[i] = counts[i];
        }
        counts[0] = Math.max(counts[0], 1);
        weights[0] = counts[0];
        return new Weighted(points.withSampleWeights(weights), counts, Generators.perturbed(random, truth));
    }

    /** The data with row i repeated counts[i] times in place (0 times: left out), unweighted. */
    static DataMatrix repeated(DataMatrix data, int[] counts) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            for (int copy = 0; copy < counts[i]; copy++) {
                order.add(i);
            }
        }
        return data.withSampleWeights(null).withRows(order.stream().mapToInt(Integer::intValue).toArray());
    }

    static DataMatrix withWeights(DataMatrix data, double[] weights) {
        return data.withSampleWeights(weights);
    }

    static List<EmAlgorithm> weightedImplementations() {
        return List.of(new LoopsEm(), VectorisedEm.withBlockSize(2, SMALL_BLOCK));
    }

    // ---- comparisons ---------------------------------------------------------------------------------------

    /** |a − b| ≤ tolerance · max(1, |a|, |b|) entry by entry: the data are of order 1 to 10. */
    static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(1.0, Math.max(Math.abs(expected[i]), Math.abs(actual[i])));
            assertTrue(Math.abs(expected[i] - actual[i]) <= tolerance * scale, what + "[" + i + "]: expected "
                    + expected[i] + ", got " + actual[i]);
        }
    }

    static void assertSameModel(GaussianMixture expected, GaussianMixture actual, double tolerance, String what) {
        assertEquals(expected.covarianceType(), actual.covarianceType(), what + ": covariance type");
        assertClose(expected.weights(), actual.weights(), tolerance, what + " weights");
        assertClose(expected.flatMeans(), actual.flatMeans(), tolerance, what + " means");
        assertClose(expected.flatCovariances(), actual.flatCovariances(), tolerance, what + " covariances");
    }

    /** The same run up to rounding: iterations, convergence and empty components exactly, numbers within tolerance. */
    static void assertSameRun(EmResult expected, EmResult actual, double tolerance, String what) {
        assertEquals(expected.iterations(), actual.iterations(), what + ": iterations");
        assertEquals(expected.converged(), actual.converged(), what + ": converged");
        assertArrayEquals(expected.emptyComponents(), actual.emptyComponents(), what + ": empty components");
        assertClose(expected.trace(), actual.trace(), tolerance, what + " trace");
        assertSameModel(expected.model(), actual.model(), tolerance, what);
    }

    /** The same run bit for bit (the sums of weights may differ, as when all weights are scaled by 2). */
    static void assertIdenticalRun(EmResult expected, EmResult actual, String what) {
        assertEquals(expected.iterations(), actual.iterations(), what + ": iterations");
        assertEquals(expected.converged(), actual.converged(), what + ": converged");
        assertArrayEquals(expected.emptyComponents(), actual.emptyComponents(), what + ": empty components");
        assertArrayEquals(expected.trace(), actual.trace(), what + ": trace");
        assertEquals(expected.model(), actual.model(), what + ": model");
    }

    // ---- whole-number weights ≡ repeated rows --------------------------------------------------------------

    /**
     * From the same start (as with {@code --init FILE}), whole-number weights and the repeated rows give the
     * same run, for the loops and the vectorised implementations and every covariance type.
     */
    @TestFactory
    Stream<DynamicTest> wholeNumberWeightsEqualRepeatedRows() {
        return Cases.forAll("SampleWeights.wholeNumberWeightsEqualRepeatedRows", random -> wholeNumberCase(random, 6),
                (c, random) -> {
                    DataMatrix copies = repeated(c.data(), c.counts());
                    for (CovarianceType type : CovarianceType.values()) {
                        GaussianMixture start = c.start().constrainedTo(type);
                        for (EmAlgorithm algorithm : weightedImplementations()) {
                            EmResult weighted = algorithm.fit(c.data(), start, SETTINGS);
                            EmResult unweighted = algorithm.fit(copies, start, SETTINGS);
                            assertSameRun(unweighted, weighted, REPEAT_TOLERANCE, algorithm.name() + " " + type.label());
                            assertEquals(unweighted.points(), weighted.totalWeight(), "W = rows repeated");
                            double bic = ModelSelection.bic(unweighted);
                            assertEquals(bic, ModelSelection.bic(weighted), REPEAT_TOLERANCE * Math.abs(bic), "BIC");
                        }
                    }
                });
    }

    /** The univariate implementation too, on one-dimensional data. */
    @TestFactory
    Stream<DynamicTest> univariateWholeNumberWeightsEqualRepeatedRows() {
        return Cases.forAll("SampleWeights.univariateWholeNumberWeightsEqualRepeatedRows",
                random -> wholeNumberCase(random, 1), (c, random) -> {
                    DataMatrix copies = repeated(c.data(), c.counts());
                    EmAlgorithm algorithm = new UnivariateEm();
                    for (CovarianceType type : List.of(CovarianceType.FULL, CovarianceType.TIED)) {
                        GaussianMixture start = c.start().constrainedTo(type);
                        assertSameRun(algorithm.fit(copies, start, SETTINGS), algorithm.fit(c.data(), start, SETTINGS),
                                REPEAT_TOLERANCE, type.label());
                    }
                });
    }

    /**
     * The k-means++ and kmeans starts on weighted data are the starts on the rows repeated in place, with the
     * same seed: the first centre's draw is the same integer, the next draws compare the same uniform number
     * against sums added in another order.
     */
    @TestFactory
    Stream<DynamicTest> clusterStartsEqualRepeatedRowsStarts() {
        return Cases.forAll("SampleWeights.clusterStartsEqualRepeatedRowsStarts", random -> wholeNumberCase(random, 6),
                (c, random) -> {
                    DataMatrix copies = repeated(c.data(), c.counts());
                    int k = c.start().components();
                    long seed = random.nextLong();
                    for (InitMethod method : List.of(InitMethod.K_MEANS_PLUS_PLUS, InitMethod.KMEANS)) {
                        GaussianMixture fromCopies = method.start(copies, k, seed, SETTINGS.regCovar());
                        GaussianMixture fromWeights = method.start(c.data(), k, seed, SETTINGS.regCovar());
                        assertSameModel(fromCopies, fromWeights, REPEAT_TOLERANCE, method.label());
                    }
                    // and Lloyd's algorithm itself: the same centres, and W counts each point wᵢ times
                    double[] centres = KMeansPlusPlus.centres(copies, k, seed);
                    assertClose(centres, KMeansPlusPlus.centres(c.data(), k, seed), REPEAT_TOLERANCE, "k-means++ centres");
                    Lloyd.Result onCopies = Lloyd.run(copies, centres, k, Lloyd.DEFAULT_MAX_ITERATIONS);
                    Lloyd.Result onWeights = Lloyd.run(c.data(), centres, k, Lloyd.DEFAULT_MAX_ITERATIONS);
                    assertClose(onCopies.centres(), onWeights.centres(), REPEAT_TOLERANCE, "Lloyd's centres");
                    double[] sums = onCopies.sumsOfSquares();
                    double[] weightedSums = onWeights.sumsOfSquares();
                    assertClose(new double[] {sums[0], sums[sums.length - 1]},
                            new double[] {weightedSums[0], weightedSums[weightedSums.length - 1]}, REPEAT_TOLERANCE,
                            "Lloyd's W, first and last");
                });
    }

    // ---- weight 0, scaling, weight 1 -----------------------------------------------------------------------

    /** Weight 0 leaves a row out: the same run as the data without it (bit for bit in the loops). */
    @TestFactory
    Stream<DynamicTest> zeroWeightEqualsRemovedRow() {
        return Cases.forAll("SampleWeights.zeroWeightEqualsRemovedRow", random -> wholeNumberCase(random, 6),
                (c, random) -> {
                    int n = c.data().rows();
                    List<Integer> kept = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        if (c.counts()[i] > 0) {
                            kept.add(i);
                        }
                    }
                    DataMatrix without = c.data().withRows(kept.stream().mapToInt(Integer::intValue).toArray());
                    CovarianceType type = CovarianceType.values()[random.nextInt(CovarianceType.values().length)];
                    GaussianMixture start = c.start().constrainedTo(type);
                    EmAlgorithm loops = new LoopsEm();
                    // 0 · anything adds an exact 0 to every sum of the loops, so nothing changes at all
                    assertIdenticalRun(loops.fit(without, start, SETTINGS), loops.fit(c.data(), start, SETTINGS),
                            "loops " + type.label());
                    EmAlgorithm vectorised = VectorisedEm.withBlockSize(2, SMALL_BLOCK);
                    // the vectorised blocks fall elsewhere once rows are gone: the same sums, grouped differently
                    assertSameRun(vectorised.fit(without, start, SETTINGS), vectorised.fit(c.data(), start, SETTINGS),
                            REPEAT_TOLERANCE, "vectorised " + type.label());
                });
    }

    /**
     * Multiplying every weight by c &gt; 0 changes nothing: up to rounding for any c, and bit for bit for a power
     * of two, by which every product and quotient scales exactly.
     */
    @TestFactory
    Stream<DynamicTest> scalingTheWeightsChangesNothing() {
        return Cases.forAll("SampleWeights.scalingTheWeightsChangesNothing", random -> wholeNumberCase(random, 6),
                (c, random) -> {
                    double[] weights = c.data().sampleWeights();
                    double factor = Math.exp(random.nextDouble(Math.log(1e-3), Math.log(1e3)));
                    double powerOfTwo = Math.scalb(1.0, Generators.between(random, -20, 20));
                    CovarianceType type = CovarianceType.values()[random.nextInt(CovarianceType.values().length)];
                    GaussianMixture start = c.start().constrainedTo(type);
                    for (EmAlgorithm algorithm : weightedImplementations()) {
                        EmResult original = algorithm.fit(c.data(), start, SETTINGS);
                        EmResult scaled = algorithm.fit(withWeights(c.data(), scaled(weights, factor)), start, SETTINGS);
                        assertSameRun(original, scaled, REPEAT_TOLERANCE, algorithm.name() + " ×" + factor);
                        EmResult doubled = algorithm.fit(withWeights(c.data(), scaled(weights, powerOfTwo)), start,
                                SETTINGS);
                        assertIdenticalRun(original, doubled, algorithm.name() + " ×" + powerOfTwo);
                    }
                });
    }

    /** Cases of {@link #scalingAcrossTheDoubleRangeChangesOnlyTheBic}: each runs every covariance type. */
    static final int EXTREME_SCALE_CASES = 12;

    /** Random scales drawn per case, log-uniformly in [1e-300, 1e300], besides the two ends themselves. */
    static final int RANDOM_SCALES = 2;

    /** The smallest and largest total weight tried: 1e∓300, far beyond any real data's weights either way. */
    static final double SMALLEST_SCALE = 1e-300;
    static final double LARGEST_SCALE = 1e300;

    /**
     * Weights rescaled to a total of c, for c from 1e-300 to 1e300 (both ends and seeded log-uniform draws),
     * give the run of the weights as drawn, up to rounding, for every weighted implementation (univariate
     * when D = 1) and every covariance type: the same parameters, trace, iterations, converged flag and empty
     * components. The log-likelihood Σᵢ wᵢ log p(xᵢ) is multiplied by the same factor as the weights, and the
     * BIC, −2 log L + p log W, is that log-likelihood's with the scaled W.
     */
    @TestFactory
    Stream<DynamicTest> scalingAcrossTheDoubleRangeChangesOnlyTheBic() {
        return Cases.forAll("SampleWeights.scalingAcrossTheDoubleRange", EXTREME_SCALE_CASES,
                random -> wholeNumberCase(random, 3), (c, random) -> {
                    double[] weights = c.data().sampleWeights();
                    List<Double> totals = new ArrayList<>(List.of(SMALLEST_SCALE, LARGEST_SCALE));
                    for (int draw = 0; draw < RANDOM_SCALES; draw++) {
                        totals.add(Math.exp(random.nextDouble(Math.log(SMALLEST_SCALE), Math.log(LARGEST_SCALE))));
                    }
                    List<EmAlgorithm> algorithms = new ArrayList<>(weightedImplementations());
                    if (c.data().columns() == 1) {
                        algorithms.add(new UnivariateEm());
                    }
                    for (CovarianceType type : CovarianceType.values()) {
                        GaussianMixture start = c.start().constrainedTo(type);
                        for (EmAlgorithm algorithm : algorithms) {
                            EmResult original = algorithm.fit(c.data(), start, SETTINGS);
                            for (double total : totals) {
                                double factor = total / c.data().totalWeight();
                                String what = algorithm.name() + " " + type.label() + " total " + total;
                                EmResult scaled = algorithm.fit(withWeights(c.data(), scaled(weights, factor)), start,
                                        SETTINGS);
                                assertSameRun(original, scaled, REPEAT_TOLERANCE, what);
                                double logLikelihood = original.logLikelihood() * factor;
                                assertEquals(logLikelihood, scaled.logLikelihood(),
                                        REPEAT_TOLERANCE * Math.abs(logLikelihood), what + ": log-likelihood");
                                double bic = ModelSelection.bic(logLikelihood, ModelSelection.freeParameters(
                                        type, start.components(), start.dimension()), scaled.totalWeight());
                                assertEquals(bic, ModelSelection.bic(scaled), REPEAT_TOLERANCE * Math.abs(bic),
                                        what + ": BIC");
                            }
                        }
                    }
                });
    }

    static double[] scaled(double[] weights, double factor) {
        double[] result = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            result[i] = weights[i] * factor;
        }
        return result;
    }

    /** Every weight 1 is the unweighted fit, bit for bit, for every weighted implementation and every start. */
    @TestFactory
    Stream<DynamicTest> weightsOfOneEqualUnweighted() {
        return Cases.forAll("SampleWeights.weightsOfOneEqualUnweighted", random -> wholeNumberCase(random, 6),
                (c, random) -> {
                    DataMatrix plain = c.data().withSampleWeights(null);
                    double[] ones = new double[plain.rows()];
                    java.util.Arrays.fill(ones, 1.0);
                    DataMatrix weighted = plain.withSampleWeights(ones);
                    CovarianceType type = CovarianceType.values()[random.nextInt(CovarianceType.values().length)];
                    GaussianMixture start = c.start().constrainedTo(type);
                    List<EmAlgorithm> algorithms = new ArrayList<>(weightedImplementations());
                    if (plain.columns() == 1) {
                        algorithms.add(new UnivariateEm());
                    }
                    for (EmAlgorithm algorithm : algorithms) {
                        EmResult expected = algorithm.fit(plain, start, SETTINGS);
                        assertEquals(expected, algorithm.fit(weighted, start, SETTINGS), algorithm.name());
                    }
                    long seed = random.nextLong();
                    for (InitMethod method : InitMethod.values()) {
                        assertEquals(method.start(plain, start.components(), seed, SETTINGS.regCovar()),
                                method.start(weighted, start.components(), seed, SETTINGS.regCovar()), method.label());
                    }
                });
    }

    // ---- threads, monotonicity, formulas -------------------------------------------------------------------

    /** Fractional weights in (0, 3]: weighted data that no repetition of rows could give. */
    static DataMatrix fractionalWeights(DataMatrix data, SplittableRandom random) {
        double[] weights = new double[data.rows()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 3.0 * (1.0 - random.nextDouble());
        }
        return data.withSampleWeights(weights);
    }

    /** The weighted vectorised fit is the same bits with 1, 2, 3 or 5 threads. */
    @TestFactory
    Stream<DynamicTest> weightedVectorisedFitIgnoresThreadCount() {
        return Cases.forAll("SampleWeights.weightedVectorisedFitIgnoresThreadCount",
                random -> wholeNumberCase(random, 6), (c, random) -> {
                    DataMatrix data = fractionalWeights(c.data(), random);
                    CovarianceType type = CovarianceType.values()[random.nextInt(CovarianceType.values().length)];
                    GaussianMixture start = c.start().constrainedTo(type);
                    EmResult one = VectorisedEm.withBlockSize(1, SMALL_BLOCK).fit(data, start, SETTINGS);
                    for (int threads : new int[] {2, 3, 5}) {
                        assertEquals(one, VectorisedEm.withBlockSize(threads, SMALL_BLOCK).fit(data, start, SETTINGS),
                                threads + " threads");
                    }
                });
    }

    /** EM's guarantee holds for the weighted likelihood too: the trace never goes down (reg-covar 0). */
    @TestFactory
    Stream<DynamicTest> weightedTraceNeverDecreases() {
        EmSettings noRegularisation = new EmSettings(200, 1e-10, 0.0);
        return Cases.forAll("SampleWeights.weightedTraceNeverDecreases", random -> wholeNumberCase(random, 6),
                (c, random) -> {
                    DataMatrix data = fractionalWeights(c.data(), random);
                    for (EmAlgorithm algorithm : weightedImplementations()) {
                        double[] trace = algorithm.fit(data, c.start(), noRegularisation).trace();
                        for (int t = 1; t < trace.length; t++) {
                            double slack = TRACE_SLACK * Math.max(1.0, Math.abs(trace[t - 1]));
                            assertTrue(trace[t] >= trace[t - 1] - slack, algorithm.name() + ": trace fell at"
                                    + " iteration " + t + " from " + trace[t - 1] + " to " + trace[t]);
                        }
                    }
                });
    }

    /**
     * One E-step and one M-step against the formulas, computed here independently: L = Σᵢ wᵢ log p(xᵢ) from
     * the reference density, and Nₖ, πₖ, μₖ, Σₖ from the reference responsibilities.
     */
    @TestFactory
    Stream<DynamicTest> stepsFollowTheWeightedFormulas() {
        return Cases.forAll("SampleWeights.stepsFollowTheWeightedFormulas", random -> wholeNumberCase(random, 6),
                (c, random) -> {
                    DataMatrix data = fractionalWeights(c.data(), random);
                    GaussianMixture model = c.start();
                    int n = data.rows();
                    int d = data.columns();
                    int k = model.components();
                    double expectedL = 0.0;
                    for (int i = 0; i < n; i++) {
                        expectedL += data.weight(i) * Reference.logDensity(model, data.row(i));
                    }
                    double[] r = Reference.responsibilities(model, data);
                    double totalWeight = 0.0;
                    for (int i = 0; i < n; i++) {
                        totalWeight += data.weight(i);
                    }
                    double[] weights = new double[k];
                    double[] means = new double[k * d];
                    double[] covariances = new double[k * d * d];
                    for (int c2 = 0; c2 < k; c2++) {
                        double nk = 0.0;
                        for (int i = 0; i < n; i++) {
                            nk += data.weight(i) * r[i * k + c2];
                        }
                        weights[c2] = nk / totalWeight;
                        for (int i = 0; i < n; i++) {
                            for (int a = 0; a < d; a++) {
                                means[c2 * d + a] += data.weight(i) * r[i * k + c2] * data.get(i, a) / nk;
                            }
                        }
                        for (int i = 0; i < n; i++) {
                            for (int a = 0; a < d; a++) {
                                for (int b = 0; b < d; b++) {
                                    covariances[c2 * d * d + a * d + b] += data.weight(i) * r[i * k + c2]
                                            * (data.get(i, a) - means[c2 * d + a]) * (data.get(i, b) - means[c2 * d + b])
                                            / nk;
                                }
                            }
                        }
                        for (int a = 0; a < d; a++) {
                            covariances[c2 * d * d + a * d + a] += SETTINGS.regCovar();
                        }
                    }
                    for (EmAlgorithm algorithm : weightedImplementations()) {
                        EStep step = algorithm.eStep(data, model);
                        assertEquals(expectedL, step.logLikelihood(), EmChecks.LOG_LIKELIHOOD_TOLERANCE
                                * Math.max(1.0, Math.abs(expectedL)), algorithm.name() + ": L");
                        GaussianMixture next = algorithm.mStep(data, step.responsibilities(), model, SETTINGS.regCovar());
                        assertClose(weights, next.weights(), REPEAT_TOLERANCE, algorithm.name() + " weights");
                        assertClose(means, next.flatMeans(), REPEAT_TOLERANCE, algorithm.name() + " means");
                        assertClose(covariances, next.flatCovariances(), REPEAT_TOLERANCE,
                                algorithm.name() + " covariances");
                    }
                });
    }

    // ---- small hand-made cases -----------------------------------------------------------------------------

    /**
     * One component on 0, 2 and 10 with weights 1, 3 and 0: one M-step gives the weighted mean
     * (1·0 + 3·2)/4 = 1.5 and variance (1·1.5² + 3·0.5²)/4 = 0.75, whatever the start; the 10 counts for nothing.
     */
    @Test
    void oneComponentFitsTheWeightedMeanAndVariance() {
        DataMatrix data = DataMatrix.ofRows(new double[][] {{0.0}, {2.0}, {10.0}})
                .withSampleWeights(new double[] {1.0, 3.0, 0.0});
        GaussianMixture start = GaussianMixture.of(new double[] {1.0}, new double[][] {{5.0}},
                new double[][][] {{{4.0}}});
        for (EmAlgorithm algorithm : List.of(new LoopsEm(), new VectorisedEm(1), new UnivariateEm())) {
            EmResult result = algorithm.fit(data, start, new EmSettings(1, 0.0, 0.0));
            assertEquals(1.5, result.model().mean(0, 0), 1e-15, algorithm.name());
            assertEquals(0.75, result.model().covariance(0, 0, 0), 1e-15, algorithm.name());
            // L/W with L = 1·log N(0 | 1.5, 0.75) + 3·log N(2 | 1.5, 0.75), W = 4
            double expected = (logNormal(0.0, 1.5, 0.75) + 3.0 * logNormal(2.0, 1.5, 0.75)) / 4.0;
            assertEquals(expected, result.meanLogLikelihood(), 1e-14, algorithm.name());
            assertEquals(4.0, result.totalWeight(), algorithm.name());
        }
    }

    private static double logNormal(double x, double mean, double variance) {
        return -0.5 * Math.log(2.0 * Math.PI * variance) - (x - mean) * (x - mean) / (2.0 * variance);
    }

    /**
     * A component whose points all have weight 0 is empty (its weighted Nₖ is 0), as it is when those rows
     * are removed, though its unweighted Nₖ is a whole cluster.
     */
    @Test
    void aComponentOfWeightlessPointsIsEmpty() {
        double[][] rows = {{0.0}, {0.5}, {1.0}, {1.5}, {100.0}, {100.5}, {101.0}};
        DataMatrix data = DataMatrix.ofRows(rows).withSampleWeights(new double[] {1, 1, 1, 1, 0, 0, 0});
        GaussianMixture start = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0.75}, {100.5}},
                new double[][][] {{{1.0}}, {{1.0}}});
        for (EmAlgorithm algorithm : weightedImplementations()) {
            EmResult result = algorithm.fit(data, start, new EmSettings(5, 0.0, 1e-6));
            assertArrayEquals(new int[] {1}, result.emptyComponents(), algorithm.name());
            assertEquals(0.0, result.model().weight(1), algorithm.name());
        }
    }

    /** Random points are drawn among the rows of positive weight only. */
    @Test
    void randomPointsDrawOnlyPointsOfPositiveWeight() {
        double[][] rows = {{0.0}, {1.0}, {2.0}, {3.0}, {4.0}, {5.0}};
        DataMatrix data = DataMatrix.ofRows(rows).withSampleWeights(new double[] {0, 2, 0, 1, 0, 0.5});
        for (long seed = 0; seed < 200; seed++) {
            GaussianMixture start = Initialisation.randomPoints(data, 3, seed);
            double[] means = start.flatMeans();
            java.util.Arrays.sort(means);
            assertArrayEquals(new double[] {1.0, 3.0, 5.0}, means, "seed " + seed);
        }
        DataException e = assertThrows(DataException.class, () -> Initialisation.randomPoints(data, 4, 1L));
        assertTrue(e.getMessage().contains("positive sample weight"), e.getMessage());
    }

    /** Bad weights are refused with a message naming the row; the loop refuses an implementation without weights. */
    @Test
    void badWeightsAndUnweightedImplementationsAreRefused() {
        DataMatrix data = DataMatrix.ofRows(new double[][] {{0.0}, {1.0}, {2.0}});
        for (double bad : new double[] {-1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            DataException e = assertThrows(DataException.class,
                    () -> data.withSampleWeights(new double[] {1.0, bad, 1.0}));
            assertTrue(e.getMessage().contains("row 2"), e.getMessage());
        }
        assertTrue(assertThrows(DataException.class, () -> data.withSampleWeights(new double[] {0, 0, 0}))
                .getMessage().contains("every sample weight is 0"));
        assertTrue(assertThrows(DataException.class, () -> data.withSampleWeights(new double[] {1, 1}))
                .getMessage().contains("one weight per row"));
        assertTrue(assertThrows(DataException.class, () -> data.withSampleWeights(
                new double[] {Double.MAX_VALUE, Double.MAX_VALUE, 1})).getMessage().contains("largest double"));
        DataMatrix weighted = data.withSampleWeights(new double[] {1, 2, 1});
        GaussianMixture start = GaussianMixture.of(new double[] {1.0}, new double[][] {{1.0}},
                new double[][][] {{{1.0}}});
        DataException refused = assertThrows(DataException.class,
                () -> new ExplicitPdfEm().fit(weighted, start, SETTINGS));
        assertTrue(refused.getMessage().contains("does not take sample weights"), refused.getMessage());
    }

    /**
     * Weights below the smallest normal double, or whose total times the data's largest square would pass what
     * a double holds, are refused with a message naming the row or the total; weights just inside both limits
     * are taken.
     */
    @Test
    void weightsBeyondWhatDoublesCanSumAreRefused() {
        DataMatrix data = DataMatrix.ofRows(new double[][] {{0.0}, {1.0}, {10.0}});
        DataException tiny = assertThrows(DataException.class,
                () -> data.withSampleWeights(new double[] {1.0, 1e-320, 1.0}));
        assertTrue(tiny.getMessage().startsWith("the sample weight of row 2 is 1.0E-320, below 2.2e-308"),
                tiny.getMessage());
        DataException huge = assertThrows(DataException.class,
                () -> data.withSampleWeights(new double[] {1.0, 1e308, 1.0}));
        assertTrue(huge.getMessage().startsWith("the sample weights add up to 1.0E308, more than this data's sums"
                + " can hold (at most 1.8e+303)"), huge.getMessage());
        // the limit is the largest double / 1024 / max|x|² = 1.8e308 / 1024 / 100 ≈ 1.8e303
        assertEquals(2 * Double.MIN_NORMAL, data.withSampleWeights(new double[] {Double.MIN_NORMAL, 0.0,
                Double.MIN_NORMAL}).totalWeight());
        assertEquals(1e303, data.withSampleWeights(new double[] {5e302, 0.0, 5e302}).totalWeight());
    }

    /** The mean positive weight is the unit of emptiness: 1 unweighted, Σᵢ wᵢ over the rows of positive weight. */
    @Test
    void theWeightUnitIsTheMeanPositiveWeight() {
        DataMatrix data = DataMatrix.ofRows(new double[][] {{0.0}, {1.0}, {2.0}});
        assertEquals(1.0, data.weightUnit());
        assertEquals(3e-12, data.withSampleWeights(new double[] {2e-12, 0.0, 4e-12}).weightUnit(), 1e-27);
        assertTrue(EmptyComponents.isEmpty(1e-23, 3e-12) && !EmptyComponents.isEmpty(1e-21, 3e-12));
    }
}
