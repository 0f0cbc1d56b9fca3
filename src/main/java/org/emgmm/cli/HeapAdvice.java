package org.emgmm.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import org.emgmm.data.Sizes;

/**
 * The one line for a run that ran out of memory. It advises a bigger heap only when one can help: when
 * the machine has memory the heap may still grow into. A heap that already takes most of the machine's
 * memory gets no {@code -Xmx} advice (raising it would only make the machine swap), only the advice to
 * ask for less.
 *
 * <pre>
 *   heap 1 GB of 16 GB:   out of memory: the Java heap is limited to 1 GB: give Java more, e.g.
 *                         java -Xmx2g -jar em-gmm.jar ..., or use fewer points, columns or components
 *   heap 5.9 GB of 7.8:   out of memory: the Java heap is limited to 5.9 GB, most of this machine's
 *                         7.8 GB: a bigger heap cannot help; use fewer points, columns, components or
 *                         restarts (--n-init)
 * </pre>
 */
final class HeapAdvice {

    /** Bytes in a gigabyte as -Xmx counts them. */
    private static final long GIGABYTE = 1L << 30;

    /**
     * The share of the machine's memory a heap may take: the rest is for the operating system, the JVM's
     * own memory (code, threads, metaspace) and other programs. Three quarters, as container guides
     * commonly set -XX:MaxRAMPercentage=75.
     */
    static final double USABLE_SHARE = 0.75;

    /** How much bigger a heap the advice asks for: double, a step that makes a difference. */
    static final int GROWTH = 2;

    private HeapAdvice() {
    }

    /** The line for this JVM: its heap limit and this machine's memory. */
    static String outOfMemory() {
        return outOfMemory(Runtime.getRuntime().maxMemory(), physicalMemory());
    }

    /**
     * The line for a heap of {@code maxHeap} bytes on a machine of {@code physical} bytes.
     *
     * @param maxHeap  the heap limit in bytes
     * @param physical the machine's memory in bytes; 0 or less when it is not known
     * @return "out of memory: ..." with -Xmx advice only when a bigger heap fits in the machine
     */
    static String outOfMemory(long maxHeap, long physical) {
        String heap = "out of memory: the Java heap is limited to " + Sizes.bytes(maxHeap);
        long wanted = Math.max(1, ceilDiv((long) GROWTH * maxHeap, GIGABYTE));
        long possible = physical > 0 ? (long) Math.floor(physical * USABLE_SHARE / GIGABYTE) : wanted;
        long suggested = Math.min(wanted, possible);
        if (suggested * GIGABYTE <= maxHeap) {
            return heap + ", most of this machine's " + Sizes.bytes(physical) + ": a bigger heap cannot help; use"
                    + " fewer points, columns, components or restarts (--n-init)";
        }
        return heap + ": give Java more, e.g. java -Xmx" + suggested + "g -jar em-gmm.jar ..., or use fewer points,"
                + " columns or components";
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** The machine's (or container's) memory in bytes, 0 when the JVM does not say. */
    private static long physicalMemory() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return 0;
    }
}
