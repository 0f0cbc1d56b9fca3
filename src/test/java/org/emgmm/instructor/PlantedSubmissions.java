package org.emgmm.instructor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Submissions that try to score without doing the exercises, for {@link MemorisingSubmissionsIT}: each
 * is the untouched skeletons with every method's {@code throw new UnsupportedOperationException("TODO …")}
 * replaced by a planted body.
 * <ul>
 *   <li>{@link #TRIVIAL}: the answers that passed tests without any work before the tests were
 *       reworked (issue 18, item 7): zeros, a new empty array, {@code Optional.empty()}, the weights πₖ as
 *       responsibilities, an M-step that ignores the responsibilities, a "loop" that returns the start,
 *       random distinct points for k-means++, the smallest K.</li>
 *   <li>{@link #SHORTCUTS}: cheap answers a step closer to the task: the largest value for a
 *       log-sum-exp, uniform responsibilities, the previous mixture for an M-step, a loop that only
 *       counts, each next k-means++ centre uniform among the points not chosen yet, and so on.</li>
 *   <li>{@link #memorising}: the trivial answers, plus, for each input the graded tests used to fix by
 *       hand or by a fixed seed, the right answer written out as a literal, returned when exactly that
 *       input comes back.</li>
 * </ul>
 */
final class PlantedSubmissions {

    private PlantedSubmissions() {
    }

    /** The trivial answers, by "Class.method": the code that replaces the method's TODO. */
    static final Map<String, String> TRIVIAL = new LinkedHashMap<>();

    /** The shortcuts, by "Class.method"; a method not listed keeps its trivial answer. */
    static final Map<String, String> SHORTCUTS = new LinkedHashMap<>();

    /**
     * The library routes (issue 18, item 2), by "Class.method": the library's own code standing in for the
     * exercise, called from the exercise's file. A method not listed keeps its trivial answer.
     */
    static final Map<String, String> ROUTES = new LinkedHashMap<>();

    /** The same routes taken through a helper file ({@link #HELPER}), by "Class.method" (item 1). */
    static final Map<String, String> THROUGH_HELPER = new LinkedHashMap<>();

    /** {@code Helper.java}: the library routes of {@link #THROUGH_HELPER}, in a file no exercise is named for. */
    static final String HELPER = """
            package org.emgmm.exercises;

            import org.emgmm.data.DataMatrix;
            import org.emgmm.em.EmAlgorithm;
            import org.emgmm.em.EmResult;
            import org.emgmm.em.EmSettings;
            import org.emgmm.em.Responsibilities;
            import org.emgmm.model.GaussianMixture;

            final class Helper {
                static double logSumExp(double[] a) {
                    return org.emgmm.model.LogSumExp.of(a);
                }
                static double logDensity(double[] x, double[] mean, double[] covariance) {
                    return GaussianMixture.ofFlat(1, x.length, new double[] {1.0}, mean, covariance)
                            .logComponentDensity(0, x);
                }
                static double[] counts(Responsibilities r) {
                    return r.componentTotals();
                }
                static EmResult run(EmAlgorithm steps, DataMatrix data, GaussianMixture start, EmSettings settings) {
                    return org.emgmm.em.EmLoop.run(steps, data, start, settings);
                }
                static double[] centres(DataMatrix data, int k, long seed) {
                    return org.emgmm.em.Initialisation.kMeansPlusPlus(data, k, seed, 1e-6).flatMeans();
                }
                static int freeParameters(int components, int dimension) {
                    return org.emgmm.selection.ModelSelection.freeParameters(components, dimension);
                }
                static double bic(EmResult fit) {
                    return org.emgmm.selection.ModelSelection.bic(fit);
                }
            }
            """;

    static {
        TRIVIAL.put("Ex1NormalPdf.pdf", "return 0.0;");
        TRIVIAL.put("Ex1NormalPdf.logPdf", "return 0.0;");
        TRIVIAL.put("Ex2LogSumExp.logSumExp", "return 0.0;");
        TRIVIAL.put("Ex2LogSumExp.normalise", "return new double[a.length];");
        TRIVIAL.put("Ex3CholeskyDensity.cholesky", "return Optional.empty();");
        TRIVIAL.put("Ex3CholeskyDensity.forwardSubstitution", "return new double[d];");
        TRIVIAL.put("Ex3CholeskyDensity.logDeterminant", "return 0.0;");
        TRIVIAL.put("Ex3CholeskyDensity.logDensity", "return 0.0;");
        // The weights πₖ as every point's responsibilities: rows that sum to 1, right for identical components.
        TRIVIAL.put("Ex4EStep.eStep", """
                int n = data.rows();
                int k = model.components();
                double[] r = new double[n * k];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < k; j++) {
                        r[i * k + j] = model.weight(j);
                    }
                }
                return new EStep(Responsibilities.wrap(n, k, r), 0.0);""");
        TRIVIAL.put("Ex5MStep.effectiveCounts", "return new double[r.components()];");
        TRIVIAL.put("Ex5MStep.weightedMean", "return new double[data.columns()];");
        TRIVIAL.put("Ex5MStep.weightedCovariance", "return new double[mean.length * mean.length];");
        // An M-step that ignores the responsibilities: the previous weights, and for every component the mean
        // and covariance of all the points.
        TRIVIAL.put("Ex5MStep.mStep", """
                int n = data.rows();
                int d = data.columns();
                int k = previous.components();
                double[] centre = new double[d];
                for (int i = 0; i < n; i++) {
                    for (int a = 0; a < d; a++) {
                        centre[a] += data.get(i, a) / n;
                    }
                }
                double[] scatter = new double[d * d];
                for (int i = 0; i < n; i++) {
                    for (int a = 0; a < d; a++) {
                        for (int b = 0; b < d; b++) {
                            scatter[a * d + b] += (data.get(i, a) - centre[a]) * (data.get(i, b) - centre[b]) / n;
                        }
                    }
                }
                for (int a = 0; a < d; a++) {
                    scatter[a * d + a] += regCovar;
                }
                double[] means = new double[k * d];
                double[] covariances = new double[k * d * d];
                for (int j = 0; j < k; j++) {
                    System.arraycopy(centre, 0, means, j * d, d);
                    System.arraycopy(scatter, 0, covariances, j * d * d, d * d);
                }
                return GaussianMixture.ofFlat(k, d, previous.weights(), means, covariances);""");
        // No loop: the start, with the start's mean log-likelihood as the whole trace.
        TRIVIAL.put("Ex6EmLoop.run", """
                EStep first = steps.eStep(data, start);
                return new EmResult(steps.name(), start, new double[] {first.logLikelihood() / data.rows()}, 0,
                        false, new int[0], data.rows(), 0L);""");
        TRIVIAL.put("Ex6EmLoop.hasConverged", "return false;");
        TRIVIAL.put("Ex7UnivariateEm.logLikelihood", "return 0.0;");
        TRIVIAL.put("Ex7UnivariateEm.step", "return model;");
        TRIVIAL.put("Ex7UnivariateEm.fit", "return start;");
        TRIVIAL.put("Ex8KMeansPlusPlus.squaredDistances", "return new double[data.rows()];");
        // Random distinct points: the first uniform, as k-means++'s, and the others uniform too.
        TRIVIAL.put("Ex8KMeansPlusPlus.centres", """
                if (k < 1) {
                    throw new DataException("K < 1");
                }
                java.util.List<double[]> distinct = new java.util.ArrayList<>();
                for (int i = 0; i < data.rows(); i++) {
                    double[] row = data.row(i);
                    if (distinct.stream().noneMatch(seen -> Arrays.equals(seen, row))) {
                        distinct.add(row);
                    }
                }
                if (distinct.size() < k) {
                    throw new DataException("fewer distinct points than K");
                }
                SplittableRandom random = new SplittableRandom(seed);
                int d = data.columns();
                double[] centres = new double[k * d];
                for (int c = 0; c < k; c++) {
                    int pick = c + random.nextInt(distinct.size() - c);
                    double[] chosen = distinct.get(pick);
                    distinct.set(pick, distinct.get(c));
                    distinct.set(c, chosen);
                    System.arraycopy(chosen, 0, centres, c * d, d);
                }
                return centres;""");
        TRIVIAL.put("Ex9Bic.freeParameters", "return 0;");
        TRIVIAL.put("Ex9Bic.bic", "return 0.0;");
        TRIVIAL.put("Ex9Bic.chooseComponents", "return minComponents;");

        TRIVIAL.put("Ex10Vectorise.eStep", "return new EStep(Responsibilities.wrap(data.rows(), model.components(),"
                + " new double[data.rows() * model.components()]), 0.0);");
        TRIVIAL.put("Ex10Vectorise.momentSums", "return new Sums(new double[r.components()], new double[r.components()"
                + " * data.columns()], new double[r.components() * data.columns() * data.columns()]);");
        TRIVIAL.put("Ex10Vectorise.mStep", "return previous;");
        TRIVIAL.put("Ex11CovarianceTypes.constrain", "return new double[scatters.length];");
        TRIVIAL.put("Ex11CovarianceTypes.mStep", "return null;");
        TRIVIAL.put("Ex11CovarianceTypes.freeParameters", "return 0;");
        TRIVIAL.put("Ex11CovarianceTypes.choose", "return new Choice(minComponents, CovarianceType.FULL);");

        SHORTCUTS.put("Ex1NormalPdf.pdf", "return 1.0 / Math.sqrt(2.0 * Math.PI * variance);");
        SHORTCUTS.put("Ex1NormalPdf.logPdf", "return -0.5 * Math.log(2.0 * Math.PI * variance);");
        SHORTCUTS.put("Ex2LogSumExp.logSumExp",
                "return java.util.Arrays.stream(a).max().orElse(Double.NEGATIVE_INFINITY);");
        SHORTCUTS.put("Ex2LogSumExp.normalise", """
                double[] p = new double[a.length];
                java.util.Arrays.fill(p, 1.0 / a.length);
                return p;""");
        // "Positive-definite" when the diagonal is positive, and a factor of zeros.
        SHORTCUTS.put("Ex3CholeskyDensity.cholesky", """
                for (int i = 0; i < d; i++) {
                    if (!(a[i * d + i] > 0.0)) {
                        return Optional.empty();
                    }
                }
                return Optional.of(new double[d * d]);""");
        SHORTCUTS.put("Ex3CholeskyDensity.forwardSubstitution", """
                double[] z = new double[d];
                for (int i = 0; i < d; i++) {
                    z[i] = b[i] / lower[i * d + i];
                }
                return z;""");
        SHORTCUTS.put("Ex3CholeskyDensity.logDensity", "return -0.5 * x.length * Math.log(2.0 * Math.PI);");
        SHORTCUTS.put("Ex4EStep.eStep", """
                int n = data.rows();
                int k = model.components();
                double[] r = new double[n * k];
                java.util.Arrays.fill(r, 1.0 / k);
                return new EStep(Responsibilities.wrap(n, k, r), 0.0);""");
        SHORTCUTS.put("Ex5MStep.effectiveCounts", """
                double[] counts = new double[r.components()];
                java.util.Arrays.fill(counts, (double) r.points() / r.components());
                return counts;""");
        SHORTCUTS.put("Ex5MStep.mStep", "return previous;");
        // A "loop" that only counts: every iteration it was asked for, none run.
        SHORTCUTS.put("Ex6EmLoop.run", """
                double mean = steps.eStep(data, start).logLikelihood() / data.rows();
                double[] trace = new double[settings.maxIterations() + 1];
                java.util.Arrays.fill(trace, mean);
                return new EmResult(steps.name(), start, trace, settings.maxIterations(), false, new int[0],
                        data.rows(), 0L);""");
        SHORTCUTS.put("Ex6EmLoop.hasConverged", "return current == previous;");
        // D² to the first centre only.
        SHORTCUTS.put("Ex8KMeansPlusPlus.squaredDistances", """
                double[] squared = new double[data.rows()];
                for (int i = 0; i < data.rows(); i++) {
                    for (int j = 0; j < data.columns(); j++) {
                        squared[i] += (data.get(i, j) - centres[j]) * (data.get(i, j) - centres[j]);
                    }
                }
                return squared;""");
        // The first centre uniform, each next one uniform among the points with D² > 0 (not ∝ D²).
        SHORTCUTS.put("Ex8KMeansPlusPlus.centres", """
                if (k < 1) {
                    throw new DataException("K < 1");
                }
                int n = data.rows();
                int d = data.columns();
                SplittableRandom random = new SplittableRandom(seed);
                double[] centres = new double[k * d];
                System.arraycopy(data.row(random.nextInt(n)), 0, centres, 0, d);
                for (int c = 1; c < k; c++) {
                    java.util.List<Integer> open = new java.util.ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        boolean chosen = false;
                        for (int e = 0; e < c; e++) {
                            chosen |= Arrays.equals(data.row(i), Arrays.copyOfRange(centres, e * d, (e + 1) * d));
                        }
                        if (!chosen) {
                            open.add(i);
                        }
                    }
                    if (open.isEmpty()) {
                        throw new DataException("fewer distinct points than K");
                    }
                    System.arraycopy(data.row(open.get(random.nextInt(open.size()))), 0, centres, c * d, d);
                }
                return centres;""");
        SHORTCUTS.put("Ex9Bic.freeParameters", "return components * (1 + dimension);");
        SHORTCUTS.put("Ex9Bic.bic", "return -2.0 * fit.logLikelihood();");
        SHORTCUTS.put("Ex9Bic.chooseComponents", "return maxComponents;");

        ROUTES.put("Ex1NormalPdf.pdf", "return Math.exp(logPdf(x, mean, variance));");
        ROUTES.put("Ex1NormalPdf.logPdf", "return org.emgmm.model.GaussianMixture.ofFlat(1, 1, new double[] {1.0},"
                + " new double[] {mean}, new double[] {variance}).logComponentDensity(0, new double[] {x});");
        ROUTES.put("Ex2LogSumExp.logSumExp", "return org.emgmm.model.LogSumExp.of(a);");
        ROUTES.put("Ex3CholeskyDensity.logDensity", "return org.emgmm.model.GaussianMixture.ofFlat(1, x.length,"
                + " new double[] {1.0}, mean, covariance).logComponentDensity(0, x);");
        // Prediction is a whole E-step: densities, log-sum-exp and the normalised rows.
        ROUTES.put("Ex4EStep.eStep", """
                int n = data.rows();
                int k = model.components();
                org.emgmm.model.Prediction p = org.emgmm.model.Prediction.of(model, data.toFlatArray());
                double[] r = new double[n * k];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < k; j++) {
                        r[i * k + j] = p.probability(i, j);
                    }
                }
                double total = 0.0;
                for (double logDensity : p.logDensities()) {
                    total += logDensity;
                }
                return new EStep(Responsibilities.wrap(n, k, r), total);""");
        ROUTES.put("Ex5MStep.effectiveCounts", "return r.componentTotals();");
        ROUTES.put("Ex5MStep.weightedMean", """
                double[] w = new double[data.rows()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = r.get(i, k);
                }
                return data.withSampleWeights(w).columnMeans();""");
        ROUTES.put("Ex6EmLoop.run", "return org.emgmm.em.EmLoop.run(steps, data, start, settings);");
        ROUTES.put("Ex8KMeansPlusPlus.centres", "return org.emgmm.em.Initialisation.kMeansPlusPlus(data, k, seed, 1e-6)"
                + ".flatMeans();");
        ROUTES.put("Ex9Bic.freeParameters", "return org.emgmm.selection.ModelSelection.freeParameters(components,"
                + " dimension);");
        ROUTES.put("Ex9Bic.bic", "return org.emgmm.selection.ModelSelection.bic(fit);");

        ROUTES.put("Ex10Vectorise.eStep", "return new org.emgmm.vectorised.VectorisedEm().eStep(data, model);");
        ROUTES.put("Ex10Vectorise.mStep", "return new org.emgmm.loops.LoopsEm().mStep(data, r, previous, regCovar);");

        THROUGH_HELPER.put("Ex2LogSumExp.logSumExp", "return Helper.logSumExp(a);");
        THROUGH_HELPER.put("Ex3CholeskyDensity.logDensity", "return Helper.logDensity(x, mean, covariance);");
        THROUGH_HELPER.put("Ex5MStep.effectiveCounts", "return Helper.counts(r);");
        THROUGH_HELPER.put("Ex6EmLoop.run", "return Helper.run(steps, data, start, settings);");
        THROUGH_HELPER.put("Ex8KMeansPlusPlus.centres", "return Helper.centres(data, k, seed);");
        THROUGH_HELPER.put("Ex9Bic.freeParameters", "return Helper.freeParameters(components, dimension);");
        THROUGH_HELPER.put("Ex9Bic.bic", "return Helper.bic(fit);");
    }

    /**
     * Writes a submission into {@code folder}/org/emgmm/exercises: the skeletons of {@code skeletons}, each
     * method listed in {@code bodies} with its TODO replaced by its body, and, before that body, the
     * memorised answers of {@code memos} for the same method.
     *
     * @param skeletons the untouched exercises/ folder
     * @param folder    where the submission goes
     * @param bodies    code by "Class.method"
     * @param memos     memorised answers by "Class.method": lines {@code if (…) { return …; }}
     */
    static void write(Path skeletons, Path folder, Map<String, String> bodies, Map<String, List<String>> memos)
            throws IOException {
        Path from = skeletons.resolve("org/emgmm/exercises");
        Path to = folder.resolve("org/emgmm/exercises");
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String type = name.substring(0, name.length() - ".java".length());
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (Map.Entry<String, String> body : bodies.entrySet()) {
                    if (body.getKey().startsWith(type + ".")) {
                        String method = body.getKey().substring(type.length() + 1);
                        List<String> lines = new ArrayList<>(memos.getOrDefault(body.getKey(), List.of()));
                        lines.add(body.getValue());
                        text = replaceTodo(text, method, String.join("\n", lines));
                    }
                }
                Files.writeString(to.resolve(name), text, StandardCharsets.UTF_8);
            }
        }
    }

    /** {@code bodies} with {@code over}'s entries put over them. */
    static Map<String, String> with(Map<String, String> bodies, Map<String, String> over) {
        Map<String, String> all = new LinkedHashMap<>(bodies);
        all.putAll(over);
        return all;
    }

    /**
     * The source with the TODO statement of method {@code method} (the first
     * {@code throw new UnsupportedOperationException("TODO…");} after {@code public static … method(})
     * replaced by {@code body}.
     */
    static String replaceTodo(String source, String method, String body) {
        int signature = source.indexOf(" " + method + "(");
        while (signature >= 0 && !source.substring(source.lastIndexOf('\n', signature) + 1, signature)
                .contains("public static")) {
            signature = source.indexOf(" " + method + "(", signature + 1);
        }
        assertTrue(signature >= 0, "the skeleton has a method " + method);
        int start = source.indexOf("throw new UnsupportedOperationException(\"TODO", signature);
        assertTrue(start >= 0, "the skeleton's " + method + " has a TODO");
        int end = statementEnd(source, start);
        return source.substring(0, start) + body + source.substring(end);
    }

    /** The index after the ';' that ends the statement starting at {@code from}, skipping string literals. */
    private static int statementEnd(String source, int from) {
        boolean inString = false;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ';') {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no end of the statement at " + from);
    }
}
