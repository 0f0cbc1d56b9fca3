package org.emgmm.instructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * One student's work: an {@code exercises/} folder, or a zip of one, and the Java files found in it.
 *
 * <p>Students zip their work in many ways: the {@code exercises} folder itself, the folder inside
 * another one, only the {@code org/emgmm/exercises} files, or the files loose at the top. The exercise
 * files are found wherever they are: the folder holding the most of the expected file names
 * ({@code Ex1NormalPdf.java}, …) is the submission's.
 *
 * <p>A zip is unpacked with care, since it comes from outside: only {@code .java} files are taken, an
 * entry whose path would leave the target folder is refused, and the unpacked size and file count
 * are capped ({@link #MAX_UNPACKED_BYTES}, {@link #MAX_FILES}) so that a zip bomb cannot fill the disk.
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

    /** All the Java sources of a submission together: a hundred times the size of the solutions. */
    static final long MAX_UNPACKED_BYTES = 10L * 1024 * 1024;

    /** Java files taken from one zip; the exercises have ten. */
    static final int MAX_FILES = 500;

    /** How deep below the submission's top the exercise files are looked for. */
    private static final int MAX_DEPTH = 12;

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
     * submissions has them deeper, one submission per child.)
     */
    private static boolean holdsExerciseFiles(Path folder, Set<String> expectedFiles) {
        for (String place : USUAL_PLACES) {
            for (String file : expectedFiles) {
                if (Files.isRegularFile(folder.resolve(place).resolve(file))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The folder holding the submission's exercise files, unpacked into {@code scratch} first if the
     * submission is a zip.
     */
    Path sources(Path scratch, Set<String> expectedFiles) throws IOException, NotASubmission {
        Path top = origin;
        if (isZip(origin)) {
            top = scratch.resolve("unpacked");
            unzip(origin, top);
        }
        return exerciseFolder(top, expectedFiles).orElseThrow(() -> new NotASubmission("no exercise files ("
                + String.join(", ", expectedFiles.stream().sorted().limit(2).toList()) + ", …) in "
                + origin.getFileName() + ": submit the exercises/ folder, or a zip of it"));
    }

    /** The folder (at any depth) that holds the most expected file names; ties go to the shallower. */
    private static Optional<Path> exerciseFolder(Path top, Set<String> expectedFiles) throws IOException {
        try (Stream<Path> paths = Files.walk(top, MAX_DEPTH)) {
            return paths.filter(Files::isRegularFile)
                    .filter(file -> expectedFiles.contains(file.getFileName().toString()))
                    .filter(file -> !top.relativize(file).toString().contains("__MACOSX"))
                    .collect(Collectors.groupingBy(Path::getParent, Collectors.counting()))
                    .entrySet().stream()
                    .max(Comparator.<Map.Entry<Path, Long>>comparingLong(Map.Entry::getValue)
                            .thenComparing(entry -> -entry.getKey().getNameCount()))
                    .map(Map.Entry::getKey);
        }
    }

    /** Unpacks the {@code .java} files of a zip, refusing paths that leave {@code target} and capping sizes. */
    private static void unzip(Path zip, Path target) throws IOException, NotASubmission {
        Files.createDirectories(target);
        long unpacked = 0;
        int files = 0;
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().endsWith(".java")) {
                    continue;
                }
                Path destination = target.resolve(entry.getName()).normalize();
                if (!destination.startsWith(target)) {
                    throw new NotASubmission(zip.getFileName() + " holds a path that leaves its folder ('"
                            + entry.getName() + "'): zip the exercises/ folder as it is");
                }
                if (++files > MAX_FILES) {
                    throw new NotASubmission(zip.getFileName() + " holds more than " + MAX_FILES + " Java files:"
                            + " zip only the exercises/ folder");
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = archive.getInputStream(entry);
                        OutputStream out = Files.newOutputStream(destination)) {
                    unpacked += copyAtMost(in, out, MAX_UNPACKED_BYTES - unpacked);
                }
                if (unpacked >= MAX_UNPACKED_BYTES) {
                    throw new NotASubmission(zip.getFileName() + " unpacks to more than "
                            + MAX_UNPACKED_BYTES / (1024 * 1024) + " MB of Java: zip only the exercises/ folder");
                }
            }
        } catch (ZipException e) {
            throw new NotASubmission(zip.getFileName() + " is not a readable zip (" + e.getMessage()
                    + "): zip the exercises/ folder again");
        }
    }

    /** Copies at most {@code limit} bytes (one more, to tell that the limit was passed) and returns the count. */
    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[8192];
        long copied = 0;
        int read;
        while (copied <= limit && (read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            copied += read;
        }
        return copied;
    }
}
