package org.emgmm.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link OwnWork} one use at a time: each exercise's library list ({@link AllowLists}),
 * default deny, and "computing only" ({@link ComputingOnly}). The whole-submission check, on compiled
 * code, is {@link OwnWorkGraphTest}'s.
 */
class OwnWorkRulesTest {

    private static final String[] EXERCISES = {"Ex1NormalPdf.java", "Ex2LogSumExp.java", "Ex3CholeskyDensity.java",
        "Ex4EStep.java", "Ex5MStep.java", "Ex6EmLoop.java", "Ex7UnivariateEm.java", "Ex8KMeansPlusPlus.java",
        "Ex9Bic.java", "Ex10Vectorise.java", "Ex11CovarianceTypes.java"};

    /** The exercise file of exercise {@code n}. */
    private static String ex(int n) {
        return EXERCISES[n - 1];
    }

    @Test
    void eachExerciseMayUseWhatItsTaskNeeds() {
        assertNull(OwnWork.broken(ex(4), "org.emgmm.model.GaussianMixture", "logComponentDensity"));
        assertNull(OwnWork.broken(ex(4), "org.emgmm.em.Responsibilities", "wrap"));
        assertNull(OwnWork.broken(ex(4), "org.emgmm.em.EStep", "new"));
        assertNull(OwnWork.broken(ex(4), "org.emgmm.data.DataMatrix", "rows"));
        assertNull(OwnWork.broken(ex(5), "org.emgmm.model.GaussianMixture", "ofFlat"));
        assertNull(OwnWork.broken(ex(5), "org.emgmm.em.EmptyComponents", "isEmpty"));
        assertNull(OwnWork.broken(ex(6), "org.emgmm.em.EmLoop", "checkedEStep"));
        assertNull(OwnWork.broken(ex(6), "org.emgmm.em.EmResult", "new"));
        assertNull(OwnWork.broken(ex(6), "org.emgmm.em.EmAlgorithm", "name"));
        assertNull(OwnWork.broken(ex(7), "org.emgmm.model.GaussianMixture", "covariance"));
        assertNull(OwnWork.broken(ex(8), "org.emgmm.em.Initialisation", "withDataCovariance"));
        assertNull(OwnWork.broken(ex(8), "org.emgmm.data.DataException", "new"));
        assertNull(OwnWork.broken(ex(9), "org.emgmm.em.EmAlgorithm", "fit"));
        assertNull(OwnWork.broken(ex(9), "org.emgmm.em.Initialisation", "randomPoints"));
        assertNull(OwnWork.broken(AllowLists.STUDENT_EM, "org.emgmm.em.EmAlgorithm", null));
        for (String exercise : EXERCISES) {
            assertNull(OwnWork.broken(exercise, "org.emgmm.em.EmException", "new"), exercise);
            assertNull(OwnWork.broken(exercise, "org.emgmm.model.NotPositiveDefiniteException", "component"), exercise);
        }
        assertNull(OwnWork.broken(ex(9), "org.emgmm.model.GaussianMixture", "toString"), "Object's methods");
    }

    @Test
    void theLibraryRoutesAroundEachExerciseAreRefused() {
        Object[][] routes = {
            {1, "org.emgmm.model.GaussianMixture", "logComponentDensity"},
            {1, "org.emgmm.model.GaussianMixture", null},
            {2, "org.emgmm.model.LogSumExp", "of"}, {2, "org.emgmm.model.Prediction", "of"},
            {3, "org.emgmm.linalg.Cholesky", "decompose"}, {3, "org.emgmm.model.Prediction", "of"},
            {3, "org.emgmm.model.GaussianMixture", "logComponentDensity"},
            {3, "org.emgmm.model.GaussianMixture", "cholesky"},
            {4, "org.emgmm.model.Prediction", "of"}, {4, "org.emgmm.model.LogSumExp", "of"},
            {4, "org.emgmm.loops.LoopsEm", "eStep"}, {4, "org.emgmm.model.GaussianMixture", "logDensity"},
            {5, "org.emgmm.data.DataMatrix", "withSampleWeights"}, {5, "org.emgmm.data.DataMatrix", "columnMeans"},
            {5, "org.emgmm.data.DataMatrix", "covariance"}, {5, "org.emgmm.em.EmLoop", "weightedCounts"},
            {5, "org.emgmm.em.Responsibilities", "componentTotals"}, {5, "org.emgmm.em.Initialisation",
                "withDataCovariance"},
            {6, "org.emgmm.em.Restarts", "best"}, {6, "org.emgmm.em.EmLoop", "run"},
            {6, "org.emgmm.em.EmAlgorithm", "fit"}, {6, "org.emgmm.vectorised.VectorisedEm", "new"},
            {7, "org.emgmm.model.Prediction", "of"}, {7, "org.emgmm.data.DataMatrix", "withSampleWeights"},
            {7, "org.emgmm.model.GaussianMixture", "logComponentDensity"}, {7, "org.emgmm.em.EmAlgorithm", "fit"},
            {7, "org.emgmm.univariate.UnivariateEm", "step"},
            {8, "org.emgmm.em.KMeansPlusPlus", "centres"}, {8, "org.emgmm.em.Initialisation", "kMeansPlusPlus"},
            {8, "org.emgmm.em.Initialisation", "kMeans"}, {8, "org.emgmm.em.Lloyd", null},
            {8, "org.emgmm.em.InitMethod", null}, {8, "org.emgmm.model.GaussianMixture", "ofFlat"},
            {9, "org.emgmm.selection.ModelSelection", "bic"}, {9, "org.emgmm.selection.ModelSearch", "run"},
            {9, "org.emgmm.Implementations", null}};
        for (Object[] route : routes) {
            assertEquals(OwnWork.Rule.OWN_WORK, OwnWork.broken(ex((Integer) route[0]), (String) route[1],
                    (String) route[2]), Arrays.toString(route));
        }
    }

