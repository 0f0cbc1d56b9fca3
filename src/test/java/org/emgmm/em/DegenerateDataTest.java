package org.emgmm.em;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.emgmm.data.DataException;
import org.emgmm.data.DataMatrix;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.Test;

/**
 * scikit-learn's regularisation test, ported: ten points in five dimensions, five copies of (1, …, 1)
 * and five of (0, …, 0), fitted with as many components as points. With reg-covar 0 the components
 * beyond the two distinct points would have no spread, and the fit fails with the degenerate-data
 * message; with reg-covar it runs, for every covariance type and every start that can share points.
 */
class DegenerateDataTest {

    private static final int POINTS = 10;
    private static final int DIMENSIONS = 5;

    /** The starts that build components from clusters, and so can let components share points. */
    private static final List<InitMethod> SHARING_STARTS = List.of(InitMethod.RANDOM_RESPONSIBILITIES,
            InitMethod.K_MEANS_PLUS_PLUS, InitMethod.KMEANS);

    private static DataMatrix onesAndZeros() {
        double[][] rows = new double[POINTS][DIMENSIONS];
        for (int i = 0; i < POINTS / 2; i++) {
            java.util.Arrays.fill(rows[i], 1.0);
        }
        return DataMatrix.ofRows(rows);
    }

    @Test
    void withRegCovarZeroEveryStartRefusesWithTheDegenerateDataMessage() {
        DataMatrix data = onesAndZeros();
        for (InitMethod method : SHARING_STARTS) {
            DataException e = assertThrows(DataException.class, () -> method.start(data, POINTS, 0L, 0.0),
                    method.label());
            assertTrue(e.getMessage().contains("only 2 distinct points") && e.getMessage().contains("--reg-covar")
                    && e.getMessage().contains("use at most 2 components"), e.getMessage());
        }
        DataException e = assertThrows(DataException.class,
                () -> InitMethod.RANDOM_POINTS.start(data, POINTS, 0L, 0.0));
        assertTrue(e.getMessage().contains("only 2 distinct points") && e.getMessage().contains("kmeans"),
                e.getMessage());
    }

    @Test
    void withRegCovarEveryCovarianceTypeFitsFromEverySharingStart() {
        DataMatrix data = onesAndZeros();
        EmSettings settings = EmSettings.defaults();
        for (InitMethod method : SHARING_STARTS) {
            for (CovarianceType type : CovarianceType.values()) {
                GaussianMixture start = method.start(data, POINTS, 0L, settings.regCovar()).constrainedTo(type);
                for (EmAlgorithm algorithm : List.of(new LoopsEm(), new VectorisedEm(1))) {
                    EmResult result = algorithm.fit(data, start, settings);
                    String where = method.label() + ", " + type.label() + ", " + algorithm.name();
                    assertEquals(type, result.model().covarianceType(), where);
                    assertTrue(Double.isFinite(result.logLikelihood()), where);
                    assertEquals(POINTS, result.model().components(), where);
                }
            }
        }
    }

    /**
     * A start read from a file skips the start's check; then it is the M-step that meets the collapse,
     * and its message says to raise reg-covar.
     */
    @Test
    void aStartGivenWithRegCovarZeroFailsInTheMStepNamingRegCovar() {
        DataMatrix data = onesAndZeros();
        GaussianMixture start = InitMethod.KMEANS.start(data, POINTS, 0L, EmSettings.DEFAULT_REG_COVAR);
        for (CovarianceType type : CovarianceType.values()) {
            GaussianMixture typed = start.constrainedTo(type);
            EmException e = assertThrows(EmException.class,
                    () -> new LoopsEm().fit(data, typed, EmSettings.defaults().withRegCovar(0.0)), type.label());
            assertTrue(e.getMessage().contains("not positive-definite") && e.getMessage().contains("--reg-covar"),
                    e.getMessage());
        }
    }
}
