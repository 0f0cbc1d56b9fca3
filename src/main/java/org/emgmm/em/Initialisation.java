package org.emgmm.em;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.emgmm.data.DataException;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Sizes;
import org.emgmm.linalg.Cholesky;
import org.emgmm.model.InvalidMixtureException;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.NotPositiveDefiniteException;

/**
 * Ways to choose the starting parameters θ₀. Every random choice takes a seed: the same data and seed
 * give the same start. The methods, by their command-line names ({@link InitMethod}):
 * <ul>
 *   <li><b>random-points</b> ({@link #randomPoints}): K distinct data points drawn uniformly as the
 *       means, the data's maximum-likelihood covariance for every component, equal weights 1/K.</li>
 *   <li><b>random-responsibilities</b> ({@link #randomResponsibilities}): every r[i][k] drawn uniformly
 *       in [0, 1) and each row normalised to sum to 1; the start is the M-step of those responsibilities
 *       (as below). The means all land near the data's mean: EM has to pull them apart.</li>
 *   <li><b>k-means++</b> ({@link #kMeansPlusPlus}): centres by {@link KMeansPlusPlus} (D² sampling,
 *       Arthur &amp; Vassilvitskii 2007), each point given wholly to its nearest centre.</li>
 *   <li><b>kmeans</b> ({@link #kMeans}): the k-means++ centres refined by Lloyd's algorithm
 *       ({@link Lloyd}, at most {@value Lloyd#DEFAULT_MAX_ITERATIONS} rounds), each point given wholly to
 *       its final cluster.</li>
 *   <li><b>sklearn-k-means++</b> ({@link #sklearnKMeansPlusPlus}): scikit-learn's k-means++ start. Centres
 *       by greedy D² sampling ({@link KMeansPlusPlus#greedyCentres}), and each centre's own point is its
 *       component's only point: the means are the centres, every covariance is reg-covar·I, the weights are
 *       equal. The first E-step then gives each point (all but wholly) to its nearest centre, so the first
 *       M-step makes much the mixture the k-means++ start above begins from, without its fallback for
 *       clusters of fewer than D + 1 points; what differs most is the draw of the centres.</li>
 * </ul>
 * <b>From centres to a mixture.</b> As scikit-learn's GaussianMixture does with its initial
 * responsibilities, the hard assignments (r[i][k] = 1 for the point's cluster, 0 elsewhere) go through
 * one M-step: Nₖ = Σᵢ r[i][k]; weight πₖ = Nₖ/N (the share of points nearest centre k); mean μₖ the
 * average of those points (for k-means++ this moves each mean from its centre, a data point, to its
 * cluster's average); covariance Σₖ their maximum-likelihood scatter around μₖ plus reg-covar·I. Two
 * departures keep the start usable: a component with fewer than D + 1 points behind it (Nₖ &lt; D + 1),
 * or whose scatter plus reg-covar·I is not positive-definite, takes the data's covariance plus
 * reg-covar·I instead, since a covariance from so few points is singular or nearly so; and a component
 * with no points at all (possible only when Lloyd's algorithm leaves a centre empty) keeps its centre
 * as its mean, with weight 0.
 *
 * <p><b>Sample weights.</b> On weighted data (see {@link DataMatrix#withSampleWeights}) a point counts as
 * wᵢ points throughout: the data's mean and covariance are the weighted ones, the M-step from
 * responsibilities uses Nₖ = Σᵢ wᵢ r[i][k] (and compares that with (D + 1) · u, u the mean positive weight
 * {@link DataMatrix#weightUnit}, so that only the weights' ratios matter), k-means++ and Lloyd's
 * algorithm weight their draws and means ({@link KMeansPlusPlus}, {@link Lloyd}), and random points are
 * drawn among the points of positive weight only. What that means against the data with each row
 * repeated wᵢ times in place, for whole-number weights and the same seed:
 * <ul>
 *   <li>k-means++, sklearn-k-means++ and kmeans: the same start, up to rounding (the sums are added in
 *       another order);</li>
 *   <li>random-points: a start drawn from the same kind of points, but not the same draw, since the
 *       shuffle runs over N rows instead of Σᵢ wᵢ;</li>
 *   <li>random-responsibilities: not the same, and not even alike in distribution: the copies of a row
 *       would each draw their own responsibilities, where the weighted row draws one set.</li>
 * </ul>
 * A start from a file ({@code --init}) is the same start, whatever the weights.
 */
