package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.emgmm.Implementations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code em-gmm compare}, as a user runs it: the main job, the three outputs agreeing, bad input. (The
 * notebook examples, {@code --example}, run in {@link CompareCommandIT}.)
 */
class CompareCommandTest {

    @TempDir
    Path directory;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private Path pages() {
        return directory.resolve("compare");
    }

    private Path json() {
        return directory.resolve("rows.json");
    }

    /** The README's main job (the exec:java arguments in pom.xml), with --out and --json in the temporary folder. */
    private CommandRun mainJob(String... more) {
        List<String> args = new ArrayList<>(List.of("compare", "--data", "old-faithful", "--components", "2", "--seed",
                "1", "--out", pages().toString(), "--json", json().toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void theMainJobWritesItsPageAndPictures() throws Exception {
        CommandRun run = mainJob();
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().contains("agreement: all 5 implementations that ran agree within 1e-9"), run.out());
        assertTrue(run.out().contains("page: " + pages().resolve("index.html")), run.out());
        for (String picture : List.of("traces", "timings", "clusters")) {
            for (String extension : List.of(".png", ".svg")) {
                Path file = pages().resolve(picture + extension);
                assertTrue(Files.size(file) > 1000, file + " is written");
            }
        }
        String page = Files.readString(pages().resolve("index.html"));
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertFalse(page.contains("http://") || page.contains("https://") || page.contains("<script"),
                "the page needs no network and runs no script");
        assertEquals(3, count(page, "<img "), "three pictures on the page");
        assertEquals(3, count(page, "src=\"data:image/png;base64,"), "every picture embedded");
    }

    /**
     * Old Faithful has 272 points, fewer than Timings.FEW_POINTS, so the main job races by default on
     * 20,000×10 with its own K and seed: one time per implementation that ran (univariate did not: D = 2),
     * in the text, the JSON and the explorer's timing groups.
     */
    @Test
    void theMainJobRacesOnAGeneratedCaseBecauseItsDataAreFew() throws Exception {
        CommandRun run = mainJob("--format", "svg");
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().contains("race case (timings only), 20,000×10, K = 2, full covariances, seed 1:"),
                run.out());
        JsonObject root = JsonParser.parseString(Files.readString(json())).getAsJsonObject();
        List<String> ran = new ArrayList<>();
        for (var element : root.getAsJsonArray("rows")) {
            if (!element.getAsJsonObject().get("iterations").isJsonNull()) {
                ran.add(element.getAsJsonObject().get("implementation").getAsString());
            }
        }
        JsonObject race = root.getAsJsonObject("race");
        assertEquals(20_000, race.get("rows").getAsInt());
        assertEquals(10, race.get("columns").getAsInt());
        assertEquals(2, race.get("components").getAsInt());
        assertEquals(ran, List.copyOf(race.getAsJsonObject("millisPerIteration").keySet()));
        String timesLine = run.out().lines().filter(line -> line.startsWith("  ms/iter: ")).findFirst().orElseThrow();
        for (String name : ran) {
            assertTrue(timesLine.contains(name + " "), timesLine + " times " + name);
        }
        String explorer = Files.readString(pages().resolve("explore.html"));
        assertTrue(explorer.contains("generated race case (seed 1)"), "the explorer has the race's timing group");
    }

    @Test
    void tableJsonAndPageAgree() throws Exception {
        CommandRun run = mainJob("--race", "none");
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        JsonObject root = JsonParser.parseString(Files.readString(json())).getAsJsonObject();
        assertTrue(root.get("race").isJsonNull(), "--race none: no race");
        assertFalse(run.out().contains("race case"), run.out());
        assertFalse(Files.readString(pages().resolve("explore.html")).contains("generated race case"),
                "--race none: the explorer has the data's timings only");
        JsonArray rows = root.getAsJsonArray("rows");
        String page = Files.readString(pages().resolve("index.html"));
        String body = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
        assertEquals(rows.size(), count(body, "<tr>"), "one page row per JSON row");
        List<String> tableLines = run.out().lines().filter(line -> Implementations.names().stream()
                .anyMatch(name -> line.startsWith(name + " "))).toList();
        assertEquals(rows.size(), tableLines.size(), run.out());
        assertEquals(root.get("agreement").getAsString(), run.out().lines()
                .filter(line -> line.startsWith("agreement:")).findFirst().orElseThrow());
        assertTrue(page.contains(root.get("agreement").getAsString()), "the page has the agreement line");
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.get(i).getAsJsonObject();
            String name = row.get("implementation").getAsString();
            assertTrue(tableLines.get(i).startsWith(name + " "), "row " + i + " of the table is " + name);
            for (String key : List.of("iterations", "converged", "meanLogLikelihood", "maxParameterDifference",
                    "millisPerIteration", "speedUpOverLoops", "error")) {
                assertTrue(row.has(key), name + " has " + key);
            }
            if (row.get("iterations").isJsonNull()) {
                assertTrue(tableLines.get(i).contains("skipped") || tableLines.get(i).contains("failed"),
                        tableLines.get(i));
                continue;
            }
            String meanLogLikelihood = String.format(Locale.ROOT, "%.10f", row.get("meanLogLikelihood").getAsDouble());
            assertTrue(tableLines.get(i).contains(meanLogLikelihood), tableLines.get(i) + " has " + meanLogLikelihood);
            assertTrue(body.contains("<td>" + name + "</td><td>" + row.get("iterations").getAsInt() + "</td>"),
                    "the page's row for " + name);
            assertTrue(body.contains("<td>" + meanLogLikelihood + "</td>"), "the page has " + meanLogLikelihood);
        }
    }

