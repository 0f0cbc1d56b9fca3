package org.emgmm.instructor;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The SHA-256 of every file the grading JVMs load code from (each folder and jar of their class path),
 * taken before the first submission runs and checked again before and after each one. A submission
 * that changed a compiled test or a library class, or planted one, is caught before it can change
 * anyone's grade, and the batch stops saying which file changed. (Inside bubblewrap these files are
 * read-only anyway; this check also covers grading without a sandbox.)
 */
final class TreeDigest {

    private final Map<String, String> digests;

    private TreeDigest(Map<String, String> digests) {
        this.digests = digests;
    }

    /** The digests of every file under every entry of {@code classpath}. */
    static TreeDigest of(String classpath) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        digests.put(file.toAbsolutePath().toString(), sha256(file));
                    }
                }
            } else if (Files.isRegularFile(path)) {
                digests.put(path.toAbsolutePath().toString(), sha256(path));
            }
        }
        return new TreeDigest(digests);
    }

    /**
     * Checks that nothing changed since {@code this} was taken.
     *
     * @param classpath the same class path
     * @param when      what just happened, for the message (e.g. "after grading alice")
     * @throws IllegalStateException naming the first file added, removed or changed
     */
    void verify(String classpath, String when) throws IOException {
        Map<String, String> now = of(classpath).digests;
        for (Map.Entry<String, String> entry : digests.entrySet()) {
            String current = now.get(entry.getKey());
            if (!entry.getValue().equals(current)) {
                throw changed(entry.getKey(), current == null ? "was removed" : "was changed", when);
            }
        }
        for (String file : now.keySet()) {
            if (!digests.containsKey(file)) {
                throw changed(file, "was added", when);
            }
        }
    }

    private static IllegalStateException changed(String file, String what, String when) {
        return new IllegalStateException(file + " " + what + " " + when + ": a submission may have tampered with the"
                + " compiled tests or the library, so the batch stops here. Rebuild (mvn test-compile), grade with"
                + " --sandbox bwrap, and grade the batch again");
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
