package org.emgmm.instructor;

import static org.emgmm.instructor.SubmissionFolders.copySolutions;
import static org.emgmm.instructor.SubmissionFolders.plant;
import static org.emgmm.instructor.SubmissionFolders.testClasspath;
import static org.emgmm.instructor.SubmissionFolders.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader, end to end, on submissions made from the worked solutions with one fault planted per
 * exercise: each fault must cost that exercise's points only, with the reason in the report, and
 * everything else must keep its points. The expected points come from grading the untouched
 * solutions in the same run (full marks) and the fault's exercise.
 */
class GradeIT {

    /** The time limit per graded test in these runs: the solutions need milliseconds. */
    private static final String TEST_TIMEOUT = "5";

    @TempDir
    static Path folder;

    private static Path grades;
    private static String output;
    private static int exitCode;

    @BeforeAll
    static void gradeABatch() throws IOException {
        Path submissions = folder.resolve("submissions");
        copySolutions(submissions.resolve("perfect"));
        zip(submissions.resolve("perfect"), submissions.resolve("zipped.zip"), "handin/exercises/");
        Path faulty = submissions.resolve("faulty");
        copySolutions(faulty);
        plant(faulty, "Ex1NormalPdf.java", "public static double pdf(double x, double mean, double variance) {",
                "int missingValue = ;");
        plant(faulty, "Ex2LogSumExp.java", "public static double logSumExp(double[] a) {",
                "if (a != null) { double s = 0; while (s >= 0) { s += 1; } }");
        plant(faulty, "Ex3CholeskyDensity.java", "public static double logDeterminant(double[] lower, int d) {",
                "if (lower != null) { System.exit(3); }");
        plant(faulty, "Ex8KMeansPlusPlus.java",
                "public static double[] squaredDistances(DataMatrix data, double[] centres, int count) {",
                "if (data != null) { java.util.List<long[]> hog = new java.util.ArrayList<>();"
                        + " while (true) { hog.add(new long[1 << 20]); } }");
        plant(faulty, "Ex9Bic.java", "public static int freeParameters(int components, int dimension) {",
                "if (components >= 0) { throw new IllegalStateException(\"planted\"); }");
        Files.createDirectories(submissions.resolve("notes"));
        Files.writeString(submissions.resolve("notes/README.txt"), "no code here");
        grades = folder.resolve("grades");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        exitCode = Grade.run(new String[] {submissions.toString(), "--out", grades.toString(), "--jobs", "2",
            "--memory", "128", "--test-timeout", TEST_TIMEOUT, "--classpath", testClasspath()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        output = out + err.toString();
    }

    @Test
    void theBatchIsGradedAndTheGradebookWritten() throws IOException {
        assertEquals(0, exitCode, output);
        List<String> gradebook = Files.readAllLines(grades.resolve("gradebook.csv"));
        assertEquals(5, gradebook.size(), "header and four submissions: " + gradebook);
        assertTrue(gradebook.get(0).startsWith("submission,score,max_score,exercise_1,"), gradebook.get(0));
        assertTrue(gradebook.get(1).startsWith("faulty,"), gradebook.get(1));
        assertTrue(gradebook.get(2).startsWith("notes,0,"), gradebook.get(2));
        try (java.util.stream.Stream<Path> written = Files.list(grades)) {
            assertEquals(List.of("class-report.csv", "class-report.png", "class-report.svg", "gradebook.csv",
                    "submissions"), written.map(path -> path.getFileName().toString()).sorted().toList(),
                    "the batch's files, and the submissions' reports in a folder of their own");
        }
        for (String id : List.of("faulty", "perfect", "zipped", "notes")) {
            assertTrue(Files.isRegularFile(grades.resolve("submissions").resolve(id).resolve("results.json")), id);
            assertTrue(Files.isRegularFile(grades.resolve("submissions").resolve(id).resolve("score.txt")), id);
        }
    }

    /**
     * class-report.csv against the submissions' own results.json: each test's row counts the submissions
     * that passed it, of those the gradebook does not call "not a submission" (here "notes"), and the rows
     * run from the lowest pass rate up, ties in the order results.json lists the tests.
     */
    @Test
    void theClassReportAgreesWithTheSubmissionsResults() throws IOException {
        assertTrue(output.contains("class report: " + grades.resolve("class-report.csv")), output);
        List<String> counted = ClassReportTest.readCsv(grades.resolve("gradebook.csv")).stream().skip(1)
                .filter(row -> !row.get(row.size() - 2).equals("not a submission")).map(row -> row.get(0)).toList();
        assertEquals(List.of("faulty", "perfect", "zipped"), counted);
        Map<String, Integer> passed = new java.util.HashMap<>();
        List<String> resultsOrder = new java.util.ArrayList<>();
        for (String id : counted) {
            for (JsonElement element : results(id).getAsJsonArray("tests")) {
                JsonObject test = element.getAsJsonObject();
                String number = test.get("number").getAsString();
                if (!resultsOrder.contains(number)) {
                    resultsOrder.add(number);
                }
                passed.merge(number, "passed".equals(test.get("status").getAsString()) ? 1 : 0, Integer::sum);
            }
        }
        List<List<String>> rows = ClassReportTest.readCsv(grades.resolve("class-report.csv"));
        assertEquals(List.of("number", "exercise", "name", "points", "passed", "submissions", "pass_rate"), rows.get(0));
        assertEquals(resultsOrder.size() + 1, rows.size(), "one row per graded test");
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            assertEquals(passed.get(row.get(0)), Integer.parseInt(row.get(4)), row.toString());
            assertEquals(counted.size(), Integer.parseInt(row.get(5)), row.toString());
            if (r > 1) {
                int previous = passed.get(rows.get(r - 1).get(0));
                assertTrue(previous < passed.get(row.get(0)) || previous == passed.get(row.get(0))
                        && resultsOrder.indexOf(rows.get(r - 1).get(0)) < resultsOrder.indexOf(row.get(0)),
                        "lowest pass rate first, ties in test-number order: " + rows.get(r - 1) + " then " + row);
            }
        }
        assertTrue(passed.values().stream().anyMatch(count -> count < counted.size()), "the faults fail some tests");
        for (String picture : List.of("class-report.png", "class-report.svg")) {
            assertTrue(Files.size(grades.resolve(picture)) > 0, picture);
        }
    }

    @Test
    void theSolutionsScoreFullMarksFromAFolderAndFromAZip() throws IOException {
        for (String id : List.of("perfect", "zipped")) {
            JsonObject results = results(id);
            assertTrue(results.get("max_score").getAsInt() >= 100, id);
            assertEquals(results.get("max_score").getAsInt(), results.get("score").getAsInt(), id + ": " + results);
        }
    }

    @Test
    void eachFaultCostsOnlyItsOwnExercise() throws IOException {
        Map<Integer, Integer> full = pointsByExercise("perfect");
        Map<Integer, Integer> faulty = pointsByExercise("faulty");
        for (int exercise : List.of(4, 5, 6, 7)) {
            assertEquals(full.get(exercise), faulty.get(exercise), "exercise " + exercise + " has no fault");
        }
        assertEquals(0, faulty.get(1), "exercise 1 does not compile");
        for (int exercise : List.of(2, 3, 8, 9)) {
            assertTrue(faulty.get(exercise) < full.get(exercise), "exercise " + exercise + " has a fault: " + faulty);
        }
    }

    @Test
    void eachFailureSaysWhatHappened() throws IOException {
        assertFailuresMention("1.", "Ex1NormalPdf.java does not compile");
        assertFailuresMention("1.", "Ex1NormalPdf.java:");
        assertFailuresMention("2.", "within " + TEST_TIMEOUT + " s");
        assertFailuresMention("3.", "Ex3CholeskyDensity.java line ");
        assertFailuresMention("3.", " uses java.lang.System.exit, which exercise code may not use");
        assertFailuresMention("8.", "OutOfMemoryError");
        assertFailuresMention("9.", "IllegalStateException: planted");
        String table = Files.readString(grades.resolve("submissions/faulty/score.txt"));
        assertTrue(table.contains("Ex1NormalPdf.java does not compile"), table);
    }

    @Test
    void aFolderWithoutExerciseFilesScoresZeroWithTheReason() throws IOException {
        JsonObject results = results("notes");
        assertEquals(0, results.get("score").getAsInt());
        assertTrue(results.get("max_score").getAsInt() >= 100);
        assertTrue(results.get("output").getAsString().contains("no exercise files"), results.toString());
    }

    private static void assertFailuresMention(String numberPrefix, String text) throws IOException {
        int failures = 0;
        for (JsonElement element : results("faulty").getAsJsonArray("tests")) {
            JsonObject test = element.getAsJsonObject();
            if (test.get("number").getAsString().startsWith(numberPrefix)
                    && "failed".equals(test.get("status").getAsString())) {
                failures++;
                assertTrue(test.get("output").getAsString().contains(text), test.toString());
            }
        }
        assertTrue(failures > 0, "a test of " + numberPrefix + " failed");
    }

    private static JsonObject results(String id) throws IOException {
        return SubmissionReport.read(grades.resolve("submissions").resolve(id).resolve("results.json"));
    }

    private static Map<Integer, Integer> pointsByExercise(String id) throws IOException {
        return SubmissionReport.pointsByExercise(results(id));
    }
}
