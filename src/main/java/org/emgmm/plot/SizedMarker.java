package org.emgmm.plot;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.style.markers.Marker;

/**
 * An XChart marker with a size of its own. XChart's markers all take the chart's one marker size; the
 * pictures here need several in one chart (small points, large means, points that grow with their
 * uncertainty). XChart draws the legend's sample with the same marker, so the legend shows the size too.
 */
final class SizedMarker extends Marker {

    /** The shapes. */
    enum Shape {
        DOT, CROSS, RING, SQUARE, DIAMOND, TRIANGLE
    }

    /** A filled disc, for points. */
    static SizedMarker dot(double diameter) {
        return new SizedMarker(Shape.DOT, diameter);
    }

    /** An ×, for means: it marks a spot without hiding the points under it. */
    static SizedMarker cross(double size) {
        return new SizedMarker(Shape.CROSS, size);
    }

    /**
     * An outlined shape of this size: drawn over each other, outlines of different shapes and sizes stay
     * visible where filled markers would hide the ones below.
     */
    static SizedMarker outline(Shape shape, double size) {
        return new SizedMarker(shape, size);
    }

    /** Line width of the cross, in pixels at 72 dpi: visible over the points, thinner than the ellipses. */
    private static final float CROSS_LINE_WIDTH = 2.5f;

    /** Line width of the outlined shapes. */
    private static final float OUTLINE_WIDTH = 1.6f;

    private final Shape shape;
    private final double size;

    private SizedMarker(Shape shape, double size) {
        this.shape = shape;
        this.size = size;
    }

    /** Paints the marker centred on (x, y); XChart's own marker size is ignored. */
    @Override
    public void paint(Graphics2D g, double x, double y, int chartMarkerSize) {
        double half = size / 2.0;
        switch (shape) {
            case DOT -> g.fill(new Ellipse2D.Double(x - half, y - half, size, size));
            case CROSS -> {
                g.setStroke(new BasicStroke(CROSS_LINE_WIDTH));
                g.draw(new Line2D.Double(x - half, y - half, x + half, y + half));
                g.draw(new Line2D.Double(x - half, y + half, x + half, y - half));
            }
            case RING -> outlined(g, new Ellipse2D.Double(x - half, y - half, size, size));
            case SQUARE -> outlined(g, new Rectangle2D.Double(x - half, y - half, size, size));
            case DIAMOND -> outlined(g, polygon(new double[] {x, x + half, x, x - half},
                    new double[] {y - half, y, y + half, y}));
            case TRIANGLE -> outlined(g, polygon(new double[] {x, x + half, x - half},
                    new double[] {y - half, y + half, y + half}));
            default -> throw new IllegalStateException("unknown shape " + shape);
        }
    }

    private static void outlined(Graphics2D g, java.awt.Shape outline) {
        g.setStroke(new BasicStroke(OUTLINE_WIDTH));
        g.draw(outline);
    }

    private static Path2D polygon(double[] xs, double[] ys) {
        Path2D path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        path.closePath();
        return path;
    }
}
