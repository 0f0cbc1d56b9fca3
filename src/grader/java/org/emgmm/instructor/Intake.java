package org.emgmm.instructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.emgmm.instructor.Submission.NotASubmission;

/**
 * Takes a submission's exercise files into a folder of the grader's own, reading only real files.
 *
 * <p>A submission comes from outside, and the grader reads it outside the sandbox, with the
 * instructor's rights. So only regular files and folders are read: a symbolic link is never followed
 * (it could lead to the worked solutions, a hidden test or another student's work), and a device, a
 * pipe or a socket is never opened. Each such entry is refused with a note for the submission's
 * report, which names the entry by its own path and never says where a link leads. A zip is unpacked
 * by {@link ZipUnpacker}, which refuses the entries it marks as links in the same way.
 *
 * <p>The exercise files are then found wherever they are: the folder holding the most of the expected
 * file names ({@code Ex1NormalPdf.java}, …) is the submission's (ties go to the shallower). Its
 * {@code .java} files are copied, each opened without following a link, into the grader's folder, which
 * is all that is compiled. A {@code module-info.java} there is left out with a note: the exercises are
 * graded as plain classes, and a module declaration would keep every file from compiling.
 */
final class Intake {

    /** How deep below the submission's top the exercise files are looked for. */
    static final int MAX_DEPTH = 12;

    /** Refused entries named one by one in a report; the rest are counted. */
    static final int NOTES_LISTED = 10;

    /** The longest entry name quoted in a note. */
    static final int MAX_NAME_CHARS = 120;

    /** Why a symbolic link in a folder is refused. */
    static final String LINK = "is a symbolic link, which the grader never follows, so it was not read";

    /** Why a device, pipe or socket in a folder is refused. */
    static final String NOT_A_FILE = "is not a regular file (a device, pipe or socket), so it was not read";

    /** Why an entry that could not be read is left out. */
    static final String UNREADABLE = "could not be read, so it was left out";

    /** Why a module declaration is left out. */
    static final String MODULE_INFO = "left out: the exercises are graded as plain classes, and a module"
            + " declaration would keep every file from compiling";

    /** Why a Java file whose name holds a control character (a newline, say) is left out. */
    static final String CONTROL_CHARACTERS = "has a control character in its name, so it was left out";

    /** Ends the note on a refused exercise file, which its skeleton replaces. */
    static final String NOT_STARTED = ": graded as not started";

    /** The name of a module declaration. */
    static final String MODULE_INFO_FILE = "module-info.java";

    /**
     * An entry of a submission that was not read.
     *
     * @param path where it is (or, for a zip's entry, where it would have been unpacked)
     * @param why  the reason, a phrase that follows the entry's name
     */
    record Refused(Path path, String why) {
    }

    /**
     * A submission's exercise files, taken in.
     *
     * @param folder the grader's copy: the {@code .java} files of the submission's exercise folder
     * @param notes  what was not read and why, for the report: an entry of the exercise folder by its file
     *               name, any other by its path inside the submission
     */
    record Taken(Path folder, Map<String, String> notes) {
    }

    private Intake() {
    }

    /**
     * Takes in the exercise files of {@code submission}, unpacking it into {@code scratch} first if it
     * is a zip.
     *
     * @param submission    the submission
     * @param scratch       an empty folder of the grader's, for this submission alone
     * @param expectedFiles the exercise files' names
     * @return the grader's copy and the notes on what was refused
     * @throws NotASubmission when it is a link, an unreadable or too large zip, or holds no exercise file
     * @throws IOException    when the grader's own folder cannot be written
     */
    static Taken take(Submission submission, Path scratch, Set<String> expectedFiles)
            throws IOException, NotASubmission {
        Path origin = submission.origin();
        String name = printable(String.valueOf(origin.getFileName()));
        if (Files.isSymbolicLink(origin)) {
            throw new NotASubmission(name + " is a symbolic link, which the grader never follows: put the folder"
                    + " or zip itself there");
        }
        Path top = origin;
        List<Refused> refused = new ArrayList<>();
        if (Submission.isZip(origin)) {
            top = scratch.resolve("unpacked");
            refused.addAll(ZipUnpacker.unzip(origin, top));
        }
        List<Path> regular = new ArrayList<>();
        walk(top, regular, refused);
        Path exercises = exerciseFolder(top, expectedFiles, regular, refused).orElse(null);
        if (exercises == null) {
            StringBuilder why = new StringBuilder("no exercise files (" + String.join(", ", expectedFiles.stream()
                    .sorted().limit(2).toList()) + ", …) in " + name + ": submit the exercises/ folder, or a zip of it");
            notes(top, null, expectedFiles, refused).forEach((entry, reason) -> why.append("; ").append(entry)
                    .append(" ").append(reason));
            throw new NotASubmission(why.toString());
        }
        Map<String, String> notes = notes(top, exercises, expectedFiles, refused);
        Path copy = scratch.resolve("intake");
        copyJavaFiles(regular.stream().filter(file -> exercises.equals(file.getParent())).sorted().toList(), copy,
                expectedFiles, notes, name);
        return new Taken(copy, notes);
    }

