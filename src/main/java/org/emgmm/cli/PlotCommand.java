package org.emgmm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.emgmm.Implementations;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Datasets;
import org.emgmm.data.LabelledData;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.io.MixtureJson;
import org.emgmm.io.OutputBatch;
import org.emgmm.model.GaussianMixture;
import org.emgmm.plot.EmRun;
import org.emgmm.plot.PictureFile;
import org.emgmm.plot.PictureFiles;
import org.emgmm.plot.PictureFormat;
import org.emgmm.plot.PictureSet;
import org.emgmm.plot.PlotInput;
import org.emgmm.plot.PlotSettings;
import org.emgmm.vectorised.VectorisedEm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code em-gmm plot}: draws the pictures of a model and data without fitting: the clusters, density and
 * uncertainty pictures (or, for one column, the histogram) show the model as given. The evolution and
 * trace pictures need a run of EM: they show EM started from the model (θ₀ = the model), with the
 * usual settings. EM is deterministic, so the pictures are the same every time. A fitted model hardly
 * moves (EM has converged already); a start file shows the whole fit.
 * <pre>
 *   em-gmm fit --data old-faithful -k 2 --out model.json
 *   em-gmm plot --data old-faithful --model model.json --out pictures
 *   em-gmm plot --data iris --model start.json --out pictures --x Petal.Length --y Petal.Width --format png --dpi 144
 * </pre>
 * The picture options are {@link PictureOptions}, shared with {@code fit --plots}.
 */
@Command(name = "plot", mixinStandardHelpOptions = true, version = Main.VERSION, sortOptions = false,
        description = "Draw the pictures of a model and data (PNG, SVG, animated GIF) without fitting.")
final class PlotCommand implements Callable<Integer> {

    /**
     * The options that say how pictures are drawn, for {@code plot} and for {@code fit --plots}. Each is
     * null when not given, so that {@code fit} can tell whether any was given without --plots.
     */
    static final class PictureOptions {

        @Option(names = "--format", split = ",", paramLabel = "FORMAT",
                description = "Picture formats: png, svg, gif (gif: the evolution as an animation)."
                        + " Default: png,svg,gif.")
        List<String> formats;

        @Option(names = "--dpi", paramLabel = "DPI", description = "Resolution of PNG and GIF files: a WIDTHxHEIGHT"
                + " picture is round(WIDTH*DPI/72) x round(HEIGHT*DPI/72) pixels. Default: 72.")
        Integer dpi;

        @Option(names = "--width", paramLabel = "PIXELS",
                description = "Width of each picture at 72 dpi (grid panels are half). Default: 800.")
        Integer width;

        @Option(names = "--height", paramLabel = "PIXELS",
                description = "Height of each picture at 72 dpi (grid panels are half). Default: 600.")
        Integer height;

        @Option(names = "--iterations", split = ",", paramLabel = "T",
                description = "Iterations shown in the evolution grid, 3 panels a row. Default: 0,1,5,10,25,40.")
        List<Integer> iterations;

        @Option(names = "--x", paramLabel = "COLUMN",
                description = "Column on the horizontal axis of 2-D pictures (name or 1-based index)."
                        + " Default: the first.")
        String x;

        @Option(names = "--y", paramLabel = "COLUMN",
                description = "Column on the vertical axis of 2-D pictures. Default: the first one not on the x axis.")
        String y;

        @Option(names = "--compare", split = ",", paramLabel = "NAME",
                description = "Also run these implementations from the same start, and overlay their traces on the"
                        + " trace picture (e.g. loops,explicit-pdf).")
        List<String> compare;

        /** The first picture option given, or null when none is. */
        String firstGiven() {
            Object[] values = {formats, dpi, width, height, iterations, x, y, compare};
            String[] names = {"--format", "--dpi", "--width", "--height", "--iterations", "--x", "--y", "--compare"};
            for (int o = 0; o < values.length; o++) {
                if (values[o] != null) {
                    return names[o];
                }
            }
            return null;
        }

