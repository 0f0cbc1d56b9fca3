package org.emgmm.plot;

import java.awt.Graphics2D;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A picture that is one XChart chart, at the size the chart was built with.
 *
 * @param name  the file name without extension
 * @param chart the chart; its own width and height are the picture's
 */
public record ChartPicture(String name, Chart<?, ?> chart) implements Picture {

    @Override
    public int width() {
        return chart.getWidth();
    }

    @Override
    public int height() {
        return chart.getHeight();
    }

    @Override
    public void paint(Graphics2D g) {
        chart.paint(g, width(), height());
    }
}
