package org.emgmm.plot;

import java.util.List;
import org.emgmm.data.DataException;
import org.emgmm.data.DataMatrix;
import org.emgmm.model.GaussianMixture;

/**
 * What the pictures are drawn from.
 *
 * @param source where the data came from (a file or a bundled name); titles show only its last part,
 *               the file's name, so that the same data gives the same pictures from any folder
 * @param data   the N×D points
 * @param model  the mixture the still pictures show (clusters, histogram, density, uncertainty)
 * @param run    the EM run the evolution and trace pictures show; after {@code fit} its result is
 *               {@code model}, after {@code plot} it is EM started from {@code model}
 * @param compared more runs whose traces are overlaid on {@code run}'s in the trace picture (other
 *               implementations from the same start, say); may be empty
 */
public record PlotInput(String source, DataMatrix data, GaussianMixture model, EmRun run, List<EmRun> compared) {

    /**
     * The pictures of one run, with nothing to compare it with.
     *
     * @param source where the data came from
     * @param data   the N×D points
     * @param model  the mixture the still pictures show
     * @param run    the EM run the evolution and trace pictures show
     */
    public PlotInput(String source, DataMatrix data, GaussianMixture model, EmRun run) {
        this(source, data, model, run, List.of());
    }

    /**
     * Checks that model and data match, and keeps only the last part of the source.
     *
     * @param source   where the data came from; only its file name is kept
     * @param data     the N×D points
     * @param model    the mixture the still pictures show, of dimension D
     * @param run      the EM run the evolution and trace pictures show
     * @param compared more runs for the trace picture. Copied.
     * @throws DataException if the model's dimension is not D
     */
    public PlotInput {
        compared = List.copyOf(compared);
        requireMatching(data, model);
        source = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
    }

    /**
     * Checks that the model and the data have one dimension.
     *
     * @param data  the N×D points
     * @param model the mixture
     * @throws DataException naming both dimensions and the data's columns, saying what to do
     */
    public static void requireMatching(DataMatrix data, GaussianMixture model) {
        if (model.dimension() != data.columns()) {
            throw new DataException("the model has dimension " + model.dimension() + " but the data has "
                    + data.columns() + (data.columns() == 1 ? " column (" : " columns (")
                    + String.join(", ", data.columnNames()) + "): choose matching columns with --columns, or another"
                    + " model");
        }
    }
}
