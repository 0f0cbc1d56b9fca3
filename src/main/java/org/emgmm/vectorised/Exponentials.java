package org.emgmm.vectorised;

/**
 * e^x for a whole row at a time, for x ≤ 0, in loops the compiler turns into SIMD instructions: the
 * exponentials of the E-step ({@link Kernels#normalise}). {@link Math#exp} is one call per value, which
 * HotSpot does not vectorise; with this class instead, an iteration at D = 2 (case b of {@code bench})
 * took a little over half as long, at D = 10 about 0.84 times as long (docs/speed.md).
 *
 * <p>The textbook method, in three passes over the row:
 * <pre>
 *   x  = k·ln 2 + r       k = round(x / ln 2), an integer; |r| ≤ ½ ln 2
 *   eˣ = 2ᵏ · eʳ          eʳ from its Taylor series to the term r¹³/13!
 * </pre>
 * The first two passes (k, then r and the series) are arithmetic only, and run as SIMD. The third builds 2ᵏ
 * from its bits, (k + 1023) in the exponent field of a double: a conversion to bits HotSpot (JDK 17) does one
 * value at a time, so it is a loop of its own and the others stay SIMD (a single loop doing everything runs
 * one value at a time throughout, and is slower than {@link Math#exp}). Together they took 2.2 ns a value
 * against {@link Math#exp}'s 3.8, in a loop over 512 values on one thread; with k and the series in one loop,
 * compiled on its own (see {@link #roundedExponents}), 9.4 against 6.0.
 *
 * <p><b>Accuracy.</b> ln 2 is split in two, {@link #LN2_HIGH} + {@link #LN2_LOW}, with {@link #LN2_HIGH}
 * short enough (32 significant bits) that k·{@link #LN2_HIGH} is exact for every k here: r is then exact but
 * for the rounding of the last subtraction. The series' first missing term is below
 * (½ ln 2)¹⁴/14! ≈ 4·10⁻¹⁸ relative, under a twentieth of the rounding of a double (2⁻⁵³ ≈ 1.1·10⁻¹⁶), so
 * the result is within a few units in the last place of {@link Math#exp}: ExponentialsTest checks 2, over
 * random x from −2000 to 0. e⁰ = 1 exactly (k = 0, r = 0), so each point's largest term is 1 as
 * with {@link Math#exp}.
 *
 * <p><b>Underflow as {@link Math#exp}'s.</b> 2ᵏ is applied as two factors, 2^⌊k/2⌋ and then 2^(k − ⌊k/2⌋),
 * each a normal double even for k near −1075: the first product is exact, and the second rounds once, into
 * the subnormal numbers or to 0 just where e^x does. So a component too far from every point still gets
 * responsibilities of exactly 0, and is found empty (see {@link org.emgmm.em.EmptyComponents}). Arguments
 * below {@link #LOWEST} are taken as {@link #LOWEST}, whose exponential is 0 all the same.
 */
final class Exponentials {

    private Exponentials() {
    }

    /**
     * Arguments below this are taken as this. e^x is 0 in doubles below about −745.13, so this changes no
     * result, and it keeps k ≥ −1443, whose halves are normal doubles' exponents (≥ −1022).
     */
    static final double LOWEST = -1000.0;

    /** 1 / ln 2. */
    private static final double LOG2_E = 1.4426950408889634;

    /** ln 2 to 32 significant bits, so that k · LN2_HIGH is exact for |k| &lt; 2²¹. */
    private static final double LN2_HIGH = 6.93147180369123816490e-01;

    /** ln 2 − LN2_HIGH. */
    private static final double LN2_LOW = 1.90821492927058770002e-10;

    /** The bias of a double's exponent field: 2ᵏ has k + 1023 there. */
    private static final long EXPONENT_BIAS = 1023;

    /** Where a double's exponent field starts: after the 52 bits of its fraction. */
    private static final int FRACTION_BITS = 52;

