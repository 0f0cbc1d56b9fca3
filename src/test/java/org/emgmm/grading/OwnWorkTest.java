package org.emgmm.grading;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The exercises' "own work only" rules ({@link OwnWork}), as the grader applies them, to the exercise
 * files of this build (your exercises/, or the worked solutions) taken together: each exercise may use
 * only the library members its list names (the exercises' README shows the lists), in its own file and
 * in every file its code calls. A failure here names the use, its file and its line, the exercise the
 * grader would grade as not started for it, and what that exercise may use from the library.
 */
class OwnWorkTest {

    /** The exercise files this build compiled: exercises/ for students, solutions/ for the project. */
    static Path exerciseFiles() {
        String dir = System.getProperty("emgmm.exercises.dir", "solutions");
        return Path.of(dir.isBlank() ? "solutions" : dir, "org/emgmm/exercises");
    }

    /** The class path the exercise files compile against: the library's and the tests'. */
    static String classpath() {
        String classpath = System.getProperty("surefire.test.class.path");
        return classpath != null ? classpath : System.getProperty("java.class.path");
    }

    /**
     * The grader's verdict, in words: for each file that pays for a use, what happens to it and why,
     * then what each exercise concerned may use from the library.
     *
     * @param found the violations of one submission
     * @return one line per paying file, then one per exercise's list; empty when nothing is refused
     */
    static List<String> verdict(List<OwnWork.Violation> found) {
        List<String> lines = new ArrayList<>();
        TreeSet<String> exercises = new TreeSet<>();
        for (Map.Entry<String, OwnWork.Violation> paying : OwnWork.firstByPayer(found).entrySet()) {
            boolean exercise = AllowLists.hasList(paying.getKey());
            lines.add(paying.getKey() + (exercise ? " would be graded as not started: " : " would be left out: ")
                    + paying.getValue().message());
            if (exercise && paying.getValue().rule() == OwnWork.Rule.OWN_WORK) {
                exercises.add(paying.getKey());
            }
        }
        for (String exercise : exercises) {
            lines.add(exercise + " may use from the library: " + AllowLists.describe(exercise) + " (and its"
                    + " exceptions: " + AllowLists.describeShared() + ")");
        }
        return lines;
    }

    @Test
    void yourExerciseFilesDoTheirOwnWork() throws IOException {
        Path folder = exerciseFiles();
        List<String> verdict = verdict(OwnWork.checkFolder(folder, classpath()));
        if (!verdict.isEmpty()) {
            fail("uses the exercises may not make, in " + folder + ":\n" + String.join("\n", verdict));
        }
    }
}
