package org.emgmm.instructor;

import static org.emgmm.instructor.SubmissionFolders.copySolutions;
import static org.emgmm.instructor.SubmissionFolders.plant;
import static org.emgmm.instructor.SubmissionFolders.testClasspath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader's compilation applies the own-work check to the whole submission: an exercise that reaches
 * the library's work through a helper file is graded from its skeleton, with the helper's line in the
 * note; a helper that an exercise may use keeps working for it even when another exercise loses its
 * use of it; a file no exercise reaches that breaks a rule is left out.
 */
class CompilationOwnWorkTest {

    private static final Path SKELETONS = Path.of("exercises/org/emgmm/exercises");

    @Test
    void theCheckFollowsEachExerciseIntoItsHelpers(@TempDir Path folder) throws IOException {
        Path submission = folder.resolve("submission");
        copySolutions(submission);
        Path files = submission.resolve("org/emgmm/exercises");
        Files.writeString(files.resolve("Help2.java"), "package org.emgmm.exercises;\n"
                + "final class Help2 {\n"
                + "    static double of(double[] a) {\n"
                + "        return org.emgmm.model.LogSumExp.of(a);\n"
                + "    }\n"
                + "}\n", StandardCharsets.UTF_8);
        plant(submission, "Ex2LogSumExp.java", "public static double logSumExp(double[] a) {",
                "if (a != null) { return Help2.of(a); }");
        Files.writeString(files.resolve("Shared.java"), "package org.emgmm.exercises;\n"
                + "final class Shared {\n"
                + "    static double density(org.emgmm.model.GaussianMixture model, int c, double[] x) {\n"
                + "        return model.logComponentDensity(c, x);\n"
                + "    }\n"
                + "}\n", StandardCharsets.UTF_8);
        Path ex4 = files.resolve("Ex4EStep.java");
        Files.writeString(ex4, Files.readString(ex4).replace("model.logComponentDensity(c, x)",
                "Shared.density(model, c, x)"));
        plant(submission, "Ex7UnivariateEm.java",
                "private static double logWeightedDensity(double x, GaussianMixture model, int c) {",
                "if (x > 1e300) { return Shared.density(model, c, new double[] {x}); }");
        Files.writeString(files.resolve("Scratch.java"), "package org.emgmm.exercises;\n"
                + "final class Scratch {\n"
                + "    static void quit() { System.exit(0); }\n"
                + "}\n", StandardCharsets.UTF_8);

        Compilation compiled = Compilation.compile(files, SKELETONS, testClasspath(), folder.resolve("scratch"));
        Map<String, String> replaced = compiled.replaced();
        assertEquals(Set.of("Ex2LogSumExp.java", "Ex7UnivariateEm.java", "Help2.java", "Scratch.java"),
                replaced.keySet(), replaced.toString());
        assertTrue(replaced.get("Ex2LogSumExp.java").startsWith("Help2.java line 4 uses org.emgmm.model.LogSumExp.of,"
                + " which this exercise may not use") && replaced.get("Ex2LogSumExp.java").endsWith("; Help2.java is"
                + " held to the rules of Ex2LogSumExp.java, whose code calls it, so graded as not started"),
                replaced.get("Ex2LogSumExp.java"));
        assertTrue(replaced.get("Ex7UnivariateEm.java").startsWith("Shared.java line 4 uses org.emgmm.model."
                + "GaussianMixture.logComponentDensity,"), replaced.get("Ex7UnivariateEm.java"));
        assertTrue(replaced.get("Help2.java").endsWith("no exercise calls Help2.java, so it is held to what every"
                + " exercise may use, so left out"), replaced.get("Help2.java"));
        assertTrue(replaced.get("Scratch.java").startsWith("Scratch.java line 3 uses java.lang.System.exit, which"
                + " exercise code may not use"), replaced.get("Scratch.java"));
        assertTrue(Files.exists(compiled.classes().resolve("org/emgmm/exercises/Shared.class")),
                "exercise 4 keeps its helper");
        assertTrue(Files.exists(compiled.classes().resolve("org/emgmm/exercises/Ex4EStep.class")));
    }
}
