package org.emgmm.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.emgmm.docs.Links;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handout builder on this project: each test builds a handout and checks it. (CI also builds the
 * handout and runs its tests: they must compile and score 0.)
 */
class HandoutIT {

    private static final Path PROJECT = Path.of(".");

    @TempDir
    Path folder;

    private Path build() {
        Path handout = folder.resolve("handout");
        StringWriter err = new StringWriter();
        int code = Handout.run(new String[] {handout.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return handout;
    }

    @Test
    void theHandoutHasTheExercisesAndTheTestsButNoSolutions() throws IOException {
        Path handout = build();
        for (String kept : List.of("pom.xml", "README.md", "LIBRARY.md", "LICENSE", "docs/em.md", "docs/cli/fit.md",
                "docs/images/old-faithful/evolution.png", "exercises/org/emgmm/exercises/Ex4EStep.java",
                "src/main/java/org/emgmm/em/EmLoop.java", "src/test/java/org/emgmm/grading/Exercise4Test.java",
                "src/skeletons/org/emgmm/exercises/Ex4EStep.java")) {
            assertTrue(Files.isRegularFile(handout.resolve(kept)), kept);
        }
        for (String left : List.of("solutions", "hidden-tests", ".ci", "src/test/java/org/emgmm/instructor", "src/grader",
                "docs/instructors")) {
            assertFalse(Files.exists(handout.resolve(left)), left);
        }
        assertEquals(Files.readString(PROJECT.resolve("exercises/org/emgmm/exercises/Ex4EStep.java")),
                Files.readString(handout.resolve("exercises/org/emgmm/exercises/Ex4EStep.java")));
        assertEquals(Handout.withoutInstructorParts(Files.readString(PROJECT.resolve("exercises/README.md"))),
                Files.readString(handout.resolve("README.md")), "the students' guide is the README");
    }

    @Test
    void everyLinkOfTheHandoutsPagesLeadsToAFileOfTheHandout() throws IOException {
        Path handout = build();
        List<Path> pages = Handout.studentDocuments(handout).stream()
                .filter(document -> document.toString().endsWith(".md")).toList();
        assertTrue(pages.contains(handout.resolve("docs/em.md")), pages.toString());
        assertEquals(List.of(), Links.broken(pages), "links in the handout that lead nowhere");
    }

    @Test
    void theHandoutsDocumentsSpeakToStudentsOnly() throws IOException {
        Path handout = build();
        String library = Files.readString(handout.resolve("LIBRARY.md"));
        assertFalse(library.contains("## For instructors"), "LIBRARY.md keeps the instructors' section");
        assertTrue(library.contains("## For students"), "LIBRARY.md keeps the students' section");
        for (Path document : Handout.studentDocuments(handout)) {
            String text = Files.readString(document).toLowerCase(java.util.Locale.ROOT);
            for (String word : Handout.INSTRUCTORS_WORDS) {
                assertFalse(text.contains(word), handout.relativize(document) + " speaks of " + word);
            }
        }
        assertTrue(Files.readAllLines(handout.resolve(".gitignore")).contains("pictures/"), "pictures/ is ignored");
    }

    @Test
    void aDocumentThatSpeaksOfTheGraderFailsTheCheck() throws IOException {
        Path handout = build();
        Files.writeString(handout.resolve("README.md"), "\nAsk the grader for your hidden tests.\n",
                java.nio.file.StandardOpenOption.APPEND);
        List<String> problems = Handout.problems(handout, PROJECT);
        assertTrue(problems.stream().anyMatch(problem -> problem.startsWith("README.md line ")
                && problem.contains("'grader'")), problems.toString());
        assertTrue(problems.stream().anyMatch(problem -> problem.contains("'hidden test'")), problems.toString());
    }

    /** The case: a graded test's comment that names {@code mvn test -Pexercises}. */
    @Test
    void aTestSourceThatNamesAnInstructorsCommandFailsTheCheck() throws IOException {
        Path handout = build();
        Path test = handout.resolve("src/test/java/org/emgmm/grading/StudentEmPropertiesTest.java");
        Files.writeString(test, "\n// in the full repository, mvn test -Pexercises does the same\n",
                java.nio.file.StandardOpenOption.APPEND);
        List<String> problems = Handout.problems(handout, PROJECT);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("src/test/java/org/emgmm/grading/StudentEmPropertiesTest.java line ")
                && problems.get(0).contains("names '-pexercises'"), problems.get(0));
    }

    @Test
    void theHandoutPomHasNoInstructorProfiles() throws IOException {
        String pom = Files.readString(build().resolve("pom.xml"), StandardCharsets.UTF_8);
        assertFalse(pom.contains("<id>grade</id>"), "grade profile");
        assertFalse(pom.contains("org.emgmm.instructor"), "instructor classes");
        assertTrue(pom.contains("<id>exercises</id>"), "the exercises profile stays");
        assertTrue(pom.contains("<missing>${basedir}/solutions</missing>"), "and switches itself on");
        String original = Files.readString(PROJECT.resolve("pom.xml"), StandardCharsets.UTF_8);
        assertTrue(original.contains("<id>grade</id>"), "the project's own pom keeps it");
    }

    @Test
    void solutionCodeIsFoundWhereverItHides() throws IOException {
        Set<String> solutionLines = Handout.solutionOnlyLines(PROJECT);
        assertTrue(solutionLines.size() > 50, "the solutions have lines of their own: " + solutionLines.size());
        Path handout = build();
        assertEquals(List.of(), Handout.problems(handout, PROJECT));
        String leaked = solutionLines.iterator().next();
        Path notes = handout.resolve("src/main/java/org/emgmm/Notes.java");
        Files.writeString(notes, "// a copy\n" + leaked + "\n");
        List<String> problems = Handout.problems(handout, PROJECT);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Notes.java line 2 is solution code"), problems.get(0));
    }

    @Test
    void aHandoutWithSolutionsOrHiddenTestsFailsTheCheck() throws IOException {
        Path handout = build();
        Files.createDirectories(handout.resolve("solutions"));
        Files.createDirectories(handout.resolve("hidden-tests"));
        StringWriter err = new StringWriter();
        int code = Handout.run(new String[] {"--check-only", handout.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));
        assertEquals(1, code);
        assertTrue(err.toString().contains("solutions/"), err.toString());
        assertTrue(err.toString().contains("hidden-tests/"), err.toString());
    }
}
