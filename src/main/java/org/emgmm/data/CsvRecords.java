package org.emgmm.data;

import java.io.IOException;
import java.io.Reader;

/**
 * The syntax half of reading CSV: characters split into records of fields, streamed. Each field is
 * handed over as a range of a reused character buffer, so that a large file costs no String per field;
 * {@link CsvTable} does the meaning (numbers, headers, columns), for {@link CsvReader}.
 *
 * <p>The rules, a simple form of RFC 4180:
 * <ul>
 *   <li>one record per line (lines end with \n, \r\n or \r); blank lines (anywhere, typically at the
 *       end) are skipped;</li>
 *   <li>fields are separated by commas, and spaces around a field are ignored;</li>
 *   <li>a field may be enclosed in double quotes, and may then contain commas; a doubled quote
 *       {@code ""} inside quotes stands for one {@code "}; a quoted field must end on its line;</li>
 *   <li>a zero character means the file is not text.</li>
 * </ul>
 * That every record has as many fields as the first is {@link CsvTable}'s check.
 */
final class CsvRecords {

    /** Receives the fields of one record, in order. */
    interface FieldSink {
        /**
         * Field {@code index} (0-based) of the current record: {@code chars[start .. start + length)}, quotes
         * undone and surrounding spaces stripped. The buffer is reused once this returns.
         */
        void field(int index, char[] chars, int start, int length);
    }

    private static final char QUOTE = '"';
    private static final char SEPARATOR = ',';
    private static final char NUL = '\0';
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int END = -1;

    private final Reader in;
    private final String source;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean started;

    /** The field being built, grown when a field is longer. */
    private char[] field = new char[64];

    /** The line the next character belongs to, 1-based. */
    private int line = 1;

    /** The line of the record last returned. */
    private int recordLine;

    CsvRecords(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /**
     * The problem of a file that is not UTF-8 text, or that holds a zero character.
     *
     * @param source names the file
     * @return the exception to throw
     */
    static DataException notText(String source) {
        return new DataException(source + " is not a CSV file (it is not UTF-8 text): give a comma-separated text"
                + " file with one point per line");
    }

    /** The 1-based line of the record {@link #next} last read. */
    int line() {
        return recordLine;
    }

    /**
     * Reads the next record that is not blank, handing its fields to {@code sink}.
     *
     * @return its number of fields, or -1 at the end of the input
     * @throws DataException if a quote is left open or the input holds a zero character
     * @throws IOException   if the input cannot be read (a {@link java.nio.charset.CharacterCodingException}
     *                       when it is not valid text)
     */
    int next(FieldSink sink) throws IOException {
        if (!started) {
            started = true;
            if (peek() == BYTE_ORDER_MARK) {
                read();
            }
        }
        while (true) {
            if (peek() == END) {
                return END;
            }
            int fields = readLine(sink);
            if (fields > 0) {
                return fields;
            }
        }
    }

    /** Reads one line; returns its number of fields, or 0 when it is blank. */
    private int readLine(FieldSink sink) throws IOException {
        int startLine = line;
        int fields = 0;
        int length = 0;
        boolean insideQuotes = false;
        boolean blank = true;
        while (true) {
            int c = read();
            if (c == END || c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                if (c != END) {
                    line++;
                }
                if (insideQuotes) {
                    throw new DataException(source + " line " + startLine + " has a quote (\") that is never closed:"
                            + " close it on the same line or remove it");
                }
                if (blank) {
                    return 0;
                }
                recordLine = startLine;
                emit(sink, fields, length);
                return fields + 1;
            }
            if (c == NUL) {
                throw notText(source);
            }
            if (!Character.isWhitespace(c)) {
                blank = false;
            }
            if (insideQuotes && c == QUOTE && peek() == QUOTE) {
                read();
                length = append(length, QUOTE);
            } else if (c == QUOTE) {
                insideQuotes = !insideQuotes;
            } else if (c == SEPARATOR && !insideQuotes) {
                recordLine = startLine;
                emit(sink, fields, length);
                fields++;
                length = 0;
            } else {
                length = append(length, (char) c);
            }
        }
    }

    private int append(int length, char c) {
        if (length == field.length) {
            if (length >= Sizes.MAX_ARRAY / 2) {
                throw new DataException(source + " line " + line + " has a field of over " + Sizes.count(length)
                        + " characters: give a CSV file of numbers");
            }
            field = java.util.Arrays.copyOf(field, length * 2);
        }
        field[length] = c;
        return length + 1;
    }

    /** Hands over the field, without the spaces around it. */
    private void emit(FieldSink sink, int index, int length) {
        int start = 0;
        int end = length;
        while (start < end && Character.isWhitespace(field[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(field[end - 1])) {
            end--;
        }
        sink.field(index, field, start, end - start);
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return END;
        }
        return buffer[position];
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return END;
        }
        return buffer[position++];
    }

    private boolean fill() throws IOException {
        int count = in.read(buffer, 0, buffer.length);
        while (count == 0) {
            count = in.read(buffer, 0, buffer.length);
        }
        if (count < 0) {
            return false;
        }
        position = 0;
        limit = count;
        return true;
    }
}
