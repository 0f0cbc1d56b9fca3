package org.emgmm.plot;

import java.util.List;
import java.util.stream.IntStream;
import org.emgmm.data.DataMatrix;

/**
 * The two data columns a two-dimensional picture shows: x on the horizontal axis, y on the vertical.
 * Chosen by header name or by 1-based index among the columns fitted (the rule {@code --columns} uses);
 * a name wins when a column is called, say, {@code 2}.
 *
 * @param x     0-based index of the horizontal column
 * @param y     0-based index of the vertical column, not x
 * @param xName the horizontal column's name, the axis label
 * @param yName the vertical column's name, the axis label
 */
public record ColumnPair(int x, int y, String xName, String yName) {

    /**
     * The pair chosen by {@code --x} and {@code --y}. Without them: the first two columns. With one of them:
     * the other is the first column not taken.
     *
     * @param names     the data's column names, at least two
     * @param xSelector a name or 1-based index, or null
     * @param ySelector a name or 1-based index, or null
     * @return the two columns, different
     * @throws IllegalArgumentException for an unknown column, the same column twice, or fewer than two columns
     */
    public static ColumnPair choose(List<String> names, String xSelector, String ySelector) {
        if (names.size() < 2) {
            throw new IllegalArgumentException("--x and --y choose two of the data's columns, but it has only "
                    + names.size() + " (" + String.join(", ", names) + "): leave them out");
        }
        int x = xSelector == null ? -1 : resolve(names, xSelector, "--x");
        int y = ySelector == null ? -1 : resolve(names, ySelector, "--y");
        if (x < 0) {
            x = y == 0 ? 1 : 0;
        }
        if (y < 0) {
            y = x == 0 ? 1 : 0;
        }
        if (x == y) {
            throw new IllegalArgumentException("--x and --y both choose column '" + names.get(x)
                    + "': choose two different columns");
        }
        return new ColumnPair(x, y, names.get(x), names.get(y));
    }

    private static int resolve(List<String> names, String selector, String option) {
        String wanted = selector.strip();
        int byName = names.indexOf(wanted);
        if (byName >= 0) {
            return byName;
        }
        if (wanted.matches("\\d{1,9}")) {
            int index = Integer.parseInt(wanted);
            if (index >= 1 && index <= names.size()) {
                return index - 1;
            }
        }
        throw new IllegalArgumentException("unknown column '" + wanted + "' for " + option + ": choose one of "
                + String.join(", ", names) + " (by name, or by index from 1 to " + names.size() + ")");
    }

    /** {xs, ys}: the two columns of every point. */
    double[][] coordinates(DataMatrix data) {
        return coordinates(data, IntStream.range(0, data.rows()).toArray());
    }

    /** {xs, ys}: the two columns of the points {@code rows[0], rows[1], ...}. */
    double[][] coordinates(DataMatrix data, int[] rows) {
        double[] xs = new double[rows.length];
        double[] ys = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            xs[r] = data.get(rows[r], x);
            ys[r] = data.get(rows[r], y);
        }
        return new double[][] {xs, ys};
    }
}
