package org.emgmm.instructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.emgmm.instructor.Submission.NotASubmission;

/**
 * Unpacks a submission's zip with care, since it comes from outside: only the {@code .java} files that
 * are regular files are written, an entry whose path would leave the target folder is refused, and
 * the unpacked size and file count are capped ({@link #MAX_UNPACKED_BYTES}, {@link #MAX_FILES}) so that
 * a zip bomb cannot fill the disk.
 *
 * <p>An entry that the zip marks as a symbolic link, or as any other kind of file that is not a
 * regular file or a folder ({@link ZipEntryTypes}), is never unpacked: it is returned as refused, with
 * the reason, for the submission's report. (Nothing unpacked here is ever a link: every file is
 * written by the grader, with the entry's bytes as content.)
 */
final class ZipUnpacker {

    /** All the Java sources of a submission together: a hundred times the size of the solutions. */
    static final long MAX_UNPACKED_BYTES = 10L * 1024 * 1024;

    /** Java files taken from one submission; the exercises have ten. */
    static final int MAX_FILES = 500;

    /** Why an entry that the zip marks as a symbolic link is refused. */
    static final String LINK = "is a symbolic link in the zip, which the grader never follows, so it was not unpacked";

    /** Why an entry that the zip marks as a device, pipe or socket is refused. */
    static final String NOT_A_FILE = "is not a regular file in the zip (a device, pipe or socket), so it was not"
            + " unpacked";

    private ZipUnpacker() {
    }

    /**
     * Unpacks the regular {@code .java} files of {@code zip} into {@code target}.
     *
     * @param zip    the submission's zip
     * @param target an empty folder of the grader's
     * @return the entries refused for their type, each with where it would have gone and why
     * @throws NotASubmission when the zip is not readable, holds a path that leaves {@code target}, or is
     *                        too large
     * @throws IOException    when the zip or the folder cannot be read or written
     */
    static List<Intake.Refused> unzip(Path zip, Path target) throws IOException, NotASubmission {
        String name = Intake.printable(String.valueOf(zip.getFileName()));
        Files.createDirectories(target);
        List<Intake.Refused> refused = new ArrayList<>();
        long unpacked = 0;
        int files = 0;
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(archive.entries());
            List<ZipEntryTypes.Entry> types = ZipEntryTypes.read(zip);
            if (!sameNames(entries, types)) {
                throw new ZipException("its central directory does not read the same way twice");
            }
            for (int index = 0; index < entries.size(); index++) {
                ZipEntry entry = entries.get(index);
                ZipEntryTypes.Type type = types.get(index).type();
                boolean refuse = type == ZipEntryTypes.Type.SYMBOLIC_LINK || type == ZipEntryTypes.Type.OTHER;
                if (!refuse && (entry.isDirectory() || !entry.getName().endsWith(".java"))) {
                    continue;
                }
                Path destination = destination(target, entry.getName(), name);
                if (refuse) {
                    refused.add(new Intake.Refused(destination, type == ZipEntryTypes.Type.SYMBOLIC_LINK ? LINK
                            : NOT_A_FILE));
                    continue;
                }
                if (!destination.startsWith(target)) {
                    throw new NotASubmission(name + " holds a path that leaves its folder ('"
                            + Intake.printable(entry.getName()) + "'): zip the exercises/ folder as it is");
                }
                if (++files > MAX_FILES) {
                    throw new NotASubmission(name + " holds more than " + MAX_FILES + " Java files:"
                            + " zip only the exercises/ folder");
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = archive.getInputStream(entry);
                        OutputStream out = Files.newOutputStream(destination, StandardOpenOption.CREATE,
                                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                    unpacked += copyAtMost(in, out, MAX_UNPACKED_BYTES - unpacked);
                }
                if (unpacked >= MAX_UNPACKED_BYTES) {
                    throw tooLarge(name);
                }
            }
        } catch (ZipException e) {
            throw new NotASubmission(name + " is not a readable zip (" + e.getMessage()
                    + "): zip the exercises/ folder again");
        }
        return refused;
    }

    /** Where an entry would be unpacked; a name that is no path on this system (a NUL in it) refuses the zip. */
    private static Path destination(Path target, String entry, String zip) throws NotASubmission {
        try {
            return target.resolve(entry).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new NotASubmission(zip + " holds an entry whose name is not a path ('" + Intake.printable(entry)
                    + "'): zip the exercises/ folder again");
        }
    }

    /** Whether java.util.zip and {@link ZipEntryTypes} list the same entries, in the same order. */
    private static boolean sameNames(List<? extends ZipEntry> entries, List<ZipEntryTypes.Entry> types) {
        if (entries.size() != types.size()) {
            return false;
        }
        for (int index = 0; index < entries.size(); index++) {
            if (!entries.get(index).getName().equals(types.get(index).name())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The reason given for a submission whose Java files add up to more than {@link #MAX_UNPACKED_BYTES}.
     *
     * @param submission the submission's name, as a note may quote it
     * @return the refusal
     */
    static NotASubmission tooLarge(String submission) {
        return new NotASubmission(submission + " holds more than " + MAX_UNPACKED_BYTES / (1024 * 1024)
                + " MB of Java: submit only the exercises/ folder");
    }

    /**
     * Copies at most {@code limit} bytes (one buffer more, to tell that the limit was passed) and returns
     * the count.
     *
     * @param in    where the bytes come from
     * @param out   where they go
     * @param limit the most bytes wanted
     * @return the bytes copied: more than {@code limit} when there were more
     * @throws IOException when reading or writing fails
     */
    static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
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
