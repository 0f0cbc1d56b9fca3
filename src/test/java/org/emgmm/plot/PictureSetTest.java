package org.emgmm.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Datasets;
import org.emgmm.data.LabelledData;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Initialisation;
import org.emgmm.model.GaussianMixture;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pictures as files: which are made for which data, that each decodes at the size asked and is not
 * blank, and that the evolution grid holds the panels asked for. Pictures are drawn small (320×240) to
 * keep the tests fast; {@code ReadmePicturesIT} covers the default size.
 */
class PictureSetTest {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    private static final int PANEL_WIDTH = WIDTH / EvolutionPictures.PANEL_DIVISOR;
    private static final int PANEL_HEIGHT = HEIGHT / EvolutionPictures.PANEL_DIVISOR;

    private static PlotInput oldFaithful;
    private static Map<String, byte[]> everything;

    @BeforeAll
    static void drawOldFaithfulInEveryFormat() {
        oldFaithful = fitted("old-faithful", List.of(), 2);
        everything = render(oldFaithful, settings(PictureFormat.all(), 72, PlotSettings.DEFAULT_ITERATIONS, null,
                null));
    }

    /** The data set's columns fitted by vectorised EM from seeded random points. */
    private static PlotInput fitted(String data, List<String> columns, int components) {
        LabelledData loaded = Datasets.load(data, columns, null);
        DataMatrix points = loaded.data();
        GaussianMixture start = Initialisation.randomPoints(points, components, 1);
        EmRun run = EmRun.of(new VectorisedEm(), points, start, EmSettings.defaults());
        return new PlotInput(loaded.source(), points, run.result().model(), run);
    }

    private static PlotSettings settings(Set<PictureFormat> formats, int dpi, List<Integer> iterations, String x,
            String y) {
        return new PlotSettings(WIDTH, HEIGHT, dpi, formats, iterations, x, y);
    }

