package org.emgmm.data;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;
import org.emgmm.io.MixtureJson;
import org.emgmm.model.InvalidMixtureException;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the CSV and JSON readers: valid inputs mutated at random (bytes changed, inserted,
 * deleted, duplicated; quotes, commas, line ends and number-like text thrown in). The only allowed
 * outcomes are a parsed result or the project's own errors, {@link DataException} and
 * {@link InvalidMixtureException}, with a one-line message of bounded length. A failing case names its
 * seed: rerun it with {@link #csvCase(long)} or {@link #jsonCase(long)}.
 */
class ReadersFuzzTest {

    private static final long SEED = 20240917L;
    private static final int CASES = 2_500;

    private static final List<String> CSV_SEEDS = List.of(
            "eruptions,waiting\n3.6,79\n1.8,54\n3.333,74\n",
            "5.1,3.5,setosa\n4.9,3.0,setosa\n7.0,3.2,versicolor\n",
            "\"length, cm\",\"the \"\"name\"\"\"\n1.5,\"a, b\"\n2.5,c\n",
            "\uFEFFa, b\r\n 1 , 2\r\n\r\n3,4\r\n",
            "a,b,c\n-1.5e3,+.25,7\n1E-2,0.,-0\n");

    private static final List<String> JSON_SEEDS = List.of(
            "{\"weights\": [0.5, 0.5], \"means\": [[0, 0], [3, 3]],"
                    + " \"covariances\": [[[1, 0], [0, 1]], [[2, 0.5], [0.5, 1]]]}",
            "{\"weights\": [1], \"means\": [[1.5]], \"covariances\": [[[0.25]]], \"iterations\": 3}");

    /** Pieces a mutation inserts: the characters and words the readers treat specially. */
    private static final List<String> PIECES = List.of(",", "\"", "\"\"", "\n", "\r", "\r\n", " ", "\t", ";",
            "\0", "\uFEFF", "e", "E", "-", "+", ".", "1e999", "NaN", "-Infinity", "inf", "0", "9".repeat(40),
            "0.".repeat(30), "{", "}", "[", "]", ":", "null", "true", "\"weights\"", "[[", "]]", "\\", "\\u",
            "é", "\uD83D\uDE00", "\uD800", "1e-400", "x".repeat(300));

    @Test
    void theCsvReaderParsesOrRefusesWithItsOwnError() {
        SplittableRandom seeds = new SplittableRandom(SEED);
        for (int n = 0; n < CASES; n++) {
            csvCase(seeds.nextLong());
        }
    }

    @Test
    void theJsonReaderParsesOrRefusesWithItsOwnError() {
        SplittableRandom seeds = new SplittableRandom(SEED + 1);
        for (int n = 0; n < CASES; n++) {
            jsonCase(seeds.nextLong());
        }
    }

    /** One CSV case, fixed by its seed. */
    static void csvCase(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String text = mutate(CSV_SEEDS.get(random.nextInt(CSV_SEEDS.size())), random);
        List<String> columns = random.nextInt(4) == 0 ? List.of(String.valueOf(1 + random.nextInt(3))) : List.of();
        String labels = random.nextInt(4) == 0 ? String.valueOf(1 + random.nextInt(3)) : null;
        try {
            LabelledData loaded = CsvReader.parse(text, "fuzz.csv", columns, labels);
            assertTrue(loaded.data().rows() >= 1, "case seed " + seed);
        } catch (DataException e) {
            checkMessage(e, seed);
        } catch (RuntimeException | Error e) {
            fail("CSV case seed " + seed + " threw " + e + " on " + printable(text), e);
        }
    }

    /** One JSON case, fixed by its seed. */
    static void jsonCase(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String text = mutate(JSON_SEEDS.get(random.nextInt(JSON_SEEDS.size())), random);
        try {
            MixtureJson.fromJson(text, "fuzz.json");
        } catch (DataException | InvalidMixtureException e) {
            checkMessage(e, seed);
        } catch (RuntimeException | Error e) {
            fail("JSON case seed " + seed + " threw " + e + " on " + printable(text), e);
        }
    }

    private static void checkMessage(RuntimeException e, long seed) {
        String message = e.getMessage();
        assertTrue(message != null && !message.contains("\n") && !message.contains("\r"),
                "case seed " + seed + ": not one line: " + printable(String.valueOf(message)));
        assertTrue(message.length() < 700, "case seed " + seed + ": " + message.length() + " characters: "
                + printable(message));
    }

    /** One to six mutations of a valid input. */
    private static String mutate(String valid, SplittableRandom random) {
        StringBuilder text = new StringBuilder(valid);
        int mutations = 1 + random.nextInt(6);
        for (int m = 0; m < mutations; m++) {
            int at = text.length() == 0 ? 0 : random.nextInt(text.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> text.insert(at, PIECES.get(random.nextInt(PIECES.size())));
                case 1 -> {
                    if (at < text.length()) {
                        text.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (at < text.length()) {
                        text.setCharAt(at, (char) random.nextInt(128));
                    }
                }
                case 3 -> {
                    int end = Math.min(text.length(), at + random.nextInt(20));
                    text.insert(at, text.substring(at, end));
                }
                default -> {
                    int end = Math.min(text.length(), at + random.nextInt(10));
                    text.delete(at, end);
                }
            }
        }
        return text.toString();
    }

    private static String printable(String text) {
        String shown = text.length() > 300 ? text.substring(0, 300) + "…" : text;
        return "'" + shown.replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0") + "'";
    }
}
