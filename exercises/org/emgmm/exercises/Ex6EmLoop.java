package org.emgmm.exercises;

import java.util.Arrays;
import java.util.TreeSet;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmException;
import org.emgmm.em.EmLoop;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.EmptyComponents;
import org.emgmm.em.Responsibilities;
import org.emgmm.model.GaussianMixture;

/**
 * Exercise 6: the EM loop: iterations, the log-likelihood trace, convergence.
 *
 * <h2>Task</h2>
 * Run EM from θ₀ = {@code start}, alternating the E- and M-steps of {@code steps}, with exactly
 * these semantics (the library's {@link EmLoop} has the same; every implementation shares them):
 * <pre>
 *   check the data fits the start           EmLoop.requireCompatible(data, start)
 *   E-step on θ₀                            → r, trace[0] = L(θ₀)/N
 *   for t = 1 .. maxIterations:             (iteration t = one E-step, then one M-step: the E-step
 *                                             on θₜ₋₁ ran just before, and gave r)
 *       M-step with r                       → θₜ
 *       E-step on θₜ                        → r, trace[t] = L(θₜ)/N
 *       stop if hasConverged(trace[t−1], trace[t], tolerance)
 * </pre>
 * The trace holds the <em>mean</em> log-likelihood per point, L(θ)/N, so that one tolerance suits a
 * data set of any size. The E-step on θₜ serves twice: it gives θₜ's log-likelihood, and its
 * responsibilities are the first half of the next iteration. So the last trace entry always belongs
 * to the parameters returned, and {@code maxIterations = 0} returns the start itself with a one-entry
 * trace. The result ({@link EmResult}) records: {@code steps.name()}, the last θ, the trace (length
 * iterations + 1), the number of iterations run, whether the run stopped by converging (false when it
 * ran out of iterations, and always false for 0 iterations), the components that were empty in any
 * M-step (ascending; see {@link EmptyComponents}), N, and the wall-clock time in nanoseconds
 * ({@link System#nanoTime}).
 *
 * <p>Given (no need to change them): {@link #checkedEStep} and {@link #checkedMStep} run one step
 * and turn its failures into an {@link EmException} that names the iteration, as the command line
 * reports them; {@link #recordEmptyComponents} adds the components of r with Nₖ below the threshold
 * to a set. Call them from {@link #run}.
 *
 * <h2>Common mistakes</h2>
 * <ul>
 *   <li><b>Converging on the wrong number</b> (seed 001):
 *       {@code if iteration > 0 and abs(log_likelihood - log_likelihoods[-2]) < tol} is the right
 *       test on the wrong quantity: its "log-likelihood" is built from the responsibilities
 *       (exercise 4), so the loop stops when that number settles, whatever the real likelihood
 *       does.</li>
 *   <li><b>No test at all</b>: seed 002 runs {@code for iteration in range(100)} and seed 004
 *       {@code for i in tqdm(range(5000))} under a comment asking for 50. Either wastes thousands of
 *       iterations or stops before convergence, and neither run can say which.</li>
 *   <li><b>Off by one.</b> trace[0] belongs to the start; trace[t] to the parameters after t
 *       iterations. Ending on an M-step returns parameters whose log-likelihood is not in the trace,
 *       which is why the loop runs one E-step more than it runs M-steps: the E-step on θₜ gives
 *       trace[t], and is the first half of iteration t + 1 if there is one.</li>
 *   <li><b>The total instead of the mean.</b> L(θ) grows with N; a tolerance of 1e-6 on the total
 *       means something different for 100 points and for 10⁶. Compare L/N.</li>
 *   <li><b>≤ instead of &lt;, no absolute value, or a relative change.</b> The test is
 *       |trace[t] − trace[t−1]| &lt; tolerance, strictly, so that tolerance 0 runs exactly
 *       maxIterations iterations (which tests rely on). With reg-covar, or by rounding near
 *       convergence, the likelihood may dip a little; the absolute value counts a tiny dip as
 *       convergence too. And it is the absolute change, not |Δ| / |trace[t−1]|: the trace is already
 *       a mean per point, so one tolerance suits any data set as it is.</li>
 *   <li><b>No check that the data fits the start.</b> Without
 *       {@code EmLoop.requireCompatible(data, start)} as the first line, a start of another
 *       dimension, or with more components than points, fails later, inside a step, with a message
 *       about something else (or not at all).</li>
 * </ul>
 *
 * <h2>Read</h2>
 * Bishop, PRML, §9.2.2, the four steps with eqs. (9.23) to (9.28), and §9.4 for why L never
 * decreases; the scikit-learn user guide, "Gaussian mixture models" ({@code tol},
 * {@code max_iter}); Murphy, MLAPP, §11.4. The library's version is {@link EmLoop#run}: try yours
 * first.
 *
 * <h2>Check</h2>
 * {@code mvn test -Dexercise=6}
 */
public final class Ex6EmLoop {

    private Ex6EmLoop() {
    }

    /**
     * Runs EM with the given steps.
     *
     * @param steps    supplies the E- and M-steps and the name recorded in the result
     * @param data     N×D with N ≥ K. Not modified.
     * @param start    θ₀, of dimension D. Not modified.
     * @param settings maxIterations, tolerance, regCovar
     * @throws org.emgmm.data.DataException if the data does not fit the start
     * @throws EmException                  if a step fails (from the given helpers)
     */
    public static EmResult run(EmAlgorithm steps, DataMatrix data, GaussianMixture start, EmSettings settings) {
        throw new UnsupportedOperationException("TODO: E-step on the start, then M-step + E-step per iteration, "
                + "trace[t] = L/N, stop when hasConverged, see this class's comment and org.emgmm.em.EmLoop");
    }

    /**
     * The convergence test: |current − previous| &lt; tolerance (strictly).
     *
     * @param previous  trace[t − 1], a mean log-likelihood
     * @param current   trace[t]
     * @param tolerance ≥ 0; with 0 the test is never met
     */
    public static boolean hasConverged(double previous, double current, double tolerance) {
        throw new UnsupportedOperationException("TODO: |current − previous| < tolerance, strictly, see "
                + "org.emgmm.em.EmLoop");
    }

    // ---- Given: run one step, naming the iteration if it fails (the library's own checks, EmLoop's) --

    /**
     * {@code steps.eStep(data, model)}, checked: an {@link EmException} from the step gets the iteration
     * added to its message, and a log-likelihood that is not finite becomes one.
     *
     * @param iteration the iteration whose parameters these are (0 for the start)
     */
    public static EStep checkedEStep(EmAlgorithm steps, DataMatrix data, GaussianMixture model, int iteration) {
        return EmLoop.checkedEStep(steps, data, model, iteration);
    }

    /**
     * {@code steps.mStep(data, r, previous, regCovar)}, checked: a covariance that is not positive-definite
     * becomes an {@link EmException} naming the component and the iteration, with advice.
     *
     * @param iteration the iteration this M-step belongs to (1 for the first)
     */
    public static GaussianMixture checkedMStep(EmAlgorithm steps, DataMatrix data, Responsibilities r,
            GaussianMixture previous, double regCovar, int iteration) {
        return EmLoop.checkedMStep(steps, data, r, previous, regCovar, iteration);
    }

    /** Adds to {@code empty} every component k of r with Nₖ = Σᵢ r[i][k] below {@link EmptyComponents#THRESHOLD}. */
    public static void recordEmptyComponents(Responsibilities r, TreeSet<Integer> empty) {
        EmLoop.recordEmptyComponents(r, empty);
    }
}
