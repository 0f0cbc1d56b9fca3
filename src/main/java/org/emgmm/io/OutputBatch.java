package org.emgmm.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The output files of one run, written all together or not at all. Each file is first written in full to
 * a hidden temporary file beside its target ({@code .NAME.PID-N.tmp}); only when every file of the run is
 * complete does {@link #commit()} rename them into place. A run that fails before that, or a batch
 * closed without a commit, removes every temporary file and every directory it created, so the user's
 * files are exactly as they were.
 * <pre>
 *   try (OutputBatch batch = OutputBatch.open()) {
 *       batch.input("--data", dataFile);                 // never written over
 *       batch.stage("--out", modelFile, json);           // written to a temporary file now
 *       batch.commit();                                  // every file moved into place
 *   }                                                    // without commit: everything removed
 * </pre>
 * What a target may be:
 * <ul>
 *   <li>not one of the run's inputs ({@link Files#isSameFile}, so hard and symbolic links count), and not
 *       the target of another file of the same batch;</li>
 *   <li>a new file in an existing directory, or an existing regular file, which is replaced and keeps
 *       its POSIX permissions;</li>
 *   <li>a symbolic link to a regular file: the link is followed and the file it points to is replaced
 *       (atomically, with the temporary file in that file's directory); the link stays as it was. A
 *       link to nothing is refused;</li>
 *   <li>never a directory, a device, a pipe or a socket: those are refused before anything is written.</li>
 * </ul>
 * When the JVM is stopped (SIGTERM, Ctrl-C) during a run, a shutdown hook removes the temporary files of
 * every batch still open; those of a run killed outright are removed by the next batch that writes into
 * their directory ({@link StaleTemporaries}).
 */
public final class OutputBatch implements AutoCloseable {

    /** Writes one file's text. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the file's text.
         *
         * @param out where the text goes, buffered and encoded as UTF-8; the batch flushes it and closes the file
         * @throws IOException if writing fails
         */
        void writeTo(Writer out) throws IOException;
    }

    /** A temporary file's name starts with a dot, so that a listing hides it ({@code .NAME.PID-N.tmp}). */
    static final String TEMPORARY_PREFIX = ".";
    /** ... and ends so that it is plainly unfinished; {@link StaleTemporaries} finds killed runs' files by both. */
    static final String TEMPORARY_SUFFIX = ".tmp";

    private static final Set<OutputBatch> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();
    private static final AtomicLong COUNTER = new AtomicLong();

    private record Input(String option, Path path) {
    }

    /** A file being written: the option that asked for it, the path as given, where it goes, its temporary. */
    private record Staged(String option, Path target, Path destination, Path temporary) {
    }

    private final List<Input> inputs = new ArrayList<>();
    private final List<Staged> staged = new ArrayList<>();
    private final List<Path> createdDirectories = new ArrayList<>();
    private final Set<Path> cleanedDirectories = new java.util.HashSet<>();
    private boolean finished;
    private boolean aborted;

    private OutputBatch() {
    }

    /** {@return a new, empty batch, whose temporary files are removed if the JVM is stopped before it ends} */
    public static OutputBatch open() {
        if (HOOK_INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(OutputBatch::abort),
                    "em-gmm: remove unfinished output"));
        }
        OutputBatch batch = new OutputBatch();
        OPEN.add(batch);
        return batch;
    }

    /**
     * Names an input of the run (given with {@code option}), which no output may write over. A null path
     * (an option not given, a bundled data set) is ignored.
     *
     * @param option the command-line option that gave it, e.g. {@code --data}, for messages
     * @param path   the input file, or null
     * @return this batch
     */
    public synchronized OutputBatch input(String option, Path path) {
        if (path != null) {
            inputs.add(new Input(option, path));
        }
        return this;
    }

    /**
     * Checks, before anything is computed or written, that {@code target} may be written: the rules of the
     * class, with the inputs named so far.
     *
     * @param option the command-line option that asks for the file, e.g. {@code --out}, for messages
     * @param target the file to be written
     * @throws IOException one line saying what is wrong and what to do
     */
    public synchronized void check(String option, Path target) throws IOException {
        destination(option, target);
    }

    /**
     * Makes sure {@code directory} exists, creating it and any missing parents; what is created here is
     * removed again if the batch is not committed.
     *
     * @param option    the command-line option that names it, for messages
     * @param directory the directory
     * @param what      what the directory is for, in messages: e.g. "picture directory"
     * @throws IOException one line saying why it cannot be created, and what to do
     */
    public synchronized void directory(String option, Path directory, String what) throws IOException {
        checkDirectory(option, directory);
        if (Files.isDirectory(directory)) {
            return;
        }
        List<Path> missing = new ArrayList<>();
        for (Path p = directory.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p);
        }
        try {
            for (Path p : missing) {
                Files.createDirectory(p);
                createdDirectories.add(p);
            }
        } catch (IOException e) {
            throw new IOException("cannot create the " + what + " " + directory + " (" + AtomicFiles.reason(e)
                    + "): give a directory that can be created or written to", e);
        }
    }

    /**
     * Checks, before anything is computed, that {@code directory} is a directory or can be created: not a file
     * and not a loop of symbolic links. Nothing is created yet ({@link #directory} does that).
     *
     * @param option    the command-line option that names it, for messages
     * @param directory the directory
     * @throws IOException one line saying what is wrong and what to do
     */
    public synchronized void checkDirectory(String option, Path directory) throws IOException {
        ensureOpen();
        if (Files.isDirectory(directory)) {
            return;
        }
        if (OutputPaths.isLinkLoop(directory)) {
            throw OutputPaths.loop(option, directory, directory.toAbsolutePath());
        }
        if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("cannot write into " + named(option, directory) + ": it is a file, not a directory;"
                    + " give a directory");
        }
    }

    /**
     * Writes {@code bytes} to a temporary file beside {@code target}, to be moved onto it by {@link #commit()}.
     *
     * @param option the command-line option that asks for the file, e.g. {@code --out}, for messages
     * @param target the file to be written
     * @param bytes  its whole content. Not modified.
     * @throws IOException one line saying why the file cannot be written (a full disk is named as such)
     */
    public void stage(String option, Path target, byte[] bytes) throws IOException {
        stage(option, target, out -> { }, bytes);
    }

    /**
     * Writes {@code text} as UTF-8 to a temporary file beside {@code target}.
     *
     * @param option the command-line option that asks for the file, e.g. {@code --out}, for messages
     * @param target the file to be written
     * @param text   its whole content
     * @throws IOException one line saying why the file cannot be written (a full disk is named as such)
     */
    public void stage(String option, Path target, String text) throws IOException {
        stage(option, target, out -> out.write(text));
    }

    /**
     * Writes the text that {@code content} produces, as UTF-8, straight to a temporary file beside
     * {@code target}, so that a large file never has to be held in memory.
     *
     * @param option  the command-line option that asks for the file, e.g. {@code --out}, for messages
     * @param target  the file to be written
     * @param content writes the text
     * @throws IOException one line saying why the file cannot be written (a full disk is named as such)
     */
    public void stage(String option, Path target, Content content) throws IOException {
        stage(option, target, content, null);
    }

    private void stage(String option, Path target, Content content, byte[] bytes) throws IOException {
        Staged file;
        synchronized (this) {
            Path destination = destination(option, target);
            if (cleanedDirectories.add(destination.getParent())) {
                StaleTemporaries.removeIn(destination.getParent());
            }
            Path temporary = temporaryOf(destination, COUNTER.incrementAndGet());
            file = new Staged(option, target, destination, temporary);
            staged.add(file); // before the file exists, so that the shutdown hook knows it
            try {
                Files.createFile(file.temporary());
                OutputPaths.copyPermissions(destination, temporary);
            } catch (IOException e) {
                throw WriteFailures.failure(target, e);
            }
        }
        // The writing itself holds no lock, so that a shutdown hook can remove the file meanwhile.
        try (OutputStream stream = Files.newOutputStream(file.temporary(), StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            if (bytes != null) {
                stream.write(bytes);
            } else {
                Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                content.writeTo(writer);
                writer.flush();
            }
        } catch (IOException e) {
            throw WriteFailures.failure(target, e);
        }
        synchronized (this) {
            ensureOpen();
        }
    }

    /**
     * Moves every staged file onto its target. The batch is then finished: closing it removes nothing.
     *
     * @return the targets, as given, in the order they were staged
     * @throws IOException when a file cannot be moved into place; the files not yet moved are removed
     */
    public synchronized List<Path> commit() throws IOException {
        ensureOpen();
        List<Path> written = new ArrayList<>();
        try {
            for (Staged file : staged) {
                OutputPaths.moveIntoPlace(file.temporary(), file.destination());
                written.add(file.target());
            }
        } catch (IOException e) {
            rollBack();
            throw WriteFailures.failure(staged.get(written.size()).target(), e);
        }
        finished = true;
        OPEN.remove(this);
        return written;
    }

    /** Without a commit: removes every temporary file and every directory this batch created. */
    @Override
    public synchronized void close() {
        if (!finished) {
            rollBack();
        }
        OPEN.remove(this);
    }

    /** The shutdown hook's part: remove everything, and refuse any further step. */
    private synchronized void abort() {
        aborted = true;
        if (!finished) {
            rollBack();
        }
    }

    private void rollBack() {
        finished = true;
        for (Staged file : staged) {
            deleteQuietly(file.temporary());
        }
        for (int d = createdDirectories.size() - 1; d >= 0; d--) {
            deleteQuietly(createdDirectories.get(d)); // only when empty: the user may have put something there
        }
    }

    private void ensureOpen() throws IOException {
        if (aborted) {
            throw new IOException("the run was stopped: no file was written");
        }
        if (finished) {
            throw new IllegalStateException("this batch of outputs is finished already");
        }
    }

    /**
     * Where {@code target}'s bytes go: the path itself, or the file a symbolic link points to.
     *
     * @throws IOException one line for a target that must not be written
     */
    private Path destination(String option, Path target) throws IOException {
        ensureOpen();
        Path absolute = target.toAbsolutePath();
        Path destination = absolute;
        if (Files.isSymbolicLink(absolute)) {
            try {
                destination = absolute.toRealPath();
            } catch (NoSuchFileException e) {
                throw new IOException(named(option, target) + " is a symbolic link to a file that does not exist:"
                        + " remove the link or give another file name");
            } catch (IOException e) {
                throw OutputPaths.isLinkLoop(absolute) ? OutputPaths.loop(option, target, absolute) : e;
            }
        }
        if (Files.isDirectory(destination)) {
            throw new IOException("cannot write " + named(option, target) + ": it is a directory; give a file name");
        }
        if (Files.exists(destination) && !Files.isRegularFile(destination)) {
            throw new IOException("cannot write " + named(option, target) + ": it is not a regular file (a device,"
                    + " a pipe or a socket); give a file name");
        }
        Path directory = destination.getParent();
        if (!Files.isDirectory(directory) && OutputPaths.isLinkLoop(directory)) {
            throw OutputPaths.loop(option, target, directory);
        }
        if (!Files.isDirectory(directory)) {
            throw new IOException("cannot write " + named(option, target) + ": directory "
                    + org.emgmm.data.Quote.shorten(directory.toString()) + " does not exist; create it first");
        }
        OutputPaths.probe(option, target, destination);
        OutputPaths.probe(option, target, temporaryOf(destination, 1));
        IOException readOnly = OutputPaths.readOnly(option, target, directory);
        if (readOnly != null) {
            throw readOnly;
        }
        boolean exists = Files.exists(destination);
        for (Input input : inputs) {
            if (exists && Files.exists(input.path()) && OutputPaths.sameFile(destination, input.path())) {
                throw new IOException(named(option, target) + " is the same file as " + named(input.option(),
                        input.path()) + ": an output never replaces an input; write the output to another file");
            }
        }
        for (Staged other : staged) {
            if (other.destination().equals(destination)
                    || exists && Files.exists(other.destination())
                    && OutputPaths.sameFile(destination, other.destination())) {
                throw new IOException(named(option, target) + " and " + named(other.option(), other.target())
                        + " are the same file: give them different names");
            }
        }
        return destination;
    }

    /** "--out m.json", or just the path when no option names it. */
    private static String named(String option, Path path) {
        return OutputPaths.named(option, path);
    }

    /** The temporary file {@code .NAME.PID-N.tmp} beside {@code destination}, for this process's n-th file. */
    private static Path temporaryOf(Path destination, long n) {
        return destination.resolveSibling(TEMPORARY_PREFIX + destination.getFileName() + "."
                + ProcessHandle.current().pid() + "-" + n + TEMPORARY_SUFFIX);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Nothing more can be done; the error being reported matters more.
        }
    }
}
