package org.emgmm.grading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.emgmm.model.GaussianMixture;

/**
 * Recognises a wrong value as the result of a known mistake, so that a hint can name the mistake
 * instead of only saying what to check. A {@link Mistake} is a name and the value(s) the mistake
 * would give in place of the expected one(s); {@link #identify} says which of the suspects a wrong
 * answer matches:
 * <pre>
 *   KnownMistakes.identify(expected, actual, 1e-12, KnownMistakes.GENERIC)
 *   // e.g. "your value is half the expected one: a factor of 2 is missing"
 * </pre>
 * The patterns: off by a factor of 2 ({@link #DOUBLED}, {@link #HALVED}), the square root of the
 * expected value ({@link #SQUARE_ROOT}: σ where σ² belongs), a flipped sign ({@link #SIGN_FLIPPED}),
 * Nₖ replaced by N ({@link #dividedByN}), and an off-by-one in a loop bound ({@link #offByOne}, from
 * the values the computation gives with one step or term fewer and more). A test may add mistakes of
 * its own with {@link Mistake#of}, e.g. "the responsibilities of equal weights". Some mistakes need more
 * than a suspect value, and have their own test: float arithmetic ({@link #floatArithmetic}), a
 * log-sum-exp whose maximum starts at 0 ({@link #identifyLogSumExpFromZero}, whose answers are infinite),
 * an EM loop's count off by one ({@link #iterationCount}).
 *
 * <p>When it matches: the mistake must change the value (somewhere by more than the check's
 * tolerance), and every entry of the answer must lie within the check's tolerance plus
 * {@value #MATCH} of the way from the mistake's value back to the expected one. The second part
 * absorbs small terms a mistake carries along (reg-covar 1e-6 added before or after a wrong square
 * root) while a value that is wrong in some other way lands far from every suspect. When more than
 * one suspect matches (e.g. for an expected value of 4, both its half and its square root are 2) the
 * hint names them all.
 */
public final class KnownMistakes {

    /** How far, as a fraction of what the mistake changes, an answer may lie from the mistake's value. */
    public static final double MATCH = 1e-3;

    private KnownMistakes() {
    }

    /**
     * One known mistake.
     *
     * @param description what the answer looks like, completing "your value is …", e.g. "twice the
     *        expected one: a factor of 2 too many"
     * @param effect what the mistake makes of the expected values (same length), or null when it cannot
     *        be told for these values
     */
    public record Mistake(String description, Effect effect) {

        /** What a mistake gives in place of the expected values. */
        @FunctionalInterface
        public interface Effect {
            double[] apply(double[] expected);
        }

        /** A mistake that gives {@code values} (independently computed) whatever was expected. */
        public static Mistake of(String description, double... values) {
            double[] copy = values.clone();
            return new Mistake(description, expected -> copy.length == expected.length ? copy.clone() : null);
        }

        /** A mistake that gives the mixture {@code wrong} (compared as {@link KnownMistakes#flat}). */
        public static Mistake of(String description, GaussianMixture wrong) {
            return of(description, flat(wrong));
        }

        /** A mistake that changes each expected value by {@code effect}. */
        public static Mistake entrywise(String description, DoubleUnaryOperator effect) {
            return new Mistake(description, expected -> Arrays.stream(expected).map(effect).toArray());
        }
    }

    /** Twice the right value: a factor of 2 too many. */
    public static final Mistake DOUBLED = Mistake.entrywise("twice the expected one: a factor of 2 too many",
            value -> 2.0 * value);

    /** Half the right value: a factor of 2 missing (e.g. log det Σ = Σ log L[i][i] without the 2). */
    public static final Mistake HALVED = Mistake.entrywise("half the expected one: a factor of 2 is missing",
            value -> value / 2.0);

    /** The square root of the right value: σ where σ² belongs. */
    public static final Mistake SQUARE_ROOT = Mistake.entrywise(
            "the square root of the expected one: a standard deviation σ where the variance σ² belongs",
            Math::sqrt);

