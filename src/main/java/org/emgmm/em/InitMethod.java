package org.emgmm.em;

import java.util.Arrays;
import java.util.List;
import org.emgmm.data.DataMatrix;
import org.emgmm.model.GaussianMixture;

/** The seeded ways to choose a start, by their command-line names; see {@link Initialisation}. */
public enum InitMethod {

    RANDOM_POINTS("random-points"),
    RANDOM_RESPONSIBILITIES("random-responsibilities"),
    K_MEANS_PLUS_PLUS("k-means++"),
    KMEANS("kmeans");

    private final String label;

    InitMethod(String label) {
        this.label = label;
    }

    /** The command-line name, e.g. {@code k-means++}. */
    public String label() {
        return label;
    }

    /** Every command-line name, in declaration order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(InitMethod::label).toList();
    }

    /** The method with this command-line name. @throws IllegalArgumentException naming the choices */
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
     * @param regCovar added to the diagonal of covariances estimated from clusters (not used by random-points,
     *                 whose covariance is the data's)
     */
    public GaussianMixture start(DataMatrix data, int components, long seed, double regCovar) {
        return switch (this) {
            case RANDOM_POINTS -> Initialisation.randomPoints(data, components, seed);
            case RANDOM_RESPONSIBILITIES -> Initialisation.randomResponsibilities(data, components, seed, regCovar);
            case K_MEANS_PLUS_PLUS -> Initialisation.kMeansPlusPlus(data, components, seed, regCovar);
            case KMEANS -> Initialisation.kMeans(data, components, seed, regCovar);
        };
    }
}
