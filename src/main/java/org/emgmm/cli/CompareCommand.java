package org.emgmm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.emgmm.Implementations;
import org.emgmm.compare.AsWrittenRun;
import org.emgmm.compare.CompareReport;
import org.emgmm.compare.Comparison;
import org.emgmm.compare.ExplorePage;
import org.emgmm.compare.Recording;
import org.emgmm.compare.Timings;
import org.emgmm.compare.NotebookExamples;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.LabelledData;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Restarts;
import org.emgmm.io.OutputBatch;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.plot.ComparisonPictures;
import org.emgmm.plot.Picture;
import org.emgmm.plot.PictureEncoder;
import org.emgmm.plot.PictureFile;
import org.emgmm.plot.PictureFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code em-gmm compare}: every implementation from the same start with the same settings, side by
 * side: a table, a one-line verdict on whether they agree, pictures, and one self-contained HTML page.
 * <pre>
 *   em-gmm compare --data old-faithful --components 2
 *   em-gmm compare --data iris --components 3 --implementations loops,vectorised --json rows.json
 *   em-gmm compare --data points.csv --init start.json --out comparison
 *   em-gmm compare --data old-faithful --components 2 --covariance-type diag --n-init 5
 * </pre>
 * With {@code --covariance-type}, every implementation starts from the same start of that type, and one
 * whose M-step cannot keep the type is listed as not applicable. With {@code --n-init R}, the R starts
 * are drawn once (seeds from {@code --seed}, as {@code fit} draws them) and every implementation runs
 * from all R and keeps its run of highest final log-likelihood, so that the rows stay comparable.
 * The engine is {@link Comparison}; the table, JSON and page come from the same rows
 * ({@link CompareReport}). Everything is computed before the first file is written.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, version = Main.VERSION, sortOptions = false,
        description = "Run every implementation from the same start and compare them: table, pictures, page.")
final class CompareCommand implements Callable<Integer> {

    /** Where the pictures and the page go when --out is not given. */
    static final Path DEFAULT_OUT = Path.of("target", "compare");

    /** The page's file name. */
    static final String PAGE = "index.html";

    /** Pictures on the page and in PNG files: this resolution by default (sharp on high-density screens). */
    static final int DEFAULT_DPI = 150;

    /** The picture formats written beside the page. */
    static final List<String> FORMATS = List.of("png", "svg");

    /** Picture size in points (pixels at 72 dpi), the size of {@code plot}'s pictures. */
    static final int WIDTH = 800;
    static final int HEIGHT = 600;

