package org.emgmm.cli;

import java.util.List;
import java.util.Locale;
import org.emgmm.data.LabelledData;
import org.emgmm.model.AdjustedRandIndex;
import org.emgmm.model.Prediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code em-gmm predict}: the most probable component of each point (scikit-learn's {@code predict}), as
 * CSV with one column, {@code label}. With {@code --labels COLUMN}, also the adjusted Rand index of the
 * labels against that column ({@link AdjustedRandIndex}).
 * <pre>
 *   em-gmm fit --data iris --components 3 --seed 2 --out iris-model.json
 *   em-gmm predict --model iris-model.json --data iris --labels Species --out labels.csv
 * </pre>
 */
@Command(name = "predict", mixinStandardHelpOptions = true, version = Main.VERSION,
        sortOptions = false, description = "Label each point with its most probable component, as CSV.")
final class PredictCommand extends ModelOnDataCommand {

    /** The header of the one column. */
    static final String LABEL = "label";

    @Option(names = "--labels", paramLabel = "COLUMN",
            description = "A column of true labels (name or index): also prints the adjusted Rand index against it.")
    private String labelColumn;

    @Override
    String labelColumn() {
        return labelColumn;
    }

    @Override
    String text(Prediction prediction) {
        int[] labels = prediction.labels();
        return csv(List.of(LABEL), labels.length, i -> Integer.toString(labels[i]));
    }

    @Override
    List<String> summary(LabelledData loaded, Prediction prediction) {
        if (!loaded.hasLabels()) {
            return List.of();
        }
        double ari = AdjustedRandIndex.of(loaded.labels(), prediction.labels());
        return List.of(String.format(Locale.ROOT, "adjusted Rand index against %s: %.4f", loaded.labelColumn(), ari));
    }
}
