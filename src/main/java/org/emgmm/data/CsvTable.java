package org.emgmm.data;

import static org.emgmm.data.NumberParser.NUMBER;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of one CSV file, read once: the first two as Strings (to find the header), the rest
 * parsed field by field into {@link RowValues} (NaN where a field is not a number). Then the chosen
 * columns come out as a {@link DataMatrix}, checked. The label column's fields are kept as text, and
 * the sample weights' column is checked as weights.
 *
 * <p>Siblings: {@link CsvReader} opens the file and makes a table; {@link CsvColumns} finds the header
 * and the chosen columns; {@link ColumnProblems} keeps each column's first problem; {@link RowValues}
 * holds the numbers.
 */
final class CsvTable {

    /** The file's records. */
    private final CsvRecords records;

    /** Names the file in messages. */
    private final String source;

    /** The label column's selector, or null for none. */
    private final String labelSelector;

    /** The sample weights' column's selector, or null for none. */
    private final String weightSelector;

    /** Reads every field. */
    private final NumberParser parser = new NumberParser();

    /** Every column's name, from the header or x1, x2, .... */
    private List<String> names;

    /** The number of fields of every line. */
    private int width;

    /** The line of the first record, the one every other line's width is checked against. */
    private int firstLine;

    /** The label column, from 0; null for none, or when its selector named no column. */
    private Integer label;

    /** Why the label selector named no column; reported only when the data is asked for. */
    private DataException labelProblem;

    /** The sample weights' column, from 0; null for none, or when its selector named no column. */
    private Integer weight;

    /** Why the weights' selector named no column; reported only when the data is asked for. */
    private DataException weightProblem;

    /** The first line with a negative weight; 0 for none. */
    private int negativeWeightLine;

    /** The weight on {@link #negativeWeightLine}. */
    private double negativeWeight;

    /** Every field of the data rows as a double. */
    private RowValues values;

    /** The label column's fields, in row order. */
    private final List<String> labels = new ArrayList<>();

    /** Each column's first problem. */
    private ColumnProblems problems;

    /** The row being read: its values. */
    private double[] row;

    /** The row being read: what each field holds. */
    private byte[] kinds;

    /**
     * A table not read yet.
     *
     * @param records        the file's records
     * @param source         names the file in messages
     * @param labelSelector  the label column (name or 1-based index), or null for none
     * @param weightSelector the sample weights' column (name or 1-based index), or null for none
     */
    CsvTable(CsvRecords records, String source, String labelSelector, String weightSelector) {
        this.records = records;
        this.source = source;
        this.labelSelector = labelSelector;
        this.weightSelector = weightSelector;
    }

    /**
     * The number of fields of every line.
     *
     * @return the columns, the label and weights columns included
     */
    int width() {
        return width;
    }

    /**
     * Reads every record: the first two decide the header and the names, then each row is parsed into
     * {@link #values}.
     *
     * @return this table, read
     * @throws IOException   if the file cannot be read
     * @throws DataException for an empty file, one not separated by commas, ragged rows or a header
     *                       that names two columns alike
     */
    CsvTable read() throws IOException {
        List<String> first = new ArrayList<>();
        if (records.next((index, chars, start, length) -> first.add(new String(chars, start, length))) < 0) {
            throw new DataException(source + " is empty: give a CSV file with one point per line");
        }
        firstLine = records.line();
        requireCommaSeparated(first);
        width = first.size();
        List<String> second = new ArrayList<>();
        boolean hasSecond = records.next((index, chars, start, length) ->
                second.add(new String(chars, start, length))) >= 0;
        int secondLine = records.line();
        if (hasSecond) {
            requireWidth(second.size(), secondLine);
        }
        boolean hasHeader = CsvColumns.isHeader(first, hasSecond ? second : null, parser);
        names = hasHeader ? CsvColumns.headerNames(first) : CsvColumns.defaultNames(width);
        if (hasHeader) {
            CsvColumns.requireDistinctNames(names, source);
        }
        if (labelSelector != null) {
            try {
                label = CsvColumns.resolveColumn(labelSelector, names, source);
            } catch (DataException e) {
                labelProblem = e;
            }
        }
        if (weightSelector != null) {
            try {
                weight = CsvColumns.resolveColumn(weightSelector, names, source);
            } catch (DataException e) {
                weightProblem = e;
            }
        }
        problems = new ColumnProblems(width);
        values = new RowValues(width);
        row = new double[width];
        kinds = new byte[width];
        if (!hasHeader) {
            addRow(first, firstLine);
        }
        if (hasSecond) {
            addRow(second, secondLine);
        }
        CsvRecords.FieldSink sink = this::field;
        for (int count = records.next(sink); count >= 0; count = records.next(sink)) {
            requireWidth(count, records.line());
            commitRow(records.line());
        }
        return this;
    }

