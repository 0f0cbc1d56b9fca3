package org.emgmm.vectorised;

import java.util.Arrays;

/**
 * The inner loops of {@link VectorisedEm}. Each works on one block of B points, and each innermost
 * loop runs over one index of arrays that are all indexed by that same index alone ({@code row[b]},
 * never {@code flat[offset + b]}), with no calls and no branches: that is the shape HotSpot's compiler
 * turns into SIMD instructions (four doubles at a time with AVX2, eight with AVX-512). A block is held in
 * one of two layouts, as arrays of rows:
 * <pre>
 *   coordinate-major  z[j][b]   one row of B values per coordinate: the triangular solve runs along b
 *   point-major       y[p][j]   one row of D values per point: the scatter runs along j
 * </pre>
 * Loops over an inner index are unrolled four at a time over the outer one (four columns of L, four
 * points of the scatter), so every value loaded from the output row does four multiply-adds of work
 * before it is stored again.
 *
 * <p><b>Every loop along the block is a method of its own</b> (a leaf, such as {@link #subtractRow}), and
 * the methods that call them loop only over coordinates or components. This is for the first fit in a
 * fresh JVM: the just-in-time compiler compiles a method early, "on stack", when its loops have run a
 * set number of times (about 40,000), and again as a whole method once it has been called often enough
 * (600 times or more). A method with a loop along the block inside a loop over 50 coordinates reaches the
 * first count within a dozen calls, and C2 then compiled it twice, the first time with all its callees
 * inlined (91 ms for the paired solve at D = 50, on the one compiler thread, while the fit waited in
 * slower code). A leaf is small, so compiling it twice costs little, and its callers are compiled once.
 */
final class Kernels {

    private Kernels() {
    }

    /**
     * xt[j][b] = x[b][j]: lays a point-major block (flat, as copied from the data) out coordinate-major,
     * four coordinates per pass over the points. A pass reads x with a stride of D values, one cache line
     * after another; four coordinates side by side use each line it brings in four times (at D = 10 and
     * 50 a block's transpose took about 0.65 times as long as one coordinate per pass, on one thread).
     *
     * @param x  flat point-major block: x[b][j] = x[b·D + j]. Not modified.
     * @param xt D rows of at least {@code size}. Modified.
     */
    static void transpose(double[] x, int size, int d, double[][] xt) {
        int j = 0;
        for (; j + 4 <= d; j += 4) {
            copyFourCoordinates(x, j, d, xt[j], xt[j + 1], xt[j + 2], xt[j + 3], size);
        }
        for (; j < d; j++) {
            copyCoordinate(x, j, d, xt[j], size);
        }
    }

    /** row0[b] = x[b·D + j], row1[b] = x[b·D + j + 1], and so on: coordinates j to j + 3 of every point. */
    private static void copyFourCoordinates(double[] x, int j, int d, double[] row0, double[] row1, double[] row2,
            double[] row3, int size) {
        for (int b = 0; b < size; b++) {
            int point = b * d + j;
            row0[b] = x[point];
            row1[b] = x[point + 1];
            row2[b] = x[point + 2];
            row3[b] = x[point + 3];
        }
    }

    /** row[b] = x[b·D + j]: coordinate j of every point of a point-major block. */
    private static void copyCoordinate(double[] x, int j, int d, double[] row, int size) {
        for (int b = 0; b < size; b++) {
            row[b] = x[b * d + j];
        }
    }

    /** z[j][b] = xt[j][b] − μ[j]: a coordinate-major block centred on μ. */
    static void centre(double[][] xt, int size, int d, double[] mean, double[][] z) {
        for (int j = 0; j < d; j++) {
            subtract(xt[j], mean[j], z[j], size);
        }
    }

    /** to[b] = from[b] − constant. */
    private static void subtract(double[] from, double constant, double[] to, int size) {
        for (int b = 0; b < size; b++) {
            to[b] = from[b] - constant;
        }
    }

    /**
     * Below this many coordinates the four-row loop of {@link #substituteInPairs} would never run (its
     * first four-row step is at coordinate 4, so it needs D ≥ 6), and short rows are solved one coordinate
     * at a time instead. Two methods, not one with a branch inside, because the just-in-time compiler
     * compiles a method from what it has seen it do: the paired solve compiled while D = 2 data ran (its
     * inner loops never entered) was later recompiled for D = 50 into one large method that ran e's solve
     * about 1.7 times slower than the paired solve compiled from wide data alone (measured on one thread,
     * interleaved; docs/speed.md). With the split, narrow data never runs the paired solve.
     */
    static final int PAIRED_SOLVE_FROM = 6;

