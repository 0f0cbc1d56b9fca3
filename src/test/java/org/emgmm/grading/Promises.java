package org.emgmm.grading;

import java.util.Optional;
import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Responsibilities;
import org.emgmm.exercises.Ex10Vectorise;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Generators;
import org.emgmm.univariate.UnivariateEm;

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
 * entry is already where an in-place computation would leave it. They are drawn from the run's seed
 * ({@link RunSeed}), new in every run.
 *
 * <p>Every check also checks the value the method returned, against the library or a derivation:
 * keeping a promise is not enough on its own. A method that only returns zeros, a copy of its input or
 * {@code Optional.empty()} keeps every promise, and must still fail. The arrays are checked first, so that
 * a method with an aliasing bug is told about the promise it broke.
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

    /**
     * The agreement asked of a value a check also verifies: the library's own and the hand-derived values
     * agree with any honest order of the same operations to within a few hundred roundings of the inputs'
     * magnitudes (at most 10³ here), far below this.
     */
    static final double VALUE_TOLERANCE = 1e-10;

    private static final String NEW_ARRAY_HINT = "allocate the result with new double[…] in every call, and only"
            + " read the parameters: a caller keeps using both (the E-step keeps a, a solver keeps b)";

    private static final String READ_ONLY_HINT = "only read the parameters: copy one first (array.clone()) if you"
            + " want to change it; the caller uses its arrays again after the call";

    /** The hint of a value that is wrong although the promise was kept. */
    private static String valueHint(String test) {
        return "the arrays were left alone, but the result must be right too: see " + test + " for what it should be";
    }

    /** The generator of one check's inputs, from the run's seed: new inputs in every run. */
    private static SplittableRandom random(String check) {
        return RunSeed.forTest(Promises.class, check);
    }

    /** A number in [low, high) with a random sign. */
    private static double signed(SplittableRandom random, double low, double high) {
        return (random.nextBoolean() ? 1 : -1) * random.nextDouble(low, high);
    }

    // ---- The checks --------------------------------------------------------------------------------

    /** Exercise 2: logSumExp's a is not modified, and its value is right. */
    public static void logSumExpLeavesItsInput(LogSumExp logSumExp) {
        String promise = "the comment promises a is not modified";
        SplittableRandom random = random("logSumExpLeavesItsInput");
        // Four to six entries of either sign, none 0, a −∞ somewhere after the first, the largest not first:
        // shifting in place by the maximum (a[j] −= m) changes every finite entry but the largest. Then two
        // very negative and two very large entries, whose exponentials underflow or overflow.
        double[] mixed = new double[4 + random.nextInt(3)];
        for (int j = 0; j < mixed.length; j++) {
            mixed[j] = signed(random, 0.5, 10.0);
        }
        mixed[1 + random.nextInt(mixed.length - 1)] = NEG_INF;
        int top = 0;
        for (int j = 1; j < mixed.length; j++) {
            top = mixed[j] > mixed[top] ? j : top;
        }
        if (top == 0) {
            int other = mixed[1] == NEG_INF ? 2 : 1;
            double first = mixed[0];
            mixed[0] = mixed[other];
            mixed[other] = first;
        }
        double c = random.nextDouble(750.0, 1000.0);
        double[][] arrays = {mixed, {-c, -c - random.nextDouble(0.5, 3.0)}, {c, c - random.nextDouble(0.5, 3.0)}};
        for (double[] a : arrays) {
            double[] before = a.clone();
            double value = logSumExp.of(a);
            unchanged(before, a, "logSumExp", "a", promise, READ_ONLY_HINT);
            Expect.close(org.emgmm.model.LogSumExp.of(before), value, VALUE_TOLERANCE,
                    "logSumExp(" + Expect.format(before) + ")", valueHint("2.1 to 2.3 and 2.6"));
        }
    }

    /** Exercise 2: normalise's a is not modified, its result is a new array, and the probabilities are right. */
    public static void normaliseLeavesItsInputAndReturnsANewArray(Normalise normalise) {
        String promise = "the comment promises a is not modified and the result is a new array";
        SplittableRandom random = random("normaliseLeavesItsInputAndReturnsANewArray");
        // Probabilities lie in [0, 1]; none of these logarithms does, so a result written into a shows.
        double c = random.nextDouble(750.0, 1000.0);
        double[] a = {-c, -c - random.nextDouble(0.5, 2.0), -c - random.nextDouble(2.5, 4.0)};
        double[] b = {random.nextDouble(1.5, 3.0), NEG_INF, random.nextDouble(3.5, 5.0)};
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
        Expect.arrayClose(probabilities(aBefore), p, VALUE_TOLERANCE, "normalise(" + Expect.format(aBefore) + ")",
                valueHint("2.5"));
        Expect.arrayClose(probabilities(bBefore), q, VALUE_TOLERANCE, "normalise(" + Expect.format(bBefore) + ")",
                valueHint("2.5"));
    }

    /** exp(aⱼ − log Σ exp(a)), from the library's log-sum-exp. */
    private static double[] probabilities(double[] a) {
        double total = org.emgmm.model.LogSumExp.of(a);
        double[] p = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            p[j] = Math.exp(a[j] - total);
        }
        return p;
    }

    /** Exercise 3: cholesky's a is not modified, and its answer is right. */
    public static void choleskyLeavesItsMatrix(Cholesky cholesky) {
        String promise = "the comment promises a is not modified";
        SplittableRandom random = random("choleskyLeavesItsMatrix");
        // A positive-definite matrix, 2×2 to 5×5, with L ≠ A in every lower entry and a full upper triangle
        // that a factor in place would zero; then an indefinite 2×2 [[p, q], [q, r]] with q² > p r (pivots p,
        // then r − q²/p < 0), whose first row an in-place factor has already overwritten when it gives up.
        int d = 2 + random.nextInt(4);
        double[] positive = definiteWithEveryEntryMoved(random, d);
        double p = random.nextDouble(0.5, 2.0);
        double r = random.nextDouble(0.5, 2.0);
        double q = signed(random, 1.5, 3.0) * Math.sqrt(p * r);
        double[][] matrices = {positive, {p, q, q, r}};
        int[] sizes = {d, 2};
        for (int m = 0; m < matrices.length; m++) {
            double[] a = matrices[m];
            double[] before = a.clone();
            Optional<double[]> factor = cholesky.of(a, sizes[m]);
            unchanged(before, a, "cholesky", "a", promise, READ_ONLY_HINT + "; build L in a new d×d array");
            Expect.notNull(factor, "cholesky", "return Optional.of(L) or Optional.empty(), never null");
            Optional<org.emgmm.linalg.Cholesky> library = org.emgmm.linalg.Cholesky.decompose(before,
                    sizes[m]);
            String what = "cholesky of a " + (library.isPresent() ? "positive-definite" : "indefinite") + " "
                    + sizes[m] + "×" + sizes[m] + " matrix";
            Expect.that(factor.isPresent() == library.isPresent(), what, library.isPresent() ? "a factor"
                    : "Optional.empty()", factor.isPresent() ? "a factor" : "Optional.empty()",
                    valueHint("3.1 and 3.2"));
            if (library.isPresent()) {
                Expect.arrayClose(library.get().lowerTriangle(), factor.get(), VALUE_TOLERANCE, what + " (flat L)",
                        valueHint("3.1"));
            }
        }
    }

    /**
     * A random positive-definite d×d matrix (eigenvalues in [0.5, 5]) whose Cholesky factor differs from it in
     * every lower entry and whose upper triangle has no 0: drawn again in the (unlikely) case it does not.
     */
    private static double[] definiteWithEveryEntryMoved(SplittableRandom random, int d) {
        while (true) {
            double[] a = Generators.spdMatrix(random, d, 0.5, 5.0);
            double[] l = org.emgmm.linalg.Cholesky.decompose(a, d).orElseThrow().lowerTriangle();
            boolean moved = true;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    moved &= j > i ? a[i * d + j] != 0.0 : a[i * d + j] != l[i * d + j];
                }
            }
            if (moved) {
                return a;
            }
        }
    }

    /**
     * A random lower-triangular d×d factor, diagonal in [1, 4], with nonzero entries above the diagonal
     * that a method must ignore (and so leave alone too).
     */
    private static double[] lowerWithJunkAbove(SplittableRandom random, int d) {
        double[] lower = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                lower[i * d + j] = j == i ? random.nextDouble(1.0, 4.0) : j < i ? random.nextDouble(-2.0, 2.0)
                        : 9.0 + random.nextDouble();
            }
        }
        return lower;
    }

    /** Solves L z = b from the top row down, reading only the lower triangle: the test's own forward solve. */
    private static double[] solve(double[] lower, int d, double[] b) {
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            double rest = b[i];
            for (int m = 0; m < i; m++) {
                rest -= lower[i * d + m] * z[m];
            }
            z[i] = rest / lower[i * d + i];
        }
        return z;
    }

    /** A right-hand side b for L whose solution z differs from b in every entry, so z written into b shows. */
    private static double[] rightHandSide(SplittableRandom random, double[] lower, int d) {
        while (true) {
            double[] b = Generators.uniformVector(random, d, -5.0, 5.0);
            double[] z = solve(lower, d, b);
            boolean apart = true;
            for (int i = 0; i < d; i++) {
                apart &= Math.abs(z[i] - b[i]) > 1e-3;
            }
            if (apart) {
                return b;
            }
        }
    }

    /** Exercise 3: forwardSubstitution's lower and b are not modified, its result is a new array and solves L z = b. */
    public static void forwardSubstitutionLeavesItsInputsAndReturnsANewArray(ForwardSubstitution solve) {
        String promise = "the comment promises lower and b are not modified and the result is a new array";
        SplittableRandom random = random("forwardSubstitutionLeavesItsInputsAndReturnsANewArray");
        int d = 3 + random.nextInt(3);
        double[] lower = lowerWithJunkAbove(random, d);
        double[] b = rightHandSide(random, lower, d);
        double[] c = rightHandSide(random, lower, d);
        double[] lowerBefore = lower.clone();
        double[] bBefore = b.clone();
        double[] z = Expect.notNull(solve.of(lower, d, b), "forwardSubstitution(L, " + d + ", "
                + Expect.format(bBefore) + ")", "return z in a new array");
        unchanged(bBefore, b, "forwardSubstitution", "b", promise, NEW_ARRAY_HINT);
        unchanged(lowerBefore, lower, "forwardSubstitution", "lower", promise, READ_ONLY_HINT);
        notTheInput(z, b, "forwardSubstitution", "b", promise);
        notTheInput(z, lower, "forwardSubstitution", "lower", promise);
        double[] zBefore = z.clone();
        double[] cBefore = c.clone();
        double[] y = Expect.notNull(solve.of(lower, d, c), "forwardSubstitution(L, " + d + ", "
                + Expect.format(cBefore) + ")", "return z in a new array");
        unchanged(cBefore, c, "forwardSubstitution", "b", promise, NEW_ARRAY_HINT);
        unchanged(lowerBefore, lower, "forwardSubstitution", "lower", promise, READ_ONLY_HINT);
        notTheInput(y, c, "forwardSubstitution", "b", promise);
        earlierResultUnchanged(zBefore, z, y, "forwardSubstitution", promise);
        Expect.arrayClose(solve(lowerBefore, d, bBefore), z, VALUE_TOLERANCE, "z for L z = " + Expect.format(bBefore),
                valueHint("3.3"));
        Expect.arrayClose(solve(lowerBefore, d, cBefore), y, VALUE_TOLERANCE, "z for L z = " + Expect.format(cBefore),
                valueHint("3.3"));
    }

    /** Exercise 3: logDeterminant's lower is not modified, and its value is 2 Σ log L[i][i]. */
    public static void logDeterminantLeavesItsFactor(LogDeterminant logDeterminant) {
        String promise = "the comment promises lower is not modified";
        SplittableRandom random = random("logDeterminantLeavesItsFactor");
        // A diagonal in [1, 4] (no entry equal to its own logarithm: log x < x), nonzero entries above it.
        int d = 2 + random.nextInt(4);
        double[] lower = lowerWithJunkAbove(random, d);
        double[] before = lower.clone();
        double value = logDeterminant.of(lower, d);
        unchanged(before, lower, "logDeterminant", "lower", promise, READ_ONLY_HINT);
        double expected = 0.0;
        for (int i = 0; i < d; i++) {
            expected += 2.0 * Math.log(before[i * d + i]);
        }
        Expect.close(expected, value, VALUE_TOLERANCE, "logDeterminant of a " + d + "×" + d + " factor",
                valueHint("3.4"));
    }

    /** Exercise 3: logDensity's x, mean and covariance are not modified, and its value is right. */
    public static void logDensityLeavesItsArguments(LogDensity logDensity) {
        String promise = "the comment promises x, mean and covariance are not modified";
        SplittableRandom random = random("logDensityLeavesItsArguments");
        // Random x, μ and Σ in 2 to 4 dimensions: x − μ, z and L each differ from x, μ and Σ in every entry.
        int d = 2 + random.nextInt(3);
        double[] covariance = definiteWithEveryEntryMoved(random, d);
        double[] mean = Generators.uniformVector(random, d, -5.0, 5.0);
        double[] x = Generators.uniformVector(random, d, -5.0, 5.0);
        double[] xBefore = x.clone();
        double[] meanBefore = mean.clone();
        double[] covarianceBefore = covariance.clone();
        double value = logDensity.of(x, mean, covariance);
        unchanged(xBefore, x, "logDensity", "x", promise, READ_ONLY_HINT + "; compute x − μ into a new array");
        unchanged(meanBefore, mean, "logDensity", "mean", promise, READ_ONLY_HINT);
        unchanged(covarianceBefore, covariance, "logDensity", "covariance", promise,
                READ_ONLY_HINT + "; factor Σ into a new array");
        double expected = GaussianMixture.ofFlat(1, d, new double[] {1.0}, meanBefore, covarianceBefore)
                .logComponentDensity(0, xBefore);
        Expect.close(expected, value, VALUE_TOLERANCE, "log N(x | μ, Σ) in " + d + " dimensions", valueHint("3.8"));
    }

    /**
     * Exercise 4: the responsibilities an E-step returned do not change when it is called again (the
     * comment: {@code Responsibilities.wrap} takes the array over, and each call's result is its own), and
     * each call's responsibilities are right.
     */
    public static void eStepResultsStayAsTheyWere(EStepMethod eStep) {
        String promise = "the comment promises each call's result is its own (Responsibilities.wrap takes the"
                + " array over: nothing may write into it afterwards)";
        SplittableRandom random = random("eStepResultsStayAsTheyWere");
        // Two components N(m, σ²) and N(m + Δ, σ²), then the same with the means swapped: the second E-step's
        // responsibilities are the first's with the columns swapped, and no point sits near the middle, where
        // both would be ½, so every entry of the second differs from the first's.
        double m = random.nextDouble(-10.0, 10.0);
        double delta = random.nextDouble(2.0, 6.0);
        double variance = random.nextDouble(0.5, 2.0);
        double[][] rows = new double[6 + random.nextInt(5)][];
        for (int i = 0; i < rows.length; i++) {
            double offset = random.nextDouble(0.3, 0.5 * delta + 2.0);
            rows[i] = new double[] {m + 0.5 * delta + (random.nextBoolean() ? offset : -offset)};
        }
        DataMatrix data = DataMatrix.ofRows(rows);
        double[][][] covariances = {{{variance}}, {{variance}}};
        double weight = random.nextDouble(0.2, 0.8);
        double[] weights = {weight, 1.0 - weight};
        GaussianMixture first = GaussianMixture.of(weights, new double[][] {{m}, {m + delta}}, covariances);
        GaussianMixture swapped = GaussianMixture.of(weights, new double[][] {{m + delta}, {m}}, covariances);
        EStep step = checkedEStep(eStep, data, first, "means " + m + " and " + (m + delta));
        double[] before = step.responsibilities().toFlatArray();
        EStep again = checkedEStep(eStep, data, swapped, "means " + (m + delta) + " and " + m);
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
        LoopsEm library = new LoopsEm();
        Expect.arrayClose(library.eStep(data, first).responsibilities().toFlatArray(), before, VALUE_TOLERANCE,
                "responsibilities of the first call (flat, r[i][k] at i * K + k)", valueHint("4.1 and 4.6"));
        Expect.arrayClose(library.eStep(data, swapped).responsibilities().toFlatArray(),
                again.responsibilities().toFlatArray(), VALUE_TOLERANCE,
                "responsibilities of the second call (flat, r[i][k] at i * K + k)", valueHint("4.1 and 4.6"));
    }

    private static EStep checkedEStep(EStepMethod eStep, DataMatrix data, GaussianMixture model, String what) {
        EStep step = Expect.notNull(eStep.of(data, model), "eStep(" + what + ")",
                "return new EStep(responsibilities, logLikelihood)");
        Expect.notNull(step.responsibilities(), "the responsibilities of eStep(" + what + ")",
                "wrap the flat N×K array with Responsibilities.wrap(N, K, values)");
        return step;
    }

    /** Exercise 5: weightedCovariance's mean is not modified, and the covariance is right. */
    public static void weightedCovarianceLeavesTheMean(WeightedCovariance weightedCovariance) {
        String promise = "the comment promises mean is not modified";
        SplittableRandom random = random("weightedCovarianceLeavesTheMean");
        // Random points in 2 or 3 dimensions, shared by two components with random responsibilities; the
        // mean given is component k's weighted mean. A mean used as scratch space, negated or shifted, no
        // longer reads the same.
        int n = 6 + random.nextInt(10);
        int d = 2 + random.nextInt(2);
        double[][] rows = new double[n][];
        double[] values = new double[n * 2];
        for (int i = 0; i < n; i++) {
            rows[i] = Generators.uniformVector(random, d, -5.0, 5.0);
            values[2 * i] = random.nextDouble(0.05, 0.95);
            values[2 * i + 1] = 1.0 - values[2 * i];
        }
        DataMatrix data = DataMatrix.ofRows(rows);
        Responsibilities r = Responsibilities.wrap(n, 2, values);
        int k = random.nextInt(2);
        double nk = 0.0;
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            nk += r.get(i, k);
            for (int a = 0; a < d; a++) {
                mean[a] += r.get(i, k) * rows[i][a];
            }
        }
        for (int a = 0; a < d; a++) {
            mean[a] /= nk;
        }
        double regCovar = random.nextDouble(0.01, 0.5);
        double[] before = mean.clone();
        double[] sigma = weightedCovariance.of(data, r, k, nk, mean, regCovar);
        unchanged(before, mean, "weightedCovariance", "mean", promise,
                READ_ONLY_HINT + "; compute each xᵢ − μₖ into an array of its own");
        // Σₖ = (1/Nₖ) Σᵢ r[i][k] (xᵢ − μₖ)(xᵢ − μₖ)ᵀ + reg·I, two passes: the test's own sum.
        double[] expected = new double[d * d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    expected[a * d + b] += r.get(i, k) * (rows[i][a] - before[a]) * (rows[i][b] - before[b]) / nk;
                }
            }
        }
        for (int a = 0; a < d; a++) {
            expected[a * d + a] += regCovar;
        }
        Expect.arrayClose(expected, sigma, VALUE_TOLERANCE, "Σ of component " + k + " (flat " + d + "×" + d
                + ", reg-covar " + regCovar + ")", valueHint("5.3"));
    }

    /** Exercise 7: logLikelihood, step and fit do not modify x, and their values are right. */
    public static void univariateEmLeavesX(UnivariateLogLikelihood logLikelihood, UnivariateStep step,
            UnivariateFit fit) {
        String promise = "the comment promises x is not modified";
        String hint = READ_ONLY_HINT + " (sorting or centring x in place changes the caller's data)";
        SplittableRandom random = random("univariateEmLeavesX");
        // Points around two means, in random order (not sorted, not centred: sorting or shifting in place
        // changes them), and a random two-component start.
        double m = random.nextDouble(-10.0, 10.0);
        double delta = random.nextDouble(3.0, 8.0);
        double[] x = new double[8 + random.nextInt(8)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 2 == 0 ? m : m + delta) + random.nextGaussian();
        }
        if (x[0] < x[1]) {
            double first = x[0];
            x[0] = x[1];
            x[1] = first;
        }
        double weight = random.nextDouble(0.3, 0.7);
        GaussianMixture model = GaussianMixture.of(new double[] {weight, 1.0 - weight},
                new double[][] {{m + random.nextDouble(-1.0, 1.0)}, {m + delta + random.nextDouble(-1.0, 1.0)}},
                new double[][][] {{{random.nextDouble(0.5, 2.0)}}, {{random.nextDouble(0.5, 2.0)}}});
        double regCovar = 1e-6;
        int iterations = 2 + random.nextInt(3);
        double[] before = x.clone();
        double likelihood = logLikelihood.of(x, model);
        unchanged(before, x, "logLikelihood", "x", promise, hint);
        GaussianMixture stepped = step.of(x, model, regCovar);
        unchanged(before, x, "step", "x", promise, hint);
        GaussianMixture fitted = fit.of(x, model, iterations, regCovar);
        unchanged(before, x, "fit", "x", promise, hint);
        // The library's univariate EM: the same scalar formulas, so rounding only, over a few iterations.
        UnivariateEm library = new UnivariateEm();
        double[][] column = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            column[i] = new double[] {before[i]};
        }
        DataMatrix data = DataMatrix.ofRows(column);
        Expect.close(library.eStep(data, model).logLikelihood(), likelihood, VALUE_TOLERANCE, "logLikelihood of "
                + x.length + " points", valueHint("7.1"));
        Expect.mixtureClose(library.fit(data, model, new EmSettings(1, 0.0, regCovar)).model(), stepped,
                VALUE_TOLERANCE, "step on " + x.length + " points", valueHint("7.2"));
        Expect.mixtureClose(library.fit(data, model, new EmSettings(iterations, 0.0, regCovar)).model(),
                fitted, VALUE_TOLERANCE, "fit with " + iterations + " iterations on " + x.length + " points",
                valueHint("7.6"));
    }

    /**
     * Exercise 8: squaredDistances's centres are not modified, including those beyond the first count, and
     * the distances are right.
     */
    public static void squaredDistancesLeavesTheCentres(SquaredDistances squaredDistances) {
        String promise = "the comment promises centres is not modified";
        SplittableRandom random = random("squaredDistancesLeavesTheCentres");
        // Three centres in the array, of which the first one or two are measured against: the third must
        // stay too (k-means++ fills the array as it goes). Whole coordinates, so that every squared
        // distance is exact, whatever the order of the sums; one point sits on the second centre, so that
        // the distance to the nearest of two differs from the distance to the first.
        int n = 4 + random.nextInt(5);
        double[] centres = new double[6];
        do {
            for (int j = 0; j < centres.length; j++) {
                centres[j] = random.nextInt(-20, 21);
            }
        } while (centres[0] == centres[2] && centres[1] == centres[3]);
        double[][] rows = new double[n][];
        int onSecond = random.nextInt(n);
        for (int i = 0; i < n; i++) {
            rows[i] = i == onSecond ? new double[] {centres[2], centres[3]}
                    : new double[] {random.nextInt(-20, 21), random.nextInt(-20, 21)};
        }
        DataMatrix data = DataMatrix.ofRows(rows);
        double[] before = centres.clone();
        for (int count = 1; count <= 2; count++) {
            double[] distances = squaredDistances.of(data, centres, count);
            unchanged(before, centres, "squaredDistances", "centres", promise,
                    READ_ONLY_HINT + "; the entries beyond the first count centres are not yours either");
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = Double.POSITIVE_INFINITY;
                for (int c = 0; c < count; c++) {
                    double dx = rows[i][0] - before[2 * c];
                    double dy = rows[i][1] - before[2 * c + 1];
                    expected[i] = Math.min(expected[i], dx * dx + dy * dy);
                }
            }
            Expect.arrayClose(expected, distances, 0.0, "D² to the nearest of the first " + count + " centres",
                    "the arrays were left alone, but the result must be right too: D² to the nearest of the first"
                            + " count centres, squared, no square root");
        }
    }

    /**
     * Exercise 10: eStep leaves the factors and log-determinants, momentSums the centres, as they were;
     * the responsibilities and sums of an earlier call do not change when the method is called again; and
     * the values are right.
     */
    public static void vectoriseKeepsItsPromises(Exercise10Test.BlockedEStep eStep, Exercise10Test.MomentSums sums) {
        String readOnly = "the comment promises the factors, log-determinants and centres are not modified";
        String fresh = "the comment promises a fresh result: the E-step's responsibilities and the sums are the"
                + " caller's (EM still reads the E-step's in its M-step)";
        SplittableRandom random = random("vectoriseKeepsItsPromises");
        // Two mixtures on the same data, the start and the truth of a random case: their responsibilities
        // differ, so a buffer shared by the two results shows in the first one. The block does not divide N.
        Generators.Scenario scenario = Generators.scenario(random, Generators.Spec.multivariate().withComponents(2, 4));
        DataMatrix data = scenario.data();
        int block = Exercise10Test.blocks(random, data.rows())[1];
        LoopsEm library = new LoopsEm();
        GaussianMixture first = scenario.start();
        GaussianMixture second = scenario.truth();
        double[] factors = Exercise10Test.factors(first);
        double[] logDeterminants = Exercise10Test.logDeterminants(first);
        double[] factorsBefore = factors.clone();
        double[] logDeterminantsBefore = logDeterminants.clone();
        EStep step = Expect.notNull(eStep.of(data, first, factors, logDeterminants, block), "eStep",
                "return new EStep(responsibilities, logLikelihood)");
        Expect.notNull(step.responsibilities(), "the responsibilities of eStep",
                "wrap the flat N×K array with Responsibilities.wrap(N, K, values)");
        unchanged(factorsBefore, factors, "eStep", "factors", readOnly, READ_ONLY_HINT);
        unchanged(logDeterminantsBefore, logDeterminants, "eStep", "logDeterminants", readOnly, READ_ONLY_HINT);
        double[] r = step.responsibilities().toFlatArray();
        Expect.notNull(eStep.of(data, second, Exercise10Test.factors(second), Exercise10Test.logDeterminants(second),
                block), "eStep (a second call)", "return new EStep(responsibilities, logLikelihood)");
        earlierResultUnchanged(r, step.responsibilities().toFlatArray(), null, "eStep", fresh);
        Expect.arrayClose(library.eStep(data, first).responsibilities().toFlatArray(), r, VALUE_TOLERANCE,
                "responsibilities of the first call (flat, r[i][k] at i * K + k)", valueHint("10.1 and 10.4"));

        Responsibilities firstR = library.eStep(data, first).responsibilities();
        double[] centres = first.flatMeans();
        double[] centresBefore = centres.clone();
        Ex10Vectorise.Sums got = sums.of(data, firstR, centres, block);
        double[] before = Exercise10Test.flat(got, "momentSums");
        unchanged(centresBefore, centres, "momentSums", "centres", readOnly, READ_ONLY_HINT);
        Ex10Vectorise.Sums again = sums.of(data, library.eStep(data, second).responsibilities(), second.flatMeans(),
                block);
        Exercise10Test.flat(again, "momentSums (a second call)");
        earlierResultUnchanged(before, Exercise10Test.flat(got, "momentSums"), null, "momentSums", fresh);
        earlierResultUnchanged(got.counts().clone(), got.counts(), again.counts(), "momentSums (counts)", fresh);
        earlierResultUnchanged(got.first().clone(), got.first(), again.first(), "momentSums (first)", fresh);
        earlierResultUnchanged(got.second().clone(), got.second(), again.second(), "momentSums (second)", fresh);
        Expect.arrayClose(Exercise10Test.directSums(data, firstR, centresBefore), before, VALUE_TOLERANCE,
                "the sums of the first call as Nₖ, then s1, then S2", valueHint("10.6"));
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