    /** File name → bytes, in the order rendered. */
    private static Map<String, byte[]> render(PlotInput input, PlotSettings settings) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (PictureFile file : PictureSet.render(input, settings)) {
            files.put(file.fileName(), file.bytes());
        }
        return files;
    }

    @Test
    void comparedRunsAreOverlaidOnTheTrace() {
        EmRun loops = EmRun.of(new org.emgmm.loops.LoopsEm(), oldFaithful.data(), oldFaithful.run().start(),
                oldFaithful.run().settings());
        PlotInput compared = new PlotInput(oldFaithful.source(), oldFaithful.data(), oldFaithful.model(),
                oldFaithful.run(), List.of(loops));
        List<TraceChart.Trace> traces = PictureSet.traces(compared);
        assertEquals(2, traces.size());
        assertTrue(traces.get(0).name().startsWith("vectorised: "), traces.get(0).name());
        assertTrue(traces.get(1).name().startsWith("loops: "), traces.get(1).name());
        assertArrayEquals(loops.result().trace(), traces.get(1).values());
        assertEquals(1, PictureSet.traces(oldFaithful).size(), "one run, one line");
    }

    @Test
    void twoColumnsGetEveryPictureButTheHistogramInEveryFormat() {
        assertEquals(List.of("clusters.png", "clusters.svg", "evolution.png", "evolution.svg", "evolution.gif",
                "density.png", "density.svg", "uncertainty.png", "uncertainty.svg", "trace.png", "trace.svg"),
                List.copyOf(everything.keySet()));
    }

    @Test
    void everyPngDecodesAtTheSizeAskedAndIsNotBlank() throws Exception {
        for (String name : List.of("clusters", "density", "uncertainty", "trace")) {
            BufferedImage image = Images.decode(everything.get(name + ".png"));
            assertEquals(WIDTH, image.getWidth(), name);
            assertEquals(HEIGHT, image.getHeight(), name);
            Images.assertNotBlank(image, name);
        }
    }

    @Test
    void everySvgIsWellFormedXml() throws Exception {
        for (String name : List.of("clusters", "evolution", "density", "uncertainty", "trace")) {
            Images.parseSvg(everything.get(name + ".svg"));
        }
    }

    /**
     * Seed 003's six iterations, of which this run reaches those up to its last, T: one panel each, rows of
     * three, each half the picture's width and height.
     */
    @Test
    void theDefaultGridHoldsAPanelForEachIterationReachedInRowsOfThree() throws Exception {
        int panels = EvolutionPictures.shownIterations(PlotSettings.DEFAULT_ITERATIONS,
                oldFaithful.run().result().iterations()).size();
        BufferedImage grid = Images.decode(everything.get("evolution.png"));
        assertEquals(3 * PANEL_WIDTH, grid.getWidth());
        assertEquals(2 * PANEL_HEIGHT, grid.getHeight());
        assertPanels(grid, panels, 3, 2);
    }

    /** T + 1 frames, iterations 0 .. T, each the size of a panel. */
    @Test
    void theAnimationHasAFrameForEveryIteration() throws Exception {
        List<BufferedImage> frames = Images.gifFrames(everything.get("evolution.gif"));
        assertEquals(oldFaithful.run().result().iterations() + 1, frames.size());
        assertEquals(PANEL_WIDTH, frames.get(0).getWidth());
        assertEquals(PANEL_HEIGHT, frames.get(0).getHeight());
        Images.assertNotBlank(frames.get(frames.size() - 1), "the last frame");
    }

    /** Four iterations: three in the first row, one in the second, two cells empty. */
    @Test
    void aCustomListOfIterationsGivesThatManyPanels() throws Exception {
        Map<String, byte[]> files = render(oldFaithful, settings(EnumSet.of(PictureFormat.PNG), 72,
                List.of(0, 2, 4, 100), null, null));
        BufferedImage grid = Images.decode(files.get("evolution.png"));
        assertEquals(3 * PANEL_WIDTH, grid.getWidth());
        assertEquals(2 * PANEL_HEIGHT, grid.getHeight());
        assertPanels(grid, 4, 3, 2);
        Map<String, byte[]> two = render(oldFaithful, settings(EnumSet.of(PictureFormat.PNG), 72, List.of(0, 1),
                null, null));
        BufferedImage row = Images.decode(two.get("evolution.png"));
        assertEquals(2 * PANEL_WIDTH, row.getWidth(), "fewer than three panels: one row of that many");
        assertEquals(PANEL_HEIGHT, row.getHeight());
    }

    /** The first {@code panels} cells are drawn on, the rest of the rows × columns cells are white. */
    private static void assertPanels(BufferedImage grid, int panels, int columns, int rows) {
        for (int cell = 0; cell < columns * rows; cell++) {
            double variance = Images.variance(grid, (cell % columns) * PANEL_WIDTH, (cell / columns) * PANEL_HEIGHT,
                    PANEL_WIDTH, PANEL_HEIGHT);
            if (cell < panels) {
                assertTrue(variance > Images.MIN_VARIANCE, "panel " + cell + " is blank");
            } else {
                assertEquals(0.0, variance, "cell " + cell + " should be empty");
            }
        }
    }

    @Test
    void dpiScalesEveryPngAndTheGrid() throws Exception {
        Map<String, byte[]> files = render(oldFaithful, settings(EnumSet.of(PictureFormat.PNG), 144,
                List.of(0, 1, 5), null, null));
        BufferedImage clusters = Images.decode(files.get("clusters.png"));
        assertEquals(2 * WIDTH, clusters.getWidth());
        assertEquals(2 * HEIGHT, clusters.getHeight());
        BufferedImage grid = Images.decode(files.get("evolution.png"));
        assertEquals(2 * 3 * PANEL_WIDTH, grid.getWidth());
        assertEquals(2 * PANEL_HEIGHT, grid.getHeight());
    }

    @Test
    void oneColumnGetsTheHistogramAndTheTraceOnly() throws Exception {
        PlotInput eruptions = fitted("old-faithful", List.of("eruptions"), 2);
        Map<String, byte[]> files = render(eruptions, settings(PictureFormat.all(), 72, List.of(0), null, null));
        assertEquals(List.of("histogram.png", "histogram.svg", "trace.png", "trace.svg"), List.copyOf(files.keySet()));
        Images.assertNotBlank(Images.decode(files.get("histogram.png")), "histogram");
        Images.parseSvg(files.get("histogram.svg"));
    }

    @Test
    void moreThanTwoColumnsAreDrawnInTheTwoChosen() throws Exception {
        PlotInput iris = fitted("iris", List.of(), 3);
        Map<String, byte[]> files = render(iris, settings(EnumSet.of(PictureFormat.PNG), 72, List.of(0, 3),
                "Petal.Length", "Petal.Width"));
        assertEquals(List.of("clusters.png", "evolution.png", "density.png", "uncertainty.png", "trace.png"),
                List.copyOf(files.keySet()));
        Images.assertNotBlank(Images.decode(files.get("density.png")), "density");
    }

    @Test
    void theSameInputGivesTheSameFiles() {
        Map<String, byte[]> again = render(oldFaithful, settings(PictureFormat.all(), 72,
                PlotSettings.DEFAULT_ITERATIONS, null, null));
        for (Map.Entry<String, byte[]> file : everything.entrySet()) {
            assertArrayEquals(file.getValue(), again.get(file.getKey()), file.getKey());
        }
    }

    @Test
    void columnsThatDoNotExistAreRefusedBeforeAnyDrawing() {
        PlotSettings bad = settings(PictureFormat.all(), 72, List.of(0), "waiting", "waiting");
        assertThrows(IllegalArgumentException.class, () -> PictureSet.check(oldFaithful.data(), bad));
        PlotSettings oneColumn = settings(PictureFormat.all(), 72, List.of(0), "eruptions", null);
        DataMatrix eruptions = Datasets.load("old-faithful", List.of("eruptions"), null).data();
        assertThrows(IllegalArgumentException.class, () -> PictureSet.check(eruptions, oneColumn));
    }
}
