package org.emgmm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.emgmm.Implementations;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Datasets;
import org.emgmm.data.LabelledData;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Initialisation;
import org.emgmm.io.MixtureJson;
import org.emgmm.model.GaussianMixture;
import org.emgmm.plot.EmRun;
import org.emgmm.plot.PictureFile;
import org.emgmm.plot.PictureFiles;
import org.emgmm.plot.PictureSet;
import org.emgmm.plot.PlotInput;
import org.emgmm.plot.PlotSettings;
import org.emgmm.vectorised.VectorisedEm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code em-gmm fit}: runs EM on a data set and prints a summary of the fitted mixture; with
 * {@code --out}, also writes the mixture and the run as JSON (see {@link MixtureJson}); with
 * {@code --plots DIR}, also draws every picture that suits the data into DIR (see {@link PictureSet}),
 * with the picture options of {@code plot} ({@link PlotCommand.PictureOptions}).
 * <pre>
 *   em-gmm fit --data old-faithful --components 2 --seed 1
 *   em-gmm fit --data iris --components 3 --labels Species --out iris-model.json
 *   em-gmm fit --data points.csv --init start.json --implementation loops
 *   em-gmm fit --data old-faithful --components 2 --seed 1 --plots pictures --format png
 * </pre>
 * Everything is computed, pictures included, before the first file is written.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, version = Main.VERSION, sortOptions = false,
        description = "Fit a Gaussian mixture to data with EM and print a summary.")
final class FitCommand implements Callable<Integer> {

    /** The only way to choose a start without a file, for now: see {@link Initialisation#randomPoints}. */
    static final String RANDOM_POINTS = "random-points";

