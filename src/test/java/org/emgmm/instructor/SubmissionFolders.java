package org.emgmm.instructor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.emgmm.testing.ChildJvm;

/**
 * Submissions for the grader's tests, made from the worked solutions: copied, with a fault or an attack
 * planted in a method, or zipped as a student's zip tool might.
 */
final class SubmissionFolders {

    private static final Path SOLUTIONS = Path.of("solutions/org/emgmm/exercises");

    private SubmissionFolders() {
    }

    /** The test JVM's class path, which the grader compiles and runs submissions against. */
    static String testClasspath() {
        return ChildJvm.classpath();
    }

    /** Copies the worked solutions into {@code target}/org/emgmm/exercises. */
    static void copySolutions(Path target) throws IOException {
        Path packageFolder = target.resolve("org/emgmm/exercises");
        Files.createDirectories(packageFolder);
        try (Stream<Path> files = Files.list(SOLUTIONS)) {
            for (Path file : files.toList()) {
                Files.copy(file, packageFolder.resolve(file.getFileName()));
            }
        }
    }

    /** Inserts {@code statement} at the start of the method whose signature line is {@code signature}. */
    static void plant(Path submission, String file, String signature, String statement) throws IOException {
        Path source = submission.resolve("org/emgmm/exercises").resolve(file);
        String text = Files.readString(source, StandardCharsets.UTF_8);
        assertTrue(text.contains(signature), file + " has the line " + signature);
        Files.writeString(source, text.replace(signature, signature + " " + statement), StandardCharsets.UTF_8);
    }

    /** Zips a folder's files under {@code prefix}, as a student's zip tool might. */
    static void zip(Path folder, Path zip, String prefix) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
                Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(prefix + folder.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
    }
}
