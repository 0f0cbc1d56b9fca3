/**
 * Timings: each implementation on the same data from the same start for a fixed number of iterations,
 * as milliseconds per iteration, GFLOP/s and speed-up over {@code loops}.
 *
 * <p>Read {@link org.emgmm.bench.BenchCase} first (one reproducible case: the true mixture, the N points
 * and the start all come from its seed), then {@link org.emgmm.bench.Benchmark} (warm-up, timed runs,
 * median, and the flop model the tables state).
 *
 * <p>Sibling packages: the implementations timed are {@link org.emgmm.loops},
 * {@link org.emgmm.vectorised}, {@link org.emgmm.univariate} and {@link org.emgmm.explicitpdf};
 * {@link org.emgmm.compare} checks that they agree rather than how fast they are.
 */
package org.emgmm.bench;
