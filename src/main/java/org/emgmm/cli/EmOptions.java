package org.emgmm.cli;

import org.emgmm.em.EmSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * EM's settings as options, {@code --max-iter}, {@code --tol} and {@code --reg-covar}, with their defaults
 * and checks: one declaration for every command that runs EM ({@code fit} and {@code compare} through
 * {@link RunOptions}, {@code plot}, {@code select}).
 */
final class EmOptions {

    @Option(names = "--max-iter", paramLabel = "M", description = "The most iterations of each run of EM."
            + " Default: ${DEFAULT-VALUE}.")
    int maxIterations = EmSettings.DEFAULT_MAX_ITERATIONS;

    @Option(names = "--tol", paramLabel = "T",
            description = "Stop when the log-likelihood per point changes by less than T. Default: ${DEFAULT-VALUE}.")
    double tolerance = EmSettings.DEFAULT_TOLERANCE;

    @Option(names = "--reg-covar", paramLabel = "R",
            description = "Added to each covariance's diagonal after every M-step. Default: ${DEFAULT-VALUE}.")
    double regCovar = EmSettings.DEFAULT_REG_COVAR;

    /** The settings, checked: a bad value is a usage error naming its option. */
    EmSettings settings(CommandSpec spec) {
        if (maxIterations < 0) {
            throw new ParameterException(spec.commandLine(), "--max-iter must be 0 or more, got " + maxIterations);
        }
        if (!(tolerance >= 0.0) || Double.isInfinite(tolerance)) {
            throw new ParameterException(spec.commandLine(), "--tol must be a finite number, 0 or more, got "
                    + tolerance);
        }
        if (!(regCovar >= 0.0) || Double.isInfinite(regCovar)) {
            throw new ParameterException(spec.commandLine(), "--reg-covar must be a finite number, 0 or more, got "
                    + regCovar);
        }
        return new EmSettings(maxIterations, tolerance, regCovar);
    }
}
