package org.emgmm.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The syntax half of reading CSV: text split into records of fields, each record remembering the line
 * of the file it came from. Knows nothing of numbers or headers; {@link CsvReader} does the meaning.
 *
 * <p>The rules, a simple form of RFC 4180:
 * <ul>
 *   <li>one record per line; blank lines (anywhere, typically at the end) are skipped;</li>
 *   <li>fields are separated by commas, and spaces around a field are ignored;</li>
 *   <li>a field may be enclosed in double quotes, and may then contain commas; a doubled quote
 *       {@code ""} inside quotes stands for one {@code "}; a quoted field must end on its line;</li>
 *   <li>every record has as many fields as the first one.</li>
 * </ul>
 */
final class CsvRecords {

    /** One line of the file split into fields. */
    record Record(int line, List<String> fields) {
        Record {
            fields = List.copyOf(fields);
        }
    }

    private static final char QUOTE = '"';
    private static final char SEPARATOR = ',';

    /**
     * Separators that spreadsheets use instead of commas in some locales (French ones write 3,6 for
     * 3.6, so they separate fields with semicolons). Seen in a file that has no commas, they explain
     * why every line is a single field.
     */
    private static final String OTHER_SEPARATORS = ";\t";

    private CsvRecords() {
    }

    /**
     * Splits {@code text} into records of equal length.
     *
     * @param source names the file in error messages
     * @throws DataException if there is no record, a quote is left open, the file uses another separator,
     *                       or a record's length differs from the first one's
     */
    static List<Record> split(String text, String source) {
        List<Record> records = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int index = 0; index < lines.size(); index++) {
            if (!lines.get(index).isBlank()) {
                records.add(new Record(index + 1, splitLine(lines.get(index), index + 1, source)));
            }
        }
        if (records.isEmpty()) {
            throw new DataException(source + " is empty: give a CSV file with one point per line");
        }
        requireCommaSeparated(records, source);
        requireEqualLengths(records, source);
        return records;
    }

    /** Splits one line into its fields, undoing the quoting. */
    static List<String> splitLine(String line, int lineNumber, String source) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean insideQuotes = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (insideQuotes && c == QUOTE && i + 1 < line.length() && line.charAt(i + 1) == QUOTE) {
                field.append(QUOTE);
                i++;
            } else if (c == QUOTE) {
                insideQuotes = !insideQuotes;
            } else if (c == SEPARATOR && !insideQuotes) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (insideQuotes) {
            throw new DataException(source + " line " + lineNumber + " has a quote (\") that is never closed:"
                    + " close it on the same line or remove it");
        }
        fields.add(field.toString().strip());
        return fields;
    }

    /** Refuses a file whose lines are single fields holding a semicolon or a tab. */
    private static void requireCommaSeparated(List<Record> records, String source) {
        Record first = records.get(0);
        if (first.fields().size() > 1) {
            return;
        }
        String field = first.fields().get(0);
        for (char separator : OTHER_SEPARATORS.toCharArray()) {
            if (field.indexOf(separator) >= 0) {
                throw new DataException(source + " separates its fields with " + describe(separator)
                        + ", not commas: save it as comma-separated values");
            }
        }
    }

    private static String fields(int count) {
        return count == 1 ? "1 field" : count + " fields";
    }

    private static String describe(char separator) {
        return separator == '\t' ? "tabs" : "'" + separator + "'";
    }

    /** Refuses ragged rows, naming the first line whose number of fields differs from the first line's. */
    private static void requireEqualLengths(List<Record> records, String source) {
        Record first = records.get(0);
        int expected = first.fields().size();
        for (Record record : records) {
            int actual = record.fields().size();
            if (actual != expected) {
                throw new DataException(source + " line " + record.line() + " has " + fields(actual) + " but line "
                        + first.line() + " has " + expected + ": every line needs the same number of"
                        + " comma-separated fields");
            }
        }
    }
}
