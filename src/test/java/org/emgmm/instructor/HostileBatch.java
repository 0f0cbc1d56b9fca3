package org.emgmm.instructor;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * One graded batch of the hostile suites ({@link HostileSubmissionsIT}, {@link HostileIntakeIT},
 * {@link HostileIsolationIT}): where its reports are, what the grader printed, and its exit code; with the
 * suites' shared steps, the sandbox requirement and writing a file into a submission.
 *
 * @param grades   the batch's --out folder
 * @param output   what the grader printed
 * @param exitCode the grader's exit code
 */
record HostileBatch(Path grades, String output, int exitCode) {

    /** Environment variable: when set, a missing sandbox fails the test instead of skipping it. */
    static final String REQUIRE = "EMGMM_REQUIRE_SANDBOX";

    /** The results.json of submission {@code id}. */
    JsonObject results(String id) throws IOException {
        return SubmissionReport.read(grades.resolve("submissions").resolve(id).resolve("results.json"));
    }

    /** The score of submission {@code id}. */
    int score(String id) throws IOException {
        return results(id).get("score").getAsInt();
    }

    /** The full score, as the batch's honest control "perfect" reports it. */
    int full() throws IOException {
        return results("perfect").get("max_score").getAsInt();
    }

    /** The full score less the points of {@code exercise}. */
    int fullBut(int exercise) throws IOException {
        return full() - SubmissionReport.pointsByExercise(results("perfect")).get(exercise);
    }

    /** The report's summary and notes of submission {@code id}. */
    String summary(String id) throws IOException {
        return results(id).get("output").getAsString();
    }

    /** The gradebook's row of submission {@code id}. */
    String gradebookLine(String id) throws IOException {
        return Files.readAllLines(grades.resolve("gradebook.csv")).stream()
                .filter(line -> line.startsWith(id + ",")).findFirst().orElseThrow();
    }

    /** Skips the calling suite where bubblewrap is missing, or fails it when {@value #REQUIRE} is set. */
    static void requireSandbox() {
        if (!Files.isExecutable(SandboxChoice.BWRAP)) {
            if (System.getenv(REQUIRE) != null) {
                fail("bubblewrap (" + SandboxChoice.BWRAP + ") is missing but " + REQUIRE + " is set: install bubblewrap");
            }
            Assumptions.abort("hostile submissions run only inside bubblewrap, which is not installed here");
        }
    }

    /** Writes {@code text} as {@code file} among the submission's exercise files. */
    static void write(Path submission, String file, String text) throws IOException {
        Files.writeString(submission.resolve("org/emgmm/exercises").resolve(file), text, StandardCharsets.UTF_8);
    }
}
