package org.emgmm.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.emgmm.data.DataException;
import org.emgmm.em.EmResult;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.InvalidMixtureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixtureJsonTest {

    /** Values whose shortest decimals are long, so that any rounding on the way shows. */
    private static final GaussianMixture AWKWARD = GaussianMixture.of(
            new double[] {0.1 + 0.2, 1 - (0.1 + 0.2)},
            new double[][] {{Math.PI, -1e-300}, {Math.E * 1e10, 1.0 / 3}},
            new double[][][] {{{2.0 / 3, 0.1}, {0.1, Math.sqrt(2)}}, {{1e-5, 0}, {0, 7e20}}});

    private static final String VALID = """
            {"weights": [0.5, 0.5],
             "means": [[0, 0], [1, 1]],
             "covariances": [[[1, 0], [0, 1]], [[2, 0.5], [0.5, 1]]]}
            """;

    @TempDir
    Path directory;

    private static EmResult resultOf(GaussianMixture model) {
        return new EmResult("loops", model, new double[] {-3.25, -2.5, -2.0000001}, 2, true, new int[] {1}, 10,
                4_000_000L);
    }

    private static String failureOf(String json) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> MixtureJson.fromJson(json, "model.json"));
        assertTrue(e instanceof DataException || e instanceof InvalidMixtureException, e.toString());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("model.json"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsAModel() {
        GaussianMixture model = MixtureJson.fromJson(VALID, "model.json");
        assertEquals(2, model.components());
        assertEquals(2, model.dimension());
        assertEquals(0.5, model.covariance(1, 0, 1));
    }

    @Test
    void writingThenReadingGivesTheSameDoublesBitForBit() throws IOException {
        Path file = directory.resolve("model.json");
        MixtureJson.write(resultOf(AWKWARD), file);
        assertEquals(AWKWARD, MixtureJson.read(file));
    }

    @Test
    void everyCovarianceTypeIsWrittenAndReadBack() throws IOException {
        for (CovarianceType type : CovarianceType.values()) {
            GaussianMixture typed = AWKWARD.constrainedTo(type);
            Path file = directory.resolve(type.label() + ".json");
            MixtureJson.write(resultOf(typed), file);
            assertEquals(type.label(), JsonParser.parseString(Files.readString(file)).getAsJsonObject()
                    .get(MixtureJson.COVARIANCE_TYPE).getAsString());
            GaussianMixture read = MixtureJson.read(file);
            assertEquals(type, read.covarianceType());
            assertEquals(typed, read);
        }
    }

    @Test
    void aModelWithoutCovarianceTypeIsFull() {
        assertEquals(CovarianceType.FULL, MixtureJson.fromJson(VALID, "model.json").covarianceType());
    }

    @Test
    void aCovarianceTypeTheCovariancesDoNotHaveIsRefusedNamingTheEntry() {
        String diag = VALID.replace("]]]}", "]]], \"covarianceType\": \"diag\"}");
        String message = failureOf(diag);
        assertTrue(message.contains("component 1") && message.contains("[0][1] = 0.5")
                && message.contains("diag"), message);
    }

    @Test
    void anUnknownOrMistypedCovarianceTypeNamesTheChoices() {
        for (String value : List.of("\"diagonal\"", "3", "[\"full\"]", "null")) {
            String message = failureOf(VALID.replace("]]]}", "]]], \"covarianceType\": " + value + "}"));
            assertTrue(message.contains("full, diag, spherical, tied"), message);
        }
    }

    @Test
    void aWrittenResultHasEveryKey() {
        JsonObject json = JsonParser.parseString(MixtureJson.toJson(resultOf(AWKWARD))).getAsJsonObject();
        for (String key : List.of("weights", "means", "covariances", "implementation", "iterations", "converged",
                "logLikelihood", "meanLogLikelihood", "logLikelihoodTrace", "emptyComponents")) {
            assertTrue(json.has(key), key);
        }
        assertFalse(json.has("millisPerIteration"), "a model file holds no timing");
        assertEquals("loops", json.get("implementation").getAsString());
        assertEquals(2, json.get("iterations").getAsInt());
        assertTrue(json.get("converged").getAsBoolean());
        assertEquals(-2.0000001, json.get("meanLogLikelihood").getAsDouble());
        assertEquals(-2.0000001 * 10, json.get("logLikelihood").getAsDouble());
        assertEquals(3, json.getAsJsonArray("logLikelihoodTrace").size());
        assertEquals(1, json.getAsJsonArray("emptyComponents").get(0).getAsInt());
    }

    @Test
    void anOlderFileThatStillHoldsMillisPerIterationIsReadWithTheKeyIgnored() {
        String old = VALID.replace("]]]}", "]]], \"millisPerIteration\": 0.6964154285714285}");
        assertEquals(MixtureJson.fromJson(VALID, "model.json"), MixtureJson.fromJson(old, "old.json"));
    }

    @Test
    void writingReplacesAnOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = directory.resolve("model.json");
        Files.writeString(file, "old");
        MixtureJson.write(resultOf(AWKWARD), file);
        assertEquals(AWKWARD, MixtureJson.read(file));
        try (var files = Files.list(directory)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void writingIntoAMissingDirectoryFailsWithoutWritingAnything() {
        Path file = directory.resolve("missing").resolve("model.json");
        IOException e = assertThrows(IOException.class, () -> MixtureJson.write(resultOf(AWKWARD), file));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void aMissingFileIsNamed() {
        DataException e = assertThrows(DataException.class, () -> MixtureJson.read(directory.resolve("none.json")));
        assertTrue(e.getMessage().contains("none.json does not exist"), e.getMessage());
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertTrue(failureOf("weights: 0.5").contains("not valid JSON"));
        assertTrue(failureOf("{\"weights\": [0.5, 0.5],").contains("not valid JSON"));
        assertTrue(failureOf(VALID + " trailing").contains("not valid JSON"));
        assertTrue(failureOf("").contains("empty"));
    }

    @Test
    void nanIsNotJson() {
        assertTrue(failureOf(VALID.replace("[0.5, 0.5]", "[NaN, 0.5]")).contains("not valid JSON"));
    }

    @Test
    void aMissingKeyIsNamed() {
        assertTrue(failureOf("{\"weights\": [1], \"means\": [[0]]}").contains("no \"covariances\""));
        assertTrue(failureOf("[1, 2]").contains("not a JSON object"));
    }

    @Test
    void wrongShapesAreNamed() {
        assertTrue(failureOf(VALID.replace("\"means\": [[0, 0], [1, 1]]", "\"means\": [[0, 0]]"))
                .contains("2 weights but 1 means"));
        assertTrue(failureOf(VALID.replace("[[1, 0], [0, 1]],", "[[1, 0]],")).contains("component 0"));
        assertTrue(failureOf(VALID.replace("\"means\": [[0, 0], [1, 1]]", "\"means\": [0, 1]"))
                .contains("means[0] is the number 0 but should be an array"));
        assertTrue(failureOf(VALID.replace("[0, 0], [1, 1]", "[0, \"zero\"], [1, 1]")).contains("means[0][1]"));
    }

    @Test
    void weightsThatDoNotSumToOneAreRefused() {
        String message = failureOf(VALID.replace("[0.5, 0.5]", "[0.5, 0.6]"));
        assertTrue(message.contains("weights sum to"), message);
    }

    @Test
    void aCovarianceThatIsNotPositiveDefiniteNamesItsComponent() {
        String message = failureOf(VALID.replace("[[2, 0.5], [0.5, 1]]", "[[1, 2], [2, 1]]"));
        assertTrue(message.contains("component 1") && message.contains("positive-definite"), message);
        InvalidMixtureException e = assertThrows(InvalidMixtureException.class,
                () -> MixtureJson.fromJson(VALID.replace("[[2, 0.5], [0.5, 1]]", "[[1, 2], [2, 1]]"), "m.json"));
        assertEquals(1, e.component());
    }
}