    @Test
    void whatNoListNamesIsRefusedEvenInALibraryThatGrows() {
        for (String exercise : EXERCISES) {
            assertEquals(OwnWork.Rule.OWN_WORK, OwnWork.broken(exercise, "org.emgmm.em.SomeShortcutAddedLater",
                    "run"), exercise);
            assertEquals(OwnWork.Rule.OWN_WORK, OwnWork.broken(exercise, "org.emgmm.data.DataMatrix",
                    "someAccessorAddedLater"), exercise);
        }
    }

    @Test
    void noExerciseMayReadAFileThroughTheLibrary() {
        for (String exercise : EXERCISES) {
            assertEquals(OwnWork.Rule.COMPUTING_ONLY, OwnWork.broken(exercise, "org.emgmm.data.Datasets", "load"),
                    exercise);
            assertEquals(OwnWork.Rule.COMPUTING_ONLY, OwnWork.broken(exercise, "org.emgmm.data.CsvReader", "read"),
                    exercise);
            assertEquals(OwnWork.Rule.COMPUTING_ONLY, OwnWork.broken(exercise, "org.emgmm.io.AtomicFiles", null),
                    exercise);
        }
    }

    @Test
    void aFileNoExerciseReachesGetsWhatEveryExerciseMayUse() {
        assertEquals(Set.of("org.emgmm.data.DataException", "org.emgmm.em.EmException",
                "org.emgmm.model.InvalidMixtureException", "org.emgmm.model.NotPositiveDefiniteException"),
                AllowLists.shared().keySet());
        assertEquals(OwnWork.Rule.OWN_WORK, OwnWork.broken("Helper.java", "org.emgmm.data.DataMatrix", "rows"));
        assertNull(OwnWork.broken("Helper.java", "org.emgmm.data.DataException", "new"));
        for (String exercise : List.of(ex(4), ex(5), ex(6))) {
            AllowLists.of(exercise).forEach((type, members) -> assertTrue(AllowLists.of(AllowLists.STUDENT_EM)
                    .get(type).containsAll(members), "StudentEm.java may use what " + exercise + " may: " + type));
        }
    }

    @Test
    void exerciseCodeMayOnlyCompute() {
        assertNull(OwnWork.broken(ex(1), "java.lang.Math", "exp"));
        assertNull(OwnWork.broken(ex(1), "java.util.Arrays", "fill"));
        assertNull(OwnWork.broken(ex(1), "java.util", "java.util.Map.Entry", "getKey"));
        assertNull(OwnWork.broken(ex(1), "java.lang.System", "out"));
        assertNull(OwnWork.broken(ex(1), "java.io.PrintStream", "println"));
        assertNull(OwnWork.broken(ex(1), "java.lang.Integer", "parseInt"));
        assertNull(OwnWork.broken(ex(1), "java.util.stream.IntStream", "close"));
        assertNull(OwnWork.broken(ex(1), "java.util.Locale", "getDefault"));
        for (String[] refused : new String[][] {
                {"java.lang.reflect.Method", "invoke"}, {"java.lang.Class", "forName"}, {"java.lang.System", "exit"},
                {"java.lang.System", "getProperty"}, {"java.lang.Runtime", "halt"}, {"java.lang.Thread", null},
                {"java.lang.ProcessBuilder", null}, {"java.nio.file.Files", "writeString"},
                {"java.io.FileOutputStream", null}, {"java.io.PrintStream", "close"}, {"java.io.PrintStream", "new"},
                {"java.util.concurrent.Executors", "newFixedThreadPool"}, {"java.util.ServiceLoader", "load"},
                {"java.lang.invoke.MethodHandles", "lookup"}, {"sun.misc.Unsafe", null},
                {"org.emgmm.grading.GradeReporter", null}, {"org.emgmm.io.AtomicFiles", null},
                {"org.emgmm.data.CsvWriter", null}, {"org.junit.jupiter.api.Assertions", "assertTrue"}}) {
            assertEquals(OwnWork.Rule.COMPUTING_ONLY, OwnWork.broken(ex(1), refused[0], refused[1]),
                    String.join("#", Arrays.stream(refused).filter(Objects::nonNull).toList()));
        }
        assertEquals(OwnWork.Rule.COMPUTING_ONLY,
                OwnWork.broken(ex(1), "java.lang", "java.lang.Thread.UncaughtExceptionHandler", null));
    }