    /**
     * Forward substitution for a whole block: solves L z = y in place, one coordinate j at a time, and adds
     * up each point's squared Mahalanobis distance as each coordinate is finished,
     * <pre>
     *   z[j][·]        = (y[j][·] − Σ_{m&lt;j} L[j][m] z[m][·]) / L[j][j]
     *   squared[·]     = z[0][·]² + z[1][·]² + … + z[D−1][·]²     in that order
     * </pre>
     * in pairs of coordinates from {@link #PAIRED_SOLVE_FROM} coordinates on. The squares are added where
     * each z[j] is still at hand, not in passes of their own over the block afterwards (D + 1 passes fewer
     * per component), and in the same order, so the sums have the same bits either way.
     *
     * @param lower           the rows of L. Not modified.
     * @param inverseDiagonal 1 / L[j][j] for every j. Not modified.
     * @param z               y on entry, z on return. Modified.
     * @param squared         at least {@code size}: Σⱼ z[j][b]² on return. Modified.
     */
    static void forwardSubstitute(double[][] lower, double[] inverseDiagonal, int d, double[][] z, int size,
            double[] squared) {
        Arrays.fill(squared, 0, size, 0.0);   // 0 + z[0][b]² is z[0][b]² exactly
        if (d < PAIRED_SOLVE_FROM) {
            substituteFrom(0, lower, inverseDiagonal, d, z, size, squared);
        } else {
            substituteInPairs(lower, inverseDiagonal, d, z, size, squared);
        }
    }

    /**
     * The solve for coordinates j = first, …, D − 1, one at a time, given z[m] for every m &lt; first:
     * z[j][·] −= L[j][m] z[m][·] for each m &lt; j, then z[j][·] /= L[j][j] and squared[·] += z[j][·]².
     */
    private static void substituteFrom(int first, double[][] lower, double[] inverseDiagonal, int d, double[][] z,
            int size, double[] squared) {
        for (int j = first; j < d; j++) {
            double[] lj = lower[j];
            double[] zj = z[j];
            for (int m = 0; m < j; m++) {
                subtractRow(lj[m], z[m], zj, size);
            }
            finishCoordinate(zj, inverseDiagonal[j], squared, size);
        }
    }

    /** zj[b] −= l z[b]: one term of the solve. */
    private static void subtractRow(double l, double[] z, double[] zj, int size) {
        for (int b = 0; b < size; b++) {
            zj[b] -= l * z[b];
        }
    }

    /** zj[b] *= inverse (that is, /= L[j][j]), then squared[b] += zj[b]². */
    private static void finishCoordinate(double[] zj, double inverse, double[] squared, int size) {
        for (int b = 0; b < size; b++) {
            double solved = zj[b] * inverse;
            zj[b] = solved;
            squared[b] += solved * solved;
        }
    }

    /**
     * The solve with two coordinates j, j+1 solved together, so each row z[m] that is loaded serves both;
     * only the last term of z[j+1], L[j+1][j] z[j], waits until z[j] is finished. An odd last coordinate
     * is solved on its own.
     */
    private static void substituteInPairs(double[][] lower, double[] inverseDiagonal, int d, double[][] z,
            int size, double[] squared) {
        int j = 0;
        for (; j + 2 <= d; j += 2) {
            subtractEarlierTerms(lower[j], lower[j + 1], j, z, z[j], z[j + 1], size);
            finishPair(z[j], z[j + 1], inverseDiagonal[j], inverseDiagonal[j + 1], lower[j + 1][j], squared, size);
        }
        substituteFrom(j, lower, inverseDiagonal, d, z, size, squared);
    }

    /**
     * The last step of a pair, once every earlier term is subtracted: zj /= L[j][j], then
     * zNext = (zNext − L[j+1][j] zj) / L[j+1][j+1]; and squared += zj², then += zNext².
     */
    private static void finishPair(double[] zj, double[] zNext, double inverseJ, double inverseNext, double link,
            double[] squared, int size) {
        for (int b = 0; b < size; b++) {
            double solved = zj[b] * inverseJ;
            double solvedNext = (zNext[b] - link * solved) * inverseNext;
            zj[b] = solved;
            zNext[b] = solvedNext;
            squared[b] = (squared[b] + solved * solved) + solvedNext * solvedNext;
        }
    }

