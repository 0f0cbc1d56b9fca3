package org.emgmm.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridPictureTest {

    /** A panel filled with one colour, so that where it lands can be read off the grid's pixels. */
    private record Solid(Color colour, int width, int height) implements Picture {
        @Override
        public String name() {
            return "solid";
        }

        @Override
        public void paint(Graphics2D g) {
            g.setColor(colour);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.WHITE);
            g.fillRect(-width, height / 2, width, 1); // over the panel to its left, unless the grid clips it
        }
    }

    private static List<Picture> panels(int count) {
        List<Picture> panels = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            panels.add(new Solid(new Color(10 * p, 100, 200), 40, 30));
        }
        return panels;
    }

    @Test
    void panelPGoesToRowPDivColumnsAndColumnPModColumns() {
        GridPicture grid = new GridPicture("grid", panels(5), 3);
        assertEquals(2, grid.rows());
        assertEquals(120, grid.width());
        assertEquals(60, grid.height());
        BufferedImage image = PictureEncoder.bitmap(grid, 72);
        for (int p = 0; p < 5; p++) {
            int x = (p % 3) * 40 + 20;
            int y = (p / 3) * 30 + 15;
            assertEquals(new Color(10 * p, 100, 200).getRGB(), image.getRGB(x, y), "centre of panel " + p
                    + " (painted by it, not over by the next)");
        }
        assertEquals(Color.WHITE.getRGB(), image.getRGB(2 * 40 + 20, 30 + 15), "the sixth cell has no panel");
    }

    @Test
    void panelsMustShareOneSize() {
        List<Picture> mixed = List.of(new Solid(Color.RED, 40, 30), new Solid(Color.RED, 41, 30));
        assertThrows(IllegalArgumentException.class, () -> new GridPicture("grid", mixed, 2));
    }
}
