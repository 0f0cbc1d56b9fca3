package org.emgmm.cli;

import java.util.Locale;
import org.emgmm.selection.Cell;
import org.emgmm.selection.Criterion;
import org.emgmm.selection.ModelSearch;
import org.emgmm.selection.SelectionTable;

/**
 * The text {@code em-gmm select} prints: what was searched, the sign convention, one row per K and
 * covariance type with its free parameters, log-likelihood, BIC, AIC and ICL (or why it failed), and
 * which cell each criterion picks, the chosen one marked; cells that collapsed ({@link Cell#collapsed})
 * are marked too, and a line says why they were left out.
 * <pre>
 *   type       K   p   log-likelihood          BIC          AIC          ICL  converged
 *   full       1  14        -379.9146     829.9782     787.8292     829.9782  yes
 *   full       2  29        -180.1858     505.6766     418.3716     506.7148  yes       &lt;- lowest BIC
 *   spherical  9   …   failed: there are 8 points but 9 components: ...
 * </pre>
 * Like {@link FitSummary}, numbers use a dot whatever the machine's language ({@link Locale#ROOT}).
 */
final class SelectionReport {

    /** Four decimals, as fit's summary prints BIC and AIC: far below any difference that matters. */
    private static final String NUMBER = "%13.4f";

    private static final String MARK = "  <- lowest ";
    private static final String COLLAPSED = "  collapsed";
    private static final String LINE_END = "\n";

    private SelectionReport() {
    }

    /** The whole report. */
    static String describe(String source, SelectionTable table, Criterion chosen) {
        StringBuilder text = new StringBuilder();
        header(text, source, table);
        rows(text, table, chosen);
        text.append(LINE_END);
        choices(text, table, chosen);
        return text.toString();
    }

    /** What was searched, how, and which way the criteria point. */
    private static void header(StringBuilder text, String source, SelectionTable table) {
        ModelSearch search = table.search();
        line(text, "%s: %d points, %s; K = %s; covariance types %s", source, table.points(),
                table.dimension() == 1 ? "1 dimension" : table.dimension() + " dimensions", search.components(),
                String.join(", ", search.types().stream().map(t -> t.label()).toList()));
        line(text, "each cell: the best of %d %s (%s starts, seed %d), %s", search.restarts(),
                search.restarts() == 1 ? "run" : "runs", search.method().label(), search.seed(),
                table.implementation());
        line(text, "%s, %s, %s", Criterion.BIC.formula(), Criterion.AIC.formula(), Criterion.ICL.formula());
        line(text, "lower is better, as in scikit-learn; R's mclust flips the sign of BIC and ICL (higher is better"
                + " there)");
        text.append(LINE_END);
    }

    /** One row per cell, in the table's order, with a blank line between covariance types. */
    private static void rows(StringBuilder text, SelectionTable table, Criterion chosen) {
        Cell best = table.best(chosen).orElse(null);
        int typeWidth = Math.max("type".length(), table.cells().stream().mapToInt(c -> c.type().label().length())
                .max().orElse(0));
        int kWidth = Math.max(2, String.valueOf(table.search().components().last()).length());
        String lead = "%-" + typeWidth + "s  %" + kWidth + "s  %5s";
        line(text, lead + "  %15s  %13s  %13s  %13s  %s", "type", "K", "p", "log-likelihood", "BIC", "AIC", "ICL",
                "converged");
        for (int c = 0; c < table.cells().size(); c++) {
            Cell cell = table.cells().get(c);
            if (c > 0 && table.cells().get(c - 1).type() != cell.type()) {
                text.append(LINE_END);
            }
            String start = String.format(Locale.ROOT, lead, cell.type().label(), cell.components(),
                    cell.freeParameters());
            if (!cell.isFitted()) {
                line(text, "%s  failed: %s", start, cell.failure());
                continue;
            }
            line(text, "%s  %15.4f  " + NUMBER + "  " + NUMBER + "  " + NUMBER + "  %-9s%s", start,
                    cell.logLikelihood(), cell.bic(), cell.aic(), cell.icl(),
                    cell.result().converged() ? "yes" : "no", note(cell, best, chosen));
        }
    }

    /** "&lt;- lowest BIC" on the chosen cell, "collapsed" on one left out of the choice. */
    private static String note(Cell cell, Cell best, Criterion chosen) {
        if (cell == best) {
            return MARK + chosen.title();
        }
        return cell.collapsed() ? COLLAPSED : "";
    }

    /** Which cell each criterion picks; the chosen criterion's is the model written. */
    private static void choices(StringBuilder text, SelectionTable table, Criterion chosen) {
        for (Criterion criterion : Criterion.values()) {
            Cell best = table.best(criterion).orElseThrow();
            line(text, "lowest %s: %s (%s %.4f)%s", criterion.title(), best.name(), criterion.title(),
                    criterion.of(best), criterion == chosen ? "  <- chosen (--criterion " + chosen.label() + ")" : "");
        }
        long failed = table.cells().size() - table.fitted().size();
        if (failed > 0) {
            line(text, "%d of %d cells could not be fitted (see 'failed' above); the others are compared", failed,
                    table.cells().size());
        }
        long collapsed = table.fitted().stream().filter(Cell::collapsed).count();
        if (table.collapsedLeftOut()) {
            line(text, "%d %s collapsed: a component's covariance shrank to about --reg-covar in some direction"
                    + " (duplicated points, or a cluster flat in a column), so its likelihood measures reg-covar, not"
                    + " the data; left out of the choice and the plot, as mclust leaves out singular covariances",
                    collapsed, collapsed == 1 ? "cell" : "cells");
        } else if (collapsed > 0) {
            line(text, "every fitted cell collapsed (a covariance shrank to about --reg-covar): the choice is among"
                    + " them all, and none is to be trusted; raise --reg-covar or look at the data");
        }
        long notConverged = table.fitted().stream().filter(cell -> !cell.result().converged()).count();
        if (notConverged > 0) {
            line(text, "%d fitted %s did not converge: raise --max-iter or --tol", notConverged,
                    notConverged == 1 ? "cell" : "cells");
        }
    }

    private static void line(StringBuilder text, String format, Object... values) {
        text.append(String.format(Locale.ROOT, format, values).stripTrailing()).append(LINE_END);
    }
}
