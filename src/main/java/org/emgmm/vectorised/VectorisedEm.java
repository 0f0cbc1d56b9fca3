package org.emgmm.vectorised;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmLoop;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Responsibilities;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;

/**
 * EM as block kernels on several threads: the fast implementation, and the default on the command line.
 *
 * <p>The same two steps as {@link org.emgmm.loops.LoopsEm}, reorganised for the machine:
 * <ul>
 *   <li><b>Blocks.</b> Points are taken B at a time ({@link #blockSize}), and each formula is applied to
 *       the whole block in loops over consecutive memory ({@link Kernels}), which HotSpot compiles to
 *       SIMD instructions. The triangular solve L z = x − μ runs one coordinate at a time across the
 *       block; the scatter Σ r (x − μ)(x − μ)ᵀ is added four points at a time as rank-4 updates; the
 *       exponentials of log-sum-exp are a polynomial and a power of two, a whole row at a time
 *       ({@link Exponentials}), not one {@link Math#exp} call per value.</li>
 *   <li><b>One pass per iteration.</b> While a block's responsibilities are at hand, the E-step also adds
 *       up what the next M-step needs, about the current means: Nₖ = Σᵢ r[i][k], Σᵢ r[i][k] (xᵢ − μₖ) and
 *       the scatter Σᵢ r[i][k] (xᵢ − μₖ)(xᵢ − μₖ)ᵀ. The M-step after it then reads no data at all
 *       ({@link Workspace} has the formulas).</li>
 *   <li><b>Nothing allocated per step but the results.</b> A {@link Workspace} holds every buffer for a
 *       whole run; the data matrix is read block by block, never copied whole. What a step returns (the
 *       responsibilities, the new parameters) is copied out, never one of those buffers; in a fit, whose loop
 *       reads only each E-step's log-likelihood and Nₖ, the responsibilities are computed only if asked
 *       for ({@link Responsibilities#onDemand}).</li>
 *   <li><b>Threads, bit-identical.</b> The points are cut into fixed slices ({@link Slices}) whatever the
 *       thread count; each slice adds up its own partial sums and the slices are added in order, so 1, 2
 *       or 16 threads give exactly the same bits.</li>
 * </ul>
 *
 * <p>Trade-off: the fastest implementation by far (see {@code em-gmm bench}), but the index arithmetic
 * and the blocking hide the formula; read {@link org.emgmm.loops.LoopsEm} first, then {@link Kernels}.
 *
 * <p>Siblings behind {@link EmAlgorithm}: {@link org.emgmm.loops.LoopsEm} (per-point loops, the readable
 * baseline), {@link org.emgmm.univariate.UnivariateEm} (D = 1 with scalars),
 * {@link org.emgmm.explicitpdf.ExplicitPdfEm} (the density with an explicit determinant and inverse).
 */
public final class VectorisedEm implements EmAlgorithm {

    /** The name on the command line. */
    public static final String NAME = "vectorised";

    /**
     * Doubles per block buffer for D above {@value #SMALL_D}, about: a block of B points × D coordinates is
     * 16384 doubles (128 KiB), so the block and its whitened copy stay in the second-level cache while the
     * loops along the block are long enough to run at SIMD speed. Measured: on a machine with AVX2, 32 KiB
     * first-level and 512 KiB second-level caches, 8192 was best among 4096, 8192 and 16384 for D = 50;
     * on one with AVX-512 (eight doubles a vector, so loops need more points to reach their SIMD body),
     * 48 KiB and 1 MiB, 16384 (256 points at D = 50) was about 2% faster than 8192 warm and no slower cold
     * (docs/speed.md). Smaller blocks make the rows of the solve too short.
     */
    static final int BLOCK_DOUBLES = 16384;

    /**
     * Doubles per block buffer for D up to {@value #SMALL_D}: 4096 doubles (32 KiB), so that with few
     * coordinates the rows of the solve are 256 points or more long while the block (xt) and its whitened
     * copy (z) together (64 KiB at D = 16, 40 KiB at D = 10) stay close to the first-level cache, from which
     * the solve reads every row back. Measured at D = 10: on the AVX2 machine above (32 KiB first-level
     * cache) 128 and 256 points alike and 512 twice as slow; on the AVX-512 one (48 KiB) 256 points 8%
     * faster than 128.
     */
    static final int SMALL_BLOCK_DOUBLES = 4096;

    /** Up to this many coordinates, blocks are sized by {@link #SMALL_BLOCK_DOUBLES}. */
    static final int SMALL_D = 16;

