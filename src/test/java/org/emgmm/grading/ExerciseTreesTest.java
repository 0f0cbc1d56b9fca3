package org.emgmm.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Not graded: {@code exercises/} and {@code solutions/} hold the same classes, and differ only in the
 * bodies of the methods a student writes.
 * <ul>
 *   <li>The same files in {@code org/emgmm/exercises}.</li>
 *   <li>In each file, the same methods in the same order.</li>
 *   <li>Every method whose body in {@code exercises/} is {@code throw new
 *       UnsupportedOperationException("TODO: …, see …")} may differ; everything else (comments,
 *       signatures, given helpers) is identical, character for character.</li>
 *   <li>Every {@code Ex*} class has at least one such method; every TODO says what to do and where to
 *       read ("TODO: …, see …").</li>
 * </ul>
 * A handout has no {@code solutions/}; the test then has nothing to compare and is skipped.
 */
class ExerciseTreesTest {

    private static final String PACKAGE_PATH = "org/emgmm/exercises";

    /** A skeleton body: the one statement, possibly with the message split over concatenated lines. */
    private static final Pattern TODO_BODY = Pattern.compile(
            "\\{\\s*throw new UnsupportedOperationException\\(((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*\\+?\\s*)+)\\);\\s*}");

    private static Path baseDirectory() {
        return Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    /** A method body at class-member depth: its name and the offsets of its braces. */
    private record Body(String name, int start, int end) {
    }

    @Test
    void exercisesAndSolutionsDifferOnlyInTheStudentsMethods() throws IOException {
        Path exercises = baseDirectory().resolve("exercises").resolve(PACKAGE_PATH);
        Path solutions = baseDirectory().resolve("solutions").resolve(PACKAGE_PATH);
        Assumptions.assumeTrue(Files.isDirectory(exercises) && Files.isDirectory(solutions),
                "both exercises/ and solutions/ are needed (a handout has only exercises/)");
        List<String> names = javaFiles(exercises);
        assertEquals(names, javaFiles(solutions), "the same files in exercises/ and solutions/");
        for (String name : names) {
            String exercise = Files.readString(exercises.resolve(name), StandardCharsets.UTF_8);
            String solution = Files.readString(solutions.resolve(name), StandardCharsets.UTF_8);
            compare(name, exercise, solution);
        }
    }

    private static List<String> javaFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(file -> file.endsWith(".java")).sorted()
                    .toList();
        }
    }

    private static void compare(String file, String exercise, String solution) {
        List<Body> exerciseBodies = bodies(exercise);
        List<Body> solutionBodies = bodies(solution);
        assertEquals(exerciseBodies.stream().map(Body::name).toList(),
                solutionBodies.stream().map(Body::name).toList(), file + ": the same methods in the same order");
        StringBuilder maskedExercise = new StringBuilder();
        StringBuilder maskedSolution = new StringBuilder();
        int exerciseAt = 0;
        int solutionAt = 0;
        int todos = 0;
        for (int m = 0; m < exerciseBodies.size(); m++) {
            Body body = exerciseBodies.get(m);
            Matcher todo = TODO_BODY.matcher(exercise.substring(body.start(), body.end()));
            if (!todo.matches()) {
                continue;
            }
            todos++;
            String message = todo.group(1).replaceAll("\"\\s*\\+\\s*\"", "");
            assertTrue(message.startsWith("\"TODO: ") && message.contains(", see "),
                    file + ", " + body.name() + ": a skeleton says \"TODO: what to do, see where to read\", not "
                            + message);
            Body other = solutionBodies.get(m);
            maskedExercise.append(exercise, exerciseAt, body.start()).append("{ … }");
            maskedSolution.append(solution, solutionAt, other.start()).append("{ … }");
            exerciseAt = body.end();
            solutionAt = other.end();
        }
        maskedExercise.append(exercise.substring(exerciseAt));
        maskedSolution.append(solution.substring(solutionAt));
        if (file.startsWith("Ex")) {
            assertTrue(todos > 0, file + ": an exercise has at least one method for the student to write");
        }
        assertSameText(file, maskedExercise.toString(), maskedSolution.toString());
    }

    /** Equal texts, or a failure naming the first line that differs. */
    private static void assertSameText(String file, String exercise, String solution) {
        if (exercise.equals(solution)) {
            return;
        }
        String[] a = exercise.split("\n", -1);
        String[] b = solution.split("\n", -1);
        for (int line = 0; line < Math.max(a.length, b.length); line++) {
            String left = line < a.length ? a[line] : "(end of file)";
            String right = line < b.length ? b[line] : "(end of file)";
            if (!left.equals(right)) {
                assertEquals(left, right, file + ": outside the students' method bodies exercises/ and solutions/"
                        + " must be identical; first difference at line " + (line + 1) + " (counting a masked body"
                        + " as one line)");
            }
        }
    }

    /** The method bodies at class-member depth, in order. */
    static List<Body> bodies(String text) {
        List<Body> found = new ArrayList<>();
        int depth = 0;
        int statementStart = 0;
        int i = 0;
        while (i < text.length()) {
            int skipped = skipCommentOrLiteral(text, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            char c = text.charAt(i);
            if (c == '{') {
                if (depth == 1) {
                    int end = matchingBrace(text, i);
                    String name = methodName(text.substring(statementStart, i));
                    if (name != null) {
                        found.add(new Body(name, i, end));
                    }
                    i = end;
                    statementStart = end;
                    continue;
                }
                depth++;
                statementStart = i + 1;
            } else if (c == '}') {
                depth--;
                statementStart = i + 1;
            } else if (c == ';') {
                statementStart = i + 1;
            }
            i++;
        }
        return found;
    }

    private static final Pattern SIGNATURE = Pattern.compile("(\\w+)\\s*\\([^;]*\\)\\s*(throws[^{]*)?$", Pattern.DOTALL);

    /** The method name of a member header (comments and annotations removed), or null if not a method. */
    private static String methodName(String header) {
        String code = header.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ")
                .replaceAll("@\\w+(\\([^)]*\\))?", " ").trim();
        Matcher matcher = SIGNATURE.matcher(code);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The offset just after the brace that closes the one at {@code open}. */
    private static int matchingBrace(String text, int open) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            int skipped = skipCommentOrLiteral(text, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("unbalanced braces from offset " + open);
    }

    /** If a comment, string or character literal starts at i, the offset after it; otherwise i. */
    private static int skipCommentOrLiteral(String text, int i) {
        if (text.startsWith("//", i)) {
            int end = text.indexOf('\n', i);
            return end < 0 ? text.length() : end;
        }
        if (text.startsWith("/*", i)) {
            return text.indexOf("*/", i + 2) + 2;
        }
        char c = text.charAt(i);
        if (c == '"' || c == '\'') {
            int j = i + 1;
            while (text.charAt(j) != c) {
                j += text.charAt(j) == '\\' ? 2 : 1;
            }
            return j + 1;
        }
        return i;
    }
}
