package org.emgmm.em;

/**
 * What every implementation does with a component that no point belongs to.
 *
 * <p>A component is <em>empty</em> in an M-step when its total responsibility Nₖ = Σᵢ r[i][k] is
 * below {@link #THRESHOLD}. Its mean and covariance would be 0/0 (or noise divided by almost
 * nothing), so the rule, the same in all implementations, is:
 * <ul>
 *   <li>its weight is updated as usual, πₖ = Nₖ / N (so it is tiny or zero and the weights still sum
 *       to 1);</li>
 *   <li>its mean and covariance are kept from the previous parameters, unchanged (reg-covar is not
 *       added again);</li>
 *   <li>the fit result lists it in {@code emptyComponents}.</li>
 * </ul>
 * A component whose weight has become 0 then gets zero responsibility in every later E-step and stays
 * empty: the fit goes on with the others, and the result says so rather than hiding it.
 */
public final class EmptyComponents {

    /**
     * Nₖ below this counts as empty: less than one ten-billionth of a point. Real components own
     * at least a fraction of a point; dividing the weighted sums by an Nₖ this small would turn
     * rounding noise into the mean and covariance.
     */
    public static final double THRESHOLD = 1e-10;

    private EmptyComponents() {
    }

    /**
     * Whether a component with total responsibility {@code nk} is empty.
     *
     * @param nk Nₖ = Σᵢ r[i][k], the component's share of the points (weighted, if the data is)
     * @return true if {@code nk} is below {@link #THRESHOLD}
     */
    public static boolean isEmpty(double nk) {
        return nk < THRESHOLD;
    }
}
