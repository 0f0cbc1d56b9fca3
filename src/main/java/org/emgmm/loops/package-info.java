/**
 * EM with hand-written per-point loops, the readable baseline: {@link org.emgmm.loops.LoopsEm}, the
 * first class to read in the whole project. Every sum of the textbook's E- and M-steps is one loop here,
 * in the order the formula reads.
 *
 * <p>Read it beside {@link org.emgmm.em.EmAlgorithm}, which it implements, and
 * {@link org.emgmm.em.EmLoop}, which runs it; its log-densities come from
 * {@link org.emgmm.model.GaussianMixture#logComponentDensity(int, double[], int, double[])}.
 *
 * <p>The sibling implementations compute the same numbers other ways:
 * {@link org.emgmm.vectorised} (the fast one), {@link org.emgmm.univariate} (D = 1 with scalars) and
 * {@link org.emgmm.explicitpdf} (the textbook density written out, which borrows this package's M-step).
 */
package org.emgmm.loops;
