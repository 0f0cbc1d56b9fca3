package org.emgmm.grading;

import java.util.List;
import java.util.SplittableRandom;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.Responsibilities;
import org.emgmm.exercises.Ex10Vectorise;
import org.emgmm.linalg.Cholesky;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Scenario;
import org.emgmm.testing.Generators.Spec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Graded: exercise 10, the E-step and the M-step's sums in blocks ({@link Ex10Vectorise}). The expected
 * values are the library's per-point loops ({@link LoopsEm}) and, for the sums, their definition summed
 * point by point here; the Cholesky factors handed to the E-step are the library's.
 */
@Exercise(10)
@DisplayName("Exercise 10: vectorise")
class Exercise10Test {

    /**
     * Against the per-point loops: the same formulas with the same operations in the same order for each
     * point (the block changes the order of the loops, not of the arithmetic of one point), so rounding
     * alone separates them, relative to the values' size; 1e-12 leaves room for log and exp to round
     * differently in the last bits.
     */
    static final double TOLERANCE = 1e-12;

    /**
     * Sums and M-step against sums taken point by point. The blocks add the same terms in another
     * grouping (each block's partial sum first): at most 400 terms here, so a few hundred roundings of
     * about 1e-16 relative to the largest sum, 1e-13 at most. The M-step then subtracts δδᵀ from S2/N,
     * which loses about log₁₀(|δ|²/σ²) digits: the test cases start at points of the data or at a
     * perturbed truth, at most a few tens of standard deviations from the new means, so 3 digits at
     * most. 1e-10, relative to the largest entry, covers both and is far below any of the mistakes.
     */
    static final double SUMS_TOLERANCE = 1e-10;

    /** Random cases per test, drawn from the run's seed ({@link RunSeed}): new ones in every run. */
    static final int CASES = 20;

    /** The generator of one test's inputs. */
    static SplittableRandom random(String test) {
        return RunSeed.forTest(Exercise10Test.class, test);
    }

    /** The blocked E-step, as graded: the student's, or a planted one in {@code KnownMistakesTest}. */
    @FunctionalInterface
    interface BlockedEStep {
        EStep of(DataMatrix data, GaussianMixture model, double[] factors, double[] logDeterminants, int block);
    }

    /** The blocked moment sums. */
    @FunctionalInterface
    interface MomentSums {
        Ex10Vectorise.Sums of(DataMatrix data, Responsibilities r, double[] centres, int block);
    }

    /** The M-step from the sums. */
    @FunctionalInterface
    interface BlockedMStep {
        GaussianMixture of(DataMatrix data, Responsibilities r, GaussianMixture previous, double regCovar, int block);
    }

    static final BlockedEStep STUDENT_E = (data, model, factors, logDeterminants, block) -> StudentCode.call(
            "Ex10Vectorise.eStep(N=" + data.rows() + ", D=" + data.columns() + ", K=" + model.components() + ", block="
                    + block + ")", () -> Ex10Vectorise.eStep(data, model, factors, logDeterminants, block));

    static final MomentSums STUDENT_SUMS = (data, r, centres, block) -> StudentCode.call("Ex10Vectorise.momentSums(N="
            + data.rows() + ", D=" + data.columns() + ", K=" + r.components() + ", block=" + block + ")",
            () -> Ex10Vectorise.momentSums(data, r, centres, block));

    static final BlockedMStep STUDENT_M = (data, r, previous, regCovar, block) -> StudentCode.call(
            "Ex10Vectorise.mStep(N=" + data.rows() + ", D=" + data.columns() + ", K=" + r.components() + ", block="
                    + block + ")", () -> Ex10Vectorise.mStep(data, r, previous, regCovar, block));

    /** Every Lₖ of the mixture, K×D×D flat, from the library's factorisation. */
    static double[] factors(GaussianMixture model) {
        int d = model.dimension();
        double[] factors = new double[model.components() * d * d];
        for (int c = 0; c < model.components(); c++) {
            System.arraycopy(model.cholesky(c).lowerTriangle(), 0, factors, c * d * d, d * d);
        }
        return factors;
    }

    /** log det Σₖ for every k, from the library's factorisation. */
    static double[] logDeterminants(GaussianMixture model) {
        double[] logDeterminants = new double[model.components()];
        for (int c = 0; c < logDeterminants.length; c++) {
            Cholesky factor = model.cholesky(c);
            logDeterminants[c] = factor.logDeterminant();
        }
        return logDeterminants;
    }

