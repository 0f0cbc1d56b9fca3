package org.emgmm.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Initialisation;
import org.emgmm.em.Responsibilities;
import org.emgmm.linalg.Cholesky;
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
        Promises.EStepMethod right = (data, model) -> eStep(data, model, true);
        Promises.EStepMethod noWeights = (data, model) -> eStep(data, model, false);
        Exercise4Test.responsibilitiesIncludeTheWeights(right);
        Exercise4Test.logLikelihoodMatchesTheLibrary(right);
        hintNames(() -> Exercise4Test.responsibilitiesIncludeTheWeights(noWeights), "πₖ is left out of Bayes' rule");
        hintNames(() -> Exercise4Test.responsibilitiesMatchTheLibrary(noWeights), "see 4.1 first");
        hintNames(() -> Exercise4Test.logLikelihoodClosedForm(noWeights), "see 4.1 first");
        hintNames(() -> Exercise4Test.logLikelihoodMatchesTheLibrary(noWeights), "see 4.1 first");
        hintNames(() -> Exercise4Test.farPointsDoNotUnderflow(noWeights), "see 4.1 first");
    }

    private static EStep eStep(DataMatrix data, GaussianMixture model, boolean withWeights) {
        int n = data.rows();
        int k = model.components();
        double[] r = new double[n * k];
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            double[] logs = new double[k];
            for (int c = 0; c < k; c++) {
                logs[c] = (withWeights ? Math.log(model.weight(c)) : 0.0) + model.logComponentDensity(c, data.row(i));
            }
            double normaliser = LogSumExp.of(logs);
            for (int c = 0; c < k; c++) {
                r[i * k + c] = Math.exp(logs[c] - normaliser);
            }
            total += normaliser;
        }
        return new EStep(Responsibilities.wrap(n, k, r), total);
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
}
