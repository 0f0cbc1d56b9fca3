package org.emgmm.instructor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class path for the grading JVMs: copies of every entry of the grader's own, in the batch's
 * temporary folder, with the worked solutions taken out. The solutions are compiled with the library, into
 * the same folder; its copy leaves them out, so that a submission's missing class fails to load instead
 * of being taken from the solutions. Every entry is copied, jars too, so that no path a grading JVM is
 * given leads into the project or the user's home: the sandbox shows the copies alone, and without a
 * sandbox the class path names nothing but the temporary folder.
 *
 * <p>Siblings: {@link Grade} makes it once per batch; {@link GradingJvm} starts every grading JVM with
 * it, through the {@link Sandbox}.
 */
final class LibraryClasspath {

    /** Where compiled exercise classes sit in a class folder. */
    private static final String EXERCISES = "org/emgmm/exercises";

    /** Not instantiated: the methods are static. */
    private LibraryClasspath() {
    }

    /**
     * Copies of the entries of {@code classpath} into {@code scratch}, in order: each folder without its
     * compiled exercise classes (the worked solutions, compiled with the library), each jar as it is. An
     * entry that does not exist is left out, as the JVM would ignore it.
     *
     * @param classpath the grader's class path, entries separated by {@link File#pathSeparator}
     * @param scratch   a folder for the copies
     * @return the class path for the grading JVMs
     * @throws IOException if an entry cannot be copied
     */
    static String copyWithoutExercises(String classpath, Path scratch) throws IOException {
        List<String> entries = new ArrayList<>();
        int copies = 0;
        for (String entry : classpath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.isBlank() || !Files.exists(path)) {
                continue;
            }
            Path copy = scratch.resolve(String.valueOf(copies++));
            if (Files.isDirectory(path)) {
                copyWithout(path, copy, path.resolve(EXERCISES));
            } else {
                Files.createDirectories(copy);
                copy = copy.resolve(path.getFileName().toString());
                Files.copy(path, copy);
            }
            entries.add(copy.toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * Copies a folder, leaving one of its subfolders out.
     *
     * @param from the folder
     * @param to   where the copy goes
     * @param left the subfolder of {@code from} to leave out
     * @throws IOException if a file cannot be copied
     */
    private static void copyWithout(Path from, Path to, Path left) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.filter(p -> !p.startsWith(left)).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
