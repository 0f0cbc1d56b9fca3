package org.emgmm.instructor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class path for the grading JVMs: the grader's own, with the worked solutions taken out. The
 * solutions are compiled with the library, into the same folder; a copy of that folder without them
 * takes its place, so that a submission's missing class fails to load instead of being taken from the
 * solutions.
 *
 * <p>Siblings: {@link Grade} makes it once per batch; {@link GradingJvm} starts every grading JVM with
 * it.
 */
final class LibraryClasspath {

    /** Where compiled exercise classes sit in a class folder. */
    private static final String EXERCISES = "org/emgmm/exercises";

    /** Not instantiated: the methods are static. */
    private LibraryClasspath() {
    }

    /**
     * The class path {@code classpath} with every folder that holds compiled exercise classes (the
     * worked solutions, compiled with the library) replaced by a copy without them, in {@code scratch}.
     * A submission's missing class then fails to load instead of being taken from the solutions.
     *
     * @param classpath the grader's class path, entries separated by {@link File#pathSeparator}
     * @param scratch   a folder for the copies
     * @return the class path for the grading JVMs
     * @throws IOException if a folder cannot be copied
     */
    static String withoutExercises(String classpath, Path scratch) throws IOException {
        List<String> entries = new ArrayList<>();
        int copies = 0;
        for (String entry : classpath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path.resolve(EXERCISES))) {
                Path copy = scratch.resolve("classes-" + copies++);
                copyWithout(path, copy, path.resolve(EXERCISES));
                entries.add(copy.toString());
            } else if (!entry.isBlank()) {
                entries.add(entry);
            }
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
