package org.emgmm.exercises;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmptyComponents;
import org.emgmm.em.Responsibilities;
import org.emgmm.model.GaussianMixture;

/**
 * Exercise 10: vectorise. The E-step of exercise 4 and the sums of exercise 5's M-step again, the same
 * numbers, reorganised over flat arrays in blocks of points, several times faster.
 *
 * <h2>Why reorganising is faster</h2>
 * Your exercise 4 E-step takes one point at a time: for each point and component it calls a density,
 * which allocates a scratch array, solves L z = x − μ for one point (a short loop of D steps with a
 * division in it), and returns one number. Here the loops are turned inside out: a block of B points
 * (a few hundred) is handled at once, and the innermost loop always runs along the block,
 * <pre>
 *   for j in 0..D:  for b in 0..B:  z[j][b] = (y[j][b] − Σ_{m&lt;j} L[j][m] z[m][b]) / L[j][j]
 * </pre>
 * Three things make that fast: (1) the inner loop reads and writes consecutive doubles of one array with
 * the same operation on each, the shape Java's JIT compiler turns into SIMD instructions (four doubles at
 * a time on most laptops); (2) each point's coordinates are read from memory once per component, and
 * the block's working arrays stay in the processor's cache; (3) nothing is allocated per point: the
 * block's arrays are allocated once per call and reused for every block.
 *
 * <h2>Task</h2>
 * Store everything flat and row-major, as the library does: the data {@code x[i * D + j]}
 * ({@link DataMatrix#toFlatArray}), the means {@code μₖ[j] = means[k * D + j]}
 * ({@link GaussianMixture#flatMeans}), the Cholesky factors {@code Lₖ[a][b] = factors[(k * D + a) * D + b]}
 * (lower triangular, Σₖ = Lₖ Lₖᵀ) and the responsibilities {@code r[i][k] = r[i * K + k]}.
 * <ol>
 *   <li>{@link #eStep}: the tests hand you each component's Cholesky factor and log det Σₖ (exercise 3's
 *       work, so that a slip there costs nothing here). For each block of B points (the last block may
 *       be shorter: N need not be a multiple of B) and each component k:
 *       <pre>
 *   y[j][b]      = x[start + b][j] − μₖ[j]                       centre, coordinate-major
 *   z[j][b]      = (y[j][b] − Σ_{m&lt;j} Lₖ[j][m] z[m][b]) / Lₖ[j][j]    one coordinate j at a time, along b
 *   logP[k][b]   = log πₖ − ½ (D log 2π + log det Σₖ) − ½ Σⱼ z[j][b]²
 *       </pre>
 *       then, for each point b of the block, log-sum-exp over k with that point's own maximum:
 *       <pre>
 *   m[b]   = maxₖ logP[k][b]
 *   s[b]   = Σₖ exp(logP[k][b] − m[b])
 *   r[start + b][k] = exp(logP[k][b] − m[b]) / s[b],      L(θ) += m[b] + log s[b]
 *       </pre></li>
 *   <li>{@link #momentSums}: the sums an M-step needs, about given centres cₖ (the previous means),
 *       accumulated block by block:
 *       <pre>
 *   Nₖ  = Σᵢ r[i][k]
 *   s1ₖ = Σᵢ r[i][k] (xᵢ − cₖ)
 *   S2ₖ = Σᵢ r[i][k] (xᵢ − cₖ)(xᵢ − cₖ)ᵀ
 *       </pre></li>
 *   <li>{@link #mStep}: exercise 5's M-step finished from those sums, exact in algebra, with δₖ = s1ₖ / Nₖ:
 *       <pre>
 *   πₖ = Nₖ / N,   μₖ' = cₖ + δₖ,   Σₖ' = S2ₖ / Nₖ − δₖ δₖᵀ + regCovar · I
 *       </pre>
 *       and the empty-component rule of exercise 5 (Nₖ &lt; {@link EmptyComponents#THRESHOLD}: μₖ and Σₖ
 *       stay as they were). Centring on the previous means, close to the new ones, keeps δₖ small, so
 *       the subtraction loses no digits that matter; Σ r x xᵀ / N − μ μᵀ, centred on 0, would.</li>
 * </ol>
 * Every call allocates its result afresh and leaves its inputs as they were. The library's densities,
 * log-sum-exp, Cholesky factor, E-step and {@code org.emgmm.vectorised} may not be called here.
 *
 * <h2>Common mistakes</h2>
 * <ul>
 *   <li><b>The last block.</b> {@code for (start = 0; start + B <= N; start += B)} drops the last
 *       N mod B points (their responsibilities stay 0); a last block of B points reads past the end of
 *       the data. The block's size is min(B, N − start).</li>
 *   <li><b>One shift for the whole block.</b> The maximum of log-sum-exp belongs to each point: a
 *       shift by the block's maximum sends exp(logP − m) to 0 for a point far from every component
 *       while another point sits close to one, and its row becomes 0/0.</li>
 *   <li><b>Sums about the wrong centre.</b> The second moments must be about the centres given:
 *       not about 0 (Σ r x xᵀ), and not about the new means, which are not known until the sums are
 *       done.</li>
 *   <li><b>A buffer handed out.</b> Working arrays may be reused from block to block, but the array
 *       wrapped into the result must be new in every call: EM keeps the E-step's responsibilities for
 *       its M-step.</li>
 * </ul>
 *
 * <h2>Read</h2>
 * Before: Bishop, PRML, eqs. (9.23) to (9.26), the same E- and M-step as exercises 4 and 5; the
 * JVM's SIMD compilation is "superword level parallelism" (HotSpot's {@code -XX:+UseSuperWord}, on by
 * default). After yours works, compare with the library's {@code org.emgmm.vectorised}: the class
 * comment of {@code Kernels} says which loop shape the JIT vectorises and why every innermost loop there
 * has it; {@code Workspace} explains the sums about the old means and why one pass over the data per
 * iteration is enough. The library goes further (two coordinates solved together, loops unrolled by
 * four, threads): yours need not. The speed-up your machine measures is printed under the score
 * table.
 *
 * <h2>Check</h2>
 * {@code mvn test -Dexercise=10}
 */
