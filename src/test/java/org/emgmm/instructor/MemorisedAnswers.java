package org.emgmm.instructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.emgmm.data.DataMatrix;
import org.emgmm.data.MixtureSampler;
import org.emgmm.data.NotebookSetups;
import org.emgmm.em.EStep;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Initialisation;
import org.emgmm.em.Responsibilities;
import org.emgmm.exercises.Ex1NormalPdf;
import org.emgmm.exercises.Ex2LogSumExp;
import org.emgmm.exercises.Ex3CholeskyDensity;
import org.emgmm.exercises.Ex4EStep;
import org.emgmm.exercises.Ex5MStep;
import org.emgmm.exercises.Ex6EmLoop;
import org.emgmm.exercises.Ex7UnivariateEm;
import org.emgmm.exercises.Ex8KMeansPlusPlus;
import org.emgmm.exercises.Ex9Bic;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.vectorised.VectorisedEm;

/**
 * The memorising attack of issue 18 (item 7): for every input that the graded tests used to fix, by hand
 * or by a fixed seed, and that a student could read in the tests, the right answer written out as a
 * literal, and returned when exactly that input comes back. The answers are the worked solutions', taken
 * here in the test's JVM (where the solutions are compiled with the library); the inputs are those of the
 * graded tests before they drew their inputs from the run's seed.
 *
 * <p>{@link #lines()} gives, by "Class.method", the lines {@code if (INPUT) { return ANSWER; }} that
 * {@link PlantedSubmissions#write} puts before a method's trivial answer.
 */
final class MemorisedAnswers {

    private MemorisedAnswers() {
    }

    /** The old tests' seed of every start in exercise 9. */
    private static final long OLD_START_SEED = 3;

    private final Map<String, List<String>> lines = new LinkedHashMap<>();

    /** Adds one memorised answer to {@code method}. */
    private void memo(String method, String input, String answer) {
        lines.computeIfAbsent(method, m -> new ArrayList<>()).add("if (" + input + ") { return " + answer + "; }");
    }

    /**
     * The memorised answers for the old fixed inputs.
     *
     * @return by "Class.method", the lines to put before its trivial answer
     */
    static Map<String, List<String>> lines() {
        MemorisedAnswers memos = new MemorisedAnswers();
        memos.exercises1To3();
        memos.exercises4And5();
        memos.exercises6And7();
        memos.exercises8And9();
        return memos.lines;
    }

    private void exercises1To3() {
        for (double[] call : new double[][] {{3, 3, 4}, {5, 3, 4}}) {
            memo("Ex1NormalPdf.pdf", "x == " + lit(call[0]) + " && mean == " + lit(call[1]) + " && variance == "
                    + lit(call[2]), lit(Ex1NormalPdf.pdf(call[0], call[1], call[2])));
        }
        memo("Ex1NormalPdf.logPdf", "x == 40.0 && mean == 0.0 && variance == 1.0", lit(Ex1NormalPdf.logPdf(40, 0, 1)));
        double inf = Double.NEGATIVE_INFINITY;
        for (double[] a : new double[][] {{1000, 1000}, {0, 1000}, {-1000, -1000}, {inf, 0}, {2, inf}, {inf, inf},
            {3.0, -1.0, 7.0, inf, 0.5}, {-1000.0, -1001.0}, {1000.0, 999.0}}) {
            memo("Ex2LogSumExp.logSumExp", same("a", a), lit(Ex2LogSumExp.logSumExp(a.clone())));
        }
        for (double[] a : new double[][] {{-1000.0, -1001.0, -1002.0}, {2.0, inf, 3.0}}) {
            memo("Ex2LogSumExp.normalise", same("a", a), lit(Ex2LogSumExp.normalise(a.clone())));
        }
        double[][] matrices = {{4, 2, 2, 3}, {1, 2, 2, 1}, new double[9], {4.0, 2.0, 0.4, 2.0, 3.0, 0.5, 0.4, 0.5, 2.0},
            {1.0, 2.0, 2.0, 1.0}};
        for (double[] a : matrices) {
            int d = (int) Math.round(Math.sqrt(a.length));
            memo("Ex3CholeskyDensity.cholesky", same("a", a) + " && d == " + d,
                    lit(Ex3CholeskyDensity.cholesky(a.clone(), d)));
        }
        double[] lower = {2.0, 9.0, 9.0, 1.0, 3.0, 9.0, 0.5, -1.0, 4.0};
        for (double[] b : new double[][] {{2.0, 7.0, -3.0}, {4.0, 5.0, 6.0}}) {
            memo("Ex3CholeskyDensity.forwardSubstitution", same("lower", lower) + " && " + same("b", b),
                    lit(Ex3CholeskyDensity.forwardSubstitution(lower.clone(), 3, b.clone())));
        }
        double[] factor = {2.0, 9.0, 9.0, 1.0, 3.0, 9.0, 0.5, -1.0, 5.0};
        memo("Ex3CholeskyDensity.logDeterminant", same("lower", factor) + " && d == 3",
                lit(Ex3CholeskyDensity.logDeterminant(factor.clone(), 3)));
        // The 100-dimensional cases, told apart by a glance at their first entries.
        double[] identity = new double[100 * 100];
        double[] covariance = new double[100 * 100];
        double[] x = new double[100];
        for (int i = 0; i < 100; i++) {
            identity[i * 100 + i] = 1e-2;
            covariance[i * 100 + i] = 1e-4;
            x[i] = 0.01;
        }
        memo("Ex3CholeskyDensity.logDeterminant", "d == 100 && lower[0] == 1e-2 && lower[101] == 1e-2",
                lit(Ex3CholeskyDensity.logDeterminant(identity, 100)));
        memo("Ex3CholeskyDensity.logDensity", "x.length == 100 && x[0] == 0.01 && covariance[0] == 1e-4",
                lit(Ex3CholeskyDensity.logDensity(x, new double[100], covariance)));
        double[] point = {1.0, 2.0};
        double[] mean = {0.5, -1.0};
        double[] sigma = {4.0, 2.0, 2.0, 3.0};
        memo("Ex3CholeskyDensity.logDensity", same("x", point) + " && " + same("mean", mean) + " && "
                + same("covariance", sigma), lit(Ex3CholeskyDensity.logDensity(point, mean, sigma)));
    }

