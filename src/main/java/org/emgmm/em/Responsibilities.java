package org.emgmm.em;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The N×K responsibilities of an E-step: r[i][k] = p(component k | xᵢ, θ), the share of point i that
 * component k explains. Each row sums to 1.
 *
 * <p>Flat row-major storage: {@code r[i][k] = values[i * K + k]}. Immutable: the array handed to
 * {@link #wrap} becomes this object's and must not be modified afterwards. Responsibilities made
 * {@link #onDemand} hold only their column sums until a value is asked for; then they compute all N·K
 * values once, and are from then on like any other.
 */
public final class Responsibilities {

    private final int points;
    private final int components;
    /** The N·K values; null for responsibilities made {@link #onDemand}. */
    private final double[] values;
    /** The values of responsibilities made {@link #onDemand}, computed when first asked for; else null. */
    private final OnDemand onDemand;
    /** Nₖ, when the E-step that made these handed them over; otherwise null, and summed on request. */
    private final double[] totals;

    private Responsibilities(int points, int components, double[] values, double[] totals, OnDemand onDemand) {
        if (values != null) {
            requireLength(points, components, values);
        }
        this.points = points;
        this.components = components;
        this.values = values;
        this.onDemand = onDemand;
        if (totals != null && totals.length != components) {
            throw new IllegalArgumentException("expected " + components + " component totals, got " + totals.length);
        }
        this.totals = totals == null ? null : totals.clone();
    }

    private static void requireLength(int points, int components, double[] values) {
        if (values.length != points * components) {
            throw new IllegalArgumentException("expected " + points + "x" + components + " responsibilities, got "
                    + values.length);
        }
    }

    /**
     * Takes ownership of a flat row-major N×K array without copying it (an E-step allocates it and
     * hands it over). The caller must not modify it afterwards.
     *
     * @param points     N
     * @param components K
     * @param values     N×K, flat row-major: {@code r[i][k] = values[i * K + k]}
     * @return the responsibilities, backed by {@code values}
     * @throws IllegalArgumentException if {@code values} does not hold N·K numbers
     */
    public static Responsibilities wrap(int points, int components, double[] values) {
        return new Responsibilities(points, components, values, null, null);
    }

    /**
     * Like {@link #wrap(int, int, double[])}, with the column sums Nₖ = Σᵢ r[i][k] that the E-step already
     * added up (copied), so that {@link #componentTotals()} need not pass over all N·K values again. They
     * must be those sums, up to rounding.
     *
     * @param points     N
     * @param components K
     * @param values     N×K, flat row-major: {@code r[i][k] = values[i * K + k]}
     * @param totals     the K column sums Nₖ of {@code values}. Not modified.
     * @return the responsibilities, backed by {@code values}
     * @throws IllegalArgumentException if {@code values} does not hold N·K numbers or {@code totals} K
     */
    public static Responsibilities wrap(int points, int components, double[] values, double[] totals) {
        return new Responsibilities(points, components, values, totals, null);
    }

    /**
     * Responsibilities whose N·K values are computed only when first asked for. The EM loop of a fast
     * implementation needs from most E-steps only Nₖ and the log-likelihood; laying out N·K values that
     * nobody reads would cost it more than some of its kernels. {@code compute} must give the same values
     * whenever it is called (an E-step run again on the same data and parameters does), so that these
     * responsibilities are as immutable as any others.
     *
     * @param points     N
     * @param components K
     * @param totals     the K column sums Nₖ of the values. Not modified.
     * @param compute    gives the N×K values, flat row-major, when first asked; must give the same values
     *                   on every call
     * @return the responsibilities
     * @throws IllegalArgumentException if {@code totals} is null or does not hold K numbers
     */
    public static Responsibilities onDemand(int points, int components, double[] totals, Supplier<double[]> compute) {
        if (totals == null) {
            throw new IllegalArgumentException("responsibilities on demand need their component totals");
        }
        return new Responsibilities(points, components, null, totals, new OnDemand(points, components, compute));
    }

    /** {@return the N·K values, computing them first if these were made on demand} */
    private double[] values() {
        return values != null ? values : onDemand.get();
    }

    /** The values of responsibilities made on demand: computed once, by the first caller that asks. */
    private static final class OnDemand {
        private final int points;
        private final int components;
        private Supplier<double[]> compute;
        private volatile double[] values;

        OnDemand(int points, int components, Supplier<double[]> compute) {
            this.points = points;
            this.components = components;
            this.compute = compute;
        }

        double[] get() {
            double[] known = values;
            if (known != null) {
                return known;
            }
            synchronized (this) {
                if (values == null) {
                    double[] computed = compute.get();
                    requireLength(points, components, computed);
                    values = computed;
                    compute = null;
                }
                return values;
            }
        }
    }

    /** {@return N, the number of points (rows)} */
    public int points() {
        return points;
    }

    /** {@return K, the number of components (columns)} */
    public int components() {
        return components;
    }

    /**
     * One responsibility.
     *
     * @param i the point, 0 ≤ i &lt; N
     * @param k the component, 0 ≤ k &lt; K
     * @return r[i][k], in [0, 1]
     */
    public double get(int i, int k) {
        return values()[i * components + k];
    }

    /** {@return a copy of all values, flat row-major: {@code r[i][k] = result[i * K + k]}} */
    public double[] toFlatArray() {
        return values().clone();
    }

    /** {@return Nₖ = Σᵢ r[i][k] for each k: the effective number of points each component owns} */
    public double[] componentTotals() {
        if (this.totals != null) {
            return this.totals.clone();
        }
        double[] all = values();
        double[] totals = new double[components];
        for (int i = 0; i < points; i++) {
            for (int k = 0; k < components; k++) {
                totals[k] += all[i * components + k];
            }
        }
        return totals;
    }

    /** {@return for each of the N points, the component with the largest responsibility (the first, on ties)} */
    public int[] hardAssignments() {
        int[] labels = new int[points];
        for (int i = 0; i < points; i++) {
            int best = 0;
            for (int k = 1; k < components; k++) {
                if (get(i, k) > get(i, best)) {
                    best = k;
                }
            }
            labels[i] = best;
        }
        return labels;
    }

    @Override
    public String toString() {
        return "Responsibilities(" + points + "x" + components + ")" + (points <= 4 ? Arrays.toString(values()) : "");
    }
}
