package org.emgmm.selection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.emgmm.data.DataException;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmException;
import org.emgmm.em.EmSettings;
import org.emgmm.em.InitMethod;
import org.emgmm.em.Restarts;
import org.emgmm.model.CovarianceType;

/**
 * Model selection by brute force, as mclust's {@code Mclust} and a scikit-learn grid search do it: fit
 * every K of a {@link ComponentRange} with every {@link CovarianceType}, each cell the best of R seeded
 * restarts ({@link Restarts#run}), and score each with BIC, AIC and ICL ({@link Criterion}).
 * <pre>
 *   for each type t (in the order given), for each K (ascending):
 *       θ₀ for seed s = the init method's start for K, constrained to t
 *       best = the run with the highest log-likelihood among R runs from seeds derived from --seed
 * </pre>
 * Every cell starts from the same base seed, so a cell is exactly what {@code fit --components K
 * --covariance-type t --n-init R --seed S} gives, and the whole search is deterministic: the cells run
 * one after another, and each implementation's result does not depend on its thread count.
 *
 * <p>A cell that cannot be fitted (more components than distinct points, a covariance that stops being
 * positive-definite, EM breaking down) becomes a failed {@link Cell} with the reason, and the search
 * goes on; the caller decides what to do when every cell failed. A cell whose fit has a component
 * collapsed onto a flat set of points ({@link Cell#hasCollapsedComponent}) is kept, marked, and left out
 * of the choice, as mclust leaves out models whose covariances are singular. Failures that are not the data's or
 * the fit's (a bug, running out of memory) are not caught.
 *
 * <p>Siblings: {@link SelectionTable} holds the cells and picks the best; {@link Criterion} names the
 * criteria.
 *
 * @param components the Ks
 * @param types      the covariance types, each once, in the order the table and the plot list them
 * @param method     how each restart's start is chosen
 * @param settings   EM's settings for every run
 * @param seed       the base seed of every cell's restarts
 * @param restarts   R, runs per cell, at least 1
 */
public record ModelSearch(ComponentRange components, List<CovarianceType> types, InitMethod method,
        EmSettings settings, long seed, int restarts) {

    /**
     * Keeps each covariance type once, in the order first given.
     *
     * @param components the Ks
     * @param types      the covariance types, at least one; a type given twice is kept once. Copied.
     * @param method     how each restart's start is chosen
     * @param settings   EM's settings for every run
     * @param seed       the base seed of every cell's restarts
     * @param restarts   R, runs per cell, at least 1
     * @throws IllegalArgumentException if there is no covariance type, or {@code restarts} is below 1
     */
    public ModelSearch {
        types = List.copyOf(new LinkedHashSet<>(types));
        if (types.isEmpty()) {
            throw new IllegalArgumentException("no covariance type to try: give one or more of "
                    + String.join(", ", CovarianceType.labels()));
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("--n-init must be 1 or more, got " + restarts);
        }
    }

    /**
     * Fits every cell, types outer and K inner, and returns them all, failed ones included.
     *
     * @param algorithm the EM implementation that fits every cell
     * @param data      the N×D points, with their sample weights if any. Not modified.
     * @return one cell per covariance type and K, in that order
     */
    public SelectionTable run(EmAlgorithm algorithm, DataMatrix data) {
        List<Cell> cells = new ArrayList<>();
        for (CovarianceType type : types) {
            for (int k : components.values()) {
                cells.add(fitCell(algorithm, data, k, type));
            }
        }
        return new SelectionTable(this, algorithm.name(), data.rows(), data.columns(), cells);
    }

    /** One cell: the best of R restarts, or the reason it could not be fitted. */
    Cell fitCell(EmAlgorithm algorithm, DataMatrix data, int k, CovarianceType type) {
        try {
            Restarts.Best best = Restarts.run(algorithm, data, s -> method.start(data, k, s, settings.regCovar())
                    .constrainedTo(type), settings, seed, restarts);
            return Cell.fitted(k, type, best, data, settings.regCovar());
        } catch (DataException | EmException | IllegalArgumentException e) {
            // The data or the fit's problem for this K and type (InvalidMixtureException, for a covariance
            // that is not positive-definite, is an IllegalArgumentException): recorded, not fatal.
            return Cell.failed(k, type, data.columns(), e.getMessage());
        }
    }
}
