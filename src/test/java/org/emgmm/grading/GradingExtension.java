package org.emgmm.grading;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * What every graded test class gets through {@link Exercise}:
 * <ul>
 *   <li><b>Choosing exercises.</b> {@code -Dexercise=4} runs only exercise 4's graded tests,
 *       {@code -Dexercise=4,5} two of them; without it, all run. (Maven hands {@code -D} options to the
 *       test JVM as system properties.)</li>
 *   <li><b>A time limit.</b> Each test runs in a thread of its own, and the test thread waits for it
 *       at most {@value #DEFAULT_TIMEOUT_SECONDS} s (or {@code -Demgmm.grade.timeout=S}). A test cut off
 *       fails with "expected an answer within 10 s, got none" and a hint, and the next test starts:
 *       an endless loop costs only the tests that run into it.</li>
 *   <li><b>Runaway threads stopped.</b> After such a test, the thread still running student code is
 *       stopped ({@link StudentCode#stopRunaways}), so that the next tests get the processor. A thread
 *       that cannot be stopped (it swallows what stops it, or waits on a static initialiser that never
 *       ends) ends its exercise: the class's remaining tests fail at once, saying why, instead of each
 *       running into the same wait. The next exercise's tests run in a class loader of their own, with
 *       fresh copies of the student's classes, and are not affected.</li>
 *   <li><b>Failures of bounded size.</b> What a test throws is handed on with its message cut to length
 *       and its causes copied ({@link CopiedThrowable}), on the test's own thread, so that no exception
 *       of the student's reaches JUnit or the report as it is.</li>
 * </ul>
 */
public final class GradingExtension implements ExecutionCondition, InvocationInterceptor,
        AfterTestExecutionCallback {

    /**
     * Each graded test's time limit, in seconds, unless {@value #TIMEOUT_PROPERTY} says otherwise. Every
     * graded test needs well under a second with a correct solution; ten times that and more leaves room
     * for a slow machine and a slow (but finished) student solution.
     */
    public static final long DEFAULT_TIMEOUT_SECONDS = 10;

    /** The system property that sets the time limit per graded test, in whole seconds. */
    public static final String TIMEOUT_PROPERTY = "emgmm.grade.timeout";

    /** The system property that selects exercises: {@code -Dexercise=4} or {@code -Dexercise=4,5}. */
    public static final String EXERCISE_PROPERTY = "exercise";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Set<Integer> selected = selectedExercises();
        if (selected.isEmpty()) {
            return ConditionEvaluationResult.enabled("every exercise runs");
        }
        Optional<Exercise> exercise = context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, Exercise.class));
        if (exercise.isEmpty() || selected.contains(exercise.get().value())) {
            return ConditionEvaluationResult.enabled("selected with -D" + EXERCISE_PROPERTY);
        }
        return ConditionEvaluationResult.disabled("exercise " + exercise.get().value() + " is not selected (-D"
                + EXERCISE_PROPERTY + "=" + System.getProperty(EXERCISE_PROPERTY) + ")");
    }

    /** The exercises named by {@code -Dexercise}; empty when it is not set (then all run). */
    static Set<Integer> selectedExercises() {
        return parseExercises(System.getProperty(EXERCISE_PROPERTY));
    }

    /** The exercises there are. */
    static final int FIRST_EXERCISE = 1;
    static final int LAST_EXERCISE = 11;

    /**
     * "4" or "4,5" (or "4 5") as a set; empty for null or blank.
     *
     * @throws IllegalArgumentException in one line naming the valid values, for anything else
     */
    static Set<Integer> parseExercises(String value) {
        Set<Integer> selected = new TreeSet<>();
        if (value == null || value.isBlank()) {
            return selected;
        }
        for (String part : value.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            int number;
            try {
                number = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                number = -1;
            }
            if (number < FIRST_EXERCISE || number > LAST_EXERCISE) {
                throw new IllegalArgumentException(badExercise(value));
            }
            selected.add(number);
        }
        return selected;
    }

    /** The one line for a -Dexercise that names no exercise. */
    static String badExercise(String value) {
        return "-D" + EXERCISE_PROPERTY + "=" + value + " names no exercise: use the numbers " + FIRST_EXERCISE
                + " to " + LAST_EXERCISE + ", one or several, e.g. -D" + EXERCISE_PROPERTY + "=4 or -D"
                + EXERCISE_PROPERTY + "=4,5";
    }

    /** The time limit per graded test: {@value #TIMEOUT_PROPERTY}, or {@value #DEFAULT_TIMEOUT_SECONDS} s. */
    static long timeoutSeconds() {
        String value = System.getProperty(TIMEOUT_PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_TIMEOUT_SECONDS;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + TIMEOUT_PROPERTY + " takes a whole number of seconds above 0;"
                + " got '" + value + "'");
    }

    /**
     * Runs the test method in a daemon thread of its own and waits at most {@link #timeoutSeconds()}.
     * What the test throws is rethrown here; a test still running at the limit fails with
     * {@link #timeoutFailure}, and {@link #afterTestExecution} then stops the thread.
     */
    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
            ExtensionContext context) throws Throwable {
        long limit = timeoutSeconds();
        String ended = ENDED.get(context.getRequiredTestClass());
        if (ended != null) {
            throw endedFailure(context.getDisplayName(), ended);
        }
        Throwable[] thrown = new Throwable[1];
        Thread runner = new Thread(() -> {
            try {
                invocation.proceed();
            } catch (Throwable t) {
                thrown[0] = bounded(t);
            }
        }, "graded test: " + context.getDisplayName());
        runner.setDaemon(true);
        runner.start();
        runner.join(limit * 1_000);
        if (runner.isAlive()) {
            throw timeoutFailure(context.getDisplayName(), limit);
        }
        if (thrown[0] != null) {
            throw thrown[0];
        }
    }

    /** The failure of the test named {@code test} when it was still running after {@code limit} seconds. */
    static AssertionFailedError timeoutFailure(String test, long limit) {
        return Expect.failure(test, "an answer within " + limit + " s", "none (the test was stopped)",
                "look for a loop whose condition never becomes false (a counter that is never increased, a"
                        + " convergence test that can never be met) or for work that grows far faster than needed");
    }

    /**
     * Test classes whose student code left a thread that could not be stopped, and the test it was left
     * by: their remaining tests fail at once.
     */
    private static final Map<Class<?>, String> ENDED = new ConcurrentHashMap<>();

    /**
     * Stops the threads still running student code; when one cannot be stopped, ends the rest of this
     * test class (see {@link #endedFailure}).
     */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (!StudentCode.stopRunaways().isEmpty()) {
            ENDED.putIfAbsent(context.getRequiredTestClass(), context.getDisplayName());
        }
    }

    /**
     * The failure of a test not run because the student code of an earlier test of its class could not be
     * stopped.
     *
     * @param test   the test not run
     * @param leftBy the test whose code is still running
     * @return the failure
     */
    static AssertionFailedError endedFailure(String test, String leftBy) {
        return Expect.failure(test, "a run of this test", "none: your code from the test '" + leftBy + "' is still"
                + " running and could not be stopped, so the rest of this exercise was not run",
                "look for a loop that never ends in a static initialiser ('static { … }') or in a catch that"
                        + " swallows every exception");
    }

    /**
     * What a test threw, safe to hand to JUnit: an assertion's failure with its message cut to
     * {@link GradedTest#MAX_OUTPUT_CHARS} and its cause copied (the harness's own failures, whose causes
     * are copies already, pass as they are); anything else, an exception of the student's that escaped,
     * as a failure quoting a {@link CopiedThrowable} of it. Called on the test's thread, under its time
     * limit.
     *
     * @param thrown what the test threw
     * @return a throwable whose message and cause chain are bounded
     */
    static Throwable bounded(Throwable thrown) {
        if (thrown.getClass().getName().equals("java.lang.ThreadDeath")
                || thrown instanceof org.opentest4j.TestAbortedException) {
            return thrown;
        }
        if (thrown instanceof AssertionFailedError) {
            Throwable cause = thrown.getCause();
            String message = thrown.getMessage();
            if ((cause == null || cause instanceof CopiedThrowable)
                    && (message == null || message.length() <= GradedTest.MAX_OUTPUT_CHARS)) {
                return thrown;
            }
            AssertionFailedError failure = new AssertionFailedError(CopiedThrowable.cut(message,
                    GradedTest.MAX_OUTPUT_CHARS), cause == null ? null : CopiedThrowable.of(cause));
            failure.setStackTrace(thrown.getStackTrace());
            return failure;
        }
        CopiedThrowable copy = CopiedThrowable.of(thrown);
        AssertionFailedError failure = new AssertionFailedError(copy.toString(), copy.getCause());
        failure.setStackTrace(copy.getStackTrace());
        return failure;
    }
}
