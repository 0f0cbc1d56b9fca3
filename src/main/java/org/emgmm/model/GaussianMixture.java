package org.emgmm.model;

import java.util.Arrays;
import org.emgmm.linalg.Cholesky;

/**
 * The parameters θ = (π, μ, Σ) of a mixture of K Gaussians in D dimensions:
 * <pre>
 *   p(x | θ) = Σₖ πₖ N(x | μₖ, Σₖ)
 * </pre>
 * Immutable and self-validating: shapes agree, weights are ≥ 0 and sum to 1 (within
 * {@link #WEIGHT_SUM_TOLERANCE}), every covariance is symmetric (within {@link #SYMMETRY_TOLERANCE})
 * and positive-definite. Each component's Cholesky factor and log-determinant are computed once, on
 * construction, and shared by fitting and prediction alike: a new set of parameters after an M-step
 * is a new object, so the factors are computed exactly once per iteration.
 *
 * <p>Storage is flat and row-major:
 * <pre>
 *   weight πₖ        = weights[k]
 *   mean μₖ[j]       = means[k * D + j]
 *   covariance Σₖ[a][b] = covariances[(k * D + a) * D + b]
 * </pre>
 * Accessors hand out copies.
 *
 * <p>Every mixture has a {@link CovarianceType}: {@code full} unless built with one, in which case its
 * covariances are checked to have that type's shape. The M-steps keep the type of the mixture they start
 * from.
 */
public final class GaussianMixture {

    /**
     * How far Σπₖ may stray from 1. Weights computed as Nₖ/N sum to 1 up to K rounding errors of
     * about 1e-16 each; 1e-9 accepts those and weights typed by hand to nine decimals, and still
     * catches weights that were never normalised.
     */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-9;

    /**
     * How far |Σ[a][b] − Σ[b][a]| may be, relative to the largest diagonal entry. Covariances read
     * from JSON printed with 17 digits are symmetric to about 1e-16; 1e-9 leaves room for files
     * written with fewer digits and still refuses a matrix that is genuinely not symmetric.
     */
    public static final double SYMMETRY_TOLERANCE = 1e-9;

    private static final double LOG_TWO_PI = Math.log(2.0 * Math.PI);

    private final int components;
    private final int dimension;
    private final double[] weights;
    private final double[] means;
    private final double[] covariances;
    private final Cholesky[] factors;
    private final CovarianceType covarianceType;

    private GaussianMixture(CovarianceType covarianceType, int components, int dimension, double[] weights,
            double[] means, double[] covariances) {
        this.covarianceType = covarianceType;
        this.components = components;
        this.dimension = dimension;
        this.weights = weights;
        this.means = means;
        this.covariances = covariances;
        ParameterChecks.requireWeights(weights);
        ParameterChecks.requireFiniteMeans(means, dimension);
        this.factors = new Cholesky[components];
        for (int k = 0; k < components; k++) {
            ParameterChecks.requireSymmetric(k, covariances, dimension);
        }
        covarianceType.requireConforms(components, dimension, covariances);
        for (int k = 0; k < components; k++) {
            factors[k] = factor(k);
        }
    }

    /**
     * Builds a mixture from flat arrays (copied).
     *
     * @param components  K ≥ 1
     * @param dimension   D ≥ 1
     * @param weights     K weights. Not modified.
     * @param means       K·D values, {@code μₖ[j] = means[k * D + j]}. Not modified.
     * @param covariances K·D·D values, {@code Σₖ[a][b] = covariances[(k * D + a) * D + b]}. Not modified.
     * @return the mixture, with full covariances
     * @throws InvalidMixtureException naming the component at fault
     */
    public static GaussianMixture ofFlat(int components, int dimension, double[] weights, double[] means,
            double[] covariances) {
        return ofFlat(CovarianceType.FULL, components, dimension, weights, means, covariances);
    }

