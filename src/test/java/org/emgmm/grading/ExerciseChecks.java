package org.emgmm.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;

/**
 * The exercises' own checks ({@link #CLASSES}): not graded, but about the student's work, so how their
 * tests went is told above the score table:
 * <pre>
 *   CHECKS (not graded): 11 passed, 1 failed
 *     OwnWorkTest › your exercise files do their own work: Ex4EStep.java line 57 uses …
 * </pre>
 * Siblings: {@link GradeReporter} hands it every test that finishes or is skipped; {@link ScoreReport}
 * puts its block above the table.
 */
final class ExerciseChecks {

    /** The check classes, by name. */
    static final List<String> CLASSES = List.of("org.emgmm.grading.OwnWorkTest",
            "org.emgmm.grading.StudentEmPropertiesTest");

    /** The most failures of the checks shown: the first few tell what is wrong. */
    private static final int FAILURES_SHOWN = 5;

    /** How many tests of the checks passed. */
    private int passed;

    /** Each failed test of the checks, told in one line. */
    private final List<String> failures = new ArrayList<>();

    /** Each check that was skipped as a whole, with the reason. */
    private final Map<String, String> skipped = new LinkedHashMap<>();

    /** Forgets every outcome, for a new run. */
    void clear() {
        passed = 0;
        failures.clear();
        skipped.clear();
    }

    /**
     * Notes a skipped test or container, if it belongs to a check.
     *
     * @param identifier what was skipped
     * @param reason     why
     */
    void skipped(TestIdentifier identifier, String reason) {
        checkClass(identifier).ifPresent(check -> skipped.putIfAbsent(check, reason));
    }

    /**
     * Notes a finished test, if it is one of a check's.
     *
     * @param identifier what finished
     * @param result     how
     */
    void finished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isTest() && checkClass(identifier).isPresent()) {
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                passed++;
            } else {
                failures.add(checkClass(identifier).get() + " › " + identifier.getDisplayName() + ": "
                        + result.getThrowable().map(GradedTest::describe).orElse("aborted"));
            }
        }
    }

    /**
     * The check class a test or container belongs to.
     *
     * @param identifier the test or container
     * @return the simple name of its class, if that is one of {@link #CLASSES}
     */
    private static Optional<String> checkClass(TestIdentifier identifier) {
        return identifier.getSource().flatMap(source -> {
            String name = source instanceof MethodSource method ? method.getClassName()
                    : source instanceof ClassSource type ? type.getClassName() : null;
            return name != null && CLASSES.contains(name)
                    ? Optional.of(name.substring(name.lastIndexOf('.') + 1)) : Optional.empty();
        });
    }

    /**
     * The checks' outcome, for above the table.
     *
     * @return the block; empty when no check ran
     */
    String block() {
        if (passed == 0 && failures.isEmpty() && skipped.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("CHECKS (not graded): " + passed + " passed, "
                + failures.size() + " failed\n");
        skipped.forEach((check, reason) -> text.append("  ").append(check).append(" skipped: ")
                .append(reason).append("\n"));
        for (String failure : failures.subList(0, Math.min(FAILURES_SHOWN, failures.size()))) {
            ScoreReport.appendIndented(text, failure);
        }
        if (failures.size() > FAILURES_SHOWN) {
            text.append("  … and ").append(failures.size() - FAILURES_SHOWN).append(" more\n");
        }
        return text.toString();
    }
}
