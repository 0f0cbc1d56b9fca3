/**
 * The points EM fits: {@link org.emgmm.data.DataMatrix}, N points of D coordinates stored flat and
 * row-major ({@code x[i][j] = values[i * D + j]}), with optional sample weights; and where points come
 * from.
 *
 * <p>Read {@link org.emgmm.data.DataMatrix} first: every implementation reads the data through it. Then,
 * as needed:
 * <ul>
 *   <li>reading: {@link org.emgmm.data.CsvReader} turns a CSV file into a
 *       {@link org.emgmm.data.LabelledData} (the points, with ground-truth labels and sample weights if
 *       asked for); the reading itself is in package-private classes in the source, {@code CsvTable}
 *       first, which uses {@code CsvRecords} (the CSV syntax), {@code CsvColumns} (the header and the
 *       chosen columns), {@code NumberParser} (the numbers), {@code ColumnProblems} (each column's first
 *       field that is not a finite number) and {@code RowValues} (the numbers read so far);
 *       {@link org.emgmm.data.Datasets} adds the bundled data sets ({@code old-faithful},
 *       {@code iris});</li>
 *   <li>drawing: {@link org.emgmm.data.MixtureSampler} draws points from a known mixture with a seed,
 *       {@link org.emgmm.data.NotebookSetups} holds the seed notebooks' synthetic data, and
 *       {@link org.emgmm.data.CsvWriter} writes drawn points back as CSV;</li>
 *   <li>messages: {@link org.emgmm.data.DataException} for data that cannot be used,
 *       {@link org.emgmm.data.Sizes} to refuse sizes before allocating them, {@link org.emgmm.data.Quote}
 *       to keep quoted user content short.</li>
 * </ul>
 * Sibling packages: {@link org.emgmm.em} fits the data, {@link org.emgmm.model} describes the mixture
 * that is drawn from or fitted.
 */
package org.emgmm.data;
