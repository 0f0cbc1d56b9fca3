package org.emgmm.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.emgmm.compare.Comparison;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.selection.Cell;

/**
 * The one line of warning {@code fit}, {@code compare} and {@code explore} print on standard error when a fit did not
 * converge or a component collapsed (scikit-learn's ConvergenceWarning plays this part there). A warning
 * is not an error: the result is still printed and written, and the exit code stays 0. Collapsed follows
 * {@code select}'s rule ({@link Cell#collapsedComponents}). A run with tolerance 0 asked for a fixed number of
 * iterations (as the notebooks' examples do) and is never warned of for not converging: it cannot converge.
 * <pre>
 *   em-gmm: warning: not converged after 5 iterations: raise --max-iter or --tol
 *   em-gmm: warning: component 2 collapsed (a covariance of about --reg-covar in some direction): ...
 * </pre>
 */
final class FitWarning {

    /** How every warning line starts. */
    static final String PREFIX = "em-gmm: warning: ";

    private static final String NOT_CONVERGED_ADVICE = "raise --max-iter or --tol";

    private static final String COLLAPSED_ADVICE = "the log-likelihood then measures --reg-covar rather than the data: try"
            + " other starts (--seed, --n-init), fewer components or a larger --reg-covar";

    private FitWarning() {
    }

    /**
     * The warning for one fit, or null when it converged and nothing collapsed.
     *
     * @param result   the fit
     * @param settings the settings it ran with: its tolerance and reg-covar
     * @return one line starting with {@link #PREFIX}, without a line end; or null
     */
    static String forFit(EmResult result, EmSettings settings) {
        double regCovar = settings.regCovar();
        List<String> parts = new ArrayList<>();
        if (!result.converged() && asksToConverge(settings)) {
            parts.add("not converged after " + iterations(result) + ": " + NOT_CONVERGED_ADVICE);
        }
        int[] collapsed = Cell.collapsedComponents(result.model(), regCovar);
        if (collapsed.length > 0) {
            parts.add(components(collapsed) + " collapsed (a covariance of about --reg-covar in some direction): "
                    + COLLAPSED_ADVICE);
        }
        return parts.isEmpty() ? null : PREFIX + String.join("; ", parts);
    }

    /**
     * The warning for the fits of several implementations, naming which ones each problem touched, or null.
     *
     * @param results  the fits, by implementation name, in table order
     * @param settings the settings they ran with: their tolerance and reg-covar
     * @return one line starting with {@link #PREFIX}, without a line end; or null
     */
    static String forFits(Map<String, EmResult> results, EmSettings settings) {
        double regCovar = settings.regCovar();
        List<String> unconverged = new ArrayList<>();
        Map<String, List<String>> collapsedBy = new LinkedHashMap<>();
        for (Map.Entry<String, EmResult> entry : results.entrySet()) {
            EmResult result = entry.getValue();
            if (!result.converged() && asksToConverge(settings)) {
                unconverged.add(entry.getKey() + " (" + iterations(result) + ")");
            }
            int[] collapsed = Cell.collapsedComponents(result.model(), regCovar);
            if (collapsed.length > 0) {
                collapsedBy.computeIfAbsent(components(collapsed), key -> new ArrayList<>()).add(entry.getKey());
            }
        }
        List<String> parts = new ArrayList<>();
        if (!unconverged.isEmpty()) {
            parts.add("not converged: " + String.join(", ", unconverged) + ": " + NOT_CONVERGED_ADVICE);
        }
        if (!collapsedBy.isEmpty()) {
            List<String> which = new ArrayList<>();
            collapsedBy.forEach((components, names) -> which.add(components + " collapsed in "
                    + String.join(", ", names)));
            parts.add(String.join(", ", which) + " (a covariance of about --reg-covar in some direction): "
                    + COLLAPSED_ADVICE);
        }
        return parts.isEmpty() ? null : PREFIX + String.join("; ", parts);
    }

    /**
     * The warning for a comparison's implementations that ran (as {@link #forFits}), or null.
     *
     * @param outcome  the comparison
     * @param settings the settings it ran with
     * @return one line starting with {@link #PREFIX}, without a line end; or null
     */
    static String forOutcome(Comparison.Outcome outcome, EmSettings settings) {
        Map<String, EmResult> results = new LinkedHashMap<>();
        outcome.ran().forEach(row -> results.put(row.implementation(), row.result()));
        return forFits(results, settings);
    }

    /** Prints {@link #forOutcome}'s line on {@code stderr} when there is one. */
    static void printFor(Comparison.Outcome outcome, EmSettings settings, PrintWriter stderr) {
        print(forOutcome(outcome, settings), stderr);
    }

    /** Prints {@code warning} (one of this class's lines, or null for none) on {@code stderr}. */
    static void print(String warning, PrintWriter stderr) {
        if (warning != null) {
            stderr.println(warning);
            stderr.flush();
        }
    }

    /** Whether the run was to stop on convergence: tolerance 0 asks for exactly max-iter iterations. */
    private static boolean asksToConverge(EmSettings settings) {
        return settings.tolerance() > 0.0;
    }

    /** "1 iteration" or "100 iterations". */
    private static String iterations(EmResult result) {
        return result.iterations() + (result.iterations() == 1 ? " iteration" : " iterations");
    }

    /** "component 2" or "components 0, 3". */
    static String components(int[] indices) {
        return (indices.length == 1 ? "component " : "components ")
                + Arrays.stream(indices).mapToObj(String::valueOf).collect(Collectors.joining(", "));
    }
}
