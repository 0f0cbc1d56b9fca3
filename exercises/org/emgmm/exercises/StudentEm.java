package org.emgmm.exercises;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Responsibilities;
import org.emgmm.model.GaussianMixture;

/**
 * Your EM, assembled from exercises 4, 5 and 6 behind the library's {@link EmAlgorithm}: the E-step of
 * {@link Ex4EStep}, the M-step of {@link Ex5MStep}, and the loop of {@link Ex6EmLoop}. Nothing to
 * write here.
 *
 * <p>Once those three exercises pass, your EM stands beside the library's implementations:
 * <pre>
 *   mvn -q package -DskipTests
 *   java -jar target/em-gmm.jar fit --data old-faithful --components 2 --implementation student
 * </pre>
 * and {@code StudentEmPropertiesTest} (not graded) runs on it the same property suite that every
 * library implementation passes.
 */
public final class StudentEm implements EmAlgorithm {

    /** The name on the command line. */
    public static final String NAME = "student";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EStep eStep(DataMatrix data, GaussianMixture model) {
        return Ex4EStep.eStep(data, model);
    }

    @Override
    public GaussianMixture mStep(DataMatrix data, Responsibilities responsibilities, GaussianMixture previous,
            double regCovar) {
        return Ex5MStep.mStep(data, responsibilities, previous, regCovar);
    }

    @Override
    public EmResult fit(DataMatrix data, GaussianMixture start, EmSettings settings) {
        return Ex6EmLoop.run(this, data, start, settings);
    }
}
