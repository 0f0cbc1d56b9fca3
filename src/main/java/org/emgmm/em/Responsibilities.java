package org.emgmm.em;

import java.util.Arrays;

/**
 * The N×K responsibilities of an E-step: r[i][k] = p(component k | xᵢ, θ), the share of point i that
 * component k explains. Each row sums to 1.
 *
 * <p>Flat row-major storage: {@code r[i][k] = values[i * K + k]}. Immutable: the array handed to
 * {@link #wrap} becomes this object's and must not be modified afterwards.
 */
public final class Responsibilities {

    private final int points;
    private final int components;
    private final double[] values;
    /** Nₖ, when the E-step that made these handed them over; otherwise null, and summed on request. */
    private final double[] totals;

    private Responsibilities(int points, int components, double[] values, double[] totals) {
        if (values.length != points * components) {
            throw new IllegalArgumentException("expected " + points + "x" + components + " responsibilities, got "
                    + values.length);
        }
        this.points = points;
        this.components = components;
        this.values = values;
        if (totals != null && totals.length != components) {
            throw new IllegalArgumentException("expected " + components + " component totals, got " + totals.length);
        }
        this.totals = totals == null ? null : totals.clone();
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
        return new Responsibilities(points, components, values, null);
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
        return new Responsibilities(points, components, values, totals);
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
        return values[i * components + k];
    }

    /** {@return a copy of all values, flat row-major: {@code r[i][k] = result[i * K + k]}} */
    public double[] toFlatArray() {
        return values.clone();
    }

    /** {@return Nₖ = Σᵢ r[i][k] for each k: the effective number of points each component owns} */
    public double[] componentTotals() {
        if (this.totals != null) {
            return this.totals.clone();
        }
        double[] totals = new double[components];
        for (int i = 0; i < points; i++) {
            for (int k = 0; k < components; k++) {
                totals[k] += values[i * components + k];
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
        return "Responsibilities(" + points + "x" + components + ")" + (points <= 4 ? Arrays.toString(values) : "");
    }
}
