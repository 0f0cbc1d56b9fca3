package org.emgmm.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.LabelledData;
import org.emgmm.em.EmResult;
import org.emgmm.model.GaussianMixture;

/**
 * The text {@code em-gmm fit} prints: what was fitted, how the run went, each component's weight,
 * mean and standard deviations, and, when the data has labels, how the labels spread over the
 * components.
 * <pre>
 *   data            old-faithful: 272 points, 2 dimensions (eruptions, waiting)
 *   implementation  vectorised
 *   iterations      14, converged
 *   log-likelihood  -1130.2640 total, -4.155382 per point
 *   time            0.611 ms per iteration
 *
 *   component 0: weight 0.6441
 *     column     mean        std
 *     eruptions  4.28968     0.412250
 *     waiting    79.9683     6.00362
 * </pre>
 * Numbers are printed with a dot as decimal separator whatever the machine's language
 * ({@link Locale#ROOT}), so the output reads the same everywhere.
 */
final class FitSummary {

    /**
     * A mean or standard deviation: six significant digits, more than any data set here is measured to,
     * left-aligned in a column 12 wide.
     */
    private static final String VALUE_CELL = "%-12.6g";

    private static final String LINE_END = "\n";

    /** A label that is a plain decimal number, such as the component indices {@code generate} writes. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d*)?");

    private FitSummary() {
    }

    /** The run summary and one table per component, for a fit with the default reg-covar. */
    static String describe(LabelledData loaded, EmResult result) {
        return describe(loaded, result, null, org.emgmm.em.EmSettings.DEFAULT_REG_COVAR);
    }

    /**
     * The run summary and one table per component, for a fit with sample weights from {@code weightsSource}
     * (e.g. "column 'count'"), or none when it is null. With weights the log-likelihood is Σᵢ wᵢ log p(xᵢ),
     * "per unit of weight" is that divided by Σᵢ wᵢ, and BIC's N is Σᵢ wᵢ. A component that collapsed
     * by {@code select}'s rule ({@link org.emgmm.selection.Cell#collapsedComponents}, which needs the fit's
     * {@code regCovar}) is named on a line of its own, as an empty one is.
     */
    static String describe(LabelledData loaded, EmResult result, String weightsSource, double regCovar) {
        DataMatrix data = loaded.data();
        StringBuilder text = new StringBuilder();
        line(text, "data            %s: %d points, %s (%s)", loaded.source(), data.rows(),
                data.columns() == 1 ? "1 dimension" : data.columns() + " dimensions", String.join(", ", data.columnNames()));
        if (weightsSource != null) {
            line(text, "sample weights  %s: total %s over %d points (%d of weight 0)", weightsSource,
                    shortest(result.totalWeight()), data.rows(), data.rows() - data.positiveWeightRows());
        }
        line(text, "implementation  %s", result.implementation());
        line(text, "iterations      %d, %s", result.iterations(),
                result.converged() ? "converged" : "not converged: raise --max-iter or --tol");
        line(text, "log-likelihood  %.4f total, %.6f per %s", result.logLikelihood(), result.meanLogLikelihood(),
                weightsSource == null ? "point" : "unit of weight");
        line(text, "BIC, AIC        %.4f, %.4f (lower is better; %d free parameters, %s covariances)",
                org.emgmm.selection.ModelSelection.bic(result), org.emgmm.selection.ModelSelection.aic(result),
                org.emgmm.selection.ModelSelection.freeParameters(result), result.model().covarianceType().label());
        line(text, "time            %.3f ms per iteration", result.millisPerIteration());
        if (result.emptyComponents().length > 0) {
            line(text, "empty           components %s (no point belonged to them at some iteration; their means"
                    + " and covariances stayed where they were)", joined(result.emptyComponents()));
        }
        int[] collapsed = org.emgmm.selection.Cell.collapsedComponents(result.model(), regCovar);
        if (collapsed.length > 0) {
            line(text, "collapsed       components %s (a covariance of about --reg-covar in some direction: the"
                    + " component sits on a flat set of points, and the log-likelihood measures --reg-covar)",
                    joined(collapsed));
        }
        for (int k = 0; k < result.model().components(); k++) {
            text.append(LINE_END);
            componentTable(text, result.model(), k, data.columnNames());
        }
        return text.toString();
    }

    /**
     * How many points of each true label the fit assigns to each component (its most likely one):
     * a row per label, a column per component. Labels are sorted, as numbers when they all are
     * (so component 10 comes after 9), alphabetically otherwise.
     */
    static String contingencyTable(LabelledData loaded, int[] assigned, int components) {
        Map<String, int[]> counts = new TreeMap<>(labelOrder(loaded.labels()));
        for (int i = 0; i < assigned.length; i++) {
            counts.computeIfAbsent(loaded.labels().get(i), label -> new int[components])[assigned[i]]++;
        }
        int labelWidth = Math.max(loaded.labelColumn().length(),
                counts.keySet().stream().mapToInt(String::length).max().orElse(0));
        int countWidth = Math.max(String.valueOf(assigned.length).length(), String.valueOf(components - 1).length());
        String labelCell = "%-" + labelWidth + "s";
        String countCell = "  %" + countWidth + "s";
        StringBuilder text = new StringBuilder(LINE_END);
        line(text, "true label (%s) against most likely component", loaded.labelColumn());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, labelCell, loaded.labelColumn()));
        for (int k = 0; k < components; k++) {
            header.append(String.format(Locale.ROOT, countCell, k));
        }
        text.append(header).append(LINE_END);
        for (Map.Entry<String, int[]> row : counts.entrySet()) {
            StringBuilder cells = new StringBuilder(String.format(Locale.ROOT, labelCell, row.getKey()));
            for (int count : row.getValue()) {
                cells.append(String.format(Locale.ROOT, countCell, count));
            }
            text.append(cells).append(LINE_END);
        }
        return text.toString();
    }

    private static Comparator<String> labelOrder(List<String> labels) {
        boolean allNumbers = labels.stream().allMatch(label -> NUMBER.matcher(label).matches());
        return allNumbers ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
    }

    /** Component k: its weight, then a row per column with the mean and the standard deviation √Σₖ[j][j]. */
    private static void componentTable(StringBuilder text, GaussianMixture model, int k, List<String> names) {
        line(text, "component %d: weight %.4f", k, model.weight(k));
        String nameCell = "  %-" + widest(names, "column") + "s  ";
        line(text, nameCell + "%-12s%s", "column", "mean", "std");
        for (int j = 0; j < names.size(); j++) {
            line(text, nameCell + VALUE_CELL + VALUE_CELL, names.get(j), model.mean(k, j),
                    Math.sqrt(model.covariance(k, j, j)));
        }
    }

    /** A number as Java writes it shortest (so 12.0 for a whole total), with no trailing ".0" on whole numbers. */
    private static String shortest(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(value);
    }

    private static int widest(List<String> names, String heading) {
        List<String> all = new ArrayList<>(names);
        all.add(heading);
        return all.stream().mapToInt(String::length).max().orElse(0);
    }

    private static String joined(int[] values) {
        return Arrays.stream(values).mapToObj(String::valueOf).collect(Collectors.joining(", "));
    }

    private static void line(StringBuilder text, String format, Object... values) {
        text.append(String.format(Locale.ROOT, format, values).stripTrailing()).append(LINE_END);
    }
}
