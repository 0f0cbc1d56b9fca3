package org.emgmm.grading;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.emgmm.em.EmLoop;
import org.emgmm.em.EmptyComponents;
import org.emgmm.em.KMeansPlusPlus;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Initialisation;
import org.emgmm.em.Responsibilities;
import org.emgmm.linalg.Cholesky;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.LogSumExp;
import org.emgmm.univariate.UnivariateEm;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/**
 * Not graded: {@link KnownMistakes}, first on values derived from the formulas, then through the graded
 * checks themselves with one mistake planted in a version of the student's method (as
 * {@link PromisesTest} does for the promises): the hint must name the planted mistake, and the right
 * method must pass.
 */
class KnownMistakesTest {

    private static final double LOG_2PI = Math.log(2.0 * Math.PI);

    private static Optional<String> identify(double expected, double actual) {
        return KnownMistakes.identify(expected, actual, 1e-12, KnownMistakes.GENERIC);
    }

    // ---- the helper, on values from the formulas ----------------------------------------------------

    @Test
    void aMistakeInTheCovariancesOfAMixtureIsNamedBesideLargeMeans() {
        // Means near 100 and variances near 1: a mistake that moves only the variances, by 1e-7, fails a
        // comparison at 1e-9 relative to the variances' own scale; over the whole flat mixture, scaled by the
        // means, the same change lies within 1e-9 · 100 and would not count as a change at all.
        GaussianMixture right = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{100.0}, {140.0}},
                new double[][][] {{{1.0}}, {{1.2}}});
        GaussianMixture wrong = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{100.0}, {140.0}},
                new double[][][] {{{1.0 + 1e-7}}, {{1.2 + 1e-7}}});
        List<KnownMistakes.Mistake> suspects = KnownMistakes.offByOne("iteration", null, KnownMistakes.flat(wrong));
        assertEquals(Optional.of("what one iteration too many gives: an off-by-one in a loop bound"),
                KnownMistakes.identifyMixture(right, wrong, 1e-9, suspects));
        assertEquals(Optional.empty(), KnownMistakes.identify(KnownMistakes.flat(right), KnownMistakes.flat(wrong),
                1e-9, suspects), "measured over the whole array, the change is lost beside the means");
        assertEquals(Optional.empty(), KnownMistakes.identifyMixture(right, right, 1e-9, suspects), "right: no mistake");
    }

    @Test
    void aFactorOfTwoEitherWayIsNamed() {
        // log det Σ for Σ = diag(4, 9): L = diag(2, 3), 2 (log 2 + log 3) = log 36; without the 2: log 6.
        assertEquals(Optional.of(KnownMistakes.HALVED.description()), identify(Math.log(36.0), Math.log(6.0)));
        // 1/√(2π·σ²) for σ² = 4 is 1/√(8π); twice that is 1/√(2π).
        assertEquals(Optional.of(KnownMistakes.DOUBLED.description()),
                identify(1.0 / Math.sqrt(8.0 * Math.PI), 2.0 / Math.sqrt(8.0 * Math.PI)));
    }

    @Test
    void theSquareRootIsNamed() {
        // The variance of the points 0 and 6 about their mean 3 is 9; σ = 3.
        double variance = (9.0 + 9.0) / 2.0;
        assertEquals(Optional.of(KnownMistakes.SQUARE_ROOT.description()), identify(variance, Math.sqrt(variance)));
    }

    @Test
    void aFlippedSignIsNamed() {
        // BIC = −2L + p log N for L = −150, p = 2, N = 100, and 2L − p log N, the "maximise" convention.
        double bic = 300.0 + 2.0 * Math.log(100.0);
        assertEquals(Optional.of(KnownMistakes.SIGN_FLIPPED.description()), identify(bic, -300.0 - 2.0 * Math.log(100.0)));
    }

    @Test
    void nInPlaceOfNkIsNamedWithBothCounts() {
        // The mean of a component that owns the points 2 and 4 fully (Nₖ = 2) of N = 5 points: 6/2 = 3;
        // divided by N instead: 6/5.
        List<KnownMistakes.Mistake> suspects = KnownMistakes.dividedByN(5, 2);
        Optional<String> named = KnownMistakes.identify(3.0, 6.0 / 5.0, 1e-12, suspects);
        assertTrue(named.isPresent() && named.get().contains("dividing by N = 5") && named.get().contains("Nₖ = 2"),
                named.toString());
        // And the other way round: πₖ = Nₖ/N = 2/5 divided by Nₖ instead of N gives 2/2 = 1.
        assertTrue(KnownMistakes.identify(2.0 / 5.0, 1.0, 1e-12, suspects).orElse("").contains("instead of N = 5"));
    }

    @Test
    void anOffByOneIsNamedFromTheNeighbouringValues() {
        // Σ_{i<n} i for n = 4 is 6; a loop to i ≤ n gives 10, one to i < n − 1 gives 3.
        List<KnownMistakes.Mistake> suspects = KnownMistakes.offByOne("term", new double[] {3.0}, new double[] {10.0});
        assertTrue(KnownMistakes.identify(6.0, 10.0, 0.0, suspects).orElse("").contains("one term too many"));
        assertTrue(KnownMistakes.identify(6.0, 3.0, 0.0, suspects).orElse("").contains("one term too few"));
    }

    @Test
    void aValueThatMatchesNoPatternIsLeftToTheCheck() {
        assertEquals(Optional.empty(), identify(Math.log(36.0), 1.234));
        // A mistake that does not change the value is never the diagnosis: −0 is 0, √1 is 1.
        assertEquals(Optional.empty(), identify(0.0, 0.5));
        assertEquals(Optional.empty(), identify(1.0, 1.5));
        // Nor is a right answer.
        assertEquals(Optional.empty(), identify(4.0, 4.0));
        assertEquals("what to check", KnownMistakes.hint(Optional.empty(), "what to check"));
    }

    @Test
    void twoPatternsThatGiveTheSameValueAreBothNamed() {
        // For 4, half and the square root are both 2.
        String named = identify(4.0, 2.0).orElseThrow();
        assertTrue(named.contains(KnownMistakes.HALVED.description()) && named.contains(
                KnownMistakes.SQUARE_ROOT.description()), named);
    }

    @Test
    void inAnArrayEveryEntryMustShowTheSameMistake() {
        double[] expected = {1.0, 4.0, 9.0};
        assertEquals(Optional.of(KnownMistakes.SQUARE_ROOT.description()),
                KnownMistakes.identify(expected, new double[] {1.0, 2.0, 3.0}, 1e-12, KnownMistakes.GENERIC));
        // Only one entry halved: not "half the expected one".
        assertEquals(Optional.empty(),
                KnownMistakes.identify(expected, new double[] {1.0, 2.0, 9.0}, 1e-12, KnownMistakes.GENERIC));
    }

    @Test
    void smallTermsAMistakeCarriesAlongStillMatch() {
        // √(v + reg) where v + reg belongs, with the reg added after the root instead: √v + reg.
        double v = 2.5;
        double reg = 1e-6;
        assertEquals(Optional.of(KnownMistakes.SQUARE_ROOT.description()), identify(v + reg, Math.sqrt(v) + reg));
    }

    // ---- through the graded checks, with a mistake planted ------------------------------------------

    /** Runs {@code check}, which must fail, and asserts that its hint contains every one of {@code parts}. */
    private static void hintNames(Executable check, String... parts) {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, check);
        String hint = failure.getMessage().substring(failure.getMessage().indexOf("; hint: "));
        for (String part : parts) {
            assertTrue(hint.contains(part), "\"" + part + "\" not in: " + failure.getMessage() + " (the graded"
                    + " check's inputs come from the run's seed; replay with " + RunSeed.replayOption() + ")");
        }
    }

    @Test
    void logDeterminantWithoutItsFactorTwoIsCalledHalf() throws Throwable {
        Promises.LogDeterminant right = (lower, d) -> {
            double sum = 0.0;
            for (int i = 0; i < d; i++) {
                sum += Math.log(lower[i * d + i]);
            }
            return 2.0 * sum;
        };
        Exercise3Test.logDeterminant(right);
        hintNames(() -> Exercise3Test.logDeterminant((lower, d) -> right.of(lower, d) / 2.0),
                "half the expected one: a factor of 2 is missing");
    }

    @Test
    void logDeterminantThatStopsOneShortIsAnOffByOne() {
        Promises.LogDeterminant oneShort = (lower, d) -> {
            double sum = 0.0;
            for (int i = 0; i < d - 1; i++) {
                sum += Math.log(lower[i * d + i]);
            }
            return 2.0 * sum;
        };
        hintNames(() -> Exercise3Test.logDeterminant(oneShort), "leaving out the last diagonal term",
                "off-by-one in a loop bound");
    }

    /** One univariate EM step from the library. */
    private static GaussianMixture libraryStep(double[] x, GaussianMixture model, double regCovar) {
        double[][] rows = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            rows[i] = new double[] {x[i]};
        }
        return new UnivariateEm().fit(DataMatrix.ofRows(rows), model, new EmSettings(1, 0.0, regCovar)).model();
    }

    @Test
    void aStepThatKeepsTheStandardDeviationIsCalledTheSquareRoot() throws Throwable {
        Exercise7Test.oneStepMatchesTheLibrary(KnownMistakesTest::libraryStep);
        Promises.UnivariateStep rooted = (x, model, regCovar) -> {
            GaussianMixture right = libraryStep(x, model, regCovar);
            double[] sd = Arrays.stream(right.flatCovariances()).map(Math::sqrt).toArray();
            return GaussianMixture.ofFlat(right.components(), 1, right.weights(), right.flatMeans(), sd);
        };
        hintNames(() -> Exercise7Test.oneStepMatchesTheLibrary(rooted), "the square root of each variance");
    }

    @Test
    void aFitWithOneStepTooManyIsAnOffByOne() throws Throwable {
        Promises.UnivariateFit right = (x, start, iterations, regCovar) -> {
            GaussianMixture model = start;
            for (int t = 0; t < iterations; t++) {
                model = libraryStep(x, model, regCovar);
            }
            return model;
        };
        Exercise7Test.fitMatchesTheLibrary(right, KnownMistakesTest::libraryStep);
        hintNames(() -> Exercise7Test.fitMatchesTheLibrary((x, start, iterations, regCovar) -> right.of(x, start,
                iterations + 1, regCovar), KnownMistakesTest::libraryStep), "one iteration too many",
                "off-by-one in a loop bound");
        // A fit whose step is wrong fails too, and is sent to 7.2 instead of being told about its loop.
        Promises.UnivariateStep keepsWeights = (x, model, regCovar) -> {
            GaussianMixture next = libraryStep(x, model, regCovar);
            return GaussianMixture.ofFlat(next.components(), 1, model.weights(), next.flatMeans(),
                    next.flatCovariances());
        };
        Promises.UnivariateFit withThatStep = (x, start, iterations, regCovar) -> {
            GaussianMixture model = start;
            for (int t = 0; t < iterations; t++) {
                model = keepsWeights.of(x, model, regCovar);
            }
            return model;
        };
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Exercise7Test.fitMatchesTheLibrary(withThatStep, keepsWeights));
        assertTrue(failure.getMessage().contains("see 7.2 first") && !failure.getMessage().contains("off-by-one"),
                failure.getMessage());
    }

    @Test
    void aMeanDividedByNInsteadOfNkIsNamed() throws Throwable {
        Exercise5Test.WeightedMean right = (data, r, k, nk) -> weightedSum(data, r, k, nk);
        Exercise5Test.weightedMean(right);
        hintNames(() -> Exercise5Test.weightedMean((data, r, k, nk) -> weightedSum(data, r, k, data.rows())),
                "what dividing by N = ", "instead of Nₖ");
    }

    private static double[] weightedSum(DataMatrix data, Responsibilities r, int k, double divisor) {
        double[] mean = new double[data.columns()];
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < data.columns(); j++) {
                mean[j] += r.get(i, k) * data.get(i, j) / divisor;
            }
        }
        return mean;
    }

    @Test
    void aBicToBeMaximisedIsCalledASignFlip() throws Throwable {
        Exercise9Test.Bic right = fit -> -2.0 * fit.logLikelihood() + parameters(fit) * Math.log(fit.points());
        Exercise9Test.bicFormula(right);
        hintNames(() -> Exercise9Test.bicFormula(fit -> 2.0 * fit.logLikelihood() - parameters(fit)
                * Math.log(fit.points())), "with its sign flipped");
    }

    private static int parameters(EmResult fit) {
        int k = fit.model().components();
        int d = fit.model().dimension();
        return (k - 1) + k * d + k * d * (d + 1) / 2;
    }

    @Test
    void aChoiceOfKWithTheRangeCutShortIsAnOffByOne() {
        Exercise9Test.FreeParameters free = (k, d) -> (k - 1) + k * d + k * d * (d + 1) / 2;
        Exercise9Test.Bic bic = fit -> -2.0 * fit.logLikelihood() + free.of(fit.model().components(),
                fit.model().dimension()) * Math.log(fit.points());
        Exercise9Test.Choose cutShort = chooser(bic, 1);
        hintNames(() -> Exercise9Test.agreesWithTheLowestBic(cutShort, free, bic), "left out",
                "off-by-one in the loop bound");
        // With a wrong bic the choice is sent to 9.2, whatever the loop does.
        Exercise9Test.Bic flipped = fit -> -bic.of(fit);
        hintNames(() -> Exercise9Test.chooseThreeBlobs(chooser(flipped, 0), free, flipped), "see 9.2 first");
    }

    /** chooseComponents with {@code bic}, its loop stopping {@code cut} short of maxComponents. */
    private static Exercise9Test.Choose chooser(Exercise9Test.Bic bic, int cut) {
        return (data, min, max) -> {
            int best = min;
            double lowest = Double.POSITIVE_INFINITY;
            for (int k = min; k <= max - cut; k++) {
                double value = bic.of(new VectorisedEm().fit(data, Initialisation.randomPoints(data, k,
                        Exercise9Test.startSeed()), EmSettings.defaults()));
                if (value < lowest) {
                    best = k;
                    lowest = value;
                }
            }
            return best;
        };
    }

    @Test
    void anEStepWithoutTheWeightsSendsItsOtherFailuresTo41() throws Throwable {
        // The E-step written out with and without log πₖ, in log space.
        Promises.EStepMethod right = (data, model) -> slippedEStep(data, model, EStepSlip.NONE);
        Promises.EStepMethod noWeights = (data, model) -> slippedEStep(data, model, EStepSlip.NO_WEIGHTS);
        Exercise4Test.responsibilitiesIncludeTheWeights(right);
        Exercise4Test.logLikelihoodMatchesTheLibrary(right);
        hintNames(() -> Exercise4Test.responsibilitiesIncludeTheWeights(noWeights), "πₖ is left out of Bayes' rule");
        hintNames(() -> Exercise4Test.responsibilitiesMatchTheLibrary(noWeights), "see 4.1 first");
        hintNames(() -> Exercise4Test.logLikelihoodClosedForm(noWeights), "see 4.1 first");
        hintNames(() -> Exercise4Test.logLikelihoodMatchesTheLibrary(noWeights), "see 4.1 first");
        // The far points are a test of log space alone: equal weights for the responsibilities, one component
        // for L, so leaving the weights out costs 4.1 and the checks built on the weights, not 4.4 as well.
        assertDoesNotThrow(() -> Exercise4Test.farPointsDoNotUnderflow(noWeights));
    }

    @Test
    void aLogDensityWithTheNormNotSquaredIsNamed() {
        Promises.LogDensity normNotSquared = (x, mean, covariance) -> {
            int d = x.length;
            Cholesky factor = Cholesky.decompose(covariance, d).orElseThrow();
            double squared = -2.0 * GaussianMixture.ofFlat(1, d, new double[] {1.0}, mean, covariance)
                    .logComponentDensity(0, x) - d * LOG_2PI - factor.logDeterminant();
            return -0.5 * (d * LOG_2PI + factor.logDeterminant() + Math.sqrt(squared));
        };
        hintNames(() -> Exercise3Test.logDensityMatchesTheLibrary(normNotSquared), "‖z‖ gives where ‖z‖² belongs");
    }

    // ---- exercise 10, planted into a copy of the solution (PlantedVectorise) -----------------------

    @Test
    void exercise10sRightMethodPassesItsChecks() {
        PlantedVectorise right = new PlantedVectorise(PlantedVectorise.Slip.NONE);
        Exercise10Test.everyBlockCounts(right::eStep);
        Exercise10Test.eachPointHasItsOwnShift(right::eStep);
        Exercise10Test.responsibilitiesMatchTheLibrary(right::eStep);
        Exercise10Test.logLikelihoodMatchesTheLibrary(right::eStep);
        Exercise10Test.momentSumsAboutTheCentres(right::momentSums);
    }

    @Test
    void aDroppedLastBlockIsNamed() {
        PlantedVectorise dropped = new PlantedVectorise(PlantedVectorise.Slip.LAST_BLOCK_DROPPED);
        hintNames(() -> Exercise10Test.everyBlockCounts(dropped::eStep), "leaving out the last, shorter block",
                "min(B, N − start)");
    }

    @Test
    void aLastBlockThatReadsPastTheDataFails() {
        PlantedVectorise overrun = new PlantedVectorise(PlantedVectorise.Slip.LAST_BLOCK_OVERRUN);
        // Through StudentCode, as the graded test calls the student's method: the exception becomes a failure.
        Exercise10Test.BlockedEStep called = (data, model, factors, logDeterminants, block) -> StudentCode.call(
                "the planted eStep", () -> overrun.eStep(data, model, factors, logDeterminants, block));
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Exercise10Test.everyBlockCounts(called));
        assertTrue(failure.getMessage().contains("ArrayIndexOutOfBoundsException"), failure.getMessage());
    }

    @Test
    void aShiftByTheBlocksMaximumIsNamed() {
        PlantedVectorise shifted = new PlantedVectorise(PlantedVectorise.Slip.SHIFT_BY_THE_BLOCK);
        hintNames(() -> Exercise10Test.eachPointHasItsOwnShift(shifted::eStep), "that point's own maximum",
                "not by the block's maximum");
    }

    @Test
    void momentSumsAboutTheWrongCentreAreNamed() {
        hintNames(() -> Exercise10Test.momentSumsAboutTheCentres(new PlantedVectorise(
                PlantedVectorise.Slip.SUMS_ABOUT_ZERO)::momentSums), "the sums about 0");
        hintNames(() -> Exercise10Test.momentSumsAboutTheCentres(new PlantedVectorise(
                PlantedVectorise.Slip.SUMS_ABOUT_NEW_MEANS)::momentSums), "the sums about the new means");
    }

    // ---- exercise 11: each mistake of its comment planted into a copy of the solution ----------------

    /** A mistake of Ex11CovarianceTypes's "Common mistakes", or none. */
    enum Ex11Slip {
        NONE, DIAG_OFF_DIAGONALS_KEPT, SPHERICAL_ALL_ENTRIES, SPHERICAL_TRACE_NOT_DIVIDED, TIED_UNWEIGHTED,
        TIED_REG_PER_COMPONENT, TIED_COUNTED_K_TIMES, SPHERICAL_COUNTED_D_PER_COMPONENT, START_LEFT_FULL
    }

    /** A copy of the solution of exercise 11, with {@code slip} planted where it belongs. */
    record Ex11Copy(Ex11Slip slip) {

        double[] constrain(CovarianceType type, double[] counts, double[] scatters, int d, double regCovar) {
            int k = counts.length;
            double[] result = new double[k * d * d];
            if (type == CovarianceType.TIED) {
                double[] shared = new double[d * d];
                double total = 0.0;
                for (int c = 0; c < k; c++) {
                    double weight = slip == Ex11Slip.TIED_UNWEIGHTED ? 1.0 : counts[c];
                    total += weight;
                    for (int e = 0; e < d * d; e++) {
                        shared[e] += weight * scatters[c * d * d + e];
                    }
                }
                for (int e = 0; e < d * d; e++) {
                    shared[e] /= total;
                }
                for (int c = 0; c < k; c++) {
                    for (int a = 0; a < d; a++) {
                        // the slip: reg-covar added in the loop over the components
                        shared[a * d + a] += c == 0 || slip == Ex11Slip.TIED_REG_PER_COMPONENT ? regCovar : 0.0;
                    }
                }
                for (int c = 0; c < k; c++) {
                    System.arraycopy(shared, 0, result, c * d * d, d * d);
                }
                return result;
            }
            for (int c = 0; c < k; c++) {
                int base = c * d * d;
                boolean keepAll = type == CovarianceType.FULL
                        || type == CovarianceType.DIAG && slip == Ex11Slip.DIAG_OFF_DIAGONALS_KEPT;
                if (keepAll) {
                    System.arraycopy(scatters, base, result, base, d * d);
                } else if (type == CovarianceType.DIAG) {
                    for (int a = 0; a < d; a++) {
                        result[base + a * d + a] = scatters[base + a * d + a];
                    }
                } else {
                    double sum = 0.0;
                    for (int e = 0; e < d * d; e++) {
                        boolean onDiagonal = e / d == e % d;
                        sum += onDiagonal || slip == Ex11Slip.SPHERICAL_ALL_ENTRIES ? scatters[base + e] : 0.0;
                    }
                    double divisor = switch (slip) {
                        case SPHERICAL_ALL_ENTRIES -> d * d;
                        case SPHERICAL_TRACE_NOT_DIVIDED -> 1.0;
                        default -> d;
                    };
                    for (int a = 0; a < d; a++) {
                        result[base + a * d + a] = sum / divisor;
                    }
                }
                for (int a = 0; a < d; a++) {
                    result[base + a * d + a] += regCovar;
                }
            }
            return result;
        }

        GaussianMixture mStep(CovarianceType type, DataMatrix data, Responsibilities r, double regCovar) {
            int n = data.rows();
            int d = data.columns();
            int k = r.components();
            double[] counts = new double[k];
            double[] weights = new double[k];
            double[] means = new double[k * d];
            double[] scatters = new double[k * d * d];
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < n; i++) {
                    counts[c] += r.get(i, c);
                }
                weights[c] = counts[c] / n;
                for (int i = 0; i < n; i++) {
                    for (int a = 0; a < d; a++) {
                        means[c * d + a] += r.get(i, c) * data.get(i, a) / counts[c];
                    }
                }
                for (int i = 0; i < n; i++) {
                    for (int a = 0; a < d; a++) {
                        for (int b = 0; b < d; b++) {
                            scatters[(c * d + a) * d + b] += r.get(i, c) * (data.get(i, a) - means[c * d + a])
                                    * (data.get(i, b) - means[c * d + b]) / counts[c];
                        }
                    }
                }
            }
            return GaussianMixture.ofFlat(type, k, d, weights, means, constrain(type, counts, scatters, d, regCovar));
        }

        int freeParameters(CovarianceType type, int k, int d) {
            int symmetric = d * (d + 1) / 2;
            int covariance = switch (type) {
                case FULL -> k * symmetric;
                case DIAG -> k * d;
                case SPHERICAL -> slip == Ex11Slip.SPHERICAL_COUNTED_D_PER_COMPONENT ? k * d : k;
                case TIED -> slip == Ex11Slip.TIED_COUNTED_K_TIMES ? k * symmetric : symmetric;
            };
            return (k - 1) + k * d + covariance;
        }

        Exercise11Test.Picked choose(DataMatrix data, int min, int max) {
            Exercise11Test.Picked best = null;
            double lowest = Double.POSITIVE_INFINITY;
            int d = data.columns();
            for (int k = min; k <= max; k++) {
                GaussianMixture full = Initialisation.randomPoints(data, k, Exercise11Test.startSeed());
                for (CovarianceType type : CovarianceType.values()) {
                    GaussianMixture start = slip == Ex11Slip.START_LEFT_FULL ? full : GaussianMixture.ofFlat(type, k,
                            d, full.weights(), full.flatMeans(), constrain(type, full.weights(),
                                    full.flatCovariances(), d, 0.0));
                    EmResult fit = new VectorisedEm().fit(data, start, EmSettings.defaults());
                    double bic = -2.0 * fit.logLikelihood() + freeParameters(type, k, d) * Math.log(fit.points());
                    if (bic < lowest) {
                        lowest = bic;
                        best = new Exercise11Test.Picked(k, type);
                    }
                }
            }
            return best;
        }
    }

    @Test
    void exercise11sCopyOfTheSolutionPassesEveryCheck() throws Throwable {
        Ex11Copy right = new Ex11Copy(Ex11Slip.NONE);
        Exercise11Test.constrainDiagAndSpherical(right::constrain);
        Exercise11Test.constrainTied(right::constrain);
        Exercise11Test.constrainLeavesItsInputs(right::constrain);
        Exercise11Test.freeParameters(right::freeParameters);
        Exercise11Test.mStepShapes(right::mStep);
        Exercise11Test.oneComponentGivesTheSampleMoments(right::mStep);
        Exercise11Test.logLikelihoodNeverFalls(right::mStep);
        Exercise11Test.matchesTheLibrary(right::constrain, right::mStep);
        Exercise11Test.chooseFindsATiedMixture(right::choose, right::freeParameters);
    }

    @Test
    void diagWithItsOffDiagonalsLeftInIsNamed() {
        Ex11Copy slipped = new Ex11Copy(Ex11Slip.DIAG_OFF_DIAGONALS_KEPT);
        hintNames(() -> Exercise11Test.constrainDiagAndSpherical(slipped::constrain), "keeping the off-diagonal");
        // Through the M-step the mixture itself refuses it: GaussianMixture.ofFlat(DIAG, …) checks the shape, and
        // the graded test reports its message as the failure.
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> Exercise11Test.mStepShapes(
                (type, data, r, reg) -> StudentCode.call("mStep", () -> slipped.mStep(type, data, r, reg))));
        assertTrue(failure.getMessage().contains("needs 0 off the diagonal"), failure.getMessage());
    }

    @Test
    void sphericalFromTheWholeMatrixOrWithoutDividingByDIsNamed() {
        hintNames(() -> Exercise11Test.constrainDiagAndSpherical(new Ex11Copy(Ex11Slip.SPHERICAL_ALL_ENTRIES)
                ::constrain), "the mean of all D² entries");
        Ex11Copy notDivided = new Ex11Copy(Ex11Slip.SPHERICAL_TRACE_NOT_DIVIDED);
        hintNames(() -> Exercise11Test.constrainDiagAndSpherical(notDivided::constrain), "trace not divided by D");
        hintNames(() -> Exercise11Test.oneComponentGivesTheSampleMoments(notDivided::mStep), "trace not divided by D");
        assertThrows(AssertionFailedError.class, () -> Exercise11Test.logLikelihoodNeverFalls(notDivided::mStep));
    }

    @Test
    void tiedAveragedWithoutTheCountsIsNamed() {
        Ex11Copy unweighted = new Ex11Copy(Ex11Slip.TIED_UNWEIGHTED);
        hintNames(() -> Exercise11Test.constrainTied(unweighted::constrain), "plain average");
        hintNames(() -> Exercise11Test.mStepShapes(unweighted::mStep), "plain average");
        assertThrows(AssertionFailedError.class, () -> Exercise11Test.matchesTheLibrary(unweighted::constrain,
                unweighted::mStep));
    }

    @Test
    void tiedWithRegCovarOncePerComponentIsNamed() {
        hintNames(() -> Exercise11Test.constrainTied(new Ex11Copy(Ex11Slip.TIED_REG_PER_COMPONENT)::constrain),
                "once per component");
    }

    @Test
    void parameterCountsOfTiedAndSphericalAreNamed() {
        Ex11Copy tied = new Ex11Copy(Ex11Slip.TIED_COUNTED_K_TIMES);
        hintNames(() -> Exercise11Test.freeParameters(tied::freeParameters), "K covariances counted");
        hintNames(() -> Exercise11Test.freeParameters(new Ex11Copy(Ex11Slip.SPHERICAL_COUNTED_D_PER_COMPONENT)
                ::freeParameters), "D variances counted per component");
        // A choice built on the wrong count usually loses tied to full, which then costs as much, but not on
        // every draw of the run's seed (EM can end on a better tied fit than full): when it fails, its hint
        // must send the student to 11.4, whose failure above names the mistake.
        try {
            Exercise11Test.chooseFindsATiedMixture(tied::choose, tied::freeParameters);
        } catch (AssertionFailedError failure) {
            assertTrue(failure.getMessage().contains("see 11.4 first"), failure.getMessage() + " (replay with "
                    + RunSeed.replayOption() + ")");
        }
    }

    @Test
    void aChoiceWithEveryStartLeftFullIsNamed() {
        Ex11Copy leftFull = new Ex11Copy(Ex11Slip.START_LEFT_FULL);
        hintNames(() -> Exercise11Test.chooseFindsATiedMixture(leftFull::choose, leftFull::freeParameters),
                "every start left full");
    }

    // ---- mistakes that once lost no points: each planted into a copy of the method ------------------

    /** log-sum-exp with its running maximum started from a[0] ({@code fromFirst}) or from −∞. */
    private static double logSumExp(double[] a, boolean fromFirst) {
        double max = fromFirst ? a[0] : Double.NEGATIVE_INFINITY;
        for (double value : a) {
            max = Math.max(max, value);
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

    @Test
    void aMaximumStartedFromTheFirstEntryIsNamedOnAnEmptyArray() {
        Exercise2Test.emptyArrayGivesNegativeInfinity(a -> StudentCode.call("the right logSumExp",
                () -> logSumExp(a, false)));
        hintNames(() -> Exercise2Test.emptyArrayGivesNegativeInfinity(a -> StudentCode.call("the planted logSumExp",
                () -> logSumExp(a, true))), "the running maximum starts from a[0]", "start it at −∞");
    }

    /** Ex3's cholesky, refusing pivots ≤ 0 or, {@code negativeOnly}, only pivots &lt; 0 (and NaN). */
    private static Optional<double[]> cholesky(double[] a, int d, boolean negativeOnly) {
        double[] l = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i * d + j];
                for (int m = 0; m < j; m++) {
                    sum -= l[i * d + m] * l[j * d + m];
                }
                if (i == j) {
                    boolean refused = negativeOnly ? sum < 0.0 || Double.isNaN(sum) : !(sum > 0.0);
                    if (refused || !Double.isFinite(sum)) {
                        return Optional.empty();
                    }
                    l[i * d + i] = Math.sqrt(sum);
                } else {
                    l[i * d + j] = sum / l[j * d + j];
                }
            }
        }
        return Optional.of(l);
    }

    @Test
    void aZeroPivotAcceptedIsNamed() {
        Exercise3Test.singularMatricesAreRefused((a, d) -> cholesky(a, d, false));
        hintNames(() -> Exercise3Test.singularMatricesAreRefused((a, d) -> cholesky(a, d, true)),
                "a pivot of exactly 0 was accepted", "p < 0");
    }

    @Test
    void convergenceTestsOtherThanTheAbsoluteChangeAreNamed() {
        Exercise6Test.hasConverged((previous, current, tolerance) -> Math.abs(current - previous) < tolerance);
        hintNames(() -> Exercise6Test.hasConverged((previous, current, tolerance) -> Math.abs(current - previous)
                / Math.abs(previous) < tolerance), "the relative change", "absolute change");
        hintNames(() -> Exercise6Test.hasConverged((previous, current, tolerance) -> current - previous < tolerance),
                "without the absolute value");
        hintNames(() -> Exercise6Test.hasConverged((previous, current, tolerance) -> Math.abs(current - previous)
                <= tolerance), "≤ tolerance", "strict");
    }

    @Test
    void aLoopWithoutTheCompatibilityCheckIsNamed() {
        Exercise6Test.refusesAStartThatDoesNotFit(EmLoop::run);
        Exercise6Test.Run unchecked = (steps, data, start, settings) -> {
            GaussianMixture model = start;
            EStep expectation = steps.eStep(data, model);
            double[] trace = new double[settings.maxIterations() + 1];
            trace[0] = expectation.logLikelihood() / data.rows();
            int iteration = 0;
            boolean converged = false;
            while (iteration < settings.maxIterations() && !converged) {
                iteration++;
                model = steps.mStep(data, expectation.responsibilities(), model, settings.regCovar());
                expectation = steps.eStep(data, model);
                trace[iteration] = expectation.logLikelihood() / data.rows();
                converged = Math.abs(trace[iteration] - trace[iteration - 1]) < settings.tolerance();
            }
            return new EmResult(steps.name(), model, Arrays.copyOf(trace, iteration + 1), iteration, converged,
                    new int[0], data.rows(), 0L);
        };
        hintNames(() -> Exercise6Test.refusesAStartThatDoesNotFit(unchecked), "EmLoop.requireCompatible(data, start)"
                + " first, before any step");
    }

    /** One univariate EM step in log space, with the empty-component rule or ({@code noRule}) without it. */
    private static GaussianMixture univariateStep(double[] x, GaussianMixture model, double regCovar,
            boolean noRule) {
        int n = x.length;
        int k = model.components();
        double[] r = new double[n * k];
        for (int i = 0; i < n; i++) {
            double[] logs = new double[k];
            for (int c = 0; c < k; c++) {
                double variance = model.covariance(c, 0, 0);
                double deviation = x[i] - model.mean(c, 0);
                logs[c] = Math.log(model.weight(c)) - 0.5 * Math.log(2.0 * Math.PI * variance)
                        - deviation * deviation / (2.0 * variance);
            }
            double normaliser = LogSumExp.of(logs);
            for (int c = 0; c < k; c++) {
                r[i * k + c] = Math.exp(logs[c] - normaliser);
            }
        }
        double[] weights = new double[k];
        double[] means = new double[k];
        double[] variances = new double[k];
        for (int c = 0; c < k; c++) {
            double nk = 0.0;
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                nk += r[i * k + c];
                sum += r[i * k + c] * x[i];
            }
            weights[c] = nk / n;
            if (!noRule && EmptyComponents.isEmpty(nk)) {
                means[c] = model.mean(c, 0);
                variances[c] = model.covariance(c, 0, 0);
                continue;
            }
            means[c] = sum / nk;
            double squares = 0.0;
            for (int i = 0; i < n; i++) {
                squares += r[i * k + c] * (x[i] - means[c]) * (x[i] - means[c]);
            }
            variances[c] = squares / nk + regCovar;
        }
        return GaussianMixture.ofFlat(k, 1, weights, means, variances);
    }

    @Test
    void aUnivariateStepWithoutTheEmptyComponentRuleIsNamed() {
        Exercise7Test.lostComponentKeepsItsParameters((x, model, regCovar) -> StudentCode.call("the right step",
                () -> univariateStep(x, model, regCovar, false)));
        hintNames(() -> Exercise7Test.lostComponentKeepsItsParameters((x, model, regCovar) -> StudentCode.call(
                "the planted step", () -> univariateStep(x, model, regCovar, true))),
                "the empty-component rule keeps that component's mean and variance");
    }

    /** A k-means++ slip of exercise 8, or none. */
    enum KMeansSlip {
        NONE, FIRST_CENTRE_FROM_NEXT_DOUBLE, SEARCH_WITH_AT_LEAST
    }

    /** The text's k-means++ draw, with {@code slip} planted. */
    private static double[] kMeansPlusPlus(DataMatrix data, int k, long seed, KMeansSlip slip) {
        int n = data.rows();
        int d = data.columns();
        SplittableRandom random = new SplittableRandom(seed);
        double[] centres = new double[k * d];
        int first = slip == KMeansSlip.FIRST_CENTRE_FROM_NEXT_DOUBLE ? (int) (random.nextDouble() * n)
                : random.nextInt(n);
        System.arraycopy(data.row(first), 0, centres, 0, d);
        for (int c = 1; c < k; c++) {
            double[] squared = KMeansPlusPlus.squaredDistances(data, centres, c);
            double total = Arrays.stream(squared).sum();
            double u = random.nextDouble() * total;
            int chosen = n - 1;
            double cumulative = 0.0;
            for (int i = 0; i < n; i++) {
                cumulative += squared[i];
                if (slip == KMeansSlip.SEARCH_WITH_AT_LEAST ? cumulative >= u : cumulative > u) {
                    chosen = i;
                    break;
                }
            }
            System.arraycopy(data.row(chosen), 0, centres, c * d, d);
        }
        return centres;
    }

    @Test
    void kMeansPlusPlusSlipsOfTheDrawAreNamed() {
        for (KMeansSlip slip : KMeansSlip.values()) {
            Exercise8Test.Centres centres = (data, k, seed) -> kMeansPlusPlus(data, k, seed, slip);
            Executable first = () -> Exercise8Test.firstCentreIsDrawnWithNextInt(centres,
                    RunSeed.forTest(KnownMistakesTest.class, "firstCentre"));
            Executable zero = () -> Exercise8Test.aDrawOfZeroSkipsTheChosenPoints(centres,
                    RunSeed.forTest(KnownMistakesTest.class, "drawOfZero"));
            switch (slip) {
                case NONE -> {
                    assertDoesNotThrow(first);
                    assertDoesNotThrow(zero);
                }
                case FIRST_CENTRE_FROM_NEXT_DOUBLE -> hintNames(first, "(int) (random.nextDouble() · N)",
                        "random.nextInt(N)");
                case SEARCH_WITH_AT_LEAST -> hintNames(zero, "a centre drawn twice", "> u, strictly");
            }
        }
        // The library's k-means++, which draws as the text says, passes both.
        assertDoesNotThrow(() -> Exercise8Test.firstCentreIsDrawnWithNextInt(KMeansPlusPlus::centres,
                RunSeed.forTest(KnownMistakesTest.class, "firstCentre")));
        assertDoesNotThrow(() -> Exercise8Test.aDrawOfZeroSkipsTheChosenPoints(KMeansPlusPlus::centres,
                RunSeed.forTest(KnownMistakesTest.class, "drawOfZero")));
    }

    /** chooseComponents keeping the first lowest BIC, or ({@code atMost}) the last, with ≤. */
    private static Exercise9Test.ChooseWith tieChooser(boolean atMost) {
        return (data, min, max, algorithm) -> {
            int best = min;
            double lowest = Double.POSITIVE_INFINITY;
            for (int k = min; k <= max; k++) {
                EmResult fit = algorithm.fit(data, Initialisation.randomPoints(data, k, Exercise9Test.startSeed()),
                        EmSettings.defaults());
                double value = -2.0 * fit.logLikelihood() + parameters(fit) * Math.log(fit.points());
                if (atMost ? value <= lowest : value < lowest) {
                    best = k;
                    lowest = value;
                }
            }
            return best;
        };
    }

    @Test
    void aTieGivenToTheLargerKIsNamed() {
        Exercise9Test.FreeParameters free = (k, d) -> (k - 1) + k * d + k * d * (d + 1) / 2;
        Exercise9Test.Bic bic = fit -> -2.0 * fit.logLikelihood() + parameters(fit) * Math.log(fit.points());
        Exercise9Test.tiesGoToTheSmallerK(tieChooser(false), free, bic);
        hintNames(() -> Exercise9Test.tiesGoToTheSmallerK(tieChooser(true), free, bic), "the larger K of two with"
                + " the same BIC", "compare with <, strictly");
    }

    // ---- mistakes whose first hint used to point elsewhere, each planted where it belongs --------------

    /** A pdf computed in float: right to about 7 significant digits, wrong at double's precision. */
    private static double floatPdf(double x, double mean, double variance) {
        float deviation = (float) (x - mean);
        float v = (float) variance;
        float constant = (float) (1.0f / Math.sqrt(2.0f * (float) Math.PI * v));
        return constant * (float) Math.exp(-deviation * deviation / (2.0f * v));
    }

    @Test
    void aPdfInFloatIsNamedNotSentToTheConstant() {
        Exercise1Test.Pdf right = (x, mean, variance) -> Math.exp(-(x - mean) * (x - mean) / (2.0 * variance))
                / Math.sqrt(2.0 * Math.PI * variance);
        Exercise1Test.pdfAtTheMean(right);
        Exercise1Test.pdfTakesTheVariance(right);
        Exercise1Test.pdfMatchesTheLibrary(right);
        hintNames(() -> Exercise1Test.pdfAtTheMean(KnownMistakesTest::floatPdf), "as float arithmetic gives");
        hintNames(() -> Exercise1Test.pdfTakesTheVariance(KnownMistakesTest::floatPdf), "as float arithmetic gives");
        assertThrows(AssertionFailedError.class, () -> Exercise1Test.pdfMatchesTheLibrary(KnownMistakesTest::floatPdf));
        // A wrong constant is not taken for float: 1/√(2πσ) where 1/√(2πσ²) belongs is far off.
        AssertionFailedError constant = assertThrows(AssertionFailedError.class, () -> Exercise1Test.pdfAtTheMean(
                (x, mean, variance) -> 1.0 / Math.sqrt(2.0 * Math.PI * Math.sqrt(variance))));
        assertTrue(!constant.getMessage().contains("float") && constant.getMessage().contains("normalising constant"),
                constant.getMessage());
    }

    /** A slip planted in an E-step written out in log space, or none. */
    enum EStepSlip {
        NONE, NO_WEIGHTS, TRANSPOSED, NORMALISED_OVER_THE_POINTS, LOG_SUM_EXP_FROM_ZERO
    }

    /** The E-step in log space (as the solution writes it), with {@code slip} planted where it belongs. */
    private static EStep slippedEStep(DataMatrix data, GaussianMixture model, EStepSlip slip) {
        int n = data.rows();
        int k = model.components();
        double[] logRho = new double[n * k];
        double total = 0.0;
        double[] r = new double[n * k];
        for (int i = 0; i < n; i++) {
            double[] logs = new double[k];
            for (int c = 0; c < k; c++) {
                // the slip NO_WEIGHTS: log πₖ left out, as in seed 003
                logs[c] = (slip == EStepSlip.NO_WEIGHTS ? 0.0 : Math.log(model.weight(c)))
                        + model.logComponentDensity(c, data.row(i));
                logRho[i * k + c] = logs[c];
            }
            double normaliser = slip == EStepSlip.LOG_SUM_EXP_FROM_ZERO ? KnownMistakes.logSumExpFromZero(logs)
                    : LogSumExp.of(logs);
            for (int c = 0; c < k; c++) {
                // the slip: r[i][c] written at c * N + i
                r[slip == EStepSlip.TRANSPOSED ? c * n + i : i * k + c] = Math.exp(logs[c] - normaliser);
            }
            total += normaliser;
        }
        if (slip == EStepSlip.NORMALISED_OVER_THE_POINTS) {
            // the slip: each column divided by its sum over the points
            for (int c = 0; c < k; c++) {
                double[] column = new double[n];
                for (int i = 0; i < n; i++) {
                    column[i] = logRho[i * k + c];
                }
                double columnNormaliser = LogSumExp.of(column);
                for (int i = 0; i < n; i++) {
                    r[i * k + c] = Math.exp(column[i] - columnNormaliser);
                }
            }
        }
        return new EStep(Responsibilities.wrap(n, k, r), total);
    }

    @Test
    void anEStepLaidOutOrNormalisedTheWrongWayIsNamedNotSentToBayesRule() throws Throwable {
        Promises.EStepMethod right = (data, model) -> slippedEStep(data, model, EStepSlip.NONE);
        Exercise4Test.responsibilitiesIncludeTheWeights(right);
        Exercise4Test.responsibilitiesMatchTheLibrary(right);
        Exercise4Test.farPointsDoNotUnderflow(right);
        Promises.EStepMethod transposed = (data, model) -> slippedEStep(data, model, EStepSlip.TRANSPOSED);
        hintNames(() -> Exercise4Test.responsibilitiesIncludeTheWeights(transposed), "laid out K×N, r[c * N + i]");
        hintNames(() -> Exercise4Test.responsibilitiesMatchTheLibrary(transposed), "laid out K×N, r[c * N + i]");
        Promises.EStepMethod overPoints = (data, model) -> slippedEStep(data, model,
                EStepSlip.NORMALISED_OVER_THE_POINTS);
        hintNames(() -> Exercise4Test.responsibilitiesIncludeTheWeights(overPoints), "normalised over the points");
        hintNames(() -> Exercise4Test.responsibilitiesMatchTheLibrary(overPoints), "normalised over the points");
    }

    @Test
    void aLogSumExpWhoseMaximumStartsAtZeroIsNamedNotSentToLogSpace() {
        Promises.EStepMethod fromZero = (data, model) -> slippedEStep(data, model, EStepSlip.LOG_SUM_EXP_FROM_ZERO);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Exercise4Test.farPointsDoNotUnderflow(fromZero));
        assertTrue(failure.getMessage().contains("running maximum starts at 0")
                && !failure.getMessage().contains("in log space instead"), failure.getMessage());
        // The log-sum-exp itself: right where a term is near 0, −∞ where every term is far below it.
        assertEquals(Math.log(Math.exp(-1.0) + Math.exp(-2.0)), KnownMistakes.logSumExpFromZero(new double[] {-1.0,
            -2.0}), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, KnownMistakes.logSumExpFromZero(new double[] {-1000.0, -1001.0}));
    }

    /** A slip planted in a copy of the solution's EM loop, or none. */
    enum LoopSlip {
        NONE, ONE_ITERATION_SHORT, COUNT_PLUS_ONE
    }

    /** The solution's loop (through the library's checked steps), with {@code slip} planted where it belongs. */
    private static EmResult slippedLoop(org.emgmm.em.EmAlgorithm steps, DataMatrix data, GaussianMixture start,
            EmSettings settings, LoopSlip slip) {
        org.emgmm.em.EmLoop.requireCompatible(data, start);
        int n = data.rows();
        double[] trace = new double[settings.maxIterations() + 1];
        java.util.TreeSet<Integer> empty = new java.util.TreeSet<>();
        GaussianMixture model = start;
        EStep expectation = org.emgmm.em.EmLoop.checkedEStep(steps, data, model, 0);
        trace[0] = expectation.logLikelihood() / n;
        int iteration = 0;
        boolean converged = false;
        // the slip: a bound one short
        int bound = slip == LoopSlip.ONE_ITERATION_SHORT ? settings.maxIterations() - 1 : settings.maxIterations();
        while (iteration < bound && !converged) {
            iteration++;
            org.emgmm.em.EmLoop.recordEmptyComponents(expectation.responsibilities(), empty);
            model = org.emgmm.em.EmLoop.checkedMStep(steps, data, expectation.responsibilities(), model,
                    settings.regCovar(), iteration);
            expectation = org.emgmm.em.EmLoop.checkedEStep(steps, data, model, iteration);
            trace[iteration] = expectation.logLikelihood() / n;
            converged = Math.abs(trace[iteration] - trace[iteration - 1]) < settings.tolerance();
        }
        int[] emptyComponents = empty.stream().mapToInt(Integer::intValue).toArray();
        // the slip: the count reported one higher than the iterations run
        int reported = slip == LoopSlip.COUNT_PLUS_ONE ? iteration + 1 : iteration;
        return new EmResult(steps.name(), model, Arrays.copyOf(trace, iteration + 1), reported, converged,
                emptyComponents, n, 0L);
    }

    @Test
    void aLoopCountOffByOneIsNamedNotSentToConvergence() {
        Exercise6Test.Loop right = (steps, data, start, settings) -> slippedLoop(steps, data, start, settings,
                LoopSlip.NONE);
        Exercise6Test.zeroIterationsReturnTheStart(right);
        Exercise6Test.toleranceZeroRunsEveryIteration(right);
        Exercise6Test.Loop oneShort = (steps, data, start, settings) -> slippedLoop(steps, data, start, settings,
                LoopSlip.ONE_ITERATION_SHORT);
        hintNames(() -> Exercise6Test.zeroIterationsReturnTheStart(oneShort), "one iteration fewer than maxIterations",
                "loop's bound");
        hintNames(() -> Exercise6Test.toleranceZeroRunsEveryIteration(oneShort),
                "one iteration fewer than maxIterations", "loop's bound");
        Exercise6Test.Loop plusOne = (steps, data, start, settings) -> slippedLoop(steps, data, start, settings,
                LoopSlip.COUNT_PLUS_ONE);
        hintNames(() -> Exercise6Test.zeroIterationsReturnTheStart(plusOne), "one more than the 0 iterations",
                "not counter + 1");
        hintNames(() -> Exercise6Test.toleranceZeroRunsEveryIteration(plusOne), "iterations your loop ran",
                "not counter + 1");
    }
}
