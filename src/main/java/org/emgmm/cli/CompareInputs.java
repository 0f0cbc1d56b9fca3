package org.emgmm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.emgmm.Implementations;
import org.emgmm.compare.AsWrittenRun;
import org.emgmm.compare.Comparison;
import org.emgmm.compare.NotebookExamples;
import org.emgmm.compare.RaceCase;
import org.emgmm.compare.Recording;
import org.emgmm.compare.Timings;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.LabelledData;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Restarts;
import org.emgmm.io.OutputBatch;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What {@code compare} and {@code explore} share: their inputs (a picocli mixin: {@code --example} or
 * {@code --data} with the run options, {@code --implementations}, {@code --n-init}, {@code --race}) and
 * {@link #compare()}, which checks them, runs every implementation from the same starts
 * ({@link Comparison}), the notebook's EM as written beside them for an example ({@link AsWrittenRun}),
 * records every iteration for the explorer ({@link Recording}) and times the race case
 * ({@link RaceCase}), and returns it all as one immutable {@link Compared}.
 * <pre>
 *   &#64;Mixin CompareInputs inputs;
 *   CompareInputs.Compared compared = inputs.compare();   // nothing written yet
 * </pre>
 * Both commands write their files only after this has returned, through an {@link OutputBatch} on which
 * {@link #registerInputs} has named the input files, so that no output overwrites one.
 */
final class CompareInputs {

    /** Lists the examples in help text. */
    static final class ExampleNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return NotebookExamples.names().iterator();
        }
    }

    /** The options an example sets itself, refused beside --example. */
    private static final List<String> SET_BY_EXAMPLE = List.of("--data", "--components", "--init", "--init-method",
            "--columns", "--max-iter", "--tol", "--reg-covar", "--sample-weights",
            "--sample-weights-file");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--example", paramLabel = "NAME", completionCandidates = ExampleNames.class,
            description = "Instead of --data: a seed notebook's own example, ${COMPLETION-CANDIDATES}: its data (drawn"
                    + " with --seed; without it, its own seed: " + NotebookExamples.DEFAULT_SEED + " for seed-000 and"
                    + " seed-003, " + NotebookExamples.SEED_001_SEED + " for seed-001, seed-002 and seed-004, "
                    + NotebookExamples.COLLAPSE_SEED + " for seed-004-collapse),"
                    + " K, start and iteration count; where the notebook had a bug, its EM as written runs beside ours.")
    private String example;

    @Mixin
    private RunOptions run = new RunOptions();

    @Option(names = "--sample-weights", paramLabel = "COLUMN",
            description = "A column of the data (name or 1-based index) holding each point's sample weight, as in"
                    + " fit; implementations that take no weights are skipped, saying so. The column is not fitted.")
    private String sampleWeights;

    @Option(names = "--sample-weights-file", paramLabel = "FILE",
            description = "Like --sample-weights, from a file of one number per data row, in the same order"
                    + " (a header line is optional).")
    private Path sampleWeightsFile;

    @Option(names = "--implementations", split = ",", paramLabel = "NAME",
            completionCandidates = FitCommand.ImplementationNames.class,
            description = "Implementations to compare: ${COMPLETION-CANDIDATES}. Default: every one that applies"
                    + " (univariate only for one column; student and student-vectorised when the exercises are built).")
    private List<String> implementations;

    @Option(names = "--n-init", paramLabel = "R",
            description = "Draw R starts (seeds derived from --seed, the first being --seed itself, as fit does);"
                    + " every implementation runs from all R and keeps its run with the highest final"
                    + " log-likelihood; the table says which run each kept. Default: ${DEFAULT-VALUE}.")
    private int restarts = 1;

    @Option(names = "--race", paramLabel = "NxD|none",
            description = "Also time every implementation that ran on a generated case of N points in D dimensions"
                    + " (the comparison's K and covariance type, seeded from --seed; univariate only where D = 1),"
                    + " " + RaceCase.ITERATIONS + " iterations with tol 0, the median of " + RaceCase.RUNS + " runs"
                    + " after a warm-up; none: no race. Default: 20000x10 when the data has fewer than 10,000"
                    + " points (too few for its own timings to mean anything), otherwise none.")
    private String race;

    /**
     * Everything the two commands report, computed before any file is written.
     *
     * @param loaded           the data compared, with its source's name
     * @param start            the first start (with --n-init R, the first of R)
     * @param settings         max-iter, tol and reg-covar of every run
     * @param example          the notebook example, or null for --data
     * @param seed             the base seed of the starts (and of the race case)
     * @param startDescription "random-points start, seed 1", or "best of R starts, the first: ..."
     * @param threads          threads for vectorised
     * @param outcome          the comparison's rows, agreement and departures
     * @param asWritten        the notebook's EM as written, or null
     * @param recording        every iteration of every implementation that ran, for the explorer
     * @param timings          the explorer's timing groups: the data's, then the race's when one ran
     * @param race             the race case's timings, or null without a race
     */
    record Compared(LabelledData loaded, GaussianMixture start, EmSettings settings, NotebookExamples example,
            long seed, String startDescription, int threads, Comparison.Outcome outcome, AsWrittenRun asWritten,
            Recording recording, List<Timings> timings, Timings race) {

        /** Copies the list of timing groups. */
        Compared {
            timings = List.copyOf(timings);
        }

        /** {@return "old-faithful, K = 2, full covariances": the pages' title} */
        String title() {
            return String.format(Locale.ROOT, "%s, K = %d, %s covariances", loaded.source(), start.components(),
                    start.covarianceType().label());
        }

        /** {@return the first line of the output: the data, its size, K, the type and the start} */
        String dataLine() {
            DataMatrix points = loaded.data();
            return String.format(Locale.ROOT, "%s: %d points, %d dimensions, K = %d, %s covariances, %s",
                    loaded.source(), points.rows(), points.columns(), start.components(),
                    start.covarianceType().label(), startDescription);
        }

        /**
         * The race's two lines for the text output, empty without a race:
         * <pre>
         *   race case (timings only), 20,000×10, K = 2, full covariances, seed 1: median of 5 runs of 6 iterations
         *     ms/iter: vectorised 4.429, loops 9.006, explicit-pdf 11.649, student 18.006
         * </pre>
         */
        List<String> raceLines() {
            if (race == null) {
                return List.of();
            }
            List<String> each = new ArrayList<>();
            for (int i = 0; i < race.implementations().size(); i++) {
                each.add(String.format(Locale.ROOT, "%s %.3f", race.implementations().get(i),
                        race.millisPerIteration().get(i)));
            }
            return List.of(String.format(Locale.ROOT, "race case (timings only), %s, %s covariances, seed %d:"
                    + " median of %d runs of %d iterations", race.size(), start.covarianceType().label(), seed,
                    RaceCase.RUNS, RaceCase.ITERATIONS), "  ms/iter: " + String.join(", ", each));
        }
    }

    /**
     * Checks the inputs, runs the comparison (and the notebook's EM as written, for an example), records it
     * for the explorer and times the race case. Writes nothing.
     *
     * @return everything the commands report
     * @throws ParameterException for a mistake on the command line (Main reports it in one line)
     */
    Compared compare() {
        NotebookExamples chosen = example == null ? null : exampleChecked();
        EmSettings settings = chosen != null ? chosen.settings() : run.settings(spec);
        run.requireRestartsPossible(restarts, spec);
        List<Comparison.Entry> entries = entries();
        RaceCase asked = race == null ? null : raceChecked();
        CovarianceType type = run.covarianceTypeOrFull(spec);
        long seed = chosen != null ? exampleSeed(chosen) : run.seed;
        LabelledData loaded;
        List<Restarts.Start> starts;
        if (chosen != null) {
            DataMatrix drawn = chosen.setup().draw(seed).data();
            loaded = LabelledData.unlabelled(chosen.name() + " (example)", drawn);
            // The notebook's start for each seed, constrained to the type asked for (full: unchanged).
            starts = Restarts.starts(s -> chosen.start().apply(drawn, s).constrainedTo(type), seed, restarts);
        } else {
            run.requireDataAndOneWayToStart(spec, ", or --example NAME");
            SampleWeightSources.requireAtMostOne(sampleWeights, sampleWeightsFile, spec);
            loaded = SampleWeightSources.withFile(run.load(null, sampleWeights), sampleWeightsFile);
            starts = Restarts.starts(s -> run.start(loaded.data(), spec, s), run.seed, restarts);
        }
        GaussianMixture start = starts.get(0).mixture();
        DataMatrix points = loaded.data();
        RaceCase raceCase = race == null ? RaceCase.defaultFor(points.rows()) : asked;
        if (raceCase != null) {
            requireRacePossible(raceCase, start.components(), seed);
        }
        Comparison.Outcome outcome = Comparison.runEntries(points, starts, settings, entries);
        AsWrittenRun asWritten = chosen == null || chosen.asWritten() == null ? null
                : AsWrittenRun.run(chosen, points, settings, outcome);
        Recording recording = Recording.record(points, outcome, entries, settings, seed);
        if (asWritten != null && asWritten.result() != null) {
            recording = recording.withAsWritten(points, outcome, chosen.asWritten(), asWritten.result().iterations(),
                    settings.regCovar());
        }
        List<Timings> timings = new ArrayList<>();
        timings.add(Timings.of(loaded.source() + " (the data compared)", points.rows(), points.columns(),
                start.components(), outcome));
        Timings raced = null;
        if (raceCase != null && !outcome.ran().isEmpty()) {
            raced = raceCase.time(start.components(), start.covarianceType(), seed,
                    outcome.ran().stream().map(Comparison.Row::implementation).toList(), run.threads);
            timings.add(raced);
        }
        String one = chosen != null ? "the notebook's start, seed " + seed : run.startDescription();
        String startDescription = restarts > 1 ? "best of " + restarts + " starts, the first: " + one : one;
        return new Compared(loaded, start, settings, chosen, seed, startDescription, run.threads, outcome,
                asWritten, recording, timings, raced);
    }

    /**
     * Names the input files on the batch, so that no output is staged over one of them.
     *
     * @param batch the batch the command's outputs go to
     */
    void registerInputs(OutputBatch batch) {
        batch.input("--data", run.dataFile()).input("--init", run.init)
                .input("--sample-weights-file", sampleWeightsFile);
    }

    /** The example --example names, refusing the options it sets itself; a usage error for an unknown name. */
    private NotebookExamples exampleChecked() {
        // --covariance-type and --n-init stay: the notebook's start is constrained to the type, and its
        // start method is seeded, so R seeds give R starts.
        for (String option : SET_BY_EXAMPLE) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw usageError("--example " + example + " sets the data, K, start and iterations itself: leave out "
                        + option);
            }
        }
        try {
            return NotebookExamples.byName(example);
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
    }

    /** --race read (null for none), or a usage error saying what it takes. */
    private RaceCase raceChecked() {
        try {
            return RaceCase.parse(race);
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
    }

    /** Refuses a race case with fewer points than K, or too large for one array. */
    private void requireRacePossible(RaceCase raceCase, int components, long seed) {
        try {
            raceCase.benchCase(components, seed);
        } catch (IllegalArgumentException e) {
            throw usageError("--race " + raceCase + " has " + raceCase.rows() + " points, fewer than K = "
                    + components + ": give more points, or --race none");
        } catch (ArithmeticException e) {
            throw usageError("--race " + raceCase + " is too large for one array: choose a smaller case");
        }
    }

    /** The implementations asked for (or every one), each with an instance or the reason it is unavailable. */
    private List<Comparison.Entry> entries() {
        if (run.threads < 1) {
            throw usageError("--threads must be 1 or more, got " + run.threads);
        }
        List<String> names = implementations == null ? defaultNames() : new ArrayList<>(new LinkedHashSet<>(
                implementations.stream().map(String::strip).toList()));
        List<Comparison.Entry> entries = new ArrayList<>();
        for (String name : names) {
            if (Implementations.STUDENT_NAMES.contains(name) && !Implementations.names().contains(name)) {
                entries.add(new Comparison.Entry(name, null, "the exercises' EM is not built into this program"
                        + " (run from the sources: mvn -q compile exec:java -Dexec.args=\"compare ...\")"));
                continue;
            }
            entries.add(Comparison.Entry.of(Main.implementation(name, run.threads, spec)));
        }
        return entries;
    }

    /**
     * Every implementation, vectorised first (the reference), student-vectorised when built, and student
     * even when it is not built (its row says why).
     */
    private static List<String> defaultNames() {
        List<String> names = new ArrayList<>(Implementations.names());
        if (!names.contains(Implementations.STUDENT_NAME)) {
            names.add(Implementations.STUDENT_NAME);
        }
        return names;
    }

    /** --seed when given, else the example's own seed (the command line's default, except where it needs another). */
    private long exampleSeed(NotebookExamples chosen) {
        return spec.commandLine().getParseResult().hasMatchedOption("--seed") ? run.seed : chosen.seed();
    }

    /** A mistake on the command line, for Main to report in one line with a pointer to --help. */
    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
