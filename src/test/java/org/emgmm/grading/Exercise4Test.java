package org.emgmm.grading;

import java.util.List;
import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.Responsibilities;
import org.emgmm.exercises.Ex4EStep;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Scenario;
import org.emgmm.testing.Generators.Spec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Graded: exercise 4, the E-step and the log-likelihood ({@link Ex4EStep}). */
@Exercise(4)
@DisplayName("Exercise 4: E-step")
class Exercise4Test {

    /** Responsibilities against the library's per-point loops: the same formulas, rounding only. */
    private static final double TOLERANCE = 1e-10;

    /** Random cases per property, drawn from the run's seed ({@link RunSeed}): new ones in every run. */
    private static final int CASES = 25;

    /** Cases of the tests built around one closed form: enough that no answer can be guessed. */
    private static final int FORM_CASES = 10;

    /**
     * Closed forms against the E-step in log space: a few roundings of log-densities of at most about 20 in
     * size, so 1e-14 or so; responsibilities and L are compared to well within this.
     */
    private static final double FORM_TOLERANCE = 1e-12;

    /**
     * How much larger, in log, one component's πₖ N(xᵢ | μₖ, Σₖ) must be than another's for 4.5 to require a
     * larger responsibility: the responsibilities then differ by a millionth of the larger, which no
     * rounding (about 1e-15) can undo.
     */
    private static final double CLEARLY_LARGER = 1e-6;

    /** The generator of one test's inputs. */
    static SplittableRandom random(String test) {
        return RunSeed.forTest(Exercise4Test.class, test);
    }

    /** K random weights, each at least a tenth of the largest, and not all equal. */
    private static double[] randomWeights(SplittableRandom random, int k) {
        double[] weights = new double[k];
        double total = 0.0;
        for (int j = 0; j < k; j++) {
            weights[j] = random.nextDouble(0.1, 1.0);
            total += weights[j];
        }
        for (int j = 0; j < k; j++) {
            weights[j] /= total;
        }
        return weights;
    }