    /** Lists the bundled data sets in help text. */
    static final class BundledNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Datasets.bundledNames().iterator();
        }
    }

    /** Lists the implementations in help text. */
    static final class ImplementationNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Implementations.names().iterator();
        }
    }

    /** Lists the initialisation methods in help text. */
    static final class InitMethods implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(RANDOM_POINTS).iterator();
        }
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE|NAME", completionCandidates = BundledNames.class,
            description = "A CSV file, or a bundled data set: ${COMPLETION-CANDIDATES}.")
    private String data;

    @Option(names = {"-k", "--components"}, paramLabel = "K",
            description = "The number of components K; required unless --init gives them.")
    private Integer components;

    @Option(names = "--implementation", paramLabel = "NAME", completionCandidates = ImplementationNames.class,
            description = "The EM implementation: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    private String implementation = VectorisedEm.NAME;

    @Option(names = "--init", paramLabel = "FILE.json",
            description = "Start from the mixture in this JSON file (weights, means, covariances).")
    private Path init;

    @Option(names = "--init-method", paramLabel = "METHOD", completionCandidates = InitMethods.class,
            description = "Without --init, how to choose the start: ${COMPLETION-CANDIDATES}"
                    + " (K distinct data points as means, the data covariance, equal weights).")
    private String initMethod;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random start. Default: ${DEFAULT-VALUE}.")
    private long seed = Main.DEFAULT_SEED;

    @Option(names = "--max-iter", paramLabel = "M", description = "The most iterations. Default: ${DEFAULT-VALUE}.")
    private int maxIterations = EmSettings.DEFAULT_MAX_ITERATIONS;

    @Option(names = "--tol", paramLabel = "T",
            description = "Stop when the log-likelihood per point changes by less than T. Default: ${DEFAULT-VALUE}.")
    private double tolerance = EmSettings.DEFAULT_TOLERANCE;

    @Option(names = "--reg-covar", paramLabel = "R",
            description = "Added to each covariance's diagonal after every M-step. Default: ${DEFAULT-VALUE}.")
    private double regCovar = EmSettings.DEFAULT_REG_COVAR;

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads for the vectorised implementation (the others use one); the result is the same"
                    + " for any number. Default: every core, here ${DEFAULT-VALUE}.")
    private int threads = VectorisedEm.defaultThreads();

    @Option(names = "--columns", split = ",", paramLabel = "COLUMN",
            description = "The columns to fit, by header name or 1-based index. Default: every numeric column.")
    private List<String> columns;

    @Option(names = "--labels", paramLabel = "COLUMN",
            description = "A column of true labels (name or index): prints labels against fitted components.")
    private String labelColumn;

    @Option(names = "--out", paramLabel = "MODEL.json", description = "Also write the fitted mixture and run as JSON.")
    private Path out;

    @Option(names = "--plots", paramLabel = "DIR",
            description = "Also draw every picture that suits the data into DIR (see 'em-gmm plot --help').")
    private Path plots;

    @Mixin
    private PlotCommand.PictureOptions pictureOptions = new PlotCommand.PictureOptions();

    @Override
    public Integer call() throws IOException {
        EmSettings settings = new EmSettings(maxIterations, tolerance, regCovar);
        EmAlgorithm algorithm = Main.implementation(implementation, threads, spec);
        requireOneWayToStart();
        PlotSettings pictureSettings = pictureSettings();
        LabelledData loaded = Datasets.load(data, columns == null ? List.of() : columns, labelColumn);
        if (pictureSettings != null) {
            PictureSet.check(loaded.data(), pictureSettings);
        }
        GaussianMixture start = startingParameters(loaded.data());
        EmResult result = algorithm.fit(loaded.data(), start, settings);
        String summary = FitSummary.describe(loaded, result);
        if (loaded.hasLabels()) {
            int[] assigned = algorithm.eStep(loaded.data(), result.model()).responsibilities().hardAssignments();
            summary += FitSummary.contingencyTable(loaded, assigned, result.model().components());
        }
        List<PictureFile> pictures = pictureSettings == null ? List.of()
                : drawPictures(loaded, new EmRun(algorithm, start, settings, result), pictureOptions, pictureSettings);
        List<Path> written = writeOutputs(result, pictures);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(summary);
        if (out != null) {
            stdout.println("model written to " + out);
        }
        PlotCommand.listWritten(stdout, written);
        stdout.flush();
        return Main.EXIT_OK;
    }

    /** With --plots, the picture settings (checked); without, null, and no picture option may be given. */
    private PlotSettings pictureSettings() {
        if (plots == null) {
            String given = pictureOptions.firstGiven();
            if (given != null) {
                throw usageError(given + " sets how pictures are drawn, but no pictures were asked for:"
                        + " add --plots DIR, or leave " + given + " out");
            }
            return null;
        }
        pictureOptions.compared(); // unknown implementations fail before any work
        return pictureOptions.settings();
    }

    /** Every picture of the fitted model and of the run, in memory. */
    private static List<PictureFile> drawPictures(LabelledData loaded, EmRun run, PlotCommand.PictureOptions options,
            PlotSettings pictureSettings) {
        PlotInput input = new PlotInput(loaded.source(), loaded.data(), run.result().model(), run,
                options.comparedRuns(loaded.data(), run));
        return PictureSet.render(input, pictureSettings);
    }

    /**
     * The model JSON and the pictures, once everything is computed. The picture directory is created first,
     * so that a directory that cannot be created stops the run before any file is written.
     *
     * @return the picture files written
     */
    private List<Path> writeOutputs(EmResult result, List<PictureFile> pictures) throws IOException {
        if (plots != null) {
            PictureFiles.createDirectory(plots);
        }
        if (out != null) {
            MixtureJson.write(result, out);
        }
        return plots == null ? List.of() : PictureFiles.writeAll(plots, pictures);
    }

    /** Exactly one of --init and --init-method, and K from somewhere. */
    private void requireOneWayToStart() {
        if (init != null && initMethod != null) {
            throw usageError("--init and --init-method both choose the start: give only one");
        }
        if (initMethod != null && !initMethod.equals(RANDOM_POINTS)) {
            throw usageError("unknown init method '" + initMethod + "': choose " + RANDOM_POINTS);
        }
        if (init == null && components == null) {
            throw usageError("missing --components K: say how many components to fit, or start from --init FILE.json");
        }
    }

    /** θ₀: the init file's mixture, or K random data points. */
    private GaussianMixture startingParameters(DataMatrix points) {
        if (init == null) {
            return Initialisation.randomPoints(points, components, seed);
        }
        GaussianMixture fromFile = MixtureJson.read(init);
        if (components != null && components != fromFile.components()) {
            throw usageError("--components " + components + " disagrees with the " + fromFile.components()
                    + " components in " + init + ": drop --components or change it");
        }
        return fromFile;
    }

    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
