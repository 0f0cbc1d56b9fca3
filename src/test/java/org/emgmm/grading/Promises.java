package org.emgmm.grading;

import java.util.Optional;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.Responsibilities;
import org.emgmm.model.GaussianMixture;

/**
 * The promises the exercises' comments make about arrays, as checks: a parameter marked "Not modified"
 * holds the same values after the call, bit for bit; a result promised as "a new array" is none of the
 * arrays passed in and is not shared with the result of an earlier call; and an E-step's
 * responsibilities, once returned, do not change when the E-step runs again.
 *
 * <p>Each check takes the method under test as a function. The graded tests pass the student's method
 * (through {@link StudentCode#call}, so that "not done yet" and exceptions are explained as usual), and
 * {@code PromisesTest} passes deliberately wrong versions, to show that each check fails on the bug it
 * is there for. The failure names the method, the parameter or result, and the promise broken:
 * <pre>
 *   normalise wrote into its input a: the comment promises a is not modified and the result is a new
 *   array: expected a[0] = -1000 (unchanged), got 0.665; hint: …
 * </pre>
 * The inputs are small and chosen so that a method that works on them in place must change them: no
 * entry is already where an in-place computation would leave it.
 */
public final class Promises {

    private Promises() {
    }

    /** Ex2LogSumExp.logSumExp. */
    @FunctionalInterface
    public interface LogSumExp {
        double of(double[] a);
    }

    /** Ex2LogSumExp.normalise. */
    @FunctionalInterface
    public interface Normalise {
        double[] of(double[] a);
    }

    /** Ex3CholeskyDensity.cholesky. */
    @FunctionalInterface
    public interface Cholesky {
        Optional<double[]> of(double[] a, int d);
    }

    /** Ex3CholeskyDensity.forwardSubstitution. */
    @FunctionalInterface
    public interface ForwardSubstitution {
        double[] of(double[] lower, int d, double[] b);
    }

    /** Ex3CholeskyDensity.logDeterminant. */
    @FunctionalInterface
    public interface LogDeterminant {
        double of(double[] lower, int d);
    }

    /** Ex3CholeskyDensity.logDensity. */
    @FunctionalInterface
    public interface LogDensity {
        double of(double[] x, double[] mean, double[] covariance);
    }

    /** Ex4EStep.eStep. */
    @FunctionalInterface
    public interface EStepMethod {
        EStep of(DataMatrix data, GaussianMixture model);
    }

    /** Ex5MStep.weightedCovariance. */
    @FunctionalInterface
    public interface WeightedCovariance {
        double[] of(DataMatrix data, Responsibilities r, int k, double nk, double[] mean, double regCovar);
    }

    /** Ex7UnivariateEm.logLikelihood. */
    @FunctionalInterface
    public interface UnivariateLogLikelihood {
        double of(double[] x, GaussianMixture model);
    }

    /** Ex7UnivariateEm.step. */
    @FunctionalInterface
    public interface UnivariateStep {
        GaussianMixture of(double[] x, GaussianMixture model, double regCovar);
    }

    /** Ex7UnivariateEm.fit. */
    @FunctionalInterface
    public interface UnivariateFit {
        GaussianMixture of(double[] x, GaussianMixture start, int iterations, double regCovar);
    }

    /** Ex8KMeansPlusPlus.squaredDistances. */
    @FunctionalInterface
    public interface SquaredDistances {
        double[] of(DataMatrix data, double[] centres, int count);
    }

    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    private static final String NEW_ARRAY_HINT = "allocate the result with new double[…] in every call, and only"
            + " read the parameters: a caller keeps using both (the E-step keeps a, a solver keeps b)";

    private static final String READ_ONLY_HINT = "only read the parameters: copy one first (array.clone()) if you"
            + " want to change it; the caller uses its arrays again after the call";

    // ---- The checks --------------------------------------------------------------------------------

    /** Exercise 2: logSumExp's a is not modified. */
    public static void logSumExpLeavesItsInput(LogSumExp logSumExp) {
        String promise = "the comment promises a is not modified";
        // The largest entry is not the first, there is a −∞, and none is 0: shifting in place by the
        // maximum (a[j] −= m) changes every finite entry but the largest.
        for (double[] a : new double[][] {{3.0, -1.0, 7.0, NEG_INF, 0.5}, {-1000.0, -1001.0}, {1000.0, 999.0}}) {
            double[] before = a.clone();
            logSumExp.of(a);
            unchanged(before, a, "logSumExp", "a", promise, READ_ONLY_HINT);
        }
    }

