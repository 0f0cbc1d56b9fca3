package org.emgmm.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Datasets;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Initialisation;
import org.emgmm.model.GaussianMixture;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.Test;

/** The evolution grid shows only iterations the run reached, each once, titled with its real number. */
class EvolutionPicturesTest {

    @Test
    void askedIterationsPastTheEndBecomeOnePanelOfTheLast() {
        assertEquals(List.of(0, 1, 5, 10, 14), EvolutionPictures.shownIterations(List.of(0, 1, 5, 10, 25, 40), 14));
        assertEquals(List.of(3, 0), EvolutionPictures.shownIterations(List.of(3, 0, 3), 14));
        assertEquals(List.of(0, 1, 2), EvolutionPictures.shownIterations(List.of(0, 1, 5, 10), 2));
    }

    /** The default iterations on a run that stops before 25: no iteration drawn twice, none promised. */
    @Test
    void thePanelTitlesAreTheDistinctIterationsThatExist() {
        DataMatrix data = Datasets.load("old-faithful", List.of(), null).data();
        GaussianMixture start = Initialisation.randomPoints(data, 2, 1);
        EmRun run = EmRun.of(new VectorisedEm(), data, start, EmSettings.defaults().withMaxIterations(12));
        PlotInput input = new PlotInput("old-faithful", data, run.result().model(), run);
        EvolutionPictures evolution = new EvolutionPictures(input, ColumnPair.choose(data.columnNames(), null, null));
        int last = evolution.lastIteration();
        assertTrue(last < 25, "the run stops before the default's 25: " + last);
        GridPicture grid = evolution.grid("evolution", PlotSettings.DEFAULT_ITERATIONS, 800, 600);
        List<String> titles = new ArrayList<>();
        for (Picture panel : grid.panels()) {
            titles.add(((ChartPicture) panel).chart().getTitle());
        }
        List<Integer> expected = EvolutionPictures.shownIterations(PlotSettings.DEFAULT_ITERATIONS, last);
        assertEquals(expected.size(), titles.size(), titles.toString());
        for (int p = 0; p < titles.size(); p++) {
            assertTrue(titles.get(p).startsWith("iteration " + expected.get(p) + ":")
                    || titles.get(p).startsWith("iteration " + expected.get(p) + ", the last:"), titles.get(p));
        }
        assertTrue(titles.get(titles.size() - 1).startsWith("iteration " + last + ", the last:"));
        assertTrue(titles.stream().noneMatch(t -> t.contains("25") || t.contains("40") || t.contains("asked")),
                titles.toString());
    }
}
