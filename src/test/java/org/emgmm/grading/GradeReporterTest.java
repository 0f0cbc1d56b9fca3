package org.emgmm.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The score table ({@link GradeReporter}): hints are wrapped, never cut, and the tests of an exercise
 * are reported most specific first, by their {@code @Order} numbers.
 */
class GradeReporterTest {

    /** Random texts per property case. */
    private static final int CASES = 200;

    @TestFactory
    List<DynamicTest> wrappingKeepsEveryWordInOrderWithinTheWidth() {
        List<DynamicTest> tests = new ArrayList<>();
        for (long seed = 0; seed < CASES; seed++) {
            long caseSeed = seed;
            tests.add(DynamicTest.dynamicTest("seed " + caseSeed, () -> {
                SplittableRandom random = new SplittableRandom(caseSeed);
                int width = 10 + random.nextInt(70);
                String text = randomText(random);
                List<String> lines = ScoreReport.wrap(text, width);
                for (String line : lines) {
                    assertTrue(line.length() <= width, "line of " + line.length() + " > " + width + ": " + line);
                }
                // No character but spaces is lost: the words, joined, are the text's words (a word longer
                // than a line is cut into pieces that join back).
                assertEquals(text.replaceAll("\\s+", ""), String.join("", lines).replaceAll("\\s+", ""));
            }));
        }
        return tests;
    }

    @Test
    void aHintLongerThanALineIsShownInFull() {
        String hint = "expected 0.3989422804014327 but got 0.7978845608028654: off by a factor of 2; check the"
                + " normalising constant 1/√(2πσ²)";
        List<String> lines = ScoreReport.wrap(hint, 40);
        assertTrue(lines.size() >= 3, lines.toString());
        assertEquals(hint, String.join(" ", lines));
    }

    @Test
    void theTextsOwnLineBreaksAreKept() {
        assertEquals(List.of("first line", "second"), ScoreReport.wrap("first line\nsecond", 80));
    }

    /**
     * Graded tests of a made-up exercise, declared least specific first, so that neither the source
     * order nor the method names give the order of the report: only their {@code @Order} numbers do.
     * Run only by {@link #gradeTheMadeUpExercise} (Surefire leaves nested classes alone).
     */
    @Exercise(4)
    @DisplayName("Exercise 4: made up")
    static class MadeUpExercise {

        @Test
        @Points(1)
        @DisplayName("no place given")
        void aaaWithoutAPlace() {
        }

        @Test
        @Order(3)
        @Points(1)
        @DisplayName("a comparison with the library")
        void aaComparisonWithTheLibrary() {
            throw Expect.failure("r", 0.1, 0.5, "see 4.1 first: the weights are left out");
        }

        @Test
        @Order(2)
        @Points(1)
        @DisplayName("an edge case")
        void abEdgeCase() {
        }

        @Test
        @Order(1)
        @Points(1)
        @DisplayName("one named mistake")
        void zzOneNamedMistake() {
            throw Expect.failure("r", 0.1, 0.5, "Bayes' rule multiplies each density by its prior");
        }
    }

    @Test
    void theMostSpecificFailureComesFirst(@TempDir Path directory) throws Exception {
        // The made-up table goes to its file only, not into this build's output.
        gradeTheMadeUpExercise(directory, "false");
        JsonObject results = JsonParser.parseString(Files.readString(directory.resolve(GradeReporter.RESULTS_FILE),
                StandardCharsets.UTF_8)).getAsJsonObject();
        JsonArray tests = results.getAsJsonArray("tests");
        List<String> reported = new ArrayList<>();
        for (int t = 0; t < tests.size(); t++) {
            JsonObject test = tests.get(t).getAsJsonObject();
            reported.add(test.get("number").getAsString() + " " + test.get("status").getAsString() + " "
                    + test.get("name").getAsString());
        }
        assertEquals(List.of(
                "4.1 failed Exercise 4: made up › one named mistake",
                "4.2 passed Exercise 4: made up › an edge case",
                "4.3 failed Exercise 4: made up › a comparison with the library",
                "4.4 passed Exercise 4: made up › no place given"), reported);
        // In the table too, the first failure of the exercise is the specific one, and the later one's
        // reference to 4.1 points at it.
        String table = Files.readString(directory.resolve(GradeReporter.TABLE_FILE), StandardCharsets.UTF_8);
        int specific = table.indexOf("4.1   FAIL");
        int general = table.indexOf("4.3   FAIL");
        assertTrue(specific >= 0 && general > specific, table);
        assertTrue(table.indexOf("see 4.1 first") > general, table);
    }

    /**
     * The table is printed as it is written to score.txt, unless {@value GradeReporter#PRINT_PROPERTY} is
     * {@code false} (as in the project's own test runs): then the files are written all the same.
     */
    @Test
    void theTableIsPrintedUnlessPrintingIsTurnedOff(@TempDir Path directory) throws Exception {
        Path quiet = directory.resolve("quiet");
        assertEquals("", gradeTheMadeUpExercise(quiet, "false"));
        String table = Files.readString(quiet.resolve(GradeReporter.TABLE_FILE), StandardCharsets.UTF_8);
        assertTrue(table.contains("4.1   FAIL"), table);
        assertTrue(Files.isRegularFile(quiet.resolve(GradeReporter.RESULTS_FILE)));
        Path printed = directory.resolve("printed");
        String output = gradeTheMadeUpExercise(printed, null);
        assertEquals(Files.readString(printed.resolve(GradeReporter.TABLE_FILE), StandardCharsets.UTF_8), output);
        assertEquals(table.replace(quiet.toString(), printed.toString()), output, "the same table either way");
    }

    /**
     * Runs {@link MadeUpExercise} with a grade report into {@code directory}, {@value GradeReporter#PRINT_PROPERTY}
     * set to {@code print} (null: not set), and returns what it printed on standard output.
     */
    private static String gradeTheMadeUpExercise(Path directory, String print) {
        GradeReporter reporter = new GradeReporter();
        String directoryBefore = System.getProperty(GradeReporter.DIRECTORY_PROPERTY);
        String printBefore = System.getProperty(GradeReporter.PRINT_PROPERTY);
        setOrClear(GradeReporter.DIRECTORY_PROPERTY, directory.toString());
        setOrClear(GradeReporter.PRINT_PROPERTY, print);
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(reporter).build())
                    .execute(LauncherDiscoveryRequestBuilder.request()
                            .selectors(DiscoverySelectors.selectClass(MadeUpExercise.class)).build());
        } finally {
            System.setOut(out);
            setOrClear(GradeReporter.DIRECTORY_PROPERTY, directoryBefore);
            setOrClear(GradeReporter.PRINT_PROPERTY, printBefore);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static void setOrClear(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int words = random.nextInt(40);
        for (int w = 0; w < words; w++) {
            int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 120 : 12);
            for (int c = 0; c < length; c++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            text.append(random.nextInt(8) == 0 ? "\n" : " ");
        }
        return text.toString();
    }
}
