package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.emgmm.data.DataException;
import org.emgmm.model.CovarianceType;
import org.emgmm.selection.ComponentRange;
import org.emgmm.selection.ModelSelection;
import org.junit.jupiter.api.Test;

/**
 * Sizes at the ends of an int (issue 21): ranges that end at {@link Integer#MAX_VALUE} end, counts that
 * pass an int are refused with one line. Each hang test has a timeout far above what the right code
 * takes (milliseconds), so a loop that wraps fails the test instead of hanging the build.
 */
class SizeLimitsTest {

    /** Long enough for a slow shared machine, short enough that a hang fails quickly. */
    private static final Duration HANG = Duration.ofSeconds(20);

    @Test
    void aRangeEndingAtTheLargestIntEnds() {
        ComponentRange one = assertTimeoutPreemptively(HANG, () -> ComponentRange.parse("2147483647..2147483647"));
        assertEquals(java.util.List.of(Integer.MAX_VALUE), one.values());
        ComponentRange last48 = assertTimeoutPreemptively(HANG, () -> ComponentRange.parse("2147483600..2147483647"));
        assertEquals(48, last48.size());
        assertEquals(Integer.MAX_VALUE, last48.last());
        assertEquals(1, assertTimeoutPreemptively(HANG,
                () -> ComponentRange.between(Integer.MAX_VALUE, Integer.MAX_VALUE)).size());
    }

    @Test
    void selectOverARangeEndingAtTheLargestIntEndsAtOnceWithOneLine() {
        for (String range : new String[] {"2147483647..2147483647", "2147483600..2147483647"}) {
            CommandRun run = assertTimeoutPreemptively(HANG,
                    () -> CommandRun.of("select", "--data", "old-faithful", "--components", range));
            String line = run.badInputLine();
            assertTrue(line.contains("2,147,483,647 components in 2 dimensions with full covariances"), line);
            assertTrue(line.contains("choose fewer components or columns"), line);
        }
    }

    @Test
    void freeParametersThatPassAnIntAreRefusedNamingKAndD() {
        // (K − 1) + K·D + K·D(D+1)/2: 2 + 6 + 9 for three full components in two dimensions.
        assertEquals(17, ModelSelection.freeParameters(CovarianceType.FULL, 3, 2));
        // Spherical, D = 1: 3K − 1, the largest K that fits and the first that does not.
        assertEquals(Integer.MAX_VALUE - 2, ModelSelection.freeParameters(CovarianceType.SPHERICAL, 715_827_882, 1));
        assertThrows(DataException.class, () -> ModelSelection.freeParameters(CovarianceType.SPHERICAL, 715_827_883, 1));
        DataException e = assertThrows(DataException.class,
                () -> ModelSelection.freeParameters(CovarianceType.FULL, Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertEquals("2,147,483,647 components in 2,147,483,647 dimensions with full covariances would have more than"
                + " 9,223,372,036,854,775,807 free parameters, more than the 2,147,483,647 a model can count: choose"
                + " fewer components or columns", e.getMessage());
        assertThrows(DataException.class, () -> ModelSelection.freeParameters(CovarianceType.FULL, 400_000_000, 2));
    }
}
