/**
 * The root of em-gmm: {@link org.emgmm.Implementations}, the list of EM implementations by the names
 * the command line uses ({@code vectorised}, {@code loops}, {@code univariate}, {@code explicit-pdf},
 * and {@code student} when the exercises are built).
 *
 * <p>Read {@link org.emgmm.Implementations} to see how a name becomes an
 * {@link org.emgmm.em.EmAlgorithm}; the algorithm itself starts in {@link org.emgmm.loops}, and the
 * overview page gives the whole reading order. The subpackages:
 * <ul>
 *   <li>the four implementations: {@link org.emgmm.loops}, {@link org.emgmm.vectorised},
 *       {@link org.emgmm.univariate}, {@link org.emgmm.explicitpdf};</li>
 *   <li>what they share: {@link org.emgmm.em} (the interface, the loop, the starts),
 *       {@link org.emgmm.model} (the mixture θ), {@link org.emgmm.linalg} (the Cholesky factor),
 *       {@link org.emgmm.data} (the N×D data);</li>
 *   <li>what is built on them: {@link org.emgmm.selection} (choosing K and the covariance type),
 *       {@link org.emgmm.compare} (the implementations side by side), {@link org.emgmm.bench} (timings),
 *       {@link org.emgmm.plot} (pictures), {@link org.emgmm.io} (model files, atomic output) and
 *       {@link org.emgmm.cli} (the {@code em-gmm} command).</li>
 * </ul>
 */
package org.emgmm;
