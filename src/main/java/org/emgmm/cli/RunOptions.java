package org.emgmm.cli;

import java.nio.file.Path;
import java.util.List;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.Datasets;
import org.emgmm.data.LabelledData;
import org.emgmm.em.EmSettings;
import org.emgmm.em.InitMethod;
import org.emgmm.io.MixtureJson;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.InvalidMixtureException;
import org.emgmm.vectorised.VectorisedEm;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that say what EM runs on and how, shared by {@code fit} and {@code compare}: the data, K,
 * the start, the settings and the threads, with the checks and defaults they share.
 */
final class RunOptions {

    @Option(names = "--data", paramLabel = "FILE|NAME", completionCandidates = FitCommand.BundledNames.class,
            description = "A CSV file, or a bundled data set: ${COMPLETION-CANDIDATES}.")
    String data;

    @Option(names = {"-k", "--components"}, paramLabel = "K",
            description = "The number of components K; required unless --init gives them.")
    Integer components;

    @Option(names = "--init", paramLabel = "FILE.json",
            description = "Start from the mixture in this JSON file (weights, means, covariances); a file of means"
                    + " alone gets equal weights and the data's covariance.")
    Path init;

    @Option(names = "--init-method", paramLabel = "METHOD", completionCandidates = FitCommand.InitMethods.class,
            description = "Without --init, how to choose the start: ${COMPLETION-CANDIDATES}. random-points: K"
                    + " distinct data points as means, the data covariance, equal weights; random-responsibilities:"
                    + " one M-step from random responsibilities; k-means++: D² seeding; kmeans: Lloyd's algorithm"
                    + " from k-means++ centres (these three: weights, means and covariances from the points of"
                    + " each cluster, plus --reg-covar); sklearn-k-means++: scikit-learn's start, greedy D² seeding,"
                    + " the centres as means, --reg-covar times the identity as covariances, equal weights."
                    + " Default: random-points.")
    String initMethod;

    @Option(names = "--covariance-type", paramLabel = "TYPE", completionCandidates = CovarianceTypes.class,
            description = "The shape of each covariance, as in scikit-learn: ${COMPLETION-CANDIDATES}. full: any;"
                    + " diag: axis-aligned; spherical: round, one variance per component; tied: one full matrix"
                    + " shared by all components. Default: the --init file's type, otherwise full.")
    String covarianceType;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random start. Default: ${DEFAULT-VALUE}.")
    long seed = Main.DEFAULT_SEED;

