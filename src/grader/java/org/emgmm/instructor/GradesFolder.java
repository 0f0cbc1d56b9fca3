package org.emgmm.instructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the grader writes, under its {@code --out} folder (OUT):
 * <pre>
 *   OUT/gradebook.csv                      the batch's files, beside the submissions' folder
 *   OUT/class-report.csv, .png, .svg
 *   OUT/submissions/ID/results.json        one folder per submission, named by its id
 *   OUT/submissions/ID/score.txt
 *   OUT/submissions/ID/log.txt
 * </pre>
 * Every submission's report has a folder of its own inside {@code OUT/submissions/}, and nothing else
 * goes there, so no id can take the place of a batch file: a zip named {@code gradebook.csv.zip} gets
 * the id {@code gradebook.csv} and the folder {@code OUT/submissions/gradebook.csv/}, and the gradebook
 * is still written. (Ids never start with a dot: {@link Submission#id(String)}.)
 *
 * <p>A submission's folder is replaced when it is graded again, so it must hold nothing but an
 * earlier report; and each batch file, if it exists, must be a file. Both are checked before anything
 * is graded, so that a mistyped {@code --out} never costs a file and never costs a batch at its end.
 */
final class GradesFolder {

    /** The folder, inside OUT, of the submissions' own reports. */
    static final String SUBMISSIONS = "submissions";

    /** The files a submission's report folder holds; a regrade replaces them. */
    static final Set<String> REPORT_FILES = Set.of("results.json", "score.txt", "log.txt");

    /** The batch's files, which the grader writes into OUT itself. */
    static final List<String> BATCH_FILES = List.of(Gradebook.FILE, ClassReport.CSV_FILE,
            ClassReport.PICTURE + ".png", ClassReport.PICTURE + ".svg");

    private final Path out;

    /**
     * The layout under {@code out}.
     *
     * @param out the {@code --out} folder
     */
    GradesFolder(Path out) {
        this.out = out;
    }

    /**
     * The folder of one submission's report.
     *
     * @param id the submission's id
     * @return {@code OUT/submissions/ID}
     */
    Path report(String id) {
        return out.resolve(SUBMISSIONS).resolve(id);
    }

    /**
     * Refuses, before any grading, an OUT where the reports cannot all be written without losing a
     * file: a batch file's name taken by something else than a file, {@code OUT/submissions} not a
     * folder, or a submission's report folder that holds other files than a report.
     *
     * @param submissions the batch
     * @throws IllegalArgumentException naming the path, when one is in the way
     * @throws IOException              when OUT cannot be read
     */
    void check(List<Submission> submissions) throws IOException {
        for (String file : BATCH_FILES) {
            Path batchFile = out.resolve(file);
            if (Files.exists(batchFile, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(batchFile,
                    LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException(batchFile + " is not a file (an earlier grader's report folder?):"
                        + " move it, or choose another --out folder");
            }
        }
        Path folder = out.resolve(SUBMISSIONS);
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(folder + " is not a folder: move it, or choose another --out folder");
        }
        for (Submission submission : submissions) {
            requireReportFolderFree(report(submission.id()));
        }
    }

    /**
     * A report folder is replaced when the submission is graded again: it must hold nothing but an
     * earlier report, so that an --out in the wrong place never costs anyone a file.
     */
    private static void requireReportFolderFree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(folder + " is not a folder: choose an --out folder for the reports"
                    + " only");
        }
        try (Stream<Path> children = Files.list(folder)) {
            List<String> others = children.map(child -> child.getFileName().toString())
                    .filter(name -> !REPORT_FILES.contains(name) && !name.startsWith(".")).sorted().toList();
            if (!others.isEmpty()) {
                throw new IllegalArgumentException(folder + " holds other files than a report (" + others + "):"
                        + " choose an --out folder for the reports only");
            }
        } catch (NotDirectoryException e) {
            throw new IllegalArgumentException(folder + " is a file: choose an --out folder for the reports only");
        }
    }
}
