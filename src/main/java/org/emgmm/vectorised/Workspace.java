package org.emgmm.vectorised;

import java.util.ArrayList;
import java.util.List;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmptyComponents;
import org.emgmm.em.Responsibilities;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;

/**
 * One data set's buffers and worker threads for {@link VectorisedEm}: everything EM needs is allocated
 * here once, and every E- and M-step of a run reuses it.
 *
 * <p>Each E-step writes the N×K responsibilities into the same buffer, and hands out a copy of it: what a
 * step returns is never one of these buffers, so the {@link Responsibilities} of an E-step stay as they
 * were however many steps follow. One-off steps go through {@link VectorisedEm}, which gives each a
 * workspace of its own.
 *
 * <p><b>Responsibilities on demand.</b> In a whole fit ({@link VectorisedEm#fit}) the loop reads from an
 * E-step only its log-likelihood and Nₖ, and hands the responsibilities back to the M-step, which uses the
 * moment sums taken alongside them. Laying out the N×K values point by point and copying them, for nobody
 * to read, took a fifth of the time of an iteration at D = 2 (and a twelfth at D = 10). So a fit's workspace
 * hands out {@link Responsibilities#onDemand} instead: should anyone ask for the values, a one-off E-step
 * on the same data and parameters computes them, the same bits at any thread count. (Weighted data keeps
 * the buffer: its Nₖ are the weighted sums, not the ones {@link Responsibilities} holds.)
 *
 * <h2>One pass over the data per iteration</h2>
 * While a block's responsibilities are at hand, the E-step also adds up, for each component k, the
 * sums the next M-step needs, taken about the current mean μₖ (which is known, unlike the new one):
 * <pre>
 *   Nₖ      = Σᵢ r[i][k]
 *   s1ₖ     = Σᵢ r[i][k] (xᵢ − μₖ)
 *   S2ₖ     = Σᵢ r[i][k] (xᵢ − μₖ)(xᵢ − μₖ)ᵀ
 * </pre>
 * and the M-step finishes with the shifted-data formulas, exact in algebra:
 * <pre>
 *   δₖ      = s1ₖ / Nₖ
 *   μₖ'     = μₖ + δₖ                                  = (1/Nₖ) Σᵢ r[i][k] xᵢ
 *   Σₖ'     = S2ₖ / Nₖ − δₖ δₖᵀ + regCovar · I         = (1/Nₖ) Σᵢ r[i][k] (xᵢ − μₖ')(xᵢ − μₖ')ᵀ + regCovar · I
 * </pre>
 * Centring on μₖ, close to μₖ', keeps δₖ small against the spread, so the subtraction loses nothing
 * that matters (the one-pass formula Σ r x xᵀ / N − μ μᵀ, centred on 0, would).
 *
 * <p>A point whose responsibility for k is below {@link #NEGLIGIBLE} · πₖ is left out of s1ₖ and S2ₖ
 * (not out of Nₖ). In well-separated data most responsibilities are this small, and leaving them out skips
 * most of the scatter's work; see {@link #NEGLIGIBLE} for why the result does not change.
 *
 * <p><b>Sample weights.</b> With weighted data every sum above carries the point's weight wᵢ (r[i][k] becomes
 * wᵢ r[i][k]) and the block's log-likelihood is Σᵢ wᵢ log p(xᵢ | θ); whether a point is left out of s1ₖ and
 * S2ₖ still depends on r[i][k] alone. Unweighted data takes the same path as before, untouched.
 *
 * <p>Partial sums are kept per slice and added in slice order ({@link Slices}): bit-identical results at
 * any thread count.
 *
 * <p>This class drives the kernels; what it drives them with are its siblings: {@link KernelParameters}
 * (θ laid out for the kernels), {@link BlockBuffers} (each worker's block) and {@link MomentSums} (each
 * slice's sums, and the formulas that finish the M-step). Read {@link Kernels} next.
 */
final class Workspace implements EmAlgorithm, AutoCloseable {

    /**
     * A point whose responsibility for component k is below this times πₖ is left out of s1ₖ and S2ₖ.
     * Why that cannot change the fit: such a point is one that another component explains far better, so
     * its squared Mahalanobis distance M to k is about 2 ln(1/r); measured in k's own covariance it adds
     * r·M ≈ 2 r ln(1/r) to sums of size Nₖ. All N of them together add at most about N · 1e-20 · πₖ · M =
     * 1e-20 · Nₖ · M, a relative change near 1e-18, far below the rounding of the sums themselves. (πₖ
     * is the previous Nₖ / N, so the bound holds for small components as for large ones.) With sample
     * weights the test is still on r alone, and the bound is the same: the points left out carry
     * Σᵢ wᵢ r[i][k] &lt; 1e-20 · πₖ · Σᵢ wᵢ = 1e-20 · Nₖ.
     */
    static final double NEGLIGIBLE = 1e-20;