    /**
     * Block sizes for N points, each a case the blocks must get right: one point per block, a block that
     * does not divide N, one block exactly N, a block larger than N, and one at random.
     */
    static int[] blocks(SplittableRandom random, int n) {
        int notDividing = n <= 2 ? 2 : 2 + random.nextInt(n - 2);
        while (n > 2 && n % notDividing == 0) {
            notDividing++;
        }
        return new int[] {1, notDividing, n, n + 1 + random.nextInt(300), 1 + random.nextInt(n)};
    }

    static EStep checked(BlockedEStep method, DataMatrix data, GaussianMixture model, int block, String what) {
        EStep step = Expect.notNull(method.of(data, model, factors(model), logDeterminants(model), block),
                "Ex10Vectorise.eStep(" + what + ")", "return new EStep(responsibilities, logLikelihood)");
        Expect.notNull(step.responsibilities(), "responsibilities of the E-step (" + what + ")",
                "wrap the flat N×K array with Responsibilities.wrap(N, K, values)");
        Expect.that(step.responsibilities().points() == data.rows()
                && step.responsibilities().components() == model.components(),
                "shape of the responsibilities (" + what + ")", data.rows() + "×" + model.components(),
                step.responsibilities().points() + "×" + step.responsibilities().components(),
                "one row per point, one column per component");
        return step;
    }

    private static String describe(Scenario scenario, int block) {
        return "N=" + scenario.points() + " D=" + scenario.dimension() + " K=" + scenario.components() + " block="
                + block;
    }

    /** What dropping the last N mod B points gives: the right rows, then rows of zeros. */
    static KnownMistakes.Mistake lastBlockDropped(double[] expected, int n, int k, int block) {
        double[] dropped = expected.clone();
        java.util.Arrays.fill(dropped, (n / block) * block * k, dropped.length, 0.0);
        return KnownMistakes.Mistake.of("what leaving out the last, shorter block gives (rows " + (n / block) * block
                + " on are 0): the last block has min(B, N − start) points; loop while start < N", dropped);
    }

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("every point is in a block, whether B divides N or not, and when N is smaller than B")
    void everyBlockCounts() {
        everyBlockCounts(STUDENT_E);
    }

    static void everyBlockCounts(BlockedEStep method) {
        SplittableRandom random = random("everyBlockCounts");
        LoopsEm library = new LoopsEm();
        for (int c = 0; c < CASES / 2; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate());
            GaussianMixture model = scenario.truth();
            double[] expected = library.eStep(scenario.data(), model).responsibilities().toFlatArray();
            for (int block : blocks(random, scenario.points())) {
                EStep step = checked(method, scenario.data(), model, block, describe(scenario, block));
                Expect.arrayClose(expected, step.responsibilities().toFlatArray(), TOLERANCE,
                        "responsibilities (flat, r[i][k] at i * K + k; " + describe(scenario, block) + ")",
                        "blocks start at 0, B, 2B, … while start < N, each of min(B, N − start) points",
                        List.of(lastBlockDropped(expected, scenario.points(), scenario.components(), block)));
            }
        }
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("each point's log-sum-exp is shifted by its own maximum, not the block's")
    void eachPointHasItsOwnShift() {
        eachPointHasItsOwnShift(STUDENT_E);
    }

    static void eachPointHasItsOwnShift(BlockedEStep method) {
        SplittableRandom random = random("eachPointHasItsOwnShift");
        LoopsEm library = new LoopsEm();
        for (int c = 0; c < CASES / 2; c++) {
            // N(m, σ²) and N(m + Δ, σ²), and in one block a point near them and a point 40 to 60 σ away: the
            // far point's log ρ is below −800 for both components, so exp(log ρ − the block's maximum)
            // underflows to 0 for both and its row is 0/0, while its own maximum keeps it finite.
            double m = random.nextDouble(-10.0, 10.0);
            double sigma = random.nextDouble(0.5, 2.0);
            double delta = random.nextDouble(1.0, 3.0) * sigma;
            double far = random.nextDouble(40.0, 60.0) * sigma * (random.nextBoolean() ? 1 : -1);
            double w = random.nextDouble(0.2, 0.8);
            GaussianMixture model = GaussianMixture.of(new double[] {w, 1.0 - w}, new double[][] {{m}, {m + delta}},
                    new double[][][] {{{sigma * sigma}}, {{sigma * sigma}}});
            DataMatrix data = DataMatrix.ofRows(new double[][] {{m + random.nextDouble(0.0, delta)}, {m + far}});
            double[] expected = library.eStep(data, model).responsibilities().toFlatArray();
            String what = "a point near N(" + Expect.format(m) + ", σ²) and N(" + Expect.format(m + delta)
                    + ", σ²), σ = " + Expect.format(sigma) + ", and one at " + Expect.format(m + far) + ", one block";
            EStep step = checked(method, data, model, 2, what);
            Expect.arrayClose(expected, step.responsibilities().toFlatArray(), TOLERANCE,
                    "responsibilities of " + what,
                    "shift each point's log-sum-exp by that point's own maximum over k, m[b] = maxₖ logP[k][b], not by"
                            + " the block's maximum: the far point's terms are all e^−800 or less below the near one's");
        }
    }

