package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score --bic} and {@code --aic}: the model's criterion on any data (scikit-learn's {@code bic(X)},
 * {@code aic(X)}). A 2-component full model in 2 dimensions has p = (K − 1) + K·D + K·D(D + 1)/2 = 1 + 4 + 6 = 11
 * free parameters.
 */
class ScoreCriteriaTest {

    private static final int PARAMETERS = 11;

    /**
     * Relative agreement of two computations of one total log-likelihood (a sum in another order, or N times the
     * mean): a few roundings of a sum of at most 272 terms.
     */
    private static final double SUM_ORDER = 1e-12;

    @TempDir
    Path directory;

    private Path fittedModel() {
        Path model = directory.resolve("model.json");
        CommandRun fit = CommandRun.of("fit", "--data", "old-faithful", "--components", "2", "--seed", "1", "--out",
                model.toString());
        assertEquals(Main.EXIT_OK, fit.code(), fit.err());
        return model;
    }

    @Test
    void onItsOwnDataTheCriteriaAreThoseOfTheFit() throws IOException {
        Path model = fittedModel();
        double logLikelihood = JsonParser.parseString(Files.readString(model)).getAsJsonObject()
                .get("logLikelihood").getAsDouble();
        int n = 272;
        double bic = Double.parseDouble(CommandRun.of("score", "--model", model.toString(), "--data", "old-faithful",
                "--bic").out().strip());
        double aic = Double.parseDouble(CommandRun.of("score", "--model", model.toString(), "--data", "old-faithful",
                "--aic").out().strip());
        assertEquals(-2 * logLikelihood + PARAMETERS * Math.log(n), bic, SUM_ORDER * Math.abs(bic));
        assertEquals(-2 * logLikelihood + 2 * PARAMETERS, aic, SUM_ORDER * Math.abs(aic));
    }

    @Test
    void onNewDataTheCriteriaUseThatDatasLikelihoodAndSize() throws IOException {
        Path model = fittedModel();
        Path points = Files.writeString(directory.resolve("new.csv"), "eruptions,waiting\n2,55\n4.5,80\n3.2,70\n");
        double score = Double.parseDouble(CommandRun.of("score", "--model", model.toString(), "--data",
                points.toString()).out().strip());
        CommandRun bic = CommandRun.of("score", "--model", model.toString(), "--data", points.toString(), "--bic");
        assertEquals(Main.EXIT_OK, bic.code(), bic.err());
        double expectedBic = -2 * 3 * score + PARAMETERS * Math.log(3);
        assertEquals(expectedBic, Double.parseDouble(bic.out().strip()), SUM_ORDER * Math.abs(expectedBic));
        Path out = directory.resolve("aic.txt");
        CommandRun aic = CommandRun.of("score", "--model", model.toString(), "--data", points.toString(), "--aic",
                "--out", out.toString());
        assertEquals(Main.EXIT_OK, aic.code(), aic.err());
        double expectedAic = -2 * 3 * score + 2 * PARAMETERS;
        assertEquals(expectedAic, Double.parseDouble(Files.readString(out).strip()), SUM_ORDER * Math.abs(expectedAic));
    }

    @Test
    void bothCriteriaAtOnceAreAUsageError() {
        CommandRun run = CommandRun.of("score", "--model", "model.json", "--data", "old-faithful", "--bic", "--aic");
        String line = run.badInputLine();
        assertTrue(line.contains("--bic and --aic"), line);
    }

    /** Whole-number sample weights score as the rows repeated that often; a weight of 0 leaves its row out. */
    @Test
    void sampleWeightsScoreAsRepeatedRows() throws IOException {
        Path model = fittedModel();
        Path weighted = Files.writeString(directory.resolve("weighted.csv"),
                "eruptions,waiting,w\n2,55,3\n4.5,80,1\n3.2,70,2\n9,20,0\n");
        Path repeated = Files.writeString(directory.resolve("repeated.csv"),
                "eruptions,waiting\n2,55\n2,55\n2,55\n4.5,80\n3.2,70\n3.2,70\n");
        Path weights = Files.writeString(directory.resolve("w.csv"), "3\n1\n2\n0\n");
        for (String criterion : new String[] {null, "--bic", "--aic"}) {
            double expected = number(model, repeated, criterion);
            assertEquals(expected, number(model, weighted, criterion, "--columns", "1,2", "--sample-weights", "w"),
                    SUM_ORDER * Math.abs(expected), String.valueOf(criterion));
            Path plain = Files.writeString(directory.resolve("plain.csv"),
                    "eruptions,waiting\n2,55\n4.5,80\n3.2,70\n9,20\n");
            assertEquals(expected, number(model, plain, criterion, "--sample-weights-file", weights.toString()),
                    SUM_ORDER * Math.abs(expected), String.valueOf(criterion));
        }
    }

    private static double number(Path model, Path data, String criterion, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("score", "--model", model.toString(),
                "--data", data.toString()));
        if (criterion != null) {
            args.add(criterion);
        }
        args.addAll(java.util.List.of(more));
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        return Double.parseDouble(run.out().strip());
    }
}
