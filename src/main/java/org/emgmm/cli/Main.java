package org.emgmm.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.emgmm.Implementations;
import org.emgmm.compare.Failures;
import org.emgmm.data.DataException;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmException;
import org.emgmm.vectorised.VectorisedEm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code em-gmm} command: {@code em-gmm fit ...} fits a mixture to data, {@code em-gmm generate ...}
 * draws data from a mixture, {@code em-gmm plot ...} draws pictures of a fit, {@code em-gmm bench ...}
 * times the implementations side by side, {@code em-gmm select ...} chooses K and the covariance type by
 * BIC, AIC or ICL; {@code predict}, {@code predict-proba}, {@code score-samples},
 * {@code score} and {@code sample} use a fitted model as scikit-learn's GaussianMixture does. Run any of
 * them with {@code --help}.
 *
 * <p>Every failure, whether a mistyped option or data EM cannot use, ends the same way: one line on
 * standard error, {@code em-gmm: <what is wrong>: <what to do>}, exit code 2, no stack trace. Output
 * files are written only once everything has been computed, all of a run's files together or none
 * ({@link org.emgmm.io.OutputBatch}), and never over an input of the same run, so a failed run leaves
 * no file behind and changes none.
 */
@Command(name = "em-gmm", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Expectation-Maximization for Gaussian mixture models.",
        subcommands = {FitCommand.class, CompareCommand.class, ExploreCommand.class, GenerateCommand.class,
            PlotCommand.class, BenchCommand.class, PredictCommand.class, PredictProbaCommand.class, ScoreSamplesCommand.class,
            ScoreCommand.class, SampleCommand.class, SelectCommand.class})
public final class Main implements Callable<Integer> {

    /** What {@code --version} prints; the number is the project version in pom.xml. */
    static final String VERSION = "em-gmm 0.1.0";

    /**
     * The seed when none is given. Any fixed value makes runs repeatable; 0 is the one nobody has to
     * look up.
     */
    static final long DEFAULT_SEED = 0;


    /** The exit code of a run that did what was asked. */
    public static final int EXIT_OK = CommandLine.ExitCode.OK;

    /** The exit code for input the program cannot use: bad options, bad data, a fit that cannot go on. */
    public static final int EXIT_BAD_INPUT = CommandLine.ExitCode.USAGE;

    /** The exit code for a failure that is the program's fault, not the input's: a bug to report. */
    public static final int EXIT_BUG = CommandLine.ExitCode.SOFTWARE;

    /** The start of every error line. */
    static final String PREFIX = "em-gmm: ";

    @Spec
    private CommandSpec spec;

    /**
     * Runs the command line and exits with its code; exits explicitly only on failure.
     *
     * @param args the command line, e.g. {@code fit --data old-faithful --components 2}
     */
    public static void main(String[] args) {
        // The process's standard output itself, not System.out, which hides why a write failed.
        int code = run(new CommandLine(new Main()), args, new FileOutputStream(FileDescriptor.out), System.err);
        if (code != EXIT_OK) {
            System.exit(code);
        }
    }

    /**
     * Runs the command line without exiting, printing to the given streams.
     *
     * @param args the command line
     * @param out  standard output: results and help; a write that fails ends the run ({@link StandardOutput})
     * @param err  standard error: the one line of a failure
     * @return the exit code: {@link #EXIT_OK}, {@link #EXIT_BAD_INPUT} or {@link #EXIT_BUG}
     */
    public static int run(String[] args, OutputStream out, PrintStream err) {
        return run(new CommandLine(new Main()), args, out, err);
    }