    /**
     * Builds a mixture of a given covariance type from flat arrays (copied), as {@link #ofFlat(int, int,
     * double[], double[], double[])} does, and checks that every covariance has the type's shape.
     *
     * @param covarianceType the shape every covariance must have
     * @param components     K ≥ 1
     * @param dimension      D ≥ 1
     * @param weights        K weights. Not modified.
     * @param means          K·D values, {@code μₖ[j] = means[k * D + j]}. Not modified.
     * @param covariances    K·D·D values, {@code Σₖ[a][b] = covariances[(k * D + a) * D + b]}, full D×D
     *                       matrices whatever the type. Not modified.
     * @return the mixture, of that covariance type
     * @throws InvalidMixtureException naming the component at fault
     */
    public static GaussianMixture ofFlat(CovarianceType covarianceType, int components, int dimension,
            double[] weights, double[] means, double[] covariances) {
        return ofFlatKeeping(covarianceType, components, dimension, weights, means, covariances.clone());
    }

    /**
     * The parameters an M-step ends with: each covariance is the component's scatter matrix constrained to
     * the type, plus regCovar on its diagonal ({@link CovarianceType#constrain}). The same mixture as
     * {@code ofFlat(type, k, d, weights, means, type.constrain(counts, scatters, empty, d, regCovar))}, with
     * one copy of the covariances fewer: the array {@code constrain} returns is new, so the mixture keeps it.
     * (At D = 50 a copy is 20,000 doubles per component, made once an iteration; in a short run each copy
     * lands on memory the process has not touched before, which costs more than the copying.)
     *
     * @param type       the covariance type, kept from the previous parameters
     * @param components K ≥ 1
     * @param dimension  D ≥ 1
     * @param weights    K weights. Not modified.
     * @param means      K·D values. Not modified.
     * @param counts     Nₖ for each component. Not modified.
     * @param scatters   K·D·D values, flat: Sₖ, or the previous covariance of an empty component. Not modified.
     * @param empty      which components are empty. Not modified.
     * @param regCovar   added to every new covariance's diagonal
     * @return the mixture
     * @throws InvalidMixtureException naming the component at fault
     */
    public static GaussianMixture fromScatters(CovarianceType type, int components, int dimension, double[] weights,
            double[] means, double[] counts, double[] scatters, boolean[] empty, double regCovar) {
        ParameterChecks.requireLength("counts", counts.length, components);
        ParameterChecks.requireLength("empty flags", empty.length, components);
        ParameterChecks.requireLength("scatter values", scatters.length, (long) components * dimension * dimension);
        double[] covariances = type.constrain(counts, scatters, empty, dimension, regCovar);
        return ofFlatKeeping(type, components, dimension, weights, means, covariances);
    }

    /**
     * {@link #ofFlat(CovarianceType, int, int, double[], double[], double[])} that keeps {@code covariances}
     * instead of copying it: for an array nobody else holds.
     */
    private static GaussianMixture ofFlatKeeping(CovarianceType covarianceType, int components, int dimension,
            double[] weights, double[] means, double[] covariances) {
        if (components < 1) {
            throw new InvalidMixtureException(-1, "a mixture needs at least one component, got " + components);
        }
        if (dimension < 1) {
            throw new InvalidMixtureException(-1, "a mixture needs at least one dimension, got " + dimension);
        }
        ParameterChecks.requireLength("weights", weights.length, components);
        ParameterChecks.requireLength("mean values", means.length, (long) components * dimension);
        ParameterChecks.requireLength("covariance values", covariances.length,
                (long) components * dimension * dimension);
        return new GaussianMixture(covarianceType, components, dimension, weights.clone(), means.clone(),
                covariances);
    }

    /**
     * The same parameters declared to be of another covariance type.
     *
     * @param type the type to declare
     * @return this mixture if it has that type already, otherwise a copy of that type
     * @throws InvalidMixtureException if the covariances do not have that type's shape, naming the entry
     */
    public GaussianMixture withCovarianceType(CovarianceType type) {
        return type == covarianceType ? this : ofFlat(type, components, dimension, weights, means, covariances);
    }

