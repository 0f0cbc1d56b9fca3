package org.emgmm.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.emgmm.testing.Cases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class HistogramTest {

    /** Samples of 1 to 2,000 points from a normal, a skewed or a rounded (many ties) distribution. */
    private static double[] randomSample(SplittableRandom random) {
        int n = 1 + random.nextInt(2000);
        int kind = random.nextInt(3);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            double z = random.nextGaussian();
            values[i] = kind == 0 ? 50 + 10 * z : kind == 1 ? Math.exp(z) : Math.round(z);
        }
        return values;
    }

    @TestFactory
    Stream<DynamicTest> theBarsHaveAreaOne() {
        return Cases.forAll("Histogram area one", HistogramTest::randomSample, (values, random) -> {
            Histogram histogram = Histogram.of(values);
            double area = 0.0;
            for (double height : histogram.heights()) {
                area += height * histogram.width();
            }
            assertEquals(1.0, area, 1e-9);
            assertEquals(histogram.bins() + 1, histogram.edges().length);
        });
    }

    /** Quantiles 1.75 and 5.25 (IQR 3.5), N^(1/3) = 2: h = 2 · 3.5 / 2 = 3.5, and 7 / 3.5 = 2 bins of 4 points. */
    @Test
    void freedmanDiaconisOnEightPoints() {
        Histogram histogram = Histogram.of(new double[] {7, 6, 5, 4, 3, 2, 1, 0});
        assertEquals(Histogram.FREEDMAN_DIACONIS, histogram.rule());
        assertArrayEquals(new double[] {0.0, 3.5, 7.0}, histogram.edges(), 1e-15);
        assertArrayEquals(new double[] {4 / (8 * 3.5), 4 / (8 * 3.5)}, histogram.heights(), 1e-15);
    }

    /** More than half the points equal: IQR 0, so Sturges' ⌈log₂ 8⌉ + 1 = 4 bins. */
    @Test
    void sturgesWhenTheInterquartileRangeIsZero() {
        Histogram histogram = Histogram.of(new double[] {5, 5, 5, 5, 5, 5, 5, 9});
        assertEquals(Histogram.STURGES, histogram.rule());
        assertEquals(4, histogram.bins());
        assertEquals(1.0, histogram.width(), 1e-15);
    }

    @Test
    void oneFarOutlierCannotAskForMoreThanTheMaximumNumberOfBins() {
        double[] values = new double[1001];
        for (int i = 0; i < 1000; i++) {
            values[i] = i / 1000.0;
        }
        values[1000] = 1e9;
        assertEquals(Histogram.MAX_BINS, Histogram.of(values).bins());
    }

    @Test
    void equalValuesMakeOneBinOfAreaOne() {
        Histogram histogram = Histogram.of(new double[] {2.5, 2.5, 2.5});
        assertEquals(1, histogram.bins());
        assertEquals(1.0, histogram.heights()[0] * histogram.width(), 1e-15);
    }

    /** R's quantile(c(1, 2, 3, 4), c(0.25, 0.5, 0.75)) is 1.75, 2.5, 3.25. */
    @Test
    void quantilesInterpolateLikeRAndNumPy() {
        double[] sorted = {1, 2, 3, 4};
        assertEquals(1.75, Histogram.quantile(sorted, 0.25), 1e-15);
        assertEquals(2.5, Histogram.quantile(sorted, 0.5), 1e-15);
        assertEquals(3.25, Histogram.quantile(sorted, 0.75), 1e-15);
    }
}
