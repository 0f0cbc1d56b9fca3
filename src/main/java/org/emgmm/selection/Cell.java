package org.emgmm.selection;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmResult;
import org.emgmm.em.Restarts;
import org.emgmm.linalg.Cholesky;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;

/**
 * One cell of the model-selection grid: K components with one covariance type, either fitted (the best
 * of its restarts, with its criteria) or failed (with the one-line reason). Built by {@link ModelSearch},
 * gathered in a {@link SelectionTable}.
 *
 * @param components     K
 * @param type           the covariance type
 * @param freeParameters p for this K, type and dimension (known even when the fit failed)
 * @param best           the best run of the restarts; null when the cell failed
 * @param failure        why the cell could not be fitted, one line; null when it was
 * @param bic            −2 L + p log N; NaN when failed
 * @param aic            −2 L + 2 p; NaN when failed
 * @param icl            BIC − 2 Σᵢ log maxₖ r[i][k]; NaN when failed
 * @param collapsed      whether a fitted component has shrunk onto a flat set of points (see
 *                       {@link #hasCollapsedComponent}); false when failed
 */
public record Cell(int components, CovarianceType type, int freeParameters, Restarts.Best best, String failure,
        double bic, double aic, double icl, boolean collapsed) {

    /**
     * How close to --reg-covar a conditional variance may come before the component counts as collapsed.
     * The M-step's covariance is the component's scatter plus regCovar · I, so a conditional variance
     * below 10 · regCovar means the component's own points vary by less than 9 · regCovar (a standard
     * deviation of 0.003 with the default 1e-6) in some direction: duplicated points, or a cluster flat
     * in one column. There the likelihood grows without bound as the variance shrinks, and only
     * reg-covar stops it, so L (and every criterion) measures reg-covar rather than the data.
     */
    public static final double COLLAPSE_FACTOR = 10.0;

    /**
     * Checks that the cell is one of the two kinds: fitted (a best run, no failure) or failed (a
     * failure, no best run).
     *
     * @param components     K
     * @param type           the covariance type
     * @param freeParameters p for this K, type and dimension
     * @param best           the best run of the restarts; null when the cell failed
     * @param failure        why the cell could not be fitted, one line; null when it was
     * @param bic            −2 L + p log N; NaN when failed
     * @param aic            −2 L + 2 p; NaN when failed
     * @param icl            BIC − 2 Σᵢ log maxₖ r[i][k]; NaN when failed
     * @param collapsed      whether a fitted component has collapsed; false when failed
     * @throws IllegalArgumentException if the cell has both a best run and a failure, or neither
     */
    public Cell {
        if ((best == null) == (failure == null)) {
            throw new IllegalArgumentException("a cell is either fitted or failed, not both or neither");
        }
    }

    /** A fitted cell, its criteria computed from the best run on the data it was fitted to. */
    static Cell fitted(int components, CovarianceType type, Restarts.Best best, DataMatrix data, double regCovar) {
        EmResult result = best.result();
        return new Cell(components, type, ModelSelection.freeParameters(result), best, null,
                ModelSelection.bic(result), ModelSelection.aic(result), ModelSelection.icl(result, data),
                hasCollapsedComponent(result.model(), regCovar));
    }

    /**
     * Whether some component's covariance has, in some direction, hardly more variance than reg-covar
     * put there. With Σₖ = L Lᵀ, L[j][j]² is the variance of coordinate j given coordinates 0 .. j−1;
     * if the component's points lie on a hyperplane, the coordinate of highest index in that hyperplane's
     * equation is fixed by the ones before it, so its L[j][j]² is regCovar and nothing more. Collapsed:
     * minⱼ L[j][j]² ≤ {@link #COLLAPSE_FACTOR} · regCovar.
     *
     * @param model    the fitted mixture
     * @param regCovar the --reg-covar the fit added to every covariance's diagonal
     * @return true if some component k has L[j][j]² ≤ {@link #COLLAPSE_FACTOR} · regCovar for some j
     */
    public static boolean hasCollapsedComponent(GaussianMixture model, double regCovar) {
        return collapsedComponents(model, regCovar).length > 0;
    }

    /**
     * The components that have collapsed by {@link #hasCollapsedComponent}'s rule, the rule {@code select},
     * {@code fit} and {@code compare} all use: minⱼ L[j][j]² ≤ {@link #COLLAPSE_FACTOR} · regCovar.
     *
     * @param model    the fitted mixture
     * @param regCovar the --reg-covar the fit added to every covariance's diagonal (0: nothing collapses)
     * @return the collapsed components, 0-based and ascending; empty when none did
     */
    public static int[] collapsedComponents(GaussianMixture model, double regCovar) {
        double threshold = COLLAPSE_FACTOR * regCovar;
        int[] found = new int[model.components()];
        int count = 0;
        for (int k = 0; k < model.components(); k++) {
            Cholesky factor = model.cholesky(k);
            for (int j = 0; j < model.dimension(); j++) {
                double conditionalVariance = factor.lower(j, j) * factor.lower(j, j);
                if (conditionalVariance <= threshold) {
                    found[count++] = k;
                    break;
                }
            }
        }
        return java.util.Arrays.copyOf(found, count);
    }

    /** A cell that could not be fitted, and why. */
    static Cell failed(int components, CovarianceType type, int dimension, String reason) {
        return new Cell(components, type, ModelSelection.freeParameters(type, components, dimension), null,
                oneLine(reason), Double.NaN, Double.NaN, Double.NaN, false);
    }

    /**
     * Whether the cell may be chosen and plotted.
     *
     * @return true if the cell was fitted and no component collapsed
     */
    public boolean isSound() {
        return best != null && !collapsed;
    }

    /**
     * Whether the cell was fitted.
     *
     * @return true if it has a best run, false if it failed
     */
    public boolean isFitted() {
        return best != null;
    }

    /**
     * The best run's result; only for a fitted cell.
     *
     * @return the fit: its mixture, log-likelihood, iterations and trace
     * @throws IllegalStateException if the cell failed, naming K, the type and the reason
     */
    public EmResult result() {
        if (best == null) {
            throw new IllegalStateException("K = " + components + ", " + type.label() + " failed: " + failure);
        }
        return best.result();
    }

    /**
     * L, the total log-likelihood of the best run.
     *
     * @return L (Σᵢ wᵢ log p(xᵢ | θ) with sample weights); NaN when the cell failed
     */
    public double logLikelihood() {
        return best == null ? Double.NaN : best.result().logLikelihood();
    }

    /**
     * The cell's name in messages and tables.
     *
     * @return e.g. "K = 3, spherical"
     */
    public String name() {
        return "K = " + components + ", " + type.label();
    }

    /** A failure's reason on one line (line breaks become spaces); "no reason given" when there is none. */
    private static String oneLine(String reason) {
        String text = reason == null || reason.isBlank() ? "no reason given" : reason;
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
