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
 * <p>The frequency tests run the draw once for each seed 0, 1, 2, …, so they give the same counts on
 * every run. A count c of an outcome of probability p in n draws is binomial, with mean np and standard
 * deviation √(np(1 − p)); a test accepts |c − np| ≤ {@value #SIGMAS} standard deviations. A correct
 * draw misses such a bound with probability below 10⁻⁶ (normal approximation), while the usual wrong
 * rules (uniform, farthest point, D instead of D², distance to the last centre instead of the nearest)
 * are off by tens of standard deviations on these data.
 */
@Exercise(8)
@DisplayName("Exercise 8: k-means++")
class Exercise8Test {

    /** Half-width of the acceptance band, in binomial standard deviations. */
    private static final double SIGMAS = 5.0;

    private static DataMatrix line(double... values) {
        double[][] rows = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new double[] {values[i]};
        }
        return DataMatrix.ofRows(rows);
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
    @Order(3)
    @Points(1)
    @DisplayName("centres are distinct data points")
    void centresAreDistinctDataPoints() {
        SplittableRandom random = new SplittableRandom(0x8E8E8L);
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
    }

    @Test
    @Order(6)
    @Points(1)
    @DisplayName("the same seed gives the same centres, other seeds others")
    void seedFixesTheCentres() {
        DataMatrix data = Generators.scenario(new SplittableRandom(0x8E8E9L), Spec.multivariate().withComponents(3, 5))
                .data();
        Set<List<Double>> seen = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            double[] first = centres(data, 3, seed);
            double[] again = centres(data, 3, seed);
            Expect.that(Arrays.equals(first, again), "centres for seed " + seed + ", drawn twice",
                    Arrays.toString(first), Arrays.toString(again),
                    "draw only from new SplittableRandom(seed): no Math.random(), no shared or static generator");
            seen.add(Arrays.stream(first).boxed().toList());
        }
        // At least 18 points (see Generators.minimumPoints) and 20 seeds: the first centres alone differ
        // somewhere unless the seed is ignored.
        Expect.that(seen.size() > 1, "distinct results over seeds 0 to 19", "more than 1", seen.size(),
                "use the seed: new SplittableRandom(seed), not a fixed one");
    }

    @Test
    @Order(7)
    @Points(2)
    @DisplayName("the first centre is uniform over the points")
    void firstCentreIsUniform() {
        // K = 1 on four points: each should come first in a quarter of the draws, 1000 ± 137 of 4000.
        double[] values = {0.0, 1.0, 3.0, 7.0};
        DataMatrix data = line(values);
        int draws = 4000;
        int[] counts = new int[values.length];
        for (long seed = 0; seed < draws; seed++) {
            counts[indexOf(values, centres(data, 1, seed)[0])]++;
        }
        for (int i = 0; i < values.length; i++) {
            binomial(counts[i], draws, 0.25, "how often the point " + values[i] + " is the first centre",
                    "the first centre is x[random.nextInt(N)]: every point equally likely, not the first row");
        }
    }

    @Test
    @Order(8)
    @Points(2)
    @DisplayName("each next centre is drawn with probability ∝ D² to the nearest centre")
    void laterCentresFollowSquaredDistance() {
        // K = 2 on 0, 1, 3: after the first centre f the second is s with probability D²(s)/Σ D², e.g. after 0,
        // D² = (0, 1, 9): 1 with probability 0.1 and 3 with 0.9 (D would give 0.25/0.75, uniform 0.5/0.5).
        // The draw counts are chosen so that every first choice (or pair) that matters is seen hundreds of
        // times: about 2000 times each here, and the pair (0, 10) about 1770 times below.
        double[] three = {0.0, 1.0, 3.0};
        checkNextCentre(line(three), three, 2, 6000);
        // K = 3 on 0, 2, 3, 10: the third centre is weighted by the distance to the NEAREST of the first two.
        // After 0 and 10, D² = (0, 4, 9, 0): 2 with probability 4/13 ≈ 0.31; measured from 10 alone it would
        // be 64/113 ≈ 0.57.
        double[] four = {0.0, 2.0, 3.0, 10.0};
        checkNextCentre(line(four), four, 3, 8000);
    }

    /** Draws K centres for seeds 0 … draws − 1 and checks the last one given the ones before it. */
    private static void checkNextCentre(DataMatrix data, double[] values, int k, int draws) {
        Map<List<Integer>, int[]> byPrefix = new HashMap<>();
        for (long seed = 0; seed < draws; seed++) {
            double[] centres = centres(data, k, seed);
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
    @Order(4)
    @Points(1)
    @DisplayName("with duplicates, D² makes the second centre certain")
    void duplicatesMakeTheChoiceCertain() {
        // Three copies of 0 and one 10: after a 0 the only point with D² > 0 is 10, and after 10 every 0 has
        // D² = 100 and 10 has 0, so for every seed the centres are {0, 10}.
        double[] values = {0.0, 0.0, 0.0, 10.0};
        DataMatrix data = line(values);
        for (long seed = 0; seed < 100; seed++) {
            double[] centres = centres(data, 2, seed);
            double[] sorted = centres.clone();
            Arrays.sort(sorted);
            Expect.that(sorted[0] == 0.0 && sorted[1] == 10.0, "centres for data 0, 0, 0, 10 and seed " + seed,
                    "0 and 10 (in some order)", Arrays.toString(centres),
                    "after 0, the three 0s have D² = 0 and 10 has D² = 100: the second centre is drawn ∝ D², so it"
                            + " is 10 with probability 1 (and with a running sum compared by >, never a 0)");
        }
    }

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("squaredDistances measures to the nearest of the first count centres")
    void squaredDistances() {
        // Points (0,0), (3,4), (6,8); centres (0,0) and (6,8). From the first centre only, the squared
        // distances are 0, 3² + 4² = 25, 6² + 8² = 100; from both, the last point is itself a centre: 0.
        DataMatrix data = DataMatrix.ofRows(new double[][] {{0, 0}, {3, 4}, {6, 8}});
        double[] centres = {0, 0, 6, 8};
        double[] one = StudentCode.call("Ex8KMeansPlusPlus.squaredDistances(count 1)",
                () -> Ex8KMeansPlusPlus.squaredDistances(data, centres.clone(), 1));
        Expect.arrayClose(new double[] {0, 25, 100}, one, 0.0, "D² to the first centre (0, 0)",
                "squared Euclidean distance, no square root, only to the first `count` centres");
        double[] two = StudentCode.call("Ex8KMeansPlusPlus.squaredDistances(count 2)",
                () -> Ex8KMeansPlusPlus.squaredDistances(data, centres.clone(), 2));
        Expect.arrayClose(new double[] {0, 25, 0}, two, 0.0, "D² to the nearer of (0, 0) and (6, 8)",
                "take the minimum over the centres, not the distance to the last one");
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("too few distinct points, or K < 1, is a DataException")
    void tooFewDistinctPoints() {
        DataMatrix same = line(1.0, 1.0, 1.0);
        StudentCode.expectThrows(DataException.class, "Ex8KMeansPlusPlus.centres(data 1, 1, 1; K = 2)",
                () -> Ex8KMeansPlusPlus.centres(same, 2, 0L),
                "when Σ D² is 0 no further distinct point exists: throw a DataException saying so");
        StudentCode.expectThrows(DataException.class, "Ex8KMeansPlusPlus.centres(K = 0)",
                () -> Ex8KMeansPlusPlus.centres(line(1.0, 2.0), 0, 0L), "refuse K < 1 with a DataException");
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("squaredDistances does not modify centres (its comment: \"Not modified\")")
    void squaredDistancesLeavesTheCentres() {
        Promises.squaredDistancesLeavesTheCentres((data, centres, count) -> StudentCode.call(
                "Ex8KMeansPlusPlus.squaredDistances(" + Expect.format(centres) + ", count " + count + ")",
                () -> Ex8KMeansPlusPlus.squaredDistances(data, centres, count)));
    }
}