    @Test
    void theJavaApiHolesAreRefused() {
        for (String[] hole : new String[][] {
                {"java.lang.Integer", "getInteger"}, {"java.lang.Long", "getLong"}, {"java.lang.Boolean", "getBoolean"},
                {"java.util.Locale", "setDefault"}, {"java.util.TimeZone", "setDefault"},
                {"java.util.stream.BaseStream", "parallel"}, {"java.util.stream.IntStream", "parallel"},
                {"java.util.Collection", "parallelStream"}, {"java.util.Arrays", "parallelSort"},
                {"java.util.Arrays", "parallelSetAll"}, {"java.util.Arrays", "parallelPrefix"},
                {"java.util.stream.StreamSupport", "stream"}, {"java.lang.AutoCloseable", null},
                {"java.lang.AutoCloseable", "close"}, {"java.lang.Object", "finalize"}}) {
            for (String exercise : EXERCISES) {
                assertEquals(OwnWork.Rule.COMPUTING_ONLY, OwnWork.broken(exercise, hole[0], hole[1]),
                        exercise + ": " + hole[0] + "#" + hole[1]);
            }
        }
    }

    @Test
    void theStudentsGuideShowsEachExercisesList() throws IOException {
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        String guide = Files.readString(base.resolve("exercises/README.md"), StandardCharsets.UTF_8);
        for (String file : AllowLists.files()) {
            String row = "`" + file.replace(".java", "") + "` | " + AllowLists.describe(file) + " |";
            assertTrue(guide.contains(row), "exercises/README.md should have the row\n" + row);
        }
        for (String exception : AllowLists.describeShared().split(", ")) {
            assertTrue(guide.contains("`" + exception + "`"), "an exception every exercise may use: " + exception);
        }
        Map<String, Set<String>> four = AllowLists.of(ex(4));
        assertTrue(AllowLists.describe(ex(4)).contains("logComponentDensity") && four.containsKey(
                "org.emgmm.em.EStep"), AllowLists.describe(ex(4)));
    }

    @Test
    void exercise10MayUseFlatArraysButNoAlgorithm() {
        assertNull(OwnWork.broken(ex(10), "org.emgmm.data.DataMatrix", "toFlatArray"));
        assertNull(OwnWork.broken(ex(10), "org.emgmm.model.GaussianMixture", "flatMeans"));
        assertNull(OwnWork.broken(ex(10), "org.emgmm.em.Responsibilities", "wrap"));
        assertNull(OwnWork.broken(ex(10), "org.emgmm.em.EStep", "new"));
        assertEquals(OwnWork.Rule.OWN_WORK, OwnWork.broken(ex(10), "org.emgmm.vectorised.VectorisedEm", "eStep"));
        assertEquals(OwnWork.Rule.OWN_WORK, OwnWork.broken(ex(10), "org.emgmm.loops.LoopsEm", "eStep"));
        assertEquals(OwnWork.Rule.OWN_WORK, OwnWork.broken(ex(10), "org.emgmm.model.GaussianMixture",
                "logComponentDensity"));
        assertEquals(OwnWork.Rule.OWN_WORK, OwnWork.broken(ex(10), "org.emgmm.model.GaussianMixture", "cholesky"));
        assertEquals(OwnWork.Rule.OWN_WORK, OwnWork.broken(ex(10), "org.emgmm.linalg.Cholesky", "decompose"));
        assertEquals(OwnWork.Rule.OWN_WORK, OwnWork.broken(ex(10), "org.emgmm.model.LogSumExp", "logSumExp"));
        assertNull(OwnWork.broken(AllowLists.STUDENT_VECTORISED_EM, "org.emgmm.model.GaussianMixture", "cholesky"));
        assertNull(OwnWork.broken(AllowLists.STUDENT_VECTORISED_EM, "org.emgmm.em.EmLoop", "checkedEStep"));
        assertEquals(OwnWork.Rule.OWN_WORK, OwnWork.broken(AllowLists.STUDENT_VECTORISED_EM,
                "org.emgmm.vectorised.VectorisedEm", "eStep"));
    }
}