    /** The right value with the opposite sign. */
    public static final Mistake SIGN_FLIPPED = Mistake.entrywise("the expected one with its sign flipped",
            value -> -value);

    /** The patterns that need no context: a factor of 2 either way, the square root, the sign. */
    public static final List<Mistake> GENERIC = List.of(DOUBLED, HALVED, SQUARE_ROOT, SIGN_FLIPPED);

    /**
     * Nₖ replaced by N: a value that should be divided by Nₖ (a mean, a covariance) divided by N
     * instead, which scales it by Nₖ/N; and the other way round, by N/Nₖ.
     */
    public static List<Mistake> dividedByN(double n, double nk) {
        return List.of(
                Mistake.entrywise("what dividing by N = " + Expect.format(n) + " (all the points) instead of Nₖ = "
                        + Expect.format(nk) + " gives", value -> value * nk / n),
                Mistake.entrywise("what dividing by Nₖ = " + Expect.format(nk) + " instead of N = " + Expect.format(n)
                        + " gives", value -> value * n / nk));
    }

    /**
     * An off-by-one in a loop bound: the values the computation gives with one {@code unit} fewer and
     * one more (computed by the caller, e.g. the library's fit with 19 and 21 iterations for 20), or
     * null for one that does not exist.
     *
     * @param unit what the loop counts, e.g. "iteration", "term"
     */
    public static List<Mistake> offByOne(String unit, double[] oneFewer, double[] oneMore) {
        List<Mistake> mistakes = new ArrayList<>();
        if (oneFewer != null) {
            mistakes.add(Mistake.of("what one " + unit + " too few gives: an off-by-one in a loop bound", oneFewer));
        }
        if (oneMore != null) {
            mistakes.add(Mistake.of("what one " + unit + " too many gives: an off-by-one in a loop bound", oneMore));
        }
        return mistakes;
    }

    /** A mixture as one array: its weights, then its means, then its covariances, each flat. */
    public static double[] flat(GaussianMixture mixture) {
        double[] weights = mixture.weights();
        double[] means = mixture.flatMeans();
        double[] covariances = mixture.flatCovariances();
        double[] all = Arrays.copyOf(weights, weights.length + means.length + covariances.length);
        System.arraycopy(means, 0, all, weights.length, means.length);
        System.arraycopy(covariances, 0, all, weights.length + means.length, covariances.length);
        return all;
    }

    /** {@link #identify(double[], double[], double, List)} for one number. */
    public static Optional<String> identify(double expected, double actual, double tolerance, List<Mistake> suspects) {
        return identify(new double[] {expected}, new double[] {actual}, tolerance, suspects);
    }

    /**
     * The description of the suspects that {@code actual} matches, joined with "or", or empty when it
     * matches none (or is right). Differences are measured as in {@link Expect#arrayClose}: relative to
     * the largest expected entry, at least 1.
     */
    public static Optional<String> identify(double[] expected, double[] actual, double tolerance,
            List<Mistake> suspects) {
        if (actual == null || actual.length != expected.length) {
            return Optional.empty();
        }
        double scale = 1.0;
        for (double value : expected) {
            if (Double.isFinite(value)) {
                scale = Math.max(scale, Math.abs(value));
            }
        }
        List<String> matched = new ArrayList<>();
        for (Mistake mistake : suspects) {
            double[] wrong = mistake.effect().apply(expected.clone());
            if (wrong != null && matches(expected, wrong, actual, tolerance * scale)
                    && !matched.contains(mistake.description())) {
                matched.add(mistake.description());
            }
        }
        return matched.isEmpty() ? Optional.empty() : Optional.of(String.join(", or ", matched));
    }