    /**
     * Adds a row held as Strings: the first or second line.
     *
     * @param fields the row's fields
     * @param line   its line
     */
    private void addRow(List<String> fields, int line) {
        for (int j = 0; j < fields.size(); j++) {
            char[] chars = fields.get(j).toCharArray();
            field(j, chars, 0, chars.length);
        }
        commitRow(line);
    }

    /**
     * One field of a row: its number (or its problem) and, for the label column, its text.
     *
     * @param index  the field's column, from 0
     * @param chars  the characters it is in
     * @param start  where it starts
     * @param length how many characters it has
     */
    private void field(int index, char[] chars, int start, int length) {
        if (index >= width) {
            return; // a ragged row: reported when the row ends
        }
        byte kind = parser.classify(chars, start, length);
        kinds[index] = kind;
        row[index] = parser.value;
        problems.note(index, kind, chars, start, length);
        if (label != null && index == label) {
            labels.add(new String(chars, start, length));
        }
    }

    /**
     * Appends the row just read to {@link #values}, and notes a negative weight.
     *
     * @param line the row's line
     */
    private void commitRow(int line) {
        problems.endRow(line);
        values.add(row);
        if (weight != null && kinds[weight] == NUMBER && row[weight] < 0.0 && negativeWeightLine == 0) {
            negativeWeightLine = line;
            negativeWeight = row[weight];
        }
    }

    /**
     * Refuses ragged rows, naming the first line whose number of fields differs from the first line's.
     *
     * @param actual the line's number of fields
     * @param line   the line
     * @throws DataException when it is not {@link #width}
     */
    private void requireWidth(int actual, int line) {
        if (actual != width) {
            throw new DataException(source + " line " + line + " has " + fields(actual) + " but line "
                    + firstLine + " has " + width + ": every line needs the same number of"
                    + " comma-separated fields");
        }
    }

    /**
     * "1 field" or "3 fields".
     *
     * @param count how many
     * @return the count with its noun
     */
    private static String fields(int count) {
        return count == 1 ? "1 field" : count + " fields";
    }

    /**
     * Refuses a file whose first line is a single field holding a semicolon or a tab.
     *
     * @param first the first line's fields
     * @throws DataException naming the separator the file seems to use
     */
    private void requireCommaSeparated(List<String> first) {
        if (first.size() > 1) {
            return;
        }
        String field = first.get(0);
        for (char separator : ";\t".toCharArray()) {
            if (field.indexOf(separator) >= 0) {
                throw new DataException(source + " separates its fields with "
                        + (separator == '\t' ? "tabs" : "'" + separator + "'")
                        + ", not commas: save it as comma-separated values");
            }
        }
    }

