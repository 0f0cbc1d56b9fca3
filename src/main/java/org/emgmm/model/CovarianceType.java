package org.emgmm.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The shape every component's covariance may take, with scikit-learn's names and meanings:
 * <pre>
 *   full       Σₖ any symmetric positive-definite matrix     K · D(D+1)/2 free covariance parameters
 *   diag       Σₖ = diag(σ²ₖ₁, …, σ²ₖD): axis-aligned         K · D
 *   spherical  Σₖ = σ²ₖ I: round                              K
 *   tied       Σₖ = Σ, the same full matrix for every k       D(D+1)/2
 * </pre>
 * Whatever the type, a {@link GaussianMixture} stores K full D×D matrices, so densities, pictures and
 * the model file read the same way; the type constrains which matrices are allowed.
 *
 * <p>The M-step for a constrained type starts from the same weighted scatter matrix as for full
 * covariances, Sₖ = (1/Nₖ) Σᵢ r[i][k] (xᵢ − μₖ)(xᵢ − μₖ)ᵀ, and keeps the part the type allows
 * ({@link #constrain}). Keeping only that part is what maximises the expected complete-data
 * log-likelihood under each constraint (set its derivative to zero with the constraint in place):
 * <pre>
 *   full       Σₖ = Sₖ                                + regCovar · I
 *   diag       Σₖ = diag(Sₖ)                          + regCovar · I
 *   spherical  Σₖ = (trace(Sₖ) / D) · I               + regCovar · I
 *   tied       Σ  = (Σₖ Nₖ Sₖ) / (Σₖ Nₖ)              + regCovar · I
 * </pre>
 */
public enum CovarianceType {
    /** {@code full}: Σₖ any symmetric positive-definite matrix. */
    FULL,
    /** {@code diag}: Σₖ diagonal, its axes along the coordinate axes. */
    DIAG,
    /** {@code spherical}: Σₖ = σ²ₖ I, one variance per component. */
    SPHERICAL,
    /** {@code tied}: one full matrix Σ shared by every component. */
    TIED;

    /**
     * How far an entry that the type fixes may stray, relative to the largest variance of the mixture.
     * Matrices the M-step builds conform exactly; a model file printed with 17 digits does too. 1e-9
     * also accepts files written by hand or with fewer digits, and still refuses a matrix that plainly
     * has a correlation (diag), unequal variances (spherical) or a shape of its own (tied).
     */
    public static final double CONFORMANCE_TOLERANCE = 1e-9;

    /** {@return the name on the command line and in the model file: full, diag, spherical or tied} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return the four labels, in the order scikit-learn lists them} */
    public static List<String> labels() {
        return Arrays.stream(values()).map(CovarianceType::label).toList();
    }

    /**
     * The type with this label.
     *
     * @param label full, diag, spherical or tied
     * @return the type it names
     * @throws IllegalArgumentException naming the labels there are
     */
    public static CovarianceType byLabel(String label) {
        for (CovarianceType type : values()) {
            if (type.label().equals(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown covariance type '" + label + "': use one of "
                + String.join(", ", labels()));
    }

    /**
     * The free parameters of K covariances of this type in D dimensions (see the table above).
     *
     * @param components K
     * @param dimension  D
     * @return how many numbers the K covariances are free to take, e.g. K · D(D+1)/2 for full
     * @throws ArithmeticException if that count does not fit in a long (full, with K and D near 2³¹)
     */
    public long freeCovarianceParameters(int components, int dimension) {
        long symmetric = (long) dimension * (dimension + 1L) / 2;
        return switch (this) {
            case FULL -> Math.multiplyExact(components, symmetric);
            case DIAG -> (long) components * dimension;
            case SPHERICAL -> components;
            case TIED -> symmetric;
        };
    }

    /**
     * The M-step's covariances of this type, from each component's weighted scatter matrix.
     *
     * @param counts      Nₖ for each component (any positive scale: only their ratios matter to tied)
     * @param scatters    K·D·D values, flat: Sₖ for a component that is not empty, its previous covariance
     *                    for one that is. Not modified.
     * @param empty       which components are empty: they keep their previous covariance, unless the type
     *                    is tied, where every component takes the shared matrix. Not modified.
     * @param dimension   D
     * @param regCovar    added to every new covariance's diagonal
     * @return K·D·D values, a new array
     */
    public double[] constrain(double[] counts, double[] scatters, boolean[] empty, int dimension, double regCovar) {
        int k = counts.length;
        int d = dimension;
        double[] result = new double[scatters.length];
        if (this == TIED) {
            double[] shared = pooled(counts, scatters, empty, d);
            addToDiagonal(shared, 0, d, regCovar);
            for (int c = 0; c < k; c++) {
                System.arraycopy(shared, 0, result, c * d * d, d * d);
            }
            return result;
        }
        for (int c = 0; c < k; c++) {
            int base = c * d * d;
            if (empty[c]) {
                System.arraycopy(scatters, base, result, base, d * d);
                continue;
            }
            switch (this) {
                case FULL -> System.arraycopy(scatters, base, result, base, d * d);
                case DIAG -> {
                    for (int a = 0; a < d; a++) {
                        result[base + a * d + a] = scatters[base + a * d + a];      // diag(Sₖ)
                    }
                }
                default -> {
                    double trace = 0.0;
                    for (int a = 0; a < d; a++) {
                        trace += scatters[base + a * d + a];
                    }
                    for (int a = 0; a < d; a++) {
                        result[base + a * d + a] = trace / d;                       // (trace(Sₖ) / D) · I
                    }
                }
            }
            addToDiagonal(result, base, d, regCovar);
        }
        return result;
    }

    /** (Σₖ Nₖ Sₖ) / (Σₖ Nₖ) over the components that are not empty. */
    private static double[] pooled(double[] counts, double[] scatters, boolean[] empty, int d) {
        double[] shared = new double[d * d];
        double total = 0.0;
        for (int c = 0; c < counts.length; c++) {
            if (empty[c]) {
                continue;
            }
            total += counts[c];
            for (int e = 0; e < d * d; e++) {
                shared[e] += counts[c] * scatters[c * d * d + e];
            }
        }
        for (int e = 0; e < d * d; e++) {
            shared[e] /= total;
        }
        return shared;
    }

    private static void addToDiagonal(double[] matrices, int base, int d, double value) {
        for (int a = 0; a < d; a++) {
            matrices[base + a * d + a] += value;
        }
    }

    /**
     * Checks that K covariances have this type's shape, within {@link #CONFORMANCE_TOLERANCE}.
     *
     * @param components  K
     * @param dimension   D
     * @param covariances K·D·D values, flat: {@code Σₖ[a][b] = covariances[(k * D + a) * D + b]}. Not modified.
     * @throws InvalidMixtureException naming the component and the entry at fault, and what the type needs
     */
    public void requireConforms(int components, int dimension, double[] covariances) {
        if (this == FULL) {
            return; // any symmetric matrix; symmetry and positive-definiteness are GaussianMixture's checks
        }
        int d = dimension;
        double scale = 0.0;
        for (int c = 0; c < components; c++) {
            for (int a = 0; a < d; a++) {
                scale = Math.max(scale, Math.abs(covariances[(c * d + a) * d + a]));
            }
        }
        double allowed = CONFORMANCE_TOLERANCE * scale;
        for (int c = 0; c < components; c++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    double value = covariances[(c * d + a) * d + b];
                    // the entry this type says it must equal: 0 off the diagonal, [0][0] on it (spherical),
                    // component 0's (tied)
                    double required = switch (this) {
                        case DIAG -> a == b ? value : 0.0;
                        case SPHERICAL -> a == b ? covariances[c * d * d] : 0.0;
                        default -> covariances[a * d + b];
                    };
                    if (Math.abs(value - required) > allowed) {
                        throw new InvalidMixtureException(c, nonConforming(c, a, b, value, required));
                    }
                }
            }
        }
    }

    /** The message for entry [a][b] of component c, which should be {@code required} for this type. */
    private String nonConforming(int c, int a, int b, double value, double required) {
        String entry = "covariance of component " + c + " has [" + a + "][" + b + "] = " + value;
        return switch (this) {
            case DIAG -> entry + ", but covariance type diag needs 0 off the diagonal: give diagonal matrices or"
                    + " choose --covariance-type full";
            case SPHERICAL -> a != b
                    ? entry + ", but covariance type spherical needs 0 off the diagonal: give σ² times the identity"
                            + " or choose --covariance-type full"
                    : entry + " but [0][0] = " + required + ", and covariance type spherical needs one variance:"
                            + " give σ² times the identity or choose --covariance-type diag";
            default -> entry + " but component 0 has " + required + ", and covariance type tied needs one matrix"
                    + " for all: give equal covariances or choose --covariance-type full";
        };
    }
}