    /**
     * {@link #identify(double[], double[], double, List)} for a mixture laid out by {@link #flat}, part by
     * part as {@link Expect#mixtureClose} compares it: the weights, the means and the covariances each
     * measured relative to their own largest entry. Measured over the whole array, a change in the
     * covariances of an almost converged fit would be lost beside means a hundred times larger, and the
     * mistake that caused the failure would go unnamed.
     *
     * @param expected  the right mixture
     * @param actual    the answer
     * @param tolerance as the comparison that failed used it
     * @param suspects  mistakes whose effect maps {@code flat(expected)} to a wrong flat mixture
     * @return the description of the suspects that match, joined with "or"; empty when none does
     */
    public static Optional<String> identifyMixture(GaussianMixture expected, GaussianMixture actual, double tolerance,
            List<Mistake> suspects) {
        if (actual == null || actual.components() != expected.components()
                || actual.dimension() != expected.dimension()) {
            return Optional.empty();
        }
        int k = expected.components();
        int[] ends = {k, k + expected.flatMeans().length, flat(expected).length};
        double[] right = flat(expected);
        double[] answer = flat(actual);
        List<String> matched = new ArrayList<>();
        for (Mistake mistake : suspects) {
            double[] wrong = mistake.effect().apply(right.clone());
            if (wrong == null || wrong.length != right.length || matched.contains(mistake.description())) {
                continue;
            }
            boolean matchesEveryPart = true;
            boolean changesAPart = false;
            for (int part = 0, start = 0; part < ends.length; start = ends[part], part++) {
                double[] rightPart = Arrays.copyOfRange(right, start, ends[part]);
                double[] wrongPart = Arrays.copyOfRange(wrong, start, ends[part]);
                double[] answerPart = Arrays.copyOfRange(answer, start, ends[part]);
                double allowed = tolerance * scaleOf(rightPart);
                matchesEveryPart &= matchesAllowingNoChange(rightPart, wrongPart, answerPart, allowed);
                changesAPart |= matches(rightPart, wrongPart, wrongPart, allowed);
            }
            if (matchesEveryPart && changesAPart) {
                matched.add(mistake.description());
            }
        }
        return matched.isEmpty() ? Optional.empty() : Optional.of(String.join(", or ", matched));
    }

    /** The largest finite magnitude in {@code values}, at least 1: the scale of {@link Expect#arrayClose}. */
    private static double scaleOf(double[] values) {
        double scale = 1.0;
        for (double value : values) {
            if (Double.isFinite(value)) {
                scale = Math.max(scale, Math.abs(value));
            }
        }
        return scale;
    }

