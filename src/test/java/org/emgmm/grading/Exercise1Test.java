package org.emgmm.grading;

import java.util.List;
import java.util.SplittableRandom;
import org.emgmm.exercises.Ex1NormalPdf;
import org.emgmm.model.GaussianMixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Graded: exercise 1, the univariate normal density and its logarithm ({@link Ex1NormalPdf}). */
@Exercise(1)
@DisplayName("Exercise 1: normal density")
class Exercise1Test {

    /** Agreement with the library's density: both are a handful of roundings. */
    private static final double TOLERANCE = 1e-12;

    /** Random cases per property; the seed makes them the same on every run. */
    private static final int CASES = 200;
    private static final long SEED = 0x1E1E1L;

    /** The library's log N(x | μ, σ²): a one-component, one-dimensional mixture. */
    private static double libraryLogPdf(double x, double mean, double variance) {
        GaussianMixture single = GaussianMixture.ofFlat(1, 1, new double[] {1.0}, new double[] {mean},
                new double[] {variance});
        return single.logComponentDensity(0, new double[] {x});
    }

    private static double pdf(double x, double mean, double variance) {
        return StudentCode.call("Ex1NormalPdf.pdf(" + x + ", " + mean + ", " + variance + ")",
                () -> Ex1NormalPdf.pdf(x, mean, variance));
    }

    private static double logPdf(double x, double mean, double variance) {
        return StudentCode.call("Ex1NormalPdf.logPdf(" + x + ", " + mean + ", " + variance + ")",
                () -> Ex1NormalPdf.logPdf(x, mean, variance));
    }

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("pdf at the mean is 1/√(2πσ²)")
    void pdfAtTheMean() {
        // At x = μ the exponent is 0, so N(μ | μ, σ²) = 1/√(2πσ²); with σ² = 4 that is 1/√(8π).
        Expect.close(1.0 / Math.sqrt(8.0 * Math.PI), pdf(3.0, 3.0, 4.0), TOLERANCE, "pdf(3, 3, 4)",
                "the normalising constant is 1/√(2π σ²), with the variance σ² under the root");
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("pdf takes the variance, not the standard deviation")
    void pdfTakesTheVariance() {
        // One standard deviation (σ = 2 for σ² = 4) from the mean: exp(−(2)²/(2·4)) / √(8π) = e^(−1/2) / √(8π).
        // Reading 4 as the standard deviation would give exp(−4/32)/√(32π) instead.
        Expect.close(Math.exp(-0.5) / Math.sqrt(8.0 * Math.PI), pdf(5.0, 3.0, 4.0), TOLERANCE, "pdf(5, 3, 4)",
                "the third argument is the variance σ², as in GaussianMixture: divide (x − μ)² by 2σ², not by 2σ⁴"
                        + " or 2σ");
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("pdf matches the library on random points")
    void pdfMatchesTheLibrary() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int c = 0; c < CASES; c++) {
            double mean = random.nextDouble(-100.0, 100.0);
            double variance = Math.exp(random.nextDouble(-4.0, 4.0));
            double x = mean + random.nextGaussian() * 3.0 * Math.sqrt(variance);
            double expected = Math.exp(libraryLogPdf(x, mean, variance));
            double actual = pdf(x, mean, variance);
            // Relative to the density itself: it may be far below 1.
            Expect.that(Math.abs(expected - actual) <= TOLERANCE * expected, "pdf(" + x + ", " + mean + ", "
                    + variance + ")", Expect.format(expected), Expect.format(actual),
                    "N(x | μ, σ²) = exp(−(x − μ)²/(2σ²)) / √(2πσ²)");
        }
    }

    @Test
    @Order(5)
    @Points(2)
    @DisplayName("logPdf matches the library on random points")
    void logPdfMatchesTheLibrary() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int c = 0; c < CASES; c++) {
            double mean = random.nextDouble(-100.0, 100.0);
            double variance = Math.exp(random.nextDouble(-4.0, 4.0));
            double x = mean + random.nextGaussian() * 3.0 * Math.sqrt(variance);
            Expect.close(libraryLogPdf(x, mean, variance), logPdf(x, mean, variance), TOLERANCE,
                    "logPdf(" + x + ", " + mean + ", " + variance + ")",
                    "log N(x | μ, σ²) = −½ log(2π σ²) − (x − μ)² / (2σ²)");
        }
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("logPdf stays finite 40 standard deviations out")
    void logPdfInTheFarTail() {
        // log N(40 | 0, 1) = −½ log 2π − 40²/2 = −½ log 2π − 800 ≈ −800.92, an ordinary number, while the
        // density exp(−800.92) is below the smallest positive double (about 4.9e-324) and rounds to 0.
        double expected = -0.5 * Math.log(2.0 * Math.PI) - 800.0;
        double actual = logPdf(40.0, 0.0, 1.0);
        Expect.close(expected, actual, TOLERANCE, "logPdf(40, 0, 1)", actual == Double.NEGATIVE_INFINITY
                ? "Math.log(pdf(...)) is log 0 = −∞ this far out: expand the logarithm by hand"
                : "log N(x | μ, σ²) = −½ log(2πσ²) − (x − μ)²/(2σ²), both terms",
                List.of(KnownMistakes.Mistake.of("what leaving out the constant −½ log(2πσ²) gives", -800.0)));
    }
}
