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
import java.util.List;

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
 *
 * <p>This class opens the file; the reading itself is {@link CsvTable}'s, the next to read, which
 * uses {@link CsvColumns} for the header and the columns and {@link NumberParser} for the numbers.
 */
public final class CsvReader {

    /** Not instantiated: the methods are static. */
    private CsvReader() {
    }

    /**
     * Reads a CSV file, streaming it.
     *
     * @param file        the file
     * @param columns     the columns to use, each a header name or a 1-based index; empty for every
     *                    numeric column
     * @param labelColumn the column of ground-truth labels (name or 1-based index), or null for none
     * @return the points, with their labels when a label column is named
     * @throws DataException naming the problem, its line and column
     */
    public static LabelledData read(Path file, List<String> columns, String labelColumn) {
        return read(file, columns, labelColumn, null);
    }

    /**
     * Reads a CSV file whose column {@code weightColumn} holds each point's sample weight.
     *
     * @param file         the file
     * @param columns      the columns to use, each a header name or a 1-based index; empty for every
     *                     numeric column
     * @param labelColumn  the column of ground-truth labels (name or 1-based index), or null for none
     * @param weightColumn the column of sample weights (name or 1-based index), or null for none; it is
     *                     not a data column, and the points returned carry its weights
     * @return the points, with their labels and sample weights when those columns are named
     * @throws DataException naming the problem, its line and column, also for a weight that is not a
     *                       finite number, 0 or more
     * @see #read(Path, List, String)
     */
    public static LabelledData read(Path file, List<String> columns, String labelColumn, String weightColumn) {
        requireReadableFile(file);
        try (Reader in = utf8(file)) {
            return parse(in, file.toString(), columns, labelColumn, weightColumn);
        } catch (CharacterCodingException e) {
            throw CsvRecords.notText(file.toString());
        } catch (IOException e) {
            throw new DataException("cannot read " + file + " (" + e.getMessage() + "): check its permissions", e);
        }
    }

    /**
     * Reads a file of sample weights: a single column of finite numbers, 0 or more, one per row, with an
     * optional header line (the same header rule as for data).
     *
     * @param file the file
     * @return the weights in row order
     * @throws DataException naming the file and line of the first problem
     */
    public static double[] readSampleWeights(Path file) {
        requireReadableFile(file);
        String source = file.toString();
        try (Reader in = utf8(file)) {
            CsvTable table = new CsvTable(new CsvRecords(in, source), source, null, "1").read();
            if (table.width() != 1) {
                throw new DataException(source + " has " + table.width() + " columns, but a sample-weights file holds"
                        + " one number per row: keep only the weights' column");
            }
            return table.sampleWeights();
        } catch (CharacterCodingException e) {
            throw CsvRecords.notText(source);
        } catch (IOException e) {
            throw new DataException("cannot read " + file + " (" + e.getMessage() + "): check its permissions", e);
        }
    }

    /**
     * Refuses a path that is missing or a directory.
     *
     * @param file the path
     * @throws DataException saying which, and what to give instead
     */
    private static void requireReadableFile(Path file) {
        if (!Files.exists(file)) {
            throw new DataException("file " + file + " does not exist: check the path");
        }
        if (Files.isDirectory(file)) {
            throw new DataException(file + " is a directory, not a CSV file: give the path of a file inside it");
        }
    }

    /**
     * The file as UTF-8 text that refuses bytes that are not UTF-8.
     *
     * @param file the file
     * @return a reader that throws {@link CharacterCodingException} at the first byte that is not UTF-8
     * @throws IOException if the file cannot be opened
     */
    private static Reader utf8(Path file) throws IOException {
        return new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /**
     * Reads CSV text already in memory (a bundled data set, a test's string).
     *
     * @param text        the CSV text
     * @param source      names the text in error messages, e.g. its file name
     * @param columns     the columns to use, each a header name or a 1-based index; empty for every
     *                    numeric column
     * @param labelColumn the column of ground-truth labels (name or 1-based index), or null for none
     * @return the points, with their labels when a label column is named
     * @throws DataException naming the problem, its line and column
     * @see #read(Path, List, String)
     */
    public static LabelledData parse(String text, String source, List<String> columns, String labelColumn) {
        return parse(text, source, columns, labelColumn, null);
    }

    /**
     * Reads CSV text already in memory, with a column of sample weights (or null for none).
     *
     * @param text         the CSV text
     * @param source       names the text in error messages, e.g. its file name
     * @param columns      the columns to use, each a header name or a 1-based index; empty for every
     *                     numeric column
     * @param labelColumn  the column of ground-truth labels (name or 1-based index), or null for none
     * @param weightColumn the column of sample weights (name or 1-based index), or null for none
     * @return the points, with their labels and sample weights when those columns are named
     * @throws DataException naming the problem, its line and column
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

    /**
     * Reads CSV text from a reader.
     *
     * @param in           the text
     * @param source       names the text in error messages
     * @param columns      the columns to use; empty for every numeric column
     * @param labelColumn  the label column, or null for none
     * @param weightColumn the sample weights' column, or null for none
     * @return the points, with their labels and sample weights when those columns are named
     * @throws IOException if the text cannot be read
     */
    private static LabelledData parse(Reader in, String source, List<String> columns, String labelColumn,
            String weightColumn) throws IOException {
        return new CsvTable(new CsvRecords(in, source), source, labelColumn, weightColumn).read().toData(columns);
    }
}
