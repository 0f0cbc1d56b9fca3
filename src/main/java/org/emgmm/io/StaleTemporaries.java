package org.emgmm.io;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files that a run killed outright ({@code kill -9}, a crash, a power cut) left behind. Such a
 * run never reaches its shutdown hook, so its {@code .NAME.PID-N.tmp} files stay. The next {@link OutputBatch}
 * that writes into the same directory removes them, and says so in one line:
 * <pre>
 *   em-gmm: removed .o.csv.41234-1.tmp, a temporary file left by a stopped run (process 41234)
 * </pre>
 * A file is stale only when its name has exactly the batch's pattern and no process with that id is alive
 * ({@link ProcessHandle#of}). A live process's file is never touched, even when that process is not em-gmm
 * (its id may have been reused): keeping a stale file is harmless, removing a live one is not.
 */
public final class StaleTemporaries {

    /**
     * The name of a batch's temporary file, {@code .NAME.PID-N.tmp}: group 1 the process id. Built from the
     * same prefix and suffix as {@link OutputBatch} uses, so the two cannot drift apart.
     */
    static final Pattern NAME = Pattern.compile(Pattern.quote(OutputBatch.TEMPORARY_PREFIX) + ".+\\.(\\d{1,18})-\\d{1,18}"
            + Pattern.quote(OutputBatch.TEMPORARY_SUFFIX));

    /** Where the one line per removed file goes: standard error, unless the command line says otherwise. */
    private static volatile Consumer<String> notices = line -> System.err.println("em-gmm: " + line);

    private StaleTemporaries() {
    }

    /**
     * Sends the notices to {@code err}, with em-gmm's prefix; the command line calls this with its standard error.
     *
     * @param err where each notice is printed, one line each
     */
    public static void noticesTo(PrintWriter err) {
        notices = line -> {
            err.println("em-gmm: " + line);
            err.flush();
        };
    }

    /**
     * Removes the stale temporary files in {@code directory}, one notice each. Nothing here fails the run: a
     * directory that cannot be listed, or a file that cannot be removed, is left as it is.
     *
     * @param directory the directory a batch is about to write into
     * @return the files removed
     */
    static List<Path> removeIn(Path directory) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
                entry -> NAME.matcher(entry.getFileName().toString()).matches())) {
            for (Path entry : entries) {
                long pid = processOf(entry);
                if (pid >= 0 && ProcessHandle.of(pid).isEmpty() && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                        && Files.deleteIfExists(entry)) {
                    removed.add(entry);
                    notices.accept("removed " + entry + ", a temporary file left by a stopped run (process " + pid
                            + ")");
                }
            }
        } catch (IOException | RuntimeException e) {
            // Cleaning up is a courtesy: the run itself goes on, and the files stay for a later run.
        }
        return removed;
    }

    /** The process id in a temporary file's name, or -1 when it is not a number a process can have. */
    private static long processOf(Path temporary) {
        Matcher name = NAME.matcher(temporary.getFileName().toString());
        if (!name.matches()) {
            return -1;
        }
        try {
            return Long.parseLong(name.group(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
