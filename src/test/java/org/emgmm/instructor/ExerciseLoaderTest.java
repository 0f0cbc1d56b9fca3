package org.emgmm.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.emgmm.grading.Points;
import org.emgmm.grading.StudentCode;
import org.emgmm.model.GaussianMixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh {@link ExerciseLoader} per graded test class: the submission's classes and the tests' are new
 * in each, so a static field set under one is unset under the next, while the harness and the library
 * stay shared.
 */
class ExerciseLoaderTest {

    @TempDir
    Path folder;

    /** Compiles {@code org.emgmm.exercises.Stash}, a class with one static field, into the folder. */
    private Path compiledStash() throws IOException {
        Path source = folder.resolve("src/org/emgmm/exercises/Stash.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package org.emgmm.exercises;\npublic final class Stash {\n"
                + "    public static Object kept;\n}\n");
        Path classes = folder.resolve("classes");
        int code = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString());
        assertEquals(0, code, "javac");
        return classes;
    }

    @Test
    void aStaticFieldSetUnderOneLoaderIsUnsetUnderTheNext() throws Exception {
        Path classes = compiledStash();
        ClassLoader parent = getClass().getClassLoader();
        Class<?> first = new ExerciseLoader(classes, parent).loadClass("org.emgmm.exercises.Stash");
        Class<?> second = new ExerciseLoader(classes, parent).loadClass("org.emgmm.exercises.Stash");
        assertNotSame(first, second);
        first.getField("kept").set(null, "an object exercise 6's tests handed over");
        assertNull(second.getField("kept").get(null), "the next exercise's copy of the class");
    }

    @Test
    void theSubmissionsClassesComeOnlyFromItsOwnFolder() throws IOException {
        // The test class path holds the worked solutions, compiled with the library: never taken from there.
        assertTrue(getClass().getClassLoader().getResource("org/emgmm/exercises/Ex1NormalPdf.class") != null);
        ExerciseLoader loader = new ExerciseLoader(compiledStash(), getClass().getClassLoader());
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.emgmm.exercises.Ex1NormalPdf"));
    }

    @Test
    void testClassesAreNewWhileTheHarnessAndTheLibraryAreShared() throws Exception {
        ClassLoader parent = getClass().getClassLoader();
        ExerciseLoader loader = new ExerciseLoader(folder, parent);
        for (String fresh : List.of("org.emgmm.grading.Exercise6Test", "org.emgmm.grading.Expect",
                "org.emgmm.testing.Generators")) {
            assertNotSame(parent.loadClass(fresh), loader.loadClass(fresh), fresh);
            assertSame(loader, loader.loadClass(fresh).getClassLoader(), fresh);
        }
        for (Class<?> shared : List.of(StudentCode.class, StudentCode.Call.class, Points.class,
                GaussianMixture.class, String.class)) {
            assertSame(shared, loader.loadClass(shared.getName()), shared.getName());
        }
    }
}
