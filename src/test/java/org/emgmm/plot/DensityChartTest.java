package org.emgmm.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.emgmm.model.GaussianMixture;
import org.junit.jupiter.api.Test;

class DensityChartTest {

    private static final GaussianMixture TWO_BUMPS = GaussianMixture.of(new double[] {0.3, 0.7},
            new double[][] {{-2.0, 0.0}, {3.0, 1.0}},
            new double[][][] {{{1.0, 0.3}, {0.3, 0.5}}, {{0.8, -0.2}, {-0.2, 1.5}}});

    /**
     * Cell (row, col) holds p at its centre, so the grid's Riemann sum Σ p · cell area is the integral of p
     * over the window: almost 1 when the window holds nearly all the mass (here ±8 standard deviations).
     */
    @Test
    void theGridHoldsTheDensityAtCellCentres() {
        Bounds window = new Bounds(-12.0, 12.0, -10.0, 12.0);
        double[] density = DensityChart.evaluate(TWO_BUMPS, window);
        int n = DensityChart.GRID_CELLS;
        double cellArea = (24.0 / n) * (22.0 / n);
        double integral = 0.0;
        for (double p : density) {
            integral += p * cellArea;
        }
        assertEquals(1.0, integral, 1e-3);
        int row = 17;
        int col = 42;
        double[] centre = {-12.0 + (col + 0.5) * 24.0 / n, -10.0 + (row + 0.5) * 22.0 / n};
        assertEquals(Math.exp(TWO_BUMPS.logDensity(centre)), density[row * n + col], 1e-15);
    }

    @Test
    void bandsCutZeroToTheMaximumIntoEqualParts() {
        assertEquals(0, DensityChart.band(0.0, 2.0));
        assertEquals(0, DensityChart.band(0.19, 2.0));
        assertEquals(1, DensityChart.band(0.2, 2.0));
        assertEquals(5, DensityChart.band(1.1, 2.0));
        assertEquals(DensityChart.LEVELS - 1, DensityChart.band(2.0, 2.0), "the peak is in the top band");
    }

    @Test
    void uncertaintyBandsAreCutAtTheBreaks() {
        assertEquals(0, UncertaintyChart.band(0.0));
        assertEquals(0, UncertaintyChart.band(0.009));
        assertEquals(1, UncertaintyChart.band(0.01));
        assertEquals(2, UncertaintyChart.band(0.2));
        assertEquals(3, UncertaintyChart.band(0.5));
    }
}
