package org.emgmm.selection;

import java.util.List;
import java.util.Optional;
import org.emgmm.data.CsvWriter;
import org.emgmm.model.CovarianceType;

/**
 * What a {@link ModelSearch} found: one {@link Cell} per K and covariance type, in the search's order
 * (types as given, K ascending), failed cells included; which cell each {@link Criterion} picks; and
 * the whole table as CSV for scripts.
 *
 * @param search         the search that filled it
 * @param implementation the EM implementation's name
 * @param points         N
 * @param dimension      D
 * @param cells          every cell, in the search's order
 */
public record SelectionTable(ModelSearch search, String implementation, int points, int dimension,
        List<Cell> cells) {

    /** The CSV header; one row per cell follows, in the table's order. */
    public static final String CSV_HEADER = "covarianceType,K,freeParameters,logLikelihood,bic,aic,icl,iterations,"
            + "converged,collapsed,bestRun,bestSeed,error";

    /** Between the fields of a CSV row. */
    private static final String SEPARATOR = ",";

    /** The end of every CSV line, the same on every platform. */
    private static final String LINE_END = "\n";

    /**
     * Keeps an unmodifiable copy of the cells, in the order given.
     *
     * @param search         the search that filled it
     * @param implementation the EM implementation's name
     * @param points         N
     * @param dimension      D
     * @param cells          every cell, in the search's order. Copied.
     */
    public SelectionTable {
        cells = List.copyOf(cells);
    }

    /**
     * The cells that were fitted.
     *
     * @return the fitted cells, collapsed ones included, in the table's order
     */
    public List<Cell> fitted() {
        return cells.stream().filter(Cell::isFitted).toList();
    }

    /**
     * Whether no cell at all could be fitted.
     *
     * @return true if every cell failed
     */
    public boolean allFailed() {
        return fitted().isEmpty();
    }

    /**
     * The cells of one covariance type, K ascending.
     *
     * @param type the covariance type
     * @return its cells, fitted or failed; empty if the search did not try it
     */
    public List<Cell> cellsOf(CovarianceType type) {
        return cells.stream().filter(cell -> cell.type() == type).toList();
    }

    /**
     * The cells a criterion chooses among, and the plot shows: the sound ones (fitted, nothing
     * collapsed), or, when no cell is sound, every fitted one.
     *
     * @return the candidates, in the table's order; empty when every cell failed
     */
    public List<Cell> candidates() {
        return cells.stream().filter(this::isCandidate).toList();
    }

    /**
     * Whether {@code cell} is one of the {@link #candidates()}.
     *
     * @param cell a cell of this table
     * @return true if it is sound, or fitted while no cell of the table is sound
     */
    public boolean isCandidate(Cell cell) {
        return cell.isSound() || cell.isFitted() && cells.stream().noneMatch(Cell::isSound);
    }

    /**
     * Whether some fitted cells are left out of the choice because a component collapsed.
     *
     * @return true if there are fewer candidates than fitted cells
     */
    public boolean collapsedLeftOut() {
        return candidates().size() < fitted().size();
    }

    /**
     * The candidate cell with the lowest value of {@code criterion}; the first in the table's order wins
     * a tie. Empty when every cell failed.
     *
     * @param criterion BIC, AIC or ICL
     * @return the cell the criterion picks, or empty when every cell failed
     */
    public Optional<Cell> best(Criterion criterion) {
        Cell best = null;
        for (Cell cell : candidates()) {
            if (best == null || criterion.of(cell) < criterion.of(best)) {
                best = cell;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The table as CSV: {@value #CSV_HEADER}. Numbers are written with Java's shortest round-trip form,
     * so they read back bit for bit; a failed cell has empty numbers and its reason under {@code error};
     * {@code collapsed} is true for a cell left out of the choice ({@link Cell#hasCollapsedComponent});
     * bestRun counts from 1, as {@code fit} reports it.
     *
     * @return the header line and one line per cell, each ending with a newline
     */
    public String csv() {
        StringBuilder text = new StringBuilder(CSV_HEADER).append(LINE_END);
        for (Cell cell : cells) {
            text.append(String.join(SEPARATOR, csvRow(cell))).append(LINE_END);
        }
        return text.toString();
    }

    /** One cell's CSV fields: a failed cell has empty numbers and, under error, its reason. */
    private static List<String> csvRow(Cell cell) {
        String type = cell.type().label();
        String k = String.valueOf(cell.components());
        String p = String.valueOf(cell.freeParameters());
        if (!cell.isFitted()) {
            return List.of(type, k, p, "", "", "", "", "", "", "", "", "", CsvWriter.quoteIfNeeded(cell.failure()));
        }
        return List.of(type, k, p, Double.toString(cell.logLikelihood()), Double.toString(cell.bic()),
                Double.toString(cell.aic()), Double.toString(cell.icl()),
                String.valueOf(cell.result().iterations()), String.valueOf(cell.result().converged()),
                String.valueOf(cell.collapsed()),
                String.valueOf(cell.best().run() + 1), String.valueOf(cell.best().seed()), "");
    }
}
