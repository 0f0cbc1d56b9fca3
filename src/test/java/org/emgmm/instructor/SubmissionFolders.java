package org.emgmm.instructor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
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

    /**
     * Points a symbolic link at {@code target} by a relative path, as a link inside a cloned repository
     * would.
     *
     * @param link   where the link goes
     * @param target what it points to
     */
    static void relativeLink(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        Path from = link.toAbsolutePath().normalize().getParent();
        Files.createSymbolicLink(link, from.relativize(target.toAbsolutePath().normalize()));
    }

    /** A unix mode's file-type bits for a regular file and for a symbolic link, as zip tools on unix store them. */
    static final int REGULAR_MODE = 0100644;
    static final int LINK_MODE = 0120777;

    /**
     * Writes a zip as {@code zip -y} on unix does, which {@link java.util.zip.ZipOutputStream} cannot: each
     * entry stored with its unix mode. A link's content is its target's path.
     *
     * @param zip     the file to write
     * @param entries entry name → its content (for a link: the path it points to)
     * @param links   the names among them that are symbolic links
     */
    static void zipWithLinks(Path zip, Map<String, String> entries, Set<String> links) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] data = entry.getValue().getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(data);
            int offset = body.size();
            // Local header: version 1.0, UTF-8 names, stored, 1980-01-01.
            littleEndian(body, 0x04034b50, 4, 10, 2, 0x0800, 2, 0, 2, 0, 2, 0x21, 2, (int) crc.getValue(), 4,
                    data.length, 4, data.length, 4, name.length, 2, 0, 2);
            body.write(name);
            body.write(data);
            int mode = links.contains(entry.getKey()) ? LINK_MODE : REGULAR_MODE;
            // Central header: made on unix (3), the mode in the upper half of the external attributes.
            littleEndian(directory, 0x02014b50, 4, 3 << 8 | 30, 2, 10, 2, 0x0800, 2, 0, 2, 0, 2, 0x21, 2,
                    (int) crc.getValue(), 4, data.length, 4, data.length, 4, name.length, 2, 0, 2, 0, 2, 0, 2, 0, 2,
                    mode << 16, 4, offset, 4);
            directory.write(name);
        }
        ByteArrayOutputStream end = new ByteArrayOutputStream();
        littleEndian(end, 0x06054b50, 4, 0, 2, 0, 2, entries.size(), 2, entries.size(), 2, directory.size(), 4,
                body.size(), 4, 0, 2);
        try (OutputStream out = Files.newOutputStream(zip)) {
            body.writeTo(out);
            directory.writeTo(out);
            end.writeTo(out);
        }
    }

    /** Writes each (value, byte count) pair of {@code fields}, least significant byte first. */
    private static void littleEndian(ByteArrayOutputStream out, int... fields) {
        for (int f = 0; f < fields.length; f += 2) {
            for (int b = 0; b < fields[f + 1]; b++) {
                out.write(fields[f] >>> (8 * b) & 0xFF);
            }
        }
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
