/**
 * The one piece of linear algebra a Gaussian density needs: {@link org.emgmm.linalg.Cholesky}, the factor
 * L of a covariance Σ = L Lᵀ, which gives log det Σ and the Mahalanobis distance (x − μ)ᵀ Σ⁻¹ (x − μ)
 * without forming an inverse or a determinant.
 *
 * <p>Read it right after {@link org.emgmm.model.GaussianMixture}, which factors each covariance once and
 * evaluates every log-density through it. The one inverse in the project is elsewhere on purpose, in
 * {@link org.emgmm.explicitpdf}.
 */
package org.emgmm.linalg;
