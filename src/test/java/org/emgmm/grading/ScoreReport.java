package org.emgmm.grading;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The score of one run of the graded tests, in the two forms {@link GradeReporter} writes: the table a
 * student reads ({@code score.txt}, and the end of {@code mvn test}'s output) and Gradescope's
 * {@code results.json}.
 * <pre>
 *   4.1   FAIL    0/4  Exercise 4: E-step › one named mistake
 *                        the hint, wrapped to the table's width
 *   4.2   ok      1/1  Exercise 4: E-step › an edge case
 *   score = Σ the points of the tests that passed,   max_score = Σ the points of every reported test
 * </pre>
 * Siblings: {@link GradeReporter} follows the {@link GradedTest}s while they run, then makes this.
 */
final class ScoreReport {

    /** The table's width in characters. */
    static final int WIDTH = 100;

    /** Where a test's name starts on its line, and its wrapped lines below. */
    private static final int INDENT = 19;

    /** The graded tests to report, in order and numbered. */
    private final List<GradedTest> reported;

    /** Exercise files that did not compile: file name → its first errors. */
    private final Map<String, String> broken;

    /**
     * Exercise files compiled from their skeletons for a use they may not make: file name → the use
     * ({@link OwnWork.Violation#message}).
     */
    private final Map<String, String> refused;

    /**
     * The report of some graded tests.
     *
     * @param reported the tests, in the order to list them, each with its number
     * @param broken   the exercise files that did not compile, with their first errors, by file name
     * @param refused  the exercise files graded from their skeletons for a use they may not make, with
     *                 the use, by file name
     */
    ScoreReport(List<GradedTest> reported, Map<String, String> broken, Map<String, String> refused) {
        this.reported = reported;
        this.broken = broken;
        this.refused = refused;
    }

    /**
     * Why the score is lower than the tests' own outcomes suggest, for the SCORE line: each file graded as
     * not started for a use, and the use, e.g. " (0 for Ex2LogSumExp.java, graded as not started: line 53
     * uses org.emgmm.model.LogSumExp.of)".
     *
     * @return the words to append; empty when no file was refused
     */
    private String refusedNote() {
        if (refused.isEmpty()) {
            return "";
        }
        List<String> notes = new ArrayList<>();
        refused.forEach((file, use) -> notes.add("0 for " + file + ", graded as not started: " + shortUse(use)));
        return " (" + String.join("; ", notes) + ")";
    }

    /**
     * A use's message without the rule's explanation: "Ex2LogSumExp.java line 53 uses
     * org.emgmm.model.LogSumExp.of".
     *
     * @param use the message ({@link OwnWork.Violation#message})
     * @return its first part
     */
    static String shortUse(String use) {
        int why = use.indexOf(", which ");
        return why < 0 ? use : use.substring(0, why);
    }

    /**
     * "visible 87/100", with the hidden tests' score and the total when there are hidden tests.
     *
     * @return the score in one line
     */
    private String summary() {
        int visible = 0;
        int visibleMax = 0;
        int hidden = 0;
        int hiddenMax = 0;
        for (GradedTest test : reported) {
            if (test.hidden) {
                hidden += test.score();
                hiddenMax += test.points;
            } else {
                visible += test.score();
                visibleMax += test.points;
            }
        }
        if (hiddenMax == 0) {
            return "visible " + visible + "/" + visibleMax;
        }
        if (visibleMax == 0) {
            return "hidden " + hidden + "/" + hiddenMax;
        }
        return "visible " + visible + "/" + visibleMax + ", hidden " + hidden + "/" + hiddenMax + ", total "
                + (visible + hidden) + "/" + (visibleMax + hiddenMax);
    }

    /**
     * The report in Gradescope's format (see {@link GradeReporter} for an example).
     *
     * @return results.json's text, pretty-printed, ending with a newline
     */
    String json() {
        int score = 0;
        int maxScore = 0;
        JsonArray tests = new JsonArray();
        for (GradedTest entry : reported) {
            score += entry.score();
            maxScore += entry.points;
            JsonObject test = new JsonObject();
            test.addProperty("name", entry.name());
            test.addProperty("number", entry.number);
            test.addProperty("score", entry.score());
            test.addProperty("max_score", entry.points);
            test.addProperty("status", entry.status == GradedTest.Status.PASSED ? "passed" : "failed");
            test.addProperty("output", entry.reportedOutput());
            if (entry.hidden) {
                test.addProperty("visibility", "after_published");
            }
            tests.add(test);
        }
        JsonObject results = new JsonObject();
        results.addProperty("score", score);
        results.addProperty("max_score", maxScore);
        results.addProperty("output", summary() + "; exercises from " + exercisesDirectory()
                + selection() + (broken.isEmpty() ? "" : "; does not compile: " + String.join(", ", broken.keySet()))
                + (refused.isEmpty() ? "" : "; graded as not started for a use they may not make: "
                        + String.join(", ", refused.keySet()))
                + "; " + seedLine());
        JsonObject extra = new JsonObject();
        extra.addProperty("seed", RunSeed.text());
        results.add("extra_data", extra);
        results.add("tests", tests);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(results) + "\n";
    }

    /**
     * Where the graded exercise files came from.
     *
     * @return the folder the build compiled them from: exercises for students, solutions for the project
     */
    private static String exercisesDirectory() {
        return System.getProperty("emgmm.exercises.dir", "solutions");
    }

    /**
     * The run's seed and how to replay it: the tests draw their random inputs from it ({@link RunSeed}).
     *
     * @return e.g. "random inputs from seed 0x…; the same again with -Demgmm.grade.seed=0x…"
     */
    static String seedLine() {
        return "random inputs from seed " + RunSeed.text() + "; the same inputs again with " + RunSeed.replayOption();
    }

    /**
     * "; only exercise 4 (-Dexercise=4)" when the run was limited to some exercises, else nothing.
     *
     * @return the words to append
     */
    private static String selection() {
        String chosen = System.getProperty(GradingExtension.EXERCISE_PROPERTY);
        return chosen == null || chosen.isBlank() ? "" : "; only exercise " + chosen.trim() + " (-Dexercise="
                + chosen.trim() + ")";
    }

    /**
     * The score table: the files that do not compile, the checks, then one line per test (with the
     * hint of each that did not pass), the score per exercise and in all.
     *
     * @param checks      the checks' block ({@link ExerciseChecks#block}); empty when none ran
     * @param resultsFile where results.json is written, for the table's last line
     * @return the table, framed by rules of '='
     */
    String table(String checks, Path resultsFile) {
        String rule = "-".repeat(WIDTH) + "\n";
        StringBuilder text = new StringBuilder("\n" + "=".repeat(WIDTH) + "\n");
        String compileErrors = compileErrors();
        if (!compileErrors.isEmpty()) {
            text.append(compileErrors).append(rule);
        }
        if (!checks.isEmpty()) {
            text.append(checks).append(rule);
        }
        text.append("GRADE  exercises from ").append(exercisesDirectory()).append(selection()).append("\n");
        text.append("SEED   ").append(seedLine()).append("\n");
        text.append(rule);
        Map<Integer, int[]> perExercise = new TreeMap<>();
        for (GradedTest entry : reported) {
            String points = entry.score() + "/" + entry.points;
            String mark = entry.status == GradedTest.Status.PASSED ? "ok  " : "FAIL";
            List<String> name = wrap(entry.name(), WIDTH - INDENT);
            text.append(String.format("%-5s %s %6s  %s%n", entry.number, mark, points, name.get(0)));
            for (String line : name.subList(1, name.size())) {
                text.append(" ".repeat(INDENT)).append(line).append("\n");
            }
            if (entry.status != GradedTest.Status.PASSED) {
                for (String line : wrap(entry.output, WIDTH - INDENT - 2)) {
                    text.append(" ".repeat(INDENT + 2)).append(line).append("\n");
                }
            }
            if (!entry.hidden) {
                int[] sums = perExercise.computeIfAbsent(entry.exercise, e -> new int[2]);
                sums[0] += entry.score();
                sums[1] += entry.points;
            }
        }
        text.append(rule);
        StringBuilder exercises = new StringBuilder("per exercise:");
        perExercise.forEach((exercise, sums) -> exercises.append("  ").append(exercise).append(": ")
                .append(sums[0]).append("/").append(sums[1]));
        text.append(exercises).append("\n");
        text.append("SCORE  ").append(summary()).append(refusedNote()).append("\n");
        text.append("System.exit guard: ").append(ExitGuard.status()).append("\n");
        text.append("report: ").append(resultsFile).append("\n");
        text.append("=".repeat(WIDTH)).append("\n");
        return text.toString();
    }

    /**
     * The files that did not compile, with their first errors: the first thing the table shows.
     *
     * @return the block, or empty when every file compiled
     */
    private String compileErrors() {
        if (broken.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("DOES NOT COMPILE (graded as not started; the other exercises are"
                + " graded as written):\n");
        broken.forEach((file, errors) -> appendIndented(text, errors));
        return text.toString();
    }

    /**
     * Appends a wrapped paragraph to a block of the table: its first line indented by 2, the rest by 4.
     *
     * @param text the block so far
     * @param item the paragraph
     */
    static void appendIndented(StringBuilder text, String item) {
        List<String> lines = wrap(item, WIDTH - 4);
        text.append("  ").append(lines.get(0)).append("\n");
        for (String line : lines.subList(1, lines.size())) {
            text.append("    ").append(line).append("\n");
        }
    }

    /**
     * {@code text} in lines of at most {@code width} characters, broken between words (a word longer
     * than a line is cut), keeping the text's own line breaks: every word of a hint is shown.
     *
     * @param text  the text
     * @param width the most characters a line may have
     * @return the lines; one empty line for an empty text
     */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.strip().split("\\R")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split("\\s+")) {
                while (word.length() > width) {
                    if (line.length() > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    lines.add(word.substring(0, width));
                    word = word.substring(width);
                }
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (!word.isEmpty()) {
                    line.append(line.length() > 0 ? " " : "").append(word);
                }
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }
}
