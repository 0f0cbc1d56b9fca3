package org.emgmm.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.emgmm.data.DataMatrix;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Cases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Scatter pictures draw at most a fixed number of points, a seeded sample, and say so. */
class PointSampleTest {

    /** Two round components, far apart. */
    private static final GaussianMixture TWO_BLOBS = GaussianMixture.of(new double[] {0.5, 0.5},
            new double[][] {{0, 0}, {10, 10}}, new double[][][] {{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}});

    private static final ColumnPair XY = ColumnPair.choose(List.of("x", "y"), null, null);

    /** n, cap and seed for one case: n from 0 to 3 caps, so that both sides of the cap are tried. */
    private record Draw(int n, int cap, long seed) {
    }

    private static Draw draw(SplittableRandom random) {
        int cap = 1 + random.nextInt(600);
        return new Draw(random.nextInt(3 * cap + 1), cap, random.nextLong());
    }

    @TestFactory
    Stream<DynamicTest> aboveTheCapExactlyTheCapOfDistinctRowsBelowItEveryRow() {
        return Cases.forAll("sample rows are bounded and distinct", PointSampleTest::draw, (d, random) -> {
            int[] rows = PointSample.rows(d.n(), d.cap(), d.seed());
            if (d.n() <= d.cap()) {
                assertArrayEquals(IntStream.range(0, d.n()).toArray(), rows, "below the cap: every row, in order");
                return;
            }
            assertEquals(d.cap(), rows.length, "above the cap: exactly the cap");
            for (int r = 0; r < rows.length; r++) {
                assertTrue(rows[r] >= 0 && rows[r] < d.n(), "row " + rows[r] + " out of 0.." + (d.n() - 1));
                if (r > 0) {
                    assertTrue(rows[r] > rows[r - 1], "ascending, hence distinct: " + rows[r - 1] + ", " + rows[r]);
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> theSameSeedGivesTheSameSample() {
        return Cases.forAll("same seed, same sample", PointSampleTest::draw, (d, random) ->
                assertArrayEquals(PointSample.rows(d.n(), d.cap(), d.seed()), PointSample.rows(d.n(), d.cap(), d.seed())));
    }

    /** Not the first rows, nor any other fixed stretch: each quarter of the rows gets about a quarter. */
    @TestFactory
    Stream<DynamicTest> theSampleSpreadsOverAllTheRows() {
        return Cases.forAll("sample spreads over the rows",
                random -> new Draw(4_000 + random.nextInt(100_000), 400 + random.nextInt(1_000), random.nextLong()),
                (d, random) -> {
                    int[] perQuarter = new int[4];
                    for (int row : PointSample.rows(d.n(), d.cap(), d.seed())) {
                        perQuarter[(int) (4L * row / d.n())]++;
                    }
                    for (int q = 0; q < 4; q++) {
                        double share = perQuarter[q] / (double) d.cap();
                        assertTrue(share > 0.15 && share < 0.35, "quarter " + q + " has " + share + " of the sample");
                    }
                });
    }

    @Test
    void differentSeedsGiveDifferentSamples() {
        assertFalse(java.util.Arrays.equals(PointSample.rows(1_000_000, 20_000, 1L),
                PointSample.rows(1_000_000, 20_000, 2L)));
    }

    @Test
    void dataWithinTheCapIsDrawnWhole() {
        DataMatrix data = blobs(1_000);
        PointSample shown = PointSample.of(data, 1_000);
        assertSame(data, shown.data());
        assertFalse(shown.sampled());
    }

    @Test
    void theNoteCountsWithThousandsSeparators() {
        PointSample shown = PointSample.of(blobs(1_000_000), PointSample.MAX_POINTS);
        assertEquals("20,000 of 1,000,000 points shown", shown.note());
        assertEquals("20,000 of 1,000,000\npoints shown", shown.note(ChartStyle.Layout.PANEL));
    }

    @Test
    void theClustersPictureDrawsTheCapAndSaysSo() {
        int n = PointSample.MAX_POINTS + 5_000;
        XYChart chart = ClustersChart.draw(new ClustersChart.View("t", blobs(n), TWO_BLOBS, XY, 800, 600,
                ChartStyle.Layout.PICTURE, null));
        assertEquals(PointSample.MAX_POINTS, pointsIn(chart, "component "));
        assertNote(chart, "20,000 of 25,000 points shown");
        assertTrue(series(chart).keySet().stream().anyMatch(name -> name.matches("component 0: [0-9,]+ shown")),
                "the components count the points shown: " + series(chart).keySet());
    }

    @Test
    void aPanelDrawsItsSmallerCapAndSaysSo() {
        int n = PointSample.MAX_PANEL_POINTS + 1;
        XYChart chart = ClustersChart.draw(new ClustersChart.View("t", blobs(n), TWO_BLOBS, XY, 400, 300,
                ChartStyle.Layout.PANEL, null));
        assertEquals(PointSample.MAX_PANEL_POINTS, pointsIn(chart, "component "));
        assertNote(chart, "2,500 of 2,501\npoints shown");
    }

    @Test
    void theUncertaintyAndDensityPicturesDrawTheCapAndSaySo() {
        DataMatrix data = blobs(PointSample.MAX_POINTS * 3);
        XYChart uncertainty = UncertaintyChart.draw("s", data, TWO_BLOBS, XY, 800, 600);
        assertEquals(PointSample.MAX_POINTS, pointsIn(uncertainty, "u "));
        assertNote(uncertainty, "20,000 of 60,000 points shown");
        XYChart density = DensityChart.draw("s", data, TWO_BLOBS, XY, 800, 600);
        assertEquals(PointSample.MAX_POINTS, series(density).get("20,000 of 60,000 points shown")
                .getXData().length);
    }

    @Test
    void belowTheCapEveryPointIsDrawnWithoutANote() {
        XYChart chart = ClustersChart.draw(new ClustersChart.View("t", blobs(300), TWO_BLOBS, XY, 800, 600,
                ChartStyle.Layout.PICTURE, null));
        assertEquals(300, pointsIn(chart, "component "));
        assertTrue(series(chart).keySet().stream().noneMatch(name -> name.contains("shown")));
    }

    @Test
    void theSamePointsGiveTheSameChart() {
        DataMatrix data = blobs(PointSample.MAX_POINTS + 1_234);
        XYChart first = ClustersChart.draw(new ClustersChart.View("t", data, TWO_BLOBS, XY, 800, 600,
                ChartStyle.Layout.PICTURE, null));
        XYChart second = ClustersChart.draw(new ClustersChart.View("t", data, TWO_BLOBS, XY, 800, 600,
                ChartStyle.Layout.PICTURE, null));
        assertEquals(series(first).keySet(), series(second).keySet());
        for (String name : series(first).keySet()) {
            assertArrayEquals(series(first).get(name).getXData(), series(second).get(name).getXData());
            assertArrayEquals(series(first).get(name).getYData(), series(second).get(name).getYData());
        }
    }

    /** The points of the series whose names start with {@code prefix}, ellipses and means left out. */
    private static int pointsIn(XYChart chart, String prefix) {
        int points = 0;
        for (Map.Entry<String, XYSeries> entry : series(chart).entrySet()) {
            String name = entry.getKey();
            if (name.startsWith(prefix) && !name.contains("ellipse") && !name.contains("mean")) {
                points += entry.getValue().getXData().length;
            }
        }
        return points;
    }

    /** The chart's series by name, in the order added. */
    private static Map<String, XYSeries> series(XYChart chart) {
        Map<String, XYSeries> byName = new LinkedHashMap<>();
        chart.getSeriesCollection().forEach(series -> byName.put(series.getName(), series));
        return byName;
    }

    private static void assertNote(XYChart chart, String note) {
        XYSeries series = series(chart).get(note);
        assertTrue(series != null, "the legend says '" + note + "': " + series(chart).keySet());
        assertTrue(series.isShowInLegend());
    }

    /** n points, alternately from the two blobs, with a fixed seed. */
    private static DataMatrix blobs(int n) {
        SplittableRandom random = new SplittableRandom(7);
        double[] values = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double centre = i % 2 == 0 ? 0.0 : 10.0;
            values[2 * i] = centre + gaussian(random);
            values[2 * i + 1] = centre + gaussian(random);
        }
        return new DataMatrix(n, 2, values, List.of("x", "y"));
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
