package org.emgmm.grading;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.exercises.Ex4EStep;
import org.emgmm.exercises.StudentVectorisedEm;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Generators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Not graded, but shown: how much faster the student's vectorised E-step (exercise 10, through
 * {@link StudentVectorisedEm}) is than their per-point one (exercise 4), measured on the student's own
 * machine, in one line under the score table:
 * <pre>
 *   your vectorised E-step: 4.2× faster than your Ex4 E-step on 50,000×10, K = 5 (median of 5)
 * </pre>
 * When exercise 4's E-step does not give the library's responsibilities, the library's per-point loops
 * ({@link LoopsEm}) stand in for it, and the line says so. Nothing is ever asserted on a time: the line
 * is shown only when exercise 10's E-step passes its graded tests ({@link #lineAfterTable}).
 *
 * <p>A student's grading run ({@link GradeExercises}) runs this class when exercise 10 is graded; its
 * name does not end in {@code Test}, so no other build runs it.
 */
@EnabledIf(value = "exercise10IsGraded", disabledReason = "exercise 10 is not graded in this run")
class SpeedUpMeasurement {

    /**
     * Points timed: 50,000 make an E-step take tens of milliseconds per point-loop, long enough for the
     * clock (a microsecond) and the JIT's pauses to be noise, short enough for the whole measurement to
     * take about a second.
     */
    static final int POINTS = 50_000;

    /** Coordinates: 10, where the triangular solve (D²/2 multiply-adds per point) is most of the work. */
    static final int DIMENSION = 10;

    /** Components: 5, a typical K. */
    static final int COMPONENTS = 5;

    /**
     * Runs of each E-step before timing: 5 runs of 250,000 (point, component) pairs each; with fewer, on
     * 2 busy cores, the vectorised loops were sometimes timed before HotSpot had finished compiling them.
     */
    static final int WARM_UP_RUNS = 5;

    /** Timed runs of each: the median of 5 ignores one or two runs slowed by a garbage collection. */
    static final int TIMED_RUNS = 5;

    /** The seed of the timed mixture and points: the same case on every machine. */
    static final long SEED = 10L;

    /**
     * Agreement asked of exercise 4's E-step with the library before it is timed as "your Ex4 E-step":
     * that of its own graded tests ({@code Exercise4Test}).
     */
    static final double EX4_AGREEMENT = 1e-10;

    /** The graded tests of exercise 10 that grade the E-step, by method name. */
    static final Set<String> E_STEP_TESTS = Set.of("everyBlockCounts()", "eachPointHasItsOwnShift()",
            "inputsStayAndResultsAreNew()", "responsibilitiesMatchTheLibrary()", "logLikelihoodMatchesTheLibrary()");

    /** The measured line, once measured; null before, or when the measurement could not finish. */
    private static volatile String measured;

    /** Whether this run grades exercise 10 ({@code -Dexercise} unset, or naming it). */
    static boolean exercise10IsGraded() {
        Set<Integer> selected = GradingExtension.selectedExercises();
        return selected.isEmpty() || selected.contains(10);
    }

