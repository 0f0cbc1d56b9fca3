/**
 * Choosing the number of components K and the covariance type by an information criterion: what
 * {@code em-gmm select} does, as mclust's {@code Mclust} and a scikit-learn grid search do it.
 *
 * <p>Read {@link org.emgmm.selection.ModelSelection} first: the formulas for the number of free
 * parameters p and for BIC, AIC and ICL, each a penalised −2 log-likelihood, lower is better
 * ({@code fit} reports p, BIC and AIC with them too). {@link org.emgmm.selection.Criterion} names the
 * three for the command line and the tables. Then read {@link org.emgmm.selection.ModelSearch} (every K of a
 * {@link org.emgmm.selection.ComponentRange} with every covariance type, each the best of R seeded
 * restarts). What the search finds: a {@link org.emgmm.selection.Cell} per K and type, fitted or failed,
 * gathered in a {@link org.emgmm.selection.SelectionTable}, which picks the cell each criterion prefers.
 *
 * <p>Sibling packages: {@link org.emgmm.em} runs each fit ({@link org.emgmm.em.Restarts}),
 * {@link org.emgmm.model.CovarianceType} names the types, and
 * {@link org.emgmm.plot.SelectionPictures} draws the criteria against K.
 */
package org.emgmm.selection;
