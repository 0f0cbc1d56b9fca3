package org.emgmm.plot;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How the pictures are drawn: their size and resolution, the file formats, the iterations shown in the
 * evolution grid, and the two columns that two-dimensional pictures show.
 *
 * <p><b>Size and resolution.</b> {@code width} × {@code height} is the size of a picture at 72 dpi, in
 * pixels. At another resolution the drawing is scaled by dpi / 72, so it looks the same, only sharper:
 * <pre>
 *   PNG pixels = round(width · dpi / 72) × round(height · dpi / 72)
 * </pre>
 * (e.g. 800×600 at 144 dpi is 1600×1200 pixels), and the PNG records the resolution. An SVG has no
 * pixels: it is always width × height units. The evolution grid is made of panels half as wide and half
 * as high as a picture (see {@link EvolutionPictures}).
 *
 * @param width      at least {@link #MIN_SIZE}, at most {@link #MAX_SIZE}
 * @param height     at least {@link #MIN_SIZE}, at most {@link #MAX_SIZE}
 * @param dpi        dots per inch, from 1 to {@link #MAX_DPI}; and the scaled size at most {@link #MAX_PIXELS}
 * @param formats    at least one
 * @param iterations the evolution grid's iterations, in panel order: each ≥ 0, between 1 and
 *                   {@link #MAX_PANELS} of them
 * @param xColumn    the column on the horizontal axis of 2-D pictures, by name or 1-based index; null for
 *                   the first column that is not {@code yColumn}
 * @param yColumn    the column on the vertical axis, likewise; null for the first column that is not the x one
 */
public record PlotSettings(int width, int height, int dpi, Set<PictureFormat> formats, List<Integer> iterations,
        String xColumn, String yColumn) {

    /** Default width: a picture that fits beside text on a laptop screen at 72 dpi. */
    public static final int DEFAULT_WIDTH = 800;

    /** Default height: 4:3 with the default width, room for a legend beside a square-ish plot. */
    public static final int DEFAULT_HEIGHT = 600;

    /** Default resolution: 72 dpi, where a picture's pixels are its size as asked. */
    public static final int DEFAULT_DPI = 72;

    /** Seed 003's snapshots: the start, the first step, and four later ones as EM slows down. */
    public static final List<Integer> DEFAULT_ITERATIONS = List.of(0, 1, 5, 10, 25, 40);

    /** Below 200 pixels the title, axis labels and legend leave no room for the plot itself. */
    public static final int MIN_SIZE = 200;

    /** 4000 pixels is wider than any screen; anything larger is better asked for with --dpi. */
    public static final int MAX_SIZE = 4000;

    /** 600 dpi is print quality; more only makes files larger. */
    public static final int MAX_DPI = 600;

    /**
     * The largest side of a PNG after scaling by dpi / 72. An 8000×8000 RGB bitmap takes 256 MB while it is
     * drawn; larger ones risk running out of memory.
     */
    public static final int MAX_PIXELS = 8000;

    /** Four rows of three: with more, each panel of the grid is too small to read. */
    public static final int MAX_PANELS = 12;

    /**
     * Checks every setting, with a message naming the option to change.
     *
     * @param width      at 72 dpi, {@value #MIN_SIZE} to {@value #MAX_SIZE}
     * @param height     at 72 dpi, {@value #MIN_SIZE} to {@value #MAX_SIZE}
     * @param dpi        1 to {@value #MAX_DPI}
     * @param formats    at least one. Copied.
     * @param iterations 1 to {@value #MAX_PANELS} iterations, each ≥ 0. Copied.
     * @param xColumn    the horizontal axis's column, or null
     * @param yColumn    the vertical axis's column, or null
     * @throws IllegalArgumentException if a setting is out of range
     */
    public PlotSettings {
        formats = formats.isEmpty() ? EnumSet.noneOf(PictureFormat.class) : EnumSet.copyOf(formats);
        iterations = List.copyOf(iterations);
        requireSize("--width", width);
        requireSize("--height", height);
        requireDpi(dpi, width, height);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no picture format chosen: give --format with png, svg and/or gif");
        }
        requireIterations(iterations);
    }

    /** {@return the defaults: 800×600 at 72 dpi, every format, seed 003's iterations, the first two columns} */
    public static PlotSettings defaults() {
        return new PlotSettings(DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_DPI, PictureFormat.all(), DEFAULT_ITERATIONS,
                null, null);
    }

    /**
     * Whether files of this format are wanted.
     *
     * @param format PNG, SVG or GIF
     * @return true if it is one of {@link #formats}
     */
    public boolean wants(PictureFormat format) {
        return formats.contains(format);
    }

    private static void requireSize(String option, int size) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException(option + " " + size + " is out of range: give a size from " + MIN_SIZE
                    + " to " + MAX_SIZE + " pixels (at 72 dpi; use --dpi for larger bitmaps)");
        }
    }

    private static void requireDpi(int dpi, int width, int height) {
        if (dpi < 1 || dpi > MAX_DPI) {
            throw new IllegalArgumentException("--dpi " + dpi + " is not a usable resolution: give dots per inch from 1"
                    + " to " + MAX_DPI + " (72 draws pictures at the size asked)");
        }
        int largest = PictureEncoder.pixels(Math.max(width, height), dpi);
        if (largest > MAX_PIXELS) {
            throw new IllegalArgumentException("--dpi " + dpi + " makes a side of the picture " + largest
                    + " pixels, more than " + MAX_PIXELS + ": lower --dpi, --width or --height");
        }
    }

    private static void requireIterations(List<Integer> iterations) {
        if (iterations.isEmpty() || iterations.size() > MAX_PANELS) {
            throw new IllegalArgumentException("--iterations gives " + iterations.size() + " panels: give from 1 to "
                    + MAX_PANELS + " iterations, e.g. 0,1,5,10,25,40");
        }
        for (int t : iterations) {
            if (t < 0) {
                throw new IllegalArgumentException("--iterations has " + t + ": iterations are counted from 0 (the"
                        + " start); give numbers 0 or more");
            }
        }
    }
}
