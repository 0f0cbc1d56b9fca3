/**
 * The implementations side by side: {@code em-gmm compare} runs each from the same start with the same
 * settings and says whether they agree, to 1e-9.
 *
 * <p>Read {@link org.emgmm.compare.Comparison} first (what runs, what is measured, what "agree" means),
 * then {@link org.emgmm.compare.CompareReport}, which writes one comparison as a text table, JSON and an
 * HTML page from the same rows. {@link org.emgmm.compare.Failures} turns an implementation's failure into
 * one line. {@link org.emgmm.compare.NotebookExamples} holds the seed notebooks' own examples
 * ({@code compare --example}); where a notebook was wrong, its EM as written, bug included, runs beside
 * ours (the package-private {@code AsTheNotebookWroteIt}, wrong on purpose), and
 * {@link org.emgmm.compare.AsWrittenRun} runs it and says in one line how far it ended from ours.
 * {@link org.emgmm.compare.Recording} replays every run for the explorer page
 * ({@link org.emgmm.compare.ExplorePage}), whose timing panel shows {@link org.emgmm.compare.Timings}: the
 * data's, and those of a {@link org.emgmm.compare.RaceCase} generated large enough to mean something.
 *
 * <p>Sibling packages: the implementations compared are {@link org.emgmm.loops},
 * {@link org.emgmm.vectorised}, {@link org.emgmm.univariate} and {@link org.emgmm.explicitpdf};
 * {@link org.emgmm.plot.ComparisonPictures} draws a comparison, and {@link org.emgmm.bench} times the
 * implementations instead.
 */
package org.emgmm.compare;
