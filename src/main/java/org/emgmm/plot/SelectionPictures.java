package org.emgmm.plot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.emgmm.selection.Criterion;
import org.emgmm.selection.SelectionTable;

/**
 * The pictures of {@code select}: the BIC plot ({@value #BIC}), mclust's picture for choosing a model,
 * and, when another criterion chooses, that criterion's plot too ({@code aic} or {@code icl}), each as
 * PNG and/or SVG (see {@link CriterionChart}). Like {@link PictureSet}, everything is rendered in memory,
 * to be written with {@link PictureFiles}; the same table always gives the same pictures.
 */
public final class SelectionPictures {

    static {
        Headless.ensure();
    }

    /** The BIC plot's file name, without extension. */
    public static final String BIC = "bic";

    private SelectionPictures() {
    }

    /**
     * The BIC plot and the chosen criterion's, in the formats asked ({@code gif} is not one of them: these
     * pictures do not move).
     *
     * @param source   where the data came from, for the titles
     * @param table    at least one cell fitted
     * @param chosen   the criterion that chose the model; BIC's picture is drawn whatever it is
     * @param settings formats, size and resolution
     * @return the files' names and bytes: {@value #BIC} first, then the chosen criterion's if it is another
     */
    public static List<PictureFile> render(String source, SelectionTable table, Criterion chosen,
            PlotSettings settings) {
        Set<Criterion> drawn = new LinkedHashSet<>(List.of(Criterion.BIC, chosen));
        List<PictureFile> files = new ArrayList<>();
        for (Criterion criterion : drawn) {
            Picture picture = new ChartPicture(criterion.label(), CriterionChart.draw(source, table, criterion,
                    settings.width(), settings.height()));
            if (settings.wants(PictureFormat.PNG)) {
                files.add(new PictureFile(picture.name() + ".png", PictureEncoder.png(picture, settings.dpi())));
            }
            if (settings.wants(PictureFormat.SVG)) {
                files.add(new PictureFile(picture.name() + ".svg", PictureEncoder.svg(picture)));
            }
        }
        return files;
    }
}
