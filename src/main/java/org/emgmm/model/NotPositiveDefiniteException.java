package org.emgmm.model;

/** A covariance matrix that is not positive-definite in floating point: its Cholesky factor fails. */
public final class NotPositiveDefiniteException extends InvalidMixtureException {

    private static final long serialVersionUID = 1L;

    /**
     * A covariance that is not positive-definite.
     *
     * @param component the component whose covariance it is, or -1
     * @param message   what is wrong and what to do
     */
    public NotPositiveDefiniteException(int component, String message) {
        super(component, message);
    }
}
