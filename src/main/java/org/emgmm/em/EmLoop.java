package org.emgmm.em;

import java.util.Arrays;
import java.util.TreeSet;
import org.emgmm.data.DataException;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Sizes;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.NotPositiveDefiniteException;

/**
 * The EM loop every implementation shares, so that they all count, trace and stop the same way.
 * <pre>
 *   θ₀ = start
 *   E-step on θ₀                        → r, trace[0] = L(θ₀)/N
 *   for t = 1 .. maxIterations:         (iteration t = one E-step then one M-step)
 *       M-step with r                   → θₜ
 *       E-step on θₜ                    → r, trace[t] = L(θₜ)/N
 *       stop if |trace[t] − trace[t−1]| &lt; tolerance
 * </pre>
 * With sample weights wᵢ (see {@link DataMatrix#withSampleWeights}) N is W = Σᵢ wᵢ, L(θ) is
 * Σᵢ wᵢ log p(xᵢ | θ), and a component is empty when its weighted count Σᵢ wᵢ r[i][k] is below the
 * threshold; without weights W = N and nothing changes, bit for bit.
 *
 * <p>The E-step on θₜ serves twice: it gives θₜ's log-likelihood for the trace, and it is the first half
 * of iteration t+1. So the last trace entry always belongs to the parameters returned, and
 * {@code maxIterations = 0} returns the start with its log-likelihood.
 */
public final class EmLoop {

    /** The trace's first length; it doubles when full, up to maxIterations + 1. */
    static final int INITIAL_TRACE = 128;

    /** The implementation that evaluates densities in logarithms throughout (org.emgmm.vectorised.VectorisedEm). */
    private static final String VECTORISED = "vectorised";

    /** The implementations that take sample weights, for the message that refuses one that does not. */
    private static final String WEIGHTED_IMPLEMENTATIONS = "vectorised, loops or univariate";

    private EmLoop() {
    }

    /**
     * Runs EM.
     *
     * @param algorithm supplies the E- and M-steps
     * @param data      N×D with N ≥ K. Not modified.
     * @param start     θ₀, of dimension D. Not modified.
     * @param settings  iteration limit, tolerance, reg-covar
     * @return the last parameters, the trace L(θ₀)/N … L(θₜ)/N, the iterations run, whether it converged,
     *         the components that were ever empty, and the time taken
     * @throws DataException if the data does not fit the start (dimension, too few points)
     * @throws EmException   if a step fails, naming the iteration
     */
    public static EmResult run(EmAlgorithm algorithm, DataMatrix data, GaussianMixture start, EmSettings settings) {
        requireCompatible(data, start);
        requireCanFit(algorithm, data, start);
        long begin = System.nanoTime();
        int n = data.rows();
        // W = Σᵢ wᵢ, which is N (exactly) for unweighted data
        double totalWeight = data.totalWeight();
        // Grown as iterations run, so that a huge --max-iter costs nothing until the iterations happen.
        double[] trace = new double[Math.min(settings.maxIterations(), INITIAL_TRACE - 1) + 1];
        TreeSet<Integer> empty = new TreeSet<>();

        GaussianMixture model = start;
        EStep expectation = checkedEStep(algorithm, data, model, 0);
        trace[0] = expectation.logLikelihood() / totalWeight;
        int iteration = 0;
        boolean converged = false;
        while (iteration < settings.maxIterations() && !converged) {
            iteration++;
            if (iteration == trace.length) {
                trace = Arrays.copyOf(trace, (int) Math.min((long) trace.length * 2, settings.maxIterations() + 1L));
            }
            recordEmptyComponents(data, expectation.responsibilities(), empty);
            model = checkedMStep(algorithm, data, expectation.responsibilities(), model, settings.regCovar(),
                    iteration);
            expectation = checkedEStep(algorithm, data, model, iteration);
            trace[iteration] = expectation.logLikelihood() / totalWeight;
            converged = hasConverged(trace[iteration - 1], trace[iteration], settings.tolerance());
        }
        long nanos = System.nanoTime() - begin;
        int[] emptyComponents = empty.stream().mapToInt(Integer::intValue).toArray();
        return new EmResult(algorithm.name(), model, Arrays.copyOf(trace, iteration + 1), iteration, converged,
                emptyComponents, n, totalWeight, nanos);
    }

