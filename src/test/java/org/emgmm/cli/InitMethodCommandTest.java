package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** {@code --init-method} and {@code --n-init} on the command line. */
class InitMethodCommandTest {

    @Test
    void kmeansWithThreeRestartsFitsIris() {
        CommandRun run = CommandRun.of("fit", "--data", "iris", "--components", "3", "--init-method", "kmeans",
                "--n-init", "3", "--seed", "1");
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().contains("best of 3 runs"), run.out());
    }

    @Test
    void everyMethodFitsIris() {
        for (String method : new String[] {"random-points", "random-responsibilities", "k-means++", "kmeans"}) {
            CommandRun run = CommandRun.of("fit", "--data", "iris", "--components", "3", "--init-method", method,
                    "--seed", "4", "--max-iter", "20");
            assertEquals(Main.EXIT_OK, run.code(), method + ": " + run.err());
        }
    }

    @Test
    void theReportedRunIsTheBestAndWhole() {
        CommandRun run = CommandRun.of("fit", "--data", "iris", "--components", "3", "--init-method", "k-means++",
                "--n-init", "4", "--seed", "2", "--max-iter", "30", "--out", "-");
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        String text = json.toString();
        JsonArray trace = findArray(json, "logLikelihoodTrace");
        int iterations = findInt(json, "iterations");
        assertEquals(iterations, trace.size() - 1, text);
        assertTrue(run.err().contains("best of 4 runs"), run.err());
    }

    @Test
    void theOutputDoesNotDependOnTheThreadCount() {
        String[] base = {"fit", "--data", "iris", "--components", "3", "--init-method", "kmeans", "--n-init", "3",
            "--seed", "5", "--out", "-", "--threads"};
        CommandRun one = CommandRun.of(with(base, "1"));
        CommandRun two = CommandRun.of(with(base, "2"));
        assertEquals(Main.EXIT_OK, one.code(), one.err());
        assertEquals(one.out(), two.out());
    }

    @Test
    void zeroRestartsIsOneLineAndExitTwo() {
        String line = CommandRun.of("fit", "--data", "iris", "-k", "3", "--n-init", "0").badInputLine();
        assertTrue(line.contains("--n-init"), line);
    }

    @Test
    void anUnknownMethodIsOneLineAndExitTwo() {
        String line = CommandRun.of("fit", "--data", "iris", "-k", "3", "--init-method", "kmedoids").badInputLine();
        assertTrue(line.contains("'kmedoids'") && line.contains("k-means++"), line);
        String compare = CommandRun.of("compare", "--data", "iris", "-k", "3", "--init-method", "kmedoids")
                .badInputLine();
        assertTrue(compare.contains("'kmedoids'"), compare);
    }

    @Test
    void restartsWithAnInitFileIsOneLineAndExitTwo() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("start", ".json");
        try {
            java.nio.file.Files.writeString(file, "{\"weights\": [1], \"means\": [[0, 0]], \"covariances\":"
                    + " [[[1, 0], [0, 1]]]}");
            String line = CommandRun.of("fit", "--data", "old-faithful", "--init", file.toString(), "--n-init", "2")
                    .badInputLine();
            assertTrue(line.contains("--n-init"), line);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    private static String[] with(String[] base, String last) {
        String[] args = java.util.Arrays.copyOf(base, base.length + 1);
        args[base.length] = last;
        return args;
    }

    private static JsonArray findArray(JsonObject json, String name) {
        if (json.has(name)) {
            return json.getAsJsonArray(name);
        }
        for (String key : json.keySet()) {
            if (json.get(key).isJsonObject()) {
                JsonArray found = findArray(json.getAsJsonObject(key), name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static int findInt(JsonObject json, String name) {
        if (json.has(name)) {
            return json.get(name).getAsInt();
        }
        for (String key : json.keySet()) {
            if (json.get(key).isJsonObject() && findArray(json.getAsJsonObject(key), "logLikelihoodTrace") != null) {
                return findInt(json.getAsJsonObject(key), name);
            }
        }
        throw new AssertionError(name + " not in " + json);
    }
}
