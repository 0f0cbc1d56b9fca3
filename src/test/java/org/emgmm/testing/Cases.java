package org.emgmm.testing;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/**
 * Seeded random cases for property tests, as JUnit Jupiter dynamic tests.
 *
 * <p>A property is a name, a generator that turns a {@link SplittableRandom} into an input, and a
 * check of that input. {@link #forAll} returns one {@link DynamicTest} per case, for a
 * {@code @TestFactory} method to return:
 * <pre>
 *   &#64;TestFactory
 *   Stream&lt;DynamicTest&gt; rowsSumToOne() {
 *       return Cases.forAll("rows sum to one", random -&gt; Generators.scenario(random, spec),
 *               (scenario, random) -&gt; ...assertions...);
 *   }
 * </pre>
 *
 * <p>Reproducibility. Case i of a property has the seed {@code mix(hash(name) + (i + 1) · γ)}: it
 * depends on the property's name and i only, so every run checks the same cases, on every machine.
 * The case's display name holds its seed, e.g. {@code case 17 [seed=0x5DEECE66D0A1B2C3] D=3 K=2 N=120}.
 * The generator draws from {@code new SplittableRandom(seed).split()} and the check from the next
 * {@code split()}, so a case is fully determined by its seed.
 *
 * <p>System properties (Surefire hands {@code -D} options of the {@code mvn} command line to the
 * test JVM):
 * <ul>
 *   <li>{@value #CASES_PROPERTY}: the number of cases per property, default {@value #DEFAULT_CASES};
 *       e.g. {@code mvn test -Demgmm.cases=1000}.</li>
 *   <li>{@value #SEED_PROPERTY}: run just one case per property, with this seed (hexadecimal with
 *       {@code 0x}, or decimal), e.g.
 *       {@code mvn test -Dtest='LoopsEmContractTest#agreesWithReference' -Demgmm.seed=0x5DEECE66D0A1B2C3}.</li>
 * </ul>
 * A failing case's message starts with the seed and the option that reruns it.
 */
public final class Cases {

    /** System property: cases per property. */
    public static final String CASES_PROPERTY = "emgmm.cases";

    /** System property: the seed of the one case to run. */
    public static final String SEED_PROPERTY = "emgmm.seed";

    /** Cases per property when {@value #CASES_PROPERTY} is not set. */
    public static final int DEFAULT_CASES = 100;

    /** The golden-ratio increment of SplitMix64: consecutive cases get well-spread seeds. */
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private Cases() {
    }

    /** A check of one generated input; it may draw more randomness from {@code random}. */
    @FunctionalInterface
    public interface Check<T> {
        void check(T input, SplittableRandom random) throws Throwable;
    }

    /**
     * One dynamic test per case of a property.
     *
     * @param property  the property's name: it fixes the seeds, so keep it stable
     * @param generator makes a case's input from a seeded random source; the input's {@code toString}
     *                  becomes part of the display name (e.g. {@code D=3 K=2 N=120})
     * @param check     asserts the property of one input
     */
    public static <T> Stream<DynamicTest> forAll(String property, Function<SplittableRandom, T> generator,
            Check<T> check) {
        return forAll(property, caseCount(), generator, check);
    }

    /**
     * As {@link #forAll(String, Function, Check)}, with {@code cases} cases instead of
     * {@link #caseCount()}: for a property run once per variant (e.g. per covariance type) that shares
     * the count out among its variants.
     */
    public static <T> Stream<DynamicTest> forAll(String property, int cases, Function<SplittableRandom, T> generator,
            Check<T> check) {
        Long rerun = requestedSeed();
        if (rerun != null) {
            return Stream.of(dynamicCase(property, "rerun", rerun, generator, check));
        }
        long base = hash(property);
        return LongStream.range(0, cases)
                .mapToObj(i -> dynamicCase(property, "case " + i, seedOf(base, i), generator, check));
    }

    /** The seed of case {@code index} (0-based) of a property. */
    public static long seed(String property, long index) {
        return seedOf(hash(property), index);
    }

    /** How many cases each property runs: {@value #CASES_PROPERTY}, or {@value #DEFAULT_CASES}. */
    public static int caseCount() {
        String value = System.getProperty(CASES_PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_CASES;
        }
        int count = Integer.parseInt(value.trim());
        if (count < 1) {
            throw new IllegalArgumentException(CASES_PROPERTY + " must be at least 1, got " + count);
        }
        return count;
    }

    /** The seed written as in display names: {@code 0x} and 16 upper-case hexadecimal digits. */
    public static String formatSeed(long seed) {
        return String.format("0x%016X", seed);
    }

    /** Reads a seed written as {@code 0x…} (hexadecimal, up to 16 digits) or as a decimal number. */
    public static long parseSeed(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("0x") || trimmed.startsWith("0X")) {
            return Long.parseUnsignedLong(trimmed.substring(2), 16);
        }
        return Long.parseLong(trimmed);
    }

    private static Long requestedSeed() {
        String value = System.getProperty(SEED_PROPERTY);
        return value == null || value.isBlank() ? null : parseSeed(value);
    }

    private static <T> DynamicTest dynamicCase(String property, String label, long seed,
            Function<SplittableRandom, T> generator, Check<T> check) {
        String seedText = formatSeed(seed);
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom generation = root.split();
        SplittableRandom checking = root.split();
        T input;
        try {
            input = generator.apply(generation);
        } catch (RuntimeException | Error e) {
            // A generator bug still shows up as one failing case that names its seed.
            String name = label + " [seed=" + seedText + "] (generation failed)";
            return DynamicTest.dynamicTest(name, () -> {
                throw failure(property, name, seedText, e);
            });
        }
        String name = label + " [seed=" + seedText + "] " + input;
        return DynamicTest.dynamicTest(name, () -> {
            try {
                check.check(input, checking);
            } catch (TestAbortedException e) {
                throw e;
            } catch (Throwable e) {
                throw failure(property, name, seedText, e);
            }
        });
    }

    /**
     * The failure of a case, its message naming the case and the option that reruns it: Surefire's
     * reports show dynamic tests by index, not by display name, so the message carries both.
     */
    private static AssertionError failure(String property, String caseName, String seedText, Throwable cause) {
        return new AssertionError("property '" + property + "' failed on " + caseName + " (rerun just this case with -D"
                + SEED_PROPERTY + "=" + seedText + "): " + cause, cause);
    }

    private static long seedOf(long base, long index) {
        return mix(base + (index + 1) * GAMMA);
    }

    /** 64-bit FNV-1a of the name's UTF-8 bytes, then mixed. */
    static long hash(String name) {
        long h = 0xCBF29CE484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    /** SplitMix64's finaliser: a bijection on longs that spreads every input bit over the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
