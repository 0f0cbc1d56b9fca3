package org.emgmm.grading;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects the graded tests' results and reports the score, in every build that runs them: a table on
 * standard output (also written to {@code score.txt}), and {@code results.json} in the format of
 * Gradescope's autograder:
 * <pre>
 *   {"score": 87, "max_score": 100, "output": "…",
 *    "tests": [{"name": "Exercise 4: E-step › …", "number": "4.1", "score": 4, "max_score": 4,
 *               "status": "passed", "output": ""}, …]}
 * </pre>
 * Both go to the directory named by the system property {@value #DIRECTORY_PROPERTY} (the pom sets it
 * to {@code ${project.build.directory}/grade}), or {@code target/grade} without it. The table is printed
 * where students grade their work ({@link GradeExercises}); the project's own {@code mvn test} and
 * {@code mvn verify} set {@value #PRINT_PROPERTY}{@code =false}, which keeps it to its file. Above the table, a
 * CHECKS block tells how the exercises' own ungraded checks ({@link #CHECKS}) went. In the instructors'
 * grader nothing is written or printed: every report goes over the {@link ResultChannel} instead
 * ({@link #reportTo}).
 *
 * <p>A graded test is a test method with {@link Points}. Visible graded tests live in
 * {@code org.emgmm.grading}; hidden ones in {@code org.emgmm.grading.hidden} are reported with
 * Gradescope's {@code "visibility": "after_published"} and add to {@code max_score}. A test that
 * passes earns all its points, any other outcome none. Tests left out with {@code -Dexercise} are not
 * reported, so the maximum is then that of the chosen exercises. A graded test that never ran because
 * its class failed to start counts as failed.
 *
 * <p>Registered with the JUnit Platform through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}, so it needs no
 * configuration; without graded tests in the run it writes nothing.
 */
public final class GradeReporter implements TestExecutionListener {

    /** The system property naming the output directory. */
    public static final String DIRECTORY_PROPERTY = "emgmm.grade.dir";

    /** The report file in Gradescope's format. */
    public static final String RESULTS_FILE = "results.json";

    /** The score table as printed. */
    public static final String TABLE_FILE = "score.txt";

    /** The system property that, set to {@code false}, writes the table to its file without printing it. */
    public static final String PRINT_PROPERTY = "emgmm.grade.print";

    /** The output of a graded test that had not finished when a progress report was sent. */
    public static final String UNFINISHED = "did not finish: the grading stopped before this test ended";

    private static final String HIDDEN_PACKAGE = "org.emgmm.grading.hidden";
    private static final int WIDTH = 100;

    private enum Status { PENDING, PASSED, FAILED, SKIPPED }

    /** One graded test and what became of it. */
    private static final class Entry {
        final UniqueId id;
        final int exercise;
        final String exerciseName;
        final String testName;
        final int points;
        final boolean hidden;
        final int order;
        final int discovered;
        Status status = Status.PENDING;
        String output = "";
        String number = "";

        Entry(UniqueId id, int exercise, String exerciseName, String testName, int points, boolean hidden,
                int order, int discovered) {
            this.id = id;
            this.exercise = exercise;
            this.exerciseName = exerciseName;
            this.testName = testName;
            this.points = points;
            this.hidden = hidden;
            this.order = order;
            this.discovered = discovered;
        }

        String name() {
            return exerciseName + " › " + testName + (hidden ? " [hidden]" : "");
        }

        int score() {
            return status == Status.PASSED ? points : 0;
        }
    }

    private final Map<UniqueId, Entry> entries = new LinkedHashMap<>();

    /** Exercise files that did not compile ({@link CompileExercises}): file name → its first errors. */
    private final Map<String, String> broken = new TreeMap<>();

    /**
     * The exercises' own checks: not graded, but about the student's work, so their outcome is shown
     * above the table.
     */
    public static final List<String> CHECKS = List.of("org.emgmm.grading.OwnWorkTest",
            "org.emgmm.grading.StudentEmPropertiesTest");

    /** What became of the checks that ran: how many passed, and each failure and skip, told in one line. */
    private int checksPassed;
    private final List<String> checkFailures = new ArrayList<>();
    private final Map<String, String> checksSkipped = new LinkedHashMap<>();

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        entries.clear();
        broken.clear();
        broken.putAll(CompileExercises.readReport(System.getProperty(CompileExercises.REPORT_PROPERTY)));
        checksPassed = 0;
        checkFailures.clear();
        checksSkipped.clear();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier identifier : plan.getDescendants(root)) {
                graded(plan, identifier).ifPresent(entry -> entries.put(entry.id, entry));
            }
        }
    }

    private Optional<Entry> graded(TestPlan plan, TestIdentifier identifier) {
        if (!identifier.isTest() || identifier.getSource().isEmpty()
                || !(identifier.getSource().get() instanceof MethodSource source)) {
            return Optional.empty();
        }
        Method method;
        try {
            method = source.getJavaMethod();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Optional<Points> points = AnnotationSupport.findAnnotation(method, Points.class);
        if (points.isEmpty()) {
            return Optional.empty();
        }
        Class<?> type = source.getJavaClass();
        int exercise = AnnotationSupport.findAnnotation(type, Exercise.class).map(Exercise::value).orElse(0);
        String exerciseName = plan.getParent(identifier).map(TestIdentifier::getDisplayName)
                .orElse(type.getSimpleName());
        boolean hidden = type.getPackageName().equals(HIDDEN_PACKAGE);
        int order = AnnotationSupport.findAnnotation(method, Order.class).map(Order::value).orElse(Order.DEFAULT);
        return Optional.of(new Entry(identifier.getUniqueIdObject(), exercise, exerciseName,
                identifier.getDisplayName(), points.get().value(), hidden, order, entries.size()));
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        checkClass(identifier).ifPresent(check -> checksSkipped.putIfAbsent(check, reason));
        for (Entry entry : entries.values()) {
            if (entry.id.hasPrefix(identifier.getUniqueIdObject())) {
                entry.status = Status.SKIPPED;
                entry.output = reason;
            }
        }
        reportProgress();
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isTest() && checkClass(identifier).isPresent()) {
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                checksPassed++;
            } else {
                checkFailures.add(checkClass(identifier).get() + " › " + identifier.getDisplayName() + ": "
                        + result.getThrowable().map(GradeReporter::describe).orElse("aborted"));
            }
        }
        Entry entry = entries.get(identifier.getUniqueIdObject());
        if (entry != null) {
            entry.status = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? Status.PASSED : Status.FAILED;
            entry.output = result.getThrowable().map(GradeReporter::describe)
                    .orElse(result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "" : "aborted");
            String file = brokenFileOf(entry.exercise);
            if (entry.status == Status.FAILED && file != null) {
                entry.output = notCompiled(file);
            }
            reportProgress();
            return;
        }
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            // A class that failed to start: its graded tests did not run, and count as failed.
            String why = "did not run: " + result.getThrowable().map(GradeReporter::describe).orElse("aborted");
            for (Entry child : entries.values()) {
                if (child.status == Status.PENDING && child.id.hasPrefix(identifier.getUniqueIdObject())) {
                    child.status = Status.FAILED;
                    child.output = why;
                }
            }
            reportProgress();
        }
    }

    /** The file of {@code exercise} ("Ex4….java") if it did not compile, else null. */
    private String brokenFileOf(int exercise) {
        for (String file : broken.keySet()) {
            if (file.matches("Ex" + exercise + "[A-Z].*\\.java")) {
                return file;
            }
        }
        return null;
    }

    /** What a test of an exercise whose file did not compile says. */
    private String notCompiled(String file) {
        return file + " does not compile, so this exercise is graded as not started: " + broken.get(file);
    }

    /** The files that did not compile, with their first errors: the first thing the table shows. */
    private String compileErrors() {
        if (broken.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("DOES NOT COMPILE (graded as not started; the other exercises are"
                + " graded as written):\n");
        broken.forEach((file, errors) -> {
            List<String> lines = wrap(errors, WIDTH - 4);
            text.append("  ").append(lines.get(0)).append("\n");
            for (String line : lines.subList(1, lines.size())) {
                text.append("    ").append(line).append("\n");
            }
        });
        return text.toString();
    }

    /** The simple name of the check class that {@code identifier} belongs to, if it is one of {@link #CHECKS}. */
    private static Optional<String> checkClass(TestIdentifier identifier) {
        return identifier.getSource().flatMap(source -> {
            String name = source instanceof MethodSource method ? method.getClassName()
                    : source instanceof org.junit.platform.engine.support.descriptor.ClassSource type
                            ? type.getClassName() : null;
            return name != null && CHECKS.contains(name)
                    ? Optional.of(name.substring(name.lastIndexOf('.') + 1)) : Optional.empty();
        });
    }

    /** The most failures of the checks shown: the first few tell what is wrong. */
    private static final int CHECK_FAILURES_SHOWN = 5;

    /** The checks' outcome, above the table; empty when none ran. */
    private String checks() {
        if (checksPassed == 0 && checkFailures.isEmpty() && checksSkipped.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("CHECKS (not graded): " + checksPassed + " passed, "
                + checkFailures.size() + " failed\n");
        checksSkipped.forEach((check, reason) -> text.append("  ").append(check).append(" skipped: ")
                .append(reason).append("\n"));
        for (String failure : checkFailures.subList(0, Math.min(CHECK_FAILURES_SHOWN, checkFailures.size()))) {
            List<String> lines = wrap(failure, WIDTH - 4);
            text.append("  ").append(lines.get(0)).append("\n");
            for (String line : lines.subList(1, lines.size())) {
                text.append("    ").append(line).append("\n");
            }
        }
        if (checkFailures.size() > CHECK_FAILURES_SHOWN) {
            text.append("  … and ").append(checkFailures.size() - CHECK_FAILURES_SHOWN).append(" more\n");
        }
        return text.toString();
    }

    private static String describe(Throwable thrown) {
        if (thrown instanceof AssertionError && thrown.getMessage() != null) {
            return thrown.getMessage();
        }
        return thrown.getClass().getName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        for (Entry entry : entries.values()) {
            if (entry.status == Status.PENDING) {
                entry.status = Status.FAILED;
                entry.output = "did not run";
            }
        }
        List<Entry> reported = reported();
        ResultChannel to = channel;
        if (to != null) {
            // For the instructors' grader the signed line is the result: no file, and no print that could
            // block on a lock a student's thread holds on System.out.
            to.send(json(reported), ResultChannel.FINAL);
            return;
        }
        if (reported.isEmpty()) {
            return;
        }
        Path directory = directory();
        String table = table(reported, directory);
        try {
            Files.createDirectories(directory);
            write(directory.resolve(RESULTS_FILE), json(reported));
            write(directory.resolve(TABLE_FILE), table);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the grade report to " + directory, e);
        }
        if (!"false".equals(System.getProperty(PRINT_PROPERTY))) {
            PrintStream out = System.out;
            out.print(table);
            out.flush();
        }
    }

    /** Where the instructors' grader reads the results; null in a student's or the project's own build. */
    private static volatile ResultChannel channel;

    /**
     * Sends every report to {@code to} instead of writing files (the instructors' grader): the results
     * after every graded test (the tests still to come reported as failed with {@value #UNFINISHED}), so
     * that a grading JVM stopped at its time limit leaves the points already earned on record, and once
     * more at the end. Called once, before any test runs.
     *
     * @throws IllegalStateException when a channel is already set
     */
    public static synchronized void reportTo(ResultChannel to) {
        if (channel != null) {
            throw new IllegalStateException("the grade report already has its channel");
        }
        channel = to;
    }

    private void reportProgress() {
        ResultChannel to = channel;
        if (to != null) {
            to.send(json(reported()), ResultChannel.PROGRESS);
        }
    }

    /**
     * The graded tests to report (all but those left out with -Dexercise), in order and numbered: the
     * visible ones before the hidden ones, by exercise, and within an exercise by their {@link Order}
     * number, the most specific test first (see {@link Exercise}); tests without one come after, in
     * the order they were found. The numbers are the same whichever tests fail, so that a hint may
     * refer to another test by its number.
     */
    private List<Entry> reported() {
        List<Entry> reported = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry.status != Status.SKIPPED) {
                reported.add(entry);
            }
        }
        reported.sort(Comparator.comparing((Entry e) -> e.hidden).thenComparingInt(e -> e.exercise)
                .thenComparingInt(e -> e.order).thenComparingInt(e -> e.discovered));
        Map<String, Integer> counters = new TreeMap<>();
        for (Entry entry : reported) {
            String prefix = (entry.hidden ? "h" : "") + entry.exercise;
            int next = counters.merge(prefix, 1, Integer::sum);
            entry.number = prefix + "." + next;
        }
        return reported;
    }

    private static Path directory() {
        return Paths.get(System.getProperty(DIRECTORY_PROPERTY, "target/grade"));
    }

    /** Writes through a temporary file, so that a reader never sees half a report. */
    private static void write(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String summary(List<Entry> reported) {
        int visible = 0;
        int visibleMax = 0;
        int hidden = 0;
        int hiddenMax = 0;
        for (Entry entry : reported) {
            if (entry.hidden) {
                hidden += entry.score();
                hiddenMax += entry.points;
            } else {
                visible += entry.score();
                visibleMax += entry.points;
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

    private String json(List<Entry> reported) {
        int score = 0;
        int maxScore = 0;
        JsonArray tests = new JsonArray();
        for (Entry entry : reported) {
            score += entry.score();
            maxScore += entry.points;
            JsonObject test = new JsonObject();
            test.addProperty("name", entry.name());
            test.addProperty("number", entry.number);
            test.addProperty("score", entry.score());
            test.addProperty("max_score", entry.points);
            test.addProperty("status", entry.status == Status.PASSED ? "passed" : "failed");
            test.addProperty("output", entry.status == Status.PENDING ? UNFINISHED : entry.output);
            if (entry.hidden) {
                test.addProperty("visibility", "after_published");
            }
            tests.add(test);
        }
        JsonObject results = new JsonObject();
        results.addProperty("score", score);
        results.addProperty("max_score", maxScore);
        results.addProperty("output", summary(reported) + "; exercises from " + exercisesDirectory()
                + selection() + (broken.isEmpty() ? "" : "; does not compile: " + String.join(", ", broken.keySet())));
        results.add("tests", tests);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(results) + "\n";
    }

    private static String exercisesDirectory() {
        return System.getProperty("emgmm.exercises.dir", "solutions");
    }

    private static String selection() {
        String chosen = System.getProperty(GradingExtension.EXERCISE_PROPERTY);
        return chosen == null || chosen.isBlank() ? "" : "; only exercise " + chosen.trim() + " (-Dexercise="
                + chosen.trim() + ")";
    }

    private String table(List<Entry> reported, Path directory) {
        String rule = "-".repeat(WIDTH) + "\n";
        StringBuilder text = new StringBuilder("\n" + "=".repeat(WIDTH) + "\n");
        String compileErrors = compileErrors();
        if (!compileErrors.isEmpty()) {
            text.append(compileErrors).append(rule);
        }
        String checks = checks();
        if (!checks.isEmpty()) {
            text.append(checks).append(rule);
        }
        text.append("GRADE  exercises from ").append(exercisesDirectory()).append(selection()).append("\n");
        text.append(rule);
        Map<Integer, int[]> perExercise = new TreeMap<>();
        for (Entry entry : reported) {
            String points = entry.score() + "/" + entry.points;
            String mark = entry.status == Status.PASSED ? "ok  " : "FAIL";
            List<String> name = wrap(entry.name(), WIDTH - INDENT);
            text.append(String.format("%-5s %s %6s  %s%n", entry.number, mark, points, name.get(0)));
            for (String line : name.subList(1, name.size())) {
                text.append(" ".repeat(INDENT)).append(line).append("\n");
            }
            if (entry.status != Status.PASSED) {
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
        text.append("SCORE  ").append(summary(reported)).append("\n");
        text.append("System.exit guard: ").append(ExitGuard.status()).append("\n");
        text.append("report: ").append(directory.resolve(RESULTS_FILE)).append("\n");
        text.append("=".repeat(WIDTH)).append("\n");
        return text.toString();
    }

    /** Where a test's name starts on its line, and its wrapped lines below. */
    private static final int INDENT = 19;

    /**
     * {@code text} in lines of at most {@code width} characters, broken between words (a word longer
     * than a line is cut), keeping the text's own line breaks: every word of a hint is shown.
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