    /** Convergence test: |L(θₜ)/W − L(θₜ₋₁)/W| &lt; tolerance, W = Σᵢ wᵢ (= N unweighted). */
    static boolean hasConverged(double previous, double current, double tolerance) {
        return Math.abs(current - previous) < tolerance;
    }

    /**
     * Checks that EM can run on this data from this start, with a message that says how to fix it.
     *
     * @param data  N×D
     * @param start θ₀: its dimension must be D and its K at most N
     * @throws DataException if the columns do not match the start's dimension, or there are fewer points
     *                       than components
     */
    public static void requireCompatible(DataMatrix data, GaussianMixture start) {
        Sizes.requireCovariancesFit(start.dimension(), start.components());
        if (data.columns() != start.dimension()) {
            throw new DataException("the data has " + data.columns() + " columns but the initial parameters have "
                    + "dimension " + start.dimension() + ": choose matching columns with --columns or another init file");
        }
        if (data.rows() < start.components()) {
            throw new DataException("there are " + data.rows() + " points but " + start.components()
                    + " components: use at most " + data.rows() + " components or more data");
        }
    }

    /**
     * Checks that the implementation can fit this data from this start: its M-step keeps the start's
     * covariance type, and it takes sample weights if the data has them. {@link #run} checks this, and so
     * does {@link Restarts}, since an implementation may run a loop of its own.
     *
     * @param algorithm the implementation to run
     * @param data      the data it would fit, weighted or not
     * @param start     θ₀, whose covariance type the M-step must keep
     * @throws DataException if the implementation cannot keep the start's covariance type or would ignore
     *                       the data's sample weights
     */
    public static void requireCanFit(EmAlgorithm algorithm, DataMatrix data, GaussianMixture start) {
        requireSupported(algorithm, start.covarianceType());
        requireSampleWeightsSupported(algorithm, data);
    }

    /**
     * Checks that the implementation's M-step keeps covariances of this type, with a message that says what to do.
     *
     * @param algorithm the implementation to run
     * @param type      the covariance type of the start
     * @throws DataException if {@link EmAlgorithm#supports} says no
     */
    public static void requireSupported(EmAlgorithm algorithm, CovarianceType type) {
        if (!algorithm.supports(type)) {
            throw new DataException("the " + algorithm.name() + " implementation fits full covariances only, not "
                    + type.label() + ": use --covariance-type full or the vectorised or loops implementation");
        }
    }

    /**
     * Refuses weighted data for an implementation that would ignore the weights, saying which ones take them.
     *
     * @param algorithm the implementation to run
     * @param data      the data, with or without sample weights
     * @throws DataException if the data is weighted and the implementation does not take weights
     */
    public static void requireSampleWeightsSupported(EmAlgorithm algorithm, DataMatrix data) {
        if (data.isWeighted() && !algorithm.supportsSampleWeights()) {
            throw new DataException("the " + algorithm.name() + " implementation does not take sample weights:"
                    + " use --implementation " + WEIGHTED_IMPLEMENTATIONS + ", or drop the sample weights");
        }
    }

    /**
     * {@code algorithm.eStep(data, model)}, checked: an {@link EmException} from the step gets the
     * iteration added to its message, and a log-likelihood that is not finite becomes one.
     *
     * @param algorithm supplies the E-step
     * @param data      N×D. Not modified.
     * @param model     θₜ, the parameters to evaluate. Not modified.
     * @param iteration the iteration whose parameters these are (0 for the start)
     * @return the step's responsibilities and its finite log-likelihood
     * @throws EmException if the step fails or its log-likelihood is infinite or NaN
     */
    public static EStep checkedEStep(EmAlgorithm algorithm, DataMatrix data, GaussianMixture model, int iteration) {
        EStep result;
        try {
            result = algorithm.eStep(data, model);
        } catch (EmException e) {
            throw new EmException(e.getMessage() + " (evaluating the parameters of iteration " + iteration
                    + ", 0 = the initial ones)", e);
        }
        if (!Double.isFinite(result.logLikelihood())) {
            String magnitude = data.magnitudeProblem();
            throw new EmException("the log-likelihood became " + result.logLikelihood() + " at iteration "
                    + iteration + ": the " + algorithm.name() + " implementation could not evaluate the densities;"
                    + (magnitude != null ? " " + magnitude + ": rescale the data"
                    : algorithm.name().equals(VECTORISED) ? " rescale the data"
                    : " rescale the data or try the vectorised implementation"));
        }
        return result;
    }

