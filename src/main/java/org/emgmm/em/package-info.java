/**
 * What every EM implementation shares: the interface {@link org.emgmm.em.EmAlgorithm}, the loop
 * {@link org.emgmm.em.EmLoop} that runs it, and the ways to choose a start.
 *
 * <p>Read {@link org.emgmm.em.EmAlgorithm} first (the two steps an implementation writes), then
 * {@link org.emgmm.em.EmLoop} (iterations, the log-likelihood trace, convergence, and the checks that
 * turn a failing step into a message). The values that pass between them:
 * <ul>
 *   <li>{@link org.emgmm.em.EStep}: the N×K {@link org.emgmm.em.Responsibilities} and the
 *       log-likelihood;</li>
 *   <li>{@link org.emgmm.em.EmSettings} in, {@link org.emgmm.em.EmResult} out;</li>
 *   <li>{@link org.emgmm.em.EmptyComponents}: the one rule for a component no point belongs to;</li>
 *   <li>{@link org.emgmm.em.EmException}: EM could not go on.</li>
 * </ul>
 * Starts: {@link org.emgmm.em.InitMethod} names the methods of {@link org.emgmm.em.Initialisation}
 * (random points, random responsibilities, {@link org.emgmm.em.KMeansPlusPlus k-means++} and
 * {@link org.emgmm.em.Lloyd k-means}); {@link org.emgmm.em.Restarts} runs EM from several seeded starts
 * and keeps the best.
 *
 * <p>The implementations are in sibling packages: {@link org.emgmm.loops} (read first),
 * {@link org.emgmm.vectorised}, {@link org.emgmm.univariate} and {@link org.emgmm.explicitpdf}. The
 * parameters they fit are {@link org.emgmm.model.GaussianMixture}s, the data a
 * {@link org.emgmm.data.DataMatrix}.
 */
package org.emgmm.em;
