package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of model files and sample-weights files through the whole command line, as a user
 * gives them: each case ends with exit code 0, or exit code 2 and one line on standard error; never
 * "unexpected … this is a bug" (an {@code ArithmeticException}, {@code NegativeArraySizeException} or
 * {@code ArrayIndexOutOfBoundsException} reaching the top), never a stack trace.
 *
 * <p>Model files are built from random shapes, not mutated text (ReadersFuzzTest does that for the JSON
 * reader alone): K, the length of each mean, the rows and row lengths of each covariance drawn apart,
 * including the sizes whose products pass an int (a mean of 46,341 or 65,536 values). Weights files
 * have too few or too many rows and values from zero to 1e308, denormals, NaN, signs and text. A
 * failing case names its seed: rerun it with {@link #modelCase(long)} or {@link #weightsCase(long)}.
 *
 * <p>An IT: every case is a run of the command line in this JVM, and a thousand of them take seconds.
 */
class ModelAndWeightsFuzzIT {

    private static final long SEED = 20261206L;

    /** Cases per corpus: the survey found its 17 failures in 2,000 of each. */
    private static final int CASES = 1_000;

    /** Mean lengths that are ordinary, and the two whose square first passes an int and wraps it to 0. */
    private static final int[] DIMENSIONS = {1, 2, 2, 2, 3, 46_341, 65_536};

    /** Weight values: ordinary, zero, denormal, extreme, not finite, negative, not a number at all. */
    private static final List<String> WEIGHTS = List.of("1", "2.5", "0", "1e-320", "1e-12", "1e308", "1e309", "NaN",
            "-1", "Infinity", "", "x", "3");

    private static Path folder;

    @BeforeAll
    static void folder() throws IOException {
        folder = Files.createTempDirectory("fuzz-model-weights");
    }

    @AfterAll
    static void removeFolder() throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void modelFilesOfAnyShapeEndInExitZeroOrOneLine() throws IOException {
        SplittableRandom seeds = new SplittableRandom(SEED);
        for (int n = 0; n < CASES; n++) {
            modelCase(seeds.nextLong());
        }
    }

    @Test
    void weightsFilesOfAnyContentEndInExitZeroOrOneLine() throws IOException {
        SplittableRandom seeds = new SplittableRandom(SEED + 1);
        for (int n = 0; n < CASES; n++) {
            weightsCase(seeds.nextLong());
        }
    }

    /** One model case, fixed by its seed: a model file of random shapes given to predict, score or sample. */
    static void modelCase(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Path model = folder.resolve("model.json");
        Files.writeString(model, model(random), StandardCharsets.UTF_8);
        Path out = folder.resolve("out.csv");
        Files.deleteIfExists(out);
        String[] args = switch (random.nextInt(3)) {
            case 0 -> new String[] {"predict", "--data", "old-faithful", "--model", model.toString(), "--out",
                    out.toString()};
            case 1 -> new String[] {"score", "--data", "old-faithful", "--model", model.toString()};
            default -> new String[] {"sample", "--model", model.toString(), "--points", "3", "--seed", "1", "--out",
                    out.toString()};
        };
        check(CommandRun.of(args), "model case seed " + seed);
    }

    /** One weights case, fixed by its seed: a weights file of random length and values given to fit. */
    static void weightsCase(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Path data = folder.resolve("data.csv");
        int rows = 6 + random.nextInt(6);
        StringBuilder points = new StringBuilder("a,b\n");
        for (int i = 0; i < rows; i++) {
            points.append(i % 3 * 5 + random.nextDouble()).append(',').append(random.nextGaussian()).append('\n');
        }
        Files.writeString(data, points, StandardCharsets.UTF_8);
        Path weights = folder.resolve("weights.csv");
        int lines = rows + (random.nextInt(4) == 0 ? random.nextInt(5) - 2 : 0);
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "w\n" : "");
        String common = WEIGHTS.get(random.nextInt(WEIGHTS.size()));
        for (int i = 0; i < lines; i++) {
            // Mostly one value for every row (scaled weights), sometimes a different one here and there.
            text.append(random.nextInt(3) == 0 ? WEIGHTS.get(random.nextInt(WEIGHTS.size())) : common).append('\n');
        }
        Files.writeString(weights, text, StandardCharsets.UTF_8);
        Path out = folder.resolve("out.json");
        Files.deleteIfExists(out);
        check(CommandRun.of("fit", "--data", data.toString(), "--sample-weights-file", weights.toString(), "-k",
                String.valueOf(1 + random.nextInt(3)), "--max-iter", "20", "--seed", "1", "--out", out.toString()),
                "weights case seed " + seed + " (" + printable(text.toString()) + ")");
    }

    /** Exit 0, or exit 2 with one line that is not a bug report. */
    private static void check(CommandRun run, String name) {
        assertFalse(run.err().contains("this is a bug"), name + ": " + run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), name + ": " + run.err());
        if (run.code() != Main.EXIT_OK) {
            assertEquals(Main.EXIT_BAD_INPUT, run.code(), name + ": " + run.err());
            assertTrue(run.err().startsWith("em-gmm: "), name + ": " + run.err());
            assertEquals(1, run.err().lines().count(), name + ": " + run.err());
        }
    }

    /** A model file of random shapes: usually consistent, often one shape off, sometimes a huge mean. */
    private static String model(SplittableRandom random) {
        int k = 1 + random.nextInt(3);
        int d = DIMENSIONS[random.nextInt(DIMENSIONS.length)];
        int weights = random.nextInt(6) == 0 ? k + random.nextInt(3) - 1 : k;
        List<String> means = new ArrayList<>();
        List<String> covariances = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            int meanLength = random.nextInt(6) == 0 ? Math.max(0, d + random.nextInt(3) - 1) : d;
            means.add(vector(meanLength, random));
            // A covariance as large as the mean says only for small D: a 46,341² one would not be written.
            int rows = d > 3 || random.nextInt(6) == 0 ? 1 + random.nextInt(3) : d;
            List<String> matrix = new ArrayList<>();
            for (int a = 0; a < rows; a++) {
                int length = random.nextInt(8) == 0 ? 1 + random.nextInt(3) : rows;
                StringBuilder row = new StringBuilder("[");
                for (int b = 0; b < length; b++) {
                    row.append(b > 0 ? "," : "").append(a == b ? 1 + random.nextInt(3) : random.nextInt(5) == 0 ? 2 : 0);
                }
                matrix.add(row.append(']').toString());
            }
            covariances.add("[" + String.join(",", matrix) + "]");
        }
        List<String> w = new ArrayList<>();
        for (int c = 0; c < weights; c++) {
            w.add(random.nextInt(8) == 0 ? WEIGHTS.get(random.nextInt(WEIGHTS.size())) : Double.toString(1.0 / k));
        }
        return "{\"weights\": [" + String.join(",", w.stream().map(v -> v.isEmpty() || v.equals("x") ? "\"x\"" : v)
                .toList()) + "], \"means\": [" + String.join(",", means) + "], \"covariances\": ["
                + String.join(",", covariances) + "]}";
    }

    private static String vector(int length, SplittableRandom random) {
        StringBuilder values = new StringBuilder("[");
        for (int j = 0; j < length; j++) {
            values.append(j > 0 ? "," : "").append(random.nextInt(100));
        }
        return values.append(']').toString();
    }

    private static String printable(String text) {
        String shown = text.length() > 120 ? text.substring(0, 120) + "…" : text;
        return shown.replace("\n", "\\n");
    }
}
