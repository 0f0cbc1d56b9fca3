package org.emgmm.selection;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The three information criteria {@code select} reports, each a penalised −2 log-likelihood, so that
 * lower is better (scikit-learn's sign; R's mclust reports BIC and ICL as 2 L − p log N, where higher
 * is better). With L the total log-likelihood, p the free parameters and N the points:
 * <pre>
 *   BIC = −2 L + p log N                 rewards fit, charges log N per parameter: on much data it
 *                                        prefers fewer components than AIC does
 *   AIC = −2 L + 2 p                     charges 2 per parameter whatever N: leans to richer models
 *   ICL = BIC − 2 Σᵢ log maxₖ r[i][k]    BIC plus a charge for points no component clearly claims:
 *                                        prefers well-separated clusters
 * </pre>
 * The formulas themselves are {@link ModelSelection}'s; a {@link Cell} holds the values.
 */
public enum Criterion {
    /** The Bayesian information criterion, −2 L + p log N (Schwarz): {@code select}'s default. */
    BIC,
    /** Akaike's information criterion, −2 L + 2 p. */
    AIC,
    /** The integrated completed likelihood, BIC − 2 Σᵢ log maxₖ r[i][k] (Biernacki, Celeux and Govaert). */
    ICL;

    /**
     * The name on the command line.
     *
     * @return bic, aic or icl
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The name in tables and pictures.
     *
     * @return BIC, AIC or ICL
     */
    public String title() {
        return name();
    }

    /**
     * The formula, for tables and axis titles.
     *
     * @return the formula in plain ASCII, e.g. "AIC = -2 log L + 2 p"
     */
    public String formula() {
        return switch (this) {
            case BIC -> "BIC = -2 log L + p log N";
            case AIC -> "AIC = -2 log L + 2 p";
            case ICL -> "ICL = BIC - 2 sum log max r";
        };
    }

    /**
     * This criterion's value for a cell.
     *
     * @param cell a cell of the search
     * @return its BIC, AIC or ICL, lower is better; NaN for a failed cell
     */
    public double of(Cell cell) {
        return switch (this) {
            case BIC -> cell.bic();
            case AIC -> cell.aic();
            case ICL -> cell.icl();
        };
    }

    /**
     * Every criterion's command-line name, for help and error messages.
     *
     * @return bic, aic, icl, in that order
     */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Criterion::label).toList();
    }

    /**
     * The criterion with this label, in any case.
     *
     * @param label bic, aic or icl, in any case; spaces around it are ignored
     * @return the criterion it names
     * @throws IllegalArgumentException naming the choices
     */
    public static Criterion byLabel(String label) {
        for (Criterion criterion : values()) {
            if (criterion.label().equalsIgnoreCase(label.strip())) {
                return criterion;
            }
        }
        throw new IllegalArgumentException("unknown criterion '" + org.emgmm.data.Quote.shorten(label)
                + "': choose one of " + String.join(", ", labels()));
    }
}
