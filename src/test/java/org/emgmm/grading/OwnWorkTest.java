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
    void theLibraryMayNotDoTheExercisesOwnJob() {
        assertEquals(OwnWork.Rule.OWN_WORK, OwnWork.broken("Ex4EStep.java", "org.emgmm.loops.LoopsEm", "eStep"));
        assertEquals(OwnWork.Rule.OWN_WORK, OwnWork.broken("Ex6EmLoop.java", "org.emgmm.em.EmLoop", "run"));
        assertNull(OwnWork.broken("Ex6EmLoop.java", "org.emgmm.em.EmLoop", "checkedEStep"));
        assertEquals(OwnWork.Rule.OWN_WORK, OwnWork.broken("Ex2LogSumExp.java", "org.emgmm.model.LogSumExp", "of"));
        assertEquals(OwnWork.Rule.OWN_WORK, OwnWork.broken("Ex4EStep.java", "org.emgmm.model.LogSumExp", "of"));
        assertNull(OwnWork.broken("Ex4EStep.java", "org.emgmm.model.GaussianMixture", "logComponentDensity"));
        assertNull(OwnWork.broken("Ex4EStep.java", "org.emgmm.em.Responsibilities", "wrap"));
        assertNull(OwnWork.broken("Ex4EStep.java", "org.emgmm.data.DataMatrix", "rows"));
        assertEquals(OwnWork.Rule.OWN_WORK, OwnWork.broken("Ex8KMeansPlusPlus.java", "org.emgmm.em.KMeansPlusPlus",
                "centres"));
        assertEquals(OwnWork.Rule.OWN_WORK, OwnWork.broken("Ex8KMeansPlusPlus.java", "org.emgmm.em.Initialisation",
                "kMeansPlusPlus"));
        assertNull(OwnWork.broken("Ex8KMeansPlusPlus.java", "org.emgmm.em.Initialisation", "withDataCovariance"));
        assertEquals(OwnWork.Rule.OWN_WORK, OwnWork.broken("Ex9Bic.java", "org.emgmm.selection.ModelSelection",
                "bic"));
        assertNull(OwnWork.broken("Ex7UnivariateEm.java", "org.emgmm.selection.ModelSelection", "bic"));
        assertEquals(OwnWork.Rule.COMPUTING_ONLY, OwnWork.broken("Ex9Bic.java", "org.emgmm.selection.ModelSearch",
                "run"));
    }

    @Test
    void exerciseCodeMayOnlyCompute() {
        assertNull(OwnWork.broken("Ex1NormalPdf.java", "java.lang.Math", "exp"));
        assertNull(OwnWork.broken("Ex1NormalPdf.java", "java.util.Arrays", "fill"));
        assertNull(OwnWork.broken("Ex1NormalPdf.java", "java.util", "java.util.Map.Entry", "getKey"));
        assertNull(OwnWork.broken("Ex1NormalPdf.java", "java.lang.System", "out"));
        assertNull(OwnWork.broken("Ex1NormalPdf.java", "java.io.PrintStream", "println"));
        for (String[] refused : new String[][] {
                {"java.lang.reflect.Method", "invoke"}, {"java.lang.Class", "forName"}, {"java.lang.System", "exit"},
                {"java.lang.System", "getProperty"}, {"java.lang.Runtime", "halt"}, {"java.lang.Thread", null},
                {"java.lang.ProcessBuilder", null}, {"java.nio.file.Files", "writeString"},
                {"java.io.FileOutputStream", null}, {"java.io.PrintStream", "close"},
                {"java.util.concurrent.Executors", "newFixedThreadPool"}, {"java.util.ServiceLoader", "load"},
                {"java.lang.invoke.MethodHandles", "lookup"}, {"sun.misc.Unsafe", null},
                {"org.emgmm.grading.GradeReporter", null}, {"org.emgmm.io.AtomicFiles", null},
                {"org.emgmm.data.CsvWriter", null}, {"org.junit.jupiter.api.Assertions", "assertTrue"}}) {
            assertEquals(OwnWork.Rule.COMPUTING_ONLY, OwnWork.broken("Ex1NormalPdf.java", refused[0], refused[1]),
                    String.join("#", java.util.Arrays.stream(refused).filter(java.util.Objects::nonNull).toList()));
        }
        assertEquals(OwnWork.Rule.COMPUTING_ONLY,
                OwnWork.broken("Ex1NormalPdf.java", "java.lang", "java.lang.Thread.UncaughtExceptionHandler", null));
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
                "    static double fine(double x) { System.out.println(x); return Math.exp(x); }",
                "    static void forge() throws Exception {",
                "        java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty(\"emgmm.grade.dir\")), \"{}\");",
                "        new Thread(() -> System.exit(0)).start();",
                "    }",
                "}"));
        List<String> found = OwnWork.checkFolder(exercises, classpath()).stream()
                .map(violation -> violation.line() + " " + violation.used()).toList();
        assertEquals(List.of("5 org.emgmm.model.LogSumExp#of", "5 org.emgmm.model.LogSumExp",
                "8 java.lang.reflect.Constructor#newInstance", "8 java.lang.Class#getDeclaredConstructor",
                "8 java.lang.Class#forName", "8 java.lang.Class", "12 java.nio.file.Files#writeString",
                "12 java.nio.file.Files", "12 java.nio.file.Path#of", "12 java.nio.file.Path",
                "12 java.lang.System#getProperty", "13 java.lang.Thread#start", "13 java.lang.Thread",
                "13 java.lang.System#exit"), found,
                "every use, nothing from line 10's Math.exp and println");
    }
}