    @Test
    void univariateRunsOnOneColumn() throws Exception {
        CommandRun run = run("compare", "--data", "old-faithful", "--columns", "waiting", "--components", "2",
                "--race", "none", "--out", pages().toString(), "--json", json().toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        JsonArray rows = JsonParser.parseString(Files.readString(json())).getAsJsonObject().getAsJsonArray("rows");
        boolean univariateRan = false;
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.get(i).getAsJsonObject();
            univariateRan |= row.get("implementation").getAsString().equals("univariate") && !row.get("iterations").isJsonNull();
        }
        assertTrue(univariateRan, run.out());
        assertTrue(run.out().contains("agree within 1e-9"), run.out());
        assertFalse(Files.exists(pages().resolve("clusters.png")), "no clusters picture for one column");
    }

    /**
     * --covariance-type diag with --n-init 2: the table, the JSON and the page name the type and each row's
     * best run; the rows that ran fitted diag covariances; an implementation that keeps full covariances
     * only (the student's, when the exercises are built) is listed as not applicable, not failed.
     */
    @Test
    void aCovarianceTypeAndRestartsAreNamedInTheTableJsonAndPage() throws Exception {
        CommandRun run = run("compare", "--data", "old-faithful", "--components", "2", "--seed", "1",
                "--covariance-type", "diag", "--n-init", "2", "--max-iter", "30", "--format", "png", "--race", "3000x2",
                "--out", pages().toString(), "--json", json().toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().contains("race case (timings only), 3,000×2, K = 2, diag covariances"), run.out());
        assertTrue(run.out().contains("K = 2, diag covariances, best of 2 starts"), run.out());
        assertTrue(run.out().contains("covariance type: diag; each implementation ran the same 2 starts"), run.out());
        assertTrue(run.out().contains("best run"), run.out());
        JsonObject root = JsonParser.parseString(Files.readString(json())).getAsJsonObject();
        assertEquals("diag", root.get("covarianceType").getAsString());
        assertEquals(2, root.get("runs").getAsInt());
        String page = Files.readString(pages().resolve("index.html"));
        assertTrue(page.contains("<caption>covariance type: diag;"), "the page's table names the type");
        assertTrue(page.contains("<h1>em-gmm compare: old-faithful, K = 2, diag covariances</h1>"), "the title");
        assertTrue(page.contains("Diag: every ellipse&#39;s axes are parallel to the plot&#39;s axes"),
                "the clusters caption says what diag looks like");
        long[] seeds = org.emgmm.em.Restarts.seeds(1, 2);
        for (var element : root.getAsJsonArray("rows")) {
            JsonObject row = element.getAsJsonObject();
            String name = row.get("implementation").getAsString();
            if (row.get("iterations").isJsonNull()) {
                if (name.equals(Implementations.STUDENT_NAME) && Implementations.names().contains(name)) {
                    assertTrue(row.get("notApplicable").getAsString().contains("does not keep diag covariances"),
                            row.toString());
                }
                continue;
            }
            int best = row.get("bestRun").getAsInt();
            assertTrue(best == 1 || best == 2, name + " kept run " + best);
            assertEquals(seeds[best - 1], row.get("bestSeed").getAsLong(), name + "'s best seed");
            String tableLine = run.out().lines().filter(line -> line.startsWith(name + " ")).findFirst().orElseThrow();
            assertTrue(tableLine.endsWith(best + " of 2, seed " + seeds[best - 1]), tableLine);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--example,seed-009",
        "--example,seed-003,--data,old-faithful",
        "--example,seed-003,--components,4",
        "--example,seed-003,--max-iter,5",
        "--data,nope.csv,--components,2",
        "--data,old-faithful,--components,300",
        "--data,old-faithful",
        "--data,old-faithful,--components,2,--implementations,fast",
        "--data,old-faithful,--components,2,--threads,0",
        "--data,old-faithful,--components,2,--max-iter,-1",
        "--data,old-faithful,--components,2,--frobnicate",
        "--data,old-faithful,--components,2,--n-init,0",
        "--data,old-faithful,--components,2,--covariance-type,round",
        "--example,seed-003,--n-init,-1",
        "--data,old-faithful,--components,2,--race,20000",
        "--data,old-faithful,--components,2,--race,20000x0",
        "--data,old-faithful,--components,3,--race,2x2"})
    void badInputGetsOneLineAndWritesNothing(String arguments) {
        List<String> args = new ArrayList<>(List.of("compare"));
        args.addAll(List.of(arguments.split(",")));
        args.addAll(List.of("--out", pages().toString(), "--json", json().toString()));
        CommandRun run = run(args.toArray(String[]::new));
        assertEquals(Main.EXIT_BAD_INPUT, run.code(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("em-gmm: "), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertFalse(Files.exists(pages()), "no page folder after a refused command");
        assertFalse(Files.exists(json()), "no JSON after a refused command");
    }

    private static int count(String text, String what) {
        Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }


    /**
     * The flat group of {@link FitWarningTest}: component 0's points all have y = 5, so every implementation's
     * fit collapses it (y variance 0 + reg-covar). The table gains a column naming it, the JSON rows list it, and
     * standard error carries one warning line; the exit code stays 0.
     */
    @Test
    void aCollapsedComponentIsNamedInTheTableAndTheRowsAndWarnedOf() throws Exception {
        Path data = FitWarningTest.flatGroupData(directory);
        Path start = FitWarningTest.twoGroupStart(directory);
        CommandRun run = run("compare", "--data", data.toString(), "--init", start.toString(), "--race", "none",
                "--out", pages().toString(), "--json", json().toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().contains("empty / collapsed"), run.out());
        assertTrue(run.out().lines().anyMatch(line -> line.startsWith("vectorised") && line.endsWith("collapsed 0")),
                run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(FitWarning.PREFIX + "component 0 collapsed in vectorised"), run.err());
        JsonObject root = JsonParser.parseString(Files.readString(json())).getAsJsonObject();
        for (var row : root.getAsJsonArray("rows")) {
            JsonObject fields = row.getAsJsonObject();
            if (!fields.get("iterations").isJsonNull()) {
                assertEquals("[0]", fields.get("collapsedComponents").toString(), fields.toString());
                assertEquals("[]", fields.get("emptyComponents").toString(), fields.toString());
            }
        }
    }

    /** A sound fit: no extra column, nothing on standard error, and the rows say so with empty lists. */
    @Test
    void aSoundComparisonHasNoDegenerateColumnAndNoWarning() throws Exception {
        CommandRun run = mainJob("--race", "none");
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertFalse(run.out().contains("empty / collapsed"), run.out());
        assertEquals("", run.err());
        JsonObject first = JsonParser.parseString(Files.readString(json())).getAsJsonObject().getAsJsonArray("rows")
                .get(0).getAsJsonObject();
        assertEquals("[]", first.get("collapsedComponents").toString());
    }

    /**
     * compare --sample-weights: the weighted implementations give fit's weighted result from the same start, and
     * those that take no weights are skipped, saying so.
     */
    @Test
    void sampleWeightsGiveFitsWeightedResultAndSkipTheOthers() throws Exception {
        StringBuilder csv = new StringBuilder("x,y,w\n");
        for (int i = 0; i < 30; i++) {
            csv.append(String.format(Locale.ROOT, "%d.%d,%d.%d,%d%n", i % 7 + (i < 15 ? 0 : 20), i % 10,
                    (i * 3) % 11, i % 5, i % 3 + 1));
        }
        Path data = Files.writeString(directory.resolve("weighted.csv"), csv);
        Path model = directory.resolve("fit.json");
        CommandRun fit = run("fit", "--data", data.toString(), "--sample-weights", "w", "-k", "2", "--out",
                model.toString());
        assertEquals(Main.EXIT_OK, fit.code(), fit.err());
        CommandRun compare = run("compare", "--data", data.toString(), "--sample-weights", "w", "-k", "2", "--race",
                "none", "--out", pages().toString(), "--json", json().toString());
        assertEquals(Main.EXIT_OK, compare.code(), compare.err());
        assertTrue(compare.out().contains("explicit-pdf    skipped: explicit-pdf takes no sample weights"),
                compare.out());
        double fitted = JsonParser.parseString(Files.readString(model)).getAsJsonObject().get("logLikelihood")
                .getAsDouble();
        JsonObject vectorised = JsonParser.parseString(Files.readString(json())).getAsJsonObject()
                .getAsJsonArray("rows").get(0).getAsJsonObject();
        assertEquals("vectorised", vectorised.get("implementation").getAsString());
        double totalWeight = 0;
        for (int i = 0; i < 30; i++) {
            totalWeight += i % 3 + 1;
        }
        // the same fit, from the same start and seed: the same bits, per unit of weight
        assertEquals(fitted / totalWeight, vectorised.get("meanLogLikelihood").getAsDouble(),
                1e-15 * Math.abs(fitted / totalWeight));
    }

    /**
     * compare --sample-weights-file: the weights of a column, moved to a file of their own, give the same rows;
     * both sources at once, or a file beside --example, are refused in one line.
     */
    @Test
    void aWeightsFileGivesTheColumnsRows() throws Exception {
        StringBuilder withColumn = new StringBuilder("x,y,w\n");
        StringBuilder points = new StringBuilder("x,y\n");
        StringBuilder weights = new StringBuilder("w\n");
        for (int i = 0; i < 30; i++) {
            String xy = String.format(Locale.ROOT, "%d.%d,%d.%d", i % 7 + (i < 15 ? 0 : 20), i % 10, (i * 3) % 11,
                    i % 5);
            withColumn.append(xy).append(',').append(i % 3 + 1).append('\n');
            points.append(xy).append('\n');
            weights.append(i % 3 + 1).append('\n');
        }
        Path columnData = Files.writeString(directory.resolve("with-column.csv"), withColumn);
        Path data = Files.writeString(directory.resolve("points.csv"), points);
        Path file = Files.writeString(directory.resolve("weights.csv"), weights);
        Path columnJson = directory.resolve("column.json");
        CommandRun byColumn = run("compare", "--data", columnData.toString(), "--sample-weights", "w", "-k", "2",
                "--race", "none", "--out", pages().toString(), "--json", columnJson.toString());
        assertEquals(Main.EXIT_OK, byColumn.code(), byColumn.err());
        CommandRun byFile = run("compare", "--data", data.toString(), "--sample-weights-file", file.toString(), "-k",
                "2", "--race", "none", "--out", directory.resolve("file-pages").toString(), "--json",
                json().toString());
        assertEquals(Main.EXIT_OK, byFile.code(), byFile.err());
        var columnRows = JsonParser.parseString(Files.readString(columnJson)).getAsJsonObject().getAsJsonArray("rows");
        var fileRows = JsonParser.parseString(Files.readString(json())).getAsJsonObject().getAsJsonArray("rows");
        assertEquals(columnRows.size(), fileRows.size());
        for (int i = 0; i < columnRows.size(); i++) {
            JsonObject column = columnRows.get(i).getAsJsonObject();
            JsonObject fromFile = fileRows.get(i).getAsJsonObject();
            assertEquals(column.get("implementation"), fromFile.get("implementation"));
            assertEquals(column.get("iterations"), fromFile.get("iterations"), fromFile.toString());
            assertEquals(column.get("meanLogLikelihood"), fromFile.get("meanLogLikelihood"), fromFile.toString());
        }

        CommandRun both = run("compare", "--data", columnData.toString(), "--sample-weights", "w",
                "--sample-weights-file", file.toString(), "-k", "2", "--race", "none", "--out", pages().toString());
        assertEquals(Main.EXIT_BAD_INPUT, both.code());
        assertEquals(1, both.err().lines().count(), both.err());
        assertTrue(both.err().contains("give only one"), both.err());
        CommandRun example = run("compare", "--example", "seed-003", "--sample-weights-file", file.toString(),
                "--race", "none", "--out", pages().toString());
        assertEquals(Main.EXIT_BAD_INPUT, example.code());
        assertTrue(example.err().contains("leave out --sample-weights-file"), example.err());
    }
}
