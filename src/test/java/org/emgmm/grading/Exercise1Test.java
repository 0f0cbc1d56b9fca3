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

    /** Agreement with the library's density and with the closed forms: both are a handful of roundings. */
    private static final double TOLERANCE = 1e-12;

    /** Random cases per test, drawn from the run's seed ({@link RunSeed}): new ones in every run. */
    private static final int CASES = 200;

    /** Cases of the tests built around one closed form: enough that no answer can be guessed. */
    private static final int FORM_CASES = 20;

    /** The generator of one test's inputs. */
    private static SplittableRandom random(String test) {
        return RunSeed.forTest(Exercise1Test.class, test);
    }

    /** A mean μ in [−100, 100]. */
    private static double mean(SplittableRandom random) {
        return random.nextDouble(-100.0, 100.0);
    }

    /** A variance σ² from e^−4 to e^4, never within a factor e^0.5 of 1 (where σ and σ² would be alike). */
    private static double variance(SplittableRandom random) {
        double log = random.nextDouble(0.5, 4.0);
        return Math.exp(random.nextBoolean() ? log : -log);
    }

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

    /** A normal density N(x | μ, σ²): the student's, or one with a mistake planted ({@code KnownMistakesTest}). */
    @FunctionalInterface
    interface Pdf {
        double of(double x, double mean, double variance);
    }

    /** The student's pdf, called through {@link StudentCode}. */
    static final Pdf STUDENT_PDF = Exercise1Test::pdf;

    /**
     * The hint for a wrong density: float arithmetic named when the answer is right to float's precision
     * only, else {@code check}.
     */
    private static String pdfHint(double expected, double actual, String check) {
        return KnownMistakes.hint(KnownMistakes.floatArithmetic(expected, actual), check);
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
        pdfAtTheMean(STUDENT_PDF);
    }

    static void pdfAtTheMean(Pdf method) {
        // At x = μ the exponent is 0, so N(μ | μ, σ²) = 1/√(2πσ²): the constant alone, for random μ and σ².
        SplittableRandom random = random("pdfAtTheMean");
        for (int c = 0; c < FORM_CASES; c++) {
            double mean = mean(random);
            double variance = variance(random);
            double expected = 1.0 / Math.sqrt(2.0 * Math.PI * variance);
            double actual = method.of(mean, mean, variance);
            Expect.close(expected, actual, TOLERANCE, "pdf(" + mean + ", " + mean + ", " + variance + ")",
                    pdfHint(expected, actual, "the normalising constant is 1/√(2π σ²), with the variance σ² under"
                            + " the root"));
        }
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("pdf takes the variance, not the standard deviation")
    void pdfTakesTheVariance() {
        pdfTakesTheVariance(STUDENT_PDF);
    }

    static void pdfTakesTheVariance(Pdf method) {
        // A few standard deviations s·σ from the mean: N(x | μ, σ²) = exp(−(x − μ)²/(2σ²)) / √(2πσ²), with
        // x − μ as the double x − μ gives it (so that the expected value has the rounding of x itself).
        // Reading σ² as the standard deviation would give exp(−(x − μ)²/(2σ⁴)) / √(2πσ⁴) instead.
        SplittableRandom random = random("pdfTakesTheVariance");
        for (int c = 0; c < FORM_CASES; c++) {
            double mean = mean(random);
            double variance = variance(random);
            double x = mean + (random.nextBoolean() ? 1 : -1) * random.nextDouble(0.5, 3.0) * Math.sqrt(variance);
            double deviation = x - mean;
            double expected = Math.exp(-deviation * deviation / (2.0 * variance)) / Math.sqrt(2.0 * Math.PI * variance);
            double squared = variance * variance;
            double actual = method.of(x, mean, variance);
            Expect.close(expected, actual, TOLERANCE, "pdf(" + x + ", " + mean + ", " + variance + ")",
                    pdfHint(expected, actual, "the third argument is the variance σ², as in GaussianMixture: divide"
                            + " (x − μ)² by 2σ², not by 2σ⁴ or 2σ"), List.of(KnownMistakes.Mistake.of("what reading"
                            + " the variance as the standard deviation gives", Math.exp(-deviation * deviation
                            / (2.0 * squared)) / Math.sqrt(2.0 * Math.PI * squared))));
        }
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("pdf matches the library on random points")
    void pdfMatchesTheLibrary() {
        pdfMatchesTheLibrary(STUDENT_PDF);
    }

    static void pdfMatchesTheLibrary(Pdf method) {
        SplittableRandom random = random("pdfMatchesTheLibrary");
        for (int c = 0; c < CASES; c++) {
            double mean = random.nextDouble(-100.0, 100.0);
            double variance = Math.exp(random.nextDouble(-4.0, 4.0));
            double x = mean + random.nextGaussian() * 3.0 * Math.sqrt(variance);
            double expected = Math.exp(libraryLogPdf(x, mean, variance));
            double actual = method.of(x, mean, variance);
            // Relative to the density itself: it may be far below 1.
            Expect.that(Math.abs(expected - actual) <= TOLERANCE * expected, "pdf(" + x + ", " + mean + ", "
                    + variance + ")", Expect.format(expected), Expect.format(actual),
                    pdfHint(expected, actual, "N(x | μ, σ²) = exp(−(x − μ)²/(2σ²)) / √(2πσ²)"));
        }
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("logPdf matches the library on random points")
    void logPdfMatchesTheLibrary() {
        SplittableRandom random = random("logPdfMatchesTheLibrary");
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
        // k = 40 to 60 standard deviations from the mean: log N = −½ log(2πσ²) − (x − μ)²/(2σ²), about
        // −½ log(2πσ²) − k²/2 ≤ −800, an ordinary number, while the density exp(−800) is below the
        // smallest positive double (about 4.9e-324) and rounds to 0.
        SplittableRandom random = random("logPdfInTheFarTail");
        for (int c = 0; c < FORM_CASES; c++) {
            double mean = mean(random);
            double variance = variance(random);
            double x = mean + (random.nextBoolean() ? 1 : -1) * random.nextDouble(40.0, 60.0) * Math.sqrt(variance);
            double deviation = x - mean;
            double exponent = deviation * deviation / (2.0 * variance);
            double expected = -0.5 * Math.log(2.0 * Math.PI * variance) - exponent;
            double actual = logPdf(x, mean, variance);
            Expect.close(expected, actual, TOLERANCE, "logPdf(" + x + ", " + mean + ", " + variance + ")",
                    actual == Double.NEGATIVE_INFINITY
                            ? "Math.log(pdf(...)) is log 0 = −∞ this far out: expand the logarithm by hand"
                            : "log N(x | μ, σ²) = −½ log(2πσ²) − (x − μ)²/(2σ²), both terms",
                    List.of(KnownMistakes.Mistake.of("what leaving out the constant −½ log(2πσ²) gives", -exponent)));
        }
    }
}
