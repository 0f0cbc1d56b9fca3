package org.emgmm.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.emgmm.explicitpdf.ExplicitPdfEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Cases;
import org.emgmm.testing.Generators;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The explicit-pdf implementation's textbook density, 1/√((2π)^D det Σ) · exp(−½ (x − μ)ᵀ Σ⁻¹ (x − μ)),
 * equals exp of {@link GaussianMixture#logComponentDensity} (Cholesky, log space) within 1e-10
 * relative wherever neither underflows (both above 1e-300), at points from near the mean out to about
 * 50 standard deviations.
 */
class ExplicitPdfDensityTest {

    /** Densities below this are left out: exp of a log-density near −690 has lost its last digits. */
    private static final double SMALLEST_COMPARED = 1e-300;

    /** A random mixture (D in 1..6, K in 1..3) and points at random distances from its components. */
    record Input(GaussianMixture mixture, List<double[]> points) {
        @Override
        public String toString() {
            return "D=" + mixture.dimension() + " K=" + mixture.components() + " points=" + points.size();
        }
    }

    private static Input input(SplittableRandom random) {
        int d = Generators.between(random, 1, 6);
        GaussianMixture mixture = Generators.mixture(random, d, Generators.between(random, 1, 3));
        List<double[]> points = new ArrayList<>();
        for (int p = 0; p < 40; p++) {
            double[] direction = Generators.unitVector(random, d);
            double distance = 50.0 * Math.pow(random.nextDouble(), 2);
            double[] x = mixture.mean(random.nextInt(mixture.components()));
            for (int j = 0; j < d; j++) {
                x[j] += distance * direction[j];
            }
            points.add(x);
        }
        return new Input(mixture, points);
    }

    @TestFactory
    Stream<DynamicTest> explicitDensityIsExpOfLogDensity() {
        return Cases.forAll("ExplicitPdf.explicitDensityIsExpOfLogDensity", ExplicitPdfDensityTest::input,
                (input, random) -> {
                    GaussianMixture mixture = input.mixture();
                    for (double[] x : input.points()) {
                        for (int k = 0; k < mixture.components(); k++) {
                            double explicit = ExplicitPdfEm.density(mixture, k, x);
                            double expected = Math.exp(mixture.logComponentDensity(k, x));
                            assertTrue(explicit >= 0.0 && Double.isFinite(explicit),
                                    "explicit density " + explicit + " is not a finite non-negative number");
                            if (explicit > SMALLEST_COMPARED && expected > SMALLEST_COMPARED) {
                                double relative = Math.abs(explicit - expected) / expected;
                                assertTrue(relative <= 1e-10, "component " + k + ": explicit density " + explicit
                                        + " but exp(log density) " + expected + " (relative difference " + relative + ")");
                            }
                        }
                    }
                });
    }
}
