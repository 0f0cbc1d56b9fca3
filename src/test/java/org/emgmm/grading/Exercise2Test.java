package org.emgmm.grading;

import java.util.List;
import java.util.SplittableRandom;
import org.emgmm.exercises.Ex2LogSumExp;
import org.emgmm.model.LogSumExp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Graded: exercise 2, log-sum-exp and normalising in log space ({@link Ex2LogSumExp}). */
@Exercise(2)
@DisplayName("Exercise 2: log-sum-exp")
class Exercise2Test {

    /** Agreement with the library and with closed forms: a few roundings per term. */
    private static final double TOLERANCE = 1e-12;

    /** Random cases per property, from a fixed seed: every run checks the same ones, in well under a second. */
    private static final int CASES = 200;
    private static final long SEED = 0x2E2E2L;

    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    /** What the known slips give for logSumExp(1000, 1000): m not added back, one term left out. */
    private static final List<KnownMistakes.Mistake> SLIPS_AT_1000 = List.of(
            KnownMistakes.Mistake.of("log 2: the shift m is not added back", Math.log(2.0)),
            KnownMistakes.Mistake.of("what one term too few gives: an off-by-one in a loop bound", 1000.0));

    private static double logSumExp(double... a) {
        double[] copy = a.clone();
        double result = StudentCode.call("Ex2LogSumExp.logSumExp(" + Expect.format(a) + ")",
                () -> Ex2LogSumExp.logSumExp(copy));
        Expect.arrayClose(a, copy, 0.0, "the input array after logSumExp", "do not modify the input");
        return result;
    }

