package org.emgmm.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The students' build ({@link CompileExercises}): one exercise file that does not compile is left out
 * with the compiler's message, its skeleton's class takes its place, and every other file is compiled
 * as the student wrote it.
 */
class CompileExercisesTest {

    private static final Path SKELETONS = Path.of("exercises");
    private static final Path SOLUTIONS = Path.of("solutions/org/emgmm/exercises");

    @Test
    void aFileThatDoesNotCompileCostsOnlyItsOwnExercise(@TempDir Path folder) throws Exception {
        Path sources = folder.resolve("student");
        Path exercises = Files.createDirectories(sources.resolve("org/emgmm/exercises"));
        try (var files = Files.list(SKELETONS.resolve("org/emgmm/exercises"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Files.copy(file, exercises.resolve(file.getFileName()));
            }
        }
        Files.copy(SOLUTIONS.resolve("Ex2LogSumExp.java"), exercises.resolve("Ex2LogSumExp.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path ex1 = exercises.resolve("Ex1NormalPdf.java");
        Files.writeString(ex1, Files.readString(ex1).replace("public static double pdf(double x, double mean,"
                + " double variance) {", "public static double pdf(double x, double mean, double variance) {"
                + " int missing = ;"));
        Path classes = Files.createDirectories(folder.resolve("classes"));

        CompileExercises.Outcome outcome = CompileExercises.compile(sources, SKELETONS, classes, classpath());
        Map<String, String> broken = outcome.broken();
        assertEquals(Map.of(), outcome.refused(), "the solved exercise 2 does its own work");

        assertEquals(List.of("Ex1NormalPdf.java"), List.copyOf(broken.keySet()));
        assertTrue(broken.get("Ex1NormalPdf.java").startsWith("Ex1NormalPdf.java line "), broken.toString());
        try (URLClassLoader loader = loaderWithFirst(classes)) {
            Class<?> logSumExp = loader.loadClass("org.emgmm.exercises.Ex2LogSumExp");
            Method of = logSumExp.getMethod("logSumExp", double[].class);
            double expected = Math.log(Math.exp(1.0) + Math.exp(2.0));
            assertEquals(expected, (double) of.invoke(null, (Object) new double[] {1.0, 2.0}), 1e-12,
                    "exercise 2 is the student's own, solved");
            Method pdf = loader.loadClass("org.emgmm.exercises.Ex1NormalPdf").getMethod("pdf", double.class,
                    double.class, double.class);
            InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                    () -> pdf.invoke(null, 0.0, 0.0, 1.0));
            assertTrue(thrown.getCause() instanceof UnsupportedOperationException
                    && thrown.getCause().getMessage().startsWith("TODO"), "exercise 1 is its skeleton: " + thrown.getCause());
        }
    }

    @Test
    void theReportRoundTrips(@TempDir Path folder) throws IOException {
        Path report = folder.resolve("grade/compile-errors.properties");
        CompileExercises.writeReport(Map.of("Ex1NormalPdf.java", "Ex1NormalPdf.java line 50: ';' expected = é"),
                report);
        assertEquals(Map.of("Ex1NormalPdf.java", "Ex1NormalPdf.java line 50: ';' expected = é"),
                CompileExercises.readReport(report.toString()));
        assertEquals(Map.of(), CompileExercises.readReport(folder.resolve("none").toString()));
    }

    /** The test class path, as Surefire gives it (or this JVM's). */
    static String classpath() {
        String classpath = System.getProperty("surefire.test.class.path");
        return classpath != null ? classpath : System.getProperty("java.class.path");
    }

    /** A class loader that looks in {@code first} before the test class path (and never in this JVM's loader). */
    static URLClassLoader loaderWithFirst(Path first) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(first.toUri().toURL());
        for (String entry : classpath().split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