    /** Room for the slices' partial sums: at most this many doubles in all (32 MiB). */
    static final int PARTIAL_BUDGET = 1 << 22;

    /**
     * Up to this many dimensions the moment sums are kept in lanes ({@link Kernels#addMomentLanes}): with
     * few coordinates, gathering points and rank-4 updates of tiny rows would cost more in loop overhead
     * than the arithmetic, while 1 + D + D(D+1)/2 lanes per component still fit in the first-level cache.
     */
    static final int LANES_UP_TO_D = 4;

    /** The most slices: enough to keep every core busy when slices take unequal time. */
    static final int MAX_SLICES = 32;

    /** Each worker's block buffers, one per thread. */
    private final List<BlockBuffers> buffers;

    /** The data this workspace was made for. */
    private final DataMatrix data;

    /** N, the points. */
    private final int n;

    /** D, coordinates per point. */
    private final int d;

    /** K, components. */
    private final int k;

    /** B, points per block. */
    private final int block;

    /** The points cut into slices, and the threads that run them. */
    private final Slices slices;

    /** Each slice's share of the moment sums. */
    private final MomentSums[] moments;

    /** The slices' sums added up: rewritten by every M-step. */
    private final MomentSums total;

    /** δ = s1 / Nₖ of the component being finished: rewritten by every M-step. */
    private final double[] delta;

    /**
     * The scatter matrices Sₖ, K·D·D flat, rewritten whole by every M-step. Kept, not allocated per step:
     * at D = 50 they are 80 KB, and a step's new arrays land on memory the process has never touched,
     * whose first touch (the operating system mapping each page) cost more than the M-step's arithmetic.
     */
    private final double[] scatters;

    /** r[i][k] = responsibilities[i * K + k], rewritten by every E-step; null when they are made on demand. */
    private final double[] responsibilities;

    /** Computes an E-step's responsibilities again when they are asked for; null to keep them in the buffer. */
    private final VectorisedEm onDemand;

    /** The parameters of the last E-step (or moment pass), laid out for the kernels. */
    private final KernelParameters theta;

    /** The mixture the moment sums were taken about. */
    private GaussianMixture momentsModel;

    /** The responsibilities the moment sums came from; null when another E-step computed them. */
    private Responsibilities momentsResponsibilities;

    /**
     * Allocates every buffer for a run on {@code data}, and starts the worker threads.
     *
     * @param data    N×D. Not modified; never copied whole.
     * @param k       K, the number of components
     * @param threads worker threads, the caller's included
     * @param block   points per block
     * @param onDemand the implementation that computes an E-step's responsibilities again when they are
     *                 asked for, or null to lay them out in every E-step; ignored for weighted data
     */
    Workspace(DataMatrix data, int k, int threads, int block, VectorisedEm onDemand) {
        this.data = data;
        this.n = data.rows();
        this.d = data.columns();
        this.k = k;
        this.block = block;
        long sliceDoubles = (long) k * (1 + d + (long) d * (d + 1) / 2);   // Nₖ, s1ₖ and the triangle of S2ₖ
        int maxSlices = (int) Math.max(1, Math.min(MAX_SLICES, PARTIAL_BUDGET / sliceDoubles));
        this.slices = new Slices(n, block, maxSlices, threads);
        this.buffers = new ArrayList<>();
        for (int worker = 0; worker < slices.threads(); worker++) {
            buffers.add(new BlockBuffers(block, d, k, data.isWeighted(), d <= LANES_UP_TO_D));
        }
        this.moments = new MomentSums[slices.count()];
        for (int slice = 0; slice < moments.length; slice++) {
            moments[slice] = new MomentSums(k, d);
        }
        this.total = new MomentSums(k, d);
        this.delta = new double[d];
        this.scatters = new double[Math.multiplyExact(k, Math.multiplyExact(d, d))];
        this.onDemand = data.isWeighted() ? null : onDemand;
        this.responsibilities = this.onDemand != null ? null : new double[Math.multiplyExact(n, k)];
        this.theta = new KernelParameters(k, d);
    }

    /** The name of the implementation a workspace belongs to, {@link VectorisedEm#NAME}. */
    @Override
    public String name() {
        return VectorisedEm.NAME;
    }

