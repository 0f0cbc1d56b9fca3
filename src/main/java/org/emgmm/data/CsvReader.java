package org.emgmm.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a CSV file of points into a {@link DataMatrix}, and optionally a column of ground-truth labels.
 *
 * <p><b>Syntax</b>: see {@link CsvRecords} (commas, optional double quotes, blank lines skipped, all
 * lines the same number of fields).
 *
 * <p><b>Header</b>: the first line is a header when one of its fields is not a number while the field
 * below it, on the second line, is one (or when the file has a single line with a field that is not a
 * number). So {@code eruptions,waiting} above {@code 3.6,79} is a header, but {@code 5.1,3.5,setosa}
 * above {@code 4.9,3.0,setosa} is data: a column of words tells nothing about the first line. Without a
 * header the columns are called x1, x2, ...
 *
 * <p><b>Columns</b>: each entry of a selection is a header name or a 1-based index (a name wins when a
 * column is called, say, {@code 2}). Without a selection every numeric column is used, in file order;
 * a column is numeric unless none of its fields is a number, so a text column such as Iris'
 * {@code Species} is left out by itself, while a typo in a numeric column is reported, not hidden. The
 * label column is never part of the automatic selection.
 *
 * <p><b>Numbers</b>: decimal numbers such as {@code 3}, {@code -0.5}, {@code 1.2e-3}. NaN and infinities
 * (in any spelling: {@code NaN}, {@code nan}, {@code Inf}, {@code -Infinity}) are refused: EM cannot
 * use them.
 *
 * <p>Every problem is a {@link DataException} whose one-line message names the file, the line and the
 * column, and says what to do.
 */
public final class CsvReader {

    /** A decimal number, with an optional sign, fraction and exponent. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** The spellings of "not a number" and "infinity" that spreadsheets, R, NumPy and Java write. */
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    /** A column chosen by position: its 1-based index, digits only. */
    private static final Pattern INDEX = Pattern.compile("\\d+");

    /** Some editors start UTF-8 files with this invisible character; it is not part of the first field. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /** A zero byte never occurs in a text file; it is the surest sign of a binary one. */
    private static final char NUL = '\0';

    private CsvReader() {
    }

    /**
     * Reads a CSV file.
     *
     * @param file        the file
     * @param columns     the columns to use, each a header name or a 1-based index; empty for every
     *                    numeric column
     * @param labelColumn the column of ground-truth labels (name or 1-based index), or null for none
     * @throws DataException naming the problem, its line and column
     */
    public static LabelledData read(Path file, List<String> columns, String labelColumn) {
        return parse(readText(file), file.toString(), columns, labelColumn);
    }

    /**
     * Reads CSV text already in memory (a bundled data set, a test's string).
     *
     * @param source names the text in error messages, e.g. its file name
     * @see #read(Path, List, String)
     */
    public static LabelledData parse(String text, String source, List<String> columns, String labelColumn) {
        List<CsvRecords.Record> records = CsvRecords.split(stripByteOrderMark(text), source);
        boolean hasHeader = isHeader(records);
        List<String> names = hasHeader ? headerNames(records.get(0)) : defaultNames(records.get(0).fields().size());
        List<CsvRecords.Record> rows = hasHeader ? records.subList(1, records.size()) : records;
        if (rows.isEmpty()) {
            throw new DataException(source + " has a header line but no data: add one point per line below it");
        }
        Integer label = labelColumn == null ? null : resolveColumn(labelColumn, names, source);
        List<Integer> chosen = columns.isEmpty() ? numericColumns(rows, names, label, source)
                : resolveColumns(columns, names, source);
        if (label != null && chosen.contains(label)) {
            throw new DataException("column '" + names.get(label) + "' of " + source + " is the label column and is"
                    + " also chosen to be fitted: a label column is never fitted; leave it out of --columns");
        }
        DataMatrix data = toMatrix(rows, chosen, names, source);
        if (label == null) {
            return LabelledData.unlabelled(source, data);
        }
        return new LabelledData(source, data, names.get(label), fieldsOf(rows, label));
    }

    /**
     * The text of a file, refusing files that do not exist and files that are not UTF-8 text.
     *
     * @throws DataException if the file is missing, a directory, unreadable or binary
     */
    static String readText(Path file) {
        if (!Files.exists(file)) {
            throw new DataException("file " + file + " does not exist: check the path");
        }
        if (Files.isDirectory(file)) {
            throw new DataException(file + " is a directory, not a CSV file: give the path of a file inside it");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            if (text.indexOf(NUL) >= 0) {
                throw notText(file);
            }
            return text;
        } catch (CharacterCodingException e) {
            throw notText(file);
        } catch (IOException e) {
            throw new DataException("cannot read " + file + " (" + e.getMessage() + "): check its permissions", e);
        }
    }

    private static DataException notText(Path file) {
        return new DataException(file + " is not a CSV file (it is not UTF-8 text): give a comma-separated text"
                + " file with one point per line");
    }

    private static String stripByteOrderMark(String text) {
        return text.startsWith(BYTE_ORDER_MARK) ? text.substring(BYTE_ORDER_MARK.length()) : text;
    }

