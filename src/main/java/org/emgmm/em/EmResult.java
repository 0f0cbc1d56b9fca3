package org.emgmm.em;

import java.util.Arrays;
import org.emgmm.model.GaussianMixture;

/**
 * What a run of EM returns.
 *
 * @param implementation   the name of the implementation that ran
 * @param model            the parameters after the last iteration (the start, when no iteration ran)
 * @param trace            the mean log-likelihood per point, L(θ)/N: entry 0 at the initial parameters,
 *                         entry t after t iterations, so the last entry belongs to {@code model}; with
 *                         sample weights, L(θ)/W with L(θ) = Σᵢ wᵢ log p(xᵢ | θ) and W = Σᵢ wᵢ
 * @param iterations       how many iterations ran (one E-step and one M-step each)
 * @param converged        whether the run stopped because |trace[t] − trace[t−1]| &lt; tolerance
 * @param emptyComponents  the components (0-based, ascending) that were empty in at least one M-step;
 *                         see {@link EmptyComponents}
 * @param points           N, the number of points fitted
 * @param totalWeight      W = Σᵢ wᵢ, the sum of the points' sample weights: N (exactly) for unweighted data.
 *                         The trace is L(θ)/W, and BIC's log N is log W
 *                         (see {@code org.emgmm.selection.ModelSelection})
 * @param nanos            wall-clock time of the whole run, in nanoseconds
 */
public record EmResult(String implementation, GaussianMixture model, double[] trace, int iterations,
        boolean converged, int[] emptyComponents, int points, double totalWeight, long nanos) {

    /**
     * Copies both arrays, so that a result cannot be changed from outside.
     *
     * @param implementation  the name of the implementation that ran
     * @param model           the parameters after the last iteration
     * @param trace           L(θ)/W after 0, 1, … iterations. Copied.
     * @param iterations      how many iterations ran
     * @param converged       whether the tolerance stopped the run
     * @param emptyComponents the components (0-based, ascending) that were ever empty. Copied.
     * @param points          N
     * @param totalWeight     W = Σᵢ wᵢ (N when unweighted)
     * @param nanos           wall-clock time of the whole run, in nanoseconds
     */
    public EmResult {
        trace = trace.clone();
        emptyComponents = emptyComponents.clone();
    }

    /**
     * A result of unweighted data: W = N.
     *
     * @param implementation  the name of the implementation that ran
     * @param model           the parameters after the last iteration
     * @param trace           L(θ)/N after 0, 1, … iterations
     * @param iterations      how many iterations ran
     * @param converged       whether the tolerance stopped the run
     * @param emptyComponents the components (0-based, ascending) that were ever empty
     * @param points          N, which is also the total weight W
     * @param nanos           wall-clock time of the whole run, in nanoseconds
     */
    public EmResult(String implementation, GaussianMixture model, double[] trace, int iterations, boolean converged,
            int[] emptyComponents, int points, long nanos) {
        this(implementation, model, trace, iterations, converged, emptyComponents, points, points, nanos);
    }

    /** {@return a copy of the trace: L(θ)/N at the start and after each iteration} */
    @Override
    public double[] trace() {
        return trace.clone();
    }

    /** {@return a copy of the empty components, 0-based and ascending} */
    @Override
    public int[] emptyComponents() {
        return emptyComponents.clone();
    }

    /** {@return the mean log-likelihood per point at the returned parameters: the trace's last entry} */
    public double meanLogLikelihood() {
        return trace[trace.length - 1];
    }

    /**
     * The total log-likelihood L(θ) = Σᵢ log p(xᵢ | θ) at the returned parameters: Σᵢ wᵢ log p(xᵢ | θ) with
     * sample weights.
     *
     * @return the trace's last entry times W (N when unweighted)
     */
    public double logLikelihood() {
        return meanLogLikelihood() * totalWeight;
    }

    /** {@return wall-clock milliseconds per iteration (the whole run's time when no iteration ran)} */
    public double millisPerIteration() {
        return nanos / 1e6 / Math.max(1, iterations);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmResult that
                && implementation.equals(that.implementation)
                && model.equals(that.model)
                && Arrays.equals(trace, that.trace)
                && iterations == that.iterations
                && converged == that.converged
                && Arrays.equals(emptyComponents, that.emptyComponents)
                && points == that.points
                && Double.compare(totalWeight, that.totalWeight) == 0;
    }

    @Override
    public int hashCode() {
        return model.hashCode() * 31 + Arrays.hashCode(trace);
    }

    @Override
    public String toString() {
        return "EmResult(" + implementation + ", iterations=" + iterations + ", converged=" + converged
                + ", meanLogLikelihood=" + meanLogLikelihood() + ")";
    }
}
