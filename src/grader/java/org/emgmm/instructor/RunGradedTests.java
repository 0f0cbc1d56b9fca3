package org.emgmm.instructor;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.emgmm.grading.GradeReporter;
import org.emgmm.grading.ResultChannel;
import org.junit.platform.engine.DiscoverySelector;
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
 * <p>The submission's classes are not on the JVM's class path: each test class is loaded by a fresh
 * {@link ExerciseLoader}, which defines that class, the helpers it uses and the submission's classes
 * anew, so that nothing static carries over from one exercise's tests to the next (nor from the visible
 * tests of an exercise to its hidden ones).
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
    static final List<String> VISIBLE_CLASSES = java.util.stream.IntStream.rangeClosed(1, 11)
            .mapToObj(n -> "org.emgmm.grading.Exercise" + n + "Test").toList();

    /** The package of the hidden tests; the grader lists their compiled classes before grading. */
    static final String HIDDEN_PACKAGE = "org.emgmm.grading.hidden";

    private RunGradedTests() {
    }

    /**
     * Runs the graded tests and ends the JVM.
     *
     * @param args the folder of the submission's compiled classes, then the fully qualified names of the
     *             test classes to run; standard input holds the run's key in hexadecimal, on one line
     * @throws IOException if the key cannot be read
     */
    public static void main(String[] args) throws IOException {
        byte[] key = HexFormat.of().parseHex(new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.US_ASCII)).readLine().strip());
        OutputStream channel = new FileOutputStream(FileDescriptor.out);
        PrintStream log = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(log);
        System.setErr(log);
        GradeReporter.reportTo(new ResultChannel(channel, key));
        Path submission = Path.of(args[0]);
        ClassLoader classPath = RunGradedTests.class.getClassLoader();
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (String testClass : List.of(args).subList(1, args.length)) {
            // A build without an exercise's visible tests (a branch where they are still being written)
            // grades the others; a hidden test that was listed is always there.
            if (VISIBLE_CLASSES.contains(testClass)
                    && classPath.getResource(testClass.replace('.', '/') + ".class") == null) {
                continue;
            }
            selectors.add(DiscoverySelectors.selectClass(new ExerciseLoader(submission, classPath), testClass));
        }
        // JUnit's pruning of stack traces follows every cause: the harness bounds the chains it hands on, and
        // leaves JUnit nothing to follow.
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                .configurationParameter("junit.platform.stacktrace.pruning.enabled", "false").build();
        LauncherFactory.create().execute(request);
        // No System.out.flush(): a student's thread may hold its lock forever. The results went out on the
        // channel, which no student code can lock.
        Runtime.getRuntime().halt(0);
    }
}
