package org.emgmm.grading;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The seed of one grading run, from which every graded test draws its random inputs. It is drawn
 * afresh for each run, so that no answer can be learnt from an earlier run's inputs, and written into
 * the report ({@code results.json} and the score table), so that a failure can be replayed exactly:
 * <pre>
 *   mvn test -Demgmm.grade.seed=0x5DEECE66D0A1B2C3         # the same inputs as the run that printed it
 *   mvn test -Dexercise=4 -Demgmm.grade.seed=0x5DEECE66D0A1B2C3
 * </pre>
 * Each test gets a generator of its own, {@link #forTest}: the run's seed mixed with the test's class and
 * name, so that two tests never see the same numbers, and a test's inputs do not change when another
 * test is added, removed or left out with {@code -Dexercise}.
 *
 * <p>The seed is read from the system property {@value #PROPERTY} (decimal, or hexadecimal with
 * {@code 0x}); without it, it is drawn from {@link SecureRandom} (or, should that fail, from the clock)
 * once per JVM. The expected values never depend on the seed through a stored number: each test derives
 * them, or takes them from an independent implementation (the library, {@code org.emgmm.testing.Reference}),
 * for whatever inputs the seed gives.
 */
public final class RunSeed {

    /** The system property that fixes the run's seed, e.g. {@code -Demgmm.grade.seed=0x5DEECE66D0A1B2C3}. */
    public static final String PROPERTY = "emgmm.grade.seed";

    /** The run's seed, or null when {@value #PROPERTY} could not be read (then {@link #PROBLEM} says why). */
    private static final Long SEED;

    /** Why {@value #PROPERTY} could not be read; null when it could (or was not given). */
    private static final String PROBLEM;

    static {
        Long seed = null;
        String problem = null;
        String given = System.getProperty(PROPERTY);
        if (given == null || given.isBlank()) {
            seed = fresh();
        } else {
            try {
                seed = parse(given);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        SEED = seed;
        PROBLEM = problem;
    }

    private RunSeed() {
    }

    /**
     * The run's seed.
     *
     * @return the seed given with {@value #PROPERTY}, or the one drawn for this run
     * @throws IllegalArgumentException when {@value #PROPERTY} is not a number, in one line saying what it takes
     */
    public static long value() {
        if (SEED == null) {
            throw new IllegalArgumentException(PROBLEM);
        }
        return SEED;
    }

    /**
     * The run's seed as the report shows it and {@value #PROPERTY} takes it back.
     *
     * @return e.g. {@code 0x5DEECE66D0A1B2C3}, or a note when {@value #PROPERTY} was not a number
     */
    public static String text() {
        return SEED == null ? "none (" + PROBLEM + ")" : format(SEED);
    }

    /**
     * The option that replays this run's random inputs.
     *
     * @return e.g. {@code -Demgmm.grade.seed=0x5DEECE66D0A1B2C3}
     */
    public static String replayOption() {
        return "-D" + PROPERTY + "=" + text();
    }

    /**
     * The generator of one test's random inputs: the run's seed mixed with the test's name. Every call
     * with the same class and name in the same run gives the same numbers, so a helper that has to see a
     * test's inputs again (to explain a failure, say) asks for them the same way.
     *
     * @param testClass the class of the graded test, e.g. {@code Exercise4Test.class}
     * @param test      the test method's name, or any name for a group of inputs
     * @return a generator of its own
     * @throws IllegalArgumentException when {@value #PROPERTY} is not a number
     */
    public static SplittableRandom forTest(Class<?> testClass, String test) {
        return new SplittableRandom(mix(mix(value()) ^ hash(testClass.getName() + "#" + test)));
    }

    /**
     * A seed in the report's form.
     *
     * @param seed a seed
     * @return {@code 0x} and 16 hexadecimal digits, upper case
     */
    public static String format(long seed) {
        return String.format(Locale.ROOT, "0x%016X", seed);
    }

    /**
     * Reads a seed as {@value #PROPERTY} gives it.
     *
     * @param text decimal ({@code -123}) or hexadecimal ({@code 0x5DEECE66D0A1B2C3}, all 64 bits)
     * @return the seed
     * @throws IllegalArgumentException in one line naming the forms it takes
     */
    public static long parse(String text) {
        String trimmed = text.strip();
        try {
            if (trimmed.startsWith("0x") || trimmed.startsWith("0X")) {
                return Long.parseUnsignedLong(trimmed.substring(2), 16);
            }
            return Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + text + " is not a seed: give the number the"
                    + " report printed, e.g. -D" + PROPERTY + "=0x5DEECE66D0A1B2C3 (or a decimal number)");
        }
    }

    /** A seed nobody can know before the run: from the operating system's generator, else from the clock. */
    private static long fresh() {
        try {
            return new SecureRandom().nextLong();
        } catch (RuntimeException e) {
            return mix(System.nanoTime() ^ System.currentTimeMillis() << 20);
        }
    }

    /** A 64-bit hash of a name (FNV-1a over its UTF-8 bytes): the same on every machine and Java version. */
    static long hash(String name) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001B3L;
        }
        return hash;
    }

    /**
     * Stafford's mix 13 (the finaliser of {@link SplittableRandom}): nearby inputs give unrelated outputs, so
     * the generators of two tests never run along the same sequence shifted.
     */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
