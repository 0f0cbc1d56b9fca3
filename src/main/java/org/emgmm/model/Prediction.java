package org.emgmm.model;

import java.util.Locale;

/**
 * What a fitted mixture says about points, as scikit-learn's {@code GaussianMixture} offers it:
 * <pre>
 *   score-samples  log p(xᵢ)   = log Σₖ πₖ N(xᵢ | μₖ, Σₖ)         (log-sum-exp)
 *   predict-proba  r[i][k]     = exp(log πₖ + log N(xᵢ | μₖ, Σₖ) − log p(xᵢ))
 *   predict        labelᵢ      = argmaxₖ r[i][k], a tie going to the lowest k
 *   score          (1/N) Σᵢ log p(xᵢ)
 * </pre>
 * Everything is computed in log space: a point far from every component has densities that are 0 in
 * double precision, but their logarithms, and so its responsibilities, are still exact
 * ({@link LogSumExp}). The responsibilities are those of an E-step at the mixture's parameters.
 *
 * <p>Immutable; computed once, on {@link #of}. Points are given flat and row-major,
 * {@code xᵢ[j] = points[i * D + j]}, like {@link org.emgmm.data.DataMatrix#toFlatArray()}.
 */
public final class Prediction {

    private final int points;
    private final int components;
    /** r[i][k] = probabilities[i * K + k]. */
    private final double[] probabilities;
    /** log p(xᵢ). */
    private final double[] logDensities;
    private final int[] labels;

    private Prediction(int points, int components, double[] probabilities, double[] logDensities, int[] labels) {
        this.points = points;
        this.components = components;
        this.probabilities = probabilities;
        this.logDensities = logDensities;
        this.labels = labels;
    }

    /**
     * The prediction of {@code mixture} at N points.
     *
     * @param mixture the fitted parameters θ
     * @param points  N·D values, row-major, D the mixture's dimension. Not modified.
     * @return the log-densities, responsibilities and labels of the N points
     * @throws IllegalArgumentException if the values are not whole points of the mixture's dimension, or a
     *                                  point is so far from every component that log p(x) is −∞
     */
    public static Prediction of(GaussianMixture mixture, double[] points) {
        int d = mixture.dimension();
        int k = mixture.components();
        if (points.length % d != 0) {
            throw new IllegalArgumentException(points.length + " values are not whole points of dimension " + d);
        }
        int n = points.length / d;
        double[] logWeights = new double[k];
        for (int c = 0; c < k; c++) {
            logWeights[c] = Math.log(mixture.weight(c)); // −∞ for a weight of 0: that component takes no point
        }
        double[] probabilities = new double[responsibilityCount(n, k)];
        double[] logDensities = new double[n];
        int[] labels = new int[n];
        double[] terms = new double[k];
        double[] scratch = new double[d];
        for (int i = 0; i < n; i++) {
            // log πₖ + log N(xᵢ | μₖ, Σₖ), then log p(xᵢ) = log Σₖ exp(...) without leaving log space
            for (int c = 0; c < k; c++) {
                terms[c] = logWeights[c] + mixture.logComponentDensity(c, points, i * d, scratch);
            }
            double logDensity = LogSumExp.of(terms);
            if (!(logDensity > Double.NEGATIVE_INFINITY) || Double.isInfinite(logDensity)) {
                throw new IllegalArgumentException("point " + (i + 1) + " has log-density " + logDensity
                        + " under the model: it is too far from every component; rescale the data or leave it out");
            }
            logDensities[i] = logDensity;
            int best = 0;
            for (int c = 0; c < k; c++) {
                double r = Math.exp(terms[c] - logDensity);
                probabilities[i * k + c] = r;
                if (r > probabilities[i * k + best]) { // strictly greater: a tie keeps the lower index
                    best = c;
                }
            }
            labels[i] = best;
        }
        return new Prediction(n, k, probabilities, logDensities, labels);
    }

    /**
     * N·K, the number of responsibilities, computed in {@code long} and checked before it is allocated.
     *
     * @throws IllegalArgumentException (bad input) when N·K does not fit in one Java array
     */
    private static int responsibilityCount(int n, int k) {
        long count = (long) n * k;
        if (count > ParameterChecks.MAX_ARRAY) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the responsibilities of %,d points for"
                    + " %,d components would need %,d numbers, more than the %,d a Java array holds: give fewer"
                    + " points at a time (split the data into files of at most %,d rows), or a model with fewer"
                    + " components", n, k, count, ParameterChecks.MAX_ARRAY, ParameterChecks.MAX_ARRAY / k));
        }
        return (int) count;
    }

    /**
     * The prediction at points given as rows (each of the mixture's dimension).
     *
     * @param mixture the fitted parameters θ
     * @param points  N rows of D coordinates. Not modified.
     * @return the log-densities, responsibilities and labels of the N points
     * @throws IllegalArgumentException if a row does not have D coordinates, or a point is too far from
     *                                  every component
     */
    public static Prediction of(GaussianMixture mixture, double[][] points) {
        int d = mixture.dimension();
        double[] flat = new double[Math.multiplyExact(points.length, d)];
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != d) {
                throw new IllegalArgumentException("point " + (i + 1) + " has " + points[i].length
                        + " coordinates, the mixture " + d);
            }
            System.arraycopy(points[i], 0, flat, i * d, d);
        }
        return of(mixture, flat);
    }

    /** {@return N, the number of points} */
    public int points() {
        return points;
    }

    /** {@return K, the number of components} */
    public int components() {
        return components;
    }

    /**
     * One responsibility (predict-proba).
     *
     * @param i the point, 0 ≤ i &lt; N
     * @param k the component, 0 ≤ k &lt; K
     * @return r[i][k], the probability that point i came from component k
     */
    public double probability(int i, int k) {
        return probabilities[i * components + k];
    }

    /** {@return the N×K responsibilities (predict-proba), a new array; each row sums to 1 up to rounding} */
    public double[][] probabilities() {
        double[][] rows = new double[points][components];
        for (int i = 0; i < points; i++) {
            System.arraycopy(probabilities, i * components, rows[i], 0, components);
        }
        return rows;
    }

    /** {@return the most probable component of each point (predict), ties to the lowest index; a new array} */
    public int[] labels() {
        return labels.clone();
    }

    /** {@return log p(xᵢ) for each point (score-samples), in nats; a new array} */
    public double[] logDensities() {
        return logDensities.clone();
    }

    /** {@return the mean log-density per point, (1/N) Σᵢ log p(xᵢ) (score); NaN for no points} */
    public double score() {
        double sum = 0.0;
        for (double logDensity : logDensities) {
            sum += logDensity;
        }
        return sum / points;
    }
}
