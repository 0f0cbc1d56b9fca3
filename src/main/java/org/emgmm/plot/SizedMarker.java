package org.emgmm.plot;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import org.knowm.xchart.style.markers.Marker;

/**
 * An XChart marker with a size of its own. XChart's markers all take the chart's one marker size; the
 * pictures here need several in one chart (small points, large means, points that grow with their
 * uncertainty). XChart draws the legend's sample with the same marker, so the legend shows the size too.
 */
final class SizedMarker extends Marker {

    /** A filled disc, for points. */
    static SizedMarker dot(double diameter) {
        return new SizedMarker(false, diameter);
    }

    /** An ×, for means: it marks a spot without hiding the points under it. */
    static SizedMarker cross(double size) {
        return new SizedMarker(true, size);
    }

    /** Line width of the cross, in pixels at 72 dpi: visible over the points, thinner than the ellipses. */
    private static final float CROSS_LINE_WIDTH = 2.5f;

    private final boolean cross;
    private final double size;

    private SizedMarker(boolean cross, double size) {
        this.cross = cross;
        this.size = size;
    }

    /** Paints the marker centred on (x, y); XChart's own marker size is ignored. */
    @Override
    public void paint(Graphics2D g, double x, double y, int chartMarkerSize) {
        double half = size / 2.0;
        if (cross) {
            g.setStroke(new BasicStroke(CROSS_LINE_WIDTH));
            g.draw(new Line2D.Double(x - half, y - half, x + half, y + half));
            g.draw(new Line2D.Double(x - half, y + half, x + half, y - half));
        } else {
            g.fill(new Ellipse2D.Double(x - half, y - half, size, size));
        }
    }
}
