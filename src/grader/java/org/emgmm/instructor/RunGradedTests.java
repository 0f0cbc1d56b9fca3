package org.emgmm.instructor;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.emgmm.grading.GradeReporter;
import org.emgmm.grading.ResultChannel;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The program the grader starts in a fresh JVM for each submission: it runs the graded test classes
 * named on its command line, and nothing else. The grader lists them ({@link #VISIBLE_CLASSES} and the
 * hidden ones it found) before any student code runs; nothing is found by scanning a package, so a
 * class a submission adds is never run as a test.
 *
 * <p>It reports through a {@link ResultChannel}, never through files: before any test or student class
 * is loaded it reads the run's key from standard input, keeps the original standard output for the
 * channel's signed lines, and sends everything else printed to standard error (the grader's log).
 * {@code GradeReporter}, registered with the JUnit Platform as a service, sends the results there.
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

    /**
     * @param args the fully qualified names of the test classes to run; standard input holds the run's
     *             key in hexadecimal, on one line
     */
    public static void main(String[] args) throws IOException {
        byte[] key = HexFormat.of().parseHex(new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.US_ASCII)).readLine().strip());
        OutputStream channel = new FileOutputStream(FileDescriptor.out);
        PrintStream log = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(log);
        System.setErr(log);
        GradeReporter.reportTo(new ResultChannel(channel, key));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(java.util.Arrays.stream(args).map(DiscoverySelectors::selectClass).toList())
                .build();
        LauncherFactory.create().execute(request);
        // No System.out.flush(): a student's thread may hold its lock forever. The results went out on the
        // channel, which no student code can lock.
        Runtime.getRuntime().halt(0);
    }
}
