package org.emgmm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.emgmm.data.CsvWriter;
import org.emgmm.data.MixtureSampler;
import org.emgmm.io.MixtureJson;
import org.emgmm.io.OutputBatch;
import org.emgmm.model.GaussianMixture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code em-gmm sample}: N points drawn from a model file, with a seed (scikit-learn's {@code sample}, which
 * has none), as CSV with a {@code component} column holding each point's true component
 * ({@link MixtureSampler}, {@link CsvWriter}). {@code generate --model} is the same command: both draw and
 * write with {@link #draw} and {@link #write}.
 * <pre>
 *   em-gmm sample --model model.json --points 500 --seed 1 --out sample.csv
 * </pre>
 */
@Command(name = "sample", mixinStandardHelpOptions = true, version = Main.VERSION, sortOptions = false,
        description = "Draw points from the mixture in a model file, as CSV.")
final class SampleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL.json", description = "The mixture to draw from.")
    private Path model;

    @Option(names = "--points", paramLabel = "N", description = "How many points to draw.")
    private Integer points;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the draw. Default: ${DEFAULT-VALUE}.")
    private long seed = Main.DEFAULT_SEED;

    @Option(names = "--out", paramLabel = "FILE.csv",
            description = "Write here instead of to standard output ('-' is standard output).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if (model == null) {
            throw new ParameterException(spec.commandLine(), "missing --model MODEL.json: say which mixture to draw"
                    + " from, e.g. one written by 'fit --out'");
        }
        return write(spec, draw(spec, model, points, seed), out, model);
    }

    /** What to write: the CSV, written as it is drawn, and how many points it has. */
    record Drawn(OutputBatch.Content csv, int points) {
    }

    /**
     * N points of the model file, drawn row by row as they are written, so that any number of points fits
     * in a small heap.
     *
     * @throws ParameterException if N is missing or below 1
     */
    static Drawn draw(CommandSpec spec, Path model, Integer points, long seed) {
        if (points == null) {
            throw new ParameterException(spec.commandLine(), "missing --points N: say how many points to draw from "
                    + model);
        }
        if (points < 1) {
            throw new ParameterException(spec.commandLine(), "--points must be 1 or more, got " + points);
        }
        GaussianMixture mixture = MixtureJson.read(model);
        int n = points;
        return new Drawn(writer -> CsvWriter.write(mixture, n, seed, writer), n);
    }

    /**
     * Writes the points to standard output ({@code out} null or {@code -}), or to {@code out} through an
     * {@link OutputBatch} that refuses to write over {@code input} (the model file; null for none).
     */
    static int write(CommandSpec spec, Drawn drawn, Path out, Path input) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null || out.toString().equals(GenerateCommand.STANDARD_OUTPUT)) {
            drawn.csv().writeTo(stdout);
            stdout.flush();
            return Main.EXIT_OK;
        }
        try (OutputBatch batch = OutputBatch.open()) {
            batch.input("--model", input);
            batch.stage("--out", out, drawn.csv());
            batch.commit();
        }
        stdout.println("wrote " + drawn.points() + " points to " + out);
        stdout.flush();
        return Main.EXIT_OK;
    }
}
