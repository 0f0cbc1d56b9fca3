package org.emgmm.grading.hidden;

import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.Responsibilities;
import org.emgmm.exercises.Ex5MStep;
import org.emgmm.grading.Exercise;
import org.emgmm.grading.Expect;
import org.emgmm.grading.Points;
import org.emgmm.grading.RunSeed;
import org.emgmm.grading.StudentCode;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Scenario;
import org.emgmm.testing.Generators.Spec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An example hidden test (see {@code hidden-tests/README.md}): two properties of the M-step that the
 * visible tests do not check one by one. Worth 5 points on top of the visible 100.
 *
 * <p>Each property has a second half that only an M-step that uses the responsibilities passes: an
 * M-step that ignores them (the plain mean and covariance of all the points, the previous mixture
 * returned) keeps both first halves, since reordering or scaling every point moves its answer exactly
 * as it should. The second halves give each point wholly to one component, where the M-step is the
 * plain mean and scatter of each group, and move points between groups, or scale one group alone.
 */
@Exercise(5)
@DisplayName("Exercise 5: M-step")
class Exercise5HiddenTest {

    private static final int CASES = 10;

    /**
     * Only the order of the additions, or the scale, changes between the M-steps compared: rounding,
     * relative to the largest entry.
     */
    private static final double TOLERANCE = 1e-10;

    private static GaussianMixture mStep(DataMatrix data, Responsibilities r, GaussianMixture previous,
            double regCovar, String what) {
        GaussianMixture next = StudentCode.call("Ex5MStep.mStep(" + what + ")",
                () -> Ex5MStep.mStep(data, r, previous, regCovar));
        return Expect.notNull(next, "Ex5MStep.mStep(" + what + ")", "return the new mixture");
    }

    /**
     * Hard responsibilities: point i wholly in component {@code labels[i]}, each of the K components given
     * at least two points.
     */
    private static int[] labels(SplittableRandom random, int n, int k) {
        int[] labels = new int[n];
        int[] order = Generators.permutation(random, n);
        for (int i = 0; i < n; i++) {
            labels[order[i]] = i < 2 * k ? i % k : random.nextInt(k);
        }
        return labels;
    }

    /** The N×K responsibilities of {@code labels}. */
    private static Responsibilities wholly(int[] labels, int k) {
        double[] values = new double[labels.length * k];
        for (int i = 0; i < labels.length; i++) {
            values[i * k + labels[i]] = 1.0;
        }
        return Responsibilities.wrap(labels.length, k, values);
    }

    @Test
    @Points(2)
    @DisplayName("the order of the points does not matter, but which point has which responsibility does")
    void pointOrderDoesNotMatter() {
        SplittableRandom random = RunSeed.forTest(Exercise5HiddenTest.class, "pointOrderDoesNotMatter");
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate().withComponents(2, 4));
            Responsibilities r = new LoopsEm().eStep(scenario.data(), scenario.start()).responsibilities();
            int[] order = Generators.permutation(random, scenario.points());
            int k = scenario.components();
            double[] values = r.toFlatArray();
            double[] reordered = new double[values.length];
            for (int i = 0; i < order.length; i++) {
                System.arraycopy(values, order[i] * k, reordered, i * k, k);
            }
            GaussianMixture original = mStep(scenario.data(), r, scenario.start(), 1e-6, "original order");
            GaussianMixture shuffled = mStep(scenario.data().withRows(order),
                    Responsibilities.wrap(order.length, k, reordered), scenario.start(), 1e-6, "shuffled points");
            Expect.mixtureClose(original, shuffled, TOLERANCE, "M-step on the same points in another order",
                    "every sum runs over all points with the point's own responsibility: no index may depend on"
                            + " the order");

