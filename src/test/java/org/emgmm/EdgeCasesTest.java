package org.emgmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmException;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.model.GaussianMixture;
import org.emgmm.univariate.UnivariateEm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Behaviour at the edges that every implementation must share: an empty component, a covariance that
 * collapses, data the implementation cannot take.
 */
class EdgeCasesTest {

    static Stream<EmAlgorithm> implementations() {
        return Implementations.all().stream();
    }

    /** One-dimensional data: three points near 0, three near 10. */
    private static final DataMatrix TWO_CLUSTERS = DataMatrix.ofRows(
            new double[][] {{-0.5}, {0.0}, {0.5}, {9.5}, {10.0}, {10.5}});

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void componentFarFromAllDataIsEmptyKeepsItsMeanAndIsReported(EmAlgorithm algorithm) {
        // Component 2 sits 10⁶ away with unit variance: every responsibility for it is exp(−5·10¹¹) = 0.
        GaussianMixture start = GaussianMixture.of(new double[] {0.4, 0.4, 0.2},
                new double[][] {{0.0}, {10.0}, {1e6}},
                new double[][][] {{{1.0}}, {{1.0}}, {{1.0}}});

        EmResult result = algorithm.fit(TWO_CLUSTERS, start, EmSettings.defaults().withMaxIterations(5));

        assertArrayEquals(new int[] {2}, result.emptyComponents());
        assertEquals(0.0, result.model().weight(2), "an empty component's weight is N_k/N = 0");
        assertEquals(1e6, result.model().mean(2, 0), "an empty component keeps its mean");
        assertEquals(1.0, result.model().covariance(2, 0, 0), "an empty component keeps its covariance");
        assertEquals(0.0, result.model().mean(0, 0), 1e-12, "the other components go on fitting");
        assertEquals(10.0, result.model().mean(1, 0), 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void collapsedCovarianceWithoutRegularisationNamesComponentAndIteration(EmAlgorithm algorithm) {
        // Three identical points own component 0 entirely (the others' responsibility underflows to 0),
        // so its new covariance is exactly 0: not positive-definite when reg-covar is 0.
        DataMatrix data = DataMatrix.ofRows(new double[][] {{0.0}, {0.0}, {0.0}, {99.0}, {100.0}, {101.0}});
        GaussianMixture start = GaussianMixture.of(new double[] {0.5, 0.5},
                new double[][] {{0.0}, {100.0}}, new double[][][] {{{1.0}}, {{1.0}}});

        EmException error = assertThrows(EmException.class,
                () -> algorithm.fit(data, start, EmSettings.defaults().withRegCovar(0.0)));

        assertTrue(error.getMessage().contains("component 0"), error.getMessage());
        assertTrue(error.getMessage().contains("iteration 1"), error.getMessage());
        assertTrue(error.getMessage().contains("--reg-covar"), error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void sameCollapseIsRescuedByRegCovar(EmAlgorithm algorithm) {
        DataMatrix data = DataMatrix.ofRows(new double[][] {{0.0}, {0.0}, {0.0}, {99.0}, {100.0}, {101.0}});
        GaussianMixture start = GaussianMixture.of(new double[] {0.5, 0.5},
                new double[][] {{0.0}, {100.0}}, new double[][][] {{{1.0}}, {{1.0}}});

        EmResult result = algorithm.fit(data, start, EmSettings.defaults().withMaxIterations(3));

        assertEquals(EmSettings.DEFAULT_REG_COVAR, result.model().covariance(0, 0, 0), 0.0,
                "a collapsed component's covariance is exactly reg-covar");
    }

    @Test
    void univariateRefusesTwoDimensionalDataWithAdvice() {
        DataMatrix data = DataMatrix.ofRows(new double[][] {{0, 1}, {1, 0}, {2, 2}});
        GaussianMixture start = GaussianMixture.of(new double[] {1.0}, new double[][] {{1, 1}},
                new double[][][] {{{1, 0}, {0, 1}}});

        EmException error = assertThrows(EmException.class,
                () -> new UnivariateEm().fit(data, start, EmSettings.defaults()));

        assertTrue(error.getMessage().contains("2 columns"), error.getMessage());
        assertTrue(error.getMessage().contains("--columns"), error.getMessage());
    }
}
