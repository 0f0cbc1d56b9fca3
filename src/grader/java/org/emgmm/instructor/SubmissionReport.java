package org.emgmm.instructor;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emgmm.grading.GradeReporter;
import org.emgmm.io.AtomicFiles;

/**
 * One submission's report: the graded tests' {@code results.json} (Gradescope's format) completed
 * with what happened around them, its score table, and its line of the gradebook.
 *
 * <p>The graded tests write {@code results.json} themselves. This class adds what only the grader
 * knows: which files did not compile (their exercise's failures then quote the compiler instead of
 * "TODO"), and whether the run was stopped at its time limit or crashed (the tests it did not finish
 * say so). When no report was written at all (a submission that is not one, a JVM that never
 * started), every test of the template, the report of the untouched skeletons, fails with the reason.
 */
final class SubmissionReport {

    /** How a submission's grading went, as the gradebook's {@code status} column says it. */
    enum Status {
        GRADED("graded"), COMPILE_ERRORS("graded, some files do not compile"),
        STOPPED("stopped at the time limit"), CRASHED("grading JVM crashed"), ENDED_EARLY("ended early"),
        NOT_A_SUBMISSION("not a submission");

        final String text;

        Status(String text) {
            this.text = text;
        }
    }

    /** A test number: "4.2" for exercise 4, "h5.1" for a hidden test of exercise 5. */
    private static final Pattern NUMBER = Pattern.compile("(h?)(\\d+)\\.\\d+");

    /** An exercise file's name: "Ex4EStep.java" is exercise 4's. */
    private static final Pattern EXERCISE_FILE = Pattern.compile("Ex(\\d+)[A-Z].*\\.java");

    private final String id;
    private final JsonObject results;
    private final Status status;
    private final List<String> notes;

    private SubmissionReport(String id, JsonObject results, Status status, List<String> notes) {
        this.id = id;
        this.results = results;
        this.status = status;
        this.notes = notes;
    }

    String id() {
        return id;
    }

    Status status() {
        return status;
    }

    int score() {
        return results.get("score").getAsInt();
    }

    int maxScore() {
        return results.get("max_score").getAsInt();
    }

    /** The graded tests as results.json lists them (a copy): name, number, score, max_score, status, output. */
    JsonArray tests() {
        return results.getAsJsonArray("tests").deepCopy();
    }

