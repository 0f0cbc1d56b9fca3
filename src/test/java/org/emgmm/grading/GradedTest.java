package org.emgmm.grading;

import org.junit.platform.engine.UniqueId;

/**
 * One graded test (a test method with {@link Points}) and what became of it: found when the run
 * starts, then passed, failed or skipped as the run goes. A test that passes earns all its points,
 * any other outcome none.
 *
 * <p>Siblings: {@link GradeReporter} finds and follows the graded tests; {@link ScoreReport} shows
 * them.
 */
final class GradedTest {

    /** The output of a graded test that had not finished when a progress report was sent. */
    static final String UNFINISHED = "did not finish: the grading stopped before this test ended";

    /** What became of a graded test. */
    enum Status {
        /** Not finished yet. */
        PENDING,
        /** It passed: all its points. */
        PASSED,
        /** It failed, was aborted, or its class did not start: no points. */
        FAILED,
        /** Left out with -Dexercise: not reported. */
        SKIPPED
    }

    /** The test's id in the JUnit test plan. */
    final UniqueId id;

    /** The exercise it grades, from its class's {@link Exercise}; 0 without one. */
    final int exercise;

    /** The exercise's display name, e.g. "Exercise 4: E-step". */
    final String exerciseName;

    /** The test's display name. */
    final String testName;

    /** What passing it earns. */
    final int points;

    /** Whether it is a hidden test ({@code org.emgmm.grading.hidden}). */
    final boolean hidden;

    /** Its {@link org.junit.jupiter.api.Order} number within its exercise. */
    final int order;

    /** How many graded tests were found before it. */
    final int discovered;

    /** What became of it so far. */
    Status status = Status.PENDING;

    /** Why it failed or was skipped; empty when it passed. */
    String output = "";

    /** Its number in the report, e.g. "4.2" or "h5.1"; given when the report is made. */
    String number = "";

    /**
     * A graded test found in the test plan, not run yet.
     *
     * @param id           its id in the test plan
     * @param exercise     the exercise it grades
     * @param exerciseName the exercise's display name
     * @param testName     the test's display name
     * @param points       what passing it earns
     * @param hidden       whether it is a hidden test
     * @param order        its order number within its exercise
     * @param discovered   how many graded tests were found before it
     */
    GradedTest(UniqueId id, int exercise, String exerciseName, String testName, int points, boolean hidden,
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

    /**
     * The name the report shows.
     *
     * @return "exercise › test", with " [hidden]" for a hidden test
     */
    String name() {
        return exerciseName + " › " + testName + (hidden ? " [hidden]" : "");
    }

    /**
     * What the report says of it.
     *
     * @return its output, or {@link #UNFINISHED} while it has not finished
     */
    String reportedOutput() {
        return status == Status.PENDING ? UNFINISHED : CopiedThrowable.cut(output, MAX_OUTPUT_CHARS);
    }

    /**
     * The most characters of one test's output in a report, marker included: room for any honest message
     * and hint, and small enough that a report of every test stays far below what the grader reads of one
     * signed line ({@link ResultChannel#MAX_LINE}).
     */
    static final int MAX_OUTPUT_CHARS = 4000;

    /**
     * What a test's failure says, for the report, cut to {@link #MAX_OUTPUT_CHARS}.
     *
     * @param thrown what it threw
     * @return an assertion's message alone, else the class and the message
     */
    static String describe(Throwable thrown) {
        String message = thrown.getMessage();
        if (thrown instanceof AssertionError && message != null) {
            return CopiedThrowable.cut(message, MAX_OUTPUT_CHARS);
        }
        return CopiedThrowable.cut(thrown.getClass().getName() + (message == null ? "" : ": " + message),
                MAX_OUTPUT_CHARS);
    }

    /**
     * What it earned.
     *
     * @return its points when it passed, else 0
     */
    int score() {
        return status == Status.PASSED ? points : 0;
    }
}
