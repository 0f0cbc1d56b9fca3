package org.emgmm.plot;

import java.util.List;
import java.util.Locale;
import org.emgmm.model.CovarianceType;
import org.emgmm.selection.Cell;
import org.emgmm.selection.Criterion;
import org.emgmm.selection.SelectionTable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * A criterion against the number of components, one line with markers per covariance type: mclust's
 * BIC plot ({@code plot(Mclust(...), what = "BIC")}), drawn with our sign. mclust plots
 * 2 L − p log N, so its best model is the highest point; here the values are −2 L + p log N, so the best
 * is the lowest, and the axis title says so. As in mclust, each type keeps one colour and one marker
 * shape whatever else is drawn, a K that could not be fitted (or whose fit collapsed, as mclust leaves
 * out singular covariances) leaves a gap in its line, and the legend
 * names the types (with mclust's name for the same model). A cross marks the cell the criterion picks.
 *
 * <p>Siblings: {@link SelectionPictures} renders it to files; {@link TraceChart} is the other line chart.
 */
final class CriterionChart {

    /** Marker size: larger than the trace's dots, so that the outlined shapes can be told apart. */
    static final double MARKER_SIZE = 10.0;

    /** The cross on the best cell: larger than the markers, so that it shows around one. */
    static final double BEST_MARK_SIZE = 18.0;

    /** Line width: the trace's. */
    static final float LINE_WIDTH = 2.0f;

    /** The colour of the best cell's cross: ChartStyle's black, which no type uses below. */
    private static final int BEST_COLOUR = 6;

    /** A tick label is written only at whole numbers of components; XChart may also put ticks between. */
    private static final double WHOLE = 1e-9;

    private CriterionChart() {
    }

    /** The chart of {@code criterion} over every cell of the table; failed cells are left out. */
    static XYChart draw(String source, SelectionTable table, Criterion criterion, int width, int height) {
        XYChart chart = ChartStyle.xyChart(String.format(Locale.ROOT, "%s: %s by number of components", source,
                criterion.title()), "number of components K", criterion.formula() + "  (lower is better)", width,
                height, ChartStyle.Layout.PICTURE);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(CriterionChart::wholeNumber);
        Cell chosen = table.best(criterion).orElseThrow();
        for (CovarianceType type : table.search().types()) {
            addType(chart, table, type, criterion, chosen);
        }
        XYSeries mark = chart.addSeries(String.format(Locale.ROOT, "lowest %s: K = %d, %s", criterion.title(),
                chosen.components(), chosen.type().label()), new double[] {chosen.components()},
                new double[] {criterion.of(chosen)});
        mark.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        mark.setMarker(SizedMarker.cross(BEST_MARK_SIZE));
        mark.setMarkerColor(ChartStyle.component(BEST_COLOUR));
        return chart;
    }

    /**
     * One type's line: y = the criterion at each K, NaN (a gap) where the cell failed or collapsed (not a
     * {@link SelectionTable#isCandidate candidate}). A type with no candidate draws nothing, and says so
     * in the legend.
     */
    private static void addType(XYChart chart, SelectionTable table, CovarianceType type, Criterion criterion,
            Cell anyCandidate) {
        List<Cell> cells = table.cellsOf(type);
        double[] ks = new double[cells.size()];
        double[] values = new double[cells.size()];
        boolean anyValue = false;
        for (int i = 0; i < cells.size(); i++) {
            boolean shown = table.isCandidate(cells.get(i));
            ks[i] = cells.get(i).components();
            values[i] = shown ? criterion.of(cells.get(i)) : Double.NaN;
            anyValue |= shown;
        }
        if (!anyValue) {
            ChartStyle.addLegendNote(chart, legendName(type) + ": no K fitted", anyCandidate.components(),
                    criterion.of(anyCandidate));
            return;
        }
        XYSeries series = ChartStyle.addLine(chart, legendName(type), ks, values, colour(type),
                ChartStyle.solid(LINE_WIDTH));
        series.setMarker(marker(type));
        series.setMarkerColor(colour(type));
    }

    /** "full (VVV)": our name, then mclust's name for the same model. */
    static String legendName(CovarianceType type) {
        return type.label() + " (" + mclustName(type) + ")";
    }

    /**
     * mclust's three-letter name of the model that a type is: volume, shape and orientation each Equal,
     * Variable or the Identity. full is VVV, diag VVI, spherical VII, tied EEE.
     */
    static String mclustName(CovarianceType type) {
        return switch (type) {
            case FULL -> "VVV";
            case DIAG -> "VVI";
            case SPHERICAL -> "VII";
            case TIED -> "EEE";
        };
    }

    /** Each type's colour, fixed by the type, so that pictures of different searches agree. */
    static java.awt.Color colour(CovarianceType type) {
        return ChartStyle.component(type.ordinal());
    }

    /** Each type's marker shape, fixed by the type, as mclust gives each model its own symbol. */
    private static SizedMarker marker(CovarianceType type) {
        SizedMarker.Shape shape = switch (type) {
            case FULL -> SizedMarker.Shape.RING;
            case DIAG -> SizedMarker.Shape.SQUARE;
            case SPHERICAL -> SizedMarker.Shape.TRIANGLE;
            case TIED -> SizedMarker.Shape.DIAMOND;
        };
        return SizedMarker.outline(shape, MARKER_SIZE);
    }

    /** "3" at K = 3, nothing between whole numbers. */
    private static String wholeNumber(Double x) {
        long rounded = Math.round(x);
        return Math.abs(x - rounded) < WHOLE ? String.valueOf(rounded) : "";
    }
}
