package org.emgmm.grading;

import java.util.List;
import java.util.SplittableRandom;
import org.emgmm.exercises.Ex2LogSumExp;
import org.emgmm.model.LogSumExp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Graded: exercise 2, log-sum-exp and normalising in log space ({@link Ex2LogSumExp}). */
@Exercise(2)
@DisplayName("Exercise 2: log-sum-exp")
class Exercise2Test {

    /** Agreement with the library and with closed forms: a few roundings per term. */
    private static final double TOLERANCE = 1e-12;

    /** Random cases per property, drawn from the run's seed ({@link RunSeed}): new ones in every run. */
    private static final int CASES = 200;

    /** Cases of the tests built around one closed form: enough that no answer can be guessed. */
    private static final int FORM_CASES = 20;

    /** The largest x whose exp(x) is finite is about 709.78: from 720 up, exp(x) overflows to ∞. */
    private static final double OVERFLOWS = 720.0;

    /** The generator of one test's inputs. */
    private static SplittableRandom random(String test) {
        return RunSeed.forTest(Exercise2Test.class, test);
    }

    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    /** What the known slips give for logSumExp(c, c): m not added back (log 2), one term left out (c). */
    private static List<KnownMistakes.Mistake> slipsAtTwice(double c) {
        return List.of(KnownMistakes.Mistake.of("log 2: the shift m is not added back", Math.log(2.0)),
                KnownMistakes.Mistake.of("what one term too few gives: an off-by-one in a loop bound", c));
    }

    private static double logSumExp(double... a) {
        double[] copy = a.clone();
        double result = StudentCode.call("Ex2LogSumExp.logSumExp(" + Expect.format(a) + ")",
                () -> Ex2LogSumExp.logSumExp(copy));
        Expect.arrayClose(a, copy, 0.0, "the input array after logSumExp", "do not modify the input");
        return result;
    }

