package org.emgmm.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.List;

/**
 * Panels of one size side by side, row by row, like matplotlib's {@code plt.subplots(rows, columns)}:
 * <pre>
 *   panel p sits in row ⌊p / columns⌋, column p mod columns, with its top-left corner at
 *   (column · panelWidth, row · panelHeight)
 *   rows = ⌈panels / columns⌉,   grid size = columns · panelWidth × rows · panelHeight
 * </pre>
 * Cells of the last row without a panel stay white.
 *
 * @param name    the file name without extension
 * @param panels  at least one, all of the first panel's size
 * @param columns panels per row, at least 1
 */
public record GridPicture(String name, List<Picture> panels, int columns) implements Picture {

    /**
     * Checks that there is a panel and a column, and that every panel has the first one's size.
     *
     * @param name    the file name without extension
     * @param panels  at least one, all of one size. Copied.
     * @param columns panels per row, at least 1
     * @throws IllegalArgumentException if there is no panel or column, or the panels differ in size
     */
    public GridPicture {
        panels = List.copyOf(panels);
        if (panels.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("a grid needs at least one panel and one column");
        }
        for (Picture panel : panels) {
            if (panel.width() != panels.get(0).width() || panel.height() != panels.get(0).height()) {
                throw new IllegalArgumentException("the panels of a grid must all have one size");
            }
        }
    }

    /** {@return the number of rows, ⌈panels / columns⌉} */
    public int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    /** {@return the width of each panel, in user-space units} */
    public int panelWidth() {
        return panels.get(0).width();
    }

    /** {@return the height of each panel, in user-space units} */
    public int panelHeight() {
        return panels.get(0).height();
    }

    @Override
    public int width() {
        return columns * panelWidth();
    }

    @Override
    public int height() {
        return rows() * panelHeight();
    }

    @Override
    public void paint(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        for (int p = 0; p < panels.size(); p++) {
            paintPanel(g, p);
        }
    }

    /** Panel p, in its own copy of the graphics so that what it changes does not reach the next one. */
    private void paintPanel(Graphics2D g, int p) {
        Graphics2D cell = (Graphics2D) g.create();
        try {
            cell.translate((p % columns) * panelWidth(), (p / columns) * panelHeight());
            cell.clipRect(0, 0, panelWidth(), panelHeight());
            panels.get(p).paint(cell);
        } finally {
            cell.dispose();
        }
    }
}
