package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.emgmm.data.Datasets;
import org.emgmm.data.LabelledData;
import org.emgmm.io.MixtureJson;
import org.emgmm.model.AdjustedRandIndex;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.Prediction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code predict}, {@code predict-proba}, {@code score-samples}, {@code score} and {@code sample} on Iris,
 * with a model fitted once by {@code fit}: what they print and write, that they agree with each other and
 * with {@link Prediction}, and that {@code sample} is {@code generate --model}.
 */
class PredictCommandTest {

    @TempDir
    static Path directory;

    private static Path model;

    @BeforeAll
    static void fitIris() {
        model = directory.resolve("iris-model.json");
        CommandRun fit = CommandRun.of("fit", "--data", "iris", "-k", "3", "--seed", "2", "--out", model.toString());
        assertEquals(Main.EXIT_OK, fit.code(), fit.err());
    }

    private static CommandRun run(String command, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(command, "--model", model.toString(), "--data", "iris"));
        args.addAll(List.of(more));
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        return run;
    }

    /** The lines of CSV text after the header. */
    private static List<String> rows(String csv, String header) {
        List<String> lines = csv.lines().toList();
        assertEquals(header, lines.get(0));
        return lines.subList(1, lines.size());
    }

    private static Prediction expected() {
        GaussianMixture mixture = MixtureJson.read(model);
        return Prediction.of(mixture, Datasets.load("iris", List.of(), null).data().toFlatArray());
    }

    @Test
    void predictWritesOneLabelPerPointTheArgmaxOfPredictProba() {
        List<String> labels = rows(run("predict").out(), "label");
        List<String> proba = rows(run("predict-proba").out(), "p0,p1,p2");
        assertEquals(150, labels.size());
        assertEquals(150, proba.size());
        for (int i = 0; i < 150; i++) {
            double[] r = java.util.Arrays.stream(proba.get(i).split(",")).mapToDouble(Double::parseDouble).toArray();
            int best = 0;
            for (int k = 1; k < r.length; k++) {
                best = r[k] > r[best] ? k : best;
            }
            assertEquals(Integer.toString(best), labels.get(i), "point " + i);
            assertEquals(1.0, r[0] + r[1] + r[2], 1e-12, "point " + i);
        }
        assertArrayEquals(expected().labels(), labels.stream().mapToInt(Integer::parseInt).toArray());
    }

    @Test
    void scoreIsTheMeanOfScoreSamples() {
        double[] samples = rows(run("score-samples").out(), "logDensity").stream().mapToDouble(Double::parseDouble)
                .toArray();
        assertArrayEquals(expected().logDensities(), samples, 0.0);
        String score = run("score").out();
        assertEquals(1, score.lines().count(), score);
        double mean = java.util.Arrays.stream(samples).sum() / samples.length;
        assertEquals(mean, Double.parseDouble(score.strip()), 1e-12);
        assertEquals(expected().score(), Double.parseDouble(score.strip()));
    }

    @Test
    void scoreWithOutPrintsTheNumberAndWritesIt() throws IOException {
        Path file = directory.resolve("score.txt");
        CommandRun run = run("score", "--out", file.toString());
        assertEquals(run.out(), Files.readString(file));
        assertEquals(Double.toString(expected().score()) + "\n", run.out());
    }

    @Test
    void predictWithLabelsReportsTheAdjustedRandIndex() {
        LabelledData iris = Datasets.load("iris", List.of(), "Species");
        double ari = AdjustedRandIndex.of(iris.labels(), expected().labels());
        String line = String.format(java.util.Locale.ROOT, "adjusted Rand index against Species: %.4f", ari);
        // CSV on standard output: the index on standard error, standard output holding the CSV alone
        CommandRun toStdout = run("predict", "--labels", "Species");
        assertEquals(line + "\n", toStdout.err().replace("\r\n", "\n"));
        assertEquals(run("predict").out(), toStdout.out());
        assertTrue(ari > 0.5, "Iris' species are found: " + ari);
        // CSV in a file: the index in the summary on standard output
        Path file = directory.resolve("labels.csv");
        CommandRun toFile = run("predict", "--labels", "Species", "--out", file.toString());
        assertTrue(toFile.out().contains("wrote 150 rows to " + file), toFile.out());
        assertTrue(toFile.out().contains(line), toFile.out());
        assertEquals("", toFile.err());
    }

    @Test
    void outDashAndAFileHoldTheSameText() throws IOException {
        for (String command : List.of("predict", "predict-proba", "score-samples")) {
            Path file = directory.resolve(command + ".csv");
            CommandRun toFile = run(command, "--out", file.toString());
            assertEquals("wrote 150 rows to " + file, toFile.out().strip());
            assertEquals(run(command, "--out", "-").out(), Files.readString(file), command);
            assertEquals(run(command).out(), Files.readString(file), command);
        }
    }

    @Test
    void columnsChooseTheDataOfAModelOfFewerDimensions() throws IOException {
        Path twoColumns = directory.resolve("petals.json");
        CommandRun fit = CommandRun.of("fit", "--data", "iris", "-k", "2", "--columns", "3,4", "--out",
                twoColumns.toString());
        assertEquals(Main.EXIT_OK, fit.code(), fit.err());
        CommandRun predict = CommandRun.of("predict", "--model", twoColumns.toString(), "--data", "iris",
                "--columns", "3,4");
        assertEquals(Main.EXIT_OK, predict.code(), predict.err());
        assertEquals(151, predict.out().lines().count());
    }

    @Test
    void sampleIsGenerateWithAModel() throws IOException {
        CommandRun sample = CommandRun.of("sample", "--model", model.toString(), "--points", "40", "--seed", "5");
        CommandRun generate = CommandRun.of("generate", "--model", model.toString(), "--points", "40", "--seed", "5");
        assertEquals(Main.EXIT_OK, sample.code(), sample.err());
        assertEquals(generate.out(), sample.out());
        assertEquals(41, sample.out().lines().count());
        assertTrue(sample.out().startsWith("x1,x2,x3,x4,component\n"), sample.out());
        assertFalse(sample.out().equals(CommandRun.of("sample", "--model", model.toString(), "--points", "40",
                "--seed", "6").out()), "another seed, other points");
        Path file = directory.resolve("sample.csv");
        CommandRun toFile = CommandRun.of("sample", "--model", model.toString(), "--points", "40", "--seed", "5",
                "--out", file.toString());
        assertEquals("wrote 40 points to " + file, toFile.out().strip());
        assertEquals(sample.out(), Files.readString(file));
    }

    @Test
    void predictOfSampledPointsFindsTheirComponents() throws IOException {
        Path points = directory.resolve("drawn.csv");
        assertEquals(Main.EXIT_OK, CommandRun.of("sample", "--model", model.toString(), "--points", "300", "--out",
                points.toString()).code());
        CommandRun predict = CommandRun.of("predict", "--model", model.toString(), "--data", points.toString(),
                "--labels", "component");
        assertEquals(Main.EXIT_OK, predict.code(), predict.err());
        assertTrue(predict.err().startsWith("adjusted Rand index against component: "), predict.err());
    }

    @Test
    void anOutputMayNotReplaceTheModelOrTheData() throws IOException {
        byte[] before = Files.readAllBytes(model);
        String line = CommandRun.of("predict", "--model", model.toString(), "--data", "iris", "--out",
                model.toString()).badInputLine();
        assertTrue(line.contains("--model"), line);
        assertArrayEquals(before, Files.readAllBytes(model));
        Path data = directory.resolve("data.csv");
        Files.writeString(data, Datasets.bundledText("iris"));
        line = CommandRun.of("score-samples", "--model", model.toString(), "--data", data.toString(), "--out",
                data.toString()).badInputLine();
        assertTrue(line.contains("--data"), line);
        assertEquals(Datasets.bundledText("iris"), Files.readString(data));
    }

    @Test
    void theDocsShowWhatTheCommandsPrint() throws IOException {
        // docs/cli/predict.md's example fits Iris with --seed 2, as fitIris does
        String readme = Files.readString(Path.of("docs", "cli", "predict.md"));
        String ari = run("predict", "--labels", "Species").err().strip();
        assertTrue(readme.contains("\n" + ari + "\n"), ari);
        String score = run("score").out().strip();
        assertTrue(readme.contains("\n" + score + "\n"), score);
    }
}
