package org.emgmm.testing;

import java.io.PrintStream;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Tells every skipped test on the console, in one line with its reason:
 * <pre>
 *   skipped org.emgmm.cli.ComparePageInBrowserIT#thePageRendersWithEveryPictureAndRow: no headless Chromium …
 * </pre>
 * Surefire and Failsafe count a skipped test ("Skipped: 1") but keep its reason in their XML reports.
 * A test is skipped when it is disabled, or aborted (an assumption did not hold, or
 * {@code Assumptions.abort}); a class aborted before its first test (in {@code @BeforeAll}) is told once,
 * by its name.
 *
 * <p>Registered with the JUnit Platform through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}; it prints only where the
 * system property {@value #PROPERTY} is {@code true}, which the pom sets for Surefire and Failsafe (the
 * students' grading run tells a skipped check in its score table instead).
 */
public final class SkipReporter implements TestExecutionListener {

    /** The system property that turns the lines on. */
    public static final String PROPERTY = "emgmm.tests.showSkips";

    /** The kinds of JUnit Jupiter test descriptor that are a method itself, not one of its cases. */
    private static final Set<String> METHODS = Set.of("method", "test-factory", "test-template");

    private final Supplier<PrintStream> out;

    /** Prints to standard output, where {@value #PROPERTY} is {@code true}. */
    public SkipReporter() {
        this(() -> Boolean.getBoolean(PROPERTY) ? System.out : null);
    }

    /** Prints to what {@code out} gives, or nowhere when it gives null. */
    SkipReporter(Supplier<PrintStream> out) {
        this.out = out;
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        tell(identifier, reason);
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            tell(identifier, result.getThrowable()
                    .map(thrown -> thrown.getMessage() != null ? thrown.getMessage() : thrown.getClass().getName())
                    .orElse("aborted"));
        }
    }

    private void tell(TestIdentifier identifier, String reason) {
        PrintStream to = out.get();
        if (to != null) {
            to.println(line(identifier, reason));
            to.flush();
        }
    }

    /** {@code skipped <class>#<method>[ <case>]: <reason>}, on one line. */
    static String line(TestIdentifier identifier, String reason) {
        String why = reason == null || reason.isBlank() ? "no reason given" : reason.strip().replaceAll("\\s*\\R\\s*", " ");
        return "skipped " + name(identifier) + ": " + why;
    }

    /**
     * A test method as {@code class#method}, one case of a parameterised or dynamic test with its
     * display name after it, and a class by its name.
     */
    static String name(TestIdentifier identifier) {
        TestSource source = identifier.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            String name = method.getClassName() + "#" + method.getMethodName();
            String kind = identifier.getUniqueIdObject().getLastSegment().getType();
            return METHODS.contains(kind) ? name : name + " " + identifier.getDisplayName();
        }
        if (source instanceof ClassSource type) {
            return type.getClassName();
        }
        return identifier.getDisplayName();
    }
}
