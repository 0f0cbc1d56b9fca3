package org.emgmm.plot;

import java.awt.Graphics2D;

/**
 * Something that can be drawn: a name (its file name without the extension), a size, and a way to paint
 * itself on any {@link Graphics2D}. A bitmap's Graphics2D gives the PNG and the GIF frames, the vector
 * one of VectorGraphics2D gives the SVG: one paint method for every format, so the files of one picture
 * show the same thing.
 *
 * <p>Sizes are in Java 2D's user-space units, 1/72 inch: at 72 dpi one unit is one pixel (see
 * {@link PictureEncoder#pixels}).
 *
 * <p>The kinds: {@link ChartPicture}, one XChart chart, {@link GridPicture}, panels side by side, and
 * {@code LegendedGrid}, a grid under one legend.
 */
public interface Picture {

    /** {@return the file name without extension, e.g. {@code clusters}} */
    String name();

    /** {@return the width in user-space units (pixels at 72 dpi)} */
    int width();

    /** {@return the height in user-space units (pixels at 72 dpi)} */
    int height();

    /**
     * Paints the picture into the box (0, 0)–(width, height) of {@code g}.
     *
     * @param g where to paint; its transform, clip and colours may be changed
     */
    void paint(Graphics2D g);
}
