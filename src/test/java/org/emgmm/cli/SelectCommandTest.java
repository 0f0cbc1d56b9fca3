package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.emgmm.data.CsvWriter;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Datasets;
import org.emgmm.data.MixtureSampler;
import org.emgmm.io.MixtureJson;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.Prediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code em-gmm select}: its table against each cell fitted alone by {@code fit} and scored by hand, its
 * choice on data drawn from a known mixture, its determinism, the model file it writes, its pictures,
 * and what it does with cells that cannot be fitted.
 */
class SelectCommandTest {

    @TempDir
    Path directory;

    /** Relative agreement of two computations of one criterion: rounding in sums of a few hundred terms. */
    private static final double SAME = 1e-9;

    /** One row of the CSV table, by column name. */
    private record Row(Map<String, String> fields) {
        String get(String column) {
            return fields.get(column);
        }

        double number(String column) {
            return Double.parseDouble(fields.get(column));
        }

        boolean fitted() {
            return fields.get("error").isEmpty();
        }
    }

    private static CommandRun ok(String... args) {
        CommandRun run = CommandRun.of(args);
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        return run;
    }

    /** The rows of a table CSV (no field here holds a comma, except a quoted error). */
    private static List<Row> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", header.size());
            Map<String, String> fields = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                fields.put(header.get(c), cells[c]);
            }
            rows.add(new Row(fields));
        }
        return rows;
    }

    // ---- the numbers, computed another way ----

    /**
     * Free parameters counted one by one: the weights but one, every mean entry, and the covariance
     * entries the type leaves free, walking the upper triangle of each matrix it owns.
     */
    private static int countParameters(CovarianceType type, int k, int d) {
        int count = k - 1;                       // weights sum to 1
        count += k * d;                          // means
        int ownedMatrices = type == CovarianceType.TIED ? 1 : k;
        for (int m = 0; m < ownedMatrices; m++) {
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    boolean free = switch (type) {
                        case FULL, TIED -> true;
                        case DIAG -> a == b;
                        case SPHERICAL -> a == 0 && b == 0;  // one variance stands for the whole diagonal
                    };
                    count += free ? 1 : 0;
                }
            }
        }
        return count;
    }

    /** {BIC, AIC, ICL} of a model on data, from log-densities and responsibilities recomputed here. */
    private static double[] criteriaByHand(GaussianMixture model, DataMatrix data) {
        Prediction prediction = Prediction.of(model, data.toFlatArray());
        double logLikelihood = Arrays.stream(prediction.logDensities()).sum();
        double sumLogLargest = 0.0;
        for (double[] r : prediction.probabilities()) {
            sumLogLargest += Math.log(Arrays.stream(r).max().orElseThrow());
        }
        int p = countParameters(model.covarianceType(), model.components(), model.dimension());
        double bic = -2.0 * logLikelihood + p * Math.log(data.rows());
        double aic = -2.0 * logLikelihood + 2.0 * p;
        return new double[] {bic, aic, bic - 2.0 * sumLogLargest};
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, SAME * Math.max(1.0, Math.abs(expected)), what);
    }

    @Test
    void everyCellEqualsFitOfThatCellScoredByHand() throws IOException {
        Path table = directory.resolve("table.csv");
        ok("select", "--data", "old-faithful", "--components", "1..3", "--n-init", "2", "--seed", "3",
                "--table", table.toString());
        DataMatrix data = Datasets.load("old-faithful", List.of(), null).data();
        List<Row> rows = rows(table);
        assertEquals(12, rows.size(), "3 Ks times 4 types");
        for (Row row : rows) {
            String cell = row.get("covarianceType") + " K=" + row.get("K");
            assertTrue(row.fitted(), cell + ": " + row.get("error"));
            Path alone = directory.resolve("alone.json");
            ok("fit", "--data", "old-faithful", "--components", row.get("K"), "--covariance-type",
                    row.get("covarianceType"), "--n-init", "2", "--seed", "3", "--out", alone.toString());
            GaussianMixture model = MixtureJson.read(alone);
            double[] byHand = criteriaByHand(model, data);
            assertEquals(countParameters(model.covarianceType(), model.components(), 2),
                    Integer.parseInt(row.get("freeParameters")), cell + " p");
            assertClose(byHand[0], row.number("bic"), cell + " BIC");
            assertClose(byHand[1], row.number("aic"), cell + " AIC");
            assertClose(byHand[2], row.number("icl"), cell + " ICL");
            double logLikelihood = Arrays.stream(Prediction.of(model, data.toFlatArray()).logDensities()).sum();
            assertClose(logLikelihood, row.number("logLikelihood"), cell + " log-likelihood");
        }
    }

    @Test
    void countingByHandAgreesWithTheTextbookFormulas() {
        // full: K·D(D+1)/2; diag: K·D; spherical: K; tied: D(D+1)/2 (on top of K − 1 + K·D)
        assertEquals(2 + 9 + 18, countParameters(CovarianceType.FULL, 3, 3));
        assertEquals(2 + 9 + 9, countParameters(CovarianceType.DIAG, 3, 3));
        assertEquals(2 + 9 + 3, countParameters(CovarianceType.SPHERICAL, 3, 3));
        assertEquals(2 + 9 + 6, countParameters(CovarianceType.TIED, 3, 3));
    }

    // ---- the choice on data of a known mixture ----

    /** N points from {@code truth}, written as CSV (columns x1, x2 and the true component). */
    private Path sampled(GaussianMixture truth, int n, long seed) throws IOException {
        Path csv = directory.resolve("sample-" + seed + ".csv");
        Files.writeString(csv, CsvWriter.format(MixtureSampler.sample(truth, n, seed)));
        return csv;
    }

    /** The (K, type) with the lowest BIC among the rows not collapsed, read from the table. */
    private static Row lowestBic(List<Row> rows) {
        return rows.stream().filter(Row::fitted).filter(row -> row.get("collapsed").equals("false"))
                .min(java.util.Comparator.comparingDouble(row -> row.number("bic"))).orElseThrow();
    }

    private Row chosen(Path data, long seed) throws IOException {
        Path table = directory.resolve("chosen.csv");
        Path model = directory.resolve("chosen.json");
        ok("select", "--data", data.toString(), "--columns", "x1,x2", "--components", "1..5", "--n-init", "3",
                "--seed", String.valueOf(seed), "--table", table.toString(), "--out", model.toString());
        Row lowest = lowestBic(rows(table));
        GaussianMixture written = MixtureJson.read(model);
        assertEquals(lowest.get("covarianceType"), written.covarianceType().label(), "the model written is the lowest");
        assertEquals(Integer.parseInt(lowest.get("K")), written.components());
        return lowest;
    }

    @Test
    void threeSphericalComponentsOfUnequalSizeSeed11GiveKThreeSpherical() throws IOException {
        // Means 12 apart, standard deviations at most √2: no point is near another component. Variances
        // 0.5, 1 and 2 rule out tied; diag and full add parameters that buy nothing.
        GaussianMixture truth = GaussianMixture.of(new double[] {0.3, 0.3, 0.4},
                new double[][] {{0, 0}, {12, 0}, {0, 12}},
                new double[][][] {{{0.5, 0}, {0, 0.5}}, {{1, 0}, {0, 1}}, {{2, 0}, {0, 2}}});
        Row best = chosen(sampled(truth, 600, 11), 11);
        assertEquals("3", best.get("K"));
        assertEquals("spherical", best.get("covarianceType"));
    }

    @Test
    void twoCorrelatedComponentsOfOppositeTiltSeed23GiveKTwoFull() throws IOException {
        // Correlations +0.9 and −0.9: neither axis-aligned (diag, spherical) nor shared (tied) fits them.
        GaussianMixture truth = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0, 0}, {15, 0}},
                new double[][][] {{{1, 0.9}, {0.9, 1}}, {{1, -0.9}, {-0.9, 1}}});
        Row best = chosen(sampled(truth, 500, 23), 23);
        assertEquals("2", best.get("K"));
        assertEquals("full", best.get("covarianceType"));
    }

    // ---- determinism and the files ----

    /** Everything one run writes and prints, byte for byte (the model file holds no clock reading). */
    private Map<String, byte[]> everything(String run, String threads) throws IOException {
        Path out = directory.resolve(run);
        Files.createDirectories(out);
        CommandRun printed = ok("select", "--data", "iris", "--components", "1..4", "--n-init", "2", "--seed", "5",
                "--threads", threads, "--out", out.resolve("model.json").toString(), "--table",
                out.resolve("table.csv").toString(), "--plots", out.resolve("plots").toString());
        Map<String, byte[]> files = new HashMap<>();
        files.put("stdout", printed.out().replace(out.toString(), "OUT").getBytes());
        files.put("model.json", Files.readAllBytes(out.resolve("model.json")));
        for (String name : List.of("table.csv", "plots/bic.png", "plots/bic.svg")) {
            files.put(name, Files.readAllBytes(out.resolve(name)));
        }
        return files;
    }

    @Test
    void theSameSeedGivesTheSameBytesWithOneThreadOrTwo() throws IOException {
        Map<String, byte[]> one = everything("one", "1");
        Map<String, byte[]> two = everything("two", "2");
        assertEquals(one.keySet(), two.keySet());
        for (String name : one.keySet()) {
            assertArrayEquals(one.get(name), two.get(name), name);
        }
    }

    @Test
    void theModelWrittenIsTheLowestBicCellAndReadsBack() throws IOException {
        Path model = directory.resolve("best.json");
        Path table = directory.resolve("table.csv");
        ok("select", "--data", "iris", "--components", "1..4", "--covariance-types", "diag,tied", "--seed", "1",
                "--out", model.toString(), "--table", table.toString());
        Row lowest = lowestBic(rows(table));
        GaussianMixture read = MixtureJson.read(model);
        assertEquals(CovarianceType.byLabel(lowest.get("covarianceType")), read.covarianceType());
        assertEquals(Integer.parseInt(lowest.get("K")), read.components());
        assertClose(criteriaByHand(read, Datasets.load("iris", List.of(), null).data())[0], lowest.number("bic"),
                "BIC of the model read back");
    }

    @Test
    void outDashWritesTheModelAloneToStandardOutput() {
        CommandRun run = ok("select", "--data", "old-faithful", "--components", "1..2", "--covariance-types", "full",
                "--out", "-");
        GaussianMixture model = MixtureJson.fromJson(run.out(), "standard output");
        assertEquals(CovarianceType.FULL, model.covarianceType());
        assertTrue(run.err().contains("lowest BIC: K = " + model.components() + ", full"), run.err());
    }

    @Test
    void anotherCriterionChoosesByItsOwnColumnAndDrawsItsOwnPlot() throws IOException {
        Path table = directory.resolve("table.csv");
        Path model = directory.resolve("aic.json");
        Path plots = directory.resolve("plots");
        CommandRun run = ok("select", "--data", "iris", "--components", "1..6", "--covariance-types", "full,diag",
                "--criterion", "aic", "--table", table.toString(), "--out", model.toString(), "--plots",
                plots.toString(), "--format", "png");
        Row lowestAic = rows(table).stream().filter(Row::fitted).filter(row -> row.get("collapsed").equals("false"))
                .min(java.util.Comparator.comparingDouble(row -> row.number("aic"))).orElseThrow();
        GaussianMixture read = MixtureJson.read(model);
        assertEquals(Integer.parseInt(lowestAic.get("K")), read.components());
        assertEquals(lowestAic.get("covarianceType"), read.covarianceType().label());
        assertTrue(run.out().contains("(--criterion aic)"), run.out());
        assertEquals(List.of("aic.png", "bic.png"), listing(plots));
    }

    private static List<String> listing(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    // ---- the pictures ----

    /** Okabe and Ito's colours that the chart gives full, diag, spherical and tied, as SVG writes them. */
    private static final Map<CovarianceType, String> TYPE_COLOURS = Map.of(
            CovarianceType.FULL, "rgb(0,114,178)", CovarianceType.DIAG, "rgb(213,94,0)",
            CovarianceType.SPHERICAL, "rgb(0,158,115)", CovarianceType.TIED, "rgb(204,121,167)");

    @Test
    void theBicPlotIsAPngAndAnSvgWithALinePerTypeAsked() throws Exception {
        Path plots = directory.resolve("plots");
        ok("select", "--data", "old-faithful", "--components", "1..3", "--covariance-types", "spherical,full",
                "--plots", plots.toString(), "--width", "640", "--height", "480");
        assertEquals(List.of("bic.png", "bic.svg"), listing(plots));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(plots.resolve("bic.png"))));
        assertNotNull(png, "bic.png decodes");
        assertEquals(640, png.getWidth());
        assertEquals(480, png.getHeight());
        byte[] svgBytes = Files.readAllBytes(plots.resolve("bic.svg"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svgBytes));
        assertEquals("svg", svg.getDocumentElement().getNodeName());
        String text = new String(svgBytes, java.nio.charset.StandardCharsets.UTF_8);
        for (CovarianceType type : CovarianceType.values()) {
            boolean asked = type == CovarianceType.FULL || type == CovarianceType.SPHERICAL;
            assertEquals(asked, text.contains(TYPE_COLOURS.get(type)), type + "'s colour in the SVG");
        }
    }

    @Test
    void everyTypeAskedHasItsColourInThePlot() throws IOException {
        Path plots = directory.resolve("all");
        ok("select", "--data", "old-faithful", "--components", "1..2", "--plots", plots.toString(), "--format", "svg");
        String text = Files.readString(plots.resolve("bic.svg"));
        for (String colour : TYPE_COLOURS.values()) {
            assertTrue(text.contains(colour), colour);
        }
    }

    // ---- cells that cannot be fitted ----

    /** Six points, three distinct: K = 4 and 5 cannot find distinct starting means. */
    private static final String THREE_DISTINCT = "a,b\n1,2\n1,2\n3,4\n3,4\n5,7\n5,7\n";

    @Test
    void aCellThatCannotBeFittedIsARowWithItsReasonAndTheRunGoesOn() throws IOException {
        Path data = directory.resolve("dup.csv");
        Files.writeString(data, THREE_DISTINCT);
        Path table = directory.resolve("table.csv");
        Path plots = directory.resolve("plots");
        CommandRun run = ok("select", "--data", data.toString(), "--components", "1..5", "--covariance-types",
                "full,spherical", "--table", table.toString(), "--plots", plots.toString());
        List<Row> rows = rows(table);
        assertEquals(10, rows.size());
        for (Row row : rows) {
            int k = Integer.parseInt(row.get("K"));
            assertEquals(k <= 3, row.fitted(), row.fields().toString());
            if (k > 3) {
                assertTrue(row.get("error").contains("only 3 distinct points"), row.get("error"));
                assertTrue(row.get("bic").isEmpty());
            }
        }
        assertTrue(run.out().contains("full        4"), run.out());
        assertTrue(run.out().lines().anyMatch(line -> line.startsWith("full") && line.contains("failed: the data has"
                + " only 3 distinct points")), run.out());
        assertTrue(run.out().contains("4 of 10 cells could not be fitted"), run.out());
        assertTrue(Files.size(plots.resolve("bic.png")) > 0);
    }

    @Test
    void aCollapsedCellIsMarkedAndNeverChosen() throws IOException {
        // With three distinct points and K = 2 or 3, some component sits on copies of one point: its
        // covariance is reg-covar · I and its likelihood is as high as reg-covar lets it be.
        Path data = directory.resolve("dup.csv");
        Files.writeString(data, THREE_DISTINCT);
        Path table = directory.resolve("table.csv");
        CommandRun run = ok("select", "--data", data.toString(), "--components", "1..3", "--covariance-types",
                "full", "--table", table.toString());
        List<Row> rows = rows(table);
        Row kThree = rows.get(2);
        assertEquals("true", kThree.get("collapsed"));
        assertTrue(kThree.number("bic") < rows.get(0).number("bic"), "the collapsed cell has the lower BIC");
        assertTrue(run.out().contains("lowest BIC: K = 1, full"), run.out());
    }

    @Test
    void whenNoCellCanBeFittedTheRunFailsWithOneLineAndWritesNothing() throws IOException {
        Path data = directory.resolve("dup.csv");
        Files.writeString(data, THREE_DISTINCT);
        Path out = directory.resolve("model.json");
        CommandRun run = CommandRun.of("select", "--data", data.toString(), "--components", "4,5", "--out",
                out.toString());
        String line = run.badInputLine();
        assertTrue(line.contains("none of the 8 (K, type) cells could be fitted"), line);
        assertFalse(Files.exists(out));
    }

    @Test
    void theDefaultRangeIsOneToNineButNeverAboveThePoints() throws IOException {
        Path data = directory.resolve("five.csv");
        Files.writeString(data, "a,b\n1,2\n2,3.5\n3,3\n4,5.5\n5,5\n");
        Path table = directory.resolve("table.csv");
        CommandRun run = ok("select", "--data", data.toString(), "--covariance-types", "spherical", "--table",
                table.toString());
        assertEquals(List.of("1", "2", "3", "4", "5"), rows(table).stream().map(row -> row.get("K")).toList());
        assertTrue(run.out().contains("K = 1..5"), run.out());
        Path iris = directory.resolve("iris.csv");
        ok("select", "--data", "old-faithful", "--covariance-types", "spherical", "--table", iris.toString());
        assertEquals(9, rows(iris).size());
    }

    @Test
    void theHelpAndTheTableStateTheSignConvention() {
        CommandRun help = ok("select", "--help");
        assertTrue(help.out().contains("Lower is better"), help.out());
        assertTrue(help.out().contains("mclust"), help.out());
        CommandRun run = ok("select", "--data", "old-faithful", "--components", "1", "--covariance-types", "tied");
        assertTrue(run.out().contains("lower is better, as in scikit-learn; R's mclust flips the sign"), run.out());
    }
}
