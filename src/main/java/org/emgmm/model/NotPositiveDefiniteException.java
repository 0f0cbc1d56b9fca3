package org.emgmm.model;

/** A covariance matrix that is not positive-definite in floating point: its Cholesky factor fails. */
public final class NotPositiveDefiniteException extends InvalidMixtureException {

    private static final long serialVersionUID = 1L;

    public NotPositiveDefiniteException(int component, String message) {
        super(component, message);
    }
}
