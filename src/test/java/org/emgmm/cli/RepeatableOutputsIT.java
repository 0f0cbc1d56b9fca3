package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output that is not a timing is a pure function of the inputs, the options and the seed: each
 * command that writes one is run twice, into two folders, and the two outputs compared byte for byte.
 * The model files of {@code fit --out} and {@code select --out} hold no timing and are compared whole;
 * {@code compare --json} holds ms per iteration and speed-ups by design, and those keys (and only those)
 * are taken out before comparing. (An IT: compare's race case takes seconds.)
 */
class RepeatableOutputsIT {

    /** The keys of compare's JSON that are clock readings, and so differ from run to run. */
    private static final List<String> TIMING_KEYS = List.of("millisPerIteration", "speedUpOverLoops");

    @TempDir
    Path directory;

    /**
     * Runs {@code args} (where {@code OUT} stands for the run's folder) in two folders and checks that the
     * file {@code output} in each, or standard output when it is null, has the same bytes after
     * {@code masked}.
     */
    private void sameTwice(String output, Function<String, String> masked, String... args) throws IOException {
        List<byte[]> outputs = new ArrayList<>();
        for (String run : List.of("one", "two")) {
            Path folder = Files.createDirectories(directory.resolve(run));
            String[] typed = java.util.Arrays.stream(args).map(a -> a.replace("OUT", folder.toString()))
                    .toArray(String[]::new);
            CommandRun result = CommandRun.of(typed);
            assertEquals(Main.EXIT_OK, result.code(), String.join(" ", typed) + ": " + result.err());
            String text = output == null ? result.out() : Files.readString(folder.resolve(output));
            assertFalse(text.isEmpty(), String.join(" ", typed));
            outputs.add(masked.apply(text).getBytes(StandardCharsets.UTF_8));
        }
        assertArrayEquals(outputs.get(0), outputs.get(1), String.join(" ", args));
    }

    private void sameTwice(String output, String... args) throws IOException {
        sameTwice(output, Function.identity(), args);
    }

    /** A model both runs read: written once, outside the two runs' folders. */
    private String model() {
        Path model = directory.resolve("iris-model.json");
        if (!Files.exists(model)) {
            CommandRun fit = CommandRun.of("fit", "--data", "iris", "-k", "3", "--seed", "2", "--out", model.toString());
            assertEquals(Main.EXIT_OK, fit.code(), fit.err());
        }
        return model.toString();
    }

    @Test
    void fitWritesTheSameModelFileTwice() throws IOException {
        sameTwice("m.json", "fit", "--data", "iris", "-k", "3", "--n-init", "2", "--seed", "4", "--out", "OUT/m.json");
        String json = Files.readString(directory.resolve("one/m.json"));
        assertFalse(json.contains("millisPerIteration"), "the model file holds no timing");
    }

    @Test
    void fitWithItsModelOnStandardOutputPrintsTheSameBytesTwice() throws IOException {
        sameTwice(null, "fit", "--data", "old-faithful", "-k", "2", "--seed", "1", "--out", "-");
    }

    @Test
    void selectWritesTheSameModelFileAndTableTwice() throws IOException {
        String[] select = {"select", "--data", "iris", "--components", "1..3", "--seed", "5", "--out", "OUT/m.json",
            "--table", "OUT/t.csv"};
        sameTwice("m.json", select);
        sameTwice("t.csv", select);
    }

    @Test
    void predictionsAreTheSameBytesTwice() throws IOException {
        for (String command : List.of("predict", "predict-proba", "score-samples")) {
            sameTwice("p.csv", command, "--model", model(), "--data", "iris", "--out", "OUT/p.csv");
            sameTwice(null, command, "--model", model(), "--data", "iris");
        }
    }

    @Test
    void sampleAndGenerateDrawTheSameBytesTwice() throws IOException {
        sameTwice("s.csv", "sample", "--model", model(), "--points", "500", "--seed", "3", "--out", "OUT/s.csv");
        sameTwice(null, "sample", "--model", model(), "--points", "500", "--seed", "3");
        sameTwice("g.csv", "generate", "--setup", "seed-002", "--out", "OUT/g.csv");
        sameTwice(null, "generate", "--model", model(), "--points", "500");
    }

    @Test
    void compareWritesTheSameRowsTwiceBesideItsTimings() throws IOException {
        sameTwice("rows.json", RepeatableOutputsIT::withoutTimings, "compare", "--data", "old-faithful",
                "--components", "2", "--seed", "1", "--out", "OUT/page", "--json", "OUT/rows.json");
        String json = Files.readString(directory.resolve("one/rows.json"));
        assertTrue(json.contains("millisPerIteration"), "compare's JSON keeps its timings");
    }

    /** Compare's JSON with its timing keys removed from every row and from the race case. */
    private static String withoutTimings(String json) {
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        for (JsonElement row : root.getAsJsonArray("rows")) {
            TIMING_KEYS.forEach(row.getAsJsonObject()::remove);
        }
        if (root.get("race").isJsonObject()) {
            TIMING_KEYS.forEach(root.getAsJsonObject("race")::remove);
        }
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(root);
    }
}
