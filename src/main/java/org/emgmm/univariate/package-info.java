/**
 * EM for one-dimensional data with scalar means and variances: {@link org.emgmm.univariate.UnivariateEm},
 * the shortest of the four implementations and the clearest place to see EM's three updates without
 * linear algebra. It refuses data with more than one column.
 *
 * <p>Read it after {@link org.emgmm.loops.LoopsEm}, or before it if matrices get in the way: at D = 1
 * both follow the same trajectory. Siblings behind {@link org.emgmm.em.EmAlgorithm}:
 * {@link org.emgmm.loops} (per-point loops, any D), {@link org.emgmm.vectorised} (flat-array kernels)
 * and {@link org.emgmm.explicitpdf} (the textbook density).
 */
package org.emgmm.univariate;
