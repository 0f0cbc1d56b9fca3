package org.emgmm.data;

import static org.emgmm.data.NumberParser.EMPTY;
import static org.emgmm.data.NumberParser.NOT_A_NUMBER;
import static org.emgmm.data.NumberParser.NOT_FINITE;
import static org.emgmm.data.NumberParser.NUMBER;

import java.util.List;

/**
 * What each column of a CSV file holds, noted field by field while the file streams by: whether any
 * of its fields is a number, and its first field that is not a finite number (the line, the kind of
 * problem and the text). A problem is reported only once the columns are chosen, and only for a
 * chosen column, so a column of words that nobody asked for costs nothing.
 * <pre>
 *   numeric column   ⇔  some field is a number (finite or not)
 *   reported problem =  among the chosen columns, the problem of lowest line (ties: selection order)
 * </pre>
 * Siblings: {@link CsvTable} notes every field here; {@link NumberParser} tells the kinds apart.
 */
final class ColumnProblems {

    /** Per column: whether any field is a number, finite or not. */
    private final boolean[] holdsNumber;

    /** Per column: the line of its first problem; 0 for none yet, −1 until its row is committed. */
    private final int[] problemLine;

    /** Per column: what its first problem is ({@link NumberParser#EMPTY}, ...). */
    private final byte[] problemKind;

    /** Per column: its first problem's text, shortened for messages. */
    private final String[] problemText;

    /**
     * No problems yet.
     *
     * @param width the number of columns
     */
    ColumnProblems(int width) {
        holdsNumber = new boolean[width];
        problemLine = new int[width];
        problemKind = new byte[width];
        problemText = new String[width];
    }

    /**
     * Notes one field of the row being read.
     *
     * @param column the field's column, from 0
     * @param kind   what {@link NumberParser#classify} found
     * @param chars  the characters the field is in
     * @param start  where it starts
     * @param length how many characters it has
     */
    void note(int column, byte kind, char[] chars, int start, int length) {
        if (kind == NUMBER || kind == NOT_FINITE) {
            holdsNumber[column] = true;
        }
        if (kind != NUMBER && problemLine[column] == 0) {
            problemKind[column] = kind;
            problemText[column] = Quote.shorten(chars, start, length);
            problemLine[column] = -1; // the line is set when the row is committed
        }
    }

    /**
     * Gives the problems noted in the row just read their line.
     *
     * @param line the row's line, from 1
     */
    void endRow(int line) {
        for (int j = 0; j < problemLine.length; j++) {
            if (problemLine[j] == -1) {
                problemLine[j] = line;
            }
        }
    }

    /**
     * Whether a column holds at least one number.
     *
     * @param column the column, from 0
     * @return true when some field of it is a number, finite or not
     */
    boolean holdsNumber(int column) {
        return holdsNumber[column];
    }

    /**
     * The line of a column's first problem.
     *
     * @param column the column, from 0
     * @return the line, from 1; 0 when every field of the column is a finite number
     */
    int line(int column) {
        return problemLine[column];
    }

    /**
     * Refuses the first field of the chosen columns (by line, then in selection order) that is not a
     * finite number.
     *
     * @param chosen the chosen columns, in selection order
     * @param names  every column's name
     * @param source names the file in the message
     * @throws DataException naming the line, the column and the field
     */
    void requireNumbers(List<Integer> chosen, List<String> names, String source) {
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

    /**
     * The first problem of the sample weights' column, told as a weight's problem.
     *
     * @param column the weights' column, from 0; it must have a problem ({@link #line} above 0)
     * @param where  the message's start up to the line number, e.g. "weights.csv line "
     * @param what   what follows the line number: the column, or nothing for a file of weights alone
     * @return the exception to throw
     */
    DataException weightProblem(int column, String where, String what) {
        String at = where + problemLine[column] + what;
        String field = problemText[column];
        return switch (problemKind[column]) {
            case EMPTY -> new DataException(at + ": the sample weight is empty: give every row a weight, 0 or more");
            case NOT_A_NUMBER -> new DataException(at + ": sample weight '" + field + "' is not a number: give a"
                    + " number, 0 or more");
            default -> new DataException(at + ": sample weight '" + field + "' is not a finite number: give a"
                    + " finite number, 0 or more");
        };
    }
}