    /** As {@link #matches}, but a part the mistake leaves (nearly) unchanged matches too. */
    private static boolean matchesAllowingNoChange(double[] expected, double[] wrong, double[] actual, double allowed) {
        for (int i = 0; i < expected.length; i++) {
            if (!Double.isFinite(expected[i]) || !Double.isFinite(wrong[i]) || !Double.isFinite(actual[i])) {
                return false;
            }
            if (Math.abs(actual[i] - wrong[i]) > allowed + MATCH * Math.abs(wrong[i] - expected[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(double[] expected, double[] wrong, double[] actual, double allowed) {
        if (wrong.length != expected.length) {
            return false;
        }
        boolean changes = false;
        for (int i = 0; i < expected.length; i++) {
            if (!Double.isFinite(expected[i]) || !Double.isFinite(wrong[i]) || !Double.isFinite(actual[i])) {
                return false;
            }
            double change = Math.abs(wrong[i] - expected[i]);
            changes |= change > allowed;
            if (Math.abs(actual[i] - wrong[i]) > allowed + MATCH * change) {
                return false;
            }
        }
        return changes;
    }

    /**
     * The hint for a wrong answer: the named mistake followed by what to check when a suspect
     * matches, {@code check} alone when none does.
     */
    public static String hint(Optional<String> mistake, String check) {
        return mistake.map(description -> "your value is " + description + "; " + check).orElse(check);
    }

    // ---- Mistakes that lose no value to compare: recognised by what the code does -----------------------
    // A thrown exception, a factor accepted where none exists, a yes where the answer is no: each is named
    // by a test that sets up the one input on which the mistake shows, and says so with these hints.

    /** Exercise 2: an empty array has no a[0] to start the running maximum from. */
    public static final String MAXIMUM_FROM_THE_FIRST_ENTRY = "the running maximum starts from a[0], which an"
            + " empty array does not have: start it at −∞ (the sum of no terms is 0, and log 0 = −∞)";

    /** Exercise 3: a pivot of exactly 0 let through by a check for negative pivots only. */
    public static final String ZERO_PIVOT_ACCEPTED = "a pivot of exactly 0 was accepted, so the factor has a 0 on"
            + " its diagonal: the pivot check is p < 0 where it must refuse p ≤ 0 (a positive-definite matrix has"
            + " every pivot > 0)";

    /** Exercise 6: convergence measured relative to the previous value. */
    public static final String RELATIVE_CHANGE = "your answer is what the relative change |current − previous| /"
            + " |previous| < tolerance gives: the test is on the absolute change |current − previous| < tolerance"
            + " (the trace is already a mean per point)";

    /** Exercise 6: the absolute value left out of the convergence test. */
    public static final String NO_ABSOLUTE_VALUE = "your answer is what current − previous < tolerance, without"
            + " the absolute value, gives: a fall of the log-likelihood counts as convergence";

    /** Exercise 6: ≤ where the convergence test is strict. */
    public static final String NOT_STRICT = "your answer is what |current − previous| ≤ tolerance gives: the test"
            + " is strict, so that tolerance 0 never converges";

    /** Exercise 6: the data/start compatibility check left out of the loop. */
    public static final String COMPATIBILITY_CHECK_LEFT_OUT = "the loop ran a step before refusing the start:"
            + " call EmLoop.requireCompatible(data, start) first, before any step, so that a start of another"
            + " dimension is refused at once with a DataException that says what does not fit";

    /** Exercise 7: no empty-component rule, so a component with almost no responsibility divides by Nₖ. */
    public static final String NO_EMPTY_COMPONENT_RULE = "what dividing by a component's Nₖ below"
            + " EmptyComponents.THRESHOLD gives: the empty-component rule keeps that component's mean and variance"
            + " as they were (only πₖ = Nₖ/N changes)";

    /** Exercise 8: the cumulative search compares with ≥, so with u = 0 a chosen point is drawn again. */
    public static final String CUMULATIVE_SEARCH_NOT_STRICT = "a centre drawn twice: with u = 0 the cumulative"
            + " search stops at the first point whose running sum of D² is ≥ u, a point already chosen (D² = 0);"
            + " take the smallest i whose running sum is > u, strictly";

    /** Exercise 8: the first centre drawn by scaling nextDouble() to N instead of with nextInt(N). */
    public static final String FIRST_CENTRE_NOT_NEXT_INT = "the first centre x[(int) (random.nextDouble() · N)]:"
            + " the text draws it as x[random.nextInt(N)], a different number from the same seed";

    /** Exercise 9: ties in BIC resolved towards the larger K. */
    public static final String TIE_TO_THE_LARGER_K = "the larger K of two with the same BIC: on a tie the text keeps"
            + " the smaller K, so compare with <, strictly (≤ lets a later K with an equal BIC replace it)";

    // ---- Mistakes whose first hint used to point elsewhere: float arithmetic, responsibilities laid out or
    // ---- normalised the wrong way, a log-sum-exp whose maximum starts at 0, a loop count off by one.

    /** Single precision's unit roundoff, 2^−24: the largest relative error of one float operation. */
    static final double FLOAT_ROUNDOFF = 0x1p-24;

    /**
     * How many float roundoffs a float answer may be off by: a density is a dozen operations, and the
     * exponential turns a relative error in its argument of z · 2^−24 into the same relative error in the
     * result, with z = (x − μ)²/(2σ²) up to 5 or so in the tests. 64 covers that; a wrong formula is off by far
     * more (a missing 2π, σ for σ²), and a right one in double by far less (about 1e-16).
     */
    static final double FLOAT_ROUNDINGS = 64.0;

    /** What an answer computed in float looks like, completing "your value is …". */
    static final String FLOAT_ARITHMETIC = "right to only 6 or 7 significant digits, as float arithmetic gives (a"
            + " float variable, a literal such as 2.0f, a cast to float), or a constant typed with few digits (3.14159"
            + " for π): compute in double throughout, with Math.PI";

    /**
     * Float arithmetic where double belongs: every entry of {@code actual} within {@value #FLOAT_ROUNDINGS}
     * float roundoffs of the expected one, relative to it, and some entry not equal to it. Call it once the
     * check (at double's precision) has failed.
     *
     * @param expected the right values
     * @param actual   the answer
     * @return {@link #FLOAT_ARITHMETIC} when the answer is right to float's precision only; empty otherwise
     */
    public static Optional<String> floatArithmetic(double[] expected, double[] actual) {
        if (actual == null || actual.length != expected.length || Arrays.equals(expected, actual)) {
            return Optional.empty();
        }
        for (int i = 0; i < expected.length; i++) {
            if (!Double.isFinite(expected[i]) || !Double.isFinite(actual[i])
                    || Math.abs(actual[i] - expected[i]) > FLOAT_ROUNDINGS * FLOAT_ROUNDOFF * Math.abs(expected[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(FLOAT_ARITHMETIC);
    }

    /** {@link #floatArithmetic(double[], double[])} for one number. */
    public static Optional<String> floatArithmetic(double expected, double actual) {
        return floatArithmetic(new double[] {expected}, new double[] {actual});
    }

    /**
     * Responsibilities written at {@code r[c * N + i]}, K×N, where the flat array is N×K, {@code r[i * K + c]}:
     * the transposed layout.
     *
     * @param n the points N
     * @param k the components K
     * @return the mistake, whose effect transposes the expected flat array
     */
    public static Mistake transposed(int n, int k) {
        return new Mistake("the responsibilities laid out K×N, r[c * N + i], where the flat array is N×K:"
                + " r[i][c] belongs at i * K + c", expected -> {
                    if (expected.length != n * k) {
                        return null;
                    }
                    double[] wrong = new double[expected.length];
                    for (int i = 0; i < n; i++) {
                        for (int c = 0; c < k; c++) {
                            wrong[c * n + i] = expected[i * k + c];
                        }
                    }
                    return wrong;
                });
    }

    /**
     * Responsibilities normalised over the points instead of the components: each column of ρ[i][k] =
     * πₖ N(xᵢ | μₖ, Σₖ) divided by its sum over i, where each row's sum over k belongs,
     * r[i][k] = exp(log ρ[i][k] − log Σⱼ exp(log ρ[j][k])).
     *
     * @param logRho log ρ, flat N×K (log ρ[i][k] at i * K + k); asked for only when a check has failed
     * @param n      the points N
     * @param k      the components K
     * @return the mistake, with the values it gives
     */
    public static Mistake normalisedOverThePoints(java.util.function.Supplier<double[]> logRho, int n, int k) {
        return new Mistake("each component's responsibilities normalised over the points (a column summing to 1),"
                + " where each point's row over the components Σₖ r[i][k] = 1 belongs", expected -> {
                    if (expected.length != n * k) {
                        return null;
                    }
                    double[] log = logRho.get();
                    double[] wrong = new double[n * k];
                    for (int c = 0; c < k; c++) {
                        double[] column = new double[n];
                        for (int i = 0; i < n; i++) {
                            column[i] = log[i * k + c];
                        }
                        double logColumnSum = org.emgmm.model.LogSumExp.of(column);
                        for (int i = 0; i < n; i++) {
                            wrong[i * k + c] = Math.exp(column[i] - logColumnSum);
                        }
                    }
                    return wrong;
                });
    }

    /**
     * A log-sum-exp whose running maximum starts at 0 instead of −∞: m = max(0, maxⱼ aⱼ), then
     * m + log Σⱼ exp(aⱼ − m). Right while some aⱼ is near or above 0; when every aⱼ is far below 0 (a point far
     * from every component) every exp(aⱼ) underflows to 0 and the result is −∞.
     *
     * @param a the terms
     * @return what that log-sum-exp gives
     */
    public static double logSumExpFromZero(double[] a) {
        double max = 0.0;
        for (double value : a) {
            max = Math.max(max, value);
        }
        double sum = 0.0;
        for (double value : a) {
            sum += Math.exp(value - max);
        }
        return max + Math.log(sum);
    }

    /** What a log-sum-exp whose running maximum starts at 0 looks like, completing "your value is …". */
    static final String LOG_SUM_EXP_FROM_ZERO = "what a log-sum-exp whose running maximum starts at 0 gives: when"
            + " every term is far below 0, each exp(aⱼ − 0) underflows to 0 and the log of the sum is −∞; start the"
            + " maximum at −∞ (or at the first term), so that the largest term becomes exp(0) = 1";

    /**
     * The responsibilities r[i][k] = exp(log ρ[i][k] − lse(log ρ[i])) with {@link #logSumExpFromZero} as lse,
     * compared with {@code actual} entry for entry, infinities and NaN included: a far point gives +∞ there.
     *
     * @param logRho    log ρ, flat N×K
     * @param k         the components K
     * @param actual    the answer, flat N×K
     * @param tolerance the check's, relative to each finite entry
     * @return {@link #LOG_SUM_EXP_FROM_ZERO} when the answer is what that log-sum-exp gives and differs from
     *         the right one; empty otherwise
     */
    public static Optional<String> identifyLogSumExpFromZero(double[] logRho, int k, double[] actual,
            double tolerance) {
        if (actual == null || actual.length != logRho.length) {
            return Optional.empty();
        }
        boolean differs = false;
        for (int start = 0; start < logRho.length; start += k) {
            double[] row = Arrays.copyOfRange(logRho, start, start + k);
            double fromZero = logSumExpFromZero(row);
            double right = org.emgmm.model.LogSumExp.of(row);
            for (int c = 0; c < k; c++) {
                double wrong = Math.exp(row[c] - fromZero);
                boolean same = Double.isFinite(wrong)
                        ? Math.abs(actual[start + c] - wrong) <= tolerance * Math.abs(wrong)
                        : Double.compare(wrong, actual[start + c]) == 0;
                if (!same) {
                    return Optional.empty();
                }
                double rightValue = Math.exp(row[c] - right);
                differs |= !(Math.abs(wrong - rightValue) <= tolerance * Math.abs(rightValue));
            }
        }
        return differs ? Optional.of(LOG_SUM_EXP_FROM_ZERO) : Optional.empty();
    }

    /**
     * An EM loop's iteration count off by one, from the count the library's loop gives and the trace: a loop
     * that stops one short of maxIterations, or a count reported one higher than the iterations run.
     *
     * @param expected    the library loop's count
     * @param ranOut      whether the library's run stopped at maxIterations (so expected = maxIterations)
     *                    rather than by converging
     * @param reported    the answer's count
     * @param traceLength the answer's trace length (one entry per iteration run, and one for the start)
     * @return the mistake, completing "your value is …"; empty when the count is right or wrong otherwise
     */
    public static Optional<String> iterationCount(int expected, boolean ranOut, int reported, int traceLength) {
        if (ranOut && reported == expected - 1 && traceLength == reported + 1) {
            return Optional.of("one iteration fewer than maxIterations = " + expected + ", with no convergence to"
                    + " stop the loop: an off-by-one in the loop's bound, which must let t run from 1 to maxIterations,"
                    + " both included (while iteration < maxIterations, counting from 0)");
        }
        if (reported == expected + 1 && traceLength == expected + 1) {
            return Optional.of("one more than the " + expected + " iteration" + (expected == 1 ? "" : "s") + " your"
                    + " loop ran (its trace has " + traceLength + " entries: the start's and one per iteration): an"
                    + " off-by-one in the count reported; report the loop's counter as it ends, not counter + 1");
        }
        return Optional.empty();
    }
}