public final class Initialisation {

    private Initialisation() {
    }

    /**
     * "Random points" (seed 000's choice): K distinct data points, drawn with the seed, as the means;
     * the data's maximum-likelihood covariance as every component's covariance; equal weights 1/K.
     * Points with identical coordinates count once, so no two means coincide. With sample weights, only
     * points of positive weight are drawn.
     *
     * @param data       N×D, N ≥ 2
     * @param components K, at least 1 and at most N
     * @param seed       the seed of the draw
     * @return θ₀ with full covariances
     * @throws DataException if there are fewer than K distinct points, or the data covariance is
     *                       singular (a constant column, or columns that are linear combinations)
     */
    public static GaussianMixture randomPoints(DataMatrix data, int components, long seed) {
        requireComponents(data, components);
        int d = data.columns();
        Sizes.requireCovariancesFit(d, components);
        double[] means = new double[Sizes.product("the means (components × columns)", components, d)];
        int[] chosen = chooseDistinctRows(data, components, new SplittableRandom(seed));
        for (int k = 0; k < components; k++) {
            System.arraycopy(data.row(chosen[k]), 0, means, k * d, d);
        }
        return withDataCovariance(data, components, means);
    }

    /**
     * A start with the given means, the data's maximum-likelihood covariance for every component and
     * equal weights 1/K: the rest of random points' start, and of k-means++'s.
     *
     * @param data       N×D, N ≥ 2: gives the covariance
     * @param components K
     * @param means      K×D, flat row-major. Not modified.
     * @return θ₀ with full covariances
     * @throws DataException if the data's covariance is singular (a constant column, or columns that are
     *                       linear combinations)
     */
    public static GaussianMixture withDataCovariance(DataMatrix data, int components, double[] means) {
        requireTwoPoints(data);
        int d = data.columns();
        Sizes.requireCovariancesFit(d, components);
        double[] covariance = data.covariance();
        double[] covariances = new double[Sizes.product("the covariances (components × columns²)", components, d, d)];
        for (int k = 0; k < components; k++) {
            System.arraycopy(covariance, 0, covariances, k * d * d, d * d);
        }
        double[] weights = new double[components];
        Arrays.fill(weights, 1.0 / components);
        return build(data, components, weights, means, covariances);
    }

    /** The mixture, or a DataException saying why the data's scale or covariance made it impossible. */
    private static GaussianMixture build(DataMatrix data, int components, double[] weights, double[] means,
            double[] covariances) {
        int d = data.columns();
        try {
            return GaussianMixture.ofFlat(components, d, weights, means, covariances);
        } catch (InvalidMixtureException e) {
            String magnitude = data.magnitudeProblem();
            if (magnitude != null) {
                throw new DataException(magnitude + ", too far from 1 for their covariance to be computed in"
                        + " double precision: rescale the data", e);
            }
            if (!(e instanceof NotPositiveDefiniteException)) {
                throw e;
            }
            throw new DataException("the data's covariance is singular (a constant column, or a column that is a"
                    + " combination of others): drop such columns with --columns");
        }
    }

