package org.emgmm.instructor;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A planted, changed or removed class-path file stops the batch, naming the file. */
class TreeDigestTest {

    @TempDir
    Path folder;

    private String classpath() throws IOException {
        Path classes = Files.createDirectories(folder.resolve("test-classes/org/emgmm/grading"));
        Files.writeString(classes.resolve("Exercise1Test.class"), "compiled test");
        Path jar = folder.resolve("library.jar");
        Files.writeString(jar, "a jar");
        return folder.resolve("test-classes") + File.pathSeparator + jar;
    }

    @Test
    void anUntouchedTreeVerifies() throws IOException {
        String classpath = classpath();
        TreeDigest.of(classpath).verify(classpath, "after grading alice");
    }

    @Test
    void aChangedAddedOrRemovedFileIsNamed() throws IOException {
        String classpath = classpath();
        TreeDigest digest = TreeDigest.of(classpath);
        Path test = folder.resolve("test-classes/org/emgmm/grading/Exercise1Test.class");
        Files.writeString(test, "forged");
        IllegalStateException changed = assertThrows(IllegalStateException.class,
                () -> digest.verify(classpath, "after grading mallory"));
        assertTrue(changed.getMessage().startsWith(test.toAbsolutePath() + " was changed after grading mallory"),
                changed.getMessage());
        Files.writeString(test, "compiled test");
        Path planted = folder.resolve("test-classes/org/emgmm/grading/Exercise10Test.class");
        Files.writeString(planted, "planted");
        assertTrue(assertThrows(IllegalStateException.class, () -> digest.verify(classpath, "x")).getMessage()
                .contains("Exercise10Test.class was added"));
        Files.delete(planted);
        Files.delete(folder.resolve("library.jar"));
        assertTrue(assertThrows(IllegalStateException.class, () -> digest.verify(classpath, "x")).getMessage()
                .contains("library.jar was removed"));
    }
}
