/**
 * Pictures of a Gaussian mixture and of EM fitting it, drawn with XChart, written as PNG, SVG and
 * (for the evolution) an animated GIF. They are the pictures the seed notebooks learn from:
 * <ul>
 *   <li>{@link org.emgmm.plot.ClustersChart}: the points coloured by their most likely component, each
 *       component's mean and its 1σ and 2σ covariance ellipses ({@link org.emgmm.plot.Ellipses});</li>
 *   <li>{@link org.emgmm.plot.EvolutionPictures}: that picture at chosen iterations, as a grid (seed 003's
 *       2×3), and at every iteration, as an animation;</li>
 *   <li>{@link org.emgmm.plot.TraceChart}: the log-likelihood per point against the iteration;</li>
 *   <li>{@link org.emgmm.plot.HistogramChart}: for one-dimensional data, a density histogram with each
 *       weighted component density and the mixture density (seed 004);</li>
 *   <li>{@link org.emgmm.plot.DensityChart}: the mixture density on a grid with the points on top
 *       (seed 004's image);</li>
 *   <li>{@link org.emgmm.plot.UncertaintyChart}: the points in their component's colour, shaded by 1 − maxₖ r[i][k];</li>
 *   <li>{@link org.emgmm.plot.CriterionChart}: BIC (or AIC, ICL) against K, a line per covariance type,
 *       mclust's model-selection picture with our sign ({@link org.emgmm.plot.SelectionPictures} renders it
 *       for {@code select}).</li>
 * </ul>
 * {@link org.emgmm.plot.PictureSet} chooses the pictures that suit the data and renders them;
 * {@link org.emgmm.plot.PictureFiles} writes them. Every picture paints itself on a
 * {@link java.awt.Graphics2D} ({@link org.emgmm.plot.Picture}), so the PNG and the SVG of a picture come
 * from the same drawing code ({@link org.emgmm.plot.PictureEncoder}). Nothing needs a display: the
 * pictures are drawn headless.
 *
 * <p>Read {@link org.emgmm.plot.PictureSet} first (which pictures suit the data, and in which formats),
 * then {@link org.emgmm.plot.Picture} and {@link org.emgmm.plot.PictureEncoder}; the charts themselves are
 * package-private classes, read in the source. {@link org.emgmm.plot.ComparisonPictures} draws
 * {@code compare}'s pictures.
 *
 * <p>Sibling packages: the pictures show a {@link org.emgmm.model.GaussianMixture} fitted to a
 * {@link org.emgmm.data.DataMatrix} by an {@link org.emgmm.em.EmAlgorithm}; {@link org.emgmm.io} writes
 * the files, all or none.
 */
package org.emgmm.plot;
