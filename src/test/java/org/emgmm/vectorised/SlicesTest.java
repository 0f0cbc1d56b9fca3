package org.emgmm.vectorised;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SlicesTest {

    /** The slices cover 0..N−1 in order, whole blocks each (but the last), the same for every thread count. */
    @ParameterizedTest(name = "N={0} block={1} maxSlices={2}")
    @CsvSource({"1, 16, 32", "16, 16, 32", "17, 16, 32", "1000, 16, 32", "1000, 7, 3", "100000, 512, 32",
            "5, 512, 1"})
    void slicesCoverEveryPointOnceWhateverTheThreads(int n, int block, int maxSlices) {
        int expectedCount = -1;
        for (int threads = 1; threads <= 4; threads++) {
            try (Slices slices = new Slices(n, block, maxSlices, threads)) {
                if (expectedCount < 0) {
                    expectedCount = slices.count();
                }
                assertEquals(expectedCount, slices.count(), "slice count with " + threads + " threads");
                assertTrue(slices.count() <= maxSlices, "at most " + maxSlices + " slices");
                assertTrue(slices.threads() <= Math.min(threads, slices.count()), "no idle threads");
                int next = 0;
                for (int s = 0; s < slices.count(); s++) {
                    assertEquals(next, slices.from(s), "slice " + s + " starts where the last ended");
                    assertTrue(slices.to(s) > slices.from(s), "slice " + s + " is not empty");
                    if (s < slices.count() - 1) {
                        assertEquals(0, (slices.to(s) - slices.from(s)) % block, "whole blocks");
                    }
                    next = slices.to(s);
                }
                assertEquals(n, next, "the last slice ends at N");
            }
        }
    }

    @Test
    void everySliceRunsExactlyOnceOnSeveralThreads() {
        try (Slices slices = new Slices(10_000, 16, 32, 3)) {
            AtomicIntegerArray runs = new AtomicIntegerArray(slices.count());
            slices.forEach((slice, scratch) -> runs.incrementAndGet(slice), Collections.nCopies(slices.threads(), "x"));
            for (int s = 0; s < slices.count(); s++) {
                assertEquals(1, runs.get(s), "slice " + s);
            }
        }
    }

    @Test
    void aFailureInAnySliceReachesTheCaller() {
        IllegalStateException failure = new IllegalStateException("slice 5 failed");
        try (Slices slices = new Slices(10_000, 16, 32, 2)) {
            List<String> scratch = Collections.nCopies(slices.threads(), "x");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> slices.forEach(
                    (slice, own) -> {
                        if (slice == 5) {
                            throw failure;
                        }
                    }, scratch));
            assertSame(failure, thrown);
        }
    }

    @Test
    void threadsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Slices(10, 4, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> new VectorisedEm(0));
        assertThrows(IllegalArgumentException.class, () -> VectorisedEm.withBlockSize(1, 0));
    }
}