    /** Exercise 2: normalise's a is not modified, and its result is a new array. */
    public static void normaliseLeavesItsInputAndReturnsANewArray(Normalise normalise) {
        String promise = "the comment promises a is not modified and the result is a new array";
        // Probabilities lie in [0, 1]; none of these logarithms does, so a result written into a shows.
        double[] a = {-1000.0, -1001.0, -1002.0};
        double[] b = {2.0, NEG_INF, 3.0};
        double[] aBefore = a.clone();
        double[] p = Expect.notNull(normalise.of(a), "normalise(" + Expect.format(aBefore) + ")",
                "return the probabilities in a new array");
        unchanged(aBefore, a, "normalise", "a", promise, NEW_ARRAY_HINT);
        notTheInput(p, a, "normalise", "a", promise);
        double[] pBefore = p.clone();
        double[] bBefore = b.clone();
        double[] q = Expect.notNull(normalise.of(b), "normalise(" + Expect.format(bBefore) + ")",
                "return the probabilities in a new array");
        unchanged(bBefore, b, "normalise", "a", promise, NEW_ARRAY_HINT);
        notTheInput(q, b, "normalise", "a", promise);
        earlierResultUnchanged(pBefore, p, q, "normalise", promise);
    }

    /** Exercise 3: cholesky's a is not modified. */
    public static void choleskyLeavesItsMatrix(Cholesky cholesky) {
        String promise = "the comment promises a is not modified";
        // Positive-definite, with L ≠ A in every lower entry (L[0][0] = 2 against 4, …), and a full upper
        // triangle that a factor in place would zero; then an indefinite one (pivots 1, then 1 − 4 = −3),
        // whose first row an in-place factor has already overwritten when it gives up.
        double[][] matrices = {{4.0, 2.0, 0.4, 2.0, 3.0, 0.5, 0.4, 0.5, 2.0}, {1.0, 2.0, 2.0, 1.0}};
        int[] sizes = {3, 2};
        for (int m = 0; m < matrices.length; m++) {
            double[] a = matrices[m];
            double[] before = a.clone();
            cholesky.of(a, sizes[m]);
            unchanged(before, a, "cholesky", "a", promise, READ_ONLY_HINT + "; build L in a new d×d array");
        }
    }

    /** Exercise 3: forwardSubstitution's lower and b are not modified, and its result is a new array. */
    public static void forwardSubstitutionLeavesItsInputsAndReturnsANewArray(ForwardSubstitution solve) {
        String promise = "the comment promises lower and b are not modified and the result is a new array";
        // L = [[2, ·, ·], [1, 3, ·], [0.5, −1, 4]] with 9s above the diagonal ("ignored", so left alone too).
        double[] lower = {2.0, 9.0, 9.0, 1.0, 3.0, 9.0, 0.5, -1.0, 4.0};
        double[] b = {2.0, 7.0, -3.0};
        double[] c = {4.0, 5.0, 6.0};
        double[] lowerBefore = lower.clone();
        double[] bBefore = b.clone();
        // z = (1, 2, −0.875): z₀ = 2/2, z₁ = (7 − 1)/3, z₂ = (−3 − 0.5 + 2)/4; no entry equals b's.
        double[] z = Expect.notNull(solve.of(lower, 3, b), "forwardSubstitution(L, 3, " + Expect.format(bBefore) + ")",
                "return z in a new array");
        unchanged(bBefore, b, "forwardSubstitution", "b", promise, NEW_ARRAY_HINT);
        unchanged(lowerBefore, lower, "forwardSubstitution", "lower", promise, READ_ONLY_HINT);
        notTheInput(z, b, "forwardSubstitution", "b", promise);
        notTheInput(z, lower, "forwardSubstitution", "lower", promise);
        double[] zBefore = z.clone();
        double[] cBefore = c.clone();
        double[] y = Expect.notNull(solve.of(lower, 3, c), "forwardSubstitution(L, 3, " + Expect.format(cBefore) + ")",
                "return z in a new array");
        unchanged(cBefore, c, "forwardSubstitution", "b", promise, NEW_ARRAY_HINT);
        unchanged(lowerBefore, lower, "forwardSubstitution", "lower", promise, READ_ONLY_HINT);
        notTheInput(y, c, "forwardSubstitution", "b", promise);
        earlierResultUnchanged(zBefore, z, y, "forwardSubstitution", promise);
    }

