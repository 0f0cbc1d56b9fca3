package org.emgmm.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What a student sees in a handout, on planted exercises: the skeletons, with exercise 2 written as one
 * call of the library's log-sum-exp and exercise 4 written but wrong (its E-step leaves out the mixing
 * weights), compiled once as the students' build does ({@link CompileExercises}).
 * <ul>
 *   <li>The score a student sees is the grade: the delegating exercise scores 0, as it will when graded,
 *       and the table says why in the exercise's rows and on the SCORE line. Exercise 2's graded tests
 *       run on the planted classes with the score table ({@link GradeReporter}), as the students'
 *       grading run does.</li>
 *   <li>"Not done yet" is said only of what still throws its TODO: exercise 4 is written, so the property
 *       suite of the student's EM ({@link StudentEmPropertiesTest}) names exercises 5 and 6 only.</li>
 * </ul>
 */
class PlantedHandoutTest {

    private static final Path SKELETONS = Path.of("exercises");

    /** The delegating body: the one line a student might write. */
    private static final String DELEGATION = "return org.emgmm.model.LogSumExp.of(a);";

    /** The line of exercise 4's planted E-step that leaves out the weights (the solution's, less log πₖ). */
    private static final String NO_WEIGHTS = "logTerms[c] = model.logComponentDensity(c, x);";

    @TempDir
    static Path folder;

    /** The planted handout's classes, compiled as the students' build compiles them. */
    private static Path classes;

    /** What the build made of the planted files. */
    private static CompileExercises.Outcome outcome;

    /** The line of exercise 2's delegation. */
    private static long delegationLine;

    @BeforeAll
    static void compileThePlantedHandout() throws IOException {
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
        delegationLine = planted.substring(0, planted.indexOf(DELEGATION)).lines().count();
        String solved = Files.readString(Path.of("solutions/org/emgmm/exercises/Ex4EStep.java"));
        String weighted = "logTerms[c] = Math.log(model.weight(c)) + model.logComponentDensity(c, x);";
        assertTrue(solved.contains(weighted), "the worked E-step adds log πₖ where the plant leaves it out");
        Files.writeString(exercises.resolve("Ex4EStep.java"), solved.replace(weighted, NO_WEIGHTS));
        classes = Files.createDirectories(folder.resolve("classes"));
        outcome = CompileExercises.compile(sources, SKELETONS, classes, CompileExercisesTest.classpath());
    }

    @Test
    void aDelegatingExerciseScoresZeroWithTheUseNamed() throws Exception {
        assertEquals(Map.of(), outcome.broken());
        assertEquals(List.of("Ex2LogSumExp.java"), List.copyOf(outcome.refused().keySet()));
        String use = "Ex2LogSumExp.java line " + delegationLine + " uses org.emgmm.model.LogSumExp.of";
        assertTrue(outcome.refused().get("Ex2LogSumExp.java").startsWith(use + ", which this exercise may not use"),
                outcome.refused().toString());

        Path report = folder.resolve("grade/compile-errors.properties");
        CompileExercises.writeReport(outcome.broken(), report);
        CompileExercises.writeReport(outcome.refused(), CompileExercises.ownWorkReport(report));
        Path grade = folder.resolve("grade");
        callInThePlantedHandout("gradeExercise2", report.toString(), grade.toString());
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

    @Test
    void writtenButWrongIsNotNotDoneYet() throws Exception {
        Object reason = callInThePlantedHandout("whyThePropertiesDoNotRun", "");
        assertEquals("exercises 5 and 6 are not done yet (Ex5MStep, Ex6EmLoop still throw the TODO)", reason);
    }

    /**
     * The property suite of the student's EM runs only when the chosen exercises include 4, 5 or 6 (or
     * none is chosen): a run about exercise 1 does not pay for its checks, not even for the probe.
     */
    @Test
    void theEmChecksRunOnlyWhenExercises4To6AreChosen() throws Exception {
        assertEquals("it runs exercises 4, 5 and 6, and -Dexercise=1,3 chooses none of them",
                StudentEmPropertiesTest.whyNotRun(Set.of(1, 3)));
        assertEquals(null, StudentEmPropertiesTest.whyNotRun(Set.of(1, 6)), "the worked solutions' EM runs");
        assertEquals("exercises 5 and 6 are not done yet (Ex5MStep, Ex6EmLoop still throw the TODO)",
                callInThePlantedHandout("whyThePropertiesDoNotRun", "1,5"));
        assertEquals("it runs exercises 4, 5 and 6, and -Dexercise=2 chooses none of them",
                callInThePlantedHandout("whyThePropertiesDoNotRun", "2"));
    }

    /**
     * {@link StudentEmPropertiesTest#whyNotRun} for the exercises {@code chosen} (as -Dexercise takes
     * them); called in the planted handout's loader.
     */
    @SuppressWarnings("unused")
    private static String whyThePropertiesDoNotRun(String chosen) {
        return StudentEmPropertiesTest.whyNotRun(GradingExtension.parseExercises(chosen));
    }

    /**
     * Calls a static method of this class, with String arguments, in a class loader that finds the planted
     * classes first, so that the exercises' classes it reaches are the planted ones.
     *
     * @return what it returned
     */
    private static Object callInThePlantedHandout(String method, String... arguments) throws Exception {
        try (URLClassLoader loader = CompileExercisesTest.loaderWithFirst(classes)) {
            Class<?>[] types = new Class<?>[arguments.length];
            java.util.Arrays.fill(types, String.class);
            Method run = loader.loadClass(PlantedHandoutTest.class.getName()).getDeclaredMethod(method, types);
            run.setAccessible(true);
            // JUnit finds its engines through the context class loader: the planted classes' one.
            Thread thread = Thread.currentThread();
            ClassLoader context = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return run.invoke(null, (Object[]) arguments);
            } finally {
                thread.setContextClassLoader(context);
            }
        }
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
}