    @Test
    @Order(6)
    @Points(1)
    @DisplayName("logSumExp matches the library on random arrays")
    void matchesTheLibrary() {
        SplittableRandom random = random("matchesTheLibrary");
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
    @Points(1)
    @DisplayName("large values do not overflow")
    void largeValuesDoNotOverflow() {
        // For c from 720 to 1000, e^c overflows to ∞, yet log(e^c + e^c) = log(2 e^c) = c + log 2.
        // Known slips: m not added back gives log 2; a loop that skips a term gives c.
        SplittableRandom random = random("largeValuesDoNotOverflow");
        for (int k = 0; k < FORM_CASES; k++) {
            double c = random.nextDouble(OVERFLOWS, 1000.0);
            double both = logSumExp(c, c);
            Expect.close(c + Math.log(2.0), both, TOLERANCE, "logSumExp(" + c + ", " + c + ")", Double.isInfinite(both)
                    ? "exp(" + c + ") is ∞ in double precision: subtract the largest value before exponentiating"
                    : "m + log Σⱼ exp(aⱼ − m) = c + log(1 + 1)", slipsAtTwice(c));
            // log(e^c + e^(c − δ)) = c + log(1 + e^−δ): not the largest value alone.
            double lower = c - random.nextDouble(0.1, 3.0);
            double delta = c - lower; // exact (Sterbenz): the difference of the two entries as stored
            Expect.close(c + Math.log1p(Math.exp(-delta)), logSumExp(c, lower), TOLERANCE,
                    "logSumExp(" + c + ", " + lower + ")", "m + log Σⱼ exp(aⱼ − m) = c + log(1 + e^−δ): every"
                            + " term counts, not only the largest");
            // log(e^b + e^c) with b near 0: c + log(1 + e^(b − c)) = c to double precision.
            double b = random.nextDouble(-5.0, 5.0);
            double apart = logSumExp(b, c);
            Expect.close(c, apart, TOLERANCE, "logSumExp(" + b + ", " + c + ")", Double.isInfinite(apart)
                    ? "exp(" + c + " − " + b + ") is ∞: shift by the largest value, wherever it is in the array, not by"
                            + " the first"
                    : "m + log Σⱼ exp(aⱼ − m) with m = " + c + ", the largest");
        }
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("small values do not underflow")
    void smallValuesDoNotUnderflow() {
        // For c from 750 to 1000, e^−c underflows to 0 (and log 0 = −∞), yet log(e^−c + e^−c) = −c + log 2,
        // and log(e^−c + e^(−c − δ)) = −c + log(1 + e^−δ).
        SplittableRandom random = random("smallValuesDoNotUnderflow");
        for (int k = 0; k < FORM_CASES; k++) {
            double c = random.nextDouble(750.0, 1000.0);
            double small = logSumExp(-c, -c);
            Expect.close(-c + Math.log(2.0), small, TOLERANCE, "logSumExp(" + -c + ", " + -c + ")",
                    Double.isInfinite(small)
                            ? "exp(" + -c + ") is 0 in double precision: subtract the largest value before"
                                    + " exponentiating"
                            : "m + log Σⱼ exp(aⱼ − m) = −c + log(1 + 1)", slipsAtTwice(-c));
            double lower = -c - random.nextDouble(0.1, 3.0);
            double delta = -c - lower; // exact (Sterbenz): the difference of the two entries as stored
            double apart = logSumExp(lower, -c);
            Expect.close(-c + Math.log1p(Math.exp(-delta)), apart, TOLERANCE,
                    "logSumExp(" + lower + ", " + -c + ")", Double.isInfinite(apart)
                            ? "both exponentials are 0 in double precision: subtract the largest value first"
                            : "m + log Σⱼ exp(aⱼ − m) = −c + log(1 + e^−δ): every term counts");
        }
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("−∞ entries contribute nothing, and no entries at all give −∞")
    void negativeInfinityContributesNothing() {
        // exp(−∞) = 0: log(0 + e^a) = a, whichever side the −∞ is on; two equal entries after a −∞ give
        // log(0 + 2e^a) = a + log 2; with every term 0 the sum is 0, and log 0 = −∞.
        SplittableRandom random = random("negativeInfinityContributesNothing");
        for (int k = 0; k < FORM_CASES; k++) {
            double a = random.nextDouble(-50.0, 50.0);
            Expect.close(a, logSumExp(NEG_INF, a), TOLERANCE, "logSumExp(−∞, " + a + ")",
                    "a first entry of −∞ must not become the shift: shift by the maximum");
            Expect.close(a, logSumExp(a, NEG_INF), TOLERANCE, "logSumExp(" + a + ", −∞)",
                    "exp(−∞ − m) is 0: such an entry adds nothing");
            Expect.close(a + Math.log(2.0), logSumExp(NEG_INF, a, a), TOLERANCE,
                    "logSumExp(−∞, " + a + ", " + a + ")", "the −∞ adds nothing, the two others e^a each: a + log 2");
        }
        Expect.close(NEG_INF, logSumExp(NEG_INF, NEG_INF), 0.0, "logSumExp(−∞, −∞)",
                "when every entry is −∞ the answer is −∞ (check for it: −∞ − (−∞) is NaN)");
        emptyArrayGivesNegativeInfinity(Exercise2Test::logSumExp);
    }

    /**
     * logSumExp of no numbers at all: their sum is 0 and log 0 = −∞, as the exercise's text says. A running
     * maximum started from a[0] throws here instead, which the hint names.
     */
    static void emptyArrayGivesNegativeInfinity(Promises.LogSumExp logSumExp) {
        double result;
        try {
            result = logSumExp.of(new double[0]);
        } catch (AssertionFailedError failure) {
            String message = String.valueOf(failure.getMessage());
            if (message.contains("ArrayIndexOutOfBoundsException")) {
                String thrown = message.split("; hint: ")[0];
                String got = thrown.substring(thrown.indexOf(", got ") + ", got ".length());
                throw Expect.failure("logSumExp of an empty array", "−∞", got, KnownMistakes.MAXIMUM_FROM_THE_FIRST_ENTRY,
                        failure);
            }
            throw failure;
        }
        Expect.close(NEG_INF, result, 0.0, "logSumExp of an empty array (no terms)",
                "an empty sum is 0, and log 0 = −∞: return −∞, as when every entry is −∞");
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("normalise gives probabilities, also for very negative logarithms")
    void normaliseGivesProbabilities() {
        // exp(a − max) for a = (−c, −c − 1, −c − 2) is (1, e^−d₁, e^−d₂) with d₁ ≈ 1 and d₂ ≈ 2 the exact
        // differences of the stored entries: divided by their sum s = 1 + e^−d₁ + e^−d₂ these are the
        // probabilities, although every exp(aⱼ) underflows to 0.
        SplittableRandom random = random("normaliseGivesProbabilities");
        double c = random.nextDouble(750.0, 1000.0);
        double[] a = {-c, -c - 1.0, -c - 2.0};
        double d1 = a[0] - a[1];
        double d2 = a[0] - a[2];
        double s = 1.0 + Math.exp(-d1) + Math.exp(-d2);
        double[] expected = {1.0 / s, Math.exp(-d1) / s, Math.exp(-d2) / s};
        double[] actual = StudentCode.call("Ex2LogSumExp.normalise(" + Expect.format(a) + ")",
                () -> Ex2LogSumExp.normalise(a.clone()));
        boolean finite = actual != null && java.util.Arrays.stream(actual).allMatch(Double::isFinite);
        Expect.arrayClose(expected, actual, TOLERANCE, "normalise(" + Expect.format(a) + ")", finite
                ? "pⱼ = exp(aⱼ − logSumExp(a)); if 2.1 or 2.2 fails, see them first: normalise builds on logSumExp"
                : "a NaN or ∞: every exp(aⱼ) underflows to 0 here and their ratio is 0/0; use pⱼ = exp(aⱼ −"
                        + " logSumExp(a))");

        for (int k = 0; k < CASES; k++) {
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
    @DisplayName("logSumExp does not modify a; normalise does not modify a and returns a new array (their comments)")
    void bothLeaveTheirInputAndNormaliseReturnsANewArray() {
        Promises.logSumExpLeavesItsInput(a -> StudentCode.call("Ex2LogSumExp.logSumExp(" + Expect.format(a) + ")",
                () -> Ex2LogSumExp.logSumExp(a)));
        Promises.normaliseLeavesItsInputAndReturnsANewArray(a -> StudentCode.call(
                "Ex2LogSumExp.normalise(" + Expect.format(a) + ")", () -> Ex2LogSumExp.normalise(a)));
    }
}