    /** Whether a field is a decimal number (finite or not) rather than a word. */
    private static boolean isNumber(String field) {
        return DECIMAL.matcher(field).matches() || NON_FINITE.matcher(field).matches();
    }

    /** The header rule: a field of the first line that is not a number, above one that is (or above nothing). */
    private static boolean isHeader(List<CsvRecords.Record> records) {
        List<String> first = records.get(0).fields();
        List<String> second = records.size() > 1 ? records.get(1).fields() : null;
        for (int j = 0; j < first.size(); j++) {
            if (!isNumber(first.get(j)) && (second == null || isNumber(second.get(j)))) {
                return true;
            }
        }
        return false;
    }

    /** The header's names; a blank name becomes x1, x2, ... after its position. */
    private static List<String> headerNames(CsvRecords.Record header) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < header.fields().size(); j++) {
            String name = header.fields().get(j);
            names.add(name.isEmpty() ? defaultName(j) : name);
        }
        return names;
    }

    private static List<String> defaultNames(int count) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            names.add(defaultName(j));
        }
        return names;
    }

    /** The name of column j (0-based) in a file without a header, the same as {@link DataMatrix}'s. */
    private static String defaultName(int j) {
        return "x" + (j + 1);
    }

    /** Every column that holds at least one number, except the label column. */
    private static List<Integer> numericColumns(List<CsvRecords.Record> rows, List<String> names, Integer label,
            String source) {
        List<Integer> chosen = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            if ((label == null || j != label) && holdsANumber(rows, j)) {
                chosen.add(j);
            }
        }
        if (chosen.isEmpty()) {
            throw new DataException(source + " has no numeric column (its columns: " + String.join(", ", names)
                    + "): give a comma-separated file of numbers, one point per line");
        }
        return chosen;
    }

    private static boolean holdsANumber(List<CsvRecords.Record> rows, int column) {
        for (CsvRecords.Record row : rows) {
            if (isNumber(row.fields().get(column))) {
                return true;
            }
        }
        return false;
    }

    /** The 0-based positions of the selected columns, in selection order, each at most once. */
    private static List<Integer> resolveColumns(List<String> selection, List<String> names, String source) {
        List<Integer> chosen = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String selector : selection) {
            int column = resolveColumn(selector, names, source);
            if (!seen.add(column)) {
                throw new DataException("column '" + names.get(column) + "' of " + source + " is chosen twice:"
                        + " list each column once");
            }
            chosen.add(column);
        }
        return chosen;
    }

    /** The 0-based position of a column given by name or by 1-based index. */
    private static int resolveColumn(String selector, List<String> names, String source) {
        String wanted = selector.strip();
        int byName = names.indexOf(wanted);
        if (byName >= 0) {
            return byName;
        }
        if (INDEX.matcher(wanted).matches()) {
            int index = parseIndex(wanted);
            if (index >= 1 && index <= names.size()) {
                return index - 1;
            }
            throw new DataException(source + " has no column " + wanted + ": it has " + names.size() + " ("
                    + String.join(", ", names) + "); give an index from 1 to " + names.size() + " or a name");
        }
        throw new DataException(source + " has no column '" + wanted + "': choose from " + String.join(", ", names)
                + " (by name or 1-based index)");
    }

    /** A string of digits as an int; one too long for an int is out of range like any other. */
    private static int parseIndex(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static DataMatrix toMatrix(List<CsvRecords.Record> rows, List<Integer> chosen, List<String> names,
            String source) {
        int d = chosen.size();
        double[] values = new double[rows.size() * d];
        List<String> chosenNames = new ArrayList<>();
        for (int c = 0; c < d; c++) {
            chosenNames.add(names.get(chosen.get(c)));
        }
        for (int i = 0; i < rows.size(); i++) {
            CsvRecords.Record row = rows.get(i);
            for (int c = 0; c < d; c++) {
                values[i * d + c] = toNumber(row.fields().get(chosen.get(c)), row.line(), chosenNames.get(c), source);
            }
        }
        return new DataMatrix(rows.size(), d, values, chosenNames);
    }

    /** A field as a finite double, or an error naming its line and column. */
    private static double toNumber(String field, int line, String column, String source) {
        String where = source + " line " + line + ", column '" + column + "'";
        if (field.isEmpty()) {
            throw new DataException(where + " is empty: fill in a number or remove the line");
        }
        if (!isNumber(field)) {
            throw new DataException(where + ": '" + field + "' is not a number: correct it, or leave the column"
                    + " out with --columns");
        }
        double value = NON_FINITE.matcher(field).matches() ? Double.NaN : Double.parseDouble(field);
        if (!Double.isFinite(value)) {
            throw new DataException(where + ": '" + field + "' is not a finite number: remove the line or fill in"
                    + " a value");
        }
        return value;
    }

    private static List<String> fieldsOf(List<CsvRecords.Record> rows, int column) {
        List<String> fields = new ArrayList<>();
        for (CsvRecords.Record row : rows) {
            fields.add(row.fields().get(column));
        }
        return fields;
    }
}
