package org.emgmm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.emgmm.compare.AsWrittenRun;
import org.emgmm.compare.CompareReport;
import org.emgmm.compare.Comparison;
import org.emgmm.compare.ExplorePage;
import org.emgmm.compare.Timings;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.io.OutputBatch;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.plot.ComparisonPictures;
import org.emgmm.plot.Picture;
import org.emgmm.plot.PictureEncoder;
import org.emgmm.plot.PictureFile;
import org.emgmm.plot.PictureFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
 * On data of fewer than 10,000 points (or with {@code --race NxD}) every implementation is also timed on
 * a generated race case ({@link org.emgmm.compare.RaceCase}), whose times follow the agreement line.
 * The inputs and the comparison are shared with {@link ExploreCommand explore} ({@link CompareInputs});
 * the engine is {@link Comparison}; the table, JSON and page come from the same rows
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

    @Spec
    private CommandSpec spec;

    @Mixin
    private CompareInputs inputs = new CompareInputs();

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
        checkPictureOptions();
        CompareInputs.Compared compared = inputs.compare();
        Comparison.Outcome outcome = compared.outcome();
        List<PictureFile> files = new ArrayList<>();
        List<CompareReport.PagePicture> onPage = new ArrayList<>();
        for (Picture picture : pictures(compared)) {
            byte[] png = PictureEncoder.png(picture, dpi);
            if (formats.stream().anyMatch(format -> format.strip().equals("png"))) {
                files.add(new PictureFile(picture.name() + ".png", png));
            }
            if (formats.stream().anyMatch(format -> format.strip().equals("svg"))) {
                files.add(new PictureFile(picture.name() + ".svg", PictureEncoder.svg(picture)));
            }
            onPage.add(new CompareReport.PagePicture(caption(picture.name(), compared), picture.name(), png));
        }
        String page = CompareReport.html(compared.title(), facts(compared), outcome, onPage);
        String explorer = ExplorePage.html(compared.title(), compared.loaded().data(), compared.recording(),
                compared.timings());

        try (OutputBatch batch = OutputBatch.open()) {
            inputs.registerInputs(batch);
            if (json != null) {
                batch.stage("--json", json, CompareReport.json(outcome, compared.race()));
            }
            PictureFiles.stageAll(batch, "--out", out, files);
            batch.stage("--out", out.resolve(PAGE), page);
            batch.stage("--out", out.resolve(ExplorePage.FILE), explorer);
            batch.commit();
        }

        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(compared.dataLine());
        stdout.println();
        stdout.print(CompareReport.text(outcome));
        if (compared.asWritten() != null) {
            stdout.println(compared.asWritten().line());
        }
        compared.raceLines().forEach(stdout::println);
        stdout.println();
        stdout.println("page: " + out.resolve(PAGE) + " (pictures beside it)");
        stdout.println("explorer: " + out.resolve(ExplorePage.FILE) + " (every iteration, "
                + compared.recording().shownLine() + ")");
        if (json != null) {
            stdout.println("rows written to " + json);
        }
        stdout.flush();
        FitWarning.printFor(outcome, compared.settings(), spec.commandLine().getErr());
        return Main.EXIT_OK;
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

    /** What each covariance type allows, for the page. */
    static String typeMeaning(CovarianceType type) {
        return switch (type) {
            case FULL -> "each component has its own covariance, any shape and orientation";
            case DIAG -> "each component has its own diagonal covariance: axis-aligned ellipses";
            case SPHERICAL -> "each component has one variance σ²ₖ in every direction: circles in data units";
            case TIED -> "every component shares one full covariance: ellipses of one shape, moved about";
        };
    }

    /** The page's table of facts, one {label, value} pair per row. */
    private static List<String[]> facts(CompareInputs.Compared compared) {
        List<String[]> facts = new ArrayList<>();
        if (compared.example() != null) {
            facts.add(new String[] {"example", compared.example().name() + ": " + compared.example().description()});
        }
        DataMatrix points = compared.loaded().data();
        GaussianMixture start = compared.start();
        EmSettings settings = compared.settings();
        int restarts = compared.outcome().runs();
        facts.add(new String[] {"data", String.format(Locale.ROOT, "%s: %d points, %d dimensions (%s)",
                compared.loaded().source(), points.rows(), points.columns(), String.join(", ", points.columnNames()))});
        facts.add(new String[] {"components", Integer.toString(start.components())});
        facts.add(new String[] {"covariance type", start.covarianceType().label() + ": "
                + typeMeaning(start.covarianceType())});
        facts.add(new String[] {"start", compared.startDescription() + ", the same for every implementation"});
        if (restarts > 1) {
            facts.add(new String[] {"restarts", String.format(Locale.ROOT, "%d starts, seeds derived from %d as fit"
                    + " --n-init derives them; every implementation ran all %d and kept its run of highest final"
                    + " log-likelihood (the table's last column says which)", restarts, compared.seed(), restarts)});
        }
        facts.add(new String[] {"settings", String.format(Locale.ROOT, "max-iter %d, tol %s, reg-covar %s, threads %d"
                + " (vectorised)", settings.maxIterations(), settings.tolerance(), settings.regCovar(),
                compared.threads())});
        facts.add(new String[] {"agreement", "traces and parameters within " + Comparison.TOLERANCE_TEXT
                + " relative of the reference"});
        if (compared.asWritten() != null) {
            facts.add(new String[] {"as the notebook wrote it", compared.asWritten().line()});
        }
        if (compared.race() != null) {
            facts.add(new String[] {"race case", String.join("; ",
                    compared.raceLines().stream().map(String::strip).toList())});
        }
        return facts;
    }

    /** The traces, the timings and (for two or more columns) the clusters of every implementation that ran. */
    private static List<Picture> pictures(CompareInputs.Compared compared) {
        Comparison.Outcome outcome = compared.outcome();
        DataMatrix points = compared.loaded().data();
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
        AsWrittenRun asWritten = compared.asWritten();
        if (asWritten != null && asWritten.result() != null) {
            runs.add(new ComparisonPictures.Run(asWritten.name(), asWritten.result().trace(), "the notebook's own"));
        }
        pictures.add(ComparisonPictures.traces(compared.loaded().source() + ": log-likelihood per iteration", runs,
                WIDTH, HEIGHT));
        pictures.add(ComparisonPictures.timings(compared.timings(), WIDTH, HEIGHT / 2));
        if (points.columns() >= 2) {
            pictures.add(ComparisonPictures.clusters(points, ran.stream().map(Comparison.Row::implementation).toList(),
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
    private static String caption(String name, CompareInputs.Compared compared) {
        CovarianceType type = compared.outcome().covarianceType();
        return switch (name) {
            case ComparisonPictures.TRACES -> "The log-likelihood traces: those that agree within "
                    + Comparison.TOLERANCE_TEXT + " are one line, named after all of them";
            case ComparisonPictures.TIMINGS -> timingsCaption(compared.timings());
            case ComparisonPictures.CLUSTERS -> "The fitted clusters of each implementation (" + type.label()
                    + " covariances): means, 1σ and 2σ ellipses, points in their most likely component's colour"
                    + clustersShapeNote(type);
            default -> name;
        };
    }

    /**
     * "Milliseconds per iteration", on the data and, when a race ran, on the race case, saying which group
     * has too few points ({@link Timings#FEW_POINTS}) for its timings to mean anything.
     */
    static String timingsCaption(List<Timings> groups) {
        List<String> parts = new ArrayList<>();
        for (Timings group : groups) {
            parts.add(group.label() + ", " + group.size() + (group.tooFewPoints() ? " (too few points for timings"
                    + " to mean anything: what is timed is an iteration's fixed cost)" : ""));
        }
        return "Milliseconds per iteration: " + String.join("; ", parts);
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
