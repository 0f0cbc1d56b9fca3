package org.emgmm.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exercises' "own work only" rules ({@link OwnWork}), as the grader applies them: the exercise files
 * of this build (your exercises/, or the worked solutions) must use nothing an exercise may not use.
 * A failure here names the call and its line; the grader would grade that exercise as not started.
 */
class OwnWorkTest {

    /** The exercise files this build compiled: exercises/ for students, solutions/ for the project. */
    private static Path exerciseFiles() {
        String dir = System.getProperty("emgmm.exercises.dir", "solutions");
        return Path.of(dir.isBlank() ? "solutions" : dir, "org/emgmm/exercises");
    }

    private static String classpath() {
        String classpath = System.getProperty("surefire.test.class.path");
        return classpath != null ? classpath : System.getProperty("java.class.path");
    }

    @Test
    void yourExerciseFilesDoTheirOwnWork() throws IOException {
        Path folder = exerciseFiles();
        List<OwnWork.Violation> found = OwnWork.checkFolder(folder, classpath());
        assertEquals(List.of(), found.stream().map(OwnWork.Violation::message).toList(),
                "calls the exercises may not make, in " + folder);
    }

    @Test
    void theRulesRefuseDelegationAndReflectionOnly() {
        assertEquals("org.emgmm.loops.LoopsEm#eStep", OwnWork.broken("Ex4EStep.java", "org.emgmm.loops.LoopsEm", "eStep"));
        assertEquals("org.emgmm.em.EmLoop#run", OwnWork.broken("Ex6EmLoop.java", "org.emgmm.em.EmLoop", "run"));
        assertNull(OwnWork.broken("Ex6EmLoop.java", "org.emgmm.em.EmLoop", "checkedEStep"));
        assertEquals("org.emgmm.model.LogSumExp#of", OwnWork.broken("Ex2LogSumExp.java", "org.emgmm.model.LogSumExp", "of"));
        assertNull(OwnWork.broken("Ex4EStep.java", "org.emgmm.model.LogSumExp", "of"));
        assertEquals("java.lang.reflect.Method#invoke",
                OwnWork.broken("Ex9Bic.java", "java.lang.reflect.Method", "invoke"));
        assertEquals("java.lang.Class#forName", OwnWork.broken("Ex1NormalPdf.java", "java.lang.Class", "forName"));
        assertNull(OwnWork.broken("Ex1NormalPdf.java", "java.lang.Math", "exp"));
    }

    @Test
    void delegatingAndReflectiveCallsAreFoundWithTheirLines(@TempDir Path folder) throws IOException {
        Path exercises = Files.createDirectories(folder.resolve("org/emgmm/exercises"));
        Files.writeString(exercises.resolve("Ex2LogSumExp.java"), String.join("\n",
                "package org.emgmm.exercises;",
                "import org.emgmm.model.LogSumExp;",
                "public final class Ex2LogSumExp {",
                "    public static double logSumExp(double[] a) {",
                "        return LogSumExp.of(a);",
                "    }",
                "    static Object sneaky() throws Exception {",
                "        return Class.forName(\"org.emgmm.loops.LoopsEm\").getDeclaredConstructor().newInstance();",
                "    }",
                "    static double fine(double x) { return Math.exp(x); }",
                "}"));
        List<String> found = OwnWork.checkFolder(exercises, classpath()).stream()
                .map(violation -> violation.line() + " " + violation.used()).toList();
        assertEquals(List.of("5 org.emgmm.model.LogSumExp#of", "5 org.emgmm.model.LogSumExp",
                "8 java.lang.reflect.Constructor#newInstance", "8 java.lang.Class#getDeclaredConstructor",
                "8 java.lang.Class#forName"), found, "every use, nothing from line 10's Math.exp");
    }
}