    @Test
    @Order(3)
    @Points(1)
    @DisplayName("the inputs stay as they were and every result is new (the comments)")
    void inputsStayAndResultsAreNew() {
        Promises.vectoriseKeepsItsPromises(STUDENT_E, STUDENT_SUMS);
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("responsibilities match the library to 1e-12 on random mixtures and block sizes")
    void responsibilitiesMatchTheLibrary() {
        responsibilitiesMatchTheLibrary(STUDENT_E);
    }

    static void responsibilitiesMatchTheLibrary(BlockedEStep method) {
        SplittableRandom random = random("responsibilitiesMatchTheLibrary");
        LoopsEm library = new LoopsEm();
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate());
            for (GaussianMixture model : Generators.eStepModels(scenario)) {
                int block = blocks(random, scenario.points())[1 + random.nextInt(4)];
                double[] expected = library.eStep(scenario.data(), model).responsibilities().toFlatArray();
                EStep step = checked(method, scenario.data(), model, block, describe(scenario, block));
                Expect.arrayClose(expected, step.responsibilities().toFlatArray(), TOLERANCE,
                        "responsibilities (flat, r[i][k] at i * K + k; " + describe(scenario, block) + ")",
                        "r[i][k] = exp(logP[k][b] − m[b]) / s[b] with logP[k][b] = log πₖ − ½ (D log 2π + log det Σₖ)"
                                + " − ½ Σⱼ z[j][b]² and Lₖ z = xᵢ − μₖ",
                        List.of(lastBlockDropped(expected, scenario.points(), scenario.components(), block)));
            }
        }
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("the log-likelihood matches the library to 1e-12 on random mixtures and block sizes")
    void logLikelihoodMatchesTheLibrary() {
        logLikelihoodMatchesTheLibrary(STUDENT_E);
    }

