package org.emgmm.em;

/**
 * EM could not go on: a covariance stopped being positive-definite, every density of a point
 * underflowed, the data does not suit the implementation. The message names the iteration (and the
 * component or point) and says what to try.
 */
public class EmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An EM failure.
     *
     * @param message what went wrong, where, and what to try
     */
    public EmException(String message) {
        super(message);
    }

    /**
     * An EM failure caused by another exception.
     *
     * @param message what went wrong, where, and what to try
     * @param cause   the exception that stopped the step
     */
    public EmException(String message, Throwable cause) {
        super(message, cause);
    }
}
