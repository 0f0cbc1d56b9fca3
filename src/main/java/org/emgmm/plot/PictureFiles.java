package org.emgmm.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emgmm.io.AtomicFiles;

/**
 * Writes rendered pictures into a directory, each file all at once or not at all
 * ({@link AtomicFiles}: the bytes go to a hidden temporary file in the same directory, which is then
 * renamed onto the target), so nobody ever sees half a picture. Callers render
 * every picture first ({@link PictureSet#render}), so a failure while drawing leaves no file at all.
 */
public final class PictureFiles {

    private PictureFiles() {
    }

    /**
     * Makes sure {@code directory} exists, creating it and its parents if needed.
     *
     * @throws IOException saying why it cannot be created, and what to do
     */
    public static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (Files.exists(directory)) {
            throw new IOException("cannot write pictures into " + directory + ": it is a file, not a directory;"
                    + " give a directory");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IOException("cannot create the picture directory " + directory + " (" + AtomicFiles.reason(e)
                    + "): give a directory that can be created or written to", e);
        }
    }

    /**
     * Creates {@code directory} if needed and writes every file into it, replacing files of the same name.
     *
     * @return the paths written, in order ({@code directory.resolve(fileName)})
     * @throws IOException saying why a file cannot be written; files already written stay, complete
     */
    public static List<Path> writeAll(Path directory, List<PictureFile> files) throws IOException {
        createDirectory(directory);
        List<Path> written = new ArrayList<>();
        for (PictureFile file : files) {
            Path target = directory.resolve(file.fileName());
            AtomicFiles.write(target, file.bytes());
            written.add(target);
        }
        return written;
    }
}
