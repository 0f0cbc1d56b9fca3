package org.emgmm.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look all charts share: white background, light grid, one colour per component, and fonts sized
 * either for a picture of its own or for a panel of the evolution grid. Every colour is fixed, so the
 * same input always gives the same picture. Public for the instructors' class report, which shares it.
 */
public final class ChartStyle {

    /** How large a chart is drawn, which sets its fonts, where its legend goes and what it lists. */
    public enum Layout {
        /** A picture of its own: legend outside, on the right, clear of the data, listing every series. */
        PICTURE(16, 14, 12, 12, LegendPosition.OutsideE, true),
        /**
         * A panel of the evolution grid or a frame of its animation, half a picture's size: smaller fonts, and
         * a short legend, one line per component, whose width does not change from iteration to iteration
         * (no point counts), so that the plot stays put while the components move.
         */
        PANEL(12, 11, 10, 10, LegendPosition.OutsideE, false);

        final int titleSize;
        final int axisTitleSize;
        final int tickSize;
        final int legendSize;
        final LegendPosition legendPosition;
        /** Whether the legend lists every series, or only one line per component. */
        final boolean fullLegend;

        Layout(int titleSize, int axisTitleSize, int tickSize, int legendSize, LegendPosition legendPosition,
                boolean fullLegend) {
            this.titleSize = titleSize;
            this.axisTitleSize = axisTitleSize;
            this.tickSize = tickSize;
            this.legendSize = legendSize;
            this.legendPosition = legendPosition;
            this.fullLegend = fullLegend;
        }
    }

    /**
     * Okabe and Ito's colours (2008), which readers with any kind of colour blindness can tell apart; their
     * yellow is left out, as it hardly shows on white. Component k gets colour k mod 7.
     */
    private static final Color[] COMPONENT_COLOURS = {
        new Color(0x0072B2), // blue
        new Color(0xD55E00), // vermillion
        new Color(0x009E73), // bluish green
        new Color(0xCC79A7), // reddish purple
        new Color(0xE69F00), // orange
        new Color(0x56B4E9), // sky blue
        new Color(0x000000), // black
    };

    /** Opacity of points (of 255): where points overlap the colour deepens, so dense regions show. */
    static final int POINT_ALPHA = 160;

    /** Grid lines: light enough to read values by, without competing with the data. */
    private static final Color GRID_COLOUR = new Color(0xDDDDDD);

    /** Font family: the platform's sans-serif (DejaVu Sans on most Linux machines). */
    private static final String FONT = Font.SANS_SERIF;

    private ChartStyle() {
    }

    /**
     * Component k's colour.
     *
     * @param k the component, from 0
     * @return colour k mod 7
     */
    public static Color component(int k) {
        return COMPONENT_COLOURS[k % COMPONENT_COLOURS.length];
    }

    /** {@code colour} with opacity {@code alpha} out of 255. */
    static Color withAlpha(Color colour, int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
    }

    /** A solid line {@code width} pixels wide (at 72 dpi). */
    static BasicStroke solid(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** An empty XY chart with a title, axis titles and the shared look. */
    static XYChart xyChart(String title, String xTitle, String yTitle, int width, int height, Layout layout) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        applyLook(chart.getStyler(), layout);
        return chart;
    }

    /**
     * An empty bar chart (categories along x) with a title, axis titles and the shared look.
     *
     * @param title  the chart's title
     * @param xTitle the x axis' title
     * @param yTitle the y axis' title
     * @param width  in points (pixels at 72 dpi)
     * @param height in points
     * @param layout the fonts and legend for the chart's size
     * @return the chart, without series
     */
    public static CategoryChart categoryChart(String title, String xTitle, String yTitle, int width, int height,
            Layout layout) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        applyLook(chart.getStyler(), layout);
        return chart;
    }

    /** The shared look: white background, light grid, the layout's fonts and legend position. */
    private static void applyLook(AxesChartStyler styler, Layout layout) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.GRAY);
        styler.setPlotGridLinesColor(GRID_COLOUR);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setLegendPosition(layout.legendPosition);
        styler.setChartTitleFont(new Font(FONT, Font.BOLD, layout.titleSize));
        styler.setAxisTitleFont(new Font(FONT, Font.PLAIN, layout.axisTitleSize));
        styler.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, layout.tickSize));
        styler.setLegendFont(new Font(FONT, Font.PLAIN, layout.legendSize));
        styler.setChartTitleBoxVisible(false);
        // No tooltips: XChart 4 collects them only for a chart shown in its Swing panel, never in a file.
    }

    /** Points as translucent dots of one colour. */
    static XYSeries addPoints(XYChart chart, String name, double[] xs, double[] ys, Color colour, double diameter) {
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SizedMarker.dot(diameter));
        series.setMarkerColor(colour);
        return series;
    }

    /**
     * A line of text in the legend, with no sample and nothing drawn in the plot: a series of one point,
     * (x, y), which should lie within the axes so as not to widen them, drawn with no marker and no line.
     */
    static XYSeries addLegendNote(XYChart chart, String text, double x, double y) {
        XYSeries series = chart.addSeries(text, new double[] {x}, new double[] {y});
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    /** A line through the points in order, without markers. */
    static XYSeries addLine(XYChart chart, String name, double[] xs, double[] ys, Color colour, BasicStroke stroke) {
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
        series.setLineStyle(stroke);
        return series;
    }

    /** Fixes the axes to {@code bounds}, so that pictures compared with each other share them. */
    static void setBounds(XYChart chart, Bounds bounds) {
        chart.getStyler().setXAxisMin(bounds.xMin()).setXAxisMax(bounds.xMax());
        chart.getStyler().setYAxisMin(bounds.yMin()).setYAxisMax(bounds.yMax());
    }
}