    /** The fewest points per block: below this, loop overhead outweighs the work in each loop. */
    static final int MIN_BLOCK = 16;

    /** The most points per block: enough for long SIMD loops when D is small. */
    static final int MAX_BLOCK = 512;

    /** The most points per block {@link #withBlockSize} takes. */
    public static final int MAX_CHOSEN_BLOCK = 4096;

    private final int threads;
    /** Points per block, or 0 to choose from D with {@link #blockSize}. */
    private final int pointsPerBlock;

    /** Uses every core: {@link #defaultThreads()}. */
    public VectorisedEm() {
        this(defaultThreads());
    }

    /**
     * Uses a given number of threads.
     *
     * @param threads how many threads to use, 1 or more; results are the same for any number
     * @throws IllegalArgumentException if threads is less than 1
     */
    public VectorisedEm(int threads) {
        this(threads, 0);
    }

    private VectorisedEm(int threads, int pointsPerBlock) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
        }
        this.threads = threads;
        this.pointsPerBlock = pointsPerBlock;
    }

    /**
     * An instance with a fixed number of points per block instead of one chosen from D. Small blocks
     * cut even small data into many slices, so tests can check that every thread count gives the same
     * bits; other sizes let you measure the effect of the cache.
     *
     * @param threads        how many threads to use, 1 or more
     * @param pointsPerBlock 1 to {@value #MAX_CHOSEN_BLOCK}
     * @return the instance
     * @throws IllegalArgumentException if threads is less than 1 or pointsPerBlock is out of range
     */
    public static VectorisedEm withBlockSize(int threads, int pointsPerBlock) {
        if (pointsPerBlock < 1 || pointsPerBlock > MAX_CHOSEN_BLOCK) {
            throw new IllegalArgumentException("points per block must be 1 to " + MAX_CHOSEN_BLOCK + ", got "
                    + pointsPerBlock);
        }
        return new VectorisedEm(threads, pointsPerBlock);
    }

    /** Points per block for this data. */
    private int block(DataMatrix data) {
        return pointsPerBlock > 0 ? pointsPerBlock : blockSize(data.columns());
    }

    /** {@return the number of cores the JVM may use} */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Points per block for D coordinates: a power of two near {@value #SMALL_BLOCK_DOUBLES} / D for
     * D ≤ {@value #SMALL_D}, near {@value #BLOCK_DOUBLES} / D above, between {@value #MIN_BLOCK} and
     * {@value #MAX_BLOCK}.
     */
    static int blockSize(int d) {
        int doubles = d <= SMALL_D ? SMALL_BLOCK_DOUBLES : BLOCK_DOUBLES;
        int target = Math.max(MIN_BLOCK, Math.min(MAX_BLOCK, doubles / d));
        return Integer.highestOneBit(target);
    }

    /** {@return the threads this instance uses} */
    public int threads() {
        return threads;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** One E-step with buffers of its own: the responsibilities returned are never touched again. */
    @Override
    public EStep eStep(DataMatrix data, GaussianMixture model) {
        EmLoop.requireCompatible(data, model);
        try (Workspace workspace = new Workspace(data, model.components(), threads, block(data), null)) {
            return workspace.eStep(data, model);
        }
    }

    /** Every covariance type: the M-step constrains the scatter matrices (see {@link CovarianceType}). */
    @Override
    public boolean supports(CovarianceType type) {
        return true;
    }

    /** Sample weights: every moment sum and the log-likelihood carry wᵢ (see {@link Workspace}). */
    @Override
    public boolean supportsSampleWeights() {
        return true;
    }

    @Override
    public GaussianMixture mStep(DataMatrix data, Responsibilities responsibilities, GaussianMixture previous,
            double regCovar) {
        EmLoop.requireCompatible(data, previous);
        try (Workspace workspace = new Workspace(data, previous.components(), threads, block(data), null)) {
            return workspace.mStep(data, responsibilities, previous, regCovar);
        }
    }

    /**
     * The shared loop ({@link EmLoop}) with one {@link Workspace} for the whole run, whose E-steps hand out
     * their responsibilities on demand (see {@link Workspace}): the loop never reads them.
     */
    @Override
    public EmResult fit(DataMatrix data, GaussianMixture start, EmSettings settings) {
        EmLoop.requireCompatible(data, start);
        try (Workspace workspace = new Workspace(data, start.components(), threads, block(data), this)) {
            return EmLoop.run(workspace, data, start, settings);
        }
    }
}
