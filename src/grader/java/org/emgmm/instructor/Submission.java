package org.emgmm.instructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One student's work: an {@code exercises/} folder, or a zip of one.
 *
 * <p>Students zip their work in many ways: the {@code exercises} folder itself, the folder inside
 * another one, only the {@code org/emgmm/exercises} files, or the files loose at the top. This class
 * finds the submissions and gives each an id; {@link Intake} finds the exercise files inside one,
 * wherever they are, and takes them in (a zip is unpacked with care by {@link ZipUnpacker}).
 *
 * <p>An id is made of letters, digits, {@code .}, {@code _} and {@code -} only, never starts with a
 * dot (so it is never {@code .} or {@code ..}), and differs from every other id of the batch even
 * where file names ignore case; each submission's report goes into a folder of that name under
 * {@code OUT/submissions/}, apart from the batch's own files.
 *
 * @param id     the name in reports and the gradebook: the folder's or zip's name without {@code .zip}
 * @param origin what the instructor named on the command line
 */
record Submission(String id, Path origin) {

    /** A problem with the submission itself (not a zip, no exercise files): it scores 0 with this reason. */
    static final class NotASubmission extends Exception {
        NotASubmission(String message) {
            super(message);
        }
    }

    /**
     * The submissions named on the command line: each argument is a submission (an exercise folder or
     * a zip), or a folder of submissions (every zip and folder in it, in name order). With
     * {@code single}, each argument is one submission, wherever its exercise files sit inside it.
     */
    static List<Submission> find(List<Path> arguments, Set<String> expectedFiles, boolean single) throws IOException {
        List<Submission> found = new ArrayList<>();
        for (Path argument : arguments) {
            if (!Files.exists(argument)) {
                throw new IllegalArgumentException(argument + " does not exist: name exercise folders, zips of"
                        + " them, or folders that hold them");
            }
            if (single || isZip(argument) || holdsExerciseFiles(argument, expectedFiles)) {
                found.add(of(argument));
            } else if (Files.isDirectory(argument)) {
                try (Stream<Path> children = Files.list(argument)) {
                    children.filter(child -> isZip(child) || Files.isDirectory(child))
                            .filter(child -> !child.getFileName().toString().startsWith("."))
                            .sorted(Comparator.comparing(Path::toString))
                            .forEach(child -> found.add(of(child)));
                }
            } else {
                throw new IllegalArgumentException(argument + " is neither a folder nor a .zip: name exercise"
                        + " folders, zips of them, or folders that hold them");
            }
        }
        return distinctIds(found);
    }

    /**
     * The submissions with ids that differ: when two names clean to the same id ("ana maria" and
     * "ana_maria", or a folder and a zip), or to ids that differ only in case ("Ana", "ana": one folder
     * where file names ignore case), the later ones, in the order found, get "-2", "-3", ... so that
     * every report has a folder and a gradebook row of its own. Each report names its source.
     *
     * @param found the submissions, in the order found
     * @return the same submissions, in the same order, with ids that differ
     */
    static List<Submission> distinctIds(List<Submission> found) {
        Set<String> taken = new java.util.HashSet<>();
        List<Submission> distinct = new ArrayList<>();
        for (Submission submission : found) {
            String id = submission.id();
            for (int copy = 2; !taken.add(id.toLowerCase(java.util.Locale.ROOT)); copy++) {
                id = submission.id() + "-" + copy;
            }
            distinct.add(new Submission(id, submission.origin()));
        }
        return distinct;
    }

    private static Submission of(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String name = absolute.getFileName() == null ? "" : absolute.getFileName().toString();
        return new Submission(id(isZip(path) ? name.substring(0, name.length() - ".zip".length()) : name), path);
    }

    /**
     * The id for a folder's or zip's name: every character but letters, digits, {@code .}, {@code _} and
     * {@code -} becomes {@code _}, and a name that would be empty or start with a dot ({@code .},
     * {@code ..}, a hidden folder's name) gets a {@code _} in front, so that every id is a folder name of
     * its own under the reports' folder.
     *
     * @param name the folder's name, or the zip's without {@code .zip}
     * @return the id
     */
    static String id(String name) {
        String id = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return id.isEmpty() || id.startsWith(".") ? "_" + id : id;
    }

    static boolean isZip(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase().endsWith(".zip");
    }

    /** The places, relative to a submission folder, where its exercise files are looked for first. */
    private static final List<String> USUAL_PLACES = List.of("", "org/emgmm/exercises", "exercises/org/emgmm/exercises");

    /**
     * Whether a folder is itself a submission: its exercise files sit at the top, or in
     * {@code org/emgmm/exercises}, or in {@code exercises/org/emgmm/exercises}. (A folder of
     * submissions has them deeper, one submission per child.) A link with an exercise file's name
     * counts, unfollowed: the submission is then graded, and its report says the link was refused.
     */
    private static boolean holdsExerciseFiles(Path folder, Set<String> expectedFiles) {
        for (String place : USUAL_PLACES) {
            for (String file : expectedFiles) {
                if (Files.exists(folder.resolve(place).resolve(file), LinkOption.NOFOLLOW_LINKS)) {
                    return true;
                }
            }
        }
        return false;
    }
}
