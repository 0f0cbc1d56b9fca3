package org.emgmm.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emgmm.io.AtomicFiles;
import org.emgmm.io.OutputBatch;

/**
 * Writes rendered pictures into a directory, all at once or not at all ({@link OutputBatch}: the bytes
 * go to hidden temporary files in the same directory, which are renamed onto the targets only when all
 * are complete), so nobody ever sees half a picture or half a set. Callers render
 * every picture first ({@link PictureSet#render}), so a failure while drawing leaves no file at all.
 */
public final class PictureFiles {

    private PictureFiles() {
    }

    /**
     * Makes sure {@code directory} exists, creating it and its parents if needed.
     *
     * @param directory where the pictures go
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
     * Creates {@code directory} if needed and writes every file into it, replacing files of the same name:
     * all of them or, when one cannot be written, none ({@link OutputBatch}).
     *
     * @param directory where the pictures go
     * @param files     the rendered pictures, each with its file name
     * @return the paths written, in order ({@code directory.resolve(fileName)})
     * @throws IOException saying why a file cannot be written; no file is then written or changed
     */
    public static List<Path> writeAll(Path directory, List<PictureFile> files) throws IOException {
        try (OutputBatch batch = OutputBatch.open()) {
            List<Path> written = stageAll(batch, "", directory, files);
            batch.commit();
            return written;
        }
    }

    /**
     * Creates {@code directory} in the batch if needed, and stages every file into it, to be moved into
     * place when the batch is committed.
     *
     * @param batch     the run's output files, committed by the caller
     * @param option    the option that named the directory, for messages (e.g. "--plots")
     * @param directory where the pictures go
     * @param files     the rendered pictures, each with its file name
     * @return the paths the files will have ({@code directory.resolve(fileName)})
     * @throws IOException saying why the directory cannot be created or a file cannot be written
     */
    public static List<Path> stageAll(OutputBatch batch, String option, Path directory, List<PictureFile> files)
            throws IOException {
        batch.directory(option, directory, "picture directory");
        List<Path> targets = new ArrayList<>();
        for (PictureFile file : files) {
            Path target = directory.resolve(file.fileName());
            batch.stage(option, target, file.bytes());
            targets.add(target);
        }
        return targets;
    }
}