            // Each point wholly in one component, then two points of components a ≠ b swap places while the
            // responsibilities stay where they were: xᵢ (of a) now sits where a point of b was, and xⱼ the other
            // way round. a's mean loses xᵢ and gains xⱼ, μₐ' = μₐ + (xⱼ − xᵢ)/Nₐ, and b's the opposite; the
            // points as a whole are the same, so an M-step that ignores the responsibilities sees no change.
            int[] labels = labels(random, scenario.points(), k);
            Responsibilities hard = wholly(labels, k);
            int i = random.nextInt(scenario.points());
            int j = random.nextInt(scenario.points());
            while (labels[j] == labels[i]) {
                j = random.nextInt(scenario.points());
            }
            int[] swap = new int[scenario.points()];
            for (int p = 0; p < swap.length; p++) {
                swap[p] = p == i ? j : p == j ? i : p;
            }
            GaussianMixture before = mStep(scenario.data(), hard, scenario.start(), 1e-6, "each point in one"
                    + " component");
            GaussianMixture after = mStep(scenario.data().withRows(swap), hard, scenario.start(), 1e-6,
                    "two points of different components swapped");
            int d = scenario.dimension();
            double[] expected = before.flatMeans();
            int a = labels[i];
            int b = labels[j];
            double na = java.util.Arrays.stream(labels).filter(label -> label == a).count();
            double nb = java.util.Arrays.stream(labels).filter(label -> label == b).count();
            for (int e = 0; e < d; e++) {
                double moved = scenario.data().get(j, e) - scenario.data().get(i, e);
                expected[a * d + e] += moved / na;
                expected[b * d + e] -= moved / nb;
            }
            Expect.arrayClose(expected, after.flatMeans(), TOLERANCE, "means after swapping a point of component " + a
                    + " with one of component " + b + " (the responsibilities left in place)",
                    "μₖ = Σᵢ r[i][k] xᵢ / Nₖ: each point counts for the components its own responsibilities name, so"
                            + " moving a point to another component's row moves the two means");
        }
    }

    @Test
    @Points(3)
    @DisplayName("scaling the data, or one component's points, scales the means by s and the covariances by s²")
    void scalingTheData() {
        SplittableRandom random = RunSeed.forTest(Exercise5HiddenTest.class, "scalingTheData");
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate().withComponents(2, 4));
            double s = random.nextDouble(1.5, 4.0);
            Responsibilities r = new LoopsEm().eStep(scenario.data(), scenario.start()).responsibilities();
            double[] scaled = scenario.data().toFlatArray();
            for (int index = 0; index < scaled.length; index++) {
                scaled[index] *= s;
            }
            DataMatrix bigger = new DataMatrix(scenario.points(), scenario.dimension(), scaled, null);
            // With reg-covar 0: μₖ is linear in the points and Σₖ quadratic, while Nₖ and πₖ do not change.
            GaussianMixture original = mStep(scenario.data(), r, scenario.start(), 0.0, "original data");
            GaussianMixture times = mStep(bigger, r, scenario.start(), 0.0, "data times " + s);
            double[] means = original.flatMeans();
            double[] covariances = original.flatCovariances();
            for (int index = 0; index < means.length; index++) {
                means[index] *= s;
            }
            for (int index = 0; index < covariances.length; index++) {
                covariances[index] *= s * s;
            }
            Expect.arrayClose(original.weights(), times.weights(), 1e-12, "weights for the data times " + s,
                    "πₖ = Nₖ/N depends on the responsibilities only");
            Expect.arrayClose(means, times.flatMeans(), TOLERANCE, "means for the data times " + s,
                    "μₖ = Σᵢ r[i][k] xᵢ / Nₖ is linear in the points");
            Expect.arrayClose(covariances, times.flatCovariances(), TOLERANCE, "covariances for the data times " + s,
                    "Σₖ is a weighted average of (xᵢ − μₖ)(xᵢ − μₖ)ᵀ: scaling x by s scales it by s²");

            // Each point wholly in one component, and only component g's points scaled by s: g's mean and
            // covariance scale as before, every other component stays as it was (its points did not move).
            int k = scenario.components();
            int[] labels = labels(random, scenario.points(), k);
            Responsibilities hard = wholly(labels, k);
            int g = random.nextInt(k);
            double[] some = scenario.data().toFlatArray();
            int d = scenario.dimension();
            for (int i = 0; i < scenario.points(); i++) {
                if (labels[i] == g) {
                    for (int e = 0; e < d; e++) {
                        some[i * d + e] *= s;
                    }
                }
            }
            GaussianMixture plain = mStep(scenario.data(), hard, scenario.start(), 0.0, "each point in one component");
            GaussianMixture one = mStep(new DataMatrix(scenario.points(), d, some, null), hard, scenario.start(), 0.0,
                    "component " + g + "'s points times " + s);
            double[] expectedMeans = plain.flatMeans();
            double[] expectedCovariances = plain.flatCovariances();
            for (int e = 0; e < d; e++) {
                expectedMeans[g * d + e] *= s;
            }
            for (int e = 0; e < d * d; e++) {
                expectedCovariances[g * d * d + e] *= s * s;
            }
            Expect.arrayClose(expectedMeans, one.flatMeans(), TOLERANCE, "means with only component " + g
                    + "'s points times " + s, "μₖ uses only the points with r[i][k] > 0: here component " + g + "'s"
                            + " alone scales, the others stay");
            Expect.arrayClose(expectedCovariances, one.flatCovariances(), TOLERANCE, "covariances with only component "
                    + g + "'s points times " + s, "Σₖ uses only the points with r[i][k] > 0, weighted by them");
        }
    }
}
