package org.emgmm.instructor;

import static org.emgmm.instructor.SubmissionFolders.copySolutions;
import static org.emgmm.instructor.SubmissionFolders.plant;
import static org.emgmm.instructor.SubmissionFolders.testClasspath;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submission whose endless loops, each cut off by the per-test limit, add up to more than the
 * limit for the whole submission: its grading JVM is stopped, the tests finished by then keep their
 * results, and the rest say why they have none. (The submission is graded with {@code --single}, as
 * an autograder would, so its files are found deep inside the folder.)
 */
class GradeTimeLimitIT {

    /** Per-test limit, in seconds: 15 looping tests need 15 s. */
    private static final int TEST_SECONDS = 1;

    /** Whole-submission limit, in seconds: more than the skeletons' run needs, less than 15 s. */
    private static final int SUBMISSION_SECONDS = 10;

    @TempDir
    Path folder;

    @Test
    void aSubmissionOverItsTimeLimitIsStoppedAndKeepsWhatFinished() throws IOException {
        Path upload = folder.resolve("slow");
        Path slow = upload.resolve("unzipped/handin"); // deep inside: found because of --single
        copySolutions(slow);
        String loop = "if (Boolean.parseBoolean(\"true\")) { long spins = 0; while (spins >= 0) { spins++; } }";
        plant(slow, "Ex1NormalPdf.java", "public static double pdf(double x, double mean, double variance) {",
                loop);
        plant(slow, "Ex1NormalPdf.java",
                "public static double logPdf(double x, double mean, double variance) {", loop);
        plant(slow, "Ex2LogSumExp.java", "public static double logSumExp(double[] a) {", loop);
        plant(slow, "Ex2LogSumExp.java", "public static double[] normalise(double[] a) {", loop);
        plant(slow, "Ex3CholeskyDensity.java", "public static double logDeterminant(double[] lower, int d) {",
                loop);
        Path grades = folder.resolve("grades");
        StringWriter out = new StringWriter();
        int code = Grade.run(new String[] {"--single", upload.toString(), "--out", grades.toString(), "--test-timeout",
            String.valueOf(TEST_SECONDS), "--timeout", String.valueOf(SUBMISSION_SECONDS), "--classpath",
            testClasspath()}, new PrintWriter(out, true), new PrintWriter(out, true));
        assertEquals(0, code, out.toString());

        JsonObject results = SubmissionReport.read(grades.resolve("submissions/slow/results.json"));
        assertTrue(results.get("output").getAsString().contains("stopped at the time limit"), results.toString());
        int unfinished = 0;
        int finished = 0;
        for (JsonElement element : results.getAsJsonArray("tests")) {
            String output = element.getAsJsonObject().get("output").getAsString();
            if (output.contains("time limit of " + SUBMISSION_SECONDS + " s")) {
                unfinished++;
            } else {
                finished++;
            }
        }
        assertTrue(unfinished > 0, "some tests did not finish: " + results);
        assertTrue(finished > 0, "the tests finished before the stop keep their results: " + results);
        List<String> gradebook = Files.readAllLines(grades.resolve("gradebook.csv"));
        assertTrue(gradebook.get(1).contains("stopped at the time limit"), gradebook.toString());
    }
}
