package org.emgmm.cli;

import java.util.List;
import org.emgmm.model.Prediction;
import picocli.CommandLine.Command;

/**
 * {@code em-gmm score-samples}: log p(x) of each point under the model (scikit-learn's
 * {@code score_samples}), as CSV with one column, {@code logDensity}.
 * <pre>
 *   em-gmm score-samples --model model.json --data old-faithful --out log-densities.csv
 * </pre>
 */
@Command(name = "score-samples", mixinStandardHelpOptions = true, version = Main.VERSION, sortOptions = false,
        description = "The log-density log p(x) of each point under the model, as CSV.")
final class ScoreSamplesCommand extends ModelOnDataCommand {

    /** The header of the one column. */
    static final String LOG_DENSITY = "logDensity";

    @Override
    String text(Prediction prediction) {
        double[] logDensities = prediction.logDensities();
        return csv(List.of(LOG_DENSITY), logDensities.length, i -> Double.toString(logDensities[i]));
    }
}