    @Mixin
    EmOptions em = new EmOptions();

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads for the vectorised implementation (the others use one); the result is the same"
                    + " for any number. Default: every core, here ${DEFAULT-VALUE}.")
    int threads = VectorisedEm.defaultThreads();

    @Option(names = "--columns", split = ",", paramLabel = "COLUMN",
            description = "The columns to fit, by header name or 1-based index. Default: every numeric column.")
    List<String> columns;

    /** The settings, checked: a bad value is a usage error (and so is --components below 1). */
    EmSettings settings(CommandSpec spec) {
        if (components != null && components < 1) {
            throw new ParameterException(spec.commandLine(), "--components must be 1 or more, got " + components);
        }
        return em.settings(spec);
    }

    /** --data given, and exactly one of --init and --init-method, and K from somewhere. */
    void requireDataAndOneWayToStart(CommandSpec spec, String alternative) {
        if (data == null) {
            throw new ParameterException(spec.commandLine(), "missing --data: give a CSV file or a bundled data set ("
                    + String.join(", ", Datasets.bundledNames()) + ")" + alternative);
        }
        if (init != null && initMethod != null) {
            throw new ParameterException(spec.commandLine(), "--init and --init-method both choose the start: give"
                    + " only one");
        }
        if (initMethod != null) {
            method(spec);
        }
        if (covarianceType != null) {
            requestedType(spec);
        }
        if (init == null && components == null) {
            throw new ParameterException(spec.commandLine(), "missing --components K: say how many components to fit,"
                    + " or start from --init FILE.json");
        }
    }

    /** --n-init R, checked: at least 1, and more than 1 only with seeded starts (not one fixed --init file). */
    void requireRestartsPossible(int restarts, CommandSpec spec) {
        if (restarts < 1) {
            throw new ParameterException(spec.commandLine(), "--n-init must be 1 or more, got " + restarts);
        }
        if (restarts > 1 && init != null) {
            throw new ParameterException(spec.commandLine(), "--n-init " + restarts + " needs seeded starts, but"
                    + " --init gives one fixed start: drop --n-init or --init");
        }
    }

    /** The data, with a label column when one is named. */
    LabelledData load(String labelColumn) {
        return load(labelColumn, null);
    }

    /** The data, with a label column and a column of sample weights when they are named (null when not). */
    LabelledData load(String labelColumn, String weightColumn) {
        return Datasets.load(data, columns == null ? List.of() : columns, labelColumn, weightColumn);
    }

    /** The data file, which no output may replace; null for a bundled data set or none. */
    Path dataFile() {
        return data == null || Datasets.isBundled(data) ? null : Path.of(data);
    }

    /** The --init-method asked for (random-points when none is), checked: an unknown name is a usage error. */
    InitMethod method(CommandSpec spec) {
        if (initMethod == null) {
            return InitMethod.RANDOM_POINTS;
        }
        try {
            return InitMethod.byLabel(initMethod);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** θ₀: the init file's mixture, or the --init-method's start with --seed. */
    GaussianMixture start(DataMatrix points, CommandSpec spec) {
        return start(points, spec, seed);
    }

    /**
     * θ₀: the init file's mixture, or the --init-method's start with the given seed, of the covariance type
     * asked for: a computed start is constrained to it, a file's covariances must already have its shape.
     */
    GaussianMixture start(DataMatrix points, CommandSpec spec, long seed) {
        if (init == null) {
            CovarianceType type = covarianceType == null ? CovarianceType.FULL : requestedType(spec);
            return method(spec).start(points, components, seed, em.regCovar).constrainedTo(type);
        }
        GaussianMixture fromFile = fromInitFile(points);
        if (components != null && components != fromFile.components()) {
            throw new ParameterException(spec.commandLine(), "--components " + components + " disagrees with the "
                    + fromFile.components() + " components in " + init + ": drop --components or change it");
        }
        if (covarianceType == null) {
            return fromFile;
        }
        try {
            return fromFile.withCovarianceType(requestedType(spec));
        } catch (InvalidMixtureException e) {
            throw new InvalidMixtureException(e.component(), "--init " + init + " does not fit --covariance-type "
                    + covarianceType + ": " + e.getMessage());
        }
    }

    /**
     * The --init file's mixture; a file of {@code "means"} alone (scikit-learn's means_init) is completed with
     * equal weights 1/K and the data's covariance for every component, the rest of the random-points start.
     */
    private GaussianMixture fromInitFile(DataMatrix points) {
        double[][] means = MixtureJson.meansOnly(init);
        if (means == null) {
            return MixtureJson.read(init);
        }
        if (means[0].length != points.columns()) {
            throw new InvalidMixtureException(-1, init + ": the means have " + means[0].length + " values each but"
                    + " the data has " + points.columns() + " columns: give one mean value per column");
        }
        double[] flat = new double[means.length * points.columns()];
        for (int k = 0; k < means.length; k++) {
            System.arraycopy(means[k], 0, flat, k * points.columns(), points.columns());
        }
        return org.emgmm.em.Initialisation.withDataCovariance(points, means.length, flat);
    }

    /** The --covariance-type asked for, checked, or full when none is. */
    CovarianceType covarianceTypeOrFull(CommandSpec spec) {
        return covarianceType == null ? CovarianceType.FULL : requestedType(spec);
    }

    /** The --covariance-type asked for, checked: an unknown name is a usage error. */
    private CovarianceType requestedType(CommandSpec spec) {
        try {
            return CovarianceType.byLabel(covarianceType);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--covariance-type: " + e.getMessage());
        }
    }

    /** The covariance type names, for --help and completion. */
    static final class CovarianceTypes implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return CovarianceType.labels().iterator();
        }
    }

    /** "random-points start, seed 1" or "start from m.json". */
    String startDescription() {
        return init != null ? "start from " + init
                : (initMethod == null ? InitMethod.RANDOM_POINTS.label() : initMethod) + " start, seed " + seed;
    }
}
