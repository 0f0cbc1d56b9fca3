package org.emgmm.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable N×D data matrix: N points (rows) of D coordinates (columns), with column names.
 *
 * <p>Storage is flat and row-major, the one index formula used everywhere in the package:
 * <pre>
 *   x[i][j] = values[i * D + j]        0 ≤ i &lt; N,  0 ≤ j &lt; D
 * </pre>
 * Every value is finite: NaN and infinities are refused on construction.
 *
 * <p><b>Sample weights.</b> A matrix may carry a weight wᵢ ≥ 0 per row ({@link #withSampleWeights}): how
 * much point i counts in EM's sums. A whole-number weight w counts the point as w identical rows would;
 * weight 0 counts it not at all. Without weights every wᵢ is 1 ({@link #weight} returns 1.0), so code
 * written with the weights gives the unweighted results bit for bit: multiplying by 1.0 and adding
 * N ones are exact.
 */
public final class DataMatrix {

    private final int rows;
    private final int columns;
    private final double[] values;
    private final List<String> columnNames;
    /** wᵢ per row, or null when the rows are unweighted (every wᵢ = 1). */
    private final double[] sampleWeights;
    /** Σᵢ wᵢ, added in row order; N when unweighted. */
    private final double totalWeight;
    /** The mean positive weight, Σᵢ wᵢ / #{i : wᵢ &gt; 0}: exactly 1 when unweighted. */
    private final double weightUnit;

    /**
     * A matrix of N points from flat row-major values.
     *
     * @param rows        N ≥ 1
     * @param columns     D ≥ 1
     * @param values      N·D finite values, flat row-major. Not modified (copied).
     * @param columnNames D names, or null for x1, x2, ...
     * @throws DataException if N or D is below 1, the values are not N·D, one is not finite, or the names
     *                       are not D
     */
    public DataMatrix(int rows, int columns, double[] values, List<String> columnNames) {
        this(rows, columns, values, columnNames, true);
    }

    /**
     * A matrix that takes ownership of {@code values} without copying it: for a reader that has just
     * built the array and hands it over, so that large data is not held twice.
     */
    static DataMatrix owning(int rows, int columns, double[] values, List<String> columnNames) {
        return new DataMatrix(rows, columns, values, columnNames, false);
    }

    private DataMatrix(int rows, int columns, double[] values, List<String> columnNames, boolean copy) {
        if (rows < 1 || columns < 1) {
            throw new DataException("data must have at least one row and one column, got " + rows + "x" + columns);
        }
        if (values.length != Sizes.product("the data (points × columns)", rows, columns)) {
            throw new DataException("expected " + rows + "x" + columns + " = " + ((long) rows * columns)
                    + " values, got " + values.length);
        }
        for (int index = 0; index < values.length; index++) {
            if (!Double.isFinite(values[index])) {
                throw new DataException("value " + values[index] + " at row " + (index / columns + 1) + ", column "
                        + (index % columns + 1) + " is not a finite number: remove or impute it");
            }
        }
        this.rows = rows;
        this.columns = columns;
        this.values = copy ? values.clone() : values;
        this.columnNames = columnNames == null ? defaultNames(columns) : List.copyOf(columnNames);
        if (this.columnNames.size() != columns) {
            throw new DataException("expected " + columns + " column names, got " + this.columnNames.size());
        }
        this.sampleWeights = null;
        this.totalWeight = rows;
        this.weightUnit = 1.0;
    }

    /** {@code unweighted}'s points with the given sample weights (already checked, owned by the new matrix). */
    private DataMatrix(DataMatrix unweighted, double[] sampleWeights, double totalWeight) {
        this.rows = unweighted.rows;
        this.columns = unweighted.columns;
        this.values = unweighted.values; // immutable, so shared
        this.columnNames = unweighted.columnNames;
        this.sampleWeights = sampleWeights;
        this.totalWeight = totalWeight;
        this.weightUnit = sampleWeights == null ? 1.0 : totalWeight / positiveWeightRows();
    }

    /**
     * The same points, with sample weight {@code weights[i]} for row i (replacing any weights this matrix
     * had); null for none.
     *
     * @param weights N finite numbers ≥ 0, not all 0. Not modified (copied).
     * @return a matrix sharing these values, weighted by {@code weights} (unweighted when it is null)
     * @throws DataException naming the first row whose weight is negative, NaN, infinite or below the smallest
     *                       normal double, or saying that the weights are all 0, add up to more than EM's sums
     *                       over this data can hold ({@link SampleWeightScale}), or are too few or too many
     */
    public DataMatrix withSampleWeights(double[] weights) {
        if (weights == null) {
            return sampleWeights == null ? this : new DataMatrix(this, null, rows);
        }
        if (weights.length != rows) {
            throw new DataException("there are " + weights.length + " sample weights but " + rows
                    + " data rows: give exactly one weight per row");
        }
        double total = 0.0;
        for (int i = 0; i < rows; i++) {
            if (!(weights[i] >= 0.0) || Double.isInfinite(weights[i])) {
                throw new DataException("the sample weight of row " + (i + 1) + " is " + weights[i]
                        + ": sample weights must be finite numbers, 0 or more; correct it");
            }
            total += weights[i];
        }
        if (total == 0.0) {
            throw new DataException("every sample weight is 0, so no point would count: give at least one row a"
                    + " positive weight");
        }
        SampleWeightScale.check(weights, total, largestMagnitude());
        return new DataMatrix(this, weights.clone(), total);
    }

    /** {@return whether the rows carry sample weights} */
    public boolean isWeighted() {
        return sampleWeights != null;
    }

    /**
     * The sample weight of one row.
     *
     * @param i the row, 0 ≤ i &lt; N
     * @return wᵢ; 1.0 when the rows are unweighted
     */
    public double weight(int i) {
        return sampleWeights == null ? 1.0 : sampleWeights[i];
    }

    /** {@return a copy of the N weights wᵢ, or null when the rows are unweighted} */
    public double[] sampleWeights() {
        return sampleWeights == null ? null : sampleWeights.clone();
    }

    /**
     * Copies w of rows {@code from .. from + count − 1} into {@code target} from {@code offset}, like
     * {@link #copyRows}. Only for weighted rows.
     *
     * @param from   the first row to copy
     * @param count  how many rows
     * @param target receives the weights. Modified.
     * @param offset where the first weight goes in {@code target}
     * @throws NullPointerException if the rows are unweighted
     */
    public void copyWeights(int from, int count, double[] target, int offset) {
        System.arraycopy(sampleWeights, from, target, offset, count);
    }

    /** {@return Σᵢ wᵢ, the weighted number of points: N when the rows are unweighted (a whole number, exactly)} */
    public double totalWeight() {
        return totalWeight;
    }

    /**
     * {@return the mean positive weight Σᵢ wᵢ / #{i : wᵢ &gt; 0}: the weight of "one point", 1.0 exactly
     * when unweighted} Thresholds counted in points (an empty component, a cluster too small for a
     * covariance) are multiplied by it, so that scaling every weight moves them along; rows of weight 0
     * do not count, so that such a row is the row removed.
     */
    public double weightUnit() {
        return weightUnit;
    }

    /** {@return max |xᵢⱼ| over all values, 0 for no values} */
    private double largestMagnitude() {
        double largest = 0.0;
        for (double value : values) {
            largest = Math.max(largest, Math.abs(value));
        }
        return largest;
    }

    /** {@return how many rows have a positive weight (all N when unweighted)} */
    public int positiveWeightRows() {
        if (sampleWeights == null) {
            return rows;
        }
        int count = 0;
        for (double w : sampleWeights) {
            if (w > 0.0) {
                count++;
            }
        }
        return count;
    }

    /**
     * Builds a matrix from rows of equal length (copied), with the default column names.
     *
     * @param data N rows of D values each. Not modified.
     * @return the N×D matrix, unweighted
     * @throws DataException if there is no row, the rows differ in length, or a value is not finite
     */
    public static DataMatrix ofRows(double[][] data) {
        int d = data.length == 0 ? 0 : data[0].length;
        double[] flat = new double[Sizes.product("the data (points × columns)", data.length, d)];
        for (int i = 0; i < data.length; i++) {
            if (data[i].length != d) {
                throw new DataException("row " + (i + 1) + " has " + data[i].length + " values, expected " + d);
            }
            System.arraycopy(data[i], 0, flat, i * d, d);
        }
        return new DataMatrix(data.length, d, flat, null);
    }

    /**
     * The names of columns that have none: x1, x2, ...
     *
     * @param columns D
     * @return x1 … xD, a new modifiable list
     */
    public static List<String> defaultNames(int columns) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < columns; j++) {
            names.add("x" + (j + 1));
        }
        return names;
    }

    /** {@return N, the number of points} */
    public int rows() {
        return rows;
    }

    /** {@return D, the number of coordinates of each point} */
    public int columns() {
        return columns;
    }

    /**
     * One value.
     *
     * @param i the row, 0 ≤ i &lt; N
     * @param j the column, 0 ≤ j &lt; D
     * @return x[i][j]
     */
    public double get(int i, int j) {
        return values[i * columns + j];
    }

    /**
     * One point.
     *
     * @param i the row, 0 ≤ i &lt; N
     * @return a copy of row i, D values
     */
    public double[] row(int i) {
        return Arrays.copyOfRange(values, i * columns, (i + 1) * columns);
    }

    /**
     * Copies rows {@code from .. from + count − 1} into {@code target}, flat row-major from
     * {@code offset}: {@code target[offset + r * D + j] = x[from + r][j]}. Lets a kernel work on a block of
     * points without copying the whole matrix.
     *
     * @param from   the first row to copy
     * @param count  how many rows
     * @param target receives count·D values. Modified.
     * @param offset where the first value goes in {@code target}
     */
    public void copyRows(int from, int count, double[] target, int offset) {
        System.arraycopy(values, from * columns, target, offset, count * columns);
    }

    /** {@return a copy of all N·D values, flat row-major: {@code x[i][j] = result[i * D + j]}} */
    public double[] toFlatArray() {
        return values.clone();
    }

    /** {@return the D column names, in order (unmodifiable)} */
    public List<String> columnNames() {
        return columnNames;
    }

    /**
     * Picks rows, in a given order.
     *
     * @param order row indices of this matrix; may repeat rows or leave some out
     * @return a matrix holding rows {@code order[0], order[1], ...} of this one, with their sample weights if any
     */
    public DataMatrix withRows(int[] order) {
        double[] picked = new double[order.length * columns];
        for (int r = 0; r < order.length; r++) {
            System.arraycopy(values, order[r] * columns, picked, r * columns, columns);
        }
        DataMatrix rows = new DataMatrix(order.length, columns, picked, columnNames);
        if (sampleWeights == null) {
            return rows;
        }
        double[] weights = new double[order.length];
        for (int r = 0; r < order.length; r++) {
            weights[r] = sampleWeights[order[r]];
        }
        return rows.withSampleWeights(weights);
    }

    /**
     * Whether the values are too large or too small in magnitude for covariances to be computed in
     * doubles (their squares overflow or underflow): "the values are around 1e200", or null when they are
     * not. Where the columns' spreads lie, not the values alone, decides: 1e200 + x is fine to centre,
     * but its spread is what gets squared.
     *
     * @return a phrase for an error message, or null when the scale is fine
     */
    public String magnitudeProblem() {
        double largestSpread = 0.0;
        double largestValue = 0.0;
        for (int j = 0; j < columns; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < rows; i++) {
                double value = values[i * columns + j];
                min = Math.min(min, value);
                max = Math.max(max, value);
                largestValue = Math.max(largestValue, Math.abs(value));
            }
            largestSpread = Math.max(largestSpread, max - min);
        }
        if (largestSpread > LARGEST_SAFE_SPREAD || Double.isInfinite(largestSpread)) {
            return "the values are around 1e" + exponent(largestValue);
        }
        if (largestSpread > 0.0 && largestSpread < SMALLEST_SAFE_SPREAD) {
            return "the values are around 1e" + exponent(largestSpread);
        }
        return null;
    }

    /** Spreads whose squares (summed over many points) stay within the range of a double. */
    private static final double LARGEST_SAFE_SPREAD = 1e150;
    private static final double SMALLEST_SAFE_SPREAD = 1e-150;

    private static long exponent(double magnitude) {
        return (long) Math.floor(Math.log10(magnitude));
    }

    /**
     * The sample mean of each column: mean[j] = (1/W) Σᵢ wᵢ x[i][j] with W = Σᵢ wᵢ, which is
     * (1/N) Σᵢ x[i][j] when the rows are unweighted.
     *
     * @return D means
     */
    public double[] columnMeans() {
        double[] mean = new double[columns];
        for (int i = 0; i < rows; i++) {
            double w = weight(i);
            for (int j = 0; j < columns; j++) {
                mean[j] += w * values[i * columns + j];
            }
        }
        for (int j = 0; j < columns; j++) {
            mean[j] /= totalWeight;
        }
        return mean;
    }

    /**
     * The maximum-likelihood covariance, D×D flat row-major:
     * S[a][b] = (1/W) Σᵢ wᵢ (x[i][a] − mean[a]) (x[i][b] − mean[b]), W = Σᵢ wᵢ (= N unweighted).
     *
     * @return S, D×D flat row-major, a new array
     */
    public double[] covariance() {
        double[] mean = columnMeans();
        double[] s = new double[Sizes.product("a covariance (columns × columns)", columns, columns)];
        for (int i = 0; i < rows; i++) {
            double w = weight(i);
            for (int a = 0; a < columns; a++) {
                double da = w * (values[i * columns + a] - mean[a]);
                for (int b = 0; b <= a; b++) {
                    s[a * columns + b] += da * (values[i * columns + b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < columns; a++) {
            for (int b = 0; b <= a; b++) {
                s[a * columns + b] /= totalWeight;
                s[b * columns + a] = s[a * columns + b];
            }
        }
        return s;
    }
}
