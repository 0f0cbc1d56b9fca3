package org.emgmm.grading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.emgmm.data.DataException;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.KMeansPlusPlus;
import org.emgmm.exercises.Ex8KMeansPlusPlus;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Spec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Graded: exercise 8, seeded k-means++ ({@link Ex8KMeansPlusPlus}), checked through its properties:
 * centres are distinct data points, a seed fixes them, the first is uniform and each next one is drawn
 * with probability proportional to D².
 *
 * <p>The D² probabilities the frequency tests expect come from the library's k-means++,
 * {@link KMeansPlusPlus#squaredDistances}, which draws exactly as the exercise asks.
 *
 * <p>The frequency tests run the draw once for each of many seeds drawn from the run's seed
 * ({@link RunSeed}), new in every run. A count c of an outcome of probability p in n draws is binomial,
 * with mean np and standard deviation √(np(1 − p)); a test accepts |c − np| ≤ {@value #SIGMAS} standard
 * deviations. A correct draw misses such a bound with probability below 2·10⁻⁹ (normal approximation),
 * so the twenty or so bounds of 8.6 and 8.7 together below 5·10⁻⁸, while the usual wrong rules (uniform,
 * farthest point, D instead of D², distance to the last centre instead of the nearest) are off by 20 to
 * 60 standard deviations on these data.
 *
 * <p>Centres that are merely distinct data points drawn at random pass 8.2 to 8.6 on their own merits
 * (they are distinct data points, a seed fixes them, the first is uniform, …). So each of those tests
 * also checks one consequence of the D² rule, {@link #farPointIsAlwaysChosen}: a point far from all the
 * others is a centre in every draw, which random distinct points almost never manage (the bound is
 * derived there).
 */
@Exercise(8)
@DisplayName("Exercise 8: k-means++")
class Exercise8Test {

    /** Half-width of the acceptance band, in binomial standard deviations. */
    private static final double SIGMAS = 6.0;

    /** How far the far point of {@link #farPointIsAlwaysChosen} lies from the others' centre. */
    private static final double FAR = 1e6;

    /** How many draws {@link #farPointIsAlwaysChosen} makes. */
    private static final int FAR_DRAWS = 30;

    /** The generator of one test's inputs. */
    private static SplittableRandom random(String test) {
        return RunSeed.forTest(Exercise8Test.class, test);
    }

    /**
     * The D² rule's plainest consequence, which random distinct points fail: a cluster of m = 10 to 30
     * points in a box of side 1 about a random centre, in D = 1 to 3 dimensions, and one point
     * {@value #FAR} away; K = 2 or 3 centres drawn {@value #FAR_DRAWS} times, from seeds of the run. The far
     * point must be a centre in every draw.
     * <ul>
     *   <li>k-means++: the far point is a centre when it comes first; otherwise the second centre is drawn
     *       with probability D²/Σ D², the far point's D² is at least (10⁶ − √D)² > 0.99·10¹² and the
     *       cluster's together at most m·D ≤ 90, so it is missed with probability below 10⁻¹⁰ per draw, and
     *       in some draw of {@value #FAR_DRAWS} below 3·10⁻⁹: the five tests that make this check together
     *       wrong a correct solution less than once in fifty million runs.</li>
     *   <li>K distinct points drawn uniformly: the far point is among them with probability K/(m + 1) ≤ 3/11,
     *       in all {@value #FAR_DRAWS} draws with probability below (3/11)^30 &lt; 10⁻¹⁶.</li>
     * </ul>
     *
     * @param random the test's generator
     */
    static void farPointIsAlwaysChosen(SplittableRandom random) {
        int m = 10 + random.nextInt(21);
        int d = 1 + random.nextInt(3);
        int k = 2 + random.nextInt(2);
        double[] centre = Generators.uniformVector(random, d, -50.0, 50.0);
        double[] direction = Generators.unitVector(random, d);
        double[][] rows = new double[m + 1][];
        int far = random.nextInt(m + 1);
        for (int i = 0; i <= m; i++) {
            rows[i] = new double[d];
            for (int j = 0; j < d; j++) {
                rows[i][j] = i == far ? centre[j] + FAR * direction[j] : centre[j] + random.nextDouble(-0.5, 0.5);
            }
        }
        DataMatrix data = DataMatrix.ofRows(rows);
        List<Double> farPoint = Arrays.stream(rows[far]).boxed().toList();
        int chosen = 0;
        for (int draw = 0; draw < FAR_DRAWS; draw++) {
            double[] centres = centres(data, k, random.nextLong());
            for (int c = 0; c < k; c++) {
                if (Arrays.stream(Arrays.copyOfRange(centres, c * d, (c + 1) * d)).boxed().toList().equals(farPoint)) {
                    chosen++;
                    break;
                }
            }
        }
        Expect.that(chosen == FAR_DRAWS, "how often the one point " + Expect.format(FAR) + " away from " + m
                + " others (within a box of side 1, D=" + d + ") is among K=" + k + " centres", "in all " + FAR_DRAWS
                + " draws (k-means++ misses it with probability below 10⁻¹⁰ per draw)", "in " + chosen,
                "each next centre is drawn with probability ∝ D², its squared distance to the nearest centre so far,"
                        + " so a point this far from all the others is all but certain to be chosen; centres drawn"
                        + " uniformly among the (distinct) points are not k-means++ (see 8.7)");
    }

    private static DataMatrix line(double... values) {
        double[][] rows = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new double[] {values[i]};
        }
        return DataMatrix.ofRows(rows);
    }

    /** Ex8KMeansPlusPlus.centres. */
    @FunctionalInterface
    interface Centres {
        double[] of(DataMatrix data, int k, long seed);
    }

    private static double[] centres(DataMatrix data, int k, long seed) {
        double[] centres = StudentCode.call("Ex8KMeansPlusPlus.centres(N=" + data.rows() + ", K=" + k + ", seed " + seed
                + ")", () -> Ex8KMeansPlusPlus.centres(data, k, seed));
        Expect.notNull(centres, "Ex8KMeansPlusPlus.centres", "return the K centres, flat K×D");
        Expect.that(centres.length == k * data.columns(), "number of values returned by centres (K=" + k + ", D="
                + data.columns() + ")", k * data.columns(), centres.length, "K centres of D coordinates, flat");
        return centres;
    }

    /** The index of the value {@code v} in {@code values} (exact: centres are copies of data points). */
    private static int indexOf(double[] values, double v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        throw Expect.failure("a centre", "one of the data points " + Arrays.toString(values), Expect.format(v),
                "copy a data point (data.row(i)) as the centre; do not average or perturb");
    }

    /** Checks a binomial count against n·p with the {@value #SIGMAS}-sigma band. */
    private static void binomial(int count, int n, double p, String what, String hint) {
        double mean = n * p;
        double band = SIGMAS * Math.sqrt(n * p * (1.0 - p));
        Expect.that(Math.abs(count - mean) <= band, what, String.format("%.0f ± %.0f of %d draws", mean, band, n),
                count, hint);
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("centres are distinct data points")
    void centresAreDistinctDataPoints() {
        SplittableRandom random = random("centresAreDistinctDataPoints");
        for (int c = 0; c < 30; c++) {
            DataMatrix base = Generators.scenario(random, Spec.multivariate()).data();
            // Repeat the first ten rows, so that duplicates are there to be (wrongly) chosen twice.
            int[] order = new int[base.rows() + Math.min(10, base.rows())];
            for (int i = 0; i < order.length; i++) {
                order[i] = i % base.rows();
            }
            DataMatrix data = base.withRows(order);
            int d = data.columns();
            int k = 1 + random.nextInt(5);
            double[] centres = centres(data, k, random.nextLong());
            Set<List<Double>> points = new HashSet<>();
            for (int i = 0; i < data.rows(); i++) {
                points.add(Arrays.stream(data.row(i)).boxed().toList());
            }
            Set<List<Double>> chosen = new HashSet<>();
            for (int centre = 0; centre < k; centre++) {
                List<Double> value = Arrays.stream(Arrays.copyOfRange(centres, centre * d, (centre + 1) * d)).boxed()
                        .toList();
                Expect.that(points.contains(value), "centre " + centre + " (D=" + d + ", K=" + k + ")",
                        "a data point", value, "copy the chosen row, data.row(i), into the centres");
                Expect.that(chosen.add(value), "centre " + centre + " (D=" + d + ", K=" + k + ")",
                        "a point not chosen before", value + " again",
                        "a chosen point has D² = 0; with the strict > of the cumulative search it is never drawn");
            }
        }
        farPointIsAlwaysChosen(random);
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("the same seed gives the same centres, other seeds others")
    void seedFixesTheCentres() {
        SplittableRandom random = random("seedFixesTheCentres");
        DataMatrix data = Generators.scenario(random, Spec.multivariate().withComponents(3, 5)).data();
        Set<List<Double>> seen = new HashSet<>();
        for (int s = 0; s < 20; s++) {
            long seed = random.nextLong();
            double[] first = centres(data, 3, seed);
            double[] again = centres(data, 3, seed);
            Expect.that(Arrays.equals(first, again), "centres for seed " + seed + ", drawn twice",
                    Arrays.toString(first), Arrays.toString(again),
                    "draw only from new SplittableRandom(seed): no Math.random(), no shared or static generator");
            seen.add(Arrays.stream(first).boxed().toList());
        }
        // At least 18 points (see Generators.minimumPoints) and 20 seeds: the first centres alone differ
        // somewhere unless the seed is ignored.
        Expect.that(seen.size() > 1, "distinct results over 20 seeds", "more than 1", seen.size(),
                "use the seed: new SplittableRandom(seed), not a fixed one");
        farPointIsAlwaysChosen(random);
    }

    @Test
    @Order(6)
    @Points(1)
    @DisplayName("the first centre is uniform over the points")
    void firstCentreIsUniform() {
        // K = 1 on four random points: each should come first in a quarter of the draws, 1000 ± 164 of 4000.
        SplittableRandom random = random("firstCentreIsUniform");
        double[] values = distinctValues(random, 4);
        DataMatrix data = line(values);
        int draws = 4000;
        int[] counts = new int[values.length];
        for (int draw = 0; draw < draws; draw++) {
            counts[indexOf(values, centres(data, 1, random.nextLong())[0])]++;
        }
        for (int i = 0; i < values.length; i++) {
            binomial(counts[i], draws, 0.25, "how often the point " + values[i] + " (of " + Arrays.toString(values)
                    + ") is the first centre", "the first centre is x[random.nextInt(N)]: every point equally likely,"
                            + " not the first row");
        }
        firstCentreIsDrawnWithNextInt(Exercise8Test::centres, random);
        farPointIsAlwaysChosen(random);
    }

    /**
     * The text draws the first centre as x[random.nextInt(N)] from new SplittableRandom(seed): the same seed
     * must give that point, for N = 5 to 40 distinct points and 50 seeds of the run. (int) (nextDouble() · N) is
     * uniform too, but another number from the same seed, which 8.6's frequencies cannot tell.
     */
    static void firstCentreIsDrawnWithNextInt(Centres centres, SplittableRandom random) {
        double[] values = distinctValues(random, 5 + random.nextInt(36));
        DataMatrix data = line(values);
        for (int draw = 0; draw < 50; draw++) {
            long seed = random.nextLong();
            double expected = values[new SplittableRandom(seed).nextInt(values.length)];
            double[] chosen = centres.of(data, 1, seed);
            if (chosen[0] != expected) {
                double scaled = values[(int) (new SplittableRandom(seed).nextDouble() * values.length)];
                throw Expect.failure("the first centre for seed " + seed + " among " + values.length + " points",
                        Expect.format(expected) + " = x[new SplittableRandom(seed).nextInt(N)]",
                        Expect.format(chosen[0]), chosen[0] == scaled ? KnownMistakes.FIRST_CENTRE_NOT_NEXT_INT
                                : "draw the first centre first, as x[random.nextInt(N)] with random = new"
                                        + " SplittableRandom(seed)");
            }
        }
    }

    /** {@code n} distinct values in [−10, 10], in random order. */
    private static double[] distinctValues(SplittableRandom random, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            double value;
            do {
                value = random.nextDouble(-10.0, 10.0);
            } while (indexOfOrMinusOne(values, i, value) >= 0);
            values[i] = value;
        }
        return values;
    }

    /** The index of {@code value} among the first {@code count} entries of {@code values}, or −1. */
    private static int indexOfOrMinusOne(double[] values, int count, double value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @Test
    @Order(7)
    @Points(2)
    @DisplayName("each next centre is drawn with probability ∝ D² to the nearest centre")
    void laterCentresFollowSquaredDistance() {
        // The points a + s·v for a random shift a and scale s > 0: moving and scaling the points changes no
        // probability below (every D² is multiplied by s²).
        SplittableRandom random = random("laterCentresFollowSquaredDistance");
        double a = random.nextDouble(-20.0, 20.0);
        double s = random.nextDouble(0.5, 3.0);
        // K = 2 on v = 0, 1, 3: after the first centre f the second is t with probability D²(t)/Σ D², e.g. after
        // 0, D² = (0, 1, 9)s²: 1 with probability 0.1 and 3 with 0.9 (D would give 0.25/0.75, uniform
        // 0.5/0.5). The draw counts are chosen so that every first choice (or pair) that matters is seen
        // hundreds of times: about 2000 times each here, and the pair (0, 10) about 1770 times below.
        double[] three = {a, a + s, a + 3.0 * s};
        checkNextCentre(random, line(three), three, 2, 6000);
        // K = 3 on v = 0, 2, 3, 10: the third centre is weighted by the distance to the NEAREST of the first
        // two. After 0 and 10, D² = (0, 4, 9, 0)s²: 2 with probability 4/13 ≈ 0.31; measured from 10 alone it
        // would be 64/113 ≈ 0.57.
        double[] four = {a, a + 2.0 * s, a + 3.0 * s, a + 10.0 * s};
        checkNextCentre(random, line(four), four, 3, 8000);
    }

    /** Draws K centres for {@code draws} seeds of the run and checks the last one given the ones before it. */
    private static void checkNextCentre(SplittableRandom random, DataMatrix data, double[] values, int k, int draws) {
        Map<List<Integer>, int[]> byPrefix = new HashMap<>();
        for (int draw = 0; draw < draws; draw++) {
            double[] centres = centres(data, k, random.nextLong());
            List<Integer> prefix = new ArrayList<>();
            for (int c = 0; c < k - 1; c++) {
                prefix.add(indexOf(values, centres[c]));
            }
            byPrefix.computeIfAbsent(prefix, p -> new int[values.length])[indexOf(values, centres[k - 1])]++;
        }
        for (Map.Entry<List<Integer>, int[]> entry : byPrefix.entrySet()) {
            int n = Arrays.stream(entry.getValue()).sum();
            // The probabilities come from the library's own D² (org.emgmm.em.KMeansPlusPlus), to the centres
            // drawn so far (the data are one-dimensional, so a centre is one value).
            double[] before = entry.getKey().stream().mapToDouble(chosen -> values[chosen]).toArray();
            double[] squared = KMeansPlusPlus.squaredDistances(data, before, before.length);
            double total = Arrays.stream(squared).sum();
            StringBuilder chosenBefore = new StringBuilder();
            for (int chosen : entry.getKey()) {
                chosenBefore.append(chosenBefore.length() == 0 ? "" : ", ").append(values[chosen]);
            }
            for (int i = 0; i < values.length; i++) {
                binomial(entry.getValue()[i], n, squared[i] / total, "how often " + values[i] + " is centre " + k
                        + " after " + chosenBefore + " (data " + Arrays.toString(values) + ")",
                        "u = random.nextDouble() · Σ D²; take the first i whose running sum of D² exceeds u, with D²"
                                + " the squared distance to the nearest centre so far");
            }
        }
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("with duplicates, D² makes the second centre certain")
    void duplicatesMakeTheChoiceCertain() {
        // Three copies of c and one c + δ: after a c the only point with D² > 0 is c + δ, and after c + δ every c
        // has D² = δ² and c + δ has 0, so for every seed the centres are {c, c + δ}.
        SplittableRandom random = random("duplicatesMakeTheChoiceCertain");
        double c = random.nextDouble(-10.0, 10.0);
        double other = c + (random.nextBoolean() ? 1 : -1) * random.nextDouble(1.0, 20.0);
        double[] values = {c, c, c, other};
        DataMatrix data = line(values);
        double[] expected = {Math.min(c, other), Math.max(c, other)};
        for (int draw = 0; draw < 100; draw++) {
            long seed = random.nextLong();
            double[] centres = centres(data, 2, seed);
            double[] sorted = centres.clone();
            Arrays.sort(sorted);
            Expect.that(Arrays.equals(expected, sorted), "centres for data " + Arrays.toString(values) + " and seed "
                    + seed, Arrays.toString(expected) + " (in some order)", Arrays.toString(centres),
                    "after a " + c + ", the three copies have D² = 0 and " + other + " has D² > 0: the second centre"
                            + " is drawn ∝ D², so it is " + other + " with probability 1 (and with a running sum"
                            + " compared by >, never a copy)");
        }
        aDrawOfZeroSkipsTheChosenPoints(Exercise8Test::centres, random);
        farPointIsAlwaysChosen(random);
    }

    /** SplittableRandom's increment: its state after n draws from new SplittableRandom(s) is s + n·γ. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    /**
     * A draw of u = 0 exactly, where the text's strict "running sum of D² &gt; u" matters: u = 0 comes from a
     * nextLong() of 0, which SplittableRandom gives when its state is 0 (its output mix is 0 at 0), so the seed
     * −2γ gives it as the second draw, the first being the first centre's nextInt(N). N = 3 to 8 copies of a
     * value c and one other value at neither index 0 nor the first centre's: after a first centre c the running
     * sum is 0 up to the other value, so "&gt; 0" takes that, and "≥ 0" takes index 0, a copy of the centre.
     */
    static void aDrawOfZeroSkipsTheChosenPoints(Centres centres, SplittableRandom random) {
        long seed = -2 * GOLDEN_GAMMA;
        int n = 3 + random.nextInt(6);
        SplittableRandom premise = new SplittableRandom(seed);
        int first = premise.nextInt(n);
        Expect.that(premise.nextDouble() == 0.0, "(test premise) the second draw of new SplittableRandom(" + seed
                + ")", 0.0, "another value", "this Java's SplittableRandom differs: tell your instructor");
        double c = random.nextDouble(-10.0, 10.0);
        double other = c + (random.nextBoolean() ? 1 : -1) * random.nextDouble(1.0, 20.0);
        double[] values = new double[n];
        java.util.Arrays.fill(values, c);
        int at = 1 + random.nextInt(n - 1);
        while (at == first) {
            at = 1 + random.nextInt(n - 1);
        }
        values[at] = other;
        double[] chosen = centres.of(line(values), 2, seed);
        double[] sorted = chosen.clone();
        Arrays.sort(sorted);
        double[] expected = {Math.min(c, other), Math.max(c, other)};
        Expect.that(Arrays.equals(expected, sorted), "centres for data " + Arrays.toString(values) + " and seed "
                + seed + " (whose u for the second centre is 0)", Arrays.toString(expected) + " (in some order)",
                Arrays.toString(chosen), chosen[0] == chosen[1] ? KnownMistakes.CUMULATIVE_SEARCH_NOT_STRICT
                        : "the first centre is x[nextInt(N)], a " + c + "; then u = nextDouble() · Σ D² and the"
                                + " smallest i whose running sum of D² is > u");
    }

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("squaredDistances measures to the nearest of the first count centres, and does not modify"
            + " centres (its comment: \"Not modified\")")
    void squaredDistances() {
        // Whole coordinates from −20 to 20, so that every squared distance is exact: (Δx)² + (Δy)² + … is a
        // whole number below 2⁵³ whatever the order of the sums. One centre is a data point itself (D² = 0
        // there), and the array holds one centre more than is measured against.
        SplittableRandom random = random("squaredDistances");
        for (int c = 0; c < 20; c++) {
            int n = 3 + random.nextInt(8);
            int d = 1 + random.nextInt(3);
            double[][] rows = new double[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = new double[d];
                for (int j = 0; j < d; j++) {
                    rows[i][j] = random.nextInt(-20, 21);
                }
            }
            DataMatrix data = DataMatrix.ofRows(rows);
            int count = 1 + random.nextInt(3);
            double[] centres = new double[(count + 1) * d];
            for (int j = 0; j < centres.length; j++) {
                centres[j] = random.nextInt(-20, 21);
            }
            System.arraycopy(rows[random.nextInt(n)], 0, centres, random.nextInt(count) * d, d);
            double[] expected = new double[n];
            double[] toTheLast = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = Double.POSITIVE_INFINITY;
                for (int centre = 0; centre < count; centre++) {
                    double squared = 0.0;
                    for (int j = 0; j < d; j++) {
                        squared += (rows[i][j] - centres[centre * d + j]) * (rows[i][j] - centres[centre * d + j]);
                    }
                    expected[i] = Math.min(expected[i], squared);
                    toTheLast[i] = squared;
                }
            }
            double[] actual = StudentCode.call("Ex8KMeansPlusPlus.squaredDistances(N=" + n + ", D=" + d + ", count "
                    + count + ")", () -> Ex8KMeansPlusPlus.squaredDistances(data, centres.clone(), count));
            Expect.arrayClose(expected, actual, 0.0, "D² to the nearest of the first " + count + " centres (N=" + n
                    + ", D=" + d + ")", "squared Euclidean distance, no square root, minimum over the first `count`"
                            + " centres only", List.of(KnownMistakes.Mistake.of("the distance to the last centre, not"
                            + " the nearest", toTheLast), KnownMistakes.Mistake.entrywise("the distance where its"
                            + " square belongs", Math::sqrt)));
        }
        // Its comment: "Not modified".
        Promises.squaredDistancesLeavesTheCentres((data, centres, count) -> StudentCode.call(
                "Ex8KMeansPlusPlus.squaredDistances(" + Expect.format(centres) + ", count " + count + ")",
                () -> Ex8KMeansPlusPlus.squaredDistances(data, centres, count)));
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("too few distinct points, or K < 1, is a DataException")
    void tooFewDistinctPoints() {
        SplittableRandom random = random("tooFewDistinctPoints");
        // One value three times, K = 2 or 3; two values, each twice, K = 3: Σ D² reaches 0 before K centres.
        double c = random.nextDouble(-10.0, 10.0);
        double other = c + random.nextDouble(1.0, 10.0);
        int k = 2 + random.nextInt(2);
        long seed = random.nextLong();
        DataMatrix same = line(c, c, c);
        StudentCode.expectThrows(DataException.class, "Ex8KMeansPlusPlus.centres(data " + c + " three times; K = " + k
                + ")", () -> Ex8KMeansPlusPlus.centres(same, k, seed),
                "when Σ D² is 0 no further distinct point exists: throw a DataException saying so");
        DataMatrix two = line(c, other, other, c);
        StudentCode.expectThrows(DataException.class, "Ex8KMeansPlusPlus.centres(two distinct values, each twice; K ="
                + " 3)", () -> Ex8KMeansPlusPlus.centres(two, 3, seed),
                "when Σ D² is 0 no further distinct point exists: throw a DataException saying so");
        int below = -random.nextInt(3);
        StudentCode.expectThrows(DataException.class, "Ex8KMeansPlusPlus.centres(K = " + below + ")",
                () -> Ex8KMeansPlusPlus.centres(line(c, other), below, seed),
                "refuse K < 1 with a DataException");
        farPointIsAlwaysChosen(random);
    }
}
