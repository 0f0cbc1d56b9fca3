/**
 * EM with the textbook density written out, an explicit determinant and an explicit inverse, and no
 * logarithms until the end: {@link org.emgmm.explicitpdf.ExplicitPdfEm}. It is here to show why the
 * other implementations work in log space: in high dimension or far from every component its densities
 * underflow to 0, and it stops with a message rather than return NaN.
 *
 * <p>Read {@link org.emgmm.explicitpdf.ExplicitPdfEm} (its E-step is the only new code; the M-step is
 * {@link org.emgmm.loops.LoopsEm}'s), then its package-private helpers in the source:
 * {@code ExplicitGaussian} (one component's density) and {@code GaussJordan} (determinant and inverse
 * by Gauss–Jordan elimination, the only inverse in the project).
 *
 * <p>Siblings behind {@link org.emgmm.em.EmAlgorithm}: {@link org.emgmm.loops} (the same steps in log
 * space), {@link org.emgmm.vectorised} (flat-array kernels) and {@link org.emgmm.univariate} (D = 1).
 */
package org.emgmm.explicitpdf;