    /**
     * "Random responsibilities": r[i][k] uniform in [0, 1), drawn row by row with
     * {@code new SplittableRandom(seed)}, each row divided by its sum; then one M-step (see the class
     * comment).
     *
     * @param data       N×D, N ≥ 2
     * @param components K, at least 1 and at most N
     * @param seed       the seed of the draw
     * @param regCovar   added to the diagonal of each covariance from the M-step
     * @return θ₀ with full covariances
     */
    public static GaussianMixture randomResponsibilities(DataMatrix data, int components, long seed, double regCovar) {
        requireComponents(data, components);
        hasDistinctPoints(data, components, regCovar);
        int n = data.rows();
        double[] r = new double[Sizes.product("the responsibilities (points × components)", n, components)];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            double sum = 0.0;
            for (int k = 0; k < components; k++) {
                // 1 − u lies in (0, 1]: no row can sum to 0.
                r[i * components + k] = 1.0 - random.nextDouble();
                sum += r[i * components + k];
            }
            for (int k = 0; k < components; k++) {
                r[i * components + k] /= sum;
            }
        }
        return fromResponsibilities(data, components, r, new double[components * data.columns()], regCovar);
    }

    /**
     * "k-means++": {@link KMeansPlusPlus#centres}, each point given to its nearest centre, then one M-step.
     *
     * @param data       N×D, N ≥ 2
     * @param components K, at least 1 and at most N
     * @param seed       the seed of the D² sampling
     * @param regCovar   added to the diagonal of each covariance from the M-step
     * @return θ₀ with full covariances
     */
    public static GaussianMixture kMeansPlusPlus(DataMatrix data, int components, long seed, double regCovar) {
        requireComponents(data, components);
        double[] centres = KMeansPlusPlus.centres(data, components, seed,
                !hasDistinctPoints(data, components, regCovar));
        int[] nearest = new int[data.rows()];
        Lloyd.assign(data, centres, components, nearest);
        return fromAssignments(data, components, nearest, centres, regCovar);
    }

    /**
     * "sklearn-k-means++": the start scikit-learn's GaussianMixture makes with {@code init_params="k-means++"}.
     * It gives responsibility 1 to each centre's own point and 0 everywhere else, so its M-step has one point
     * per component: the mean is the centre, the scatter is 0, the covariance is reg-covar·I, and every weight
     * is the same (scikit-learn's are 1/N each, unnormalised; the E-step's normalisation makes that 1/K).
     * The trade-off against {@link #kMeansPlusPlus}: greedy sampling puts fewer centres in one cluster, while
     * the tiny covariances make the first E-step a hard nearest-centre assignment.
     *
     * @param data       N×D, N ≥ 2
     * @param components K, at least 1 and at most N
     * @param seed       the seed of the greedy D² sampling
     * @param regCovar   every start covariance is regCovar·I; must be positive
     * @return θ₀ with full covariances
     * @throws DataException if reg-covar is 0 (the covariances would be 0), or there are fewer than K
     *                       distinct points and reg-covar is 0
     */
    public static GaussianMixture sklearnKMeansPlusPlus(DataMatrix data, int components, long seed,
            double regCovar) {
        if (!(regCovar > 0.0)) {
            throw new DataException("--init-method sklearn-k-means++ gives every component --reg-covar times the"
                    + " identity as its covariance, so it needs a positive --reg-covar, got " + regCovar);
        }
        requireComponents(data, components);
        int d = data.columns();
        Sizes.requireCovariancesFit(d, components);
        double[] means = KMeansPlusPlus.greedyCentres(data, components, seed,
                !hasDistinctPoints(data, components, regCovar));
        double[] covariances = new double[Sizes.product("the covariances (components × columns²)", components, d, d)];
        for (int k = 0; k < components; k++) {
            for (int a = 0; a < d; a++) {
                covariances[k * d * d + a * d + a] = regCovar; // zero scatter around the one point, plus reg-covar
            }
        }
        double[] weights = new double[components];
        Arrays.fill(weights, 1.0 / components);
        return build(data, components, weights, means, covariances);
    }

    /**
     * "kmeans": Lloyd's algorithm from the k-means++ centres, each point given to its final cluster, then one M-step.
     *
     * @param data       N×D, N ≥ 2
     * @param components K, at least 1 and at most N
     * @param seed       the seed of the k-means++ centres
     * @param regCovar   added to the diagonal of each covariance from the M-step
     * @return θ₀ with full covariances
     */
    public static GaussianMixture kMeans(DataMatrix data, int components, long seed, double regCovar) {
        requireComponents(data, components);
        double[] centres = KMeansPlusPlus.centres(data, components, seed,
                !hasDistinctPoints(data, components, regCovar));
        Lloyd.Result lloyd = Lloyd.run(data, centres, components, Lloyd.DEFAULT_MAX_ITERATIONS);
        return fromAssignments(data, components, lloyd.assignments(), lloyd.centres(), regCovar);
    }

    /**
     * The start from hard assignments: r[i][k] = 1 when point i is in cluster k (see the class comment).
     *
     * @param data        N×D, N ≥ 2
     * @param components  K
     * @param assignments N cluster indices in [0, K)
     * @param centres     K·D: the mean of a cluster with no points
     * @param regCovar    added to the diagonal of each covariance from the M-step
     * @return θ₀ with full covariances
     */
    public static GaussianMixture fromAssignments(DataMatrix data, int components, int[] assignments,
            double[] centres, double regCovar) {
        double[] r = new double[Sizes.product("the responsibilities (points × components)", data.rows(),
                components)];
        for (int i = 0; i < assignments.length; i++) {
            r[i * components + assignments[i]] = 1.0;
        }
        return fromResponsibilities(data, components, r, centres, regCovar);
    }

    /** One M-step from responsibilities r (N×K, flat), with the departures the class comment lists. */
    private static GaussianMixture fromResponsibilities(DataMatrix data, int components, double[] r,
            double[] emptyMeans, double regCovar) {
        requireTwoPoints(data);
        int n = data.rows();
        int d = data.columns();
        Sizes.requireCovariancesFit(d, components);
        double[] dataCovariance = data.covariance();
        double[] weights = new double[components];
        double[] means = new double[components * d];
        double[] covariances = new double[components * d * d];
        for (int k = 0; k < components; k++) {
            // Nₖ = Σᵢ wᵢ r[i][k] and μₖ = (1/Nₖ) Σᵢ wᵢ r[i][k] xᵢ (wᵢ = 1 without sample weights)
            double total = 0.0;
            for (int i = 0; i < n; i++) {
                double share = data.weight(i) * r[i * components + k];
                total += share;
                for (int a = 0; a < d; a++) {
                    means[k * d + a] += share * data.get(i, a);
                }
            }
            weights[k] = total / data.totalWeight();
            if (total == 0.0) {
                System.arraycopy(emptyMeans, k * d, means, k * d, d);
            } else {
                for (int a = 0; a < d; a++) {
                    means[k * d + a] /= total;
                }
            }
            double[] scatter = new double[d * d];
            if (total >= (d + 1) * data.weightUnit()) { // D + 1 points of the mean weight
                for (int i = 0; i < n; i++) {
                    double share = data.weight(i) * r[i * components + k];
                    for (int a = 0; a < d; a++) {
                        double da = data.get(i, a) - means[k * d + a];
                        for (int b = 0; b <= a; b++) {
                            scatter[a * d + b] += share * da * (data.get(i, b) - means[k * d + b]);
                        }
                    }
                }
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b <= a; b++) {
                        scatter[a * d + b] /= total;
                        scatter[b * d + a] = scatter[a * d + b];
                    }
                    scatter[a * d + a] += regCovar;
                }
            }
            if (total < (d + 1) * data.weightUnit() || Cholesky.decompose(scatter, d).isEmpty()) {
                scatter = dataCovariance.clone();
                for (int a = 0; a < d; a++) {
                    scatter[a * d + a] += regCovar;
                }
            }
            System.arraycopy(scatter, 0, covariances, k * d * d, d * d);
        }
        double sum = 0.0;
        for (double w : weights) {
            sum += w;
        }
        for (int k = 0; k < components; k++) {
            weights[k] /= sum; // Σ r[i][k] over k is 1 for every i up to rounding
        }
        return build(data, components, weights, means, covariances);
    }

    private static void requireComponents(DataMatrix data, int components) {
        if (components < 1) {
            throw new DataException("the number of components must be at least 1, got " + components);
        }
        if (data.rows() < components) {
            throw new DataException("there are " + data.rows() + " points but " + components
                    + " components: use at most " + data.rows() + " components or more data");
        }
        requireTwoPoints(data);
    }

    /**
     * Whether the data has at least K distinct points. When it has fewer, some components must share
     * points, and a component whose points are all one point has no spread: its covariance is singular
     * unless reg-covar adds to it. So fewer than K distinct points is refused with reg-covar 0 (as
     * scikit-learn refuses it, when its fit fails) and allowed with a positive reg-covar.
     *
     * @throws DataException if there are fewer than K distinct points and reg-covar is 0
     */
    static boolean hasDistinctPoints(DataMatrix data, int components, double regCovar) {
        int found = countDistinctPoints(data, components);
        if (found < components && regCovar == 0.0) {
            throw new DataException("the data has only " + found + " distinct points, fewer than the " + components
                    + " components, so some components would collapse onto a point with no spread (a singular"
                    + " covariance, as --reg-covar is 0): use at most " + found + " components, or a positive"
                    + " --reg-covar");
        }
        return found >= components;
    }

    /** The number of distinct rows, counting no further than {@code enough}. */
    private static int countDistinctPoints(DataMatrix data, int enough) {
        Set<List<Double>> seen = new HashSet<>();
        for (int i = 0; i < data.rows() && seen.size() < enough; i++) {
            if (data.weight(i) == 0.0) {
                continue; // a point of sample weight 0 is not in the fit
            }
            List<Double> row = new ArrayList<>(data.columns());
            for (int j = 0; j < data.columns(); j++) {
                row.add(data.get(i, j) + 0.0); // + 0.0 turns −0.0 into 0.0: they are the same point
            }
            seen.add(row);
        }
        return seen.size();
    }

    /** A covariance needs two points; one point would give "singular", which is not what is wrong. */
    private static void requireTwoPoints(DataMatrix data) {
        if (data.rows() < 2) {
            throw new DataException("the data has only 1 point, and the random start needs at least 2 points to"
                    + " estimate a covariance: add more data, or start from --init FILE.json");
        }
    }

    /**
     * Picks K row indices whose points are pairwise different and of positive weight, by a seeded partial
     * shuffle of the rows of positive weight (every row, in order, when the data is unweighted).
     */
    private static int[] chooseDistinctRows(DataMatrix data, int components, SplittableRandom random) {
        int n = data.positiveWeightRows();
        int[] order = new int[n];
        int filled = 0;
        for (int i = 0; i < data.rows(); i++) {
            if (data.weight(i) > 0.0) {
                order[filled++] = i;
            }
        }
        int[] chosen = new int[components];
        int found = 0;
        for (int position = 0; position < n && found < components; position++) {
            int swap = position + random.nextInt(n - position);
            int candidate = order[swap];
            order[swap] = order[position];
            order[position] = candidate;
            if (!duplicatesAny(data, candidate, chosen, found)) {
                chosen[found++] = candidate;
            }
        }
        if (found < components) {
            throw new DataException("the data has only " + found + " distinct points" + (data.isWeighted()
                    ? " of positive sample weight" : "") + ", fewer than the " + components
                    + " components asked for, and random-points needs K distinct points as means: use fewer"
                    + " components, or --init-method kmeans with a positive --reg-covar to let components share"
                    + " points");
        }
        return chosen;
    }

    private static boolean duplicatesAny(DataMatrix data, int candidate, int[] chosen, int count) {
        for (int c = 0; c < count; c++) {
            if (Arrays.equals(data.row(candidate), data.row(chosen[c]))) {
                return true;
            }
        }
        return false;
    }
}
