package org.emgmm.data;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * <p><b>Memory</b>: the file is streamed. Fields are parsed straight from a character buffer into a
 * growing array of doubles, with no String per field (only label fields and the header become
 * Strings), so reading N×C numbers takes about 8·N·C bytes and a constant, and a million points fit in
 * a small heap.
 *
 * <p><b>Sample weights</b>: a column may be named as the points' sample weights ({@link #read(Path, List,
 * String, String)}); it is then never a data column, and each of its fields must be a finite number, 0 or
 * more. {@link #readSampleWeights} reads a file of weights alone: one column, one number per row, with an
 * optional header.
 *
 * <p>Every problem is a {@link DataException} whose one-line message names the file, the line and the
 * column, and says what to do; it quotes at most about {@value Quote#MAX_CHARS} characters of any field.
 * Duplicate column names in the header are refused.
 */
public final class CsvReader {

    /** A column chosen by position: its 1-based index, digits only. */
    private static final Pattern INDEX = Pattern.compile("\\d+");

    /** What a field holds. */
    private static final byte NUMBER = 0;
    private static final byte EMPTY = 1;
    private static final byte NOT_A_NUMBER = 2;
    private static final byte NOT_FINITE = 3;

    /** Powers of ten that are exact doubles: the fast path of {@link NumberParser}. */
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1.0;
        for (int e = 1; e < POWERS_OF_TEN.length; e++) {
            POWERS_OF_TEN[e] = POWERS_OF_TEN[e - 1] * 10.0;
        }
    }

    private CsvReader() {
    }

    /**
     * Reads a CSV file, streaming it.
     *
     * @param file        the file
     * @param columns     the columns to use, each a header name or a 1-based index; empty for every
     *                    numeric column
     * @param labelColumn the column of ground-truth labels (name or 1-based index), or null for none
     * @throws DataException naming the problem, its line and column
     */
    public static LabelledData read(Path file, List<String> columns, String labelColumn) {
        return read(file, columns, labelColumn, null);
    }

    /**
     * Reads a CSV file whose column {@code weightColumn} holds each point's sample weight.
     *
     * @param weightColumn the column of sample weights (name or 1-based index), or null for none; it is
     *                     not a data column, and the points returned carry its weights
     * @throws DataException naming the problem, its line and column, also for a weight that is not a
     *                       finite number, 0 or more
     * @see #read(Path, List, String)
     */
    public static LabelledData read(Path file, List<String> columns, String labelColumn, String weightColumn) {
        requireReadableFile(file);
        try (Reader in = utf8(file)) {
            return parse(in, file.toString(), columns, labelColumn, weightColumn);
        } catch (CharacterCodingException e) {
            throw notText(file.toString());
        } catch (IOException e) {
            throw new DataException("cannot read " + file + " (" + e.getMessage() + "): check its permissions", e);
        }
    }

    /**
     * Reads a file of sample weights: a single column of finite numbers, 0 or more, one per row, with an
     * optional header line (the same header rule as for data).
     *
     * @return the weights in row order
     * @throws DataException naming the file and line of the first problem
     */
    public static double[] readSampleWeights(Path file) {
        requireReadableFile(file);
        String source = file.toString();
        try (Reader in = utf8(file)) {
            Table table = new Table(new CsvRecords(in, source), source, null, "1").read();
            if (table.width != 1) {
                throw new DataException(source + " has " + table.width + " columns, but a sample-weights file holds"
                        + " one number per row: keep only the weights' column");
            }
            return table.sampleWeights();
        } catch (CharacterCodingException e) {
            throw notText(source);
        } catch (IOException e) {
            throw new DataException("cannot read " + file + " (" + e.getMessage() + "): check its permissions", e);
        }
    }

    private static void requireReadableFile(Path file) {
        if (!Files.exists(file)) {
            throw new DataException("file " + file + " does not exist: check the path");
        }
        if (Files.isDirectory(file)) {
            throw new DataException(file + " is a directory, not a CSV file: give the path of a file inside it");
        }
    }

    /** The file as UTF-8 text that refuses bytes that are not UTF-8. */
    private static Reader utf8(Path file) throws IOException {
        return new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /**
     * Reads CSV text already in memory (a bundled data set, a test's string).
     *
     * @param source names the text in error messages, e.g. its file name
     * @see #read(Path, List, String)
     */
    public static LabelledData parse(String text, String source, List<String> columns, String labelColumn) {
        return parse(text, source, columns, labelColumn, null);
    }

    /**
     * Reads CSV text already in memory, with a column of sample weights (or null for none).
     *
     * @see #read(Path, List, String, String)
     */
    public static LabelledData parse(String text, String source, List<String> columns, String labelColumn,
            String weightColumn) {
        try {
            return parse(new StringReader(text), source, columns, labelColumn, weightColumn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LabelledData parse(Reader in, String source, List<String> columns, String labelColumn,
            String weightColumn) throws IOException {
        return new Table(new CsvRecords(in, source), source, labelColumn, weightColumn).read().toData(columns);
    }

    static DataException notText(String source) {
        return new DataException(source + " is not a CSV file (it is not UTF-8 text): give a comma-separated text"
                + " file with one point per line");
    }

    /** The records of a file, read once: the first two as Strings (to find the header), the rest as numbers. */
    private static final class Table {
        private final CsvRecords records;
        private final String source;
        private final String labelSelector;
        private final NumberParser parser = new NumberParser();

        private List<String> names;
        private int width;
        private int firstLine;
        private Integer label;
        private DataException labelProblem;
        /** The sample weights' column, when one is named, and the first line with a negative weight. */
        private final String weightSelector;
        private Integer weight;
        private DataException weightProblem;
        private int negativeWeightLine;
        private double negativeWeight;

        /** Every field as a double, row-major, rows × width; grown as rows are read. */
        private double[] values = new double[0];
        private int rows;
        private final List<String> labels = new ArrayList<>();

        /** Per column: whether any field is a number, and its first problem (line, kind, text). */
        private boolean[] holdsNumber;
        private int[] problemLine;
        private byte[] problemKind;
        private String[] problemText;

        /** The row being read. */
        private double[] row;
        private byte[] kinds;

        Table(CsvRecords records, String source, String labelSelector, String weightSelector) {
            this.records = records;
            this.source = source;
            this.labelSelector = labelSelector;
            this.weightSelector = weightSelector;
        }

        Table read() throws IOException {
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
            boolean hasHeader = isHeader(first, hasSecond ? second : null);
            names = hasHeader ? headerNames(first) : defaultNames(width);
            if (hasHeader) {
                requireDistinctNames();
            }
            if (labelSelector != null) {
                try {
                    label = resolveColumn(labelSelector, names, source);
                } catch (DataException e) {
                    labelProblem = e;
                }
            }
            if (weightSelector != null) {
                try {
                    weight = resolveColumn(weightSelector, names, source);
                } catch (DataException e) {
                    weightProblem = e;
                }
            }
            holdsNumber = new boolean[width];
            problemLine = new int[width];
            problemKind = new byte[width];
            problemText = new String[width];
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

        private void addRow(List<String> fields, int line) {
            for (int j = 0; j < fields.size(); j++) {
                char[] chars = fields.get(j).toCharArray();
                field(j, chars, 0, chars.length);
            }
            commitRow(line);
        }

        /** One field of a row: its number (or its problem) and, for the label column, its text. */
        private void field(int index, char[] chars, int start, int length) {
            if (index >= width) {
                return; // a ragged row: reported when the row ends
            }
            byte kind = parser.classify(chars, start, length);
            kinds[index] = kind;
            row[index] = parser.value;
            if (kind == NUMBER || kind == NOT_FINITE) {
                holdsNumber[index] = true;
            }
            if (kind != NUMBER && problemLine[index] == 0) {
                problemKind[index] = kind;
                problemText[index] = Quote.shorten(chars, start, length);
                problemLine[index] = -1; // the line is set when the row is committed
            }
            if (label != null && index == label) {
                labels.add(new String(chars, start, length));
            }
        }

        private void commitRow(int line) {
            for (int j = 0; j < width; j++) {
                if (problemLine[j] == -1) {
                    problemLine[j] = line;
                }
            }
            if ((long) (rows + 1) * width > values.length) {
                long needed = (long) (rows + 1) * width;
                long grown = Math.max(needed, Math.min((long) Sizes.MAX_ARRAY, Math.max(1024L, 2L * values.length)));
                values = Arrays.copyOf(values, Sizes.product("the data (points × columns)", (int) Math.min(grown,
                        Integer.MAX_VALUE), 1));
            }
            System.arraycopy(row, 0, values, rows * width, width);
            rows++;
            if (weight != null && kinds[weight] == NUMBER && row[weight] < 0.0 && negativeWeightLine == 0) {
                negativeWeightLine = line;
                negativeWeight = row[weight];
            }
        }

        /** Refuses ragged rows, naming the first line whose number of fields differs from the first line's. */
        private void requireWidth(int actual, int line) {
            if (actual != width) {
                throw new DataException(source + " line " + line + " has " + fields(actual) + " but line "
                        + firstLine + " has " + width + ": every line needs the same number of"
                        + " comma-separated fields");
            }
        }

        private void requireDistinctNames() {
            Map<String, Integer> seen = new HashMap<>();
            for (int j = 0; j < names.size(); j++) {
                Integer before = seen.putIfAbsent(names.get(j), j);
                if (before != null) {
                    throw new DataException(source + " has two columns named '" + Quote.shorten(names.get(j))
                            + "' (columns " + (before + 1) + " and " + (j + 1) + "): give each column its own"
                            + " name in the header");
                }
            }
        }

        /** Refuses a file whose first line is a single field holding a semicolon or a tab. */
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

        /** The chosen columns as a matrix, checked, with the labels when asked for. */
        LabelledData toData(List<String> selection) {
            if (rows == 0) {
                throw new DataException(source + " has a header line but no data: add one point per line below it");
            }
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
            List<Integer> chosen = selection.isEmpty() ? numericColumns() : resolveColumns(selection, names, source);
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
            requireNumbers(chosen);
            double[] weights = weight == null ? null : sampleWeights();
            int d = chosen.size();
            List<String> chosenNames = new ArrayList<>();
            for (int c = 0; c < d; c++) {
                chosenNames.add(names.get(chosen.get(c)));
            }
            double[] data;
            if (isEveryColumnInOrder(chosen)) {
                data = values.length == rows * width ? values : Arrays.copyOf(values, rows * width);
            } else {
                data = new double[Sizes.product("the data (points × columns)", rows, d)];
                for (int i = 0; i < rows; i++) {
                    for (int c = 0; c < d; c++) {
                        data[i * d + c] = values[i * width + chosen.get(c)];
                    }
                }
            }
            values = null;
            DataMatrix matrix = DataMatrix.owning(rows, d, data, chosenNames);
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

        private boolean isEveryColumnInOrder(List<Integer> chosen) {
            for (int c = 0; c < chosen.size(); c++) {
                if (chosen.get(c) != c) {
                    return false;
                }
            }
            return chosen.size() == width;
        }

        /**
         * The weights column's values, checked: each a finite number, 0 or more (whether they are all 0 is
         * {@link DataMatrix#withSampleWeights}' check).
         */
        double[] sampleWeights() {
            if (rows == 0) {
                throw new DataException(source + " has a header line but no weights: add one number per line below"
                        + " it");
            }
            int column = weight;
            String where = source + " line ";
            String what = width == 1 ? "" : ", column '" + Quote.shorten(names.get(column)) + "'";
            boolean problemFirst = problemLine[column] > 0
                    && (negativeWeightLine == 0 || problemLine[column] < negativeWeightLine);
            if (problemFirst) {
                String at = where + problemLine[column] + what;
                String field = problemText[column];
                switch (problemKind[column]) {
                    case EMPTY -> throw new DataException(at + ": the sample weight is empty: give every row a"
                            + " weight, 0 or more");
                    case NOT_A_NUMBER -> throw new DataException(at + ": sample weight '" + field + "' is not a"
                            + " number: give a number, 0 or more");
                    default -> throw new DataException(at + ": sample weight '" + field + "' is not a finite number:"
                            + " give a finite number, 0 or more");
                }
            }
            if (negativeWeightLine > 0) {
                throw new DataException(where + negativeWeightLine + what + ": sample weight " + negativeWeight
                        + " is negative: give a weight of 0 or more (0 leaves the row out of the fit)");
            }
            double[] weights = new double[rows];
            for (int i = 0; i < rows; i++) {
                weights[i] = values[i * width + column];
            }
            return weights;
        }

        /** Every column that holds at least one number, except the label and weights columns. */
        private List<Integer> numericColumns() {
            List<Integer> chosen = new ArrayList<>();
            for (int j = 0; j < width; j++) {
                if ((label == null || j != label) && (weight == null || j != weight) && holdsNumber[j]) {
                    chosen.add(j);
                }
            }
            if (chosen.isEmpty()) {
                throw new DataException(source + " has no numeric column (its columns: " + Quote.names(names)
                        + "): give a comma-separated file of numbers, one point per line");
            }
            return chosen;
        }

        /** The first field of the chosen columns (by line, then in selection order) that is not a finite number. */
        private void requireNumbers(List<Integer> chosen) {
            int worst = -1;
            for (int column : chosen) {
                if (problemLine[column] > 0 && (worst < 0 || problemLine[column] < problemLine[worst])) {
                    worst = column;
                }
            }
            if (worst < 0) {
                return;
            }
            String where = source + " line " + problemLine[worst] + ", column '" + Quote.shorten(names.get(worst))
                    + "'";
            String field = problemText[worst];
            switch (problemKind[worst]) {
                case EMPTY -> throw new DataException(where + " is empty: fill in a number or remove the line");
                case NOT_A_NUMBER -> throw new DataException(where + ": '" + field + "' is not a number: correct it,"
                        + " or leave the column out with --columns");
                default -> throw new DataException(where + ": '" + field + "' is not a finite number: remove the line"
                        + " or fill in a value");
            }
        }

        /** The header rule: a field of the first line that is not a number, above one that is (or above nothing). */
        private boolean isHeader(List<String> first, List<String> second) {
            for (int j = 0; j < first.size(); j++) {
                if (!isNumber(first.get(j)) && (second == null || isNumber(second.get(j)))) {
                    return true;
                }
            }
            return false;
        }

        private boolean isNumber(String field) {
            byte kind = parser.classify(field.toCharArray(), 0, field.length());
            return kind == NUMBER || kind == NOT_FINITE;
        }
    }

    /**
     * Decimal numbers such as {@code 3}, {@code -0.5}, {@code 1.2e-3} read from characters without a
     * String: {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?}, and the spellings of NaN and infinity that
     * spreadsheets, R, NumPy and Java write ({@code [+-]?(nan|inf|infinity)}, any case). Numbers of at
     * most 18 significant digits with a small exponent are computed exactly; the rest go to
     * {@link Double#parseDouble}, so every value is the correctly rounded double.
     */
    static final class NumberParser {

        /** The value of the last field classified as a number; NaN otherwise. */
        double value;

        /** The grammar's largest mantissa for which the fast path is exact: 2⁵³. */
        private static final long EXACT_MANTISSA = 1L << 53;

        byte classify(char[] c, int start, int length) {
            value = Double.NaN;
            if (length == 0) {
                return EMPTY;
            }
            int i = start;
            int end = start + length;
            boolean negative = false;
            if (c[i] == '+' || c[i] == '-') {
                negative = c[i] == '-';
                i++;
            }
            int signEnd = i;
            long mantissa = 0;
            int significant = 0;
            int scale = 0;
            int digits = 0;
            while (i < end && isDigit(c[i])) {
                if (significant < 18) {
                    mantissa = mantissa * 10 + (c[i] - '0');
                    if (mantissa != 0) {
                        significant++;
                    }
                } else {
                    significant++;
                    scale++;
                }
                digits++;
                i++;
            }
            if (i < end && c[i] == '.') {
                i++;
                while (i < end && isDigit(c[i])) {
                    if (significant < 18) {
                        mantissa = mantissa * 10 + (c[i] - '0');
                        if (mantissa != 0) {
                            significant++;
                        }
                        scale--;
                    } else {
                        significant++;
                    }
                    digits++;
                    i++;
                }
            }
            if (digits == 0) {
                return nonFinite(c, signEnd, end) ? NOT_FINITE : NOT_A_NUMBER;
            }
            long exponent = 0;
            if (i < end && (c[i] == 'e' || c[i] == 'E')) {
                i++;
                boolean negativeExponent = false;
                if (i < end && (c[i] == '+' || c[i] == '-')) {
                    negativeExponent = c[i] == '-';
                    i++;
                }
                int exponentDigits = 0;
                while (i < end && isDigit(c[i])) {
                    exponent = Math.min(exponent * 10 + (c[i] - '0'), 1_000_000);
                    exponentDigits++;
                    i++;
                }
                if (exponentDigits == 0) {
                    return NOT_A_NUMBER;
                }
                exponent = negativeExponent ? -exponent : exponent;
            }
            if (i != end) {
                return NOT_A_NUMBER;
            }
            long power = exponent + scale;
            double magnitude;
            if (significant <= 18 && mantissa <= EXACT_MANTISSA && Math.abs(power) < POWERS_OF_TEN.length) {
                magnitude = power >= 0 ? mantissa * POWERS_OF_TEN[(int) power] : mantissa / POWERS_OF_TEN[(int) -power];
                value = negative ? -magnitude : magnitude;
            } else if (mantissa == 0 && significant == 0) {
                value = negative ? -0.0 : 0.0;
            } else {
                value = Double.parseDouble(new String(c, start, length));
            }
            return Double.isFinite(value) ? NUMBER : NOT_FINITE;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        /** nan, inf or infinity, in any case. */
        private static boolean nonFinite(char[] c, int start, int end) {
            int length = end - start;
            return (length == 3 && (matches(c, start, "nan") || matches(c, start, "inf")))
                    || (length == 8 && matches(c, start, "infinity"));
        }

        private static boolean matches(char[] c, int start, String word) {
            for (int k = 0; k < word.length(); k++) {
                char lower = c[start + k] >= 'A' && c[start + k] <= 'Z' ? (char) (c[start + k] + ('a' - 'A'))
                        : c[start + k];
                if (lower != word.charAt(k)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The header's names; a blank name becomes x1, x2, ... after its position. */
    private static List<String> headerNames(List<String> header) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < header.size(); j++) {
            String name = header.get(j);
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

    private static String fields(int count) {
        return count == 1 ? "1 field" : count + " fields";
    }

    /** The 0-based positions of the selected columns, in selection order, each at most once. */
    private static List<Integer> resolveColumns(List<String> selection, List<String> names, String source) {
        List<Integer> chosen = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String selector : selection) {
            int column = resolveColumn(selector, names, source);
            if (!seen.add(column)) {
                throw new DataException("column '" + Quote.shorten(names.get(column)) + "' of " + source
                        + " is chosen twice: list each column once");
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
            throw new DataException(source + " has no column " + Quote.shorten(wanted) + ": it has " + names.size()
                    + " (" + Quote.names(names) + "); give an index from 1 to " + names.size() + " or a name");
        }
        throw new DataException(source + " has no column '" + Quote.shorten(wanted) + "': choose from "
                + Quote.names(names) + " (by name or 1-based index)");
    }

    /** A string of digits as an int; one too long for an int is out of range like any other. */
    private static int parseIndex(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