    /**
     * Copies the {@code .java} files among {@code files} (the exercise folder's regular files) into
     * {@code copy}, each opened without following a link, and notes what is left out: a module
     * declaration, a name with a control character (which could forge a line of a report), a file that
     * could not be read. The Java files together are capped as a zip's are.
     */
    private static void copyJavaFiles(List<Path> files, Path copy, Set<String> expectedFiles,
            Map<String, String> notes, String submission) throws IOException, NotASubmission {
        Files.createDirectories(copy);
        long copied = 0;
        int count = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".java")) {
                continue;
            }
            if (name.equals(MODULE_INFO_FILE)) {
                notes.put(name, MODULE_INFO);
                continue;
            }
            if (!printable(name).equals(name)) {
                notes.put(printable(name), CONTROL_CHARACTERS);
                continue;
            }
            if (++count > ZipUnpacker.MAX_FILES) {
                throw new NotASubmission(submission + " holds more than " + ZipUnpacker.MAX_FILES + " Java files"
                        + " beside the exercises: submit only the exercises/ folder");
            }
            // O_NOFOLLOW: should a link have taken the file's place since the walk, it is not followed.
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
                    OutputStream out = Files.newOutputStream(copy.resolve(name), StandardOpenOption.CREATE_NEW)) {
                copied += ZipUnpacker.copyAtMost(in, out, ZipUnpacker.MAX_UNPACKED_BYTES - copied);
            } catch (IOException e) {
                Files.deleteIfExists(copy.resolve(name));
                notes.put(printable(name), UNREADABLE + (expectedFiles.contains(name) ? NOT_STARTED : ""));
                continue;
            }
            if (copied >= ZipUnpacker.MAX_UNPACKED_BYTES) {
                throw ZipUnpacker.tooLarge(submission);
            }
        }
    }

    /**
     * Sorts what lies under {@code top}, to {@link #MAX_DEPTH}, without following a link: regular files
     * into {@code regular}, links, devices, pipes, sockets and what cannot be read into {@code refused}.
     */
    private static void walk(Path top, List<Path> regular, List<Refused> refused) throws IOException {
        Files.walkFileTree(top, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile()) {
                            regular.add(file);
                        } else if (attributes.isSymbolicLink()) {
                            refused.add(new Refused(file, LINK));
                        } else if (attributes.isOther()) {
                            refused.add(new Refused(file, NOT_A_FILE));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        refused.add(new Refused(file, UNREADABLE));
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    /**
     * The folder (at any depth) that holds the most expected file names as regular files; ties go to the
     * shallower. A folder that holds them only as refused entries (a folder of links, say) is chosen when
     * no folder holds any as regular files, so that its report names each refused file.
     */
    private static Optional<Path> exerciseFolder(Path top, Set<String> expectedFiles, List<Path> regular,
            List<Refused> refused) {
        Function<Stream<Path>, Map<Path, Long>> countByFolder = paths -> paths
                .filter(file -> file.startsWith(top) && !file.equals(top))
                .filter(file -> expectedFiles.contains(file.getFileName().toString()))
                .filter(file -> !top.relativize(file).toString().contains("__MACOSX"))
                .collect(Collectors.groupingBy(Path::getParent, Collectors.counting()));
        Map<Path, Long> real = countByFolder.apply(regular.stream());
        Map<Path, Long> counted = real.isEmpty() ? countByFolder.apply(refused.stream().map(Refused::path)) : real;
        return counted.entrySet().stream()
                .max(Comparator.<Map.Entry<Path, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(entry -> -entry.getKey().getNameCount()))
                .map(Map.Entry::getKey);
    }

    /**
     * The notes on the refused entries: those of the exercise folder first, by file name (an exercise
     * file's note says it is graded as not started), then the others by their path inside the
     * submission, at most {@link #NOTES_LISTED} of them named and the rest counted.
     */
    private static Map<String, String> notes(Path top, Path exercises, Set<String> expectedFiles,
            List<Refused> refused) {
        Map<String, String> notes = new LinkedHashMap<>();
        List<Refused> others = new ArrayList<>();
        for (Refused entry : refused) {
            if (entry.path().getParent() != null && entry.path().getParent().equals(exercises)) {
                String name = entry.path().getFileName().toString();
                notes.putIfAbsent(printable(name), entry.why() + (expectedFiles.contains(name) ? NOT_STARTED : ""));
            } else {
                others.add(entry);
            }
        }
        others.sort(Comparator.comparing(entry -> entry.path().toString()));
        for (Refused entry : others.subList(0, Math.min(NOTES_LISTED, others.size()))) {
            String path = top.relativize(entry.path()).toString().replace('\\', '/');
            notes.putIfAbsent(printable(path.isEmpty() ? "." : path), entry.why());
        }
        if (others.size() > NOTES_LISTED) {
            notes.put("and " + (others.size() - NOTES_LISTED) + " more entries", "that are links or not regular"
                    + " files were not read either");
        }
        return notes;
    }

    /**
     * A name as a note may quote it: control characters (a newline could forge a line of the report)
     * become {@code ?}, and a long name is cut at {@link #MAX_NAME_CHARS} with {@code …}.
     *
     * @param name a file or entry name from a submission
     * @return the name, safe to put in a report
     */
    static String printable(String name) {
        String clean = name.codePoints().map(c -> Character.isISOControl(c) || Character.getType(c)
                == Character.FORMAT ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.codePointCount(0, clean.length()) <= MAX_NAME_CHARS ? clean
                : clean.substring(0, clean.offsetByCodePoints(0, MAX_NAME_CHARS)) + "…";
    }
}
