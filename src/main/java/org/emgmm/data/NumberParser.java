package org.emgmm.data;

/**
 * Decimal numbers such as {@code 3}, {@code -0.5}, {@code 1.2e-3} read from characters without a
 * String: {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?}, and the spellings of NaN and infinity that
 * spreadsheets, R, NumPy and Java write ({@code [+-]?(nan|inf|infinity)}, any case). Numbers of at
 * most 18 significant digits with a small exponent are computed exactly; the rest go to
 * {@link Double#parseDouble}, so every value is the correctly rounded double.
 * <pre>
 *   value = ± m · 10^(e + s)     m: the digits read, up to 18 significant ones, as a whole number
 *                                e: the exponent written after e or E (0 without one)
 *                                s: −1 per digit after the point taken into m, +1 per digit before
 *                                   the point left out of m
 *   exact when m ≤ 2⁵³ and |e + s| ≤ 22: m and 10^|e + s| are exact doubles, and the one
 *   multiplication or division between them rounds once
 * </pre>
 * Siblings: {@link CsvTable} classifies every field of a file with one parser; {@link CsvReader} is
 * where reading starts.
 */
final class NumberParser {

    /** What a field holds: a finite number. */
    static final byte NUMBER = 0;

    /** What a field holds: nothing. */
    static final byte EMPTY = 1;

    /** What a field holds: text that is not a number. */
    static final byte NOT_A_NUMBER = 2;

    /** What a field holds: NaN or an infinity, or a number too large for a double. */
    static final byte NOT_FINITE = 3;

    /** Powers of ten that are exact doubles: 10⁰ to 10²², the fast path's factors. */
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1.0;
        for (int e = 1; e < POWERS_OF_TEN.length; e++) {
            POWERS_OF_TEN[e] = POWERS_OF_TEN[e - 1] * 10.0;
        }
    }

    /** The grammar's largest mantissa for which the fast path is exact: 2⁵³. */
    private static final long EXACT_MANTISSA = 1L << 53;

    /** The value of the last field classified as a number; NaN otherwise. */
    double value;

    /**
     * What {@code c[start .. start + length)} holds, its value left in {@link #value}.
     *
     * @param c      the characters
     * @param start  where the field starts
     * @param length how many characters it has
     * @return {@link #NUMBER}, {@link #EMPTY}, {@link #NOT_A_NUMBER} or {@link #NOT_FINITE}
     */
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

    /**
     * Whether a field reads as a number, finite or not: the question of the header rule.
     *
     * @param field the field's text
     * @return true for a number, NaN or an infinity
     */
    boolean isNumber(String field) {
        byte kind = classify(field.toCharArray(), 0, field.length());
        return kind == NUMBER || kind == NOT_FINITE;
    }

    /**
     * Whether a character is one of the digits 0 to 9.
     *
     * @param c the character
     * @return true for '0' to '9'
     */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * nan, inf or infinity, in any case.
     *
     * @param c     the characters
     * @param start where the word starts, after any sign
     * @param end   where the field ends
     * @return true when the whole range spells one of them
     */
    private static boolean nonFinite(char[] c, int start, int end) {
        int length = end - start;
        return (length == 3 && (matches(c, start, "nan") || matches(c, start, "inf")))
                || (length == 8 && matches(c, start, "infinity"));
    }

    /**
     * Whether the characters from {@code start} spell {@code word}, in any case.
     *
     * @param c     the characters
     * @param start where to compare from
     * @param word  a lower-case word
     * @return true when they match letter for letter
     */
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
