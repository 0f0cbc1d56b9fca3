package org.emgmm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Generators.Scenario;
import org.emgmm.testing.Generators.Spec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The generators keep the promises the property tests rely on. */
class GeneratorsTest {

    @TestFactory
    Stream<DynamicTest> scenariosAreWellConditioned() {
        return Cases.forAll("Generators.wellConditioned", random -> Generators.scenario(random, Spec.multivariate()),
                (scenario, random) -> {
                    GaussianMixture truth = scenario.truth();
                    int d = scenario.dimension();
                    int k = truth.components();
                    assertTrue(d >= 1 && d <= 6 && k >= 1 && k <= 5, scenario.toString());
                    assertEquals(k, scenario.start().components());
                    int n = scenario.points();
                    assertTrue(n >= Math.max(5, 3 * k * (d + 1)) && n <= Generators.MAX_POINTS, "N = " + n);
                    for (int c = 0; c < k; c++) {
                        assertTrue(truth.weight(c) >= 1.0 / (1.0 + 3.0 * (k - 1)) - 1e-15, "weight " + truth.weight(c));
                        // Trace and determinant bound the eigenvalues: each in [0.3, 3].
                        double[] sigma = truth.covariance(c);
                        double estimate = Reference.conditionEstimate(sigma, d);
                        assertTrue(estimate <= d * d * 10.0 + 1e-9, "condition estimate " + estimate);
                        for (int other = 0; other < c; other++) {
                            double squared = 0.0;
                            for (int j = 0; j < d; j++) {
                                double diff = truth.mean(c, j) - truth.mean(other, j);
                                squared += diff * diff;
                            }
                            assertTrue(Math.sqrt(squared) >= Generators.SEPARATION, "means " + c + " and " + other);
                        }
                    }
                });
    }

    @TestFactory
    Stream<DynamicTest> eigenvaluesAreThoseAskedFor() {
        return Cases.forAll("Generators.eigenvalues", random -> Generators.between(random, 1, 6), (d, random) -> {
            double[] q = Generators.rotation(random, d);
            double[] identity = Reference.multiply(Reference.transpose(q, d, d), q, d, d, d);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    assertEquals(i == j ? 1.0 : 0.0, identity[i * d + j], 1e-13, "QᵀQ = I");
                }
            }
            double[] eigenvalues = Generators.uniformVector(random, d, 0.3, 3.0);
            double[] a = Generators.withEigenvalues(q, eigenvalues);
            // A qⱼ = λⱼ qⱼ for each column qⱼ of Q.
            for (int column = 0; column < d; column++) {
                for (int i = 0; i < d; i++) {
                    double product = 0.0;
                    for (int m = 0; m < d; m++) {
                        product += a[i * d + m] * q[m * d + column];
                    }
                    assertEquals(eigenvalues[column] * q[i * d + column], product, 1e-12);
                }
            }
        });
    }

    @Test
    void theSameSeedGivesTheSameScenario() {
        Scenario one = Generators.scenario(new SplittableRandom(42), Spec.multivariate());
        Scenario two = Generators.scenario(new SplittableRandom(42), Spec.multivariate());
        assertEquals(one.truth(), two.truth());
        assertEquals(one.start(), two.start());
        assertEquals(one.points(), two.points());
        assertEquals(java.util.Arrays.toString(one.data().toFlatArray()), java.util.Arrays.toString(two.data().toFlatArray()));
    }

    @Test
    void univariateSpecGivesOneDimension() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 50; i++) {
            assertEquals(1, Generators.scenario(random, Spec.univariate()).dimension());
        }
    }
}