    /**
     * The nearest parameters of another covariance type: each covariance replaced by the part the type
     * allows, as the M-step of that type would keep it ({@link CovarianceType#constrain}), with the
     * weights πₖ standing in for the counts Nₖ. A start chosen for full covariances becomes a start for
     * any type this way.
     *
     * @param type the covariance type wanted
     * @return this mixture if it has that type already, otherwise the same weights and means with each
     *         covariance constrained to the type
     */
    public GaussianMixture constrainedTo(CovarianceType type) {
        if (type == covarianceType) {
            return this;
        }
        double[] constrained = type.constrain(weights, covariances, new boolean[components], dimension, 0.0);
        return ofFlat(type, components, dimension, weights, means, constrained);
    }

    /**
     * Builds a mixture from nested arrays (copied), checking that every shape agrees.
     *
     * @param weights     K weights
     * @param means       K arrays of D
     * @param covariances K arrays of D arrays of D
     * @return the mixture, with full covariances
     * @throws InvalidMixtureException naming the component at fault
     */
    public static GaussianMixture of(double[] weights, double[][] means, double[][][] covariances) {
        int k = weights.length;
        if (k < 1) {
            throw new InvalidMixtureException(-1, "a mixture needs at least one component: \"weights\" is empty");
        }
        if (means.length != k) {
            throw new InvalidMixtureException(-1, "there are " + k + " weights but " + means.length + " means");
        }
        if (covariances.length != k) {
            throw new InvalidMixtureException(-1, "there are " + k + " weights but " + covariances.length
                    + " covariances");
        }
        int d = means[0].length;
        ParameterChecks.requireFlatArraysFit(k, d);
        ParameterChecks.requireShapes(means, covariances, d);
        double[] flatMeans = new double[k * d];
        double[] flatCovariances = new double[k * d * d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(means[c], 0, flatMeans, c * d, d);
            for (int a = 0; a < d; a++) {
                System.arraycopy(covariances[c][a], 0, flatCovariances, (c * d + a) * d, d);
            }
        }
        return ofFlat(k, d, weights, flatMeans, flatCovariances);
    }

    private Cholesky factor(int k) {
        return Cholesky.decompose(covariances, k * dimension * dimension, dimension)
                .orElseThrow(() -> new NotPositiveDefiniteException(k,
                        "covariance of component " + k + " is not positive-definite"));
    }

    /** {@return the shape the covariances are constrained to: {@code full} unless the mixture was built with a type} */
    public CovarianceType covarianceType() {
        return covarianceType;
    }

    /** {@return K, the number of components} */
    public int components() {
        return components;
    }

    /** {@return D, the dimension of each component} */
    public int dimension() {
        return dimension;
    }

    /**
     * One weight.
     *
     * @param k the component, 0 ≤ k &lt; K
     * @return πₖ, in [0, 1]
     */
    public double weight(int k) {
        return weights[k];
    }

    /**
     * One coordinate of one mean.
     *
     * @param k the component, 0 ≤ k &lt; K
     * @param j the coordinate, 0 ≤ j &lt; D
     * @return μₖ[j]
     */
    public double mean(int k, int j) {
        return means[k * dimension + j];
    }

    /**
     * One entry of one covariance.
     *
     * @param k the component, 0 ≤ k &lt; K
     * @param a the row, 0 ≤ a &lt; D
     * @param b the column, 0 ≤ b &lt; D
     * @return Σₖ[a][b]
     */
    public double covariance(int k, int a, int b) {
        return covariances[(k * dimension + a) * dimension + b];
    }

    /** {@return a copy of the K weights π₀ … πₖ₋₁} */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * One mean.
     *
     * @param k the component, 0 ≤ k &lt; K
     * @return a copy of μₖ, D values
     */
    public double[] mean(int k) {
        return Arrays.copyOfRange(means, k * dimension, (k + 1) * dimension);
    }

    /** {@return a copy of all means, K×D flat row-major: {@code μₖ[j] = result[k * D + j]}} */
    public double[] flatMeans() {
        return means.clone();
    }

