package org.emgmm.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmLoop;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Restarts;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.univariate.UnivariateEm;
import org.emgmm.vectorised.VectorisedEm;

/**
 * Runs several EM implementations from the same start with the same settings and says whether they
 * agree: the engine of {@code em-gmm compare}.
 *
 * <p>Each implementation runs once untimed from the first start, so that the JIT has compiled it, then
 * timed from every start it is given: one start, or the R starts of {@code --n-init R}, the same R for
 * every implementation ({@link Restarts#best}). Its row holds the run with the highest final
 * log-likelihood and says which run that was. An implementation that cannot run keeps its row with the
 * reason, and the others go on; one whose M-step does not keep the start's {@link CovarianceType}
 * ({@link EmAlgorithm#supports}) is not applicable, and its row says so.
 *
 * <p><b>Agreement.</b> The reference is {@code vectorised} (or, if it did not run, the first that did).
 * Another implementation agrees when it ran the same number of iterations, its trace is within
 * {@value #AGREEMENT_TOLERANCE} of the reference's at every iteration, relative to max(1, |value|), and
 * its parameters are within {@value #AGREEMENT_TOLERANCE} relative ({@link #parameterDifference}). The
 * tolerance is the one the cross-implementation tests hold every implementation to.
 */
public final class Comparison {

    /** How close two implementations' traces and parameters must be to agree: see the class comment. */
    public static final double AGREEMENT_TOLERANCE = 1e-9;

    /** {@link #AGREEMENT_TOLERANCE} as the reports print it. */
    public static final String TOLERANCE_TEXT = "1e-9";

    /**
     * One implementation's row.
     *
     * @param implementation         its name
     * @param result                 the timed run, or null when it did not run
     * @param maxParameterDifference {@link #parameterDifference} against the reference; NaN without one
     * @param speedUpOverLoops       loops' ms per iteration over this one's; NaN when loops did not run
     * @param error                  why it failed; null when it ran or was skipped
     * @param skipped                why it did not run (univariate on D &gt; 1, the exercises not built);
     *                               null otherwise
     * @param notApplicable          why it cannot fit this covariance type; null when it can
     * @param bestRun                which start its reported run came from, 0-based; −1 when it did not run
     */
    public record Row(String implementation, EmResult result, double maxParameterDifference, double speedUpOverLoops,
            String error, String skipped, String notApplicable, int bestRun) {

        /** {@return whether it ran} */
        public boolean ran() {
            return result != null;
        }

        /** {@return what the table shows instead of numbers: the failure or the reason it was skipped; null when it ran} */
        public String reason() {
            if (error != null) {
                return "failed: " + error;
            }
            if (notApplicable != null) {
                return "not applicable: " + notApplicable;
            }
            return skipped != null ? "skipped: " + skipped : null;
        }
    }

    /**
     * Where an implementation's trace first left the reference's.
     *
     * @param implementation the one that left
     * @param iteration      the first iteration whose trace entries differ by more than the tolerance, or
     *                       −1 when the traces agree but the parameters or iteration counts do not
     * @param gap            its trace minus the reference's there (0 when iteration is −1)
     */
    public record Departure(String implementation, int iteration, double gap) {
    }

    /**
     * Everything a comparison found.
     *
     * @param rows       one per implementation asked for, in that order
     * @param reference  the implementation the others were measured against, or null if none ran
     * @param departures     the implementations that ran and do not agree with the reference
     * @param covarianceType the type every implementation fitted (the starts' type)
     * @param starts         the starts every implementation ran from, in run order: one, or R with
     *                       {@code --n-init R}
     * @param regCovar       the reg-covar every implementation ran with: what says whether a component
     *                       collapsed ({@link org.emgmm.selection.Cell#collapsedComponents})
     */
    public record Outcome(List<Row> rows, String reference, List<Departure> departures,
            CovarianceType covarianceType, List<Restarts.Start> starts, double regCovar) {

        /** {@return how many starts each implementation ran from} */
        public int runs() {
            return starts.size();
        }

        /** {@return the rows of implementations that ran, in table order} */
        public List<Row> ran() {
            return rows.stream().filter(Row::ran).toList();
        }

        /** {@return whether at least two ran and every one agrees with the reference} */
        public boolean allAgree() {
            return ran().size() >= 2 && departures.isEmpty();
        }

        /** {@return the one-line verdict printed below the table, e.g. "agreement: all 4 implementations …"} */
        public String agreementLine() {
            List<Row> ran = ran();
            if (ran.isEmpty()) {
                return "agreement: no implementation ran";
            }
            if (ran.size() == 1) {
                return "agreement: only " + ran.get(0).implementation() + " ran, nothing to compare it with";
            }
            if (departures.isEmpty()) {
                return String.format(Locale.ROOT, "agreement: all %d implementations that ran agree within %s"
                        + " (traces and parameters, against %s)", ran.size(), TOLERANCE_TEXT, reference);
            }
            List<String> parts = new ArrayList<>();
            for (Departure departure : departures) {
                parts.add(departure.iteration() < 0
                        ? departure.implementation() + " ends elsewhere (its trace agrees, its parameters or iteration"
                                + " count do not)"
                        : String.format(Locale.ROOT, "%s left %s's trace at iteration %d, by %+.6g per point",
                                departure.implementation(), reference, departure.iteration(), departure.gap()));
            }
            return String.format(Locale.ROOT, "agreement: NO: %s (tolerance %s)", String.join("; ", parts),
                    TOLERANCE_TEXT);
        }
    }

