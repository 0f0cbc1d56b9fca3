package org.emgmm.data;

import java.util.Arrays;
import java.util.List;

/**
 * Every field of a CSV file as a double, in one array grown as the rows are read: no object per field,
 * so that N rows of C fields take about 8·N·C bytes.
 * <pre>
 *   values[i · width + j] = field j of row i
 *   capacity, when full   = max(needed, min(the largest array, max(1024, 2 · capacity)))
 * </pre>
 * The chosen columns leave through {@link #take}: the array itself when every column is chosen in
 * file order, so that the common case never holds the data twice.
 *
 * <p>Siblings: {@link CsvTable} adds each row it reads here; {@link DataMatrix} is where the values go.
 */
final class RowValues {

    /** The fields per row. */
    private final int width;

    /** The rows so far, row-major; longer than they need while the file is being read. */
    private double[] values = new double[0];

    /** How many rows have been added. */
    private int rows;

    /**
     * No rows yet.
     *
     * @param width the fields per row
     */
    RowValues(int width) {
        this.width = width;
    }

    /**
     * Appends a row, growing the array when it is full.
     *
     * @param row {@code width} values; copied
     * @throws DataException when the rows no longer fit in one Java array
     */
    void add(double[] row) {
        if ((long) (rows + 1) * width > values.length) {
            long needed = (long) (rows + 1) * width;
            long grown = Math.max(needed, Math.min((long) Sizes.MAX_ARRAY, Math.max(1024L, 2L * values.length)));
            values = Arrays.copyOf(values, Sizes.product("the data (points × columns)", (int) Math.min(grown,
                    Integer.MAX_VALUE), 1));
        }
        System.arraycopy(row, 0, values, rows * width, width);
        rows++;
    }

    /**
     * How many rows have been added.
     *
     * @return the rows
     */
    int rows() {
        return rows;
    }

    /**
     * One column's values, e.g. the sample weights.
     *
     * @param column the column, from 0
     * @return its value in each row, in row order
     */
    double[] column(int column) {
        double[] entries = new double[rows];
        for (int i = 0; i < rows; i++) {
            entries[i] = values[i * width + column];
        }
        return entries;
    }

    /**
     * The chosen columns, N × D, row-major: the array itself (trimmed) when every column is chosen in
     * file order, otherwise data[i · D + c] = values[i · width + chosen[c]]. The rows are let go after,
     * so that the garbage collector may take them.
     *
     * @param chosen the chosen columns, in selection order
     * @return the values, for a {@link DataMatrix} to own
     * @throws DataException when N × D is too large for one Java array
     */
    double[] take(List<Integer> chosen) {
        double[] data;
        if (isEveryColumnInOrder(chosen)) {
            data = values.length == rows * width ? values : Arrays.copyOf(values, rows * width);
        } else {
            int d = chosen.size();
            data = new double[Sizes.product("the data (points × columns)", rows, d)];
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < d; c++) {
                    data[i * d + c] = values[i * width + chosen.get(c)];
                }
            }
        }
        values = null;
        return data;
    }

    /**
     * Whether the selection is every column, in file order.
     *
     * @param chosen the chosen columns
     * @return true when chosen is 0, 1, ..., width − 1
     */
    private boolean isEveryColumnInOrder(List<Integer> chosen) {
        for (int c = 0; c < chosen.size(); c++) {
            if (chosen.get(c) != c) {
                return false;
            }
        }
        return chosen.size() == width;
    }
}
