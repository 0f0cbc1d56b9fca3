package org.emgmm.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlotSettingsTest {

    private static final List<String> IRIS = List.of("Sepal.Length", "Sepal.Width", "Petal.Length", "Petal.Width");

    private static String refused(int width, int height, int dpi, List<Integer> iterations) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PlotSettings(width, height, dpi, PictureFormat.all(), iterations, null, null));
        return e.getMessage();
    }

    @Test
    void theDefaultsAreValid() {
        PlotSettings defaults = PlotSettings.defaults();
        assertEquals(800, defaults.width());
        assertEquals(List.of(0, 1, 5, 10, 25, 40), defaults.iterations());
        assertEquals(EnumSet.allOf(PictureFormat.class), defaults.formats());
    }

    @Test
    void outOfRangeValuesAreRefusedWithWhatToGive() {
        assertTrue(refused(800, 600, 0, List.of(0)).startsWith("--dpi 0 "));
        assertTrue(refused(800, 600, -72, List.of(0)).startsWith("--dpi -72 "));
        assertTrue(refused(199, 600, 72, List.of(0)).startsWith("--width 199 is out of range"));
        assertTrue(refused(800, 4001, 72, List.of(0)).startsWith("--height 4001 is out of range"));
        assertTrue(refused(4000, 600, 600, List.of(0)).contains("pixels, more than 8000"));
        assertTrue(refused(800, 600, 72, List.of(0, -1)).startsWith("--iterations has -1"));
        assertTrue(refused(800, 600, 72, List.of()).startsWith("--iterations gives 0 panels"));
        assertTrue(refused(800, 600, 72, List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)).contains("13 panels"));
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        new PlotSettings(PlotSettings.MIN_SIZE, PlotSettings.MAX_SIZE, 144, PictureFormat.all(),
                List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), null, null);
    }

    @Test
    void formatsAreParsedByExtension() {
        assertEquals(EnumSet.of(PictureFormat.PNG, PictureFormat.GIF), PictureFormat.parse(List.of("PNG", " gif")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PictureFormat.parse(List.of("png", "jpg")));
        assertEquals("unknown picture format 'jpg' in --format: choose from png, svg, gif", e.getMessage());
    }

    @Test
    void columnsAreChosenByNameOrIndexWithDefaults() {
        assertEquals(new ColumnPair(0, 1, "Sepal.Length", "Sepal.Width"), ColumnPair.choose(IRIS, null, null));
        assertEquals(new ColumnPair(2, 3, "Petal.Length", "Petal.Width"),
                ColumnPair.choose(IRIS, "Petal.Length", "4"));
        assertEquals(new ColumnPair(1, 0, "Sepal.Width", "Sepal.Length"), ColumnPair.choose(IRIS, null, "1"),
                "x is the first column not taken by y");
        assertEquals(new ColumnPair(0, 2, "Sepal.Length", "Petal.Length"), ColumnPair.choose(IRIS, null, "3"));
    }

    @Test
    void badColumnsAreRefused() {
        String unknown = assertThrows(IllegalArgumentException.class, () -> ColumnPair.choose(IRIS, "petal", null))
                .getMessage();
        assertTrue(unknown.startsWith("unknown column 'petal' for --x: choose one of Sepal.Length"), unknown);
        assertThrows(IllegalArgumentException.class, () -> ColumnPair.choose(IRIS, null, "5"));
        String same = assertThrows(IllegalArgumentException.class, () -> ColumnPair.choose(IRIS, "3", "Petal.Length"))
                .getMessage();
        assertEquals("--x and --y both choose column 'Petal.Length': choose two different columns", same);
        assertThrows(IllegalArgumentException.class, () -> ColumnPair.choose(List.of("x1"), null, null));
    }
}