    private Comparison() {
    }

    /**
     * One implementation to run, or the reason it cannot run here.
     *
     * @param name        its name
     * @param algorithm   the implementation, or null when it is unavailable
     * @param unavailable why it is unavailable (e.g. the exercises are not built); null when it is
     */
    public record Entry(String name, EmAlgorithm algorithm, String unavailable) {

        /**
         * An available implementation.
         *
         * @param algorithm the implementation
         * @return an entry under its own name
         */
        public static Entry of(EmAlgorithm algorithm) {
            return new Entry(algorithm.name(), algorithm, null);
        }
    }

    /**
     * Runs every available algorithm from {@code start}, in order.
     *
     * @param data       N×D. Not modified.
     * @param start      θ₀, the same for every implementation
     * @param settings   iteration limit, tolerance, reg-covar
     * @param algorithms the implementations, in the order of the table
     * @return the rows, the reference and the departures from it
     */
    public static Outcome run(DataMatrix data, GaussianMixture start, EmSettings settings,
            List<EmAlgorithm> algorithms) {
        return runEntries(data, start, settings, algorithms.stream().map(Entry::of).toList());
    }

    /**
     * Runs every available entry from {@code start}; the others keep a row with their reason.
     *
     * @param data     N×D. Not modified.
     * @param start    θ₀, the same for every implementation
     * @param settings iteration limit, tolerance, reg-covar
     * @param entries  the implementations, in the order of the table
     * @return the rows, the reference and the departures from it
     */
    public static Outcome runEntries(DataMatrix data, GaussianMixture start, EmSettings settings,
            List<Entry> entries) {
        return runEntries(data, List.of(new Restarts.Start(start, ONE_START_SEED)), settings, entries);
    }

    /**
     * The seed recorded for a single given start, which was not drawn from a seed. Never reported: with
     * one start there is no choice of run to report.
     */
    static final long ONE_START_SEED = 0L;