    /**
     * The E-step, every slice on a worker thread; while each block's responsibilities are at hand it also
     * takes the moment sums the next M-step needs (see the class comment).
     */
    @Override
    public EStep eStep(DataMatrix points, GaussianMixture model) {
        requireOwnData(points);
        theta.load(model, NEGLIGIBLE);
        slices.forEach(this::eStepSlice, buffers);
        double logLikelihood = 0.0;
        double[] totals = new double[k];
        for (MomentSums slice : moments) {
            logLikelihood += slice.logLikelihood;
            for (int c = 0; c < k; c++) {
                totals[c] += slice.counts[c];
            }
        }
        momentsModel = model;
        if (onDemand != null) {
            momentsResponsibilities = Responsibilities.onDemand(n, k, totals,
                    () -> onDemand.eStep(data, model).responsibilities().toFlatArray());
        } else if (data.isWeighted()) {
            // A copy: the buffer is rewritten by the next E-step, the responsibilities handed out never are.
            // With sample weights the totals added up are Σᵢ wᵢ r[i][k], not the Σᵢ r[i][k] that wrap expects.
            momentsResponsibilities = Responsibilities.wrap(n, k, responsibilities.clone());
        } else {
            momentsResponsibilities = Responsibilities.wrap(n, k, responsibilities.clone(), totals);
        }
        return new EStep(momentsResponsibilities, logLikelihood);
    }

    /** What is done with one block of a slice, once it is loaded: see {@link #forEachBlock}. */
    private interface BlockWork {
        /**
         * Works on one loaded block.
         *
         * @param start the block's first point
         * @param size  its points
         * @param s     the worker's buffers, the block loaded in them
         * @param sums  the slice's moment sums
         */
        void run(int start, int size, BlockBuffers s, MomentSums sums);
    }

    /**
     * Starts slice {@code slice}'s moment sums afresh, then for each of its blocks in order loads the
     * points (point-major in {@code s.x}, coordinate-major in {@code s.xt}) and runs {@code work}; at the
     * end adds the slice's lanes to its sums.
     *
     * @param slice the slice
     * @param s     the worker's buffers
     * @param work  what to do with each block
     */
    private void forEachBlock(int slice, BlockBuffers s, BlockWork work) {
        MomentSums sums = moments[slice];
        sums.clear();
        s.clearLanes();
        for (int start = slices.from(slice); start < slices.to(slice); start += block) {
            int size = Math.min(block, n - start);
            data.copyRows(start, size, s.x, 0);
            if (s.pointWeights != null) {
                data.copyWeights(start, size, s.pointWeights, 0);
            }
            Kernels.transpose(s.x, size, d, s.xt);
            work.run(start, size, s, sums);
        }
        if (s.lanes != null) {
            sums.addLanes(s.lanes);
        }
    }

    /**
     * The E-step on one slice: responsibilities, its share of L(θ), and its moment sums.
     *
     * @param slice   the slice
     * @param buffers the worker's buffers
     */
    private void eStepSlice(int slice, BlockBuffers buffers) {
        forEachBlock(slice, buffers, (start, size, s, sums) -> {
            for (int c = 0; c < k; c++) {
                Kernels.centre(s.xt, size, d, theta.means[c], s.z);
                // s.logP[c][b] = the squared Mahalanobis distance Σⱼ z[j][b]², then log πₖ + log N(x_b | μₖ, Σₖ)
                Kernels.forwardSubstitute(theta.lowers[c], theta.inverseDiagonals[c], d, s.z, size, s.logP[c]);
                Kernels.weightedLogDensities(theta.constants[c], s.logP[c], size);
            }
            // the block's share of L(θ) = Σᵢ wᵢ log p(xᵢ | θ) (wᵢ = 1 without sample weights)
            sums.logLikelihood += Kernels.normalise(s.logP, size, k, s.max, s.sum, s.exponents, s.pointWeights);
            if (responsibilities != null) {
                storeResponsibilities(s.logP, start, size);
            }
            for (int c = 0; c < k; c++) {
                addMoments(s, s.logP[c], c, size, sums);
            }
        });
    }