    /** The Taylor coefficients 1/n! of eʳ, for n = 2 … 13 (1/0! and 1/1! are 1). */
    private static final double C2 = 1.0 / 2;
    private static final double C3 = 1.0 / 6;
    private static final double C4 = 1.0 / 24;
    private static final double C5 = 1.0 / 120;
    private static final double C6 = 1.0 / 720;
    private static final double C7 = 1.0 / 5040;
    private static final double C8 = 1.0 / 40320;
    private static final double C9 = 1.0 / 362880;
    private static final double C10 = 1.0 / 3628800;
    private static final double C11 = 1.0 / 39916800;
    private static final double C12 = 1.0 / 479001600;
    private static final double C13 = 1.0 / 6227020800.0;

    /**
     * row[b] = e^(row[b] − shift[b]), for row[b] ≤ shift[b].
     *
     * @param row       the exponents plus shift on entry, the exponentials on return. Modified.
     * @param shift     what is subtracted first. Not modified.
     * @param exponents scratch of at least {@code size}: k for each b. Modified.
     */
    static void expOfDifference(double[] row, double[] shift, double[] exponents, int size) {
        roundedExponents(row, shift, exponents, size);
        seriesOfRemainder(row, shift, exponents, size);
        scaleByPowersOfTwo(row, exponents, size);
    }

    /** x = max(row[b] − shift[b], LOWEST), the argument of e^x. */
    private static double argument(double row, double shift) {
        return Math.max(row - shift, LOWEST);
    }

    /**
     * exponents[b] = k = round(x / ln 2), for x = max(row[b] − shift[b], LOWEST). A loop of its own, not
     * the first lines of {@link #seriesOfRemainder}: HotSpot compiles a loop that writes both k and eʳ, with
     * the series in it, without SIMD when it compiles the method on its own rather than inlined into its
     * caller (seen in its machine code with {@code -XX:+PrintAssembly}), and on its own is how a fit's first
     * iterations run it, before the caller is compiled. Each of the two loops gets SIMD either way.
     */
    private static void roundedExponents(double[] row, double[] shift, double[] exponents, int size) {
        for (int b = 0; b < size; b++) {
            exponents[b] = Math.rint(argument(row[b], shift[b]) * LOG2_E);
        }
    }

    /**
     * With x = max(row[b] − shift[b], LOWEST) and k = exponents[b]: row[b] = eʳ for r = x − k ln 2, by
     * Horner's rule on the series 1 + r + r²/2! + … + r¹³/13!.
     */
    private static void seriesOfRemainder(double[] row, double[] shift, double[] exponents, int size) {
        for (int b = 0; b < size; b++) {
            double x = argument(row[b], shift[b]);
            double k = exponents[b];
            double r = (x - k * LN2_HIGH) - k * LN2_LOW;
            row[b] = 1.0 + r * (1.0 + r * (C2 + r * (C3 + r * (C4 + r * (C5 + r * (C6 + r * (C7 + r * (C8
                    + r * (C9 + r * (C10 + r * (C11 + r * (C12 + r * C13))))))))))));
        }
    }

    /**
     * row[b] *= 2ᵏ for k = exponents[b], an integer from −1443 to 0, as (row[b] · 2^⌊k/2⌋) · 2^(k − ⌊k/2⌋):
     * see the class comment on underflow.
     */
    private static void scaleByPowersOfTwo(double[] row, double[] exponents, int size) {
        for (int b = 0; b < size; b++) {
            long k = (long) exponents[b];
            long half = k >> 1;
            row[b] = row[b] * powerOfTwo(half) * powerOfTwo(k - half);
        }
    }

    /** {@return 2ʲ for −1022 ≤ j ≤ 1023: j + 1023 in the exponent field, a fraction of 0} */
    private static double powerOfTwo(long j) {
        return Double.longBitsToDouble((j + EXPONENT_BIAS) << FRACTION_BITS);
    }
}
