package org.emgmm.exercises;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Responsibilities;
import org.emgmm.linalg.Cholesky;
import org.emgmm.model.GaussianMixture;

/**
 * Your vectorised EM: the blocked E-step and M-step of {@link Ex10Vectorise} in the loop of
 * {@link Ex6EmLoop}, behind the library's {@link EmAlgorithm}. Nothing to write here.
 *
 * <p>It is {@link StudentEm} reorganised: the same EM, the same numbers (to rounding), in blocks. Race
 * the two, and the library's, on any data:
 * <pre>
 *   mvn -q package -DskipTests
 *   java -jar target/em-gmm.jar compare --data old-faithful --components 2 --seed 1 \
 *        --implementations student,student-vectorised,vectorised
 * </pre>
 */
public final class StudentVectorisedEm implements EmAlgorithm {

    /** The name on the command line. */
    public static final String NAME = "student-vectorised";

    /**
     * Points per block: 256 points of D ≤ 10 coordinates make working arrays of a few tens of KB, which
     * stay in a core's first- or second-level cache, and loops of 256 steps are long enough that their
     * start-up cost does not count.
     */
    public static final int BLOCK = 256;

    @Override
    public String name() {
        return NAME;
    }

    /** Exercise 10's E-step, given each covariance's Cholesky factor and log det Σₖ from the mixture. */
    @Override
    public EStep eStep(DataMatrix data, GaussianMixture model) {
        int k = model.components();
        int d = model.dimension();
        double[] factors = new double[k * d * d];
        double[] logDeterminants = new double[k];
        for (int c = 0; c < k; c++) {
            Cholesky factor = model.cholesky(c);
            System.arraycopy(factor.lowerTriangle(), 0, factors, c * d * d, d * d);
            logDeterminants[c] = factor.logDeterminant();
        }
        return Ex10Vectorise.eStep(data, model, factors, logDeterminants, BLOCK);
    }

    /** Exercise 10's M-step, from the moment sums about the previous means. */
    @Override
    public GaussianMixture mStep(DataMatrix data, Responsibilities responsibilities, GaussianMixture previous,
            double regCovar) {
        return Ex10Vectorise.mStep(data, responsibilities, previous, regCovar, BLOCK);
    }

    /** Exercise 6's loop, with the steps above. */
    @Override
    public EmResult fit(DataMatrix data, GaussianMixture start, EmSettings settings) {
        return Ex6EmLoop.run(this, data, start, settings);
    }
}
