package org.emgmm.instructor;

import java.util.List;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The program the grader starts in a fresh JVM for each submission: it runs the graded test classes
 * named on its command line, and nothing else. The grader lists them ({@link #VISIBLE_CLASSES} and the
 * hidden ones it found) before any student code runs; nothing is found by scanning a package, so a
 * class a submission adds is never run as a test. {@code GradeReporter}, registered with the JUnit
 * Platform as a service, writes the report to the folder named by {@code -Demgmm.grade.dir}.
 *
 * <p>It ends the JVM itself when the tests are done, so that a thread the student's code started and
 * never stopped cannot keep the JVM, and the grader, waiting.
 */
public final class RunGradedTests {

    /** The visible graded test classes, one per exercise. */
    static final List<String> VISIBLE_CLASSES = java.util.stream.IntStream.rangeClosed(1, 9)
            .mapToObj(n -> "org.emgmm.grading.Exercise" + n + "Test").toList();

    /** The package of the hidden tests; the grader lists their compiled classes before grading. */
    static final String HIDDEN_PACKAGE = "org.emgmm.grading.hidden";

    private RunGradedTests() {
    }

    /** @param args the fully qualified names of the test classes to run */
    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(java.util.Arrays.stream(args).map(DiscoverySelectors::selectClass).toList())
                .build();
        LauncherFactory.create().execute(request);
        // No System.out.flush(): a student's thread may hold its lock forever. The report is in files.
        Runtime.getRuntime().halt(0);
    }
}
