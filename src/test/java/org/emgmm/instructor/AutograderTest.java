package org.emgmm.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gradescope bundle carries the hidden tests compiled, never their sources, and its
 * {@code run_autograder} grades inside bubblewrap where the container allows it and says which way it
 * graded. (CI unpacks the bundle and runs it on the solutions and the skeletons.)
 */
class AutograderTest {

    @TempDir
    Path folder;

    @Test
    void theBundleHoldsTheHiddenTestsCompiledAndNotTheirSources() throws IOException {
        Path zip = folder.resolve("autograder.zip");
        assertEquals(List.of(), Autograder.build(Path.of("."), zip));
        try (ZipFile bundle = new ZipFile(zip.toFile())) {
            List<String> names = Collections.list(bundle.entries()).stream().map(entry -> entry.getName()).toList();
            assertTrue(names.contains("source/" + Autograder.HIDDEN_CLASSES
                    + "/org/emgmm/grading/hidden/Exercise5HiddenTest.class"), "the compiled hidden test");
            for (String name : names) {
                assertTrue(!name.startsWith("source/hidden-tests/") && !name.startsWith("source/solutions/")
                        && !(name.contains("/hidden/") && name.endsWith(".java")), name + " is in the bundle");
            }
            String run = new String(bundle.getInputStream(bundle.getEntry("run_autograder")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(run.contains("--sandbox auto"), run);
        }
    }
}