    /** Exercise 3: logDeterminant's lower is not modified. */
    public static void logDeterminantLeavesItsFactor(LogDeterminant logDeterminant) {
        String promise = "the comment promises lower is not modified";
        // A diagonal of 2, 3, 5 (none equal to its own logarithm), 9s above it.
        double[] lower = {2.0, 9.0, 9.0, 1.0, 3.0, 9.0, 0.5, -1.0, 5.0};
        double[] before = lower.clone();
        logDeterminant.of(lower, 3);
        unchanged(before, lower, "logDeterminant", "lower", promise, READ_ONLY_HINT);
    }

    /** Exercise 3: logDensity's x, mean and covariance are not modified. */
    public static void logDensityLeavesItsArguments(LogDensity logDensity) {
        String promise = "the comment promises x, mean and covariance are not modified";
        // Σ = [[4, 2], [2, 3]] (L = [[2, 0], [1, √2]]), x − μ = (0.5, 3): x − μ, z and L each differ from
        // x, μ and Σ in every entry.
        double[] x = {1.0, 2.0};
        double[] mean = {0.5, -1.0};
        double[] covariance = {4.0, 2.0, 2.0, 3.0};
        double[] xBefore = x.clone();
        double[] meanBefore = mean.clone();
        double[] covarianceBefore = covariance.clone();
        logDensity.of(x, mean, covariance);
        unchanged(xBefore, x, "logDensity", "x", promise, READ_ONLY_HINT + "; compute x − μ into a new array");
        unchanged(meanBefore, mean, "logDensity", "mean", promise, READ_ONLY_HINT);
        unchanged(covarianceBefore, covariance, "logDensity", "covariance", promise,
                READ_ONLY_HINT + "; factor Σ into a new array");
    }