    /**
     * zA[·] −= Σ_{m&lt;j} lA[m] z[m][·] and zB[·] −= Σ_{m&lt;j} lB[m] z[m][·], four rows m at a time.
     */
    private static void subtractEarlierTerms(double[] lA, double[] lB, int j, double[][] z, double[] zA, double[] zB,
            int size) {
        int m = 0;
        for (; m + 4 <= j; m += 4) {
            double a0 = lA[m];
            double a1 = lA[m + 1];
            double a2 = lA[m + 2];
            double a3 = lA[m + 3];
            double b0 = lB[m];
            double b1 = lB[m + 1];
            double b2 = lB[m + 2];
            double b3 = lB[m + 3];
            subtractFourRows(z[m], z[m + 1], z[m + 2], z[m + 3], a0, a1, a2, a3, b0, b1, b2, b3, zA, zB, size);
        }
        for (; m < j; m++) {
            subtractRowFromTwo(z[m], lA[m], lB[m], zA, zB, size);
        }
    }

    /** zA[b] −= a0 z0[b] and zB[b] −= b0 z0[b]: one row's term in both rows of a pair. */
    private static void subtractRowFromTwo(double[] z0, double a0, double b0, double[] zA, double[] zB, int size) {
        for (int b = 0; b < size; b++) {
            zA[b] -= a0 * z0[b];
            zB[b] -= b0 * z0[b];
        }
    }

    /**
     * zA[b] −= Σᵤ aᵤ zᵤ[b] and zB[b] −= Σᵤ bᵤ zᵤ[b], u = 0..3: the innermost loop of the solve. A method
     * of its own, so that the JIT compiles it from its own profile: inlined into its caller, it was
     * compiled more slowly or more quickly (by 2×) depending on which data sets ran first. HotSpot 17
     * compiles this method on its own without SIMD (its loop is just over the size the compiler unrolls,
     * as counted there), and with SIMD inside {@link #subtractEarlierTerms}, which is how it runs once that
     * is compiled; variants it compiles with SIMD on their own (three rows, or one loop per row of the
     * pair) were slower (docs/speed.md, round four).
     */
    private static void subtractFourRows(double[] z0, double[] z1, double[] z2, double[] z3, double a0, double a1,
            double a2, double a3, double b0, double b1, double b2, double b3, double[] zA, double[] zB, int size) {
        for (int b = 0; b < size; b++) {
            double v0 = z0[b];
            double v1 = z1[b];
            double v2 = z2[b];
            double v3 = z3[b];
            zA[b] -= a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3;
            zB[b] -= b0 * v0 + b1 * v1 + b2 * v2 + b3 * v3;
        }
    }

    /**
     * out[b] = constant − ½ out[b]: log πₖ + log N(x_b | μₖ, Σₖ) from the squared Mahalanobis distances
     * {@link #forwardSubstitute} added up in {@code out}.
     */
    static void weightedLogDensities(double constant, double[] out, int size) {
        for (int b = 0; b < size; b++) {
            out[b] = constant - 0.5 * out[b];
        }
    }

    /** to[b] = from[b]. */
    private static void copy(double[] from, double[] to, int size) {
        System.arraycopy(from, 0, to, 0, size);
    }

    /**
     * Turns logP[k][b] = log πₖ + log N(x_b | μₖ, Σₖ) into responsibilities, in place, by log-sum-exp
     * over k for each point b:
     * <pre>
     *   m_b      = maxₖ logP[k][b]
     *   s_b      = Σₖ exp(logP[k][b] − m_b)
     *   r[k][b]  = exp(logP[k][b] − m_b) / s_b
     *   returns  Σ_b (m_b + log s_b)        the block's share of L(θ)
     * </pre>
     * The exponentials are {@link Exponentials}', which run as SIMD.
     *
     * @param logP    K rows of at least {@code size}. Modified: holds r on return.
     * @param max     scratch of at least {@code size}. Modified.
     * @param sum     scratch of at least {@code size}. Modified.
     * @param scratch scratch of at least {@code size}, for the exponentials' powers of two. Modified.
     */
    static double normalise(double[][] logP, int size, int k, double[] max, double[] sum, double[] scratch) {
        return normalise(logP, size, k, max, sum, scratch, null);
    }