    /**
     * One covariance, flat.
     *
     * @param k the component, 0 ≤ k &lt; K
     * @return a copy of Σₖ, D×D flat row-major: {@code Σₖ[a][b] = result[a * D + b]}
     */
    public double[] covariance(int k) {
        return Arrays.copyOfRange(covariances, k * dimension * dimension, (k + 1) * dimension * dimension);
    }

    /** {@return a copy of all covariances, K×D×D flat: {@code Σₖ[a][b] = result[(k * D + a) * D + b]}} */
    public double[] flatCovariances() {
        return covariances.clone();
    }

    /**
     * One covariance, nested.
     *
     * @param k the component, 0 ≤ k &lt; K
     * @return a copy of Σₖ as a D×D array of rows
     */
    public double[][] covarianceMatrix(int k) {
        double[][] sigma = new double[dimension][dimension];
        for (int a = 0; a < dimension; a++) {
            for (int b = 0; b < dimension; b++) {
                sigma[a][b] = covariance(k, a, b);
            }
        }
        return sigma;
    }

    /**
     * The Cholesky factor of one covariance.
     *
     * @param k the component, 0 ≤ k &lt; K
     * @return L with Σₖ = L Lᵀ, computed once when this mixture was built
     */
    public Cholesky cholesky(int k) {
        return factors[k];
    }

    /**
     * log N(x | μₖ, Σₖ) = −½ (D log 2π + log det Σₖ + (x − μₖ)ᵀ Σₖ⁻¹ (x − μₖ)), via the Cholesky factor.
     *
     * @param k       the component, 0 ≤ k &lt; K
     * @param x       the point at {@code x[offset .. offset + D)}. Not modified.
     * @param offset  where the point starts in {@code x}, e.g. i·D for row i of flat N×D data
     * @param scratch at least D doubles of working space. Modified.
     * @return log N(x | μₖ, Σₖ), in nats
     */
    public double logComponentDensity(int k, double[] x, int offset, double[] scratch) {
        double mahalanobis = factors[k].mahalanobisSquared(x, offset, means, k * dimension, scratch);
        return -0.5 * (dimension * LOG_TWO_PI + factors[k].logDeterminant() + mahalanobis);
    }

    /**
     * log N(x | μₖ, Σₖ) for a point given as its own array.
     *
     * @param k the component, 0 ≤ k &lt; K
     * @param x the point, D values. Not modified.
     * @return log N(x | μₖ, Σₖ), in nats
     * @throws IllegalArgumentException if x does not have D values
     */
    public double logComponentDensity(int k, double[] x) {
        requirePointDimension(x);
        return logComponentDensity(k, x, 0, new double[dimension]);
    }

    /**
     * log p(x | θ) = log Σₖ πₖ N(x | μₖ, Σₖ), by log-sum-exp.
     *
     * @param x the point, D values. Not modified.
     * @return the mixture's log-density at x, in nats
     * @throws IllegalArgumentException if x does not have D values
     */
    public double logDensity(double[] x) {
        requirePointDimension(x);
        double[] scratch = new double[dimension];
        double[] terms = new double[components];
        for (int k = 0; k < components; k++) {
            terms[k] = Math.log(weights[k]) + logComponentDensity(k, x, 0, scratch);
        }
        return LogSumExp.of(terms);
    }

    private void requirePointDimension(double[] x) {
        if (x.length != dimension) {
            throw new IllegalArgumentException("point has " + x.length + " coordinates, the mixture " + dimension);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GaussianMixture that
                && covarianceType == that.covarianceType
                && Arrays.equals(weights, that.weights)
                && Arrays.equals(means, that.means)
                && Arrays.equals(covariances, that.covariances);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(weights) + Arrays.hashCode(means)) + Arrays.hashCode(covariances);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("GaussianMixture(K=" + components + ", D=" + dimension
                + (covarianceType == CovarianceType.FULL ? "" : ", " + covarianceType.label()) + ")");
        for (int k = 0; k < components; k++) {
            text.append(String.format("%n  component %d: weight %.6g, mean %s", k, weights[k],
                    Arrays.toString(mean(k))));
        }
        return text.toString();
    }
}