    /**
     * The chosen columns as a matrix, checked, with the labels and sample weights when asked for.
     * The table's values are handed over, not copied, when every column is chosen in file order.
     *
     * @param selection the columns (names or 1-based indices); empty for every numeric column
     * @return the data, labelled when a label column was named
     * @throws DataException for a file without data rows, a label or weights column that is not
     *                       there or is also chosen, or a chosen field that is not a finite number
     */
    LabelledData toData(List<String> selection) {
        if (values.rows() == 0) {
            throw new DataException(source + " has a header line but no data: add one point per line below it");
        }
        requireLabelAndWeightsColumns();
        List<Integer> chosen = selection.isEmpty() ? numericColumns()
                : CsvColumns.resolveColumns(selection, names, source);
        requireNotChosen(chosen);
        problems.requireNumbers(chosen, names, source);
        double[] weights = weight == null ? null : sampleWeights();
        List<String> chosenNames = new ArrayList<>();
        for (int column : chosen) {
            chosenNames.add(names.get(column));
        }
        DataMatrix matrix = DataMatrix.owning(values.rows(), chosen.size(), values.take(chosen), chosenNames);
        if (weights != null) {
            try {
                matrix = matrix.withSampleWeights(weights);
            } catch (DataException e) {
                throw new DataException(source + ", column '" + Quote.shorten(names.get(weight)) + "': "
                        + e.getMessage(), e);
            }
        }
        if (label == null) {
            return LabelledData.unlabelled(source, matrix);
        }
        return new LabelledData(source, matrix, names.get(label), labels);
    }

    /**
     * Refuses a label or weights selector that named no column, and one column named as both.
     *
     * @throws DataException the selector's problem, or naming the column named twice
     */
    private void requireLabelAndWeightsColumns() {
        if (labelProblem != null) {
            throw labelProblem;
        }
        if (weightProblem != null) {
            throw weightProblem;
        }
        if (weight != null && weight.equals(label)) {
            throw new DataException("column '" + Quote.shorten(names.get(weight)) + "' of " + source + " is named"
                    + " both as the labels and as the sample weights: give each its own column");
        }
    }

    /**
     * Refuses a selection that would fit the label or the weights column.
     *
     * @param chosen the chosen columns
     * @throws DataException naming the column and why it is never fitted
     */
    private void requireNotChosen(List<Integer> chosen) {
        if (label != null && chosen.contains(label)) {
            throw new DataException("column '" + Quote.shorten(names.get(label)) + "' of " + source + " is the label"
                    + " column and is also chosen to be fitted: a label column is never fitted; leave it out of"
                    + " --columns");
        }
        if (weight != null && chosen.contains(weight)) {
            throw new DataException("column '" + Quote.shorten(names.get(weight)) + "' of " + source + " holds the"
                    + " sample weights and is also chosen to be fitted: a weights column is never fitted; leave it"
                    + " out of --columns");
        }
    }

    /**
     * The weights column's values, checked: each a finite number, 0 or more (whether they are all 0 is
     * {@link DataMatrix#withSampleWeights}' check).
     *
     * @return the weights in row order
     * @throws DataException naming the first line whose weight is not a finite number, 0 or more
     */
    double[] sampleWeights() {
        if (values.rows() == 0) {
            throw new DataException(source + " has a header line but no weights: add one number per line below"
                    + " it");
        }
        int column = weight;
        String where = source + " line ";
        String what = width == 1 ? "" : ", column '" + Quote.shorten(names.get(column)) + "'";
        int problemLine = problems.line(column);
        if (problemLine > 0 && (negativeWeightLine == 0 || problemLine < negativeWeightLine)) {
            throw problems.weightProblem(column, where, what);
        }
        if (negativeWeightLine > 0) {
            throw new DataException(where + negativeWeightLine + what + ": sample weight " + negativeWeight
                    + " is negative: give a weight of 0 or more (0 leaves the row out of the fit)");
        }
        return values.column(column);
    }

    /**
     * Every column that holds at least one number, except the label and weights columns.
     *
     * @return the columns, in file order
     * @throws DataException when there is none
     */
    private List<Integer> numericColumns() {
        List<Integer> chosen = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            if ((label == null || j != label) && (weight == null || j != weight) && problems.holdsNumber(j)) {
                chosen.add(j);
            }
        }
        if (chosen.isEmpty()) {
            throw new DataException(source + " has no numeric column (its columns: " + Quote.names(names)
                    + "): give a comma-separated file of numbers, one point per line");
        }
        return chosen;
    }
}
