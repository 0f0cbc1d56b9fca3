package org.emgmm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.emgmm.data.DataException;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Datasets;
import org.emgmm.data.LabelledData;
import org.emgmm.data.Quote;
import org.emgmm.data.Sizes;
import org.emgmm.io.MixtureJson;
import org.emgmm.io.OutputBatch;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.Prediction;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What {@code predict}, {@code predict-proba}, {@code score-samples} and {@code score} share: a model file
 * ({@code --model}), data ({@code --data}, {@code --columns}, as in {@code fit}), the {@link Prediction}
 * of the one at the other, and its text written to {@code --out FILE} or to standard output ({@code --out -}
 * or no {@code --out}).
 *
 * <p>Everything is computed before anything is written; a file goes through an {@link OutputBatch}, which
 * refuses to write over the data or the model. With the text on standard output, any summary goes to
 * standard error, so that standard output carries the text alone.
 */
abstract class ModelOnDataCommand implements Callable<Integer> {

    /** Lines end with {@code \n} on every platform, as in {@link org.emgmm.data.CsvWriter}. */
    static final String LINE_END = "\n";

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL.json", description = "The mixture, as 'fit --out' writes it.")
    Path model;

    @Option(names = "--data", paramLabel = "FILE|NAME", completionCandidates = FitCommand.BundledNames.class,
            description = "A CSV file, or a bundled data set: ${COMPLETION-CANDIDATES}.")
    String data;

    @Option(names = "--columns", split = ",", paramLabel = "COLUMN",
            description = "The columns, by header name or 1-based index, as many as the model's dimension."
                    + " Default: every numeric column.")
    List<String> columns;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write here instead of to standard output ('-' is standard output).")
    Path out;

    /** The mixture read from --model, once {@link #call} has read it; for the text of the commands that need it. */
    GaussianMixture mixture;

    /** The data as loaded (with its sample weights, when the command takes them), once {@link #call} has read it. */
    DataMatrix points;

    /** The column of sample weights to load with the data, or null for none (the default). */
    String weightColumn() {
        return null;
    }

    /** The file of sample weights, one per data row, or null for none (the default). */
    Path weightsFile() {
        return null;
    }

    /** Checks the command's own options before anything is read; nothing by default. */
    void checkOptions() {
    }

    /** The column of ground-truth labels to load with the data, or null for none. */
    String labelColumn() {
        return null;
    }

    /** The text to write: CSV, or one number. */
    abstract String text(Prediction prediction);

    /** Lines that describe the result beside the text, e.g. the adjusted Rand index; none by default. */
    List<String> summary(LabelledData loaded, Prediction prediction) {
        return List.of();
    }

    /** What to say once the text is in {@code file}; null to say nothing. */
    String written(Prediction prediction, Path file) {
        return "wrote " + prediction.points() + " rows to " + file;
    }

    @Override
    public Integer call() throws IOException {
        if (model == null) {
            throw usageError("missing --model MODEL.json: give the mixture to use, e.g. one written by 'fit --out'");
        }
        if (data == null) {
            throw usageError("missing --data: give a CSV file or a bundled data set ("
                    + String.join(", ", Datasets.bundledNames()) + ")");
        }
        checkOptions();
        boolean toStdout = out == null || out.toString().equals(GenerateCommand.STANDARD_OUTPUT);
        try (OutputBatch batch = OutputBatch.open()) {
            batch.input("--data", Datasets.isBundled(data) ? null : Path.of(data)).input("--model", model)
                    .input("--sample-weights-file", weightsFile());
            if (!toStdout) {
                batch.check("--out", out);
            }
            mixture = MixtureJson.read(model);
            LabelledData loaded = SampleWeightSources.withFile(Datasets.load(data, columns == null ? List.of()
                    : columns, labelColumn(), weightColumn()), weightsFile());
            points = loaded.data();
            requireMatching(mixture, loaded);
            Prediction prediction = Prediction.of(mixture, loaded.data().toFlatArray());
            String text = text(prediction);
            List<String> summary = summary(loaded, prediction);
            PrintWriter stdout = spec.commandLine().getOut();
            if (toStdout) {
                stdout.print(text);
                stdout.flush();
                PrintWriter stderr = spec.commandLine().getErr();
                summary.forEach(stderr::println);
                stderr.flush();
                return Main.EXIT_OK;
            }
            batch.stage("--out", out, text);
            batch.commit();
            String written = written(prediction, out);
            if (written != null) {
                stdout.println(written);
            }
            summary.forEach(stdout::println);
            stdout.flush();
        }
        return Main.EXIT_OK;
    }

    /**
     * Checks that the model and the data have one dimension.
     *
     * @throws DataException naming the model file, the data and both dimensions, saying what to do
     */
    private void requireMatching(GaussianMixture mixture, LabelledData loaded) {
        DataMatrix points = loaded.data();
        if (mixture.dimension() != points.columns()) {
            // The names are the user's: at most 10 of them, each of at most 100 characters (Quote).
            throw new DataException("the model " + Quote.shorten(String.valueOf(model)) + " has dimension "
                    + mixture.dimension() + " but the data " + Quote.shorten(loaded.source()) + " has "
                    + Sizes.count(points.columns()) + (points.columns() == 1 ? " column (" : " columns (")
                    + Quote.names(points.columnNames()) + "): choose " + mixture.dimension()
                    + " columns with --columns, or another model");
        }
    }

    ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** CSV text: the header, then one line per point. */
    static String csv(List<String> header, int rows, java.util.function.IntFunction<String> row) {
        StringBuilder text = new StringBuilder(String.join(",", header)).append(LINE_END);
        for (int i = 0; i < rows; i++) {
            text.append(row.apply(i)).append(LINE_END);
        }
        return text.toString();
    }
}
