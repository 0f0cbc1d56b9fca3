package org.emgmm.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@link Benchmark#coldMillisPerIteration} starts a JVM of its own ({@link ColdRun}) and reads its figure back.
 * An IT because it starts a JVM. No time is asserted: only that the child ran the fit and printed a figure.
 */
class ColdRunIT {

    @Test
    void aFreshJvmFitsTheCaseAndReportsItsMillisecondsPerIteration() throws IOException {
        BenchCase small = new BenchCase("small", 2_000, 3, 2, BenchCase.REFERENCE_SEED);
        double millis = Benchmark.coldMillisPerIteration(small, 3, 2);
        assertTrue(millis > 0.0 && Double.isFinite(millis), "ms per iteration: " + millis);
    }
}
