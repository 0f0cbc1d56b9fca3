package org.emgmm.grading;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 *       stopped ({@link StudentCode#stopRunaways}), so that the next tests get the processor.</li>
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
    static final int LAST_EXERCISE = 9;

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
        Throwable[] thrown = new Throwable[1];
        Thread runner = new Thread(() -> {
            try {
                invocation.proceed();
            } catch (Throwable t) {
                thrown[0] = t;
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

    @Override
    public void afterTestExecution(ExtensionContext context) {
        StudentCode.stopRunaways();
    }
}
