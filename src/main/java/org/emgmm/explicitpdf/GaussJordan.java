package org.emgmm.explicitpdf;

/**
 * The determinant and inverse of a square matrix by Gauss–Jordan elimination with partial pivoting:
 * reduce [A | I] to [I | A⁻¹]; det A is the product of the pivots, with a sign flip per row swap.
 *
 * <p>Only the explicit-pdf implementation uses this, to show the textbook formula as written. Elsewhere
 * the package never forms an inverse: solving with a Cholesky factor is cheaper and loses less precision.
 */
final class GaussJordan {

    /** det A and A⁻¹ (flat row-major). */
    record Result(double determinant, double[] inverse) {
    }

    private GaussJordan() {
    }

    /**
     * @param a the d×d matrix, flat row-major. Not modified.
     * @return the determinant and inverse; a determinant of 0 when a pivot is exactly 0 (the inverse is then
     *         meaningless)
     */
    static Result invert(double[] a, int d) {
        double[] left = a.clone();
        double[] right = identity(d);
        double determinant = 1.0;
        for (int column = 0; column < d; column++) {
            int pivot = largestBelow(left, d, column);
            if (left[pivot * d + column] == 0.0) {
                return new Result(0.0, right);
            }
            if (pivot != column) {
                swapRows(left, d, pivot, column);
                swapRows(right, d, pivot, column);
                determinant = -determinant;
            }
            double pivotValue = left[column * d + column];
            determinant *= pivotValue;
            scaleRow(left, d, column, 1.0 / pivotValue);
            scaleRow(right, d, column, 1.0 / pivotValue);
            for (int row = 0; row < d; row++) {
                double factor = left[row * d + column];
                if (row != column && factor != 0.0) {
                    // row ← row − factor · pivot row, on both sides
                    subtractRow(left, d, row, column, factor);
                    subtractRow(right, d, row, column, factor);
                }
            }
        }
        return new Result(determinant, right);
    }

    private static double[] identity(int d) {
        double[] identity = new double[d * d];
        for (int i = 0; i < d; i++) {
            identity[i * d + i] = 1.0;
        }
        return identity;
    }

    private static int largestBelow(double[] m, int d, int column) {
        int best = column;
        for (int row = column + 1; row < d; row++) {
            if (Math.abs(m[row * d + column]) > Math.abs(m[best * d + column])) {
                best = row;
            }
        }
        return best;
    }

    private static void swapRows(double[] m, int d, int i, int j) {
        for (int c = 0; c < d; c++) {
            double t = m[i * d + c];
            m[i * d + c] = m[j * d + c];
            m[j * d + c] = t;
        }
    }

    private static void scaleRow(double[] m, int d, int row, double factor) {
        for (int c = 0; c < d; c++) {
            m[row * d + c] *= factor;
        }
    }

    private static void subtractRow(double[] m, int d, int row, int source, double factor) {
        for (int c = 0; c < d; c++) {
            m[row * d + c] -= factor * m[source * d + c];
        }
    }
}
