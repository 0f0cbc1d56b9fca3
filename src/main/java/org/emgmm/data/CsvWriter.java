package org.emgmm.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.emgmm.model.GaussianMixture;

/**
 * Writes drawn points as CSV text that {@link CsvReader} reads back exactly: a header with the data's
 * column names and a {@code component} column holding the true component of each point, so that
 * {@code fit --labels component} can compare a fit with the truth.
 * <pre>
 *   x1,x2,component
 *   4.731852066455826,5.398164807211113,0
 * </pre>
 * Numbers are written with {@link Double#toString}, the shortest decimal that reads back as the same
 * double. Lines end with {@code \n} on every platform, so the same points give the same bytes.
 */
public final class CsvWriter {

    /** The name of the column of true component indices. */
    public static final String COMPONENT_COLUMN = "component";

    private static final String SEPARATOR = ",";
    private static final String LINE_END = "\n";
    private static final String QUOTE = "\"";

    private CsvWriter() {
    }

    /**
     * The points of {@code sample} and their components, as CSV text with a header.
     *
     * @param sample drawn points and their components
     * @return the CSV text, one line per point after the header
     */
    public static String format(MixtureSampler.Sample sample) {
        StringBuilder text = new StringBuilder();
        try {
            write(sample, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return text.toString();
    }

    /**
     * The same text as {@link #format}, written to {@code out}.
     *
     * @param sample drawn points and their components
     * @param out    receives the CSV text
     * @throws IOException if {@code out} fails
     */
    public static void write(MixtureSampler.Sample sample, Appendable out) throws IOException {
        DataMatrix data = sample.data();
        int[] components = sample.components();
        out.append(headerLine(data.columnNames())).append(LINE_END);
        double[] point = new double[data.columns()];
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < data.columns(); j++) {
                point[j] = data.get(i, j);
            }
            row(out, point, components[i]);
        }
    }

    /**
     * N points drawn from {@code mixture} ({@link MixtureSampler#forEachPoint}), written row by row as they
     * are drawn: the same text as {@code format(MixtureSampler.sample(mixture, n, seed))}, in constant memory.
     *
     * @param mixture the mixture to draw from
     * @param n       N, at least 1
     * @param seed    the seed of the draw
     * @param out     receives the CSV text
     * @return the number of points written
     * @throws IOException if {@code out} fails
     */
    public static int write(GaussianMixture mixture, int n, long seed, Appendable out) throws IOException {
        out.append(headerLine(DataMatrix.defaultNames(mixture.dimension()))).append(LINE_END);
        MixtureSampler.forEachPoint(mixture, n, seed, (point, component) -> row(out, point, component));
        return n;
    }

    private static void row(Appendable out, double[] point, int component) throws IOException {
        for (double value : point) {
            out.append(Double.toString(value)).append(SEPARATOR);
        }
        out.append(Integer.toString(component)).append(LINE_END);
    }

    private static String headerLine(List<String> columnNames) {
        List<String> fields = new ArrayList<>();
        for (String name : columnNames) {
            fields.add(quoteIfNeeded(name));
        }
        fields.add(COMPONENT_COLUMN);
        return String.join(SEPARATOR, fields);
    }

    /**
     * A field with a comma, a quote or a line break in it is enclosed in quotes, its quotes doubled
     * (RFC 4180): unquoted, a line break would end the record in the middle of the field.
     *
     * @param name a column name
     * @return the name as a CSV field
     */
    public static String quoteIfNeeded(String name) {
        if (!name.contains(SEPARATOR) && !name.contains(QUOTE) && name.indexOf('\n') < 0 && name.indexOf('\r') < 0) {
            return name;
        }
        return QUOTE + name.replace(QUOTE, QUOTE + QUOTE) + QUOTE;
    }
}
