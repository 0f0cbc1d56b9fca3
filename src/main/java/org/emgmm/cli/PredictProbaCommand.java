package org.emgmm.cli;

import java.util.ArrayList;
import java.util.List;
import org.emgmm.model.Prediction;
import picocli.CommandLine.Command;

/**
 * {@code em-gmm predict-proba}: each point's probability of having come from each component, its
 * responsibilities (scikit-learn's {@code predict_proba}), as CSV with columns {@code p0 … p(K−1)}; each
 * row sums to 1.
 * <pre>
 *   em-gmm predict-proba --model iris-model.json --data iris --out proba.csv
 * </pre>
 */
@Command(name = "predict-proba", mixinStandardHelpOptions = true, version = Main.VERSION, sortOptions = false,
        description = "Each point's probability of each component (its responsibilities), as CSV.")
final class PredictProbaCommand extends ModelOnDataCommand {

    /** The header of component k's column is this and k. */
    static final String COLUMN_PREFIX = "p";

    @Override
    String text(Prediction prediction) {
        List<String> header = new ArrayList<>();
        for (int k = 0; k < prediction.components(); k++) {
            header.add(COLUMN_PREFIX + k);
        }
        return csv(header, prediction.points(), i -> {
            StringBuilder row = new StringBuilder();
            for (int k = 0; k < prediction.components(); k++) {
                row.append(k == 0 ? "" : ",").append(prediction.probability(i, k));
            }
            return row.toString();
        });
    }
}
