package org.emgmm.grading;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.emgmm.model.GaussianMixture;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions for graded tests whose failures read
 * <pre>
 *   WHAT: expected EXPECTED, got ACTUAL; hint: HINT
 * </pre>
 * so that a student sees at once what was checked, what the right answer is, what their code gave,
 * and where to look. Numbers are compared with a relative tolerance:
 * |expected − actual| ≤ tolerance · max(1, |expected|).
 *
 * <p>The comparisons that take a list of {@link KnownMistakes.Mistake suspects} name the mistake in the
 * hint when a wrong answer is what one of them gives ("hint: your value is half the expected one: a
 * factor of 2 is missing; …"), and give the hint as written, what to check, otherwise.
 */
public final class Expect {

    private Expect() {
    }

    /** The failure "WHAT: expected E, got A; hint: H". */
    public static AssertionFailedError failure(String what, Object expected, Object actual, String hint) {
        return new AssertionFailedError(message(what, expected, actual, hint));
    }

    /** The same, with the exception that caused it (kept in the report for its stack trace). */
    public static AssertionFailedError failure(String what, Object expected, Object actual, String hint,
            Throwable cause) {
        return new AssertionFailedError(message(what, expected, actual, hint), cause);
    }

    static String message(String what, Object expected, Object actual, String hint) {
        return what + ": expected " + expected + ", got " + actual + "; hint: " + hint;
    }

    /** Fails unless {@code condition}. */
    public static void that(boolean condition, String what, Object expected, Object actual, String hint) {
        if (!condition) {
            throw failure(what, expected, actual, hint);
        }
    }

    /** Fails when {@code actual} is null. */
    public static <T> T notNull(T actual, String what, String hint) {
        that(actual != null, what, "a value", "null", hint);
        return actual;
    }

    /** |expected − actual| ≤ tolerance · max(1, |expected|), and actual is not NaN. */
    public static void close(double expected, double actual, double tolerance, String what, String hint) {
        if (!isClose(expected, actual, tolerance)) {
            throw failure(what, format(expected), format(actual), hint);
        }
    }

    /** {@link #close}, naming the mistake among {@code suspects} that gives {@code actual}, if any. */
    public static void close(double expected, double actual, double tolerance, String what, String hint,
            List<KnownMistakes.Mistake> suspects) {
        if (!isClose(expected, actual, tolerance)) {
            throw failure(what, format(expected), format(actual), KnownMistakes.hint(
                    KnownMistakes.identify(expected, actual, tolerance, suspects), hint));
        }
    }

    /** Whether actual is within the relative tolerance of expected (infinities must match exactly). */
    public static boolean isClose(double expected, double actual, double tolerance) {
        if (Double.isNaN(actual) || Double.isNaN(expected)) {
            return Double.isNaN(actual) && Double.isNaN(expected);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return expected == actual;
        }
        return Math.abs(expected - actual) <= tolerance * Math.max(1.0, Math.abs(expected));
    }

    /**
     * Same length, and every entry close (relative to the largest expected entry, at least 1); the
     * failure names the first entry that differs.
     *
     * @param what e.g. {@code "responsibilities r (flat, r[i][k] at i * K + k)"}
     */
    public static void arrayClose(double[] expected, double[] actual, double tolerance, String what, String hint) {
        notNull(actual, what, hint);
        that(expected.length == actual.length, what + " length", expected.length, actual.length, hint);
        double scale = 1.0;
        for (double value : expected) {
            if (Double.isFinite(value)) {
                scale = Math.max(scale, Math.abs(value));
            }
        }
        for (int i = 0; i < expected.length; i++) {
            boolean ok = Double.isFinite(expected[i])
                    ? Double.isFinite(actual[i]) && Math.abs(expected[i] - actual[i]) <= tolerance * scale
                    : expected[i] == actual[i];
            if (!ok) {
                throw failure(what + " at index " + i, format(expected[i]), format(actual[i]), hint);
            }
        }
    }

    /** {@link #arrayClose}, naming the mistake among {@code suspects} that gives {@code actual}, if any. */
    public static void arrayClose(double[] expected, double[] actual, double tolerance, String what, String hint,
            List<KnownMistakes.Mistake> suspects) {
        try {
            arrayClose(expected, actual, tolerance, what, hint);
        } catch (AssertionFailedError failure) {
            Optional<String> mistake = KnownMistakes.identify(expected, actual, tolerance, suspects);
            if (mistake.isEmpty()) {
                throw failure;
            }
            arrayClose(expected, actual, tolerance, what, KnownMistakes.hint(mistake, hint));
            throw failure;
        }
    }

    /**
     * {@link #mixtureClose}, naming the mistake among {@code suspects} that gives {@code actual}, if
     * any; the suspects are told the mixture as one array, {@link KnownMistakes#flat}.
     */
    public static void mixtureClose(GaussianMixture expected, GaussianMixture actual, double tolerance, String what,
            String hint, List<KnownMistakes.Mistake> suspects) {
        try {
            mixtureClose(expected, actual, tolerance, what, hint);
        } catch (AssertionFailedError failure) {
            Optional<String> mistake = actual == null ? Optional.empty()
                    : KnownMistakes.identifyMixture(expected, actual, tolerance, suspects);
            if (mistake.isEmpty()) {
                throw failure;
            }
            mixtureClose(expected, actual, tolerance, what, KnownMistakes.hint(mistake, hint));
            throw failure;
        }
    }

    /** Whether {@link #mixtureClose} would pass. */
    public static boolean isMixtureClose(GaussianMixture expected, GaussianMixture actual, double tolerance) {
        try {
            mixtureClose(expected, actual, tolerance, "", "");
            return true;
        } catch (AssertionFailedError failure) {
            return false;
        }
    }

    /** Weights, means and covariances all {@link #arrayClose}. */
    public static void mixtureClose(GaussianMixture expected, GaussianMixture actual, double tolerance, String what,
            String hint) {
        notNull(actual, what, hint);
        that(expected.components() == actual.components() && expected.dimension() == actual.dimension(),
                what + ": shape (K, D)", "(" + expected.components() + ", " + expected.dimension() + ")",
                "(" + actual.components() + ", " + actual.dimension() + ")", hint);
        arrayClose(expected.weights(), actual.weights(), tolerance, what + ": weights π", hint);
        arrayClose(expected.flatMeans(), actual.flatMeans(), tolerance,
                what + ": means (flat, μₖ[j] at k * D + j)", hint);
        arrayClose(expected.flatCovariances(), actual.flatCovariances(), tolerance,
                what + ": covariances (flat, Σₖ[a][b] at (k * D + a) * D + b)", hint);
    }

    /** A double with 15 significant digits, trailing zeros trimmed. */
    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return String.format(Locale.ROOT, "%.15g", value).replaceAll("\\.?0+(e|$)", "$1");
    }

    /** An array, at most its first 8 entries. */
    public static String format(double[] values) {
        if (values == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < Math.min(values.length, 8); i++) {
            text.append(i == 0 ? "" : ", ").append(format(values[i]));
        }
        return text.append(values.length > 8 ? ", … (" + values.length + " values)]" : "]").toString();
    }
}
