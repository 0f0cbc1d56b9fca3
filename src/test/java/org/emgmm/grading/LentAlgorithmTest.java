package org.emgmm.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.emgmm.em.EmSettings;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.CovarianceType;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Scenario;
import org.emgmm.testing.Generators.Spec;
import org.junit.jupiter.api.Test;

/**
 * Not graded: what a {@link LentAlgorithm} lets student code do (the steps for exercise 6, the fit for
 * exercise 9, each the library's own result), what it refuses, and that it refuses everything once the
 * call it was lent for has returned, so that a copy kept in a static field is of no use to a later test.
 */
class LentAlgorithmTest {

    private static final LoopsEm LIBRARY = new LoopsEm();

    private static Scenario scenario() {
        return Generators.scenario(new SplittableRandom(RunSeed.value()), Spec.multivariate());
    }

    @Test
    void theStepsAreTheLibrarysAndTheLoopIsRefused() {
        Scenario scenario = scenario();
        try (LentAlgorithm steps = LentAlgorithm.steps(LIBRARY)) {
            assertEquals(LIBRARY.name(), steps.name());
            assertEquals(LIBRARY.supports(CovarianceType.FULL), steps.supports(CovarianceType.FULL));
            assertEquals(LIBRARY.supportsSampleWeights(), steps.supportsSampleWeights());
            var expected = LIBRARY.eStep(scenario.data(), scenario.start());
            var lent = steps.eStep(scenario.data(), scenario.start());
            assertEquals(expected.logLikelihood(), lent.logLikelihood());
            assertTrue(java.util.Arrays.equals(expected.responsibilities().toFlatArray(),
                    lent.responsibilities().toFlatArray()));
            var r = LIBRARY.eStep(scenario.data(), scenario.start()).responsibilities();
            assertEquals(LIBRARY.mStep(scenario.data(), r, scenario.start(), 1e-6),
                    steps.mStep(scenario.data(), r, scenario.start(), 1e-6));
            UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                    () -> steps.fit(scenario.data(), scenario.start(), EmSettings.defaults()));
            assertTrue(refused.getMessage().contains("eStep and mStep only"), refused.getMessage());
        }
    }

    @Test
    void theFitIsTheLibrarysAndTheStepsAreRefused() {
        Scenario scenario = scenario();
        try (LentAlgorithm fits = LentAlgorithm.fits(LIBRARY)) {
            EmSettings settings = new EmSettings(5, 0.0, 1e-6);
            assertEquals(LIBRARY.fit(scenario.data(), scenario.start(), settings).model(),
                    fits.fit(scenario.data(), scenario.start(), settings).model());
            assertThrows(UnsupportedOperationException.class, () -> fits.eStep(scenario.data(), scenario.start()));
            var r = LIBRARY.eStep(scenario.data(), scenario.start()).responsibilities();
            assertThrows(UnsupportedOperationException.class,
                    () -> fits.mStep(scenario.data(), r, scenario.start(), 1e-6));
        }
    }

    @Test
    void onceTheCallHasReturnedEveryMethodIsRefused() {
        Scenario scenario = scenario();
        LentAlgorithm kept = LentAlgorithm.steps(LIBRARY);
        kept.close();
        var r = LIBRARY.eStep(scenario.data(), scenario.start()).responsibilities();
        for (org.junit.jupiter.api.function.Executable call : new org.junit.jupiter.api.function.Executable[] {
            kept::name, () -> kept.eStep(scenario.data(), scenario.start()),
            () -> kept.mStep(scenario.data(), r, scenario.start(), 1e-6),
            () -> kept.fit(scenario.data(), scenario.start(), EmSettings.defaults()),
            () -> kept.supports(CovarianceType.FULL), kept::supportsSampleWeights}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, call);
            assertTrue(refused.getMessage().contains("do not keep it in a field"), refused.getMessage());
        }
    }
}
