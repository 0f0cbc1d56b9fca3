package org.emgmm.model;

/**
 * Mixture parameters that break an invariant: shapes that do not match, weights that are negative or
 * do not sum to one, a covariance that is not symmetric positive-definite. The message names the
 * offending component and says what to do.
 */
public class InvalidMixtureException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The component at fault (0-based), or -1 when the problem concerns the whole mixture. */
    private final int component;

    /**
     * An invalid mixture.
     *
     * @param component the component at fault, or -1 when the problem is not one component's
     * @param message   what is wrong and what to do
     */
    public InvalidMixtureException(int component, String message) {
        super(message);
        this.component = component;
    }

    /** {@return the component at fault (0-based), or -1 when the problem concerns the whole mixture} */
    public int component() {
        return component;
    }
}
