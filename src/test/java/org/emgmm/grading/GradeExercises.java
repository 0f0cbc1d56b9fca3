package org.emgmm.grading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The students' grading run. A student's {@code mvn test} (the {@code exercises} profile) runs this
 * program instead of Surefire: it runs the graded tests and the exercises' own checks
 * ({@code OwnWorkTest}, {@code StudentEmPropertiesTest}), and the score table ({@link GradeReporter})
 * is the last thing printed before Maven's closing lines. Each failure is told once, with its hint, in
 * the table.
 *
 * <p>It runs {@code Exercise1Test} to {@code Exercise9Test} and, where an instructor's build has them,
 * the hidden tests; {@code -Dexercise} chooses exercises as in any build. A graded test that fails is
 * a lost point, not a broken build: the program ends with 0 whatever the score, and with 2 and one line
 * naming the valid values when {@code -Dexercise} names no exercise or {@code -Demgmm.grade.seed} is not
 * a number. The tests draw their random inputs from a seed of the run ({@link RunSeed}), which the table
 * shows; {@code -Demgmm.grade.seed=…} draws the same inputs again.
 *
 * <p>The tests run in a second JVM that this one starts and watches, for one reason: Java 17 prints a
 * four-line warning when the guard against {@code System.exit} ({@link ExitGuard}) is installed, on a
 * stream no program can redirect from inside. This JVM drops those four lines from the second one's
 * output and passes everything else on.
 */
public final class GradeExercises {

    /** The package of the hidden tests, present in instructors' builds only. */
    private static final String HIDDEN_PACKAGE = "org.emgmm.grading.hidden";

    /** The argument that makes this program the second JVM, which runs the tests. */
    private static final String RUN = "--run";

    private GradeExercises() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String chosen = System.getProperty(GradingExtension.EXERCISE_PROPERTY);
        try {
            GradingExtension.parseExercises(chosen);
            RunSeed.value();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        if (args.length > 0 && args[0].equals(RUN)) {
            LauncherFactory.create().execute(request());
            System.out.flush();
            // A thread the student's code started and never stopped must not keep the build waiting.
            Runtime.getRuntime().halt(0);
        }
        System.exit(runTheTestsInASecondJvm());
    }

    private static int runTheTestsInASecondJvm() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-classpath", System.getProperty("java.class.path"), GradeExercises.class.getName(), RUN));
        Process tests = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(tests.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                if (!isTheSecurityManagerWarning(line)) {
                    System.err.println(line);
                }
            }
        }
        return tests.waitFor();
    }

    /** The lines of Java 17's warning about System::setSecurityManager, and nothing else. */
    static boolean isTheSecurityManagerWarning(String line) {
        return line.equals("WARNING: A terminally deprecated method in java.lang.System has been called")
                || (line.startsWith("WARNING: System::setSecurityManager has been called by ")
                        && line.contains(ExitGuard.class.getName()))
                || line.equals("WARNING: Please consider reporting this to the maintainers of "
                        + ExitGuard.class.getName())
                || line.equals("WARNING: System::setSecurityManager will be removed in a future release");
    }

    private static LauncherDiscoveryRequest request() {
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (int exercise = GradingExtension.FIRST_EXERCISE; exercise <= GradingExtension.LAST_EXERCISE; exercise++) {
            String name = "org.emgmm.grading.Exercise" + exercise + "Test";
            // only the exercises whose tests are built (on a branch with exercise 11 but not yet 10, say)
            if (GradeExercises.class.getClassLoader().getResource(name.replace('.', '/') + ".class") != null) {
                selectors.add(DiscoverySelectors.selectClass(name));
            }
        }
        if (GradeExercises.class.getClassLoader().getResource(HIDDEN_PACKAGE.replace('.', '/')) != null) {
            selectors.add(DiscoverySelectors.selectPackage(HIDDEN_PACKAGE));
        }
        for (String check : ExerciseChecks.CLASSES) {
            selectors.add(DiscoverySelectors.selectClass(check));
        }
        return LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
    }
}
