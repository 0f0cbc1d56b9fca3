package org.emgmm.em;

/**
 * What every implementation does with a component that no point belongs to.
 *
 * <p>A component is <em>empty</em> in an M-step when its total responsibility Nₖ = Σᵢ r[i][k] is
 * below {@link #THRESHOLD} (with sample weights, Nₖ = Σᵢ wᵢ r[i][k] below THRESHOLD times the mean
 * positive weight, so that only the weights' ratios matter). Its mean and covariance would be 0/0 (or noise divided by almost
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

    /**
     * Whether a component of weighted count {@code nk} is empty, the threshold counted in points of the
     * data's mean weight: Nₖ &lt; THRESHOLD · u, u = Σᵢ wᵢ / #{i : wᵢ &gt; 0}. Multiplying every weight by c
     * multiplies both sides by c, so the answer does not depend on the weights' scale; unweighted, u is 1
     * and this is {@link #isEmpty(double)} exactly.
     *
     * @param nk         Nₖ = Σᵢ wᵢ r[i][k]
     * @param weightUnit u, the data's {@link org.emgmm.data.DataMatrix#weightUnit()}
     * @return true if {@code nk} is below THRESHOLD · u
     */
    public static boolean isEmpty(double nk, double weightUnit) {
        return nk < THRESHOLD * weightUnit;
    }
}