    static void logLikelihoodMatchesTheLibrary(BlockedEStep method) {
        SplittableRandom random = random("logLikelihoodMatchesTheLibrary");
        LoopsEm library = new LoopsEm();
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate());
            for (GaussianMixture model : Generators.eStepModels(scenario)) {
                int block = blocks(random, scenario.points())[1 + random.nextInt(4)];
                double expected = library.eStep(scenario.data(), model).logLikelihood();
                EStep step = checked(method, scenario.data(), model, block, describe(scenario, block));
                Expect.close(expected, step.logLikelihood(), TOLERANCE, "L(θ) (" + describe(scenario, block) + ")",
                        "L(θ) = Σ over every block of Σ_b (m[b] + log s[b]), each point's normaliser once",
                        List.of(KnownMistakes.Mistake.of("the mean L/N where the total L belongs",
                                expected / scenario.points())));
            }
        }
    }

    /** Nₖ, s1ₖ and S2ₖ about {@code centres}, point by point: the definition. */
    static double[] directSums(DataMatrix data, Responsibilities r, double[] centres) {
        int d = data.columns();
        int k = r.components();
        double[] sums = new double[k + k * d + k * d * d];
        for (int i = 0; i < data.rows(); i++) {
            for (int c = 0; c < k; c++) {
                double weight = r.get(i, c);
                sums[c] += weight;
                for (int a = 0; a < d; a++) {
                    double ya = data.get(i, a) - centres[c * d + a];
                    sums[k + c * d + a] += weight * ya;
                    for (int e = 0; e < d; e++) {
                        sums[k + k * d + (c * d + a) * d + e] += weight * ya * (data.get(i, e) - centres[c * d + e]);
                    }
                }
            }
        }
        return sums;
    }

    /** The sums as one array: Nₖ, then s1, then S2, as {@link #directSums} lays them out. */
    static double[] flat(Ex10Vectorise.Sums sums, String what) {
        Expect.notNull(sums, what, "return new Sums(counts, first, second)");
        Expect.notNull(sums.counts(), what + ".counts()", "Nₖ, K values");
        Expect.notNull(sums.first(), what + ".first()", "s1ₖ[j] at k * D + j");
        Expect.notNull(sums.second(), what + ".second()", "S2ₖ[a][b] at (k * D + a) * D + b");
        double[] all = new double[sums.counts().length + sums.first().length + sums.second().length];
        System.arraycopy(sums.counts(), 0, all, 0, sums.counts().length);
        System.arraycopy(sums.first(), 0, all, sums.counts().length, sums.first().length);
        System.arraycopy(sums.second(), 0, all, sums.counts().length + sums.first().length, sums.second().length);
        return all;
    }

    @Test
    @Order(6)
    @Points(2)
    @DisplayName("the moment sums are about the given centres, in any block size")
    void momentSumsAboutTheCentres() {
        momentSumsAboutTheCentres(STUDENT_SUMS);
    }

    static void momentSumsAboutTheCentres(MomentSums method) {
        SplittableRandom random = random("momentSumsAboutTheCentres");
        LoopsEm library = new LoopsEm();
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate());
            DataMatrix data = scenario.data();
            Responsibilities r = library.eStep(data, scenario.start()).responsibilities();
            double[] centres = scenario.start().flatMeans();
            double[] expected = directSums(data, r, centres);
            GaussianMixture next = library.mStep(data, r, scenario.start(), 0.0);
            for (int block : blocks(random, scenario.points())) {
                String what = "momentSums(" + describe(scenario, block) + ", centres = the start's means)";
                Expect.arrayClose(expected, flat(method.of(data, r, centres.clone(), block), what), SUMS_TOLERANCE,
                        what + " as Nₖ, then s1 (k * D + j), then S2 ((k * D + a) * D + b)",
                        "s1ₖ = Σᵢ r[i][k] (xᵢ − cₖ), S2ₖ = Σᵢ r[i][k] (xᵢ − cₖ)(xᵢ − cₖ)ᵀ with cₖ the centres given",
                        List.of(KnownMistakes.Mistake.of("the sums about 0, Σ r x and Σ r x xᵀ: centre on cₖ first",
                                directSums(data, r, new double[centres.length])),
                                KnownMistakes.Mistake.of("the sums about the new means Σ r x / Nₖ: the centres are the"
                                        + " ones given", directSums(data, r, next.flatMeans()))));
            }
        }
    }

    @Test
    @Order(7)
    @Points(1)
    @DisplayName("the M-step from the sums matches the library's M-step")
    void mStepMatchesTheLibrary() {
        mStepMatchesTheLibrary(STUDENT_M);
    }

    static void mStepMatchesTheLibrary(BlockedMStep method) {
        SplittableRandom random = random("mStepMatchesTheLibrary");
        LoopsEm library = new LoopsEm();
        for (int c = 0; c < CASES; c++) {
            Scenario scenario = Generators.scenario(random, Spec.multivariate());
            DataMatrix data = scenario.data();
            GaussianMixture previous = scenario.start();
            Responsibilities r = library.eStep(data, previous).responsibilities();
            double regCovar = random.nextBoolean() ? 0.0 : 1e-6;
            int block = blocks(random, scenario.points())[1 + random.nextInt(4)];
            String what = "mStep(" + describe(scenario, block) + ", regCovar " + regCovar + ")";
            GaussianMixture got = Expect.notNull(method.of(data, r, previous, regCovar, block), what,
                    "return GaussianMixture.ofFlat(K, D, weights, means, covariances)");
            Expect.mixtureClose(library.mStep(data, r, previous, regCovar), got, SUMS_TOLERANCE, what,
                    "πₖ = Nₖ / N, μₖ' = cₖ + δₖ, Σₖ' = S2ₖ / Nₖ − δₖ δₖᵀ + regCovar · I with δₖ = s1ₖ / Nₖ and cₖ the"
                            + " previous means");
        }
    }
}