    /**
     * Runs every available entry from each of {@code starts} and keeps its best run; the others keep a
     * row with their reason.
     *
     * @param data     N×D. Not modified.
     * @param starts   at least one, all of the same dimension, K and covariance type
     * @param settings iteration limit, tolerance, reg-covar
     * @param entries  the implementations, in the order of the table
     * @return the rows, the reference and the departures from it
     */
    public static Outcome runEntries(DataMatrix data, List<Restarts.Start> starts, EmSettings settings,
            List<Entry> entries) {
        GaussianMixture first = starts.get(0).mixture();
        for (Restarts.Start start : starts) {
            EmLoop.requireCompatible(data, start.mixture());
        }
        CovarianceType type = first.covarianceType();
        List<String> names = new ArrayList<>();
        List<EmResult> results = new ArrayList<>();
        List<Integer> bestRuns = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> skips = new ArrayList<>();
        List<String> notApplicable = new ArrayList<>();
        for (Entry entry : entries) {
            EmAlgorithm algorithm = entry.algorithm();
            names.add(entry.name());
            String skip = algorithm == null ? entry.unavailable() : whySkipped(algorithm, data);
            String unfit = skip == null ? whyNotApplicable(algorithm, type) : null;
            skips.add(skip);
            notApplicable.add(unfit);
            Restarts.Best best = null;
            String error = null;
            if (skip == null && unfit == null) {
                try {
                    algorithm.fit(data, first, settings);                         // warm-up, untimed
                    best = Restarts.best(algorithm, data, starts, settings);
                } catch (RuntimeException | StackOverflowError e) {
                    error = Failures.describe(e);
                }
            }
            results.add(best == null ? null : best.result());
            bestRuns.add(best == null ? -1 : best.run());
            errors.add(error);
        }
        int referenceIndex = referenceIndex(names, results);
        EmResult reference = referenceIndex < 0 ? null : results.get(referenceIndex);
        double loopsMillis = Double.NaN;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(org.emgmm.loops.LoopsEm.NAME) && results.get(i) != null) {
                loopsMillis = results.get(i).millisPerIteration();
            }
        }
        List<Row> rows = new ArrayList<>();
        List<Departure> departures = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            EmResult result = results.get(i);
            double difference = result == null || reference == null ? Double.NaN
                    : parameterDifference(reference.model(), result.model());
            double speedUp = result == null ? Double.NaN : loopsMillis / result.millisPerIteration();
            rows.add(new Row(names.get(i), result, difference, speedUp, errors.get(i), skips.get(i),
                    notApplicable.get(i), bestRuns.get(i)));
            if (result != null && i != referenceIndex) {
                Departure departure = departure(names.get(i), reference, result, difference);
                if (departure != null) {
                    departures.add(departure);
                }
            }
        }
        return new Outcome(rows, referenceIndex < 0 ? null : names.get(referenceIndex), departures, type,
                List.copyOf(starts), settings.regCovar());
    }

    /**
     * Why an implementation cannot fit this covariance type.
     *
     * @param algorithm the implementation
     * @param type      the covariance type of the starts
     * @return the reason, naming the types it does fit; null when it can fit this one
     */
    public static String whyNotApplicable(EmAlgorithm algorithm, CovarianceType type) {
        if (algorithm.supports(type)) {
            return null;
        }
        List<String> supported = supportedLabels(algorithm);
        return "its M-step does not keep " + type.label() + " covariances"
                + (supported.isEmpty() ? "" : " (it fits " + String.join(", ", supported) + " only)");
    }

    private static List<String> supportedLabels(EmAlgorithm algorithm) {
        return java.util.Arrays.stream(CovarianceType.values()).filter(algorithm::supports)
                .map(CovarianceType::label).toList();
    }

    /** Why an implementation does not apply to this data, or null when it does. */
    private static String whySkipped(EmAlgorithm algorithm, DataMatrix data) {
        if (algorithm.name().equals(UnivariateEm.NAME) && data.columns() != 1) {
            return "univariate fits one column, the data has " + data.columns();
        }
        if (data.isWeighted() && !algorithm.supportsSampleWeights()) {
            return algorithm.name() + " takes no sample weights";
        }
        return null;
    }

    private static int referenceIndex(List<String> names, List<EmResult> results) {
        int first = -1;
        for (int i = 0; i < names.size(); i++) {
            if (results.get(i) != null) {
                if (names.get(i).equals(VectorisedEm.NAME)) {
                    return i;
                }
                if (first < 0) {
                    first = i;
                }
            }
        }
        return first;
    }

    /**
     * Where {@code result} first leaves {@code reference}.
     *
     * @param name                the name of the implementation that gave {@code result}
     * @param reference           the reference implementation's result
     * @param result              the result to measure
     * @param parameterDifference {@link #parameterDifference} of the two results' parameters
     * @return the first iteration whose trace entries differ by more than {@value #AGREEMENT_TOLERANCE}
     *         (relative), a departure at −1 when only the parameters or the iteration counts differ, or null
     *         when they agree
     */
    public static Departure departure(String name, EmResult reference, EmResult result, double parameterDifference) {
        double[] expected = reference.trace();
        double[] actual = result.trace();
        int common = Math.min(expected.length, actual.length);
        for (int t = 0; t < common; t++) {
            if (!(Math.abs(actual[t] - expected[t]) <= AGREEMENT_TOLERANCE * Math.max(1.0, Math.abs(expected[t])))) {
                return new Departure(name, t, actual[t] - expected[t]);
            }
        }
        if (expected.length != actual.length || !(parameterDifference <= AGREEMENT_TOLERANCE)) {
            return new Departure(name, -1, 0.0);
        }
        return null;
    }

    /**
     * The largest relative difference between two mixtures' parameters: for the weights, each mean and
     * each covariance, max |a − b| over the entries divided by max |b| over the same entries (so each
     * vector is measured against its own scale), then the largest of those. 0 for identical mixtures;
     * infinite when the shapes differ.
     *
     * @param reference the mixture that gives the scale
     * @param other     the mixture to measure against it
     * @return the largest relative difference, 0 or more; NaN when a parameter is NaN
     */
    public static double parameterDifference(GaussianMixture reference, GaussianMixture other) {
        if (reference.components() != other.components() || reference.dimension() != other.dimension()) {
            return Double.POSITIVE_INFINITY;
        }
        double largest = relativeDifference(reference.weights(), other.weights());
        for (int k = 0; k < reference.components(); k++) {
            largest = Math.max(largest, relativeDifference(reference.mean(k), other.mean(k)));
            largest = Math.max(largest, relativeDifference(reference.covariance(k), other.covariance(k)));
        }
        return largest;
    }

    private static double relativeDifference(double[] expected, double[] actual) {
        double scale = 0.0;
        double difference = 0.0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            difference = Math.max(difference, Math.abs(actual[i] - expected[i]));
        }
        if (Double.isNaN(difference)) {
            return Double.NaN;
        }
        return scale == 0.0 ? difference : difference / scale;
    }
}