    private void exercises4And5() {
        double[][][] unit = {{{1.0}}, {{1.0}}};
        GaussianMixture identical = GaussianMixture.of(new double[] {0.1, 0.9}, new double[][] {{0.0}, {0.0}}, unit);
        GaussianMixture single = GaussianMixture.of(new double[] {1.0}, new double[][] {{0.0}},
                new double[][][] {{{1.0}}});
        GaussianMixture near = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0.0}, {1.0}}, unit);
        GaussianMixture first = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0.0}, {4.0}}, unit);
        GaussianMixture swapped = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{4.0}, {0.0}}, unit);
        Object[][] eSteps = {
            {column(-1.0, 0.0, 2.0), identical}, {column(0.0, 1.0, 2.0), single}, {column(0.0, 1.0, 2.0), identical},
            {column(50.0, -50.0), near}, {column(-1.0, 0.0, 1.0, 3.0, 4.0, 5.0), first},
            {column(-1.0, 0.0, 1.0, 3.0, 4.0, 5.0), swapped}};
        for (Object[] call : eSteps) {
            DataMatrix data = (DataMatrix) call[0];
            GaussianMixture model = (GaussianMixture) call[1];
            memo("Ex4EStep.eStep", same("data", data) + " && " + same("model", model),
                    lit(Ex4EStep.eStep(data, model)));
        }
        DataMatrix square = DataMatrix.ofRows(new double[][] {{0, 0}, {2, 0}, {0, 2}, {2, 2}});
        Responsibilities all = Responsibilities.wrap(4, 1, new double[] {1, 1, 1, 1});
        memo("Ex5MStep.weightedCovariance", same("data", square) + " && nk == 4.0 && regCovar == 0.0",
                lit(Ex5MStep.weightedCovariance(square, all, 0, 4.0, new double[] {1.0, 1.0}, 0.0)));
        double[][][] identity = {{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}};
        Object[][] mSteps = {
            {Responsibilities.wrap(4, 2, new double[] {1, 0, 1, 0, 1, 0, 0, 1}), GaussianMixture.of(new double[] {0.5,
                0.5}, new double[][] {{0, 0}, {2, 2}}, identity), 1e-6},
            {all, GaussianMixture.of(new double[] {1.0}, new double[][] {{0, 0}}, new double[][][] {{{1, 0}, {0, 1}}}),
                0.5},
            {Responsibilities.wrap(4, 2, new double[] {1, 0, 1, 0, 1, 0, 1, 0}), GaussianMixture.of(new double[] {0.5,
                0.5}, new double[][] {{0, 0}, {7, 8}}, new double[][][] {{{1, 0}, {0, 1}}, {{2, 0.5}, {0.5, 3}}}),
                1e-6}};
        for (Object[] call : mSteps) {
            Responsibilities r = (Responsibilities) call[0];
            GaussianMixture previous = (GaussianMixture) call[1];
            double regCovar = (Double) call[2];
            memo("Ex5MStep.mStep", same("data", square) + " && " + same("r.toFlatArray()", r.toFlatArray()) + " && "
                    + same("previous", previous) + " && regCovar == " + lit(regCovar),
                    lit(Ex5MStep.mStep(square, r, previous, regCovar)));
        }
    }

    private void exercises6And7() {
        double[][] converged = {{-1.0, -1.0 + 1e-7, 1e-6}, {-1.0, -0.9, 1e-6}, {-1.0, -1.0 - 1e-7, 1e-6},
            {-1.0, -2.0, 1e-6}, {0.5, 0.75, 0.25}, {-2.0, -2.0, 0.0}};
        for (double[] call : converged) {
            memo("Ex6EmLoop.hasConverged", "previous == " + lit(call[0]) + " && current == " + lit(call[1])
                    + " && tolerance == " + lit(call[2]), String.valueOf(Ex6EmLoop.hasConverged(call[0], call[1],
                            call[2])));
        }
        DataMatrix groups = column(-0.5, 0.0, 0.5, 9.5, 10.0, 10.5);
        GaussianMixture three = GaussianMixture.of(new double[] {0.4, 0.4, 0.2}, new double[][] {{0.0}, {10.0},
            {1e6}}, new double[][][] {{{1.0}}, {{1.0}}, {{1.0}}});
        EmSettings settings = new EmSettings(5, 1e-6, 1e-6);
        memo("Ex6EmLoop.run", same("data", groups) + " && " + same("start", three),
                lit(Ex6EmLoop.run(new LoopsEm(), groups, three, settings)));

        double[] outlier = {0.1, -0.3, 0.2, 1.1, 0.9, 60.0};
        GaussianMixture pair = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0.0}, {1.0}},
                new double[][][] {{{1.0}}, {{1.0}}});
        memo("Ex7UnivariateEm.step", same("x", outlier), lit(Ex7UnivariateEm.step(outlier.clone(), pair, 1e-6)));
        double[] promised = {4.2, -2.1, 0.3, 6.1, -0.7, 5.0};
        GaussianMixture model = GaussianMixture.of(new double[] {0.4, 0.6}, new double[][] {{0.0}, {5.0}},
                new double[][][] {{{1.0}}, {{2.0}}});
        memo("Ex7UnivariateEm.logLikelihood", same("x", promised), lit(Ex7UnivariateEm.logLikelihood(promised.clone(),
                model)));
        memo("Ex7UnivariateEm.step", same("x", promised), lit(Ex7UnivariateEm.step(promised.clone(), model, 1e-6)));
        memo("Ex7UnivariateEm.fit", same("x", promised) + " && iterations == 3",
                lit(Ex7UnivariateEm.fit(promised.clone(), model, 3, 1e-6)));
        // Seed 004's 10,000 points: told apart by their number and first value.
        double[] seed004 = NotebookSetups.byName("seed-004").draw(4).data().toFlatArray();
        GaussianMixture start = GaussianMixture.of(new double[] {0.3, 0.7}, new double[][] {{150.0}, {250.0}},
                new double[][][] {{{400.0}}, {{400.0}}});
        memo("Ex7UnivariateEm.fit", "x.length == 10000 && x[0] == " + lit(seed004[0]) + " && iterations == 100",
                lit(Ex7UnivariateEm.fit(seed004, start, 100, 1e-6)));
    }

    private void exercises8And9() {
        DataMatrix three = DataMatrix.ofRows(new double[][] {{0, 0}, {3, 4}, {6, 8}});
        DataMatrix four = DataMatrix.ofRows(new double[][] {{0, 0}, {3, 1}, {-2, 4}, {5, 5}});
        Object[][] distances = {{three, new double[] {0, 0, 6, 8}}, {four, new double[] {3.0, 1.0, -2.0, 4.0, 7.0,
            -3.0}}};
        for (Object[] call : distances) {
            DataMatrix data = (DataMatrix) call[0];
            double[] centres = (double[]) call[1];
            for (int count = 1; count <= 2; count++) {
                memo("Ex8KMeansPlusPlus.squaredDistances", same("data", data) + " && " + same("centres", centres)
                        + " && count == " + count, lit(Ex8KMeansPlusPlus.squaredDistances(data, centres.clone(),
                                count)));
            }
        }
        // The whole table the old 9.1 checked, K and D from 1 to 10.
        StringBuilder table = new StringBuilder("new int[][] {");
        for (int k = 0; k <= 10; k++) {
            table.append(k == 0 ? "{" : ", {");
            for (int d = 0; d <= 10; d++) {
                table.append(d == 0 ? "" : ", ").append(k == 0 || d == 0 ? 0 : Ex9Bic.freeParameters(k, d));
            }
            table.append("}");
        }
        memo("Ex9Bic.freeParameters", "components >= 1 && components <= 10 && dimension >= 1 && dimension <= 10",
                table.append("}[components][dimension]").toString());
        GaussianMixture one = GaussianMixture.of(new double[] {1.0}, new double[][] {{0.0}},
                new double[][][] {{{1.0}}});
        EmResult made = new EmResult("hand-made", one, new double[] {-1.5}, 0, false, new int[0], 100, 0L);
        memo("Ex9Bic.bic", "fit.points() == 100 && fit.meanLogLikelihood() == -1.5", lit(Ex9Bic.bic(made)));
        DataMatrix seed001 = NotebookSetups.byName("seed-001").draw(1).data();
        VectorisedEm library = new VectorisedEm();
        for (int k = 1; k <= 4; k++) {
            EmResult fit = library.fit(seed001, Initialisation.randomPoints(seed001, k, OLD_START_SEED),
                    EmSettings.defaults());
            memo("Ex9Bic.bic", "fit.points() == 300 && fit.model().components() == " + k
                    + " && fit.logLikelihood() == " + lit(fit.logLikelihood()), lit(Ex9Bic.bic(fit)));
        }
        GaussianMixture gaussian = GaussianMixture.of(new double[] {1.0}, new double[][] {{2.0, -1.0}},
                new double[][][] {{{2.0, 0.6}, {0.6, 1.0}}});
        GaussianMixture two = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0.0}, {4.0}},
                new double[][][] {{{1.0}}, {{1.0}}});
        Object[][] choices = {{seed001, 1, 5}, {seed001, 1, 3}, {seed001, 3, 5},
            {MixtureSampler.sample(gaussian, 300, 9).data(), 1, 4},
            {NotebookSetups.byName("seed-002").draw(2).data(), 2, 4},
            {MixtureSampler.sample(two, 400, new SplittableRandom(5).nextLong()).data(), 1, 3}};
        for (Object[] call : choices) {
            DataMatrix data = (DataMatrix) call[0];
            int min = (Integer) call[1];
            int max = (Integer) call[2];
            memo("Ex9Bic.chooseComponents", "data.rows() == " + data.rows() + " && data.get(0, 0) == "
                    + lit(data.get(0, 0)) + " && minComponents == " + min + " && maxComponents == " + max,
                    String.valueOf(Ex9Bic.chooseComponents(data, min, max, library, EmSettings.defaults(),
                            OLD_START_SEED)));
        }
    }

    // ---- Literals ------------------------------------------------------------------------------------

    /** A one-column data matrix. */
    private static DataMatrix column(double... values) {
        double[][] rows = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new double[] {values[i]};
        }
        return DataMatrix.ofRows(rows);
    }

    /** A double as Java source, exactly (a hexadecimal literal). */
    static String lit(double value) {
        if (Double.isNaN(value)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return Double.toHexString(value);
    }

    /** An array as Java source. */
    static String lit(double[] values) {
        return DoubleStream.of(values).mapToObj(MemorisedAnswers::lit)
                .collect(Collectors.joining(", ", "new double[] {", "}"));
    }

    private static String lit(Optional<double[]> factor) {
        return factor.map(l -> "Optional.of(" + lit(l) + ")").orElse("Optional.empty()");
    }

    private static String lit(GaussianMixture model) {
        return "org.emgmm.model.GaussianMixture.ofFlat(" + model.components() + ", " + model.dimension() + ", "
                + lit(model.weights()) + ", " + lit(model.flatMeans()) + ", " + lit(model.flatCovariances()) + ")";
    }

    private static String lit(EStep step) {
        Responsibilities r = step.responsibilities();
        return "new EStep(Responsibilities.wrap(" + r.points() + ", " + r.components() + ", " + lit(r.toFlatArray())
                + "), " + lit(step.logLikelihood()) + ")";
    }

    private static String lit(EmResult result) {
        return "new EmResult(steps.name(), " + lit(result.model()) + ", " + lit(result.trace()) + ", "
                + result.iterations() + ", " + result.converged() + ", new int[] {" + java.util.Arrays.stream(
                        result.emptyComponents()).mapToObj(String::valueOf).collect(Collectors.joining(", "))
                + "}, " + result.points() + ", 0L)";
    }

    /** The condition that array {@code parameter} holds exactly {@code values}. */
    private static String same(String parameter, double[] values) {
        return "java.util.Arrays.equals(" + parameter + ", " + lit(values) + ")";
    }

    private static String same(String parameter, DataMatrix data) {
        return same(parameter + ".toFlatArray()", data.toFlatArray());
    }

    private static String same(String parameter, GaussianMixture model) {
        return same(parameter + ".weights()", model.weights()) + " && " + same(parameter + ".flatMeans()",
                model.flatMeans()) + " && " + same(parameter + ".flatCovariances()", model.flatCovariances());
    }
}