    /**
     * Times the two E-steps, in a thread of its own that the graded tests' time limit cuts off: a slow or
     * endless E-step leaves no line, never a failure.
     */
    @Test
    void measure() {
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "speed-up-measurement");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<String> line = executor.submit(SpeedUpMeasurement::timeBoth);
            measured = line.get(GradingExtension.timeoutSeconds(), TimeUnit.SECONDS);
        } catch (Exception | AssertionError e) {
            measured = null;
        } finally {
            executor.shutdownNow();
            StudentCode.stopRunaways();
        }
    }

    /** The line, from the median times of the vectorised E-step and the per-point one. */
    private static String timeBoth() {
        SplittableRandom random = new SplittableRandom(SEED);
        GaussianMixture model = Generators.mixture(random, DIMENSION, COMPONENTS);
        // Uniform points around the means: an E-step's time does not depend on where the points lie.
        double[] values = new double[POINTS * DIMENSION];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(-15.0, 15.0);
        }
        DataMatrix data = new DataMatrix(POINTS, DIMENSION, values, DataMatrix.defaultNames(DIMENSION));
        StudentVectorisedEm vectorised = new StudentVectorisedEm();
        EStep expected = new LoopsEm().eStep(data, model);
        boolean ex4Agrees;
        try {
            EStep ex4 = StudentCode.call("Ex4EStep.eStep", () -> Ex4EStep.eStep(data, model));
            ex4Agrees = Expect.isClose(expected.logLikelihood(), ex4.logLikelihood(), EX4_AGREEMENT)
                    && maxDifference(expected, ex4) <= EX4_AGREEMENT;
        } catch (Exception | AssertionError e) {
            ex4Agrees = false;
        }
        Timed perPoint = ex4Agrees ? () -> Ex4EStep.eStep(data, model) : () -> new LoopsEm().eStep(data, model);
        double[] medians = interleavedMedians(() -> vectorised.eStep(data, model), perPoint);
        double ratio = medians[1] / medians[0];
        String against = ex4Agrees ? "your Ex4 E-step"
                : "the library's loops E-step (your Ex4 E-step does not give the library's responsibilities yet)";
        return String.format(java.util.Locale.ROOT, "your vectorised E-step: %.1f× %s than %s on %,d×%d, K = %d"
                + " (median of %d)", ratio >= 1.0 ? ratio : 1.0 / ratio, ratio >= 1.0 ? "faster" : "slower", against,
                POINTS, DIMENSION, COMPONENTS, TIMED_RUNS);
    }

    /** The largest |r − r'| over all entries. */
    private static double maxDifference(EStep a, EStep b) {
        double[] x = a.responsibilities().toFlatArray();
        double[] y = b.responsibilities().toFlatArray();
        if (x.length != y.length) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0.0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(x[i] - y[i]));
        }
        return Double.isNaN(max) ? Double.POSITIVE_INFINITY : max;
    }

    /** One E-step, to be timed. */
    @FunctionalInterface
    private interface Timed {
        EStep run();
    }

    /**
     * The median times of {@code first} and {@code second}, in milliseconds, over {@link #TIMED_RUNS} runs
     * each after {@link #WARM_UP_RUNS}: the two take turns, so that both see the machine as it is at that
     * moment (another program's load, the JIT compiling in the background) rather than one of them all the
     * quiet runs.
     */
    private static double[] interleavedMedians(Timed first, Timed second) {
        for (int run = 0; run < WARM_UP_RUNS; run++) {
            first.run();
            second.run();
        }
        double[] firstMillis = new double[TIMED_RUNS];
        double[] secondMillis = new double[TIMED_RUNS];
        for (int run = 0; run < TIMED_RUNS; run++) {
            firstMillis[run] = millis(first);
            secondMillis[run] = millis(second);
        }
        Arrays.sort(firstMillis);
        Arrays.sort(secondMillis);
        return new double[] {firstMillis[TIMED_RUNS / 2], secondMillis[TIMED_RUNS / 2]};
    }

    /** The time of one run, in milliseconds. */
    private static double millis(Timed eStep) {
        long start = System.nanoTime();
        eStep.run();
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * The line to print under the score table: the measured one when every graded test of exercise 10's
     * E-step ({@link #E_STEP_TESTS}) passed in this run, else nothing.
     *
     * @param reported the graded tests of the run
     * @return the line and its line break, or ""
     */
    static String lineAfterTable(Collection<GradedTest> reported) {
        String line = measured;
        if (line == null) {
            return "";
        }
        long passed = reported.stream().filter(test -> test.exercise == 10 && !test.hidden
                && E_STEP_TESTS.contains(methodName(test)) && test.status == GradedTest.Status.PASSED).count();
        return passed == E_STEP_TESTS.size() ? line + "\n" : "";
    }

    /** The method of a graded test, e.g. "everyBlockCounts()". */
    private static String methodName(GradedTest test) {
        return test.id.getLastSegment().getValue();
    }
}