    /** Lists the examples in help text. */
    static final class ExampleNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return NotebookExamples.names().iterator();
        }
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--example", paramLabel = "NAME", completionCandidates = ExampleNames.class,
            description = "Instead of --data: a seed notebook's own example, ${COMPLETION-CANDIDATES}: its data (drawn"
                    + " with --seed; without it, seed 0, or " + NotebookExamples.COLLAPSE_SEED + " for seed-004-collapse),"
                    + " K, start and iteration count; where the notebook had a bug, its EM as written runs beside ours.")
    private String example;



    @picocli.CommandLine.Mixin
    private RunOptions run = new RunOptions();

    @Option(names = "--implementations", split = ",", paramLabel = "NAME",
            completionCandidates = FitCommand.ImplementationNames.class,
            description = "Implementations to compare: ${COMPLETION-CANDIDATES}. Default: every one that applies"
                    + " (univariate only for one column; student when the exercises are built).")
    private List<String> implementations;

    @Option(names = "--n-init", paramLabel = "R",
            description = "Draw R starts (seeds derived from --seed, the first being --seed itself, as fit does);"
                    + " every implementation runs from all R and keeps its run with the highest final"
                    + " log-likelihood; the table says which run each kept. Default: ${DEFAULT-VALUE}.")
    private int restarts = 1;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the pictures, index.html and explore.html. Default: ${DEFAULT-VALUE}.")
    private Path out = DEFAULT_OUT;

    @Option(names = "--json", paramLabel = "FILE.json", description = "Also write the table's rows as JSON.")
    private Path json;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT",
            description = "Picture files to write beside the page: png, svg or both. Default: png,svg.")
    private List<String> formats = FORMATS;

    @Option(names = "--dpi", paramLabel = "DPI",
            description = "Resolution of the PNG pictures, on the page and in files. Default: ${DEFAULT-VALUE}.")
    private int dpi = DEFAULT_DPI;

    @Override
    public Integer call() throws IOException {
        NotebookExamples chosen = example == null ? null : exampleChecked();
        EmSettings settings = chosen != null ? chosen.settings() : run.settings(spec);
        run.requireRestartsPossible(restarts, spec);
        List<Comparison.Entry> entries = entries();
        checkPictureOptions();
        CovarianceType type = run.covarianceTypeOrFull(spec);
        LabelledData loaded;
        List<Restarts.Start> starts;
        if (chosen != null) {
            long seed = seed(chosen);
            DataMatrix drawn = chosen.setup().draw(seed).data();
            loaded = LabelledData.unlabelled(chosen.name() + " (example)", drawn);
            // The notebook's start for each seed, constrained to the type asked for (full: unchanged).
            starts = Restarts.starts(s -> chosen.start().apply(drawn, s).constrainedTo(type), seed, restarts);
        } else {
            run.requireDataAndOneWayToStart(spec, ", or --example NAME");
            loaded = run.load(null);
            starts = Restarts.starts(s -> run.start(loaded.data(), spec, s), run.seed, restarts);
        }
        GaussianMixture start = starts.get(0).mixture();
        DataMatrix points = loaded.data();
        Comparison.Outcome outcome = Comparison.runEntries(points, starts, settings, entries);
        AsWrittenRun asWritten = chosen == null || chosen.asWritten() == null ? null
                : AsWrittenRun.run(chosen, points, settings, outcome);

        List<Picture> pictures = pictures(loaded, outcome, asWritten);

        List<PictureFile> files = new ArrayList<>();
        List<CompareReport.PagePicture> onPage = new ArrayList<>();
        for (Picture picture : pictures) {
            byte[] png = PictureEncoder.png(picture, dpi);
            if (formats.stream().anyMatch(format -> format.strip().equals("png"))) {
                files.add(new PictureFile(picture.name() + ".png", png));
            }
            if (formats.stream().anyMatch(format -> format.strip().equals("svg"))) {
                files.add(new PictureFile(picture.name() + ".svg", PictureEncoder.svg(picture)));
            }
            onPage.add(new CompareReport.PagePicture(caption(picture.name(), outcome.covarianceType()), picture.name(),
                    png));
        }
        String title = String.format(Locale.ROOT, "%s, K = %d, %s covariances", loaded.source(), start.components(),
                start.covarianceType().label());
        List<String[]> facts = facts(loaded, start, settings, chosen);
        if (asWritten != null) {
            facts.add(new String[] {"as the notebook wrote it", asWritten.line()});
        }
        String page = CompareReport.html(title, facts, outcome, onPage);
        Recording recording = Recording.record(points, outcome, entries, settings, seedOf(chosen));
        if (asWritten != null && asWritten.result() != null) {
            recording = recording.withAsWritten(points, outcome, chosen.asWritten(), asWritten.result().iterations(),
                    settings.regCovar());
        }
        String explorer = ExplorePage.html(title, points, recording, List.of(Timings.of(loaded.source()
                + " (the data compared)", points.rows(), points.columns(), start.components(), outcome)));

        try (OutputBatch batch = OutputBatch.open()) {
            batch.input("--data", run.dataFile()).input("--init", run.init);
            if (json != null) {
                batch.stage("--json", json, CompareReport.json(outcome));
            }
            PictureFiles.stageAll(batch, "--out", out, files);
            batch.stage("--out", out.resolve(PAGE), page);
            batch.stage("--out", out.resolve(ExplorePage.FILE), explorer);
            batch.commit();
        }

        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "%s: %d points, %d dimensions, K = %d, %s covariances, %s%n", loaded.source(),
                points.rows(), points.columns(), start.components(), start.covarianceType().label(),
                startDescription(chosen));
        stdout.println();
        stdout.print(CompareReport.text(outcome));
        if (asWritten != null) {
            stdout.println(asWritten.line());
        }
        stdout.println();
        stdout.println("page: " + out.resolve(PAGE) + " (pictures beside it)");
        stdout.println("explorer: " + out.resolve(ExplorePage.FILE) + " (every iteration, " + recording.shownLine() + ")");
        if (json != null) {
            stdout.println("rows written to " + json);
        }
        stdout.flush();
        return Main.EXIT_OK;
    }

    /** The example --example names, refusing the options it sets itself; a usage error for an unknown name. */
    private NotebookExamples exampleChecked() {
        // --covariance-type and --n-init stay: the notebook's start is constrained to the type, and its
        // start method is seeded, so R seeds give R starts.
        for (String option : List.of("--data", "--components", "--init", "--init-method", "--columns", "--max-iter",
                "--tol", "--reg-covar")) {
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

    /** Refuses a --format other than png and svg, and a --dpi outside 36 to 600. */
    private void checkPictureOptions() {
        for (String format : formats) {
            if (!FORMATS.contains(format.strip())) {
                throw usageError("unknown picture format '" + format + "': choose png, svg or png,svg");
            }
        }
        if (dpi < PictureEncoder.BASE_DPI / 2 || dpi > 4 * DEFAULT_DPI) {
            throw usageError("--dpi must be between " + PictureEncoder.BASE_DPI / 2 + " and " + 4 * DEFAULT_DPI
                    + ", got " + dpi);
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
            if (name.equals(Implementations.STUDENT_NAME) && !Implementations.names().contains(name)) {
                entries.add(new Comparison.Entry(name, null, "the exercises' EM is not built into this program"
                        + " (run from the sources: mvn -q compile exec:java -Dexec.args=\"compare ...\")"));
                continue;
            }
            entries.add(Comparison.Entry.of(Main.implementation(name, run.threads, spec)));
        }
        return entries;
    }

    /** Every implementation, vectorised first (the reference), and student even when it is not built. */
    private static List<String> defaultNames() {
        List<String> names = new ArrayList<>(Implementations.names());
        if (!names.contains(Implementations.STUDENT_NAME)) {
            names.add(Implementations.STUDENT_NAME);
        }
        return names;
    }

    /** Where the runs started, for the first line and the page: one start, or "best of R starts, the first: ...". */
    private String startDescription(NotebookExamples chosen) {
        String one = chosen != null ? "the notebook's start, seed " + seed(chosen) : run.startDescription();
        return restarts > 1 ? "best of " + restarts + " starts, the first: " + one : one;
    }

    /** The base seed of the starts. */
    private long seedOf(NotebookExamples chosen) {
        return chosen != null ? seed(chosen) : run.seed;
    }

    /** What each covariance type allows, for the page. */
    static String typeMeaning(CovarianceType type) {
        return switch (type) {
            case FULL -> "each component has its own covariance, any shape and orientation";
            case DIAG -> "each component has its own diagonal covariance: axis-aligned ellipses";
            case SPHERICAL -> "each component has one variance σ²ₖ in every direction: circles in data units";
            case TIED -> "every component shares one full covariance: ellipses of one shape, moved about";
        };
    }

    /** --seed when given, else the example's own seed (the command line's default, except where it needs another). */
    private long seed(NotebookExamples chosen) {
        return spec.commandLine().getParseResult().hasMatchedOption("--seed") ? run.seed : chosen.seed();
    }

    /** The page's table of facts, one {label, value} pair per row; a list the caller may add rows to. */
    private List<String[]> facts(LabelledData loaded, GaussianMixture start, EmSettings settings,
            NotebookExamples chosen) {
        List<String[]> facts = new ArrayList<>();
        if (chosen != null) {
            facts.add(new String[] {"example", chosen.name() + ": " + chosen.description()});
        }
        DataMatrix points = loaded.data();
        facts.add(new String[] {"data", String.format(Locale.ROOT, "%s: %d points, %d dimensions (%s)",
                loaded.source(), points.rows(), points.columns(), String.join(", ", points.columnNames()))});
        facts.add(new String[] {"components", Integer.toString(start.components())});
        facts.add(new String[] {"covariance type", start.covarianceType().label() + ": "
                + typeMeaning(start.covarianceType())});
        facts.add(new String[] {"start", startDescription(chosen) + ", the same for every implementation"});
        if (restarts > 1) {
            facts.add(new String[] {"restarts", String.format(Locale.ROOT, "%d starts, seeds derived from %d as fit"
                    + " --n-init derives them; every implementation ran all %d and kept its run of highest final"
                    + " log-likelihood (the table's last column says which)", restarts, seedOf(chosen), restarts)});
        }
        facts.add(new String[] {"settings", String.format(Locale.ROOT, "max-iter %d, tol %s, reg-covar %s, threads %d"
                + " (vectorised)", settings.maxIterations(), settings.tolerance(), settings.regCovar(), run.threads)});
        facts.add(new String[] {"agreement", "traces and parameters within " + Comparison.TOLERANCE_TEXT
                + " relative of the reference"});
        return facts;
    }

    /** The traces, the timings and (for two or more columns) the clusters of every implementation that ran. */
    private static List<Picture> pictures(LabelledData loaded, Comparison.Outcome outcome, AsWrittenRun asWritten) {
        List<Comparison.Row> ran = outcome.ran();
        List<Picture> pictures = new ArrayList<>();
        if (ran.isEmpty()) {
            return pictures;
        }
        EmResult reference = outcome.rows().stream().filter(row -> row.implementation().equals(outcome.reference()))
                .findFirst().orElseThrow().result();
        List<ComparisonPictures.Run> runs = new ArrayList<>();
        for (Comparison.Row row : ran) {
            runs.add(new ComparisonPictures.Run(row.implementation(), row.result().trace(), note(outcome, row,
                    reference)));
        }
        if (asWritten != null && asWritten.result() != null) {
            runs.add(new ComparisonPictures.Run(asWritten.name(), asWritten.result().trace(), "the notebook's own"));
        }
        pictures.add(ComparisonPictures.traces(loaded.source() + ": log-likelihood per iteration", runs, WIDTH,
                HEIGHT));
        pictures.add(ComparisonPictures.timings("ms per iteration (one run after a warm-up)",
                ran.stream().map(Comparison.Row::implementation).toList(),
                ran.stream().map(row -> row.result().millisPerIteration()).toList(), loaded.data().rows(), WIDTH,
                HEIGHT / 2));
        if (loaded.data().columns() >= 2) {
            pictures.add(ComparisonPictures.clusters(loaded.data(),
                    ran.stream().map(Comparison.Row::implementation).toList(),
                    ran.stream().map(row -> row.result().model()).toList(), WIDTH, HEIGHT));
        }
        return pictures;
    }

    /**
     * "reference", "identical to vectorised" (the same trace, bit for bit), "within 1e-9 of vectorised" or
     * "differs from vectorised", vectorised standing for whichever implementation is the reference.
     */
    private static String note(Comparison.Outcome outcome, Comparison.Row row, EmResult reference) {
        if (row.implementation().equals(outcome.reference())) {
            return "reference";
        }
        boolean departs = outcome.departures().stream()
                .anyMatch(departure -> departure.implementation().equals(row.implementation()));
        if (departs) {
            return "differs from " + outcome.reference();
        }
        return java.util.Arrays.equals(row.result().trace(), reference.trace())
                ? "identical to " + outcome.reference()
                : "within " + Comparison.TOLERANCE_TEXT + " of " + outcome.reference();
    }

    /** The caption under a picture on the page, by the picture's name; clusters' says what the type's shapes mean. */
    private static String caption(String name, CovarianceType type) {
        return switch (name) {
            case ComparisonPictures.TRACES -> "The log-likelihood traces: those that agree within "
                    + Comparison.TOLERANCE_TEXT + " are one line, named after all of them";
            case ComparisonPictures.TIMINGS -> "Milliseconds per iteration";
            case ComparisonPictures.CLUSTERS -> "The fitted clusters of each implementation (" + type.label()
                    + " covariances): means, 1σ and 2σ ellipses, points in their most likely component's colour"
                    + clustersShapeNote(type);
            default -> name;
        };
    }

    /**
     * What the ellipses' shapes mean for a constrained type. Ellipses are drawn in data units, and the two
     * axes usually have different scales, so a circle looks like an axis-aligned ellipse.
     */
    static String clustersShapeNote(CovarianceType type) {
        return switch (type) {
            case FULL -> "";
            case DIAG -> ". Diag: every ellipse's axes are parallel to the plot's axes";
            case SPHERICAL -> ". Spherical: every ellipse is a circle in data units; where the plot's x and y"
                    + " scales differ, a circle is drawn stretched into an axis-aligned ellipse";
            case TIED -> ". Tied: every component's ellipses have the same shape, size and orientation";
        };
    }

    /** A mistake on the command line, for Main to report in one line with a pointer to --help. */
    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
