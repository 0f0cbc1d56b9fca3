package org.emgmm.data;

/**
 * Data that cannot be used: a file that is missing or not CSV, ragged rows, a non-numeric or
 * non-finite cell, too few points. The message says what is wrong, where, and what to do.
 */
public class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Data that cannot be used.
     *
     * @param message what is wrong, where, and what to do
     */
    public DataException(String message) {
        super(message);
    }

    /**
     * Data that cannot be used, found through another exception.
     *
     * @param message what is wrong, where, and what to do
     * @param cause   the exception that revealed it
     */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