    /** N one-dimensional points, each within {@code spread} of {@code centre}. */
    private static DataMatrix pointsNear(SplittableRandom random, int n, double centre, double spread) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new double[] {centre + random.nextDouble(-spread, spread)};
        }
        return DataMatrix.ofRows(rows);
    }

    /** The student's E-step, called through {@link StudentCode}. */
    static final Promises.EStepMethod STUDENT = (data, model) -> StudentCode.call("Ex4EStep.eStep(N=" + data.rows()
            + ", K=" + model.components() + ")", () -> Ex4EStep.eStep(data, model));

    private static EStep eStep(Promises.EStepMethod method, DataMatrix data, GaussianMixture model, String what) {
        EStep step = method.of(data, model);
        Expect.notNull(step, "Ex4EStep.eStep(" + what + ")", "return new EStep(responsibilities, logLikelihood)");
        Expect.notNull(step.responsibilities(), "responsibilities of the E-step (" + what + ")",
                "wrap the flat N×K array with Responsibilities.wrap(N, K, values)");
        Expect.that(step.responsibilities().points() == data.rows()
                && step.responsibilities().components() == model.components(),
                "shape of the responsibilities (" + what + ")", data.rows() + "×" + model.components(),
                step.responsibilities().points() + "×" + step.responsibilities().components(),
                "one row per point, one column per component");
        return step;
    }

    /** The model with every weight 1/K: leaving πₖ out of Bayes' rule gives its responsibilities. */
    static GaussianMixture equalWeights(GaussianMixture model) {
        double[] weights = new double[model.components()];
        java.util.Arrays.fill(weights, 1.0 / model.components());
        return GaussianMixture.ofFlat(model.components(), model.dimension(), weights, model.flatMeans(),
                model.flatCovariances());
    }

    /** What 4.1's mistake makes of the responsibilities: those of equal weights. */
    static KnownMistakes.Mistake weightsLeftOut(double[] responsibilities) {
        return KnownMistakes.Mistake.of("what leaving the weights πₖ out of the E-step gives (the responsibilities"
                + " of equal weights): see 4.1 first", responsibilities);
    }

    /**
     * What 4.1's mistake makes of L: without the weights each normaliser is log Σₖ N(xᵢ | μₖ, Σₖ), that
     * of equal weights 1/K plus log K, so L is L(equal weights) + N log K.
     */
    static KnownMistakes.Mistake weightsLeftOutOfL(DataMatrix data, GaussianMixture model) {
        double equal = new LoopsEm().eStep(data, equalWeights(model)).logLikelihood();
        return KnownMistakes.Mistake.of("what leaving the weights πₖ out of the E-step gives: see 4.1 first",
                equal + data.rows() * Math.log(model.components()));
    }

    /** Seed 001's L = Σᵢ log Σₖ r[i][k] πₖ, from the right responsibilities: what 4.2 is about. */
    static KnownMistakes.Mistake builtFromR(DataMatrix data, GaussianMixture model) {
        Responsibilities r = new LoopsEm().eStep(data, model).responsibilities();
        double total = 0.0;
        for (int i = 0; i < data.rows(); i++) {
            double average = 0.0;
            for (int k = 0; k < model.components(); k++) {
                average += r.get(i, k) * model.weight(k);
            }
            total += Math.log(average);
        }
        return KnownMistakes.Mistake.of("seed 001's Σᵢ log Σₖ r[i][k] πₖ, built from the responsibilities: see 4.2"
                + " first", total);
    }

    /** The mean L/N where the total L belongs. */
    static KnownMistakes.Mistake meanNotTotal(double expected, int points) {
        return KnownMistakes.Mistake.of("the mean L/N where the total L belongs", expected / points);
    }

    /** log ρ[i][k] = log πₖ + log N(xᵢ | μₖ, Σₖ), flat N×K, from the library's density. */
    static double[] logRho(DataMatrix data, GaussianMixture model) {
        int k = model.components();
        double[] logRho = new double[data.rows() * k];
        for (int i = 0; i < data.rows(); i++) {
            for (int c = 0; c < k; c++) {
                logRho[i * k + c] = Math.log(model.weight(c)) + model.logComponentDensity(c, data.row(i));
            }
        }
        return logRho;
    }

    /**
     * The mistakes in the layout or the direction of the normalisation that make wrong responsibilities
     * for {@code model} on {@code data}: r written K×N, and each component normalised over the points.
     */
    static List<KnownMistakes.Mistake> layoutAndAxis(DataMatrix data, GaussianMixture model) {
        return List.of(KnownMistakes.transposed(data.rows(), model.components()),
                KnownMistakes.normalisedOverThePoints(() -> logRho(data, model), data.rows(),
                        model.components()));
    }

    /** {@code first}, then {@code more}: a test's own suspects, then shared ones. */
    private static List<KnownMistakes.Mistake> and(List<KnownMistakes.Mistake> first,
            List<KnownMistakes.Mistake> more) {
        List<KnownMistakes.Mistake> all = new java.util.ArrayList<>(first);
        all.addAll(more);
        return all;
    }

    private static String describe(Scenario scenario) {
        return "D=" + scenario.dimension() + " K=" + scenario.components() + " N=" + scenario.points();
    }

    @Test
    @Order(6)
    @Points(1)
    @DisplayName("responsibilities match the library on random mixtures")
    void responsibilitiesMatchTheLibrary() {
        responsibilitiesMatchTheLibrary(STUDENT);
    }

    static void responsibilitiesMatchTheLibrary(Promises.EStepMethod method) {
        SplittableRandom random = random("responsibilitiesMatchTheLibrary");
        LoopsEm library = new LoopsEm();
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate());
            for (GaussianMixture model : Generators.eStepModels(scenario)) {
                double[] expected = library.eStep(scenario.data(), model).responsibilities().toFlatArray();
                EStep step = eStep(method, scenario.data(), model, describe(scenario));
                double[] equal = library.eStep(scenario.data(), equalWeights(model)).responsibilities()
                        .toFlatArray();
                Expect.arrayClose(expected, step.responsibilities().toFlatArray(), TOLERANCE,
                        "responsibilities r (flat, r[i][k] at i * K + k; " + describe(scenario) + ")",
                        "r[i][k] = exp(log πₖ + log N(xᵢ | μₖ, Σₖ) − log Σⱼ πⱼ N(xᵢ | μⱼ, Σⱼ))",
                        and(List.of(weightsLeftOut(equal)), layoutAndAxis(scenario.data(), model)));
            }
        }
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("every row of responsibilities is a probability distribution, ranked as πₖ N(xᵢ | μₖ, Σₖ)")
    void rowsAreDistributions() {
        rowsAreDistributions(STUDENT);
    }

    static void rowsAreDistributions(Promises.EStepMethod method) {
        // Each row lies in [0, 1] and sums to 1; and since r[i][k] is proportional to ρ[i][k] = πₖ N(xᵢ | μₖ, Σₖ),
        // the component with the largest ρ[i][k] has the largest responsibility, strictly larger than that of
        // any component whose ρ is clearly smaller. The weights πₖ alone (the same row for every point), or
        // the same 1/K everywhere, are distributions too, but rank no point by its densities.
        SplittableRandom random = random("rowsAreDistributions");
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate());
            GaussianMixture model = scenario.start();
            EStep step = eStep(method, scenario.data(), model, describe(scenario));
            for (int i = 0; i < scenario.points(); i++) {
                double sum = 0.0;
                for (int k = 0; k < scenario.components(); k++) {
                    double r = step.responsibilities().get(i, k);
                    Expect.that(r >= 0.0 && r <= 1.0, "r[" + i + "][" + k + "] (" + describe(scenario) + ")",
                            "a number in [0, 1]", Expect.format(r),
                            "normalise each row: r[i][k] = exp(log ρ[i][k] − log Σⱼ exp(log ρ[i][j]))");
                    sum += r;
                }
                // A sum of K ≤ 5 numbers in [0, 1] that should be exactly 1: a few roundings.
                Expect.close(1.0, sum, 1e-12, "Σₖ r[" + i + "][k] (" + describe(scenario) + ")",
                        "each row of r sums to 1: divide by the row's total (subtract its log-sum-exp)");
                double[] logRho = new double[scenario.components()];
                int top = 0;
                for (int k = 0; k < logRho.length; k++) {
                    logRho[k] = Math.log(model.weight(k)) + model.logComponentDensity(k, scenario.data().row(i));
                    top = logRho[k] > logRho[top] ? k : top;
                }
                for (int k = 0; k < logRho.length; k++) {
                    if (logRho[top] - logRho[k] > CLEARLY_LARGER) {
                        Expect.that(step.responsibilities().get(i, top) > step.responsibilities().get(i, k),
                                "r[" + i + "][" + top + "] against r[" + i + "][" + k + "] (" + describe(scenario)
                                        + "; π" + top + " N(x" + i + " | …) is e^"
                                        + Expect.format(logRho[top] - logRho[k]) + " times π" + k + " N(x" + i
                                        + " | …))", "r[" + i + "][" + top + "] > r[" + i
                                        + "][" + k + "]", Expect.format(step.responsibilities().get(i, top)) + " and "
                                        + Expect.format(step.responsibilities().get(i, k)),
                                "r[i][k] is proportional to πₖ N(xᵢ | μₖ, Σₖ): each point's own densities decide, not"
                                        + " the weights alone (nor 1/K)");
                    }
                }
            }
        }
    }

    @Test
    @Order(1)
    @Points(3)
    @DisplayName("responsibilities include the mixing weights (seed 003's bug)")
    void responsibilitiesIncludeTheWeights() {
        responsibilitiesIncludeTheWeights(STUDENT);
    }

    static void responsibilitiesIncludeTheWeights(Promises.EStepMethod method) {
        SplittableRandom random = random("responsibilitiesIncludeTheWeights");
        for (int c = 0; c < FORM_CASES; c++) {
            // K identical components N(μ, σ²) with unequal weights: the densities cancel in Bayes' rule, so
            // r[i][k] = πₖ N(xᵢ|μ,σ²) / Σⱼ πⱼ N(xᵢ|μ,σ²) = πₖ for every point. Without the weights it would be 1/K.
            int k = 2 + random.nextInt(3);
            double mean = random.nextDouble(-10.0, 10.0);
            double variance = random.nextDouble(0.5, 4.0);
            double[] weights = randomWeights(random, k);
            double[][] means = new double[k][];
            double[][][] covariances = new double[k][][];
            for (int j = 0; j < k; j++) {
                means[j] = new double[] {mean};
                covariances[j] = new double[][] {{variance}};
            }
            GaussianMixture identical = GaussianMixture.of(weights, means, covariances);
            DataMatrix data = pointsNear(random, 3 + random.nextInt(4), mean, 3.0 * Math.sqrt(variance));
            double[] expected = new double[data.rows() * k];
            double[] equal = new double[expected.length];
            for (int index = 0; index < expected.length; index++) {
                expected[index] = weights[index % k];
                equal[index] = 1.0 / k;
            }
            EStep step = eStep(method, data, identical, k + " identical components with weights "
                    + Expect.format(weights));
            Expect.arrayClose(expected, step.responsibilities().toFlatArray(), FORM_TOLERANCE,
                    "responsibilities of " + k + " identical components with weights " + Expect.format(weights),
                    "Bayes' rule multiplies each density by its prior πₖ: log ρ[i][k] = log πₖ + log N(xᵢ | μₖ, Σₖ)",
                    and(List.of(KnownMistakes.Mistake.of("the responsibilities of equal weights: πₖ is left out of"
                            + " Bayes' rule, as in seed 003", equal)), layoutAndAxis(data, identical)));

            // Two components N(m₀, σ²) and N(m₁, σ²) with weights π₀, π₁: the log of the ratio of the two terms
            // of Bayes' rule is t = log(π₀/π₁) + ((x − m₁)² − (x − m₀)²)/(2σ²) = log(π₀/π₁) + (m₀ − m₁)(2x − m₀
            // − m₁)/(2σ²), so r[i][0] = 1/(1 + e^−t) and r[i][1] = 1/(1 + e^t). The weights πₖ alone are no
            // longer the answer: the densities count too.
            double m0 = random.nextDouble(-10.0, 10.0);
            double m1 = m0 + random.nextDouble(0.5, 2.0) * Math.sqrt(variance);
            double w = random.nextDouble(0.1, 0.4);
            double[] pair = random.nextBoolean() ? new double[] {w, 1.0 - w} : new double[] {1.0 - w, w};
            GaussianMixture apart = GaussianMixture.of(pair, new double[][] {{m0}, {m1}},
                    new double[][][] {{{variance}}, {{variance}}});
            DataMatrix points = pointsNear(random, 3 + random.nextInt(4), 0.5 * (m0 + m1), 2.0 * Math.sqrt(variance));
            double[] wanted = new double[2 * points.rows()];
            double[] withoutWeights = new double[wanted.length];
            double[] weightsAlone = new double[wanted.length];
            for (int i = 0; i < points.rows(); i++) {
                double x = points.get(i, 0);
                double densities = (m0 - m1) * (2.0 * x - m0 - m1) / (2.0 * variance);
                double t = Math.log(pair[0] / pair[1]) + densities;
                wanted[2 * i] = 1.0 / (1.0 + Math.exp(-t));
                wanted[2 * i + 1] = 1.0 / (1.0 + Math.exp(t));
                withoutWeights[2 * i] = 1.0 / (1.0 + Math.exp(-densities));
                withoutWeights[2 * i + 1] = 1.0 / (1.0 + Math.exp(densities));
                weightsAlone[2 * i] = pair[0];
                weightsAlone[2 * i + 1] = pair[1];
            }
            EStep two = eStep(method, points, apart, "N(" + m0 + ", " + variance + ") and N(" + m1 + ", " + variance
                    + "), weights " + Expect.format(pair));
            Expect.arrayClose(wanted, two.responsibilities().toFlatArray(), FORM_TOLERANCE,
                    "responsibilities of N(" + m0 + ", σ²) and N(" + m1 + ", σ²), σ² = " + variance + ", weights "
                            + Expect.format(pair), "r[i][0] = π₀ N(xᵢ | m₀, σ²) / Σⱼ πⱼ N(xᵢ | mⱼ, σ²): the weight and"
                            + " the density of each component", and(List.of(
                            KnownMistakes.Mistake.of("the responsibilities of equal weights: πₖ is left out of Bayes'"
                                    + " rule, as in seed 003", withoutWeights),
                            KnownMistakes.Mistake.of("the weights πₖ alone: the densities N(xᵢ | μₖ, Σₖ) are left out",
                                    weightsAlone)), layoutAndAxis(points, apart)));
        }
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("the log-likelihood is Σᵢ log p(xᵢ), not built from r (seed 001's bug)")
    void logLikelihoodClosedForm() {
        logLikelihoodClosedForm(STUDENT);
    }

    static void logLikelihoodClosedForm(Promises.EStepMethod method) {
        SplittableRandom random = random("logLikelihoodClosedForm");
        for (int c = 0; c < FORM_CASES; c++) {
            // One component N(μ, σ²) and N points xᵢ: L = Σᵢ (−½ log(2πσ²) − (xᵢ − μ)²/(2σ²)).
            double mean = random.nextDouble(-10.0, 10.0);
            double variance = random.nextDouble(0.5, 4.0);
            DataMatrix data = pointsNear(random, 3 + random.nextInt(6), mean, 3.0 * Math.sqrt(variance));
            int n = data.rows();
            double expected = 0.0;
            for (int i = 0; i < n; i++) {
                double deviation = data.get(i, 0) - mean;
                expected += -0.5 * Math.log(2.0 * Math.PI * variance) - deviation * deviation / (2.0 * variance);
            }
            GaussianMixture single = GaussianMixture.of(new double[] {1.0}, new double[][] {{mean}},
                    new double[][][] {{{variance}}});
            String what = "N(" + mean + ", " + variance + ") at " + n + " points";
            // Seed 001's Σᵢ log Σₖ r[i][k] πₖ is Σᵢ log(1 · 1) = 0 for a single component.
            Expect.close(expected, eStep(method, data, single, what).logLikelihood(), FORM_TOLERANCE, "L for " + what,
                    "L(θ) = Σᵢ log Σₖ πₖ N(xᵢ | μₖ, Σₖ), the sum of the E-step's normalisers over the points",
                    List.of(KnownMistakes.Mistake.of("seed 001's Σᵢ log Σₖ r[i][k] πₖ, built from the responsibilities"
                            + " (0 for one component)", 0.0), meanNotTotal(expected, n)));
            // Splitting that component into two identical ones with weights w and 1 − w leaves the density, and so
            // L, unchanged; seed 001's formula would give N log(w² + (1 − w)²) instead, and leaving the weights out
            // (4.1) doubles each density: L + N log 2.
            double w = random.nextDouble(0.05, 0.45);
            GaussianMixture split = GaussianMixture.of(new double[] {w, 1.0 - w}, new double[][] {{mean}, {mean}},
                    new double[][][] {{{variance}}, {{variance}}});
            Expect.close(expected, eStep(method, data, split, "two identical components, " + what).logLikelihood(),
                    FORM_TOLERANCE, "L for two identical components N(" + mean + ", " + variance + ") with weights "
                            + Expect.format(w) + ", " + Expect.format(1.0 - w) + " at " + n + " points",
                    "splitting a component into two identical ones leaves the density Σₖ πₖ N(xᵢ | μₖ, Σₖ), and so L,"
                            + " unchanged",
                    List.of(KnownMistakes.Mistake.of("seed 001's Σᵢ log Σₖ r[i][k] πₖ, built from the responsibilities",
                            n * Math.log(w * w + (1.0 - w) * (1.0 - w))), KnownMistakes.Mistake.of("what leaving the"
                            + " weights πₖ out of the E-step gives (each density counted twice): see 4.1 first",
                            expected + n * Math.log(2.0)), meanNotTotal(expected, n)));
        }
    }

    @Test
    @Order(7)
    @Points(1)
    @DisplayName("the log-likelihood matches the library on random mixtures")
    void logLikelihoodMatchesTheLibrary() {
        logLikelihoodMatchesTheLibrary(STUDENT);
    }

    static void logLikelihoodMatchesTheLibrary(Promises.EStepMethod method) {
        SplittableRandom random = random("logLikelihoodMatchesTheLibrary");
        LoopsEm library = new LoopsEm();
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate());
            for (GaussianMixture model : Generators.eStepModels(scenario)) {
                double expected = library.eStep(scenario.data(), model).logLikelihood();
                Expect.close(expected, eStep(method, scenario.data(), model, describe(scenario)).logLikelihood(),
                        TOLERANCE, "L(θ) (" + describe(scenario) + ")",
                        "L is the total over all N points of log Σⱼ πⱼ N(xᵢ | μⱼ, Σⱼ), the E-step's normalisers",
                        List.of(weightsLeftOutOfL(scenario.data(), model), builtFromR(scenario.data(), model),
                                meanNotTotal(expected, scenario.points())));
            }
        }
    }

    @Test
    @Order(4)
    @Points(3)
    @DisplayName("points far from every component get finite responsibilities")
    void farPointsDoNotUnderflow() {
        farPointsDoNotUnderflow(STUDENT);
    }

    static void farPointsDoNotUnderflow(Promises.EStepMethod method) {
        // Components N(m₀, σ²) and N(m₁, σ²) with equal weights. For a point x the log-ratio of the two is
        // t = log N(x|m₀,σ²) − log N(x|m₁,σ²) = ((x − m₁)² − (x − m₀)²)/(2σ²) = (m₀ − m₁)(2x − m₀ − m₁)/(2σ²), so
        // r[x][0] = 1/(1 + e^−t) and r[x][1] = 1/(1 + e^t). The points lie 45 to 60 standard deviations out on
        // either side: every density is below e^−1000 and underflows to 0 outside log space, while the
        // responsibilities are ordinary numbers (the smaller as small as 1e-70 or so).
        SplittableRandom random = random("farPointsDoNotUnderflow");
        double variance = random.nextDouble(0.5, 2.0);
        double sd = Math.sqrt(variance);
        double m0 = random.nextDouble(-10.0, 10.0);
        double m1 = m0 + random.nextDouble(0.5, 2.0) * sd;
        double middle = 0.5 * (m0 + m1);
        GaussianMixture model = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{m0}, {m1}},
                new double[][][] {{{variance}}, {{variance}}});
        DataMatrix data = DataMatrix.ofRows(new double[][] {{middle + random.nextDouble(45.0, 60.0) * sd},
            {middle - random.nextDouble(45.0, 60.0) * sd}});
        double[] expected = new double[4];
        for (int i = 0; i < 2; i++) {
            double x = data.get(i, 0);
            double t = (m0 - m1) * (2.0 * x - m0 - m1) / (2.0 * variance);
            expected[2 * i] = 1.0 / (1.0 + Math.exp(-t));
            expected[2 * i + 1] = 1.0 / (1.0 + Math.exp(t));
        }
        EStep step = eStep(method, data, model, "points 45 to 60 standard deviations out between N(" + m0 + ", "
                + variance + ") and N(" + m1 + ", " + variance + ")");
        double[] actual = step.responsibilities().toFlatArray();
        // Infinite responsibilities where a log-sum-exp from 0 gives them: the student is in log space already.
        java.util.Optional<String> fromZero = KnownMistakes.identifyLogSumExpFromZero(logRho(data, model), 2, actual,
                1e-9);
        for (int index = 0; index < expected.length; index++) {
            // Relative to each value: the small ones are the point of the test. The log-densities here are
            // about 1000 in size, so the E-step's roundings make a relative error of about 1e-13 in each.
            Expect.that(Math.abs(expected[index] - actual[index]) <= 1e-9 * expected[index],
                    "r[" + index / 2 + "][" + index % 2 + "] for x = " + data.get(index / 2, 0),
                    Expect.format(expected[index]), Expect.format(actual[index]),
                    fromZero.isPresent() ? KnownMistakes.hint(fromZero, "r[i][k] = exp(log ρ[i][k] − log Σⱼ"
                            + " exp(log ρ[i][j])), the log-sum-exp shifted by the row's own largest term")
                            : Double.isFinite(actual[index])
                            ? "r[i][k] = exp(log ρ[i][k] − log Σⱼ ρ[i][j]), with the log-sum-exp taken over log ρ"
                            : "a density this far out underflows to 0, and ρ / Σρ is 0/0: compute"
                                    + " exp(log ρ − log-sum-exp) in log space instead");
        }
        // L in log space too, from one component N(m₀, σ²) with weight 1 at the same two points, so that this
        // check is about log space alone (4.1 and 4.2 check the weights): L = Σᵢ (−½ log(2πσ²) − (xᵢ − m₀)²/(2σ²)),
        // about −1000 per point, where log of a density computed outside log space is log 0 = −∞.
        GaussianMixture single = GaussianMixture.of(new double[] {1.0}, new double[][] {{m0}},
                new double[][][] {{{variance}}});
        double likelihood = 0.0;
        for (int i = 0; i < 2; i++) {
            double deviation = data.get(i, 0) - m0;
            likelihood += -0.5 * Math.log(2.0 * Math.PI * variance) - deviation * deviation / (2.0 * variance);
        }
        double actualL = eStep(method, data, single, "the same two points under N(" + m0 + ", " + variance
                + ") alone").logLikelihood();
        // Relative to L: two terms of about 1000 each, each with a few roundings of relative size 1e-16.
        Expect.close(likelihood, actualL, 1e-12, "L for the two far points under N(" + m0 + ", " + variance + ")",
                Double.isInfinite(actualL) || Double.isNaN(actualL)
                        ? "a density this far out underflows to 0 and log 0 is −∞: sum the log-sum-exp"
                                + " normalisers, never the log of a sum of densities"
                        : "L = Σᵢ log Σₖ πₖ N(xᵢ | μₖ, Σₖ), each term by log-sum-exp",
                List.of(KnownMistakes.Mistake.of("seed 001's Σᵢ log Σₖ r[i][k] πₖ, built from the responsibilities"
                        + " (0 for one component)", 0.0), meanNotTotal(likelihood, 2)));
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("an E-step's responsibilities stay as they were when eStep runs again (its comment)")
    void eStepResultsStayAsTheyWere() {
        Promises.eStepResultsStayAsTheyWere((data, model) -> StudentCode.call("Ex4EStep.eStep(N=" + data.rows()
                + ", K=" + model.components() + ")", () -> Ex4EStep.eStep(data, model)));
    }
}
