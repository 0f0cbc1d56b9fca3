package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.emgmm.data.Datasets;
import org.emgmm.data.LabelledData;
import org.emgmm.io.MixtureJson;
import org.emgmm.model.GaussianMixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code em-gmm bench} and {@code fit --threads}, as a user runs them. */
class BenchCommandTest {

    @TempDir
    Path directory;


    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private Path csv() {
        return directory.resolve("bench.csv");
    }

    @Test
    void aSmallCaseGivesATableAndTheSameRowsAsCsv() throws Exception {
        CommandRun run = run("bench", "--n", "500", "--d", "3", "--k", "2", "--iterations", "3",
                "--implementations", "vectorised,loops", "--threads", "2", "--csv", csv().toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().contains("flop model: 2·N·K·D²"), run.out());
        assertTrue(run.out().contains("median of 5 runs"), run.out());
        assertTrue(run.out().lines().anyMatch(line -> line.startsWith("custom") && line.contains("vectorised")
                && line.endsWith("×")), run.out());
        List<String> lines = Files.readAllLines(csv());
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("case,n,d,k,implementation,threads,iterations,millisPerIteration,"));
        assertTrue(lines.get(1).startsWith("custom,500,3,2,vectorised,2,3,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("custom,500,3,2,loops,1,3,"), lines.get(2));
    }

    @Test
    void exportWritesEachCasesPointsAndStart() throws Exception {
        Path exported = directory.resolve("cases");
        CommandRun run = run("bench", "--n", "300", "--d", "2", "--k", "3", "--iterations", "2",
                "--implementations", "vectorised", "--export", exported.toString(), "--csv", csv().toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        LabelledData points = Datasets.load(exported.resolve("custom.csv").toString(), List.of(), "component");
        assertEquals(300, points.data().rows());
        assertEquals(2, points.data().columns());
        GaussianMixture start = MixtureJson.read(exported.resolve("custom-start.json"));
        assertEquals(3, start.components());
        assertEquals(2, start.dimension());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--cases,z",
        "--n,100",
        "--n,100,--d,2",
        "--runs,4",
        "--iterations,0",
        "--threads,0",
        "--implementations,fast",
        "--cases,b,--nope"})
    void badOptionsGetOneLineAndNoFile(String arguments) {
        String[] args = ("bench," + arguments + ",--csv," + csv()).split(",");
        CommandRun run = run(args);
        assertEquals(Main.EXIT_BAD_INPUT, run.code(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("em-gmm: "), run.err());
        assertFalse(Files.exists(csv()), "no CSV after a refused command");
    }

    @Test
    void fitTakesAThreadCountAndGivesTheSameModel() throws Exception {
        Path one = directory.resolve("one.json");
        Path two = directory.resolve("two.json");
        assertEquals(Main.EXIT_OK, run("fit", "--data", "old-faithful", "--components", "2", "--threads", "1",
                "--out", one.toString()).code());
        assertEquals(Main.EXIT_OK, run("fit", "--data", "old-faithful", "--components", "2", "--threads", "2",
                "--out", two.toString()).code());
        assertEquals(MixtureJson.read(one), MixtureJson.read(two));
    }

    @Test
    void fitRefusesZeroThreads() {
        CommandRun run = run("fit", "--data", "old-faithful", "--components", "2", "--threads", "0");
        assertEquals(Main.EXIT_BAD_INPUT, run.code());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("--threads must be 1 or more"), run.err());
    }

    @Test
    void theExportedCasesAndTheCsvAreWrittenTogetherWithNoTemporaryLeft() throws Exception {
        Path exported = directory.resolve("new/cases");
        Path table = directory.resolve("tables/bench.csv");
        CommandRun run = run("bench", "--n", "300", "--d", "2", "--k", "3", "--iterations", "2",
                "--implementations", "vectorised", "--export", exported.toString(), "--csv", table.toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().contains("cases exported to " + exported + ": custom\n"), run.out());
        assertTrue(run.out().endsWith("rows written to " + table + "\n"), run.out());
        try (var files = Files.list(exported)) {
            assertEquals(List.of("custom-start.json", "custom.csv"), files.map(f -> f.getFileName().toString())
                    .sorted().toList(), "the two files of the case, and no temporary file");
        }
        assertTrue(Files.isRegularFile(table));
    }
}
