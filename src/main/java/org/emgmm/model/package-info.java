/**
 * The mixture θ = (π, μ, Σ) and what it says about points: {@link org.emgmm.model.GaussianMixture},
 * immutable and self-checking, with each covariance's Cholesky factor computed once.
 *
 * <p>Read {@link org.emgmm.model.GaussianMixture} first (its storage, its checks, and
 * {@link org.emgmm.model.GaussianMixture#logComponentDensity(int, double[], int, double[]) log N(x | μₖ, Σₖ)}
 * through the factor of {@link org.emgmm.linalg.Cholesky}), then {@link org.emgmm.model.LogSumExp}, which
 * adds densities without leaving log space. The others:
 * <ul>
 *   <li>{@link org.emgmm.model.CovarianceType}: full, diag, spherical or tied, and how the M-step keeps
 *       each shape;</li>
 *   <li>{@link org.emgmm.model.Prediction}: a fitted mixture's log-densities, responsibilities and labels
 *       for new points, as scikit-learn offers them;</li>
 *   <li>{@link org.emgmm.model.AdjustedRandIndex}: how well the labels match a ground truth;</li>
 *   <li>{@link org.emgmm.model.InvalidMixtureException} and
 *       {@link org.emgmm.model.NotPositiveDefiniteException}: parameters that break an invariant.</li>
 * </ul>
 * Sibling packages: {@link org.emgmm.em} fits these parameters, {@link org.emgmm.io} reads and writes
 * them as JSON.
 */
package org.emgmm.model;