    /**
     * Exercise 4: the responsibilities an E-step returned do not change when it is called again (the
     * comment: {@code Responsibilities.wrap} takes the array over, and each call's result is its own).
     */
    public static void eStepResultsStayAsTheyWere(EStepMethod eStep) {
        String promise = "the comment promises each call's result is its own (Responsibilities.wrap takes the"
                + " array over: nothing may write into it afterwards)";
        // Two components N(0, 1) and N(4, 1), then the same with the means swapped: the second E-step's
        // responsibilities are the first's with the columns swapped, and no point sits at 2, where both
        // would be ½, so every entry of the second differs from the first's.
        DataMatrix data = DataMatrix.ofRows(new double[][] {{-1.0}, {0.0}, {1.0}, {3.0}, {4.0}, {5.0}});
        double[][][] unit = {{{1.0}}, {{1.0}}};
        GaussianMixture first = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0.0}, {4.0}}, unit);
        GaussianMixture swapped = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{4.0}, {0.0}}, unit);
        EStep step = checkedEStep(eStep, data, first, "means 0 and 4");
        double[] before = step.responsibilities().toFlatArray();
        checkedEStep(eStep, data, swapped, "means 4 and 0");
        double[] after = step.responsibilities().toFlatArray();
        for (int i = 0; i < before.length; i++) {
            if (Double.doubleToLongBits(before[i]) != Double.doubleToLongBits(after[i])) {
                throw Expect.failure("eStep's responsibilities from an earlier call changed when eStep was called"
                        + " again: " + promise, "r[" + i / 2 + "][" + i % 2 + "] = " + Expect.format(before[i])
                        + " (as first returned)", Expect.format(after[i]),
                        "allocate r with new double[N * K] in every call: an array kept in a (static) field and"
                                + " wrapped again is shared by every EStep returned, and EM still needs the old one"
                                + " for its M-step");
            }
        }
    }

    private static EStep checkedEStep(EStepMethod eStep, DataMatrix data, GaussianMixture model, String what) {
        EStep step = Expect.notNull(eStep.of(data, model), "eStep(" + what + ")",
                "return new EStep(responsibilities, logLikelihood)");
        Expect.notNull(step.responsibilities(), "the responsibilities of eStep(" + what + ")",
                "wrap the flat N×K array with Responsibilities.wrap(N, K, values)");
        return step;
    }

    /** Exercise 5: weightedCovariance's mean is not modified. */
    public static void weightedCovarianceLeavesTheMean(WeightedCovariance weightedCovariance) {
        String promise = "the comment promises mean is not modified";
        // The corners of a square of side 2 about (1, 1), all in the one component; mean (1, 1). A mean
        // used as scratch space, negated or shifted, no longer reads (1, 1).
        DataMatrix square = DataMatrix.ofRows(new double[][] {{0, 0}, {2, 0}, {0, 2}, {2, 2}});
        Responsibilities all = Responsibilities.wrap(4, 1, new double[] {1, 1, 1, 1});
        double[] mean = {1.0, 1.0};
        double[] before = mean.clone();
        weightedCovariance.of(square, all, 0, 4.0, mean, 0.0);
        unchanged(before, mean, "weightedCovariance", "mean", promise,
                READ_ONLY_HINT + "; compute each xᵢ − μₖ into an array of its own");
    }

    /** Exercise 7: logLikelihood, step and fit do not modify x. */
    public static void univariateEmLeavesX(UnivariateLogLikelihood logLikelihood, UnivariateStep step,
            UnivariateFit fit) {
        String promise = "the comment promises x is not modified";
        String hint = READ_ONLY_HINT + " (sorting or centring x in place changes the caller's data)";
        // Not sorted, not centred: sorting or shifting in place changes it.
        double[] x = {4.2, -2.1, 0.3, 6.1, -0.7, 5.0};
        GaussianMixture model = GaussianMixture.of(new double[] {0.4, 0.6}, new double[][] {{0.0}, {5.0}},
                new double[][][] {{{1.0}}, {{2.0}}});
        double[] before = x.clone();
        logLikelihood.of(x, model);
        unchanged(before, x, "logLikelihood", "x", promise, hint);
        step.of(x, model, 1e-6);
        unchanged(before, x, "step", "x", promise, hint);
        fit.of(x, model, 3, 1e-6);
        unchanged(before, x, "fit", "x", promise, hint);
    }

    /** Exercise 8: squaredDistances's centres are not modified, including those beyond the first count. */
    public static void squaredDistancesLeavesTheCentres(SquaredDistances squaredDistances) {
        String promise = "the comment promises centres is not modified";
        // Three centres in the array, of which the first one or two are measured against: the third must
        // stay too (k-means++ fills the array as it goes).
        DataMatrix data = DataMatrix.ofRows(new double[][] {{0, 0}, {3, 1}, {-2, 4}, {5, 5}});
        double[] centres = {3.0, 1.0, -2.0, 4.0, 7.0, -3.0};
        double[] before = centres.clone();
        for (int count = 1; count <= 2; count++) {
            squaredDistances.of(data, centres, count);
            unchanged(before, centres, "squaredDistances", "centres", promise,
                    READ_ONLY_HINT + "; the entries beyond the first count centres are not yours either");
        }
    }

    // ---- The failures ------------------------------------------------------------------------------

    /** Fails unless {@code after} holds {@code before}'s values, bit for bit (so −∞ and NaN too). */
    static void unchanged(double[] before, double[] after, String method, String parameter, String promise,
            String hint) {
        for (int i = 0; i < before.length; i++) {
            if (Double.doubleToLongBits(before[i]) != Double.doubleToLongBits(after[i])) {
                throw Expect.failure(method + " wrote into its input " + parameter + ": " + promise,
                        parameter + "[" + i + "] = " + Expect.format(before[i]) + " (unchanged)",
                        Expect.format(after[i]), hint);
            }
        }
    }

    /** Fails when {@code result} is the array passed as {@code parameter}. */
    static void notTheInput(double[] result, double[] input, String method, String parameter, String promise) {
        if (result == input) {
            throw Expect.failure(method + " returned its input " + parameter + " itself: " + promise, "a new array",
                    "the array passed as " + parameter, NEW_ARRAY_HINT);
        }
    }

    /**
     * Fails when the result of an earlier call ({@code earlier}, which held {@code earlierBefore}) changed
     * in a later call, or is the later call's result itself.
     */
    static void earlierResultUnchanged(double[] earlierBefore, double[] earlier, double[] later, String method,
            String promise) {
        String what = method + "'s result of an earlier call changed when " + method + " was called again: " + promise;
        for (int i = 0; i < earlierBefore.length; i++) {
            if (Double.doubleToLongBits(earlierBefore[i]) != Double.doubleToLongBits(earlier[i])) {
                throw Expect.failure(what, "[" + i + "] = " + Expect.format(earlierBefore[i]) + " (as first returned)",
                        Expect.format(earlier[i]), NEW_ARRAY_HINT + "; an array kept in a (static) field is shared by"
                                + " every call");
            }
        }
        if (earlier == later) {
            throw Expect.failure(method + " returned the same array from two calls: " + promise, "a new array",
                    "the array it returned before", NEW_ARRAY_HINT + "; an array kept in a (static) field is shared"
                            + " by every call");
        }
    }
}
