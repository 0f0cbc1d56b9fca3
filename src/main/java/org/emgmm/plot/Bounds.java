package org.emgmm.plot;

import org.emgmm.data.DataMatrix;

/**
 * The rectangle [xMin, xMax] × [yMin, yMax] a two-dimensional picture shows. Pictures that are compared
 * with each other (the panels of the evolution grid, the frames of the animation) share one, so that a
 * component that moves on screen has moved in the data.
 */
record Bounds(double xMin, double xMax, double yMin, double yMax) {

    /** The smallest rectangle holding every point of the two columns. */
    static Bounds of(DataMatrix data, ColumnPair columns) {
        Bounds bounds = new Bounds(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY);
        for (int i = 0; i < data.rows(); i++) {
            bounds = bounds.including(data.get(i, columns.x()), data.get(i, columns.y()));
        }
        return bounds;
    }

    /** This rectangle grown to hold the point (x, y). */
    Bounds including(double x, double y) {
        return new Bounds(Math.min(xMin, x), Math.max(xMax, x), Math.min(yMin, y), Math.max(yMax, y));
    }

    /** This rectangle grown to hold every vertex of a polygon {xs, ys}. */
    Bounds including(double[][] polygon) {
        Bounds bounds = this;
        for (int v = 0; v < polygon[0].length; v++) {
            bounds = bounds.including(polygon[0][v], polygon[1][v]);
        }
        return bounds;
    }

    /** This rectangle with {@code fraction} of its width and height added on every side. */
    Bounds padded(double fraction) {
        double dx = fraction * spanOrOne(xMax - xMin);
        double dy = fraction * spanOrOne(yMax - yMin);
        return new Bounds(xMin - dx, xMax + dx, yMin - dy, yMax + dy);
    }

    /** A zero span (every point on one line) would give a zero-width picture: pad by one unit instead. */
    private static double spanOrOne(double span) {
        return span > 0.0 ? span : 1.0;
    }
}
