package org.emgmm.vectorised;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.emgmm.testing.Cases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@link Exponentials} against {@link Math#exp}, the independent implementation. */
class ExponentialsTest {

    /**
     * Units in the last place allowed against {@link Math#exp}: the series and the range reduction each
     * round a few times (see the class comment of {@link Exponentials}); {@link Math#exp} itself is
     * within one.
     */
    private static final double ULPS = 2.0;

    /** Points per row: long enough that the SIMD loops and their tails both run. */
    private static final int ROW = 203;

    /** A row of exponents at most 0, spread over one range, and the shifts they are taken from. */
    private record Row(double[] x, double[] shift, double low) {
        @Override
        public String toString() {
            return "x from " + low + " to 0";
        }
    }

    private static Row row(SplittableRandom random) {
        double[] lows = {-1e-3, -1.0, -40.0, -708.0, -760.0, -2000.0};
        double low = lows[random.nextInt(lows.length)];
        double[] x = new double[ROW];
        double[] shift = new double[ROW];
        for (int b = 0; b < ROW; b++) {
            shift[b] = 100.0 * random.nextGaussian();
            x[b] = low * random.nextDouble();
        }
        return new Row(x, shift, low);
    }

    private static double[] exponentials(Row row) {
        double[] values = new double[ROW];
        for (int b = 0; b < ROW; b++) {
            values[b] = row.x()[b] + row.shift()[b];
        }
        Exponentials.expOfDifference(values, row.shift(), new double[ROW], ROW);
        return values;
    }

    @TestFactory
    Stream<DynamicTest> agreesWithMathExpToTwoUnitsInTheLastPlace() {
        return Cases.forAll("Exponentials.expOfDifference", ExponentialsTest::row, (row, random) -> {
            double[] values = exponentials(row);
            for (int b = 0; b < ROW; b++) {
                double x = (row.x()[b] + row.shift()[b]) - row.shift()[b];   // the difference as the kernel forms it
                double expected = Math.exp(x);
                double error = Math.abs(values[b] - expected);
                // in the subnormal range, where a unit in the last place is absolute, one more rounding
                assertTrue(error <= ULPS * Math.ulp(expected) + Double.MIN_VALUE,
                        "e^" + x + ": " + values[b] + " against Math.exp's " + expected);
            }
        });
    }

    @Test
    void zeroGivesExactlyOne() {
        double[] row = {0.0, 5.0, -3.0};
        Exponentials.expOfDifference(row, row.clone(), new double[3], 3);
        for (double value : row) {
            assertEquals(1.0, value, 0.0, "e^0, the largest term of every point");
        }
    }

    @Test
    void underflowsToZeroWhereMathExpDoes() {
        double[] x = {-745.2, -800.0, -1000.0, -1e6, Double.NEGATIVE_INFINITY, -Double.MAX_VALUE};
        double[] shift = new double[x.length];
        double[] row = x.clone();
        Exponentials.expOfDifference(row, shift, new double[x.length], x.length);
        for (int b = 0; b < x.length; b++) {
            assertEquals(0.0, Math.exp(x[b]), 0.0, "Math.exp(" + x[b] + ")");
            assertEquals(0.0, row[b], 0.0, "e^" + x[b] + " must underflow to 0, as a far component's share does");
        }
    }

    @Test
    void smallestSubnormalsAreMathExps() {
        double[] x = {-708.0, -709.0, -720.0, -740.0, -745.0, -745.1};
        double[] row = x.clone();
        Exponentials.expOfDifference(row, new double[x.length], new double[x.length], x.length);
        for (int b = 0; b < x.length; b++) {
            double expected = Math.exp(x[b]);
            assertTrue(Math.abs(row[b] - expected) <= ULPS * Math.ulp(expected) + Double.MIN_VALUE,
                    "e^" + x[b] + ": " + row[b] + " against " + expected);
            assertTrue(row[b] > 0.0, "e^" + x[b] + " is not 0 yet");
        }
    }
}
