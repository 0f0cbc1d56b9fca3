package org.emgmm.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Datasets;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Initialisation;
import org.emgmm.model.GaussianMixture;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The uncertainty picture keeps the clusters visible: colour by component, shade by uncertainty. */
class UncertaintyChartTest {

    private static final DataMatrix OLD_FAITHFUL = Datasets.load("old-faithful", List.of(), null).data();
    private static final ColumnPair COLUMNS = ColumnPair.choose(OLD_FAITHFUL.columnNames(), null, null);

    /** On Old Faithful nearly every point is sure; the sure points of the two components still differ. */
    @Test
    void theComponentsOfOneBandHaveDifferentColours() {
        GaussianMixture start = Initialisation.randomPoints(OLD_FAITHFUL, 2, 1);
        GaussianMixture fitted = new VectorisedEm().fit(OLD_FAITHFUL, start, EmSettings.defaults()).model();
        XYChart chart = UncertaintyChart.draw("old-faithful", OLD_FAITHFUL, fitted, COLUMNS, 800, 600);
        Map<String, Set<Color>> coloursByBand = new HashMap<>();
        int points = 0;
        for (XYSeries series : chart.getSeriesCollection()) {
            String name = series.getName();
            if (name.startsWith("u ") || name.contains("≤ u")) {
                String band = name.substring(0, name.indexOf(", component"));
                coloursByBand.computeIfAbsent(band, b -> new HashSet<>()).add(series.getMarkerColor());
                points += series.getXData().length;
            }
        }
        assertEquals(OLD_FAITHFUL.rows(), points, "every point drawn once");
        assertEquals(2, coloursByBand.get("u < 0.01").size(), "the sure points: " + coloursByBand);
    }

    @Test
    void eachComponentKeepsItsHueFromPaleToDark() {
        Color blue = ChartStyle.component(0);
        Color pale = UncertaintyChart.shade(0, 0);
        Color dark = UncertaintyChart.shade(0, UncertaintyChart.BREAKS.length);
        assertTrue(brightness(pale) > brightness(blue) && brightness(blue) > brightness(dark));
        assertTrue(pale.getBlue() > pale.getRed() && dark.getBlue() > dark.getRed(), "still blue: " + pale + dark);
        assertTrue(!UncertaintyChart.shade(0, 0).equals(UncertaintyChart.shade(1, 0)));
    }

    private static int brightness(Color colour) {
        return colour.getRed() + colour.getGreen() + colour.getBlue();
    }
}
