package org.emgmm.instructor;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The program the grader starts in a fresh JVM for each submission: it runs the graded tests (the
 * visible {@code org.emgmm.grading.Exercise<n>Test} classes and the instructor's hidden ones) and
 * nothing else. {@code GradeReporter}, registered with the JUnit Platform as a service, writes the
 * report to the folder named by {@code -Demgmm.grade.dir}.
 *
 * <p>It ends the JVM itself when the tests are done, so that a thread the student's code started and
 * never stopped cannot keep the JVM, and the grader, waiting.
 */
public final class RunGradedTests {

    /** The graded test classes, by their fully qualified names. */
    static final String[] GRADED_CLASSES = {"org\\.emgmm\\.grading\\.Exercise\\d+Test",
        "org\\.emgmm\\.grading\\.hidden\\..*Test"};

    private RunGradedTests() {
    }

    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("org.emgmm.grading"))
                .filters(includeClassNamePatterns(GRADED_CLASSES))
                .build();
        LauncherFactory.create().execute(request);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
