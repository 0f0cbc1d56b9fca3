package org.emgmm.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.emgmm.plot.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The class report on a batch built so that its results are known: four submissions, where test t is
 * passed by the first {@link #PASSED_BY}(t) of them, and a folder that is not a submission (failing
 * everything), which must not count. So test t's pass rate is PASSED_BY(t) / 4, and the hardest test is
 * the one with the smallest PASSED_BY.
 */
class ClassReportTest {

    /** The graded tests, in results.json's order: number → points. */
    private static final Map<String, Integer> POINTS = ordered("1.1", 2, "1.2", 3, "1.10", 1, "2.1", 4, "2.2", 5,
            "h1.1", 5);

    /** How many of the submissions, counting from the first, pass each test. */
    private static final Map<String, Integer> PASSED_BY = ordered("1.1", 4, "1.2", 2, "1.10", 2, "2.1", 0, "2.2", 1,
            "h1.1", 2);

    private static final int SUBMISSIONS = 4;

    /**
     * The order that follows: PASSED_BY 0, 1, then the three tests passed by 2 in test-number order
     * (1.2 before 1.10, as numbers; visible before hidden), then 4.
     */
    private static final List<String> HARDEST_FIRST = List.of("2.1", "2.2", "1.2", "1.10", "h1.1", "1.1");

    @TempDir
    Path folder;

    @Test
    void eachTestCountsTheSubmissionsThatPassedIt() {
        ClassReport report = ClassReport.of(batch());
        assertEquals(HARDEST_FIRST, report.tests().stream().map(ClassReport.TestTally::number).toList());
        for (ClassReport.TestTally test : report.tests()) {
            assertEquals(PASSED_BY.get(test.number()), test.passed(), test.number());
            assertEquals(SUBMISSIONS, test.submissions(), "the folder that is not a submission is left out");
            assertEquals(PASSED_BY.get(test.number()) / (double) SUBMISSIONS, test.passRate(), 1e-12);
            assertEquals(POINTS.get(test.number()), test.points());
            assertEquals(test.number().startsWith("2.") ? 2 : 1, test.exercise());
        }
        assertEquals(IntStream.range(0, SUBMISSIONS).mapToObj(ClassReportTest::score).toList(), report.scores());
    }