    /** Reads the results.json that the graded tests wrote, or null when there is none. */
    static JsonObject read(Path resultsFile) throws IOException {
        if (!Files.exists(resultsFile)) {
            return null;
        }
        return JsonParser.parseString(Files.readString(resultsFile, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /**
     * The report of a graded submission.
     *
     * @param written  the results.json the tests wrote, or null when they wrote none
     * @param template the results.json of the untouched skeletons: every test, failing
     * @param replaced file name → why it was graded from its skeleton ({@link Compilation#replaced})
     */
    static SubmissionReport graded(String id, JsonObject written, JsonObject template, Map<String, String> replaced,
            GradingJvm.Outcome outcome, long submissionSeconds) {
        String unfinished = switch (outcome.ending()) {
            case FINISHED -> "did not finish";
            case STOPPED_AT_TIME_LIMIT -> "did not finish: grading this submission was stopped at its time limit of "
                    + submissionSeconds + " s (an endless loop outside the tests' own limits?)";
            case CRASHED -> "did not finish: the grading JVM ended with exit code " + outcome.exitCode()
                    + (outcome.lastLogLine().isEmpty() ? "" : " (" + outcome.lastLogLine() + ")");
            case ENDED_EARLY -> "did not finish: the grading JVM ended early, with exit code 0 but before the tests"
                    + " were done (something in the submission ended it)";
        };
        List<String> notes = new ArrayList<>();
        JsonObject results = onlyTheGradedTests(written, template, notes);
        replaced.forEach((file, why) -> notes.add(file + " " + why));
        for (JsonElement element : results.getAsJsonArray("tests")) {
            JsonObject test = element.getAsJsonObject();
            if (written == null || GradeReporter.UNFINISHED.equals(test.get("output").getAsString())) {
                test.addProperty("output", unfinished);
            }
            String file = fileOfExercise(exerciseOf(test), replaced);
            if (file != null && !"passed".equals(test.get("status").getAsString())) {
                test.addProperty("output", file + " " + replaced.get(file));
            }
        }
        Status status = switch (outcome.ending()) {
            case STOPPED_AT_TIME_LIMIT -> Status.STOPPED;
            case CRASHED -> Status.CRASHED;
            case ENDED_EARLY -> Status.ENDED_EARLY;
            case FINISHED -> replaced.values().stream().anyMatch(why -> why.startsWith("does not compile")
                    || why.startsWith("the files do not compile")) ? Status.COMPILE_ERRORS : Status.GRADED;
        };
        if (outcome.ending() != GradingJvm.Ending.FINISHED) {
            notes.add(0, unfinished.substring("did not finish: ".length()));
        }
        if (outcome.forgedLines() > 0) {
            notes.add(outcome.forgedLines() + " line(s) on the grading JVM's result channel were not signed by the"
                    + " grader's harness and were ignored");
        }
        return finish(id, results, status, notes);
    }

    /**
     * The template's tests, with the status and output the submission's run wrote for each. The list
     * of tests and their points always come from the template (graded before any student code ran): a
     * test the run reports that the template does not have is ignored, with a note, and a test it
     * leaves out stays unfinished. So code that adds tests, or rewrites their points, gains nothing.
     */
    static JsonObject onlyTheGradedTests(JsonObject written, JsonObject template, List<String> notes) {
        JsonObject results = template.deepCopy();
        if (written == null || !written.has("tests") || !written.get("tests").isJsonArray()) {
            return results;
        }
        java.util.Map<String, JsonObject> byKey = new java.util.HashMap<>();
        for (JsonElement element : written.getAsJsonArray("tests")) {
            if (element.isJsonObject() && element.getAsJsonObject().has("name")
                    && element.getAsJsonObject().has("number")) {
                JsonObject test = element.getAsJsonObject();
                byKey.put(key(test), test);
            }
        }
        int matched = 0;
        for (JsonElement element : results.getAsJsonArray("tests")) {
            JsonObject test = element.getAsJsonObject();
            JsonObject reported = byKey.remove(key(test));
            if (reported == null) {
                test.addProperty("output", GradeReporter.UNFINISHED);
                continue;
            }
            matched++;
            String status = reported.has("status") ? reported.get("status").getAsString() : "failed";
            test.addProperty("status", "passed".equals(status) ? "passed" : "failed");
            test.addProperty("output", reported.has("output") && reported.get("output").isJsonPrimitive()
                    ? reported.get("output").getAsString() : "");
        }
        if (!byKey.isEmpty()) {
            notes.add("ignored " + byKey.size() + " test result(s) that are not among the graded tests (e.g. "
                    + byKey.keySet().iterator().next() + ")");
        }
        return results;
    }

    private static String key(JsonObject test) {
        return test.get("number").getAsString() + " " + test.get("name").getAsString();
    }

    /** The most characters of one test's output kept in a report: room for any honest message and hint. */
    static final int MAX_OUTPUT_CHARS = 4000;

    /** Marks a shortened output, so that nobody mistakes it for the whole. */
    static final String TRUNCATED = " … truncated";

    /** {@code output}, cut to {@link #MAX_OUTPUT_CHARS} with a visible marker saying how much was dropped. */
    static String capped(String output) {
        if (output.length() <= MAX_OUTPUT_CHARS) {
            return output;
        }
        return output.substring(0, MAX_OUTPUT_CHARS) + TRUNCATED + " (" + (output.length() - MAX_OUTPUT_CHARS)
                + " more characters)";
    }

    /** The report of a submission that could not be graded at all: every test fails with {@code why}. */
    static SubmissionReport notASubmission(String id, JsonObject template, String why) {
        JsonObject results = template.deepCopy();
        for (JsonElement element : results.getAsJsonArray("tests")) {
            element.getAsJsonObject().addProperty("output", why);
        }
        return finish(id, results, Status.NOT_A_SUBMISSION, List.of(why));
    }

    private static SubmissionReport finish(String id, JsonObject results, Status status, List<String> notes) {
        int score = 0;
        int maxScore = 0;
        for (JsonElement element : results.getAsJsonArray("tests")) {
            JsonObject test = element.getAsJsonObject();
            test.addProperty("output", capped(test.get("output").getAsString()));
            boolean passed = "passed".equals(test.get("status").getAsString());
            test.addProperty("score", passed ? test.get("max_score").getAsInt() : 0);   // points from the template
            score += test.get("score").getAsInt();
            maxScore += test.get("max_score").getAsInt();
        }
        results.addProperty("score", score);
        results.addProperty("max_score", maxScore);
        results.addProperty("output", "submission " + id + ": " + score + "/" + maxScore + ", " + status.text
                + (notes.isEmpty() ? "" : "\n" + String.join("\n", notes)));
        return new SubmissionReport(id, results, status, notes);
    }

    private static int exerciseOf(JsonObject test) {
        return exerciseOf(test.get("number").getAsString());
    }

    /** The exercise of a test number: 4 for "4.2" and for "h4.1"; 0 for a number of another form. */
    static int exerciseOf(String testNumber) {
        Matcher number = NUMBER.matcher(testNumber);
        return number.matches() ? Integer.parseInt(number.group(2)) : 0;
    }

    private static String fileOfExercise(int exercise, Map<String, String> replaced) {
        for (String file : replaced.keySet()) {
            Matcher name = EXERCISE_FILE.matcher(file);
            if (name.matches() && Integer.parseInt(name.group(1)) == exercise) {
                return file;
            }
        }
        return null;
    }

    /** Points earned per visible exercise (1, 2, …) and, under key -1, in the hidden tests. */
    Map<Integer, Integer> pointsByExercise() {
        return pointsByExercise(results);
    }

    /** Points earned per visible exercise and, under key -1, in the hidden tests, of a results.json. */
    static Map<Integer, Integer> pointsByExercise(JsonObject results) {
        Map<Integer, Integer> points = new TreeMap<>();
        for (JsonElement element : results.getAsJsonArray("tests")) {
            JsonObject test = element.getAsJsonObject();
            Matcher number = NUMBER.matcher(test.get("number").getAsString());
            int key = !number.matches() ? 0 : number.group(1).isEmpty() ? Integer.parseInt(number.group(2)) : -1;
            points.merge(key, test.get("score").getAsInt(), Integer::sum);
        }
        return points;
    }

    /**
     * Records the seed the graded tests drew their random inputs from ({@code org.emgmm.grading.RunSeed}):
     * in results.json as {@code extra_data.seed} and a last line of its {@code output}, and in the score
     * table, so that the same inputs can be drawn again with {@code --seed}.
     *
     * @param seed the seed given to the grading JVM
     * @return this report
     */
    SubmissionReport withSeed(String seed) {
        extraData().addProperty("seed", seed);
        results.addProperty("output", results.get("output").getAsString() + "\n" + seedLine(seed));
        return this;
    }

    /** What the report says of the seed: where the inputs came from, and how to draw them again. */
    private static String seedLine(String seed) {
        return "random inputs from seed " + seed + "; the same inputs again with: grade --seed " + seed;
    }

    /** The seed recorded by {@link #withSeed}, or null. */
    private String seed() {
        JsonElement extra = results.get("extra_data");
        return extra != null && extra.isJsonObject() && extra.getAsJsonObject().has("seed")
                ? extra.getAsJsonObject().get("seed").getAsString() : null;
    }

    /** The notes, on one line, for the gradebook. */
    String notesLine() {
        return String.join(" | ", notes);
    }

    /**
     * Records in results.json how the submission was graded, under Gradescope's {@code extra_data}:
     * {@code "sandbox": "bwrap"} or {@code "none"}, and {@code "runs_as": "nobody"} when, without
     * bubblewrap, the grading JVM ran as nobody ({@link Unprivileged}).
     *
     * @param sandbox where the grading JVM ran
     * @return this report
     */
    SubmissionReport gradedIn(Sandbox sandbox) {
        JsonObject extra = extraData();
        extra.addProperty("sandbox", sandbox.isOn() ? "bwrap" : "none");
        if (!sandbox.isOn() && Unprivileged.possible()) {
            extra.addProperty("runs_as", "nobody");
        }
        return this;
    }

    /** Gradescope's {@code extra_data} object of results.json, made on first use: the seed and the sandbox share it. */
    private JsonObject extraData() {
        JsonElement extra = results.get("extra_data");
        if (extra == null || !extra.isJsonObject()) {
            extra = new JsonObject();
            results.add("extra_data", extra);
        }
        return extra.getAsJsonObject();
    }

    /** Writes {@code results.json} and {@code score.txt} into {@code folder}. */
    void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        AtomicFiles.writeString(folder.resolve(GradeReporter.RESULTS_FILE),
                new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(results) + "\n");
        AtomicFiles.writeString(folder.resolve(GradeReporter.TABLE_FILE), table());
    }

    /** The score table: one line per test, the reason under each failure, the total last. */
    String table() {
        StringBuilder text = new StringBuilder();
        text.append(id).append(": ").append(score()).append("/").append(maxScore()).append(", ").append(status.text)
                .append("\n");
        for (String note : notes) {
            text.append("  ").append(note).append("\n");
        }
        if (seed() != null) {
            text.append("  ").append(seedLine(seed())).append("\n");
        }
        text.append("\n");
        for (JsonElement element : results.getAsJsonArray("tests")) {
            JsonObject test = element.getAsJsonObject();
            test.addProperty("output", capped(test.get("output").getAsString()));
            boolean passed = "passed".equals(test.get("status").getAsString());
            text.append(String.format("%-6s %-4s %3d/%-3d %s%n", test.get("number").getAsString(),
                    passed ? "ok" : "FAIL", test.get("score").getAsInt(), test.get("max_score").getAsInt(),
                    test.get("name").getAsString()));
            if (!passed) {
                text.append("                    ").append(test.get("output").getAsString().replace('\n', ' '))
                        .append("\n");
            }
        }
        text.append("\nSCORE ").append(score()).append("/").append(maxScore()).append("\n");
        return text.toString();
    }
}
