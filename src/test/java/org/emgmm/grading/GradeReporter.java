package org.emgmm.grading;

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
 *   {"score": 87, "max_score": 100, "output": "…", "extra_data": {"seed": "0x5DEECE66D0A1B2C3"},
 *    "tests": [{"name": "Exercise 4: E-step › …", "number": "4.1", "score": 4, "max_score": 4,
 *               "status": "passed", "output": ""}, …]}
 * </pre>
 * The seed is the run's ({@link RunSeed}), from which every graded test drew its random inputs; the table
 * names it too, with the option that draws the same inputs again.
 * Both go to the directory named by the system property {@value #DIRECTORY_PROPERTY} (the pom sets it
 * to {@code ${project.build.directory}/grade}), or {@code target/grade} without it. The table is printed
 * where students grade their work ({@link GradeExercises}); the project's own {@code mvn test} and
 * {@code mvn verify} set {@value #PRINT_PROPERTY}{@code =false}, which keeps it to its file. Above the
 * table, a CHECKS block tells how the exercises' own ungraded checks ({@link ExerciseChecks}) went. In the
 * instructors' grader nothing is written or printed: every report goes over the {@link ResultChannel}
 * instead ({@link #reportTo}).
 *
 * <p>A graded test is a test method with {@link Points}. Visible graded tests live in
 * {@code org.emgmm.grading}; hidden ones in {@code org.emgmm.grading.hidden} are reported with
 * Gradescope's {@code "visibility": "after_published"} and add to {@code max_score}. A test that
 * passes earns all its points, any other outcome none. Tests left out with {@code -Dexercise} are not
 * reported, so the maximum is then that of the chosen exercises. A graded test that never ran because
 * its class failed to start counts as failed. An exercise file that the students' build compiled from
 * its skeleton ({@link CompileExercises}: it did not compile, or it uses what it may not use) fails its
 * tests as not started, as it will when graded: its rows say why, and for a use, so does the SCORE line.
 *
 * <p>This class follows the run ({@link GradedTest}: one graded test and what became of it);
 * {@link ScoreReport}, the next to read, lays out the table and the JSON.
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
    public static final String UNFINISHED = GradedTest.UNFINISHED;

    /** The package of the hidden tests. */
    private static final String HIDDEN_PACKAGE = "org.emgmm.grading.hidden";

    /** The graded tests of the run, by id, in the order they were found. */
    private final Map<UniqueId, GradedTest> entries = new LinkedHashMap<>();

    /** Exercise files that did not compile ({@link CompileExercises}): file name → its first errors. */
    private final Map<String, String> broken = new TreeMap<>();

    /**
     * Exercise files compiled from their skeletons for a use they may not make ({@link CompileExercises}):
     * file name → the use.
     */
    private final Map<String, String> refused = new TreeMap<>();

    /** How the exercises' own checks went. */
    private final ExerciseChecks checks = new ExerciseChecks();

    /**
     * Starts afresh: reads which exercise files did not compile, and finds the graded tests.
     *
     * @param plan the tests about to run
     */
    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        entries.clear();
        broken.clear();
        String report = System.getProperty(CompileExercises.REPORT_PROPERTY);
        broken.putAll(CompileExercises.readReport(report));
        refused.clear();
        if (report != null && !report.isBlank()) {
            refused.putAll(CompileExercises.readReport(CompileExercises.ownWorkReport(Path.of(report)).toString()));
        }
        checks.clear();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier identifier : plan.getDescendants(root)) {
                graded(plan, identifier).ifPresent(entry -> entries.put(entry.id, entry));
            }
        }
    }

    /**
     * The graded test {@code identifier} is, if it is one.
     *
     * @param plan       the tests about to run
     * @param identifier one of them
     * @return the graded test, or empty for a test without {@link Points}, a container or a test found
     *         otherwise than by its method
     */
    private Optional<GradedTest> graded(TestPlan plan, TestIdentifier identifier) {
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
        return Optional.of(new GradedTest(identifier.getUniqueIdObject(), exercise, exerciseName,
                identifier.getDisplayName(), points.get().value(), hidden, order, entries.size()));
    }

    /**
     * Notes a skipped test or container: a check skipped, or the graded tests within left out.
     *
     * @param identifier what was skipped
     * @param reason     why
     */
    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        checks.skipped(identifier, reason);
        for (GradedTest entry : entries.values()) {
            if (entry.id.hasPrefix(identifier.getUniqueIdObject())) {
                entry.status = GradedTest.Status.SKIPPED;
                entry.output = reason;
            }
        }
        reportProgress();
    }

    /**
     * Notes a finished test or container: how a check went, whether a graded test passed, and for a
     * class that failed to start, its graded tests as failed.
     *
     * @param identifier what finished
     * @param result     how
     */
    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        checks.finished(identifier, result);
        GradedTest entry = entries.get(identifier.getUniqueIdObject());
        if (entry != null) {
            entry.status = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? GradedTest.Status.PASSED
                    : GradedTest.Status.FAILED;
            entry.output = result.getThrowable().map(GradedTest::describe)
                    .orElse(result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "" : "aborted");
            String file = fileOf(broken, entry.exercise);
            String refusedFile = fileOf(refused, entry.exercise);
            if (entry.status == GradedTest.Status.FAILED && file != null) {
                entry.output = notCompiled(file);
            } else if (entry.status == GradedTest.Status.FAILED && refusedFile != null) {
                entry.output = refusedFile + " " + CompileExercises.REFUSED + refused.get(refusedFile);
            }
            reportProgress();
            return;
        }
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            // A class that failed to start: its graded tests did not run, and count as failed.
            String why = "did not run: " + result.getThrowable().map(GradedTest::describe).orElse("aborted");
            for (GradedTest child : entries.values()) {
                if (child.status == GradedTest.Status.PENDING && child.id.hasPrefix(identifier.getUniqueIdObject())) {
                    child.status = GradedTest.Status.FAILED;
                    child.output = why;
                }
            }
            reportProgress();
        }
    }

    /**
     * The file of an exercise if it is one of {@code files}: one that did not compile, or one refused.
     *
     * @param files    file name → why it was not graded as written
     * @param exercise the exercise's number
     * @return its file ("Ex4….java"), or null when it is not among them
     */
    private static String fileOf(Map<String, String> files, int exercise) {
        for (String file : files.keySet()) {
            if (file.matches("Ex" + exercise + "[A-Z].*\\.java")) {
                return file;
            }
        }
        return null;
    }

    /**
     * What a test of an exercise whose file did not compile says.
     *
     * @param file the exercise's file
     * @return the output, with the file's first errors
     */
    private String notCompiled(String file) {
        return file + " does not compile, so this exercise is graded as not started: " + broken.get(file);
    }

    /**
     * Reports the run: the graded tests that never ran count as failed, and the report goes to the
     * grader's channel, or to the files and standard output.
     *
     * @param plan the tests that ran
     */
    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        for (GradedTest entry : entries.values()) {
            if (entry.status == GradedTest.Status.PENDING) {
                entry.status = GradedTest.Status.FAILED;
                entry.output = "did not run";
            }
        }
        List<GradedTest> reported = reported();
        ResultChannel to = channel;
        if (to != null) {
            // For the instructors' grader the signed line is the result: no file, and no print that could
            // block on a lock a student's thread holds on System.out.
            to.send(new ScoreReport(reported, broken, refused).json(), ResultChannel.FINAL);
            return;
        }
        if (reported.isEmpty()) {
            return;
        }
        Path directory = directory();
        ScoreReport report = new ScoreReport(reported, broken, refused);
        // Under the table, not in it: the speed-up of exercise 10, measured, never graded.
        String table = report.table(checks.block(), directory.resolve(RESULTS_FILE))
                + SpeedUpMeasurement.lineAfterTable(reported);
        try {
            Files.createDirectories(directory);
            write(directory.resolve(RESULTS_FILE), report.json());
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
     * @param to the channel
     * @throws IllegalStateException when a channel is already set
     */
    public static synchronized void reportTo(ResultChannel to) {
        if (channel != null) {
            throw new IllegalStateException("the grade report already has its channel");
        }
        channel = to;
    }

    /** Sends the results so far to the grader's channel, when there is one. */
    private void reportProgress() {
        ResultChannel to = channel;
        if (to != null) {
            to.send(new ScoreReport(reported(), broken, refused).json(), ResultChannel.PROGRESS);
        }
    }

    /**
     * The graded tests to report (all but those left out with -Dexercise), in order and numbered: the
     * visible ones before the hidden ones, by exercise, and within an exercise by their {@link Order}
     * number, the most specific test first (see {@link Exercise}); tests without one come after, in
     * the order they were found. The numbers are the same whichever tests fail, so that a hint may
     * refer to another test by its number.
     *
     * @return the tests, sorted and numbered
     */
    private List<GradedTest> reported() {
        List<GradedTest> reported = new ArrayList<>();
        for (GradedTest entry : entries.values()) {
            if (entry.status != GradedTest.Status.SKIPPED) {
                reported.add(entry);
            }
        }
        reported.sort(Comparator.comparing((GradedTest e) -> e.hidden).thenComparingInt(e -> e.exercise)
                .thenComparingInt(e -> e.order).thenComparingInt(e -> e.discovered));
        Map<String, Integer> counters = new TreeMap<>();
        for (GradedTest entry : reported) {
            String prefix = (entry.hidden ? "h" : "") + entry.exercise;
            int next = counters.merge(prefix, 1, Integer::sum);
            entry.number = prefix + "." + next;
        }
        return reported;
    }

    /**
     * Where the report files go.
     *
     * @return the folder {@value #DIRECTORY_PROPERTY} names, or target/grade
     */
    private static Path directory() {
        return Paths.get(System.getProperty(DIRECTORY_PROPERTY, "target/grade"));
    }

    /**
     * Writes through a temporary file, so that a reader never sees half a report.
     *
     * @param file the file
     * @param text what it holds
     * @throws IOException if it cannot be written
     */
    private static void write(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
