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

    /**
     * The flat group of {@link FitWarningTest} again: component 0's points all have y = 5, so every fit
     * collapses it. Each summary line names it, as compare's table does, and standard error carries
     * compare's one warning line; the exit code stays 0.
     */
    @Test
    void aCollapsedComponentIsNamedOnEachLineAndWarnedOf() throws Exception {
        Path data = FitWarningTest.flatGroupData(directory);
        Path start = FitWarningTest.twoGroupStart(directory);
        CommandRun run = CommandRun.of("explore", "--data", data.toString(), "--init", start.toString(), "--race",
                "none", "--out", directory.resolve("page.html").toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        List<String> fitted = run.out().lines().filter(line -> line.contains(" iterations, ")).toList();
        assertFalse(fitted.isEmpty(), run.out());
        assertTrue(fitted.stream().allMatch(line -> line.endsWith(", collapsed 0")), run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(FitWarning.PREFIX + "component 0 collapsed in "), run.err());
    }

    /**
     * A sound fit warns of nothing: standard error stays empty. Nor does a notebook example that runs its
     * notebook's fixed number of iterations (tolerance 0), which cannot converge by design.
     */
    @Test
    void aSoundFitWarnsOfNothing() throws Exception {
        CommandRun run = CommandRun.of("explore", "--data", "old-faithful", "-k", "2", "--seed", "1", "--race",
                "none", "--out", directory.resolve("page.html").toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertEquals("", run.err());
        assertFalse(run.out().contains("collapsed") || run.out().contains("empty "), run.out());
        CommandRun fixed = CommandRun.of("explore", "--example", "seed-000", "--race", "none", "--out",
                directory.resolve("seed-000.html").toString());
        assertEquals(Main.EXIT_OK, fixed.code(), fixed.err());
        assertTrue(fixed.out().contains("100 iterations"), fixed.out());
        assertEquals("", fixed.err());
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
