package org.emgmm.instructor;

import static org.emgmm.instructor.SubmissionFolders.zipWithLinks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.emgmm.instructor.ZipEntryTypes.Entry;
import org.emgmm.instructor.ZipEntryTypes.Type;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each zip entry's type, read from the central directory: links found however the zip was made. */
class ZipEntryTypesTest {

    @TempDir
    Path folder;

    @Test
    void linksStoredWithTheirUnixModeAreFound() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("exercises/Ex1NormalPdf.java", "class Ex1NormalPdf { }");
        entries.put("exercises/Ex2LogSumExp.java", "../../solutions/Ex2LogSumExp.java");
        entries.put("exercises/é.java", "/etc/passwd");
        Path zip = folder.resolve("links.zip");
        zipWithLinks(zip, entries, Set.of("exercises/Ex2LogSumExp.java", "exercises/é.java"));
        assertEquals(List.of(new Entry("exercises/Ex1NormalPdf.java", Type.REGULAR),
                new Entry("exercises/Ex2LogSumExp.java", Type.SYMBOLIC_LINK),
                new Entry("exercises/é.java", Type.SYMBOLIC_LINK)), ZipEntryTypes.read(zip));
    }

    /** The zip tool's own links ({@code zip -y}), with a comment and data before the zip (as a self-extractor has). */
    @Test
    void theZipToolsLinksAreFoundBehindPrefixAndComment() throws Exception {
        Path work = folder.resolve("work");
        Files.createDirectories(work.resolve("exercises"));
        Files.writeString(work.resolve("exercises/Ex1NormalPdf.java"), "class Ex1NormalPdf { }");
        Files.createSymbolicLink(work.resolve("exercises/Ex2LogSumExp.java"), Path.of("../../solutions/Ex2.java"));
        Path zip = folder.resolve("tool.zip");
        Process process;
        try {
            process = new ProcessBuilder("zip", "-q", "-y", "-r", zip.toString(), "exercises").directory(work.toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("the zip tool is not installed");
            return;
        }
        Assumptions.assumeTrue(process.waitFor() == 0, "zip -y");
        byte[] bytes = Files.readAllBytes(zip);
        bytes[bytes.length - 2] = 7;     // the comment's length: the zip tool wrote none
        try (OutputStream out = Files.newOutputStream(zip)) {
            out.write("#!/bin/sh\nexit 0\n".getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("comment".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(List.of(new Entry("exercises/", Type.FOLDER), new Entry("exercises/Ex1NormalPdf.java",
                Type.REGULAR), new Entry("exercises/Ex2LogSumExp.java", Type.SYMBOLIC_LINK)),
                ZipEntryTypes.read(zip).stream().sorted(java.util.Comparator.comparing(Entry::name)).toList());
    }

    @Test
    void javasOwnZipsHoldOnlyFilesAndFolders() throws IOException {
        Path zip = folder.resolve("java.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("exercises/"));
            out.putNextEntry(new ZipEntry("exercises/Ex1NormalPdf.java"));
            out.write("class Ex1NormalPdf { }".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertEquals(List.of(new Entry("exercises/", Type.FOLDER), new Entry("exercises/Ex1NormalPdf.java",
                Type.REGULAR)), ZipEntryTypes.read(zip));
    }

    /** Past 65,535 entries a zip needs its ZIP64 records, which are read too. */
    @Test
    void aZip64IsReadToTheLastEntry() throws IOException {
        Path zip = folder.resolve("many.zip");
        int count = 0x10000 + 2;
        try (ZipOutputStream out = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(zip)))) {
            out.setLevel(0);
            for (int i = 0; i < count; i++) {
                out.putNextEntry(new ZipEntry("f" + i));
                out.closeEntry();
            }
        }
        List<Entry> entries = ZipEntryTypes.read(zip);
        assertEquals(count, entries.size());
        assertEquals(new Entry("f" + (count - 1), Type.REGULAR), entries.get(count - 1));
    }

    @Test
    void aZipWithoutACentralDirectoryIsRefused() throws IOException {
        Path zip = folder.resolve("cut.zip");
        zipWithLinks(zip, Map.of("a.java", "class A { }"), Set.of());
        byte[] bytes = Files.readAllBytes(zip);
        Files.write(zip, Arrays.copyOf(bytes, bytes.length - 10));
        assertThrows(ZipException.class, () -> ZipEntryTypes.read(zip));
        Files.writeString(zip, "not a zip at all");
        assertThrows(ZipException.class, () -> ZipEntryTypes.read(zip));
    }

    @Test
    void theModesTypeBitsDecide() {
        assertEquals(Type.REGULAR, ZipEntryTypes.type(0, "a.java"));
        assertEquals(Type.FOLDER, ZipEntryTypes.type(0, "a/"));
        assertEquals(Type.REGULAR, ZipEntryTypes.type(0100644, "a.java"));
        assertEquals(Type.SYMBOLIC_LINK, ZipEntryTypes.type(0120777, "a.java"));
        assertEquals(Type.OTHER, ZipEntryTypes.type(0010644, "a.java"));   // a pipe
        assertEquals(Type.OTHER, ZipEntryTypes.type(0020644, "a.java"));   // a character device
    }
}
