package org.emgmm.em;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Responsibilities made on demand ({@link Responsibilities#onDemand}) behave like wrapped ones: their totals
 * without computing anything, their values computed once, by the first request, and checked like any others.
 */
class ResponsibilitiesTest {

    /** 3 points, 2 components; rows sum to 1. */
    private static final double[] VALUES = {0.25, 0.75, 1.0, 0.0, 0.5, 0.5};

    /** The column sums of {@link #VALUES}. */
    private static final double[] TOTALS = {1.75, 1.25};

    @Test
    void onDemandComputesItsValuesOnceAndOnlyWhenAsked() {
        AtomicInteger calls = new AtomicInteger();
        Responsibilities r = Responsibilities.onDemand(3, 2, TOTALS, () -> {
            calls.incrementAndGet();
            return VALUES.clone();
        });
        assertArrayEquals(TOTALS, r.componentTotals(), 0.0);
        assertEquals(0, calls.get(), "the totals need no values");
        Responsibilities wrapped = Responsibilities.wrap(3, 2, VALUES.clone());
        assertArrayEquals(wrapped.toFlatArray(), r.toFlatArray(), 0.0);
        assertArrayEquals(wrapped.hardAssignments(), r.hardAssignments());
        assertEquals(wrapped.get(2, 1), r.get(2, 1), 0.0);
        assertEquals(1, calls.get(), "computed once, by the first request");
    }

    @Test
    void onDemandNeedsTotalsAndChecksTheValuesItIsGiven() {
        assertThrows(IllegalArgumentException.class, () -> Responsibilities.onDemand(3, 2, null, VALUES::clone));
        assertThrows(IllegalArgumentException.class,
                () -> Responsibilities.onDemand(3, 2, new double[] {1.0}, VALUES::clone));
        Responsibilities tooShort = Responsibilities.onDemand(3, 2, TOTALS, () -> new double[5]);
        assertThrows(IllegalArgumentException.class, tooShort::toFlatArray);
    }
}
