package org.emgmm.em;

/**
 * EM could not go on: a covariance stopped being positive-definite, every density of a point
 * underflowed, the data does not suit the implementation. The message names the iteration (and the
 * component or point) and says what to try.
 */
public class EmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmException(String message) {
        super(message);
    }

    public EmException(String message, Throwable cause) {
        super(message, cause);
    }
}
