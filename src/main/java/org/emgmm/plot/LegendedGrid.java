package org.emgmm.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.List;

/**
 * A grid of panels under one legend for all of them: a strip {@link #STRIP_HEIGHT} high naming each
 * component beside a dot of its colour and ending with a note without a dot, then the grid. The panels, which draw no legend of their own,
 * keep the room a legend would take for the plot.
 *
 * @param grid    the panels
 * @param entries the legend's entries, entry k beside component k's colour
 * @param note    what the marks mean, after the entries; may be empty
 */
record LegendedGrid(GridPicture grid, List<String> entries, String note) implements Picture {

    /** The strip's height: one line of legend text at {@link #FONT_SIZE} with room above and below. */
    static final int STRIP_HEIGHT = 28;

    /** The legend's font size, that of a picture's own legend. */
    private static final int FONT_SIZE = 12;

    /** Diameter of the colour dot before each entry, and the gap after it. */
    private static final int DOT = 10;

    /** Space between one entry and the next, and before the first. */
    private static final int GAP = 24;

    LegendedGrid {
        entries = List.copyOf(entries);
    }

    @Override
    public String name() {
        return grid.name();
    }

    @Override
    public int width() {
        return grid.width();
    }

    @Override
    public int height() {
        return STRIP_HEIGHT + grid.height();
    }

    @Override
    public void paint(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, FONT_SIZE));
        FontMetrics metrics = g.getFontMetrics();
        int baseline = (STRIP_HEIGHT + metrics.getAscent() - metrics.getDescent()) / 2;
        int x = GAP;
        for (int k = 0; k < entries.size(); k++) {
            g.setColor(ChartStyle.component(k));
            g.fillOval(x, (STRIP_HEIGHT - DOT) / 2, DOT, DOT);
            x += DOT + DOT / 2;
            g.setColor(Color.BLACK);
            g.drawString(entries.get(k), x, baseline);
            x += metrics.stringWidth(entries.get(k)) + GAP;
        }
        g.drawString(note, x, baseline);
        Graphics2D below = (Graphics2D) g.create();
        try {
            below.translate(0, STRIP_HEIGHT);
            grid.paint(below);
        } finally {
            below.dispose();
        }
    }
}