        /**
         * The settings, defaults filled in.
         *
         * @throws IllegalArgumentException for a value out of range, saying what to give instead
         */
        PlotSettings settings() {
            return new PlotSettings(
                    width == null ? PlotSettings.DEFAULT_WIDTH : width,
                    height == null ? PlotSettings.DEFAULT_HEIGHT : height,
                    dpi == null ? PlotSettings.DEFAULT_DPI : dpi,
                    formats == null ? PictureFormat.all() : PictureFormat.parse(formats),
                    iterations == null ? PlotSettings.DEFAULT_ITERATIONS : iterations,
                    x, y);
        }

        /** The implementations named by --compare, checked; empty when it is not given. */
        List<EmAlgorithm> compared() {
            return compare == null ? List.of() : compare.stream().map(Implementations::byName).toList();
        }

        /** The runs of the --compare implementations, from the same start with the same settings as {@code run}. */
        List<EmRun> comparedRuns(DataMatrix points, EmRun run) {
            return compared().stream().map(algorithm -> EmRun.of(algorithm, points, run.start(), run.settings()))
                    .toList();
        }
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE|NAME",
            completionCandidates = FitCommand.BundledNames.class,
            description = "A CSV file, or a bundled data set: ${COMPLETION-CANDIDATES}.")
    private String data;

    @Option(names = "--model", required = true, paramLabel = "MODEL.json",
            description = "The mixture to draw (weights, means, covariances), e.g. as fit --out writes it.")
    private Path model;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Directory for the pictures; created if missing.")
    private Path out;

    @Option(names = "--columns", split = ",", paramLabel = "COLUMN",
            description = "The columns the model describes, by header name or 1-based index."
                    + " Default: every numeric column.")
    private List<String> columns;

    @Option(names = "--implementation", paramLabel = "NAME",
            completionCandidates = FitCommand.ImplementationNames.class,
            description = "The EM implementation behind the evolution and trace: ${COMPLETION-CANDIDATES}."
                    + " Default: ${DEFAULT-VALUE}.")
    private String implementation = VectorisedEm.NAME;

    @Mixin
    private EmOptions em = new EmOptions();

    @Mixin
    private PictureOptions pictureOptions = new PictureOptions();

    @Override
    public Integer call() throws IOException {
        EmSettings settings = em.settings(spec);
        EmAlgorithm algorithm = Implementations.byName(implementation);
        PlotSettings pictures = pictureOptions.settings();
        pictureOptions.compared();
        LabelledData loaded = Datasets.load(data, columns == null ? List.of() : columns, null);
        PictureSet.check(loaded.data(), pictures);
        GaussianMixture mixture = MixtureJson.read(model);
        PlotInput.requireMatching(loaded.data(), mixture);
        EmRun run = EmRun.of(algorithm, loaded.data(), mixture, settings);
        List<PictureFile> files = PictureSet.render(new PlotInput(loaded.source(), loaded.data(), mixture, run,
                pictureOptions.comparedRuns(loaded.data(), run)), pictures);
        List<Path> written;
        try (OutputBatch batch = OutputBatch.open()) {
            batch.input("--data", Datasets.isBundled(data) ? null : Path.of(data)).input("--model", model);
            written = PictureFiles.stageAll(batch, "--out", out, files);
            batch.commit();
        }
        report(loaded.data(), run.result(), written);
        return Main.EXIT_OK;
    }

    /** A line on the run the evolution and trace show, then one line per file written. */
    private void report(DataMatrix points, EmResult result, List<Path> written) {
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(String.format(Locale.ROOT, "EM from %s on %d points (%s): %d %s, %s; the evolution and trace"
                + " pictures show this run", model, points.rows(), result.implementation(), result.iterations(),
                result.iterations() == 1 ? "iteration" : "iterations",
                result.converged() ? "converged" : "not converged"));
        listWritten(stdout, written);
        stdout.flush();
    }

    /** "picture written to DIR/NAME.png", one line per file. */
    static void listWritten(PrintWriter stdout, List<Path> written) {
        for (Path file : written) {
            stdout.println("picture written to " + file);
        }
    }
}