    @Test
    @Order(7)
    @Points(1)
    @DisplayName("logSumExp matches the library on random arrays")
    void matchesTheLibrary() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int c = 0; c < CASES; c++) {
            double[] a = new double[1 + random.nextInt(10)];
            for (int j = 0; j < a.length; j++) {
                a[j] = random.nextDouble(-50.0, 50.0);
            }
            double max = java.util.Arrays.stream(a).max().getAsDouble();
            List<KnownMistakes.Mistake> slips = new java.util.ArrayList<>(List.of(KnownMistakes.Mistake.of(
                    "log Σⱼ exp(aⱼ − m): the shift m is not added back", LogSumExp.of(a) - max)));
            if (a.length > 1) {
                slips.addAll(KnownMistakes.offByOne("term", new double[] {LogSumExp.of(java.util.Arrays.copyOfRange(a,
                        1, a.length))}, null));
                slips.addAll(KnownMistakes.offByOne("term", new double[] {LogSumExp.of(java.util.Arrays.copyOf(a,
                        a.length - 1))}, null));
            }
            Expect.close(LogSumExp.of(a), logSumExp(a), TOLERANCE, "logSumExp(" + Expect.format(a) + ")",
                    "m + log Σⱼ exp(aⱼ − m), with m the largest aⱼ, over every entry", slips);
        }
    }

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("large values do not overflow")
    void largeValuesDoNotOverflow() {
        // log(e^1000 + e^1000) = log(2 e^1000) = 1000 + log 2, although e^1000 overflows to ∞.
        // Known slips: m not added back gives log 2; a loop that skips a term gives 1000.
        double both = logSumExp(1000.0, 1000.0);
        Expect.close(1000.0 + Math.log(2.0), both, TOLERANCE, "logSumExp(1000, 1000)", Double.isInfinite(both)
                ? "exp(1000) is ∞ in double precision: subtract the largest value before exponentiating"
                : "m + log Σⱼ exp(aⱼ − m) = 1000 + log(1 + 1)", SLIPS_AT_1000);
        // log(e^1000 + e^0) = 1000 + log(1 + e^−1000) = 1000 to double precision.
        double apart = logSumExp(0.0, 1000.0);
        Expect.close(1000.0, apart, TOLERANCE, "logSumExp(0, 1000)", Double.isInfinite(apart)
                ? "exp(1000 − 0) is ∞: shift by the largest value, wherever it is in the array, not by the first"
                : "m + log Σⱼ exp(aⱼ − m) with m = 1000, the largest");
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("small values do not underflow")
    void smallValuesDoNotUnderflow() {
        // log(e^−1000 + e^−1000) = −1000 + log 2, although e^−1000 underflows to 0 (and log 0 = −∞).
        double small = logSumExp(-1000.0, -1000.0);
        Expect.close(-1000.0 + Math.log(2.0), small, TOLERANCE, "logSumExp(−1000, −1000)", Double.isInfinite(small)
                ? "exp(−1000) is 0 in double precision: subtract the largest value before exponentiating"
                : "m + log Σⱼ exp(aⱼ − m) = −1000 + log(1 + 1)", List.of(
                        KnownMistakes.Mistake.of("log 2: the shift m is not added back", Math.log(2.0)),
                        KnownMistakes.Mistake.of("what one term too few gives: an off-by-one in a loop bound",
                                -1000.0)));
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("−∞ entries contribute nothing")
    void negativeInfinityContributesNothing() {
        // exp(−∞) = 0: log(0 + e^0) = 0 and log(e^2 + 0) = 2; with every term 0 the sum is 0, log 0 = −∞.
        Expect.close(0.0, logSumExp(NEG_INF, 0.0), TOLERANCE, "logSumExp(−∞, 0)",
                "a first entry of −∞ must not become the shift: shift by the maximum");
        Expect.close(2.0, logSumExp(2.0, NEG_INF), TOLERANCE, "logSumExp(2, −∞)",
                "exp(−∞ − m) is 0: such an entry adds nothing");
        Expect.close(NEG_INF, logSumExp(NEG_INF, NEG_INF), 0.0, "logSumExp(−∞, −∞)",
                "when every entry is −∞ the answer is −∞ (check for it: −∞ − (−∞) is NaN)");
    }

    @Test
    @Order(6)
    @Points(1)
    @DisplayName("normalise gives probabilities, also for very negative logarithms")
    void normaliseGivesProbabilities() {
        // exp(a − max) for a = (−1000, −1001, −1002) is (1, e^−1, e^−2): divided by their sum
        // s = 1 + e^−1 + e^−2 these are the probabilities, although every exp(aⱼ) underflows to 0.
        double s = 1.0 + Math.exp(-1.0) + Math.exp(-2.0);
        double[] expected = {1.0 / s, Math.exp(-1.0) / s, Math.exp(-2.0) / s};
        double[] a = {-1000.0, -1001.0, -1002.0};
        double[] actual = StudentCode.call("Ex2LogSumExp.normalise(" + Expect.format(a) + ")",
                () -> Ex2LogSumExp.normalise(a.clone()));
        boolean finite = actual != null && java.util.Arrays.stream(actual).allMatch(Double::isFinite);
        Expect.arrayClose(expected, actual, TOLERANCE, "normalise(−1000, −1001, −1002)", finite
                ? "pⱼ = exp(aⱼ − logSumExp(a)); if 2.1 or 2.2 fails, see them first: normalise builds on logSumExp"
                : "a NaN or ∞: every exp(aⱼ) underflows to 0 here and their ratio is 0/0; use pⱼ = exp(aⱼ −"
                        + " logSumExp(a))");

        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int c = 0; c < CASES; c++) {
            double[] logs = new double[1 + random.nextInt(8)];
            for (int j = 0; j < logs.length; j++) {
                logs[j] = random.nextDouble(-800.0, 800.0);
            }
            double total = LogSumExp.of(logs);
            double[] wanted = new double[logs.length];
            for (int j = 0; j < logs.length; j++) {
                wanted[j] = Math.exp(logs[j] - total);
            }
            double[] got = StudentCode.call("Ex2LogSumExp.normalise(" + Expect.format(logs) + ")",
                    () -> Ex2LogSumExp.normalise(logs.clone()));
            Expect.arrayClose(wanted, got, 1e-10, "normalise(" + Expect.format(logs) + ")",
                    "pⱼ = exp(aⱼ − logSumExp(a)) for every j");
        }
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("logSumExp does not modify a (its comment: \"Not modified\")")
    void logSumExpLeavesItsInput() {
        Promises.logSumExpLeavesItsInput(a -> StudentCode.call("Ex2LogSumExp.logSumExp(" + Expect.format(a) + ")",
                () -> Ex2LogSumExp.logSumExp(a)));
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("normalise does not modify a and returns a new array (its comment)")
    void normaliseLeavesItsInputAndReturnsANewArray() {
        Promises.normaliseLeavesItsInputAndReturnsANewArray(a -> StudentCode.call(
                "Ex2LogSumExp.normalise(" + Expect.format(a) + ")", () -> Ex2LogSumExp.normalise(a)));
    }
}
