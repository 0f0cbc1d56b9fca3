package org.emgmm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.emgmm.testing.Cases;
import org.emgmm.testing.Generators;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class LogSumExpTest {

    private static final double NEGATIVE_INFINITY = Double.NEGATIVE_INFINITY;
    private static final double LOG_TWO = Math.log(2.0);

    @Test
    void hugeValuesDoNotOverflow() {
        assertEquals(1000.0 + LOG_TWO, LogSumExp.of(new double[] {1000.0, 1000.0}), 1e-12);
        assertEquals(1e308, LogSumExp.of(new double[] {1e308, 1e308}), 1e293);
        assertTrue(Double.isFinite(LogSumExp.of(new double[] {1e308, 1e308, 1e308})));
        // exp(710) overflows; the shifted sum does not.
        assertEquals(710.0 + Math.log(1.0 + Math.exp(-1.0)), LogSumExp.of(new double[] {710.0, 709.0}), 1e-12);
    }

    @Test
    void tinyValuesDoNotUnderflow() {
        assertEquals(-1000.0 + LOG_TWO, LogSumExp.of(new double[] {-1000.0, -1000.0}), 1e-12);
        assertEquals(-1e300, LogSumExp.of(new double[] {-1e300, -1e300}), 1e285);
        // exp(−800) is 0 in double precision; the answer is still −800 + log 3.
        assertEquals(-800.0 + Math.log(3.0), LogSumExp.of(new double[] {-800.0, -800.0, -800.0}), 1e-12);
    }

    @Test
    void allNegativeInfinityGivesNegativeInfinity() {
        assertEquals(NEGATIVE_INFINITY, LogSumExp.of(new double[] {NEGATIVE_INFINITY, NEGATIVE_INFINITY}));
        assertEquals(NEGATIVE_INFINITY, LogSumExp.of(new double[] {NEGATIVE_INFINITY}));
        assertEquals(NEGATIVE_INFINITY, LogSumExp.of(new double[0]), "the empty sum is 0, whose log is −∞");
    }

    @Test
    void negativeInfinityTermsContributeNothing() {
        assertEquals(0.0, LogSumExp.of(new double[] {NEGATIVE_INFINITY, 0.0, NEGATIVE_INFINITY}));
        assertEquals(-3.5, LogSumExp.of(new double[] {-3.5, NEGATIVE_INFINITY}));
    }

    @Test
    void aSingleTermIsReturnedExactly() {
        for (double value : new double[] {0.0, -1e-300, 1e300, -745.2, 3.25}) {
            assertEquals(value, LogSumExp.of(new double[] {value}));
        }
    }

    @Test
    void theRangeVersionReadsOnlyItsRange() {
        double[] values = {1e300, 1.0, 2.0, 3.0, NEGATIVE_INFINITY};
        assertEquals(LogSumExp.of(new double[] {1.0, 2.0, 3.0}), LogSumExp.of(values, 1, 3));
        assertEquals(NEGATIVE_INFINITY, LogSumExp.of(values, 4, 1));
    }

    record Values(double[] values) {
        @Override
        public String toString() {
            return "n=" + values.length;
        }
    }

    private static Values moderate(SplittableRandom random) {
        double[] values = new double[Generators.between(random, 1, 20)];
        for (int j = 0; j < values.length; j++) {
            values[j] = random.nextDouble(-30.0, 30.0);
        }
        return new Values(values);
    }

    @TestFactory
    Stream<DynamicTest> matchesTheNaiveFormulaWhereThatIsSafe() {
        return Cases.forAll("LogSumExp.naive", LogSumExpTest::moderate, (input, random) -> {
            double naive = Math.log(Arrays.stream(input.values()).map(Math::exp).sum());
            assertEquals(naive, LogSumExp.of(input.values()), 1e-13 * Math.max(1.0, Math.abs(naive)));
        });
    }

    @TestFactory
    Stream<DynamicTest> shiftingEveryTermShiftsTheResult() {
        return Cases.forAll("LogSumExp.shift", LogSumExpTest::moderate, (input, random) -> {
            double shift = random.nextDouble(-1e5, 1e5);
            double[] shifted = Arrays.stream(input.values()).map(v -> v + shift).toArray();
            double expected = LogSumExp.of(input.values()) + shift;
            assertEquals(expected, LogSumExp.of(shifted), 1e-12 * Math.max(1.0, Math.abs(shift)));
        });
    }

    @TestFactory
    Stream<DynamicTest> liesBetweenTheMaximumAndTheMaximumPlusLogN() {
        return Cases.forAll("LogSumExp.bounds", LogSumExpTest::moderate, (input, random) -> {
            double max = Arrays.stream(input.values()).max().orElseThrow();
            double result = LogSumExp.of(input.values());
            assertTrue(result >= max && result <= max + Math.log(input.values().length) + 1e-12,
                    result + " not in [" + max + ", " + max + " + log " + input.values().length + "]");
        });
    }
}
