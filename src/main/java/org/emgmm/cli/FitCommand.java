package org.emgmm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.emgmm.Implementations;
import org.emgmm.data.Datasets;
import org.emgmm.data.LabelledData;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.InitMethod;
import org.emgmm.em.Initialisation;
import org.emgmm.em.Restarts;
import org.emgmm.io.MixtureJson;
import org.emgmm.io.OutputBatch;
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
 *   em-gmm fit --data counts.csv --sample-weights count --components 3
 *   em-gmm fit --data points.csv --sample-weights-file w.csv --components 3
 * </pre>
 * With sample weights (a column of the data file, or a file of one number per row) a point of weight w
 * counts as w points: see {@link org.emgmm.em.EmAlgorithm#supportsSampleWeights} for the sums.
 * Everything is computed, pictures included, before the first file is written, and the files are
 * written together or not at all ({@link OutputBatch}); no output may replace the data or the init file.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, version = Main.VERSION, sortOptions = false,
        description = "Fit a Gaussian mixture to data with EM and print a summary.")
final class FitCommand implements Callable<Integer> {

    /** The default way to choose a start without a file: see {@link Initialisation#randomPoints}. */
    static final String RANDOM_POINTS = InitMethod.RANDOM_POINTS.label();

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
            return InitMethod.labels().iterator();
        }
    }

    @Spec
    private CommandSpec spec;



    @Mixin
    private RunOptions run = new RunOptions();

    @Option(names = "--implementation", paramLabel = "NAME", completionCandidates = ImplementationNames.class,
            description = "The EM implementation: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    private String implementation = VectorisedEm.NAME;









    @Option(names = "--n-init", paramLabel = "R",
            description = "Run EM from R starts (seeds derived from --seed, the first being --seed itself) and keep"
                    + " the run with the highest final log-likelihood; everything reported is that run's."
                    + " Default: ${DEFAULT-VALUE}.")
    private int restarts = 1;

    @Option(names = "--sample-weights", paramLabel = "COLUMN",
            description = "A column of the data (name or 1-based index) holding each point's sample weight, a"
                    + " finite number 0 or more: a point of weight w counts as w copies of it (0 leaves it out)."
                    + " The column is not fitted.")
    private String sampleWeightsColumn;

    @Option(names = "--sample-weights-file", paramLabel = "FILE",
            description = "Like --sample-weights, from a file of one number per data row, in the same order"
                    + " (a header line is optional).")
    private Path sampleWeightsFile;

    @Option(names = "--labels", paramLabel = "COLUMN",
            description = "A column of true labels (name or index): prints labels against fitted components.")
    private String labelColumn;

    @Option(names = "--out", paramLabel = "MODEL.json", description = "Also write the fitted mixture and run as JSON"
            + " ('-': to standard output, the summary then going to standard error).")
    private Path out;

    @Option(names = "--plots", paramLabel = "DIR",
            description = "Also draw every picture that suits the data into DIR (see 'em-gmm plot --help').")
    private Path plots;

    @Mixin
    private PlotCommand.PictureOptions pictureOptions = new PlotCommand.PictureOptions();

    @Override
    public Integer call() throws IOException {
        EmSettings settings = run.settings(spec);
        EmAlgorithm algorithm = Main.implementation(implementation, run.threads, spec);
        run.requireDataAndOneWayToStart(spec, "");
        run.requireRestartsPossible(restarts, spec);
        SampleWeightSources.requireAtMostOne(sampleWeightsColumn, sampleWeightsFile, spec);
        PlotSettings pictureSettings = pictureSettings();
        boolean modelToStdout = out != null && out.toString().equals(GenerateCommand.STANDARD_OUTPUT);
        try (OutputBatch batch = OutputBatch.open()) {
            batch.input("--data", run.dataFile()).input("--init", run.init)
                    .input("--sample-weights-file", sampleWeightsFile);
            if (out != null && !modelToStdout) {
                batch.check("--out", out); // before the fit, which may take long
            }
            if (plots != null) {
                batch.checkDirectory("--plots", plots); // a file or a loop of links: said now, not after the fit
            }
            LabelledData loaded = load();
            if (pictureSettings != null) {
                PictureSet.check(loaded.data(), pictureSettings);
            }
            Restarts.Best best = Restarts.run(algorithm, loaded.data(), seed -> run.start(loaded.data(), spec, seed),
                    settings, run.seed, restarts);
            GaussianMixture start = best.start();
            EmResult result = best.result();
            String summary = FitSummary.describe(loaded, result, weightsDescription(), settings.regCovar());
            if (restarts > 1) {
                summary += String.format(java.util.Locale.ROOT, "best of %d runs: run %d (seed %d), log-likelihood"
                        + " %.6f per point; every figure above is that run's%n", restarts, best.run() + 1,
                        best.seed(), result.meanLogLikelihood());
            }
            if (loaded.hasLabels()) {
                int[] assigned = algorithm.eStep(loaded.data(), result.model()).responsibilities().hardAssignments();
                summary += FitSummary.contingencyTable(loaded, assigned, result.model().components());
            }
            List<PictureFile> pictures = pictureSettings == null ? List.of()
                    : drawPictures(loaded, new EmRun(algorithm, start, settings, result), pictureOptions,
                            pictureSettings);
            List<Path> written = plots == null ? List.of()
                    : PictureFiles.stageAll(batch, "--plots", plots, pictures);
            if (out != null && !modelToStdout) {
                batch.stage("--out", out, modelJson(result));
            }
            if (modelToStdout) {
                // First, so that a standard output that cannot be written (a full disk) ends the run before
                // any file is written or any summary printed: its one line is all the run says.
                PrintWriter stdout = spec.commandLine().getOut();
                stdout.print(modelJson(result));
                stdout.flush();
            }
            batch.commit();
            // With --out -, standard output carries the model alone; the summary goes to standard error.
            PrintWriter report = modelToStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
            report.print(summary);
            if (out != null && !modelToStdout) {
                report.println("model written to " + out);
            }
            PlotCommand.listWritten(report, written);
            report.flush();
            warnIfUnsound(result, settings);
        }
        return Main.EXIT_OK;
    }

    /** One line on standard error when the fit did not converge or a component collapsed; the exit code stays 0. */
    private void warnIfUnsound(EmResult result, EmSettings settings) {
        FitWarning.print(FitWarning.forFit(result, settings), spec.commandLine().getErr());
    }

    /** The data, with its labels and sample weights when they are asked for. */
    private LabelledData load() {
        return SampleWeightSources.withFile(run.load(labelColumn, sampleWeightsColumn), sampleWeightsFile);
    }

    /** Where the sample weights came from, for the summary, or null when there are none. */
    private String weightsDescription() {
        return sampleWeightsColumn != null ? "column '" + sampleWeightsColumn + "'"
                : sampleWeightsFile != null ? "file " + sampleWeightsFile : null;
    }

    /** The --out JSON, with where its sample weights came from. */
    private String modelJson(EmResult result) {
        return sampleWeightsColumn != null ? MixtureJson.toJson(result, "column", sampleWeightsColumn)
                : sampleWeightsFile != null ? MixtureJson.toJson(result, "file", sampleWeightsFile.toString())
                : MixtureJson.toJson(result);
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

    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
