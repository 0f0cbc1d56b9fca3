package org.emgmm.vectorised;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The points 0..N−1 cut into a fixed number of slices of whole blocks, and the worker threads that
 * process them.
 * <pre>
 *   block b   = points [b·BLOCK, min((b+1)·BLOCK, N))
 *   slice s   = blocks [s·blocksPerSlice, (s+1)·blocksPerSlice)
 * </pre>
 * The cut depends only on N and on how much memory a slice's partial sums take, never on the number of
 * threads. Each slice adds up its own partial sums, in point order, and the caller then adds the slices'
 * partials in slice order. So every sum is formed in the same order whichever thread ran which slice,
 * and results are bit-identical at any thread count.
 *
 * <p>Threads claim slices one at a time from a shared counter; the calling thread works too.
 */
final class Slices implements AutoCloseable {

    /** What a worker does with one slice, given its own scratch space. */
    interface Task<S> {
        void run(int slice, S scratch);
    }

    /** Points per block (see {@link VectorisedEm#blockSize}). */
    private final int block;
    private final int points;
    private final int count;
    private final int blocksPerSlice;
    private final int threads;
    private final ExecutorService pool;

    /**
     * @param points       N ≥ 1
     * @param block        points per block
     * @param maxSlices    the most slices: each one holds its own partial sums
     * @param threads      worker threads, the calling one included (1 runs everything in the caller)
     */
    Slices(int points, int block, int maxSlices, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
        }
        this.block = block;
        this.points = points;
        int blocks = ceilDiv(points, block);
        this.blocksPerSlice = ceilDiv(blocks, Math.max(1, Math.min(maxSlices, blocks)));
        this.count = ceilDiv(blocks, blocksPerSlice);
        this.threads = Math.min(threads, count);
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1, runnable -> {
            Thread thread = new Thread(runnable, "em-gmm vectorised worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The number of slices. */
    int count() {
        return count;
    }

    /** The threads that work, the caller's included: never more than the slices. */
    int threads() {
        return threads;
    }

    /** The first point of slice s. */
    int from(int slice) {
        return Math.min(points, slice * blocksPerSlice * block);
    }

    /** One past the last point of slice s. */
    int to(int slice) {
        return Math.min(points, (slice + 1) * blocksPerSlice * block);
    }

    /**
     * Runs {@code task} on every slice, each worker w with {@code scratch.get(w)}, and returns when all
     * are done. An exception from any slice is rethrown here (the first, if several fail).
     *
     * @param scratch one scratch object per thread: {@link #threads()} of them
     */
    <S> void forEach(Task<S> task, List<S> scratch) {
        AtomicInteger next = new AtomicInteger();
        if (pool == null) {
            work(task, scratch.get(0), next);
            return;
        }
        List<Future<?>> helpers = new ArrayList<>(threads - 1);
        for (int worker = 1; worker < threads; worker++) {
            S own = scratch.get(worker);
            helpers.add(pool.submit(() -> work(task, own, next)));
        }
        RuntimeException failure = null;
        try {
            work(task, scratch.get(0), next);
        } catch (RuntimeException e) {
            failure = e;
            next.set(count); // the helpers stop claiming slices
        }
        for (Future<?> helper : helpers) {
            failure = awaitHelper(helper, failure);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private <S> void work(Task<S> task, S scratch, AtomicInteger next) {
        for (int slice = next.getAndIncrement(); slice < count; slice = next.getAndIncrement()) {
            task.run(slice, scratch);
        }
    }

    /** Waits for one helper; returns the first failure seen so far. */
    private static RuntimeException awaitHelper(Future<?> helper, RuntimeException failure) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    helper.get();
                    return failure;
                } catch (InterruptedException e) {
                    interrupted = true; // finish waiting: the helper still uses our buffers
                } catch (ExecutionException e) {
                    if (failure != null) {
                        return failure;
                    }
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        return runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    return new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
