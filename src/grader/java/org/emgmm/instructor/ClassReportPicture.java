package org.emgmm.instructor;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.emgmm.plot.ChartPicture;
import org.emgmm.plot.ChartStyle;
import org.emgmm.plot.GridPicture;
import org.emgmm.plot.Headless;
import org.emgmm.plot.Picture;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The picture of the grader's class report: two panels, one above the other ({@link GridPicture}).
 * <ol>
 *   <li>The pass rate of every graded test, as bars sorted from the hardest test to the easiest, one
 *       colour per exercise: the exercise the class struggled with is the colour crowding the left.</li>
 *   <li>The distribution of total scores: how many submissions scored in each band of points.</li>
 * </ol>
 * It lives with the instructors' tools (src/grader), so it stays out of handouts, and shares the
 * library's pictures' look ({@link ChartStyle}). {@link ClassReport}, which computes the bars and
 * bands, is the one to read first.
 */
public final class ClassReportPicture {

    static {
        Headless.ensure();
    }

    /** The picture's width: room for some 60 bars with their labels. */
    static final int WIDTH = 1200;

    /** Each panel's height. */
    static final int PANEL_HEIGHT = 500;

    /**
     * Exercise colours after the components' colours: four more (yellow, grey, and Paul Tol's indigo and
     * wine), so that all eleven exercises differ.
     */
    private static final Color[] EXTRA_COLOURS = {new Color(0xF0E442), new Color(0x999999), new Color(0x332288),
        new Color(0x882255)};

    /** How many component colours come before {@link #EXTRA_COLOURS}. */
    private static final int COMPONENT_COLOURS = 7;

    /** The bars of the score distribution. */
    private static final Color SCORE_COLOUR = new Color(0x0072B2);

    /**
     * One graded test's bar.
     *
     * @param number   e.g. "4.2", or "h5.1" for a hidden test
     * @param exercise the exercise it belongs to, which sets the bar's colour
     * @param passRate the share of submissions that passed it, from 0 to 1
     */
    public record TestBar(String number, int exercise, double passRate) {
    }

    /**
     * One band of total scores.
     *
     * @param label       e.g. "90–99"
     * @param submissions how many submissions scored in it
     */
    public record ScoreBand(String label, int submissions) {
    }

    /** Not instantiated: the methods are static. */
    private ClassReportPicture() {
    }

    /**
     * The picture.
     *
     * @param name        the file name without extension
     * @param tests       the bars, in the order to draw them (the hardest test first); at least one
     * @param bands       the score bands, lowest first; at least one
     * @param submissions how many submissions the rates and scores are of, for the titles
     * @param scoresTitle the score panel's title, e.g. "Total scores: mean 71.3, median 78 of 105"
     * @return the two panels, pass rates above scores
     */
    public static Picture draw(String name, List<TestBar> tests, List<ScoreBand> bands, int submissions,
            String scoresTitle) {
        return new GridPicture(name, List.of(new ChartPicture(name + "-pass-rates", passRates(tests, submissions)),
                new ChartPicture(name + "-scores", scores(bands, scoresTitle))), 1);
    }

    /**
     * Pass rates in percent, one bar per test. Each exercise is a series of its own that has a value
     * only at its own tests (null elsewhere), drawn overlapped so that every bar is full width.
     *
     * @param tests       the bars, in the order to draw them
     * @param submissions how many submissions the rates are of, for the title
     * @return the upper panel's chart
     */
    static CategoryChart passRates(List<TestBar> tests, int submissions) {
        CategoryChart chart = ChartStyle.categoryChart("Pass rate per graded test, hardest first (" + submissions
                + " submission" + (submissions == 1 ? "" : "s") + ")", "graded test (h: hidden)", "passed (%)", WIDTH,
                PANEL_HEIGHT, ChartStyle.Layout.PICTURE);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        chart.getStyler().setYAxisDecimalPattern("0");
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setAvailableSpaceFill(0.8);
        List<String> numbers = tests.stream().map(TestBar::number).toList();
        TreeSet<Integer> exercises = new TreeSet<>(tests.stream().map(TestBar::exercise).toList());
        for (int exercise : exercises) {
            List<Double> percents = new ArrayList<>();
            for (TestBar test : tests) {
                percents.add(test.exercise() == exercise ? 100.0 * test.passRate() : null);
            }
            CategorySeries series = chart.addSeries("exercise " + exercise, numbers, percents);
            series.setFillColor(exerciseColour(exercise));
        }
        return chart;
    }

    /**
     * How many submissions scored in each band.
     *
     * @param bands the score bands, lowest first
     * @param title the panel's title
     * @return the lower panel's chart
     */
    static CategoryChart scores(List<ScoreBand> bands, String title) {
        CategoryChart chart = ChartStyle.categoryChart(title, "total score (points)", "submissions", WIDTH,
                PANEL_HEIGHT, ChartStyle.Layout.PICTURE);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("0");
        int highest = bands.stream().mapToInt(ScoreBand::submissions).max().orElse(0);
        chart.getStyler().setYAxisMax((double) Math.max(1, highest));
        chart.getStyler().setAvailableSpaceFill(0.9);
        List<String> labels = bands.stream().map(ScoreBand::label).toList();
        List<Integer> counts = bands.stream().map(ScoreBand::submissions).toList();
        chart.addSeries("submissions", labels, counts).setFillColor(SCORE_COLOUR);
        return chart;
    }

    /**
     * Exercise e's colour: the component colours for 1 to 7, then yellow and grey, then round again.
     *
     * @param exercise e, from 1
     * @return its bars' colour
     */
    static Color exerciseColour(int exercise) {
        int k = Math.floorMod(exercise - 1, COMPONENT_COLOURS + EXTRA_COLOURS.length);
        return k < COMPONENT_COLOURS ? ChartStyle.component(k) : EXTRA_COLOURS[k - COMPONENT_COLOURS];
    }
}
