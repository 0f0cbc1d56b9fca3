package org.emgmm.cli;

import java.nio.file.Path;
import org.emgmm.data.Datasets;
import org.emgmm.data.LabelledData;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The two ways every command that fits or scores takes sample weights: {@code --sample-weights COLUMN}, a
 * column of the data (read with the data), or {@code --sample-weights-file FILE}, one number per data row
 * (applied after the data are read). At most one of them. Each command declares the two options itself, so
 * that its help says what the weights change there; the rules they share are here.
 */
final class SampleWeightSources {

    private SampleWeightSources() {
    }

    /**
     * Refuses both sources at once, in one line.
     *
     * @param column the --sample-weights column, or null
     * @param file   the --sample-weights-file file, or null
     * @param spec   the command, for the usage error
     * @throws ParameterException when both are given
     */
    static void requireAtMostOne(String column, Path file, CommandSpec spec) {
        if (column != null && file != null) {
            throw new ParameterException(spec.commandLine(), "--sample-weights and --sample-weights-file both give"
                    + " the sample weights: give only one");
        }
    }

    /**
     * The data with the weights of {@code file}, or as they were when there is no file.
     *
     * @param loaded the data as read (with a weight column's weights, if one was named)
     * @param file   the --sample-weights-file file, or null
     * @return the data with their sample weights
     */
    static LabelledData withFile(LabelledData loaded, Path file) {
        return file == null ? loaded : Datasets.withSampleWeightsFile(loaded, file);
    }
}