    /**
     * {@link #normalise(double[][], int, int, double[], double[], double[])} for points with sample weights
     * w_b: returns the block's share of the weighted L(θ), Σ_b w_b (m_b + log s_b).
     *
     * @param weights w_b for every b of the block, or null for w_b = 1. Not modified.
     */
    static double normalise(double[][] logP, int size, int k, double[] max, double[] sum, double[] scratch,
            double[] weights) {
        copy(logP[0], max, size);
        for (int c = 1; c < k; c++) {
            raiseMax(logP[c], max, size);
        }
        Arrays.fill(sum, 0, size, 0.0);
        for (int c = 0; c < k; c++) {
            Exponentials.expOfDifference(logP[c], max, scratch, size);   // logP[c][b] = exp(logP[c][b] − m_b)
            add(logP[c], sum, size);
        }
        double logLikelihood = sumOfLogNormalisers(max, sum, size, weights);
        invert(sum, size);
        for (int c = 0; c < k; c++) {
            multiply(logP[c], sum, size, logP[c]);   // r = exp(logP − m) / s, in place
        }
        return logLikelihood;
    }

    /** max[b] = max(max[b], row[b]). */
    private static void raiseMax(double[] row, double[] max, int size) {
        for (int b = 0; b < size; b++) {
            max[b] = Math.max(max[b], row[b]);
        }
    }

    /** row[b] = 1 / row[b]. */
    private static void invert(double[] row, int size) {
        for (int b = 0; b < size; b++) {
            row[b] = 1.0 / row[b];
        }
    }

    /**
     * Points per logarithm in {@link #sumOfLogNormalisers}. Each s_b lies between 1 and K, and K ≤ N &lt; 2³¹,
     * so a product of 16 of them lies between 1 and 2⁴⁹⁶: it can neither overflow (2¹⁰²⁴) nor underflow.
     */
    static final int POINTS_PER_LOG = 16;

    /**
     * Σ_b w_b (m_b + log s_b), with one logarithm for every {@value #POINTS_PER_LOG} points instead of one
     * per point: log s₁ + … + log s₁₆ = log(s₁ ⋯ s₁₆). A logarithm costs several times a multiplication,
     * and with few coordinates (D = 2) the logarithms were a good part of an iteration. The product rounds
     * 15 times, which moves its logarithm by at most 15 · 2⁻⁵³ ≈ 2e-15, about what 16 logarithms rounded
     * one by one lose too: far below the 1e-12 to which the implementations agree.
     *
     * <p>With sample weights, a run of points whose weights are all 1 is added the same way, and any other
     * run one weighted logarithm at a time; so weights that are all 1 give the unweighted sum bit for bit,
     * as docs/cli/sample-weights.md promises.
     *
     * @param weights w_b, or null for w_b = 1. Not modified.
     */
    private static double sumOfLogNormalisers(double[] max, double[] sum, int size, double[] weights) {
        double total = 0.0;
        for (int b = 0; b < size; b++) {
            total += weights == null ? max[b] : weights[b] * max[b];
        }
        for (int first = 0; first < size; first += POINTS_PER_LOG) {
            int end = Math.min(size, first + POINTS_PER_LOG);
            if (weights == null || allOnes(weights, first, end)) {
                double product = 1.0;
                for (int b = first; b < end; b++) {
                    product *= sum[b];
                }
                total += Math.log(product);
            } else {
                for (int b = first; b < end; b++) {
                    total += weights[b] * Math.log(sum[b]);
                }
            }
        }
        return total;
    }

    /** {@return whether w[b] = 1 for every b from first to end − 1} */
    private static boolean allOnes(double[] w, int first, int end) {
        for (int b = first; b < end; b++) {
            if (w[b] != 1.0) {
                return false;
            }
        }
        return true;
    }

    /**
     * mass[b] = r[b] · w[b]: each point's responsibility times its sample weight, or (with mass = r) a row
     * scaled in place, point by point.
     */
    static void multiply(double[] r, double[] w, int size, double[] mass) {
        for (int b = 0; b < size; b++) {
            mass[b] = r[b] * w[b];
        }
    }

