package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code select --sample-weights}: with whole-number weights, the table is the table of the data with each row
 * repeated as often as its weight (the kmeans start is the same start on both, up to rounding).
 */
class SelectSampleWeightsTest {

    /** Relative agreement of weighted and repeated sums: the same terms, added in another order and grouping. */
    private static final double ROUNDING = 1e-9;

    @TempDir
    Path directory;

    @Test
    void wholeNumberWeightsGiveTheTableOfRepeatedRows() throws IOException {
        StringBuilder weighted = new StringBuilder("x,w\n");
        StringBuilder repeated = new StringBuilder("x\n");
        StringBuilder weightsFile = new StringBuilder();
        for (int i = 1; i <= 24; i++) {
            double x = i <= 12 ? i + (i * 7 % 10) / 10.0 : 28 + i + (i * 3 % 10) / 10.0;
            int w = i % 3 + 1;
            weighted.append(String.format(Locale.ROOT, "%s,%d%n", x, w));
            weightsFile.append(w).append('\n');
            repeated.append(String.format(Locale.ROOT, "%s%n", x).repeat(w));
        }
        Path weightedData = Files.writeString(directory.resolve("weighted.csv"), weighted);
        Path repeatedData = Files.writeString(directory.resolve("repeated.csv"), repeated);
        Path weights = Files.writeString(directory.resolve("w.csv"), weightsFile);
        Path dataOnly = Files.writeString(directory.resolve("x.csv"), weighted.toString().replaceAll(",\\d+\\n", "\n")
                .replace("x,w", "x"));
        List<String[]> byColumn = table("a.csv", "--data", weightedData.toString(), "--sample-weights", "w");
        List<String[]> byFile = table("b.csv", "--data", dataOnly.toString(), "--sample-weights-file",
                weights.toString());
        List<String[]> byRepetition = table("c.csv", "--data", repeatedData.toString());
        assertEquals(byRepetition.size(), byColumn.size());
        for (int r = 1; r < byRepetition.size(); r++) {
            for (int c : new int[] {3, 4, 5, 6}) { // logLikelihood, bic, aic, icl
                double expected = Double.parseDouble(byRepetition.get(r)[c]);
                assertEquals(expected, Double.parseDouble(byColumn.get(r)[c]), ROUNDING * Math.abs(expected),
                        "row " + r + ", column " + c);
                assertEquals(byColumn.get(r)[c], byFile.get(r)[c], "a column and a file of the same weights");
            }
        }
    }

    @Test
    void bothSourcesOfWeightsAreAUsageError() {
        String line = CommandRun.of("select", "--data", "old-faithful", "--sample-weights", "1",
                "--sample-weights-file", "w.csv").badInputLine();
        assertTrue(line.contains("--sample-weights-file"), line);
    }

    private List<String[]> table(String name, String... data) throws IOException {
        Path table = directory.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("select", "--components", "1..3", "--init-method",
                "kmeans", "--covariance-types", "full", "--table", table.toString()));
        args.addAll(List.of(data));
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        return Files.readAllLines(table).stream().map(line -> line.split(",", -1)).toList();
    }
}