    /**
     * Runs {@code commandLine} (em-gmm's, or a test's with a stub subcommand) with em-gmm's error handling.
     * Running out of memory anywhere ends like any other problem the user can fix: one line that names the
     * heap and how to raise it, exit code {@link #EXIT_BAD_INPUT}, no stack trace. Output files are written
     * atomically and last, so a run that ran out of memory leaves none behind. Every write to standard output
     * is checked, here for all commands ({@link StandardOutput}): one that fails ends the run with one line and
     * exit code 2, or quietly with 0 when the reader of a pipe has gone.
     */
    static int run(CommandLine commandLine, String[] args, OutputStream out, PrintStream err) {
        StandardOutput stdout = new StandardOutput(out);
        PrintWriter outWriter = new PrintWriter(stdout, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        // A killed run's leftover temporary files, removed by this run's output batches, are named here.
        org.emgmm.io.StaleTemporaries.noticesTo(errWriter);
        commandLine.setOut(outWriter)
                .setErr(errWriter)
                .setParameterExceptionHandler(Main::reportUsageError)
                .setExecutionExceptionHandler((e, command, parsed) -> StandardOutput.causedBy(e)
                        ? stdout.report(errWriter) : reportFailure(e, command, parsed))
                // Help and version text are printed by picocli itself, outside the handler above.
                .setExecutionStrategy(parsed -> {
                    try {
                        return new CommandLine.RunLast().execute(parsed);
                    } catch (StandardOutput.Failure e) {
                        return stdout.report(errWriter);
                    }
                });
        // A little memory set aside, released before reporting that the heap is full, so that the report
        // itself can be written.
        byte[] reserve = new byte[MEMORY_RESERVE];
        int code;
        try {
            code = commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            reserve = null;
            commandLine = null;
            flush(outWriter);
            errWriter.println(PREFIX + outOfMemory());
            code = EXIT_BAD_INPUT;
        }
        flush(outWriter);
        if (stdout.failure() != null && code == EXIT_OK) {
            // A failed write that did not end the command (the last flush, or a write whose exception was
            // caught on the way): the output is incomplete all the same.
            code = stdout.report(errWriter);
        }
        errWriter.flush();
        java.lang.ref.Reference.reachabilityFence(reserve);
        return code;
    }

    /** Flushes standard output; a failure is remembered by {@link StandardOutput} and reported by the caller. */
    private static void flush(PrintWriter outWriter) {
        try {
            outWriter.flush();
        } catch (StandardOutput.Failure e) {
            // Reported by run, from StandardOutput.failure().
        }
    }

    /** Bytes kept free for the out-of-memory report. */
    private static final int MEMORY_RESERVE = 1 << 20;

    /** The one line for a run that ran out of memory: the heap in use and, when it can help, a bigger one. */
    static String outOfMemory() {
        return HeapAdvice.outOfMemory();
    }

    /**
     * The implementation of this name; {@code vectorised} with this many threads.
     *
     * @throws ParameterException for an unknown name or fewer than one thread
     */
    static EmAlgorithm implementation(String name, int threads, CommandSpec spec) {
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be 1 or more, got " + threads);
        }
        if (name.equals(VectorisedEm.NAME)) {
            return new VectorisedEm(threads);
        }
        try {
            return Implementations.byName(name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** {@code em-gmm} alone: a subcommand is missing. */
    @Override
    public Integer call() {
        java.util.List<String> names = java.util.List.copyOf(spec.subcommands().keySet());
        String choices = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        throw new ParameterException(spec.commandLine(), "choose a subcommand: " + choices);
    }

    /** A mistake on the command line: one line, with where to look for the right usage. */
    private static int reportUsageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(PREFIX + oneLine(e.getMessage()) + suggestions(e) + " (see '"
                + command.getCommandSpec().qualifiedName() + " --help')");
        return EXIT_BAD_INPUT;
    }

    /** For a mistyped option, the options it was probably meant to be. */
    private static String suggestions(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            return "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        return "";
    }

    /** A failure while running a command: its message, on one line. */
    private static int reportFailure(Exception e, CommandLine command, ParseResult parsed) {
        if (causedByOutOfMemory(e)) {
            command.getErr().println(PREFIX + outOfMemory());
            return EXIT_BAD_INPUT;
        }
        if (isBadInput(e)) {
            command.getErr().println(PREFIX + oneLine(messageOf(e)));
            return EXIT_BAD_INPUT;
        }
        StackTraceElement studentLine = Failures.studentFrame(e);
        if (studentLine != null) {
            command.getErr().println(PREFIX + "the student implementation failed: " + e.getClass().getSimpleName()
                    + ": " + oneLine(messageOf(e)) + " (at " + studentLine.getFileName() + " line "
                    + studentLine.getLineNumber() + "): finish or fix that exercise; 'mvn test' says what is wrong");
            return EXIT_BAD_INPUT;
        }
        command.getErr().println(PREFIX + "unexpected " + e.getClass().getName() + ": " + oneLine(messageOf(e))
                + " (this is a bug in em-gmm; please report it with the command that caused it)");
        return EXIT_BUG;
    }

    /** Whether the heap ran out underneath {@code e} (a library that wraps the error, like Gson). */
    private static boolean causedByOutOfMemory(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** The failures that mean the input cannot be used (a bad file, bad settings, a fit that broke down). */
    private static boolean isBadInput(Exception e) {
        return e instanceof DataException || e instanceof EmException || e instanceof IllegalArgumentException
                || e instanceof IOException || e instanceof UncheckedIOException;
    }

    private static String messageOf(Throwable e) {
        Throwable reported = e instanceof UncheckedIOException ? e.getCause() : e;
        return reported.getMessage() == null ? reported.getClass().getSimpleName() : reported.getMessage();
    }

    /** Error output is one line per error, so that scripts and students can read it. */
    private static String oneLine(String message) {
        String line = message.strip().replaceAll("\\s*\\R\\s*", " ");
        // Messages quote user content shortened; this is the last guard against an over-long line, keeping
        // its start (what is wrong) and its end (what to do).
        return line.length() <= MAX_LINE ? line
                : line.substring(0, MAX_LINE / 2) + " … " + line.substring(line.length() - MAX_LINE / 2);
    }

    /** The longest error line printed. */
    private static final int MAX_LINE = 1000;
}
