package org.emgmm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.emgmm.data.DataException;
import org.emgmm.data.Datasets;
import org.emgmm.data.LabelledData;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmSettings;
import org.emgmm.em.InitMethod;
import org.emgmm.io.MixtureJson;
import org.emgmm.io.OutputBatch;
import org.emgmm.model.CovarianceType;
import org.emgmm.plot.PictureFile;
import org.emgmm.plot.PictureFiles;
import org.emgmm.plot.PictureFormat;
import org.emgmm.plot.PlotSettings;
import org.emgmm.plot.SelectionPictures;
import org.emgmm.selection.Cell;
import org.emgmm.selection.ComponentRange;
import org.emgmm.selection.Criterion;
import org.emgmm.selection.ModelSearch;
import org.emgmm.selection.ModelSelection;
import org.emgmm.selection.SelectionTable;
import org.emgmm.vectorised.VectorisedEm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code em-gmm select}: fits every number of components K in a range with every covariance type, the
 * best of {@code --n-init} seeded runs each ({@link ModelSearch}), prints BIC, AIC and ICL for each
 * (K, type) (lower is better, scikit-learn's sign; mclust's BIC is the negative), and picks the model
 * with the lowest {@code --criterion}. With {@code --out}, writes that model as {@code fit --out} would;
 * with {@code --table}, the whole table as CSV; with {@code --plots DIR}, mclust's BIC plot.
 * <pre>
 *   em-gmm select --data iris --components 1..8 --covariance-types full,diag,spherical,tied --n-init 5
 *   em-gmm select --data old-faithful --out best.json --table table.csv --plots pictures
 *   em-gmm select --data points.csv --components 2,3,5 --criterion icl --init-method kmeans
 * </pre>
 * A (K, type) that cannot be fitted is a row that says why, and the search goes on; only when no cell at
 * all can be fitted does the run fail. Everything is computed before the first file is written, and the
 * files are written together or not at all ({@link OutputBatch}). Siblings: {@link FitCommand}, which
 * fits one cell; {@link SelectionReport}, the printed table.
 */
@Command(name = "select", mixinStandardHelpOptions = true, version = Main.VERSION, sortOptions = false,
        description = {"Choose K and the covariance type: fit every K in a range with every covariance type and"
                + " compare them by BIC, AIC and ICL.",
            "Lower is better for all three, as in scikit-learn; R's mclust flips the sign of BIC and ICL, so"
                + " higher is better there. BIC = -2 log L + p log N rewards fit and charges log N per free"
                + " parameter; AIC = -2 log L + 2 p charges less per parameter and leans to richer models;"
                + " ICL = BIC - 2 sum log max r also charges for points that no component clearly claims."})