    /**
     * {@code algorithm.mStep(data, r, previous, regCovar)}, checked: a covariance that is not
     * positive-definite becomes an {@link EmException} naming the component and the iteration, with advice.
     *
     * @param algorithm supplies the M-step
     * @param data      N×D. Not modified.
     * @param r         the N×K responsibilities from the last E-step. Not modified.
     * @param previous  the parameters that E-step used. Not modified.
     * @param regCovar  added to each new covariance's diagonal
     * @param iteration the iteration this M-step belongs to (1 for the first)
     * @return the new parameters, of {@code previous}'s covariance type
     * @throws EmException if a covariance is not positive-definite, or the step changed the covariance type
     */
    public static GaussianMixture checkedMStep(EmAlgorithm algorithm, DataMatrix data, Responsibilities r,
            GaussianMixture previous, double regCovar, int iteration) {
        GaussianMixture updated;
        try {
            updated = algorithm.mStep(data, r, previous, regCovar);
        } catch (NotPositiveDefiniteException e) {
            String magnitude = data.magnitudeProblem();
            if (magnitude != null) {
                throw new EmException("the covariance of component " + e.component() + " is not positive-definite"
                        + " after the M-step of iteration " + iteration + ": " + magnitude + ": rescale the data", e);
            }
            throw new EmException("the covariance of component " + e.component() + " is not positive-definite after"
                    + " the M-step of iteration " + iteration + " (reg-covar " + regCovar + "): raise --reg-covar,"
                    + " use fewer components, or scale the data", e);
        }
        if (updated.covarianceType() != previous.covarianceType()) {
            throw new EmException("the M-step of iteration " + iteration + " (" + algorithm.name() + ") returned "
                    + updated.covarianceType().label() + " covariances from " + previous.covarianceType().label()
                    + " ones: an M-step must keep the covariance type of the parameters it is given");
        }
        return updated;
    }

    /**
     * Adds to {@code empty} every component k of r with Nₖ = Σᵢ r[i][k] below {@link EmptyComponents#THRESHOLD}.
     *
     * @param r     N×K responsibilities
     * @param empty the component indices found empty so far; added to
     */
    public static void recordEmptyComponents(Responsibilities r, TreeSet<Integer> empty) {
        recordTotals(r.componentTotals(), 1.0, empty);
    }

    /**
     * Adds to {@code empty} every component k with weighted count Nₖ = Σᵢ wᵢ r[i][k] below
     * {@link EmptyComponents#THRESHOLD} times the data's mean positive weight (see
     * {@link EmptyComponents#isEmpty(double, double)}): the unweighted Nₖ below THRESHOLD when the data has
     * no sample weights.
     *
     * @param data  the data r was computed for, whose weights wᵢ count (1 when unweighted)
     * @param r     N×K responsibilities
     * @param empty the component indices found empty so far; added to
     */
    public static void recordEmptyComponents(DataMatrix data, Responsibilities r, TreeSet<Integer> empty) {
        recordTotals(data.isWeighted() ? weightedCounts(data, r) : r.componentTotals(), data.weightUnit(), empty);
    }

    /**
     * Nₖ = Σᵢ wᵢ r[i][k] for every component.
     *
     * @param data the points, with their sample weights wᵢ
     * @param r    N×K responsibilities
     * @return the K weighted counts
     */
    public static double[] weightedCounts(DataMatrix data, Responsibilities r) {
        int k = r.components();
        double[] counts = new double[k];
        for (int i = 0; i < r.points(); i++) {
            double w = data.weight(i);
            for (int c = 0; c < k; c++) {
                counts[c] += w * r.get(i, c);
            }
        }
        return counts;
    }

    private static void recordTotals(double[] totals, double weightUnit, TreeSet<Integer> empty) {
        for (int k = 0; k < totals.length; k++) {
            if (EmptyComponents.isEmpty(totals[k], weightUnit)) {
                empty.add(k);
            }
        }
    }
}
