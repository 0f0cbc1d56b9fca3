package org.emgmm.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.CovarianceType;
import org.emgmm.univariate.UnivariateEm;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RaceCase}: reading {@code --race}, the default, and the timing group a race gives. */
class RaceCaseTest {

    /** A race small enough to time in a unit test (about 0.1 s), large enough to be a real fit. */
    private static final int SMALL_N = 2_000;

    @Test
    void readsNByD() {
        assertEquals(new RaceCase(20_000, 10), RaceCase.parse("20000x10"));
        assertEquals(new RaceCase(500, 1), RaceCase.parse(" 500×1 "));
        assertNull(RaceCase.parse("none"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20000", "0x10", "axb", "20000x0", "x10", "20000x10x3", "-5x2", ""})
    void refusesWhatIsNotNByD(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RaceCase.parse(text));
        assertTrue(e.getMessage().startsWith("--race takes NxD"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    @Test
    void theDefaultRacesOnlyBelowFewPoints() {
        assertEquals(RaceCase.DEFAULT, RaceCase.defaultFor(272));
        assertEquals(RaceCase.DEFAULT, RaceCase.defaultFor(Timings.FEW_POINTS - 1));
        assertNull(RaceCase.defaultFor(Timings.FEW_POINTS));
        assertTrue(RaceCase.DEFAULT.rows() >= Timings.FEW_POINTS, "the default race has enough points itself");
    }

    @Test
    void aRaceTimesEachImplementationThatAppliesToItsColumns() {
        List<String> ran = List.of(VectorisedEm.NAME, LoopsEm.NAME, UnivariateEm.NAME);
        Timings timings = new RaceCase(SMALL_N, 3).time(2, CovarianceType.DIAG, 7, ran, 1);
        assertEquals(SMALL_N, timings.rows());
        assertEquals(3, timings.columns());
        assertEquals(2, timings.components());
        assertEquals("generated race case (seed 7)", timings.label());
        // univariate fits one column: on D = 3 it does not race.
        assertEquals(List.of(VectorisedEm.NAME, LoopsEm.NAME), timings.implementations());
        timings.millisPerIteration().forEach(millis -> assertTrue(millis > 0 && Double.isFinite(millis),
                "a time: " + millis));
    }

    @Test
    void onOneColumnUnivariateRacesToo() {
        List<String> ran = List.of(LoopsEm.NAME, UnivariateEm.NAME);
        Timings timings = new RaceCase(SMALL_N, 1).time(2, CovarianceType.FULL, 3, ran, 1);
        assertEquals(ran, timings.implementations());
    }

    @Test
    void aCaseNeedsAsManyPointsAsComponents() {
        assertThrows(IllegalArgumentException.class, () -> new RaceCase(2, 1).benchCase(3, 0));
    }
}