final class SelectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE|NAME", completionCandidates = FitCommand.BundledNames.class,
            description = "A CSV file, or a bundled data set: ${COMPLETION-CANDIDATES}.")
    private String data;

    @Option(names = "--columns", split = ",", paramLabel = "COLUMN",
            description = "The columns to fit, by header name or 1-based index. Default: every numeric column.")
    private List<String> columns;

    @Option(names = {"-k", "--components"}, paramLabel = "KS",
            description = "The numbers of components to try: K, a range A..B, or a list such as 1,2,5 or 1..3,6."
                    + " Default: 1.." + ComponentRange.DEFAULT_LARGEST + " (mclust's), but no K above the number of"
                    + " points.")
    private String components;

    @Option(names = "--covariance-types", split = ",", paramLabel = "TYPE",
            completionCandidates = RunOptions.CovarianceTypes.class,
            description = "The covariance types to try, as in scikit-learn: ${COMPLETION-CANDIDATES}. Default: all"
                    + " four.")
    private List<String> covarianceTypes;

    @Option(names = "--criterion", paramLabel = "NAME",
            description = "The criterion that picks the model written with --out: bic, aic or icl (the lowest wins)."
                    + " Default: bic.")
    private String criterion = Criterion.BIC.label();

    @Option(names = "--n-init", paramLabel = "R",
            description = "Fit each (K, type) from R starts (seeds derived from --seed, as in fit) and keep the run"
                    + " with the highest log-likelihood. Default: ${DEFAULT-VALUE}.")
    private int restarts = 1;

    @Option(names = "--init-method", paramLabel = "METHOD", completionCandidates = FitCommand.InitMethods.class,
            description = "How each start is chosen: ${COMPLETION-CANDIDATES} (see 'em-gmm fit --help')."
                    + " Default: random-points.")
    private String initMethod = InitMethod.RANDOM_POINTS.label();

    @Option(names = "--seed", paramLabel = "S",
            description = "The seed of every cell's first start. Default: ${DEFAULT-VALUE}.")
    private long seed = Main.DEFAULT_SEED;

    @Mixin
    private EmOptions em = new EmOptions();

    @Option(names = "--sample-weights", paramLabel = "COLUMN",
            description = "A column of the data (name or 1-based index) holding each point's sample weight, as in"
                    + " fit: a point of weight w counts as w copies of it, in every fit and criterion (N becomes the"
                    + " sum of the weights). The column is not fitted.")
    private String sampleWeightsColumn;

    @Option(names = "--sample-weights-file", paramLabel = "FILE",
            description = "Like --sample-weights, from a file of one number per data row, in the same order.")
    private Path sampleWeightsFile;

    @Option(names = "--implementation", paramLabel = "NAME", completionCandidates = FitCommand.ImplementationNames.class,
            description = "The EM implementation: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    private String implementation = VectorisedEm.NAME;

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads for the vectorised implementation; the result is the same for any number."
                    + " Default: every core, here ${DEFAULT-VALUE}.")
    private int threads = VectorisedEm.defaultThreads();

    @Option(names = "--out", paramLabel = "MODEL.json",
            description = "Write the chosen model as fit --out does ('-': to standard output, the table then going"
                    + " to standard error).")
    private Path out;

    @Option(names = "--table", paramLabel = "FILE.csv",
            description = "Write the whole table as CSV: one row per (K, type), failed ones with their reason.")
    private Path table;

    @Option(names = "--plots", paramLabel = "DIR",
            description = "Draw the BIC plot (and the --criterion's, if another) into DIR as bic.png and bic.svg.")
    private Path plots;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT",
            description = "Picture formats with --plots: png, svg. Default: png,svg.")
    private List<String> formats;

    @Option(names = "--dpi", paramLabel = "DPI", description = "Resolution of PNG files. Default: 72.")
    private Integer dpi;

    @Option(names = "--width", paramLabel = "PIXELS", description = "Picture width at 72 dpi. Default: 800.")
    private Integer width;

    @Option(names = "--height", paramLabel = "PIXELS", description = "Picture height at 72 dpi. Default: 600.")
    private Integer height;

    /** The data, with its sample weights from a column or a file when either is given. */
    private LabelledData loadWeighted() {
        return SampleWeightSources.withFile(Datasets.load(data, columns == null ? List.of() : columns, null,
                sampleWeightsColumn), sampleWeightsFile);
    }

    @Override
    public Integer call() throws IOException {
        EmSettings settings = em.settings(spec);
        EmAlgorithm algorithm = Main.implementation(implementation, threads, spec);
        requireData();
        List<CovarianceType> types = types();
        Criterion chosen = parsed(() -> Criterion.byLabel(criterion), "--criterion: ");
        InitMethod method = parsed(() -> InitMethod.byLabel(initMethod), "--init-method: ");
        ComponentRange asked = components == null ? null : parsed(() -> ComponentRange.parse(components), "");
        if (restarts < 1) {
            throw usageError("--n-init must be 1 or more, got " + restarts);
        }
        SampleWeightSources.requireAtMostOne(sampleWeightsColumn, sampleWeightsFile, spec);
        PlotSettings pictureSettings = pictureSettings();
        boolean modelToStdout = out != null && out.toString().equals(GenerateCommand.STANDARD_OUTPUT);
        if (table != null && table.toString().equals(GenerateCommand.STANDARD_OUTPUT)) {
            throw usageError("--table - : the table is printed anyway; give a file name for the CSV");
        }
        try (OutputBatch batch = OutputBatch.open()) {
            batch.input("--data", Datasets.isBundled(data) ? null : Path.of(data))
                    .input("--sample-weights-file", sampleWeightsFile);
            if (out != null && !modelToStdout) {
                batch.check("--out", out); // before the fits, which may take long
            }
            if (table != null) {
                batch.check("--table", table);
            }
            if (plots != null) {
                batch.checkDirectory("--plots", plots); // a file or a loop of links: said now, not after the fit
            }
            LabelledData loaded = loadWeighted();
            ComponentRange ks = asked != null ? asked : ComponentRange.defaultFor(loaded.data().rows());
            requireCountable(ks, types, loaded.data().columns());
            ModelSearch search = new ModelSearch(ks, types, method, settings, seed, restarts);
            SelectionTable result = search.run(algorithm, loaded.data());
            Cell best = bestOrFail(result, chosen);
            String report = SelectionReport.describe(loaded.source(), result, chosen);
            List<PictureFile> pictures = pictureSettings == null ? List.of()
                    : SelectionPictures.render(loaded.source(), result, chosen, pictureSettings);
            List<Path> written = plots == null ? List.of()
                    : PictureFiles.stageAll(batch, "--plots", plots, pictures);
            String json = MixtureJson.toJson(best.result());
            if (out != null && !modelToStdout) {
                batch.stage("--out", out, json);
            }
            if (table != null) {
                batch.stage("--table", table, result.csv());
            }
            if (modelToStdout) {
                // First, so that a standard output that cannot be written ends the run before any file is
                // written or the table printed: its one line is all the run says.
                PrintWriter stdout = spec.commandLine().getOut();
                stdout.print(json);
                stdout.flush();
            }
            batch.commit();
            printReport(modelToStdout, report, written, best, chosen);
        }
        return Main.EXIT_OK;
    }

    /** The table, then one line per file written; on standard error when the model goes to standard output. */
    private void printReport(boolean modelToStdout, String report, List<Path> written, Cell best, Criterion chosen) {
        PrintWriter stream = modelToStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
        stream.print(report);
        if (out != null && !modelToStdout) {
            stream.println("model (" + best.name() + ", lowest " + chosen.title() + ") written to " + out);
        }
        if (table != null) {
            stream.println("table written to " + table);
        }
        PlotCommand.listWritten(stream, written);
        stream.flush();
    }

    /**
     * The cell the criterion picks.
     *
     * @throws DataException when no cell could be fitted: the first cell's reason says why and what to do
     */
    private static Cell bestOrFail(SelectionTable result, Criterion chosen) {
        if (result.allFailed()) {
            Cell first = result.cells().get(0);
            String all = result.cells().size() == 1 ? "the only (K, type) could not be fitted"
                    : "none of the " + result.cells().size() + " (K, type) cells could be fitted";
            throw new DataException(all + "; " + first.name() + ": " + first.failure());
        }
        return result.best(chosen).orElseThrow();
    }

    /**
     * Checks, before any fit, that every cell's free parameters p can be counted: each cell reports p,
     * even one that fails (a K above the number of points fails at once), and p grows with K, so the
     * largest K of each type decides. A K near 2³¹ is refused here with one line rather than after the
     * smaller Ks have been fitted.
     *
     * @throws DataException naming K, D, the type and what to choose instead
     */
    private static void requireCountable(ComponentRange ks, List<CovarianceType> types, int dimension) {
        for (CovarianceType type : types) {
            ModelSelection.freeParameters(type, ks.last(), dimension);
        }
    }

    private void requireData() {
        if (data == null) {
            throw usageError("missing --data: give a CSV file or a bundled data set ("
                    + String.join(", ", Datasets.bundledNames()) + ")");
        }
    }

    /** The --covariance-types asked for, each once, in the order given; all four when none is given. */
    private List<CovarianceType> types() {
        if (covarianceTypes == null) {
            return List.of(CovarianceType.values());
        }
        List<CovarianceType> types = new ArrayList<>();
        for (String label : covarianceTypes) {
            CovarianceType type = parsed(() -> CovarianceType.byLabel(label.strip()), "--covariance-types: ");
            if (!types.contains(type)) {
                types.add(type);
            }
        }
        if (types.isEmpty()) {
            throw usageError("--covariance-types names no type: give one or more of "
                    + String.join(", ", CovarianceType.labels()));
        }
        return types;
    }

    /** With --plots, the picture settings (checked); without, null, and no picture option may be given. */
    private PlotSettings pictureSettings() {
        Object[] values = {formats, dpi, width, height};
        String[] names = {"--format", "--dpi", "--width", "--height"};
        if (plots == null) {
            for (int o = 0; o < values.length; o++) {
                if (values[o] != null) {
                    throw usageError(names[o] + " sets how pictures are drawn, but no pictures were asked for:"
                            + " add --plots DIR, or leave " + names[o] + " out");
                }
            }
            return null;
        }
        return parsed(() -> new PlotSettings(width == null ? PlotSettings.DEFAULT_WIDTH : width,
                height == null ? PlotSettings.DEFAULT_HEIGHT : height, dpi == null ? PlotSettings.DEFAULT_DPI : dpi,
                stillFormats(), PlotSettings.DEFAULT_ITERATIONS, null, null), "");
    }

    /** png and/or svg: the formats of a picture that does not move. */
    private java.util.Set<PictureFormat> stillFormats() {
        if (formats == null) {
            return java.util.EnumSet.of(PictureFormat.PNG, PictureFormat.SVG);
        }
        java.util.Set<PictureFormat> parsed = PictureFormat.parse(formats);
        if (parsed.contains(PictureFormat.GIF)) {
            throw new IllegalArgumentException("--format gif: select's pictures do not move; choose png and/or svg");
        }
        return parsed;
    }

    /** The value {@code parse} reads, or a usage error with its message after {@code prefix}. */
    private <T> T parsed(java.util.function.Supplier<T> parse, String prefix) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw usageError(prefix + e.getMessage());
        }
    }

    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
