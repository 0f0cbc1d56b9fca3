package org.emgmm.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.emgmm.testing.ChildJvm;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The guard against {@code System.exit} ({@link ExitGuard}) in a JVM of its own, started as the students'
 * grading run starts its test JVM ({@code -Djava.security.manager=allow} below Java 24, the guard not
 * turned off): a {@code System.exit} from student code is an explained failure, exiting from anywhere
 * else still works, and all the JVM prints on standard error is Java's warning about
 * {@code System::setSecurityManager}, line for line what {@link GradeExercises} drops. (The project's own
 * test JVMs keep the guard off, so that the warning stays off their console.)
 */
class ExitGuardIT {

    /** The exit code of the child JVM when it ends as it should: its own System.exit, let through. */
    private static final int DONE = 7;

    @TempDir
    Path folder;

    @Test
    void systemExitFromStudentCodeIsAFailureAndTheWarningIsAllThatIsPrinted() throws IOException,
            InterruptedException {
        int feature = Runtime.version().feature();
        Assumptions.assumeTrue(feature < 24, "Java " + feature + " has no security manager, so no guard to check");
        Path out = folder.resolve("out.txt");
        Path err = folder.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(ChildJvm.java(), "-Djava.awt.headless=true",
                "-Djava.security.manager=allow", "-classpath", ChildJvm.classpath(), ExitGuardIT.class.getName()));
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM ends");
        List<String> printed = Files.readAllLines(out, StandardCharsets.UTF_8);
        List<String> warned = Files.readAllLines(err, StandardCharsets.UTF_8);
        assertEquals(DONE, child.exitValue(), "out: " + printed + "; err: " + warned);
        assertEquals("guard: on", printed.get(0), printed.toString());
        String failure = printed.get(1);
        assertTrue(failure.contains("got System.exit(3)") && failure.contains("called System.exit"), failure);
        assertEquals(4, warned.size(), "Java's four lines about setSecurityManager, and nothing else: " + warned);
        for (String line : warned) {
            assertTrue(GradeExercises.isTheSecurityManagerWarning(line), "the students' run would show " + line);
        }
    }

    /** The child JVM: student code calls System.exit(3); then this JVM exits with {@value #DONE}. */
    public static void main(String[] args) {
        String failure = "none";
        try {
            StudentCode.run("the call", () -> System.exit(3));
        } catch (AssertionFailedError e) {
            failure = e.getMessage().replaceAll("\\R", " ");
        }
        System.out.println("guard: " + ExitGuard.status());
        System.out.println("failure: " + failure);
        System.out.flush();
        // Outside student code nothing is refused.
        System.exit(DONE);
    }
}
