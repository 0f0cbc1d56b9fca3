package org.emgmm.data;

/**
 * Data that cannot be used: a file that is missing or not CSV, ragged rows, a non-numeric or
 * non-finite cell, too few points. The message says what is wrong, where, and what to do.
 */
public class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
