package org.emgmm.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import org.emgmm.data.CsvWriter;
import org.emgmm.data.MixtureSampler;
import org.emgmm.data.NotebookSetups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code em-gmm generate}: draws points from a known mixture and writes them as CSV, with a
 * {@code component} column holding each point's true component (see {@link CsvWriter}).
 * <pre>
 *   em-gmm generate --setup seed-002 --seed 7 --out blobs.csv
 *   em-gmm generate --model model.json --points 500 --seed 1 --out sample.csv   (the same as em-gmm sample)
 *   em-gmm fit --data blobs.csv --components 3 --labels component
 * </pre>
 */
@Command(name = "generate", mixinStandardHelpOptions = true, version = Main.VERSION, sortOptions = false,
        description = "Draw points from a seed notebook's mixture or from a model file, as CSV.")
final class GenerateCommand implements Callable<Integer> {

    /** Lists the notebook setups in help text. */
    static final class SetupNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return NotebookSetups.names().iterator();
        }
    }

    /** {@code --out -}: standard output. */
    static final String STANDARD_OUTPUT = "-";

    @Spec
    private CommandSpec spec;

    @Option(names = "--setup", paramLabel = "NAME", completionCandidates = SetupNames.class,
            description = "A seed notebook's synthetic data: ${COMPLETION-CANDIDATES}.")
    private String setup;

    @Option(names = "--model", paramLabel = "MODEL.json",
            description = "Instead of --setup, draw from the mixture in this JSON file (needs --points).")
    private Path model;

    @Option(names = "--points", paramLabel = "N", description = "With --model, how many points to draw.")
    private Integer points;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the draw. Default: ${DEFAULT-VALUE}.")
    private long seed = Main.DEFAULT_SEED;

    @Option(names = "--out", paramLabel = "FILE.csv",
            description = "Write here instead of to standard output ('-' is standard output).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        return SampleCommand.write(spec, source(), out, model);
    }

    /**
     * The points of the chosen setup (a few thousand, drawn at once), or of the model file, drawn as
     * {@code sample} draws them ({@link SampleCommand#draw}).
     */
    private SampleCommand.Drawn source() {
        if ((setup == null) == (model == null)) {
            throw usageError("say what to draw from: give either --setup NAME or --model MODEL.json");
        }
        if (setup != null) {
            if (points != null) {
                throw usageError("--points goes with --model: a setup fixes its own number of points");
            }
            MixtureSampler.Sample sample = NotebookSetups.byName(setup).draw(seed);
            return new SampleCommand.Drawn(writer -> CsvWriter.write(sample, writer), sample.data().rows());
        }
        return SampleCommand.draw(spec, model, points, seed);
    }

    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
