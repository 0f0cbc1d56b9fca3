package org.emgmm.grading;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * What every graded test class gets through {@link Exercise}:
 * <ul>
 *   <li><b>Choosing exercises.</b> {@code -Dexercise=4} runs only exercise 4's graded tests,
 *       {@code -Dexercise=4,5} two of them; without it, all run. (Maven hands {@code -D} options to the
 *       test JVM as system properties.)</li>
 *   <li><b>Time-outs explained.</b> A test cut off by its {@value #TIMEOUT_SECONDS} s limit fails with
 *       "expected an answer within 10 s, got none" and a hint, instead of a bare
 *       {@link TimeoutException}.</li>
 *   <li><b>Runaway threads stopped.</b> After such a test, the thread still running student code is
 *       stopped ({@link StudentCode#stopRunaways}), so that the next tests get the processor.</li>
 * </ul>
 */
public final class GradingExtension implements ExecutionCondition, TestExecutionExceptionHandler,
        AfterTestExecutionCallback {

    /** Each graded test's time limit; every visible graded test needs well under a second. */
    public static final long TIMEOUT_SECONDS = 10;

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

    /** "4" or "4,5" (or "4 5") as a set; empty for null or blank. */
    static Set<Integer> parseExercises(String value) {
        Set<Integer> selected = new TreeSet<>();
        if (value == null || value.isBlank()) {
            return selected;
        }
        for (String part : value.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                selected.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + EXERCISE_PROPERTY + " takes exercise numbers such as 4 or"
                        + " 4,5; got '" + value + "'", e);
            }
        }
        return selected;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (isTimeout(throwable)) {
            throw timeoutFailure(context.getDisplayName(), throwable);
        }
        throw throwable;
    }

    /** The failure that replaces a time-out of the test named {@code test}. */
    static AssertionFailedError timeoutFailure(String test, Throwable timeout) {
        AssertionFailedError failure = Expect.failure(test, "an answer within " + TIMEOUT_SECONDS + " s",
                "none (the test was stopped)", "look for a loop whose condition never becomes false (a counter that"
                        + " is never increased, a convergence test that can never be met) or for work that grows far"
                        + " faster than needed");
        failure.addSuppressed(timeout);
        return failure;
    }

    private static boolean isTimeout(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        StudentCode.stopRunaways();
    }
}
