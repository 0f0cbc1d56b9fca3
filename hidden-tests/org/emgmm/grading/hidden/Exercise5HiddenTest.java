package org.emgmm.grading.hidden;

import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.Responsibilities;
import org.emgmm.exercises.Ex5MStep;
import org.emgmm.grading.Exercise;
import org.emgmm.grading.Expect;
import org.emgmm.grading.Points;
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
 */
@Exercise(5)
@DisplayName("Exercise 5: M-step")
class Exercise5HiddenTest {

    private static final int CASES = 10;
    private static final long SEED = 0x5E5E5E5L;

    private static GaussianMixture mStep(DataMatrix data, Responsibilities r, GaussianMixture previous,
            double regCovar, String what) {
        GaussianMixture next = StudentCode.call("Ex5MStep.mStep(" + what + ")",
                () -> Ex5MStep.mStep(data, r, previous, regCovar));
        return Expect.notNull(next, "Ex5MStep.mStep(" + what + ")", "return the new mixture");
    }

    @Test
    @Points(2)
    @DisplayName("the order of the points does not matter")
    void pointOrderDoesNotMatter() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate());
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
            // Only the order of the additions changes: rounding, relative to the largest entry.
            Expect.mixtureClose(original, shuffled, 1e-10, "M-step on the same points in another order",
                    "every sum runs over all points with the point's own responsibility: no index may depend on"
                            + " the order");
        }
    }

    @Test
    @Points(3)
    @DisplayName("scaling the data scales the means by s and the covariances by s²")
    void scalingTheData() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        double s = 3.0;
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate());
            Responsibilities r = new LoopsEm().eStep(scenario.data(), scenario.start()).responsibilities();
            double[] scaled = scenario.data().toFlatArray();
            for (int index = 0; index < scaled.length; index++) {
                scaled[index] *= s;
            }
            DataMatrix bigger = new DataMatrix(scenario.points(), scenario.dimension(), scaled, null);
            // With reg-covar 0: μₖ is linear in the points and Σₖ quadratic, while Nₖ and πₖ do not change.
            GaussianMixture original = mStep(scenario.data(), r, scenario.start(), 0.0, "original data");
            GaussianMixture times = mStep(bigger, r, scenario.start(), 0.0, "data times 3");
            double[] means = original.flatMeans();
            double[] covariances = original.flatCovariances();
            for (int index = 0; index < means.length; index++) {
                means[index] *= s;
            }
            for (int index = 0; index < covariances.length; index++) {
                covariances[index] *= s * s;
            }
            Expect.arrayClose(original.weights(), times.weights(), 1e-12, "weights for the data times 3",
                    "πₖ = Nₖ/N depends on the responsibilities only");
            Expect.arrayClose(means, times.flatMeans(), 1e-10, "means for the data times 3",
                    "μₖ = Σᵢ r[i][k] xᵢ / Nₖ is linear in the points");
            Expect.arrayClose(covariances, times.flatCovariances(), 1e-10, "covariances for the data times 3",
                    "Σₖ is a weighted average of (xᵢ − μₖ)(xᵢ − μₖ)ᵀ: scaling x by 3 scales it by 9");
        }
    }
}
