package org.emgmm.grading;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Responsibilities;
import org.emgmm.linalg.Cholesky;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.LogSumExp;
import org.emgmm.univariate.UnivariateEm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/**
 * Not graded: the checks of {@link Promises}, which the graded tests run on the student's code, run
 * here on deliberately wrong versions of each method, with one aliasing bug planted in each: writing
 * into a parameter marked "Not modified", returning the input as the "new array", or reusing one array
 * for the results of every call. Each planted bug must fail its check with a message that names the
 * method and the promise it broke; the same methods done right (from the library, or written here
 * without the bug) must pass. The wrong versions compute the right values, so that only the promise
 * can catch them; they are what scored full marks before these checks existed.
 *
 * <p>The last test goes the other way: versions that keep every promise because they compute nothing
 * (zeros, a copy of the input, {@code Optional.empty()}, the weights as responsibilities, the start
 * returned) must fail on their value, which the checks verify too.
 */
class PromisesTest {

    /** Runs {@code check}, which must fail, and asserts that its message contains every one of {@code parts}. */
    private static void failsNaming(Executable check, String... parts) {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, check);
        for (String part : parts) {
            assertTrue(failure.getMessage().contains(part), "\"" + part + "\" not in: " + failure.getMessage());
        }
    }

    // ---- Exercise 2 --------------------------------------------------------------------------------

    /** Shifts a by its maximum in place, then sums: the right value, and a changed. */
    private static double logSumExpShiftingInPlace(double[] a) {
        double top = Arrays.stream(a).max().orElse(Double.NEGATIVE_INFINITY);
        if (top == Double.NEGATIVE_INFINITY) {
            return top;
        }
        double total = 0.0;
        for (int j = 0; j < a.length; j++) {
            a[j] -= top;
            total += Math.exp(a[j]);
        }
        return top + Math.log(total);
    }

    @Test
    void logSumExpThatShiftsItsInputInPlaceFails() {
        assertDoesNotThrow(() -> Promises.logSumExpLeavesItsInput(LogSumExp::of));
        failsNaming(() -> Promises.logSumExpLeavesItsInput(PromisesTest::logSumExpShiftingInPlace),
                "logSumExp wrote into its input a: the comment promises a is not modified");
    }

    /** The probabilities, computed without writing anywhere but into {@code into}. */
    private static void probabilities(double[] logs, double[] into) {
        double normaliser = LogSumExp.of(logs);
        double[] values = Arrays.stream(logs).map(value -> Math.exp(value - normaliser)).toArray();
        System.arraycopy(values, 0, into, 0, values.length);
    }

    @Test
    void normaliseThatWritesIntoItsInputFails() {
        Promises.Normalise right = a -> {
            double[] p = new double[a.length];
            probabilities(a, p);
            return p;
        };
        assertDoesNotThrow(() -> Promises.normaliseLeavesItsInputAndReturnsANewArray(right));
        Promises.Normalise inPlace = a -> {
            probabilities(a, a);
            return a;
        };
        failsNaming(() -> Promises.normaliseLeavesItsInputAndReturnsANewArray(inPlace),
                "normalise wrote into its input a: the comment promises a is not modified and the result is a new"
                        + " array");
    }

    @Test
    void normaliseThatReturnsItsInputFails() {
        // Leaves a alone, but hands it back (as if it were already normalised): the same array, not a new one.
        Promises.Normalise returnsInput = a -> a;
        failsNaming(() -> Promises.normaliseLeavesItsInputAndReturnsANewArray(returnsInput),
                "normalise returned its input a itself: the comment promises a is not modified and the result is a"
                        + " new array");
    }

    @Test
    void normaliseThatReusesOneArrayForEveryResultFails() {
        double[][] shared = new double[1][];
        Promises.Normalise reused = a -> {
            if (shared[0] == null || shared[0].length != a.length) {
                shared[0] = new double[a.length];
            }
            probabilities(a, shared[0]);
            return shared[0];
        };
        failsNaming(() -> Promises.normaliseLeavesItsInputAndReturnsANewArray(reused),
                "normalise's result of an earlier call changed when normalise was called again: the comment promises"
                        + " a is not modified and the result is a new array");
    }

    // ---- Exercise 3 --------------------------------------------------------------------------------

    @Test
    void choleskyThatFactorsInPlaceFails() {
        assertDoesNotThrow(() -> Promises.choleskyLeavesItsMatrix(
                (a, d) -> Cholesky.decompose(a, d).map(Cholesky::lowerTriangle)));
        // The textbook's in-place factor: L overwrites the lower triangle of A, zeros go above it.
        Promises.Cholesky inPlace = (a, d) -> {
            for (int col = 0; col < d; col++) {
                for (int m = 0; m < col; m++) {
                    a[col * d + col] -= a[col * d + m] * a[col * d + m];
                }
                if (!(a[col * d + col] > 0.0)) {
                    return Optional.empty();
                }
                a[col * d + col] = Math.sqrt(a[col * d + col]);
                for (int row = col + 1; row < d; row++) {
                    for (int m = 0; m < col; m++) {
                        a[row * d + col] -= a[row * d + m] * a[col * d + m];
                    }
                    a[row * d + col] /= a[col * d + col];
                    a[col * d + row] = 0.0;
                }
            }
            return Optional.of(a);
        };
        failsNaming(() -> Promises.choleskyLeavesItsMatrix(inPlace),
                "cholesky wrote into its input a: the comment promises a is not modified");
    }

    /** Solves L z = b into {@code z}, which may be b itself (reading b[i] before writing z[i]). */
    private static void solveInto(double[] lower, int d, double[] b, double[] z) {
        for (int row = 0; row < d; row++) {
            double rest = b[row];
            for (int m = 0; m < row; m++) {
                rest -= lower[row * d + m] * z[m];
            }
            z[row] = rest / lower[row * d + row];
        }
    }

    @Test
    void forwardSubstitutionThatOverwritesBFails() {
        assertDoesNotThrow(() -> Promises.forwardSubstitutionLeavesItsInputsAndReturnsANewArray((lower, d, b) -> {
            double[] z = new double[d];
            solveInto(lower, d, b, z);
            return z;
        }));
        Promises.ForwardSubstitution overwritesB = (lower, d, b) -> {
            solveInto(lower, d, b, b);
            return b;
        };
        failsNaming(() -> Promises.forwardSubstitutionLeavesItsInputsAndReturnsANewArray(overwritesB),
                "forwardSubstitution wrote into its input b: the comment promises lower and b are not modified and"
                        + " the result is a new array");
    }

    @Test
    void forwardSubstitutionThatReusesOneArrayFails() {
        double[][] shared = new double[1][];
        Promises.ForwardSubstitution reused = (lower, d, b) -> {
            if (shared[0] == null || shared[0].length != d) {
                shared[0] = new double[d];
            }
            solveInto(lower, d, b, shared[0]);
            return shared[0];
        };
        failsNaming(() -> Promises.forwardSubstitutionLeavesItsInputsAndReturnsANewArray(reused),
                "forwardSubstitution's result of an earlier call changed when forwardSubstitution was called again:"
                        + " the comment promises lower and b are not modified and the result is a new array");
    }

    @Test
    void forwardSubstitutionThatClearsTheUpperTriangleFails() {
        // "Entries above the diagonal are ignored": zeroing them is writing into lower all the same.
        Promises.ForwardSubstitution clearsUpper = (lower, d, b) -> {
            for (int row = 0; row < d; row++) {
                Arrays.fill(lower, row * d + row + 1, (row + 1) * d, 0.0);
            }
            double[] z = new double[d];
            solveInto(lower, d, b, z);
            return z;
        };
        failsNaming(() -> Promises.forwardSubstitutionLeavesItsInputsAndReturnsANewArray(clearsUpper),
                "forwardSubstitution wrote into its input lower: the comment promises lower and b are not modified");
    }

    @Test
    void logDeterminantThatTakesLogarithmsInPlaceFails() {
        Promises.LogDeterminant right = (lower, d) -> {
            double half = 0.0;
            for (int i = 0; i < d; i++) {
                half += Math.log(lower[i * d + i]);
            }
            return 2.0 * half;
        };
        assertDoesNotThrow(() -> Promises.logDeterminantLeavesItsFactor(right));
        Promises.LogDeterminant inPlace = (lower, d) -> {
            double half = 0.0;
            for (int i = 0; i < d; i++) {
                lower[i * d + i] = Math.log(lower[i * d + i]);
                half += lower[i * d + i];
            }
            return 2.0 * half;
        };
        failsNaming(() -> Promises.logDeterminantLeavesItsFactor(inPlace),
                "logDeterminant wrote into its input lower: the comment promises lower is not modified");
    }

    /** log N(x | μ, Σ) from the library's mixture of one component. */
    private static double libraryLogDensity(double[] x, double[] mean, double[] covariance) {
        return GaussianMixture.ofFlat(1, x.length, new double[] {1.0}, mean, covariance).logComponentDensity(0, x);
    }

    @Test
    void logDensityThatCentresXInPlaceFails() {
        assertDoesNotThrow(() -> Promises.logDensityLeavesItsArguments(PromisesTest::libraryLogDensity));
        Promises.LogDensity centresX = (x, mean, covariance) -> {
            for (int j = 0; j < x.length; j++) {
                x[j] -= mean[j];
            }
            return libraryLogDensity(x, new double[x.length], covariance);
        };
        failsNaming(() -> Promises.logDensityLeavesItsArguments(centresX),
                "logDensity wrote into its input x: the comment promises x, mean and covariance are not modified");
    }

    @Test
    void logDensityThatFactorsTheCovarianceInPlaceFails() {
        Promises.LogDensity factorsSigma = (x, mean, covariance) -> {
            double value = libraryLogDensity(x, mean, covariance);
            double[] factor = Cholesky.decompose(covariance, x.length).orElseThrow().lowerTriangle();
            System.arraycopy(factor, 0, covariance, 0, factor.length);
            return value;
        };
        failsNaming(() -> Promises.logDensityLeavesItsArguments(factorsSigma),
                "logDensity wrote into its input covariance: the comment promises x, mean and covariance are not"
                        + " modified");
    }

    // ---- Exercise 4 --------------------------------------------------------------------------------

    @Test
    void eStepThatReusesOneResponsibilitiesArrayFails() {
        LoopsEm library = new LoopsEm();
        assertDoesNotThrow(() -> Promises.eStepResultsStayAsTheyWere(library::eStep));
        // The bug that passed exercises 4 and 6 and the property tests: one array, kept between calls,
        // rewritten and wrapped again by every E-step.
        double[][] shared = new double[1][];
        Promises.EStepMethod reused = (data, model) -> {
            EStep fresh = library.eStep(data, model);
            double[] values = fresh.responsibilities().toFlatArray();
            if (shared[0] == null || shared[0].length != values.length) {
                shared[0] = new double[values.length];
            }
            System.arraycopy(values, 0, shared[0], 0, values.length);
            return new EStep(Responsibilities.wrap(data.rows(), model.components(), shared[0]),
                    fresh.logLikelihood());
        };
        failsNaming(() -> Promises.eStepResultsStayAsTheyWere(reused),
                "eStep's responsibilities from an earlier call changed when eStep was called again: the comment"
                        + " promises each call's result is its own");
    }

    // ---- Exercise 5 --------------------------------------------------------------------------------

    /** Σₖ about {@code centre} plus reg-covar on the diagonal, reading {@code centre} only. */
    private static double[] scatter(DataMatrix data, Responsibilities r, int k, double nk, double[] centre,
            double regCovar) {
        int d = data.columns();
        double[] sigma = new double[d * d];
        for (int i = 0; i < data.rows(); i++) {
            double[] offset = data.row(i);
            for (int a = 0; a < d; a++) {
                offset[a] -= centre[a];
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    sigma[a * d + b] += r.get(i, k) * offset[a] * offset[b] / nk;
                }
            }
        }
        for (int a = 0; a < d; a++) {
            sigma[a * d + a] += regCovar;
        }
        return sigma;
    }

    @Test
    void weightedCovarianceThatNegatesTheMeanFails() {
        assertDoesNotThrow(() -> Promises.weightedCovarianceLeavesTheMean(PromisesTest::scatter));
        // Negates μ in place once, so as to add it instead of subtracting it, and never puts it back.
        Promises.WeightedCovariance negatesMean = (data, r, k, nk, mean, regCovar) -> {
            for (int a = 0; a < mean.length; a++) {
                mean[a] = -mean[a];
            }
            double[] back = Arrays.stream(mean).map(value -> -value).toArray();
            return scatter(data, r, k, nk, back, regCovar);
        };
        failsNaming(() -> Promises.weightedCovarianceLeavesTheMean(negatesMean),
                "weightedCovariance wrote into its input mean: the comment promises mean is not modified");
    }

    // ---- Exercise 7 --------------------------------------------------------------------------------

    private static final UnivariateEm UNIVARIATE = new UnivariateEm();

    private static DataMatrix column(double[] x) {
        double[][] rows = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            rows[i] = new double[] {x[i]};
        }
        return DataMatrix.ofRows(rows);
    }

    private static double likelihood(double[] x, GaussianMixture model) {
        return UNIVARIATE.eStep(column(x), model).logLikelihood();
    }

    private static GaussianMixture fitted(double[] x, GaussianMixture start, int iterations, double regCovar) {
        return UNIVARIATE.fit(column(x), start, new EmSettings(iterations, 0.0, regCovar)).model();
    }

    @Test
    void univariateStepThatSortsXFails() {
        assertDoesNotThrow(() -> Promises.univariateEmLeavesX(PromisesTest::likelihood,
                (x, model, regCovar) -> fitted(x, model, 1, regCovar), PromisesTest::fitted));
        // EM does not care about the order of the points, so sorting x in place changes no result: only x.
        Promises.UnivariateStep sortsX = (x, model, regCovar) -> {
            Arrays.sort(x);
            return fitted(x, model, 1, regCovar);
        };
        failsNaming(() -> Promises.univariateEmLeavesX(PromisesTest::likelihood, sortsX, PromisesTest::fitted),
                "step wrote into its input x: the comment promises x is not modified");
    }

    @Test
    void univariateLogLikelihoodThatCentresXFails() {
        Promises.UnivariateLogLikelihood centresX = (x, model) -> {
            double centre = Arrays.stream(x).average().orElse(0.0);
            for (int i = 0; i < x.length; i++) {
                x[i] -= centre;
            }
            double[] back = Arrays.stream(x).map(value -> value + centre).toArray();
            return likelihood(back, model);
        };
        failsNaming(() -> Promises.univariateEmLeavesX(centresX, (x, model, regCovar) -> fitted(x, model, 1, regCovar),
                PromisesTest::fitted), "logLikelihood wrote into its input x: the comment promises x is not modified");
    }

    // ---- Exercise 8 --------------------------------------------------------------------------------

    /** D²(i) to the nearest of the first {@code count} centres, reading the centres only. */
    private static double[] nearestSquared(DataMatrix data, double[] centres, int count) {
        int d = data.columns();
        double[] result = new double[data.rows()];
        for (int i = 0; i < data.rows(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int c = 0; c < count; c++) {
                double squared = 0.0;
                for (int j = 0; j < d; j++) {
                    squared += Math.pow(data.get(i, j) - centres[c * d + j], 2);
                }
                best = Math.min(best, squared);
            }
            result[i] = best;
        }
        return result;
    }

    @Test
    void squaredDistancesThatClearsTheUnusedCentresFails() {
        assertDoesNotThrow(() -> Promises.squaredDistancesLeavesTheCentres(PromisesTest::nearestSquared));
        // "Tidies up" the centres not chosen yet: they are the caller's, not scratch space.
        Promises.SquaredDistances clearsRest = (data, centres, count) -> {
            Arrays.fill(centres, count * data.columns(), centres.length, 0.0);
            return nearestSquared(data, centres, count);
        };
        failsNaming(() -> Promises.squaredDistancesLeavesTheCentres(clearsRest),
                "squaredDistances wrote into its input centres: the comment promises centres is not modified");
    }

    // ---- Trivial answers -----------------------------------------------------------------------------

    /** Runs {@code check}, which must fail on the value, the promise kept. */
    private static void failsOnTheValue(Executable check) {
        failsNaming(check, "hint: the arrays were left alone, but the result must be right too");
    }

    @Test
    void answersThatComputeNothingKeepEveryPromiseAndFailOnTheirValue() {
        failsOnTheValue(() -> Promises.logSumExpLeavesItsInput(a -> 0.0));
        failsOnTheValue(() -> Promises.logSumExpLeavesItsInput(a -> Arrays.stream(a).max().orElse(0.0)));
        failsOnTheValue(() -> Promises.normaliseLeavesItsInputAndReturnsANewArray(a -> new double[a.length]));
        failsOnTheValue(() -> Promises.normaliseLeavesItsInputAndReturnsANewArray(double[]::clone));
        failsOnTheValue(() -> Promises.choleskyLeavesItsMatrix((a, d) -> Optional.empty()));
        failsOnTheValue(() -> Promises.choleskyLeavesItsMatrix((a, d) -> Optional.of(new double[d * d])));
        failsOnTheValue(() -> Promises.forwardSubstitutionLeavesItsInputsAndReturnsANewArray(
                (lower, d, b) -> new double[d]));
        failsOnTheValue(() -> Promises.forwardSubstitutionLeavesItsInputsAndReturnsANewArray(
                (lower, d, b) -> b.clone()));
        failsOnTheValue(() -> Promises.logDeterminantLeavesItsFactor((lower, d) -> 0.0));
        failsOnTheValue(() -> Promises.logDensityLeavesItsArguments((x, mean, covariance) -> 0.0));
        failsOnTheValue(() -> Promises.eStepResultsStayAsTheyWere((data, model) -> {
            double[] weights = new double[data.rows() * model.components()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = model.weight(i % model.components());
            }
            return new EStep(Responsibilities.wrap(data.rows(), model.components(), weights), 0.0);
        }));
        failsOnTheValue(() -> Promises.weightedCovarianceLeavesTheMean(
                (data, r, k, nk, mean, regCovar) -> new double[mean.length * mean.length]));
        // The covariance of all the points, whatever their responsibilities: what an M-step that ignores them
        // gives.
        failsOnTheValue(() -> Promises.weightedCovarianceLeavesTheMean((data, r, k, nk, mean, regCovar) -> {
            double[] ones = new double[data.rows()];
            Arrays.fill(ones, 1.0);
            return scatter(data, Responsibilities.wrap(data.rows(), 1, ones), 0, data.rows(), mean, regCovar);
        }));
        failsOnTheValue(() -> Promises.univariateEmLeavesX((x, model) -> 0.0,
                (x, model, regCovar) -> fitted(x, model, 1, regCovar), PromisesTest::fitted));
        failsOnTheValue(() -> Promises.univariateEmLeavesX(PromisesTest::likelihood, (x, model, regCovar) -> model,
                PromisesTest::fitted));
        failsOnTheValue(() -> Promises.univariateEmLeavesX(PromisesTest::likelihood,
                (x, model, regCovar) -> fitted(x, model, 1, regCovar), (x, start, iterations, regCovar) -> start));
        failsOnTheValue(() -> Promises.squaredDistancesLeavesTheCentres(
                (data, centres, count) -> new double[data.rows()]));
    }

    // ---- Exercise 10 -------------------------------------------------------------------------------

    @Test
    void vectorisedEStepThatReusesItsResultArrayFails() {
        PlantedVectorise right = new PlantedVectorise(PlantedVectorise.Slip.NONE);
        assertDoesNotThrow(() -> Promises.vectoriseKeepsItsPromises(right::eStep, right::momentSums));
        PlantedVectorise reused = new PlantedVectorise(PlantedVectorise.Slip.RESULT_BUFFER_REUSED);
        failsNaming(() -> Promises.vectoriseKeepsItsPromises(reused::eStep, reused::momentSums),
                "eStep's result of an earlier call changed when eStep was called again", "a fresh result");
    }

    @Test
    void vectorisedMethodsThatWriteIntoTheirInputsFail() {
        PlantedVectorise right = new PlantedVectorise(PlantedVectorise.Slip.NONE);
        // Scaling the factors in place by 1/L[j][j] (to multiply instead of divide later) changes them.
        Exercise10Test.BlockedEStep scaling = (data, model, factors, logDeterminants, block) -> {
            EStep step = right.eStep(data, model, factors, logDeterminants, block);
            factors[0] = 1.0 / factors[0];
            return step;
        };
        failsNaming(() -> Promises.vectoriseKeepsItsPromises(scaling, right::momentSums),
                "eStep wrote into its input factors");
        // Centring the data on the centres by subtracting from them in place.
        Exercise10Test.MomentSums centring = (data, r, centres, block) -> {
            org.emgmm.exercises.Ex10Vectorise.Sums sums = right.momentSums(data, r, centres, block);
            centres[centres.length - 1] -= 1.0;
            return sums;
        };
        failsNaming(() -> Promises.vectoriseKeepsItsPromises(right::eStep, centring),
                "momentSums wrote into its input centres");
    }

    // ---- Exercise 11 ---------------------------------------------------------------------------------

    @Test
    void exercise11sConstrainIsCheckedForItsPromisesAndItsValue() {
        // Right: the library's constrain, which builds its result in a new array.
        assertDoesNotThrow(() -> Exercise11Test.constrainLeavesItsInputs((type, counts, scatters, d, reg) ->
                type.constrain(counts, scatters, new boolean[counts.length], d, reg)));
        // reg-covar added into scatters in place, then constrained without it: the right value, scatters changed.
        failsNaming(() -> Exercise11Test.constrainLeavesItsInputs((type, counts, scatters, d, reg) -> {
            for (int e = 0; e < scatters.length; e++) {
                scatters[e] += (e % (d * d)) / d == e % d ? reg : 0.0;
            }
            return type.constrain(counts, scatters, new boolean[counts.length], d, 0.0);
        }), "scatters afterwards", "Not modified");
        // Full with reg-covar 0 answers Sₖ: returning scatters itself gives the right value in the wrong array.
        failsNaming(() -> Exercise11Test.constrainLeavesItsInputs((type, counts, scatters, d, reg) ->
                type == CovarianceType.FULL && reg == 0.0 ? scatters
                        : type.constrain(counts, scatters, new boolean[counts.length], d, reg)), "the scatters array"
                                + " itself");
        // Computing nothing keeps both promises, and fails on the value.
        failsOnTheValue(() -> Exercise11Test.constrainLeavesItsInputs((type, counts, scatters, d, reg) ->
                new double[scatters.length]));
        failsOnTheValue(() -> Exercise11Test.constrainLeavesItsInputs((type, counts, scatters, d, reg) ->
                scatters.clone()));
    }
}