    /**
     * Lists the points of a block that component k has a share in: index[p] = the p-th b, in order, with
     * r[b] ≥ {@code skipBelow}; and, in the same pass, adds the block's share of Nₖ, Σ_b mass[b] (every
     * point's, listed or not), to {@code counts[k]}. Without a branch: every b is written at the next free
     * place, and the place moves on only for a point that is kept. Which points are kept looks random to
     * the processor (about a quarter of them in the reference cases, in no order), and with a branch on it
     * the gather cost about as much as the scatter itself (a profile of case c on one thread); without,
     * c's iteration was about 6% shorter. The listing, not the additions, sets the pace of this loop, so
     * the sum costs nothing here, where a pass of its own took about 2% of an iteration at D = 10.
     *
     * @param r      the block's responsibilities for k. Not modified.
     * @param mass   what each point adds to Nₖ: r itself, or r times the point's sample weight. Not modified.
     * @param index  at least {@code size}. Modified.
     * @param counts counts[k] += Σ_b mass[b], the block's sum formed first, in point order. Modified.
     * @return how many points were listed
     */
    static int selectShares(double[] r, double[] mass, int size, double skipBelow, int[] index, double[] counts,
            int k) {
        int count = 0;
        double total = 0.0;
        for (int b = 0; b < size; b++) {
            total += mass[b];
            index[count] = b;
            count += 1 - (int) (Double.doubleToRawLongBits(r[b] - skipBelow) >>> 63);   // 1 when r[b] ≥ skipBelow
        }
        counts[k] += total;
        return count;
    }

    /**
     * Gathers the listed points of a block, centred on μ: y[p] = x[index[p]] − μ and w[p] = mass[index[p]],
     * the weight its terms carry in the sums (r itself, or r times the point's sample weight).
     *
     * @param x     flat point-major block. Not modified.
     * @param index the points to gather ({@link #selectShares}). Not modified.
     * @param mass  what each point's terms are multiplied by. Not modified.
     * @param y     rows of D, one per gathered point. Modified.
     * @param w     one per gathered point. Modified.
     */
    static void gatherCentred(double[] x, int d, double[] mean, int[] index, int count, double[] mass, double[][] y,
            double[] w) {
        for (int p = 0; p < count; p++) {
            int b = index[p];
            int point = b * d;
            double[] row = y[p];
            for (int j = 0; j < d; j++) {
                row[j] = x[point + j] - mean[j];
            }
            w[p] = mass[b];
        }
    }

    /**
     * Adds the weighted first and second moments of gathered rows:
     * <pre>
     *   s1[j]    += Σ_p w[p] y[p][j]
     *   s2[a][e] += Σ_p w[p] y[p][a] y[p][e]      lower triangle, e ≤ a
     * </pre>
     * Four points at a time: each pass over a row adds four outer-product rows (a rank-4 update).
     *
     * @param y  rows of D. Not modified.
     * @param s1 D. Modified.
     * @param s2 the lower triangle of S2: row a holds at least a + 1 entries, of which e ≤ a are touched. Modified.
     */
    static void addMoments(double[][] y, double[] w, int count, int d, double[] s1, double[][] s2) {
        int p = 0;
        for (; p + 4 <= count; p += 4) {
            double[] y0 = y[p];
            double[] y1 = y[p + 1];
            double[] y2 = y[p + 2];
            double[] y3 = y[p + 3];
            double w0 = w[p];
            double w1 = w[p + 1];
            double w2 = w[p + 2];
            double w3 = w[p + 3];
            addFourPoints(y0, y1, y2, y3, w0, w1, w2, w3, d, s1, s2);
        }
        for (; p < count; p++) {
            addPoint(y[p], w[p], d, s1, s2);
        }
    }

    /** s1 and the triangle of s2 += the terms of four points: one rank-4 update of every row. */
    private static void addFourPoints(double[] y0, double[] y1, double[] y2, double[] y3, double w0, double w1,
            double w2, double w3, int d, double[] s1, double[][] s2) {
        addFourRows(s1, w0, w1, w2, w3, y0, y1, y2, y3, d);
        for (int a = 0; a < d; a++) {
            addFourRows(s2[a], w0 * y0[a], w1 * y1[a], w2 * y2[a], w3 * y3[a], y0, y1, y2, y3, a + 1);
        }
    }

