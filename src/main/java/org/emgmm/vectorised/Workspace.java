package org.emgmm.vectorised;

import java.util.ArrayList;
import java.util.List;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmptyComponents;
import org.emgmm.em.Responsibilities;
import org.emgmm.linalg.Cholesky;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;

/**
 * One data set's buffers and worker threads for {@link VectorisedEm}: everything EM needs is allocated
 * here once, and every E- and M-step of a run reuses it.
 *
 * <p>Each E-step writes the N×K responsibilities into the same buffer, and hands out a copy of it: what a
 * step returns is never one of these buffers, so the {@link Responsibilities} of an E-step stay as they
 * were however many steps follow (the copy, one pass over N·K doubles, is small beside the E-step
 * itself). One-off steps go through {@link VectorisedEm}, which gives each a workspace of its own.
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

    private static final double LOG_TWO_PI = Math.log(2.0 * Math.PI);

    /** One worker's block buffers. */
    private static final class Scratch {
        final double[] x;
        final double[][] xt;
        final double[][] z;
        final double[][] logP;
        final double[] max;
        final double[] sum;
        final double[][] y;
        final double[] w;
        /** With sample weights: the block's wᵢ, and r[i][k] · wᵢ for the component at hand; otherwise null. */
        final double[] pointWeights;
        final double[] mass;
        /** For D ≤ {@link #LANES_UP_TO_D}: the centred block, coordinate-major, and each component's lanes. */
        final double[][] centred;
        final double[][][] lanes;

        Scratch(int block, int d, int k, boolean weighted) {
            x = new double[block * d];
            xt = new double[d][block];
            z = new double[d][block];
            logP = new double[k][block];
            max = new double[block];
            sum = new double[block];
            y = new double[block][d];
            w = new double[block];
            pointWeights = weighted ? new double[block] : null;
            mass = weighted ? new double[block] : null;
            boolean useLanes = d <= LANES_UP_TO_D;
            centred = useLanes ? new double[d][block] : null;
            lanes = useLanes ? new double[k][1 + d + d * (d + 1) / 2][block] : null;
        }

        void clearLanes() {
            if (lanes != null) {
                for (double[][] component : lanes) {
                    for (double[] lane : component) {
                        java.util.Arrays.fill(lane, 0.0);
                    }
                }
            }
        }
    }

    /** One slice's share of the moment sums, about the means the sums were taken about. */
    private static final class Moments {
        final double[] counts;
        final double[][] first;
        final double[][][] second;
        double logLikelihood;

        Moments(int k, int d) {
            counts = new double[k];
            first = new double[k][d];
            second = new double[k][d][d];
        }

        void clear() {
            java.util.Arrays.fill(counts, 0.0);
            for (double[] row : first) {
                java.util.Arrays.fill(row, 0.0);
            }
            for (double[][] matrix : second) {
                for (double[] row : matrix) {
                    java.util.Arrays.fill(row, 0.0);
                }
            }
            logLikelihood = 0.0;
        }
    }

    private final DataMatrix data;
    private final int n;
    private final int d;
    private final int k;
    private final int block;
    private final Slices slices;
    private final List<Scratch> scratch;
    private final Moments[] moments;
    /** The slices' sums added up, and δ = s1 / Nₖ: rewritten by every M-step. */
    private final Moments total;
    private final double[] delta;

    /** r[i][k] = responsibilities[i * K + k], rewritten by every E-step. */
    private final double[] responsibilities;

    /** The parameters of the last E-step (or moment pass), laid out for the kernels. */
    private final double[][] means;
    private final double[][][] lowers;
    private final double[][] inverseDiagonals;
    private final double[] constants;
    /** Per component, {@link #NEGLIGIBLE} · πₖ: responsibilities below it are left out of the moment sums. */
    private final double[] negligible;

    /** The mixture the moment sums were taken about, and the responsibilities they came from. */
    private GaussianMixture momentsModel;
    private Responsibilities momentsResponsibilities;

    /**
     * @param data    N×D. Not modified; never copied whole.
     * @param k       K, the number of components
     * @param threads worker threads, the caller's included
     * @param block   points per block
     */
    Workspace(DataMatrix data, int k, int threads, int block) {
        this.data = data;
        this.n = data.rows();
        this.d = data.columns();
        this.k = k;
        this.block = block;
        long sliceDoubles = (long) k * (1 + d + (long) d * d);
        int maxSlices = (int) Math.max(1, Math.min(MAX_SLICES, PARTIAL_BUDGET / sliceDoubles));
        this.slices = new Slices(n, block, maxSlices, threads);
        this.scratch = new ArrayList<>();
        for (int worker = 0; worker < slices.threads(); worker++) {
            scratch.add(new Scratch(block, d, k, data.isWeighted()));
        }
        this.moments = new Moments[slices.count()];
        for (int slice = 0; slice < moments.length; slice++) {
            moments[slice] = new Moments(k, d);
        }
        this.total = new Moments(k, d);
        this.delta = new double[d];
        this.responsibilities = new double[Math.multiplyExact(n, k)];
        this.means = new double[k][d];
        this.lowers = new double[k][d][d];
        this.inverseDiagonals = new double[k][d];
        this.constants = new double[k];
        this.negligible = new double[k];
    }

    @Override
    public String name() {
        return VectorisedEm.NAME;
    }

    @Override
    public EStep eStep(DataMatrix points, GaussianMixture model) {
        requireOwnData(points);
        prepare(model);
        slices.forEach(this::eStepSlice, scratch);
        double logLikelihood = 0.0;
        double[] totals = new double[k];
        for (Moments slice : moments) {
            logLikelihood += slice.logLikelihood;
            for (int c = 0; c < k; c++) {
                totals[c] += slice.counts[c];
            }
        }
        momentsModel = model;
        // A copy: the buffer is rewritten by the next E-step, the responsibilities handed out never are. With
        // sample weights the totals added up are Σᵢ wᵢ r[i][k], not the Σᵢ r[i][k] that wrap expects.
        momentsResponsibilities = data.isWeighted() ? Responsibilities.wrap(n, k, responsibilities.clone())
                : Responsibilities.wrap(n, k, responsibilities.clone(), totals);
        return new EStep(momentsResponsibilities, logLikelihood);
    }

    /**
     * Copies what the kernels need from θ: μₖ, the rows of Lₖ, 1/Lₖ[j][j], and the constant part of
     * log πₖ + log N(x | μₖ, Σₖ), which is log πₖ − ½ (D log 2π + log det Σₖ).
     */
    private void prepare(GaussianMixture model) {
        for (int c = 0; c < k; c++) {
            Cholesky factor = model.cholesky(c);
            for (int a = 0; a < d; a++) {
                means[c][a] = model.mean(c, a);
                for (int e = 0; e <= a; e++) {
                    lowers[c][a][e] = factor.lower(a, e);
                }
                inverseDiagonals[c][a] = 1.0 / factor.lower(a, a);
            }
            constants[c] = Math.log(model.weight(c)) - 0.5 * (d * LOG_TWO_PI + factor.logDeterminant());
            negligible[c] = NEGLIGIBLE * model.weight(c);
        }
    }

    /** What is done with one block of a slice, once it is loaded: see {@link #forEachBlock}. */
    private interface BlockWork {
        void run(int start, int size, Scratch s, Moments sums);
    }

    /**
     * Starts slice {@code slice}'s moment sums afresh, then for each of its blocks in order loads the
     * points (point-major in {@code s.x}, coordinate-major in {@code s.xt}) and runs {@code work}; at the
     * end adds the slice's lanes to its sums.
     */
    private void forEachBlock(int slice, Scratch s, BlockWork work) {
        Moments sums = moments[slice];
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
        addLanes(s, sums);
    }

    /** The E-step on one slice: responsibilities, its share of L(θ), and its moment sums. */
    private void eStepSlice(int slice, Scratch scratch) {
        forEachBlock(slice, scratch, (start, size, s, sums) -> {
            for (int c = 0; c < k; c++) {
                Kernels.centre(s.xt, size, d, means[c], s.z);
                Kernels.forwardSubstitute(lowers[c], inverseDiagonals[c], d, s.z, size);
                Kernels.weightedLogDensities(s.z, size, d, constants[c], s.logP[c]);
            }
            // the block's share of L(θ) = Σᵢ wᵢ log p(xᵢ | θ) (wᵢ = 1 without sample weights)
            sums.logLikelihood += Kernels.normalise(s.logP, size, k, s.max, s.sum, s.pointWeights);
            storeResponsibilities(s.logP, start, size);
            for (int c = 0; c < k; c++) {
                addMoments(s, s.logP[c], c, size, sums);
            }
        });
    }

    /**
     * Adds one block's share of Nₖ, s1ₖ and S2ₖ, given the block's responsibilities r[b] for component c:
     * each point's terms carry r[b], or r[b] · w_b with sample weights.
     */
    private void addMoments(Scratch s, double[] r, int c, int size, Moments sums) {
        double[] mass = r;
        if (s.pointWeights != null) {
            Kernels.multiply(r, s.pointWeights, size, s.mass); // wᵢ r[i][k]
            mass = s.mass;
        }
        if (s.lanes != null) {
            Kernels.centre(s.xt, size, d, means[c], s.centred);
            Kernels.addMomentLanes(s.centred, mass, size, d, s.lanes[c]);
            return;
        }
        sums.counts[c] += Kernels.sum(mass, size);
        int gathered = Kernels.gatherCentred(s.x, size, d, means[c], r, negligible[c], mass, s.y, s.w);
        Kernels.addMoments(s.y, s.w, gathered, d, sums.first[c], sums.second[c]);
    }

    /** Adds a slice's lanes, if it kept any, to its moment sums. */
    private void addLanes(Scratch s, Moments sums) {
        if (s.lanes == null) {
            return;
        }
        for (int c = 0; c < k; c++) {
            double[][] lanes = s.lanes[c];
            sums.counts[c] += Kernels.sumLanes(lanes[0]);
            for (int a = 0; a < d; a++) {
                sums.first[c][a] += Kernels.sumLanes(lanes[1 + a]);
                for (int e = 0; e <= a; e++) {
                    sums.second[c][a][e] += Kernels.sumLanes(lanes[Kernels.secondMomentLane(d, a, e)]);
                }
            }
        }
    }

    /** r[start + b][c] = the block's r[c][b], written in the order the N×K buffer is laid out. */
    private void storeResponsibilities(double[][] blockR, int start, int size) {
        int index = start * k;
        for (int b = 0; b < size; b++) {
            for (int c = 0; c < k; c++) {
                responsibilities[index++] = blockR[c][b];
            }
        }
    }

    /** Every covariance type: the M-step constrains the scatter matrices (see {@code CovarianceType}). */
    @Override
    public boolean supports(CovarianceType type) {
        return true;
    }

    /** Sample weights: every moment sum and the log-likelihood carry wᵢ. */
    @Override
    public boolean supportsSampleWeights() {
        return true;
    }

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
        addSlices(total);
        double[] counts = total.counts;
        double[][] first = total.first;
        double[][][] second = total.second;
        double[] weights = new double[k];
        double[] newMeans = new double[k * d];
        double[] scatters = new double[k * d * d];
        boolean[] empty = new boolean[k];
        for (int c = 0; c < k; c++) {
            weights[c] = counts[c] / data.totalWeight();             // πₖ = Nₖ / Σᵢ wᵢ (= Nₖ / N unweighted)
            empty[c] = EmptyComponents.isEmpty(counts[c]);
            if (empty[c]) {
                System.arraycopy(previous.mean(c), 0, newMeans, c * d, d);
                System.arraycopy(previous.covariance(c), 0, scatters, c * d * d, d * d);
                continue;
            }
            finishComponent(c, counts[c], first[c], second[c], newMeans, scatters);
        }
        // Σₖ' = Sₖ + regCovar · I for full covariances, or the part of Sₖ another type keeps (see CovarianceType)
        CovarianceType type = previous.covarianceType();
        double[] covariances = type.constrain(counts, scatters, empty, d, regCovar);
        return GaussianMixture.ofFlat(type, k, d, weights, newMeans, covariances);
    }

    /**
     * μₖ' = μₖ + δ and Sₖ = S2 / Nₖ − δ δᵀ, with δ = s1 / Nₖ, mirrored from the lower triangle.
     */
    private void finishComponent(int c, double count, double[] first, double[][] second, double[] newMeans,
            double[] covariances) {
        for (int j = 0; j < d; j++) {
            delta[j] = first[j] / count;
            newMeans[c * d + j] = means[c][j] + delta[j];
        }
        int base = c * d * d;
        for (int a = 0; a < d; a++) {
            for (int e = 0; e <= a; e++) {
                double value = second[a][e] / count - delta[a] * delta[e];
                covariances[base + a * d + e] = value;
                covariances[base + e * d + a] = value;
            }
        }
    }

    /** The moment sums about {@code model}'s means, from responsibilities that another E-step computed. */
    private void momentsAbout(GaussianMixture model, double[] r) {
        prepare(model);
        slices.forEach((slice, scratch) -> forEachBlock(slice, scratch, (start, size, s, sums) -> {
            for (int c = 0; c < k; c++) {
                double[] blockR = s.logP[c];
                for (int b = 0; b < size; b++) {
                    blockR[b] = r[(start + b) * k + c];
                }
                addMoments(s, blockR, c, size, sums);
            }
        }), scratch);
        momentsModel = model;
        momentsResponsibilities = null;
    }

    /** {@code total} = the slices' sums, added in slice order. */
    private void addSlices(Moments total) {
        total.clear();
        for (Moments slice : moments) {
            for (int c = 0; c < k; c++) {
                total.counts[c] += slice.counts[c];
                for (int a = 0; a < d; a++) {
                    total.first[c][a] += slice.first[c][a];
                    for (int e = 0; e <= a; e++) {
                        total.second[c][a][e] += slice.second[c][a][e];
                    }
                }
            }
        }
    }

    private void requireOwnData(DataMatrix points) {
        if (points != data) {
            throw new IllegalArgumentException("this workspace was made for another data matrix");
        }
    }

    @Override
    public void close() {
        slices.close();
    }
}
