package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.emgmm.data.CsvReader;
import org.emgmm.data.LabelledData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private static final String TWO_BY_TWO_IDENTITY = "[[1, 0], [0, 1]]";

    @TempDir
    Path directory;


    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private Path file(String name, String text) throws IOException {
        Path path = directory.resolve(name);
        Files.writeString(path, text);
        return path;
    }

    private Path output() {
        return directory.resolve("model.json");
    }

    /** {@code fit --out model.json} with these arguments, using the loops implementation unless given. */
    private CommandRun fit(String... args) {
        List<String> all = new ArrayList<>(List.of("fit", "--out", output().toString()));
        all.addAll(Arrays.asList(args));
        if (!all.contains("--implementation")) {
            all.addAll(List.of("--implementation", "loops"));
        }
        return run(all.toArray(String[]::new));
    }

    /** Exit 2, one line on stderr starting with em-gmm:, no stack trace, no output file; returns the line. */
    private String assertBadInput(CommandRun run) {
        String line = run.badInputLine();
        assertFalse(Files.exists(output()), "no output file after a failure");
        return line;
    }

    private static String model(String weights, String means, String covariances) {
        return "{\"weights\": " + weights + ", \"means\": " + means + ", \"covariances\": " + covariances + "}";
    }

    // fit

    @Test
    void fitPrintsASummaryAndWritesEveryKey() throws IOException {
        CommandRun run = fit("--data", "old-faithful", "--components", "2", "--seed", "1");
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().contains("old-faithful: 272 points, 2 dimensions (eruptions, waiting)"), run.out());
        assertTrue(run.out().contains("component 1: weight"), run.out());

        JsonObject json = JsonParser.parseString(Files.readString(output())).getAsJsonObject();
        for (String key : List.of("weights", "means", "covariances", "implementation", "iterations", "converged",
                "logLikelihood", "meanLogLikelihood", "logLikelihoodTrace", "emptyComponents")) {
            assertTrue(json.has(key), key);
        }
        assertFalse(json.has("millisPerIteration"), "the model file holds no timing");
        int iterations = json.get("iterations").getAsInt();
        assertEquals(iterations + 1, json.getAsJsonArray("logLikelihoodTrace").size());
        assertEquals("loops", json.get("implementation").getAsString());
    }

    @Test
    void theDefaultImplementationIsVectorised() {
        CommandRun run = run("fit", "--data", "old-faithful", "--components", "2", "--max-iter", "3");
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().contains("implementation  vectorised"), run.out());
    }

    @Test
    void aFitCanStartFromItsOwnOutput() throws IOException {
        fit("--data", "old-faithful", "--components", "2");
        Path start = directory.resolve("start.json");
        Files.move(output(), start);
        CommandRun run = fit("--data", "old-faithful", "--init", start.toString(), "--max-iter", "0");
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().contains("iterations      0"), run.out());
    }

    @Test
    void labelsGiveATableOfLabelsAgainstComponents() {
        CommandRun run = fit("--data", "iris", "--components", "3", "--labels", "Species");
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().contains("4 dimensions"), "Species is not fitted: " + run.out());
        assertTrue(run.out().contains("true label (Species)"), run.out());
        assertTrue(run.out().lines().anyMatch(line -> line.startsWith("versicolor")), run.out());
    }

    @Test
    void aMissingFileIsBadInput() {
        String err = assertBadInput(fit("--data", directory.resolve("nowhere.csv").toString(), "-k", "2"));
        assertTrue(err.contains("nowhere.csv"), err);
    }

    @Test
    void aFileThatIsNotCsvIsBadInput() throws IOException {
        Path binary = directory.resolve("picture.png");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff});
        String err = assertBadInput(fit("--data", binary.toString(), "-k", "2"));
        assertTrue(err.contains("not a CSV file"), err);
    }

    @Test
    void raggedRowsAreBadInput() throws IOException {
        Path data = file("ragged.csv", "a,b\n1,2\n3,4\n5\n");
        String err = assertBadInput(fit("--data", data.toString(), "-k", "2"));
        assertTrue(err.contains("line 4 has 1 field but line 1 has 2"), err);
    }

    @Test
    void aNonNumericCellIsBadInputNamingRowAndColumn() throws IOException {
        Path data = file("typo.csv", "eruptions,waiting\n3.6,79\n1.8,5four\n3.3,74\n");
        String err = assertBadInput(fit("--data", data.toString(), "-k", "2"));
        assertTrue(err.contains("line 3") && err.contains("'waiting'") && err.contains("'5four'"), err);
    }

    @Test
    void nanIsBadInput() throws IOException {
        Path data = file("nan.csv", "a,b\n1,2\nNaN,4\n5,6\n");
        String err = assertBadInput(fit("--data", data.toString(), "-k", "2"));
        assertTrue(err.contains("line 3, column 'a'") && err.contains("not a finite number"), err);
    }

    @Test
    void fewerPointsThanComponentsIsBadInput() throws IOException {
        Path data = file("two.csv", "a,b\n1,2\n3,5\n");
        String err = assertBadInput(fit("--data", data.toString(), "-k", "3"));
        assertTrue(err.contains("2 points but 3 components"), err);
    }

    @Test
    void anInitFileOfAnotherDimensionIsBadInput() throws IOException {
        Path init = file("init3d.json", model("[1]", "[[0, 0, 0]]", "[[[1, 0, 0], [0, 1, 0], [0, 0, 1]]]"));
        String err = assertBadInput(fit("--data", "old-faithful", "--init", init.toString()));
        assertTrue(err.contains("2 columns") && err.contains("dimension 3"), err);
    }

    @Test
    void initWeightsThatDoNotSumToOneAreBadInput() throws IOException {
        Path init = file("weights.json", model("[0.5, 0.6]", "[[2, 55], [4, 80]]",
                "[" + TWO_BY_TWO_IDENTITY + ", " + TWO_BY_TWO_IDENTITY + "]"));
        String err = assertBadInput(fit("--data", "old-faithful", "--init", init.toString()));
        assertTrue(err.contains("weights.json") && err.contains("weights sum to"), err);
    }

    @Test
    void anInitCovarianceThatIsNotPositiveDefiniteIsBadInput() throws IOException {
        Path init = file("covariance.json", model("[0.5, 0.5]", "[[2, 55], [4, 80]]",
                "[" + TWO_BY_TWO_IDENTITY + ", [[1, 2], [2, 1]]]"));
        String err = assertBadInput(fit("--data", "old-faithful", "--init", init.toString()));
        assertTrue(err.contains("covariance.json") && err.contains("component 1"), err);
    }

    @Test
    void componentsThatDisagreeWithTheInitFileAreBadInput() throws IOException {
        Path init = file("init.json", model("[0.5, 0.5]", "[[2, 55], [4, 80]]",
                "[" + TWO_BY_TWO_IDENTITY + ", " + TWO_BY_TWO_IDENTITY + "]"));
        String err = assertBadInput(fit("--data", "old-faithful", "--init", init.toString(), "-k", "3"));
        assertTrue(err.contains("disagrees"), err);
    }

    @Test
    void anUnknownImplementationListsTheChoices() {
        String err = assertBadInput(fit("--data", "old-faithful", "-k", "2", "--implementation", "quantum"));
        assertTrue(err.contains("'quantum'") && err.contains("loops"), err);
    }

    @Test
    void univariateOnTwoDimensionalDataIsBadInput() {
        String err = assertBadInput(fit("--data", "old-faithful", "-k", "2", "--implementation", "univariate"));
        assertFalse(err.contains("unknown implementation"), err);
    }

    @Test
    void anUnknownOptionIsBadInput() {
        String err = assertBadInput(fit("--data", "old-faithful", "-k", "2", "--colour"));
        assertTrue(err.contains("--colour"), err);
    }

    @Test
    void missingComponentsIsBadInput() {
        String err = assertBadInput(fit("--data", "old-faithful"));
        assertTrue(err.contains("--components"), err);
    }

    @Test
    void invalidSettingsAreBadInput() {
        String err = assertBadInput(fit("--data", "old-faithful", "-k", "2", "--max-iter", "-1"));
        assertTrue(err.contains("max-iter"), err);
    }

    @Test
    void helpAndVersionSucceed() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"--version"},
                new String[] {"fit", "--help"}, new String[] {"generate", "--version"})) {
            CommandRun run = run(args);
            assertEquals(Main.EXIT_OK, run.code(), String.join(" ", args));
            assertFalse(run.out().isEmpty(), String.join(" ", args));
        }
    }

    @Test
    void noSubcommandIsBadInput() {
        String err = assertBadInput(run());
        assertTrue(err.contains("choose a subcommand: fit, compare, explore, generate, plot, bench, predict, predict-proba,"
                + " score-samples, score, sample or select"), err);
    }

    // generate

    @Test
    void seed002Has1500RowsSplit300And750And450() throws IOException {
        Path out = directory.resolve("seed-002.csv");
        CommandRun run = run("generate", "--setup", "seed-002", "--seed", "4", "--out", out.toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        LabelledData data = CsvReader.read(out, List.of(), "component");
        assertEquals(1500, data.data().rows());
        int[] counts = new int[3];
        data.labels().forEach(label -> counts[Integer.parseInt(label)]++);
        assertArrayEquals(new int[] {300, 750, 450}, counts);
    }

    @Test
    void theSameSeedGivesByteIdenticalOutput() throws IOException {
        Path first = directory.resolve("first.csv");
        Path second = directory.resolve("second.csv");
        run("generate", "--setup", "seed-001", "--seed", "9", "--out", first.toString());
        run("generate", "--setup", "seed-001", "--seed", "9", "--out", second.toString());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        CommandRun printed = run("generate", "--setup", "seed-001", "--seed", "9");
        assertEquals(Files.readString(first), printed.out());
    }

    @Test
    void aModelFileCanBeSampledAndTheSampleFitted() throws IOException {
        Path model = file("truth.json", model("[0.5, 0.5]", "[[0, 0], [6, 6]]",
                "[" + TWO_BY_TWO_IDENTITY + ", " + TWO_BY_TWO_IDENTITY + "]"));
        Path sample = directory.resolve("sample.csv");
        CommandRun generated = run("generate", "--model", model.toString(), "--points", "200", "--seed", "2",
                "--out", sample.toString());
        assertEquals(Main.EXIT_OK, generated.code(), generated.err());
        CommandRun fitted = fit("--data", sample.toString(), "-k", "2", "--labels", "component");
        assertEquals(Main.EXIT_OK, fitted.code(), fitted.err());
        assertTrue(fitted.out().contains("200 points, 2 dimensions (x1, x2)"), fitted.out());
    }

    @Test
    void generateNeedsExactlyOneSource() {
        assertTrue(assertBadInput(run("generate")).contains("--setup"));
        assertTrue(assertBadInput(run("generate", "--setup", "seed-001", "--model", "m.json")).contains("--setup"));
        assertTrue(assertBadInput(run("generate", "--setup", "seed-999")).contains("seed-001"));
    }
}
