package org.emgmm.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.emgmm.data.DataException;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmException;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.model.GaussianMixture;

/**
 * A seed notebook's EM as written ({@link AsTheNotebookWroteIt}), run beside ours for
 * {@code compare --example}: from the start of our reference's best run (with one start, the start),
 * and told in one line of how far it ended from ours. Its result is null when it failed (the notebook's
 * way can divide 0 by 0) or cannot fit the covariance type; the line then says so.
 * <pre>
 *   as the notebook wrote it (BUG): I iterations, weights π₁/π₂ against ours π₁/π₂ after I',
 *       its trace left ours at iteration t, by ±gap per point
 * </pre>
 * Siblings: {@link NotebookExamples} holds each example's EM as written and its bug; {@link Comparison}
 * ran ours, and measures where the two part.
 *
 * @param name   the EM as written's name, which says what is wrong with it
 * @param bug    the notebook's bug, in a few words
 * @param result its run; null when it failed or was not applicable
 * @param line   the one line that tells how it went
 */
public record AsWrittenRun(String name, String bug, EmResult result, String line) {

    /**
     * Runs an example's EM as written from the start that our reference's reported run came from.
     *
     * @param example  the example; its {@link NotebookExamples#asWritten()} must not be null
     * @param points   the example's data
     * @param settings EM's settings, the same as ours
     * @param outcome  our implementations' comparison on the same data
     * @return the run and its line
     */
    public static AsWrittenRun run(NotebookExamples example, DataMatrix points, EmSettings settings,
            Comparison.Outcome outcome) {
        Comparison.Row reference = outcome.rows().stream()
                .filter(row -> row.implementation().equals(outcome.reference())).findFirst().orElse(null);
        EmResult ours = reference == null ? null : reference.result();
        int run = reference == null ? 0 : reference.bestRun();
        GaussianMixture start = outcome.starts().get(run).mixture();
        StringBuilder line = new StringBuilder("as the notebook wrote it (" + example.bug() + "): ");
        String notApplicable = Comparison.whyNotApplicable(example.asWritten(), outcome.covarianceType());
        if (notApplicable != null) {
            line.append("not applicable: ").append(notApplicable);
            return new AsWrittenRun(example.asWritten().name(), example.bug(), null, line.toString());
        }
        if (outcome.runs() > 1) {
            line.append(String.format(Locale.ROOT, "from ours' best start (run %d of %d), ", run + 1,
                    outcome.runs()));
        }
        EmResult result;
        try {
            result = example.asWritten().fit(points, start, settings);
        } catch (EmException | IllegalArgumentException | DataException e) {
            line.append("failed: ").append(e.getMessage());
            if (ours != null) {
                line.append(String.format(Locale.ROOT, "; ours ended with weights %s after %d%s",
                        weights(ours.model()), ours.iterations(), empty(ours)));
            }
            return new AsWrittenRun(example.asWritten().name(), example.bug(), null, line.toString());
        }
        line.append(String.format(Locale.ROOT, "%d iterations, weights %s", result.iterations(),
                weights(result.model())));
        if (ours != null) {
            line.append(String.format(Locale.ROOT, " against ours %s after %d%s", weights(ours.model()),
                    ours.iterations(), empty(ours)));
            Comparison.Departure left = Comparison.departure(example.asWritten().name(), ours, result,
                    Comparison.parameterDifference(ours.model(), result.model()));
            if (left != null && left.iteration() >= 0) {
                line.append(String.format(Locale.ROOT, "; its trace left ours at iteration %d, by %+.6g per point",
                        left.iteration(), left.gap()));
            }
        }
        return new AsWrittenRun(example.asWritten().name(), example.bug(), result, line.toString());
    }

    /**
     * ", component 0 listed as empty" where ours found empty components, else nothing.
     *
     * @param ours our reference's run
     * @return the words to append
     */
    private static String empty(EmResult ours) {
        int[] empty = ours.emptyComponents();
        if (empty.length == 0) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (int k : empty) {
            names.add(Integer.toString(k));
        }
        return (empty.length == 1 ? ", component " : ", components ") + String.join(" and ", names)
                + " listed as empty";
    }

    /**
     * The mixing weights to three significant digits, e.g. "0.300/0.700".
     *
     * @param model the mixture
     * @return its weights, joined by slashes
     */
    private static String weights(GaussianMixture model) {
        List<String> parts = new ArrayList<>();
        for (double weight : model.weights()) {
            parts.add(String.format(Locale.ROOT, "%.3g", weight));
        }
        return String.join("/", parts);
    }
}
