package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code em-gmm explore}, as a user runs it: the explorer page alone, with the same runs as {@code compare}'s
 * (checked against compare's JSON rows), and its race group.
 */
class ExploreCommandTest {

    @TempDir
    Path directory;

    /**
     * explore writes one file and nothing else, and its summary gives, for each implementation, the
     * iterations and final mean log-likelihood that compare's JSON gives for the same arguments.
     */
    @Test
    void itWritesOnePageAndSummarisesCompareRuns() throws Exception {
        Path page = directory.resolve("page.html");
        Path json = directory.resolve("rows.json");
        List<String> same = List.of("--data", "iris", "-k", "3", "--seed", "2", "--covariance-type", "diag",
                "--race", "none");
        CommandRun explore = CommandRun.of(Stream.concat(Stream.of("explore"), Stream.concat(same.stream(),
                Stream.of("--out", page.toString()))).toArray(String[]::new));
        assertEquals(Main.EXIT_OK, explore.code(), explore.err());
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(page), files.toList(), "only the page");
        }
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>"), "an HTML page");
        assertFalse(html.contains("generated race case"), "--race none: no race group");

        CommandRun compare = CommandRun.of(Stream.concat(Stream.of("compare"), Stream.concat(same.stream(),
                Stream.of("--out", directory.resolve("compare").toString(), "--format", "svg", "--json",
                        json.toString()))).toArray(String[]::new));
        assertEquals(Main.EXIT_OK, compare.code(), compare.err());
        List<String> lines = explore.out().lines().toList();
        assertEquals(compare.out().lines().findFirst().orElseThrow(), lines.get(0), "the same data line");
        var rows = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonArray("rows");
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.get(i).getAsJsonObject();
            String line = lines.get(1 + i);
            assertTrue(line.startsWith(row.get("implementation").getAsString() + " "), line);
            if (row.get("iterations").isJsonNull()) {
                assertTrue(line.contains("skipped") || line.contains("not applicable"), line);
            } else {
                assertTrue(line.contains(row.get("iterations").getAsInt() + " iterations"), line);
                assertTrue(line.contains(String.format(Locale.ROOT, "mean log-likelihood %.10f",
                        row.get("meanLogLikelihood").getAsDouble())), line);
            }
        }
        assertEquals("explorer: " + page + " (every iteration, 150 of 150 shown)", lines.get(lines.size() - 1));
    }

    /** On data of fewer than Timings.FEW_POINTS points, the page gets the default race's timing group. */
    @Test
    void onFewPointsThePageHasTheRaceGroup() throws Exception {
        Path page = directory.resolve("explore.html");
        CommandRun explore = CommandRun.of("explore", "--data", "old-faithful", "-k", "2", "--seed", "5",
                "--implementations", "vectorised,loops", "--out", page.toString());
        assertEquals(Main.EXIT_OK, explore.code(), explore.err());
        String html = Files.readString(page);
        assertTrue(html.contains("generated race case (seed 5)"), "the race's timing group, seeded from --seed");
        assertTrue(html.contains("\"size\":\"20,000×10, K \\u003d 2\""), "the default race's size, = escaped by Gson");
    }
}
