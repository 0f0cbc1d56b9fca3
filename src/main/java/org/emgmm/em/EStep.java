package org.emgmm.em;

/**
 * What an E-step computes from parameters θ: the responsibilities and, at no extra cost, the total
 * log-likelihood of the data under θ.
 * <pre>
 *   log r[i][k] = log πₖ + log N(xᵢ | μₖ, Σₖ) − log Σⱼ πⱼ N(xᵢ | μⱼ, Σⱼ)
 *   L(θ)        = Σᵢ log Σⱼ πⱼ N(xᵢ | μⱼ, Σⱼ)
 * </pre>
 * L comes from the normalising denominators, never from the responsibilities themselves: the rows of
 * r sum to 1, so any "log-likelihood" built from r alone has lost the densities (seed 001's bug).
 *
 * @param responsibilities the N×K responsibilities under θ
 * @param logLikelihood    L(θ), the total over all N points
 */
public record EStep(Responsibilities responsibilities, double logLikelihood) {
}