    @Test
    void theCsvHasOneRowPerTestHardestFirst() throws IOException {
        ClassReport.write(folder, batch());
        List<List<String>> rows = readCsv(folder.resolve(ClassReport.CSV_FILE));
        assertEquals(List.of("number", "exercise", "name", "points", "passed", "submissions", "pass_rate"), rows.get(0));
        assertEquals(HARDEST_FIRST.size() + 1, rows.size());
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String number = HARDEST_FIRST.get(r - 1);
            assertEquals(number, row.get(0));
            assertEquals(nameOf(number), row.get(2), "a name with a comma survives the quoting");
            assertEquals(String.valueOf(POINTS.get(number)), row.get(3));
            assertEquals(String.valueOf(PASSED_BY.get(number)), row.get(4));
            assertEquals(String.valueOf(SUBMISSIONS), row.get(5));
            assertEquals(PASSED_BY.get(number) / (double) SUBMISSIONS, Double.parseDouble(row.get(6)), 5e-4);
        }
    }

    @Test
    void theScoreBandsHoldEverySubmissionOnce() {
        ClassReport report = ClassReport.of(batch());
        int maxScore = POINTS.values().stream().mapToInt(Integer::intValue).sum();
        int width = ClassReport.bandWidth(maxScore);
        var bands = report.scoreBands();
        assertTrue(bands.size() <= ClassReport.MAX_BANDS, bands.toString());
        assertEquals(maxScore / width + 1, bands.size(), bands.toString());
        for (int b = 0; b < bands.size(); b++) {
            int band = b;
            long expected = IntStream.range(0, SUBMISSIONS).filter(i -> score(i) / width == band).count();
            assertEquals(expected, bands.get(b).submissions(), bands.get(b).label());
        }
        assertTrue(bands.get(bands.size() - 1).label().endsWith(String.valueOf(maxScore)), bands.toString());
    }

    @Test
    void bandsAreRoundNumbersOfPoints() {
        assertEquals(1, ClassReport.bandWidth(11));
        assertEquals(2, ClassReport.bandWidth(20));
        assertEquals(10, ClassReport.bandWidth(105));
        assertEquals(10, ClassReport.bandWidth(110));
        assertEquals(20, ClassReport.bandWidth(120));
    }

    @Test
    void thePicturesAreWrittenAsPngAndSvg() throws Exception {
        List<Path> written = ClassReport.write(folder, batch());
        assertEquals(List.of(folder.resolve("class-report.csv"), folder.resolve("class-report.png"),
                folder.resolve("class-report.svg")), written);
        Picture picture = ClassReport.of(batch()).picture();
        BufferedImage png = ImageIO.read(folder.resolve("class-report.png").toFile());
        assertEquals(picture.width(), png.getWidth(), "72 dpi: one pixel per unit");
        assertEquals(picture.height(), png.getHeight());
        assertTrue(picture.height() > picture.width() / 2, "two panels, one above the other");
        Path svg = folder.resolve("class-report.svg");
        assertTrue(Files.size(svg) > 0);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // no network
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", document.getDocumentElement().getLocalName());
        try (Stream<Path> files = Files.list(folder)) {
            assertFalse(files.anyMatch(file -> file.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void aBatchOfNothingButNonSubmissionsStillGivesEveryTestARow() throws IOException {
        ClassReport report = ClassReport.of(List.of(SubmissionReport.notASubmission("notes", template(), "no files")));
        assertEquals(POINTS.size(), report.tests().size());
        report.tests().forEach(test -> assertEquals(0, test.submissions()));
        assertTrue(report.csv().lines().skip(1).allMatch(line -> line.endsWith(",0,0,")), report.csv());
        ClassReport.write(folder, List.of(SubmissionReport.notASubmission("notes", template(), "no files")));
        assertTrue(Files.size(folder.resolve("class-report.png")) > 0);
    }

    /** The not-a-submission folder first, then submissions 0 to 3. */
    private static List<SubmissionReport> batch() {
        List<SubmissionReport> reports = new ArrayList<>();
        reports.add(SubmissionReport.notASubmission("notes", template(), "no exercise files"));
        for (int i = 0; i < SUBMISSIONS; i++) {
            JsonObject written = template();
            for (JsonElement element : written.getAsJsonArray("tests")) {
                JsonObject test = element.getAsJsonObject();
                boolean passed = i < PASSED_BY.get(test.get("number").getAsString());
                test.addProperty("status", passed ? "passed" : "failed");
            }
            reports.add(SubmissionReport.graded("student-" + i, written, template(), Map.of(),
                    new GradingJvm.Outcome(GradingJvm.Ending.FINISHED, 0, "", written, 0), 900));
        }
        return reports;
    }

    /** Submission i's total: the points of the tests it passes. */
    private static int score(int i) {
        return POINTS.keySet().stream().filter(number -> i < PASSED_BY.get(number)).mapToInt(POINTS::get).sum();
    }

    /** The skeletons' results.json: every test failing. */
    private static JsonObject template() {
        JsonArray tests = new JsonArray();
        POINTS.forEach((number, points) -> {
            JsonObject test = new JsonObject();
            test.addProperty("name", nameOf(number));
            test.addProperty("number", number);
            test.addProperty("score", 0);
            test.addProperty("max_score", points);
            test.addProperty("status", "failed");
            test.addProperty("output", "TODO");
            tests.add(test);
        });
        JsonObject results = new JsonObject();
        results.add("tests", tests);
        results.addProperty("score", 0);
        return results;
    }

    private static String nameOf(String number) {
        return "Exercise " + SubmissionReport.exerciseOf(number) + ": test " + number + ", with \"quotes\"";
    }

    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int p = 0; p < pairs.length; p += 2) {
            map.put((String) pairs[p], (Integer) pairs[p + 1]);
        }
        return map;
    }

    /** Reads a CSV file whose fields may be quoted as RFC 4180 says (no line breaks inside fields). */
    static List<List<String>> readCsv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (quoted && ch == '"' && c + 1 < line.length() && line.charAt(c + 1) == '"') {
                    field.append('"');
                    c++;
                } else if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == ',' && !quoted) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(ch);
                }
            }
            fields.add(field.toString());
            rows.add(fields);
        }
        return rows;
    }
}
