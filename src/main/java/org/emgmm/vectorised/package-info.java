/**
 * EM as flat-array kernels over blocks of points, on every core, with the same bits at any thread
 * count: {@link org.emgmm.vectorised.VectorisedEm}, the fast implementation and the command line's
 * default.
 *
 * <p>Read {@link org.emgmm.loops.LoopsEm} first: this package computes exactly the same sums, reorganised
 * for the machine. Then {@link org.emgmm.vectorised.VectorisedEm}'s class comment, then its
 * package-private helpers in the source: {@code Kernels} (the inner loops, shaped so that HotSpot turns
 * them into SIMD instructions), {@code Exponentials} (e^x as loops of arithmetic that vectorise, in place
 * of one {@code Math.exp} call per value), {@code Slices} (the fixed cut of the points that makes the
 * threads' sums bit-identical) and {@code Workspace} (one run's worker threads, and the one pass over the
 * data per iteration), with the buffers it drives the kernels with: {@code KernelParameters} (θ laid out
 * for the kernels), {@code BlockBuffers} (one worker's block of points) and {@code MomentSums} (one
 * slice's sums, and the formulas that finish the M-step).
 *
 * <p>Siblings behind {@link org.emgmm.em.EmAlgorithm}: {@link org.emgmm.loops} (per-point loops, the
 * readable baseline), {@link org.emgmm.univariate} (D = 1) and {@link org.emgmm.explicitpdf} (the
 * textbook density).
 */
package org.emgmm.vectorised;
