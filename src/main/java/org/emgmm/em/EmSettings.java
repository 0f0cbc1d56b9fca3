package org.emgmm.em;

/**
 * How long EM runs and how it regularises: the knobs shared by every implementation.
 *
 * @param maxIterations the most iterations to run; 0 returns the initial parameters. One iteration is
 *                      one E-step followed by one M-step.
 * @param tolerance     stop when the mean log-likelihood per point changes by less than this between
 *                      two iterations: |trace[t] − trace[t−1]| &lt; tolerance
 * @param regCovar      added to every covariance's diagonal after each M-step (never to the initial
 *                      covariances), so that a component that shrinks onto a few points keeps a
 *                      positive-definite covariance
 */
public record EmSettings(int maxIterations, double tolerance, double regCovar) {

    /** Default {@link #maxIterations}: enough for the bundled data sets to converge. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    /**
     * Default {@link #tolerance}, scikit-learn's: a change of one millionth of a nat per point is far
     * below anything visible in the fitted parameters.
     */
    public static final double DEFAULT_TOLERANCE = 1e-6;

    /**
     * Default {@link #regCovar}, scikit-learn's: small against the variance of data measured in
     * sensible units, large enough to keep a component collapsed onto a single point positive-definite.
     */
    public static final double DEFAULT_REG_COVAR = 1e-6;

    /**
     * Checks the settings.
     *
     * @param maxIterations the most iterations to run, 0 or more
     * @param tolerance     the convergence threshold on the change of L(θ)/N, finite and 0 or more
     * @param regCovar      added to every new covariance's diagonal, finite and 0 or more
     * @throws IllegalArgumentException if {@code maxIterations} is negative, or {@code tolerance} or
     *                                  {@code regCovar} is negative, infinite or NaN
     */
    public EmSettings {
        if (maxIterations < 0) {
            throw new IllegalArgumentException("max-iter must be 0 or more, got " + maxIterations);
        }
        if (!(tolerance >= 0.0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tol must be a finite number of 0 or more, got " + tolerance);
        }
        if (!(regCovar >= 0.0) || Double.isInfinite(regCovar)) {
            throw new IllegalArgumentException("reg-covar must be a finite number of 0 or more, got " + regCovar);
        }
    }

    /** {@return the defaults: 100 iterations, tolerance 1e-6, reg-covar 1e-6} */
    public static EmSettings defaults() {
        return new EmSettings(DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, DEFAULT_REG_COVAR);
    }

    /**
     * These settings with another iteration limit.
     *
     * @param iterations the new {@link #maxIterations}, 0 or more
     * @return a copy with that limit
     */
    public EmSettings withMaxIterations(int iterations) {
        return new EmSettings(iterations, tolerance, regCovar);
    }

    /**
     * These settings with another tolerance.
     *
     * @param newTolerance the new {@link #tolerance}, in nats per point
     * @return a copy with that tolerance
     */
    public EmSettings withTolerance(double newTolerance) {
        return new EmSettings(maxIterations, newTolerance, regCovar);
    }

    /**
     * These settings with another reg-covar.
     *
     * @param newRegCovar the new {@link #regCovar}, in the data's units squared
     * @return a copy with that reg-covar
     */
    public EmSettings withRegCovar(double newRegCovar) {
        return new EmSettings(maxIterations, tolerance, newRegCovar);
    }
}
