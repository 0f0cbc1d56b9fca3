package org.emgmm.cli;

import java.nio.file.Path;
import org.emgmm.model.Prediction;
import org.emgmm.selection.ModelSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code em-gmm score}: the mean log-density per point, (1/N) Σᵢ log p(xᵢ) (scikit-learn's {@code score}),
 * printed as one number; with {@code --bic} or {@code --aic}, the model's criterion on this data instead
 * (scikit-learn's {@code bic(X)} and {@code aic(X)}), whatever data the model was fitted to; with
 * {@code --out FILE}, also written there.
 * <pre>
 *   em-gmm score --model model.json --data old-faithful
 *   em-gmm score --model model.json --data new-points.csv --bic
 * </pre>
 * BIC = −2 L + p log N and AIC = −2 L + 2 p, with L = Σᵢ log p(xᵢ) over this data's N points and p the
 * model's free parameters for its covariance type ({@link ModelSelection#freeParameters}).
 */
@Command(name = "score", mixinStandardHelpOptions = true, version = Main.VERSION, sortOptions = false,
        description = "The mean log-density per point under the model, as one number.")
final class ScoreCommand extends ModelOnDataCommand {

    @Option(names = "--bic", description = "Print the model's BIC on this data instead: -2 L + p log N, L the"
            + " total log-likelihood of the data, p the model's free parameters (lower is better).")
    boolean bic;

    @Option(names = "--aic", description = "Print the model's AIC on this data instead: -2 L + 2 p.")
    boolean aic;

    @Option(names = "--sample-weights", paramLabel = "COLUMN",
            description = "A column of the data (name or 1-based index) holding each point's sample weight, as in"
                    + " fit: the score becomes the weighted mean, L the weighted sum and --bic's N the sum of the"
                    + " weights. The column is not scored.")
    String sampleWeightsColumn;

    @Option(names = "--sample-weights-file", paramLabel = "FILE",
            description = "Like --sample-weights, from a file of one number per data row, in the same order.")
    Path sampleWeightsFile;

    @Override
    void checkOptions() {
        if (bic && aic) {
            throw usageError("--bic and --aic each ask for one number: give only one");
        }
        SampleWeightSources.requireAtMostOne(sampleWeightsColumn, sampleWeightsFile, spec);
    }

    @Override
    String weightColumn() {
        return sampleWeightsColumn;
    }

    @Override
    Path weightsFile() {
        return sampleWeightsFile;
    }

    @Override
    String text(Prediction prediction) {
        return Double.toString(number(prediction)) + LINE_END;
    }

    /** The number itself, on standard output, as without --out. */
    @Override
    String written(Prediction prediction, Path file) {
        return Double.toString(number(prediction));
    }

    /** The mean log-density, or the BIC or AIC asked for; with sample weights wᵢ, weighted (wᵢ = 1 without). */
    private double number(Prediction prediction) {
        if (!points.isWeighted() && !bic && !aic) {
            return prediction.score();
        }
        double[] logDensities = prediction.logDensities();
        double total = 0.0;
        for (int i = 0; i < logDensities.length; i++) {
            if (points.weight(i) > 0.0) {  // a point of weight 0 is left out, whatever its density
                total += points.weight(i) * logDensities[i]; // L = Σᵢ wᵢ log p(xᵢ)
            }
        }
        if (!bic && !aic) {
            return total / points.totalWeight();
        }
        int parameters = ModelSelection.freeParameters(mixture.covarianceType(), mixture.components(),
                mixture.dimension());
        return bic ? ModelSelection.bic(total, parameters, points.totalWeight())
                : ModelSelection.aic(total, parameters);
    }
}
