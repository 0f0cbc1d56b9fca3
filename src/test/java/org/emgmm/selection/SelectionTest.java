package org.emgmm.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.emgmm.model.GaussianMixture;
import org.junit.jupiter.api.Test;

/** The pieces of {@code select} below the command line: reading K ranges, and spotting a collapsed fit. */
class SelectionTest {

    @Test
    void rangesListsAndSingleKsRead() {
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), ComponentRange.parse("1..8").values());
        assertEquals(List.of(3), ComponentRange.parse("3").values());
        assertEquals(List.of(1, 2, 5), ComponentRange.parse("1,2,5").values());
        assertEquals(List.of(1, 2, 3, 6), ComponentRange.parse("1..3,6").values());
        assertEquals(List.of(1, 5), ComponentRange.parse("5, 1,5").values(), "sorted, each once");
        assertEquals(List.of(4), ComponentRange.parse("4..4").values());
    }

    @Test
    void rangesPrintAsTheyAreWritten() {
        assertEquals("1..8", ComponentRange.parse("1..8").toString());
        assertEquals("1, 2, 5", ComponentRange.parse("1,2,5").toString());
        assertEquals("3", ComponentRange.parse("3").toString());
    }

    @Test
    void rangesBuiltInCodeHoldOnlyKsOfAtLeastOneAscending() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> ComponentRange.between(0, 3));
        assertTrue(zero.getMessage().contains("at least 1"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ComponentRange(List.of(-1)));
        assertThrows(IllegalArgumentException.class, () -> new ComponentRange(List.of(2, 1)));
        assertThrows(IllegalArgumentException.class, () -> new ComponentRange(List.of(2, 2)));
        assertEquals(List.of(1, 2, 3), ComponentRange.between(1, 3).values());
    }

    @Test
    void badRangesAreRefusedWithWhatToWrite() {
        assertMessage("0", "K = 0");
        assertMessage("-2..3", "K = -2");
        assertMessage("8..1", "runs backwards: write the smaller K first, 1..8");
        assertMessage("two", "'two' is not a number of components");
        assertMessage("1..", "is not a number of components");
        assertMessage("1...8", "is not a number of components");
        assertMessage("1,,2", "is not a number of components");
        assertMessage("", "is not a number of components");
        assertMessage("99999999999", "is not a number of components");
        assertMessage("1..101", "more than 100 values");
        assertMessage("1..2147483647", "more than 100 values");
    }

    private static void assertMessage(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComponentRange.parse(text));
        assertTrue(e.getMessage().contains(expected), text + ": " + e.getMessage());
    }

    @Test
    void theDefaultIsMclustsOneToNineCappedByThePoints() {
        assertEquals(ComponentRange.between(1, 9), ComponentRange.defaultFor(1000));
        assertEquals(ComponentRange.between(1, 4), ComponentRange.defaultFor(4));
    }

    @Test
    void aConditionalVarianceAtRegCovarIsACollapse() {
        double reg = 1e-6;
        // Component 1 is flat in its second coordinate: Σ = diag(1, reg), so L[1][1]² = reg.
        GaussianMixture flat = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0, 0}, {5, 5}},
                new double[][][] {{{1, 0}, {0, 1}}, {{1, 0}, {0, reg}}});
        assertTrue(Cell.hasCollapsedComponent(flat, reg));
        // Flat along the diagonal instead: Σ = [[1, 1], [1, 1 + reg]]; x₂ given x₁ has variance reg.
        GaussianMixture tilted = GaussianMixture.of(new double[] {1}, new double[][] {{0, 0}},
                new double[][][] {{{1, 1}, {1, 1 + reg}}});
        assertTrue(Cell.hasCollapsedComponent(tilted, reg));
        // Every conditional variance 100 times reg-covar or more: sound.
        GaussianMixture round = GaussianMixture.of(new double[] {1}, new double[][] {{0, 0}},
                new double[][][] {{{100 * reg, 0}, {0, 1}}});
        assertFalse(Cell.hasCollapsedComponent(round, reg));
    }
}
