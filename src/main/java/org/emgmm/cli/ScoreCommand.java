package org.emgmm.cli;

import java.nio.file.Path;
import org.emgmm.model.Prediction;
import picocli.CommandLine.Command;

/**
 * {@code em-gmm score}: the mean log-density per point, (1/N) Σᵢ log p(xᵢ) (scikit-learn's {@code score}),
 * printed as one number; with {@code --out FILE}, also written there.
 * <pre>
 *   em-gmm score --model model.json --data old-faithful
 * </pre>
 */
@Command(name = "score", mixinStandardHelpOptions = true, version = Main.VERSION, sortOptions = false,
        description = "The mean log-density per point under the model, as one number.")
final class ScoreCommand extends ModelOnDataCommand {

    @Override
    String text(Prediction prediction) {
        return Double.toString(prediction.score()) + LINE_END;
    }

    /** The number itself, on standard output, as without --out. */
    @Override
    String written(Prediction prediction, Path file) {
        return Double.toString(prediction.score());
    }
}
