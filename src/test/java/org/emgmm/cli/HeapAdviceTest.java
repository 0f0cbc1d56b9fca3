package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The out-of-memory line advises a bigger heap only when the machine has room for one. */
class HeapAdviceTest {

    private static final long GB = 1L << 30;

    @Test
    void aQuarterOfTheMachineIsAdvisedToDouble() {
        assertEquals("out of memory: the Java heap is limited to 2 GB: give Java more, e.g. java -Xmx4g -jar"
                + " em-gmm.jar ..., or use fewer points, columns or components", HeapAdvice.outOfMemory(2 * GB, 8 * GB));
    }

    @Test
    void aHeapNearTheUsableShareIsAdvisedOnlyWhatStillFits() {
        // 5 GB of 8: doubling would pass the 6 GB a heap may take; 6 GB is still more than 5.
        assertEquals("out of memory: the Java heap is limited to 5 GB: give Java more, e.g. java -Xmx6g -jar"
                + " em-gmm.jar ..., or use fewer points, columns or components", HeapAdvice.outOfMemory(5 * GB, 8 * GB));
    }

    @Test
    void aHeapThatTakesMostOfTheMachineGetsNoHeapAdvice() {
        // The case: 5.9 GB given on a machine where a bigger heap could only swap.
        long heap = (long) (5.9 * GB);
        assertEquals("out of memory: the Java heap is limited to 5.9 GB, most of this machine's 7.8 GB: a bigger"
                + " heap cannot help; use fewer points, columns, components or restarts (--n-init)",
                HeapAdvice.outOfMemory(heap, (long) (7.8 * GB)));
    }

    @Test
    void anUnknownMachineSizeStillGetsTheDoubledHeap() {
        assertEquals("out of memory: the Java heap is limited to 256 MB: give Java more, e.g. java -Xmx1g -jar"
                + " em-gmm.jar ..., or use fewer points, columns or components", HeapAdvice.outOfMemory(256L << 20, 0));
    }
}