public final class Ex10Vectorise {

    /** log 2π, in every Gaussian's normalising constant. */
    private static final double LOG_TWO_PI = Math.log(2.0 * Math.PI);

    private Ex10Vectorise() {
    }

    /**
     * The moment sums of every component, about given centres.
     *
     * @param counts Nₖ, K values
     * @param first  s1ₖ[j] at {@code k * D + j}
     * @param second S2ₖ[a][b] at {@code (k * D + a) * D + b}, the full symmetric matrix
     */
    public record Sums(double[] counts, double[] first, double[] second) {
    }

    /**
     * The E-step of exercise 4, in blocks of {@code block} points.
     *
     * @param data            N×D. Not modified.
     * @param model           θ, of dimension D. Not modified.
     * @param factors         every Lₖ, K×D×D flat: Lₖ[a][b] at {@code (k * D + a) * D + b}. Not modified.
     * @param logDeterminants log det Σₖ for every k. Not modified.
     * @param block           B, the points per block, at least 1
     * @return r (N×K) and L(θ), a fresh result
     */
    public static EStep eStep(DataMatrix data, GaussianMixture model, double[] factors, double[] logDeterminants,
            int block) {
        throw new UnsupportedOperationException("TODO: the E-step in blocks of B points: centre, solve L z = y along"
                + " the block, log-sum-exp per point, see the class comment and Bishop PRML eq. 9.23");
    }

    /** y[j][b] = x[start + b][j] − μ[j]: a block centred on μ, coordinate-major. */
    private static void centre(double[] x, int start, int size, int d, double[] means, int meanOffset,
            double[][] y) {
        throw new UnsupportedOperationException("TODO: copy the block's coordinates minus the mean into y, coordinate"
                + " by coordinate, see the formula above");
    }

    /**
     * Solves L z = y in place for the whole block, one coordinate j at a time:
     * z[j][b] = (y[j][b] − Σ_{m&lt;j} L[j][m] z[m][b]) / L[j][j].
     */
    private static void forwardSubstitute(double[] factors, int offset, int d, double[][] z, int size) {
        throw new UnsupportedOperationException("TODO: solve L z = y for every point of the block, one coordinate j at"
                + " a time, see the formula above and Ex3's forward substitution");
    }

    /** out[b] = Σⱼ z[j][b]²: the squared Mahalanobis distance of every point of the block. */
    private static void squaredNorms(double[][] z, int size, int d, double[] out) {
        throw new UnsupportedOperationException("TODO: add up z[j][b]² over j for every point b of the block, see the"
                + " formula above");
    }

    /**
     * Log-sum-exp over k for every point b of the block, each with its own maximum m[b]; writes
     * r[start + b][k] = exp(logP[k][b] − m[b]) / s[b] and returns Σ_b (m[b] + log s[b]).
     */
    private static double normalise(double[][] logP, int size, int k, double[] max, double[] sum, double[] r,
            int start) {
        throw new UnsupportedOperationException("TODO: per point, the max-shift log-sum-exp over the K log-densities,"
                + " then the responsibilities, see the formula above and Ex2");
    }

    /**
     * Nₖ, s1ₖ and S2ₖ about the centres cₖ, in blocks of {@code block} points.
     *
     * @param data    N×D. Not modified.
     * @param r       the N×K responsibilities. Not modified.
     * @param centres cₖ[j] at {@code k * D + j}. Not modified.
     * @param block   B, the points per block, at least 1
     * @return the sums, in new arrays
     */
    public static Sums momentSums(DataMatrix data, Responsibilities r, double[] centres, int block) {
        throw new UnsupportedOperationException("TODO: Nₖ, s1ₖ = Σᵢ r[i][k] (xᵢ − cₖ) and S2ₖ about the centres, block"
                + " by block, see the class comment");
    }

    /**
     * Exercise 5's M-step, from {@link #momentSums} about the previous means.
     *
     * @param data     N×D. Not modified.
     * @param r        the N×K responsibilities of the E-step. Not modified.
     * @param previous the parameters that E-step used. Not modified.
     * @param regCovar added to each new covariance's diagonal
     * @param block    B, the points per block, at least 1
     * @return the new mixture
     */
    public static GaussianMixture mStep(DataMatrix data, Responsibilities r, GaussianMixture previous,
            double regCovar, int block) {
        throw new UnsupportedOperationException("TODO: μₖ' = cₖ + δₖ, Σₖ' = S2ₖ/Nₖ − δₖ δₖᵀ + regCovar·I from momentSums,"
                + " see the class comment and Bishop PRML eqs. 9.24 to 9.26");
    }
}