    /** s1 and the triangle of s2 += the terms of one point (the last one to three of a gathering). */
    private static void addPoint(double[] y0, double w0, int d, double[] s1, double[][] s2) {
        addRow(s1, w0, y0, d);
        for (int a = 0; a < d; a++) {
            addRow(s2[a], w0 * y0[a], y0, a + 1);
        }
    }

    /** row[e] += c0 y0[e] for e &lt; length. */
    private static void addRow(double[] row, double c0, double[] y0, int length) {
        for (int e = 0; e < length; e++) {
            row[e] += c0 * y0[e];
        }
    }

    /**
     * row[e] += c0 y0[e] + c1 y1[e] + c2 y2[e] + c3 y3[e] for e &lt; length: the innermost loop of the
     * scatter. (Kept as a method of its own, like {@link #subtractFourRows}, so that the JIT compiles
     * it the same way whatever ran before.)
     */
    private static void addFourRows(double[] row, double c0, double c1, double c2, double c3, double[] y0,
            double[] y1, double[] y2, double[] y3, int length) {
        for (int e = 0; e < length; e++) {
            row[e] += c0 * y0[e] + c1 * y1[e] + c2 * y2[e] + c3 * y3[e];
        }
    }

    /**
     * The row of {@link #addMomentLanes}' lanes that holds S2[a][e], e ≤ a.
     */
    static int secondMomentLane(int d, int a, int e) {
        return 1 + d + a * (a + 1) / 2 + e;
    }

    /**
     * For small D, the moment sums of a whole block without gathering: each sum keeps one running total
     * per position b in the block (a lane), so the loops run along b with no reduction in them:
     * <pre>
     *   lanes[0][b]                    += r[b]                        → Nₖ
     *   lanes[1 + j][b]                += r[b] y[j][b]                → s1ₖ[j]
     *   lanes[secondMomentLane(a,e)][b] += r[b] y[a][b] y[e][b]        → S2ₖ[a][e], e ≤ a
     * </pre>
     * The lanes are added up once, at the end of a slice ({@link #sumLanes}).
     *
     * @param y     coordinate-major centred block, D rows. Not modified.
     * @param lanes 1 + D + D(D+1)/2 rows of at least {@code size}. Modified.
     */
    static void addMomentLanes(double[][] y, double[] r, int size, int d, double[][] lanes) {
        add(r, lanes[0], size);
        for (int a = 0; a < d; a++) {
            addProduct(r, y[a], lanes[1 + a], size);
            for (int e = 0; e <= a; e++) {
                addProduct(r, y[a], y[e], lanes[secondMomentLane(d, a, e)], size);
            }
        }
    }

    /** to[b] += from[b]. */
    private static void add(double[] from, double[] to, int size) {
        for (int b = 0; b < size; b++) {
            to[b] += from[b];
        }
    }

    /** lane[b] += r[b] ya[b]. */
    private static void addProduct(double[] r, double[] ya, double[] lane, int size) {
        for (int b = 0; b < size; b++) {
            lane[b] += r[b] * ya[b];
        }
    }

    /** lane[b] += r[b] ya[b] ye[b]. */
    private static void addProduct(double[] r, double[] ya, double[] ye, double[] lane, int size) {
        for (int b = 0; b < size; b++) {
            lane[b] += r[b] * ya[b] * ye[b];
        }
    }

    /**
     * Σ_b lane[b], as four running totals (of b = 0, 4, 8, …; of b = 1, 5, 9, …; and so on) added up at the
     * end. One running total would make each addition wait for the one before it (about four cycles); four
     * independent ones keep the adder busy. A slice adds up its lanes once, but at D = 2 and K = 3 that is
     * 18 lanes of 512 for each of 32 slices, which with one running total took about a twentieth of an
     * iteration.
     */
    static double sumLanes(double[] lane) {
        double total0 = 0.0;
        double total1 = 0.0;
        double total2 = 0.0;
        double total3 = 0.0;
        int b = 0;
        for (; b + 4 <= lane.length; b += 4) {
            total0 += lane[b];
            total1 += lane[b + 1];
            total2 += lane[b + 2];
            total3 += lane[b + 3];
        }
        for (; b < lane.length; b++) {
            total0 += lane[b];
        }
        return (total0 + total1) + (total2 + total3);
    }
}
