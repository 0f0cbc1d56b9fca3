package org.emgmm.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The score a student sees is the grade: an exercise that hands its work to the library scores 0 in the
 * student's own {@code mvn test}, as it will when graded, and the table says why in the exercise's rows
 * and on the SCORE line. The test plants a handout's exercises/ (the skeletons, with exercise 2 written
 * as one call of the library's log-sum-exp), compiles it as the students' build does
 * ({@link CompileExercises}), then runs exercise 2's graded tests on those classes with the score table
 * ({@link GradeReporter}), as the students' grading run does.
 */
class OwnWorkScoreTest {

    private static final Path SKELETONS = Path.of("exercises");

    /** The delegating body: the one line a student might write. */
    private static final String DELEGATION = "return org.emgmm.model.LogSumExp.of(a);";

    @Test
    void aDelegatingExerciseScoresZeroWithTheUseNamed(@TempDir Path folder) throws Exception {
        Path sources = folder.resolve("student");
        Path exercises = Files.createDirectories(sources.resolve("org/emgmm/exercises"));
        try (var files = Files.list(SKELETONS.resolve("org/emgmm/exercises"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Files.copy(file, exercises.resolve(file.getFileName()));
            }
        }
        Path ex2 = exercises.resolve("Ex2LogSumExp.java");
        String skeleton = Files.readString(ex2);
        Matcher todo = Pattern.compile("throw new UnsupportedOperationException\\(\"TODO: m \\+ log[^;]*;")
                .matcher(skeleton);
        assertTrue(todo.find(), "the skeleton's logSumExp throws its TODO");
        String planted = skeleton.substring(0, todo.start()) + DELEGATION + skeleton.substring(todo.end());
        Files.writeString(ex2, planted);
        long line = planted.substring(0, planted.indexOf(DELEGATION)).lines().count();
        Path classes = Files.createDirectories(folder.resolve("classes"));

        CompileExercises.Outcome outcome = CompileExercises.compile(sources, SKELETONS, classes, classpath());

        assertEquals(Map.of(), outcome.broken());
        assertEquals(List.of("Ex2LogSumExp.java"), List.copyOf(outcome.refused().keySet()));
        String use = "Ex2LogSumExp.java line " + line + " uses org.emgmm.model.LogSumExp.of";
        assertTrue(outcome.refused().get("Ex2LogSumExp.java").startsWith(use + ", which this exercise may not use"),
                outcome.refused().toString());

        Path report = folder.resolve("grade/compile-errors.properties");
        CompileExercises.writeReport(outcome.broken(), report);
        CompileExercises.writeReport(outcome.refused(), CompileExercises.ownWorkReport(report));
        Path grade = folder.resolve("grade");
        try (URLClassLoader loader = loaderWithFirst(classes)) {
            Method run = loader.loadClass(OwnWorkScoreTest.class.getName()).getDeclaredMethod("gradeExercise2",
                    String.class, String.class);
            run.setAccessible(true);
            // JUnit finds its engines through the context class loader: the planted classes' one.
            Thread thread = Thread.currentThread();
            ClassLoader context = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                run.invoke(null, report.toString(), grade.toString());
            } finally {
                thread.setContextClassLoader(context);
            }
        }
        String table = Files.readString(grade.resolve(GradeReporter.TABLE_FILE), StandardCharsets.UTF_8);
        List<String> rows = table.lines().filter(row -> row.matches("2\\.\\d+ .*")).toList();
        assertTrue(!rows.isEmpty() && rows.stream().allMatch(row -> row.contains(" FAIL ")), table);
        String flat = table.replaceAll("\\s+", " ");
        int rowsWithTheUse = flat.split(Pattern.quote("Ex2LogSumExp.java " + CompileExercises.REFUSED.strip()
                + " " + use), -1).length - 1;
        assertEquals(rows.size(), rowsWithTheUse, "every row of exercise 2 names the use: " + table);
        String score = table.lines().filter(row -> row.startsWith("SCORE")).findFirst().orElseThrow();
        assertTrue(score.matches("SCORE  visible 0/\\d+ \\(0 for Ex2LogSumExp\\.java, graded as not started: "
                + Pattern.quote(use) + "\\)"), score);
        assertTrue(table.contains("per exercise:  2: 0/"), table);
    }

    /**
     * Runs exercise 2's graded tests with a score table into {@code grade}, reading the build's reports
     * from {@code report}; called in the class loader of the planted classes, so that the tests and the
     * table run on them.
     */
    @SuppressWarnings("unused")
    private static void gradeExercise2(String report, String grade) {
        Map<String, String> set = Map.of(CompileExercises.REPORT_PROPERTY, report, GradeReporter.DIRECTORY_PROPERTY,
                grade, GradeReporter.PRINT_PROPERTY, "false", GradingExtension.EXERCISE_PROPERTY, "2");
        Map<String, String> before = new java.util.HashMap<>();
        set.forEach((key, value) -> before.put(key, System.getProperty(key)));
        set.forEach(System::setProperty);
        try {
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(new GradeReporter()).build())
                    .execute(LauncherDiscoveryRequestBuilder.request()
                            .selectors(DiscoverySelectors.selectClass(Exercise2Test.class)).build());
        } finally {
            before.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    private static String classpath() {
        String classpath = System.getProperty("surefire.test.class.path");
        return classpath != null ? classpath : System.getProperty("java.class.path");
    }

    /** A class loader that looks in {@code first} before the test class path (and never in this JVM's loader). */
    private static URLClassLoader loaderWithFirst(Path first) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(first.toUri().toURL());
        for (String entry : classpath().split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