    /**
     * Adds one block's share of Nₖ, s1ₖ and S2ₖ, given the block's responsibilities r[b] for component c:
     * each point's terms carry r[b], or r[b] · w_b with sample weights.
     *
     * @param s    the worker's buffers, the block loaded in them
     * @param r    the block's responsibilities for c
     * @param c    the component
     * @param size the block's points
     * @param sums the slice's moment sums
     */
    private void addMoments(BlockBuffers s, double[] r, int c, int size, MomentSums sums) {
        double[] mass = r;
        if (s.pointWeights != null) {
            Kernels.multiply(r, s.pointWeights, size, s.mass); // wᵢ r[i][k]
            mass = s.mass;
        }
        if (s.lanes != null) {
            Kernels.centre(s.xt, size, d, theta.means[c], s.centred);
            Kernels.addMomentLanes(s.centred, mass, size, d, s.lanes[c]);
            return;
        }
        int gathered = Kernels.selectShares(r, mass, size, theta.negligible[c], s.index, sums.counts, c);
        Kernels.gatherCentred(s.x, d, theta.means[c], s.index, gathered, mass, s.y, s.w);
        Kernels.addMoments(s.y, s.w, gathered, d, sums.first[c], sums.second[c]);
    }

    /**
     * r[start + b][c] = the block's r[c][b], written in the order the N×K buffer is laid out.
     *
     * @param blockR the block's responsibilities, component-major: blockR[c][b]
     * @param start  the block's first point
     * @param size   its points
     */
    private void storeResponsibilities(double[][] blockR, int start, int size) {
        int index = start * k;
        for (int b = 0; b < size; b++) {
            for (int c = 0; c < k; c++) {
                responsibilities[index++] = blockR[c][b];
            }
        }
    }

    /** Every covariance type: the M-step constrains the scatter matrices (see {@link CovarianceType}). */
    @Override
    public boolean supports(CovarianceType type) {
        return true;
    }

    /** Sample weights: every moment sum and the log-likelihood carry wᵢ. */
    @Override
    public boolean supportsSampleWeights() {
        return true;
    }

    /**
     * The M-step from the slices' moment sums, added up in slice order. The sums of the last E-step are
     * used when {@code given} and {@code previous} are that step's responsibilities and model; otherwise
     * they are taken again, in one pass over the data ({@link #momentsAbout}).
     */
    @Override
    public GaussianMixture mStep(DataMatrix points, Responsibilities given, GaussianMixture previous,
            double regCovar) {
        requireOwnData(points);
        if (given.points() != n || given.components() != k) {
            throw new IllegalArgumentException("expected " + n + "x" + k + " responsibilities, got "
                    + given.points() + "x" + given.components());
        }
        if (given != momentsResponsibilities || previous != momentsModel) {
            momentsAbout(previous, given.toFlatArray());
        }
        total.clear();
        for (MomentSums slice : moments) {
            total.add(slice);                  // in slice order: the same bits at any thread count
        }
        double[] counts = total.counts;
        double[] weights = new double[k];
        double[] newMeans = new double[k * d];
        boolean[] empty = new boolean[k];
        for (int c = 0; c < k; c++) {
            weights[c] = counts[c] / data.totalWeight();             // πₖ = Nₖ / Σᵢ wᵢ (= Nₖ / N unweighted)
            empty[c] = EmptyComponents.isEmpty(counts[c], data.weightUnit());
            if (empty[c]) {
                System.arraycopy(previous.mean(c), 0, newMeans, c * d, d);
                System.arraycopy(previous.covariance(c), 0, scatters, c * d * d, d * d);
                continue;
            }
            total.finish(c, theta.means[c], delta, newMeans, scatters);   // μₖ' = μₖ + δ, Sₖ = S2 / Nₖ − δ δᵀ
        }
        // Σₖ' = Sₖ + regCovar · I for full covariances, or the part of Sₖ another type keeps (see CovarianceType)
        return GaussianMixture.fromScatters(previous.covarianceType(), k, d, weights, newMeans, counts, scatters, empty,
                regCovar);
    }

    /**
     * The moment sums about {@code model}'s means, from responsibilities that another E-step computed.
     *
     * @param model the mixture to centre the sums on
     * @param r     N×K responsibilities, flat: r[i·K + k]
     */
    private void momentsAbout(GaussianMixture model, double[] r) {
        theta.load(model, NEGLIGIBLE);
        slices.forEach((slice, worker) -> forEachBlock(slice, worker, (start, size, s, sums) -> {
            for (int c = 0; c < k; c++) {
                double[] blockR = s.logP[c];
                for (int b = 0; b < size; b++) {
                    blockR[b] = r[(start + b) * k + c];
                }
                addMoments(s, blockR, c, size, sums);
            }
        }), buffers);
        momentsModel = model;
        momentsResponsibilities = null;
    }

    /**
     * Refuses data other than the workspace's own.
     *
     * @param points the data a step was called with
     * @throws IllegalArgumentException when it is not the data this workspace was made for
     */
    private void requireOwnData(DataMatrix points) {
        if (points != data) {
            throw new IllegalArgumentException("this workspace was made for another data matrix");
        }
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        slices.close();
    }
}
