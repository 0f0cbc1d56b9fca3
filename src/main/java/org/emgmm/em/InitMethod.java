package org.emgmm.em;

import java.util.Arrays;
import java.util.List;
import org.emgmm.data.DataMatrix;
import org.emgmm.model.GaussianMixture;

/** The seeded ways to choose a start, by their command-line names; see {@link Initialisation}. */
public enum InitMethod {

    /** {@code random-points}: K distinct data points as means ({@link Initialisation#randomPoints}). */
    RANDOM_POINTS("random-points"),
    /** {@code random-responsibilities}: one M-step from random responsibilities ({@link Initialisation#randomResponsibilities}). */
    RANDOM_RESPONSIBILITIES("random-responsibilities"),
    /** {@code k-means++}: D² sampled centres, then one M-step ({@link Initialisation#kMeansPlusPlus}). */
    K_MEANS_PLUS_PLUS("k-means++"),
    /** {@code kmeans}: k-means++ centres refined by Lloyd's algorithm, then one M-step ({@link Initialisation#kMeans}). */
    KMEANS("kmeans"),
    /**
     * {@code sklearn-k-means++}: scikit-learn's k-means++ start, greedy D² sampled centres as the means with
     * reg-covar·I covariances ({@link Initialisation#sklearnKMeansPlusPlus}).
     */
    SKLEARN_K_MEANS_PLUS_PLUS("sklearn-k-means++");

    private final String label;

    InitMethod(String label) {
        this.label = label;
    }

    /** {@return the command-line name, e.g. {@code k-means++}} */
    public String label() {
        return label;
    }

    /** {@return every command-line name, in declaration order} */
    public static List<String> labels() {
        return Arrays.stream(values()).map(InitMethod::label).toList();
    }

    /**
     * The method with this command-line name.
     *
     * @param label a command-line name, e.g. {@code kmeans}
     * @return the method it names
     * @throws IllegalArgumentException naming the choices, when there is none
     */
    public static InitMethod byLabel(String label) {
        for (InitMethod method : values()) {
            if (method.label.equals(label)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown init method '" + label + "': choose "
                + String.join(", ", labels()));
    }

    /**
     * θ₀ for K components with this seed.
     *
     * @param data       N×D, the points to fit
     * @param components K, at least 1 and at most N
     * @param seed       the seed of every random choice: the same seed gives the same start
     * @param regCovar added to the diagonal of covariances estimated from clusters (not used by random-points,
     *                 whose covariance is the data's)
     * @return the starting parameters θ₀
     */
    public GaussianMixture start(DataMatrix data, int components, long seed, double regCovar) {
        return switch (this) {
            case RANDOM_POINTS -> Initialisation.randomPoints(data, components, seed);
            case RANDOM_RESPONSIBILITIES -> Initialisation.randomResponsibilities(data, components, seed, regCovar);
            case K_MEANS_PLUS_PLUS -> Initialisation.kMeansPlusPlus(data, components, seed, regCovar);
            case SKLEARN_K_MEANS_PLUS_PLUS -> Initialisation.sklearnKMeansPlusPlus(data, components, seed, regCovar);
            case KMEANS -> Initialisation.kMeans(data, components, seed, regCovar);
        };
    }
}
