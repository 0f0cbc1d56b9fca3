package org.emgmm.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.emgmm.data.DataMatrix;
import org.emgmm.model.GaussianMixture;
import org.junit.jupiter.api.Test;

class BenchmarkTest {

    @Test
    void referenceCasesHaveTheDocumentedShapes() {
        assertEquals(List.of("b", "c", "d", "e"), List.copyOf(BenchCase.REFERENCE.keySet()));
        BenchCase c = BenchCase.REFERENCE.get("c");
        assertEquals(100_000, c.n());
        assertEquals(10, c.d());
        assertEquals(5, c.k());
        BenchCase e = BenchCase.REFERENCE.get("e");
        assertEquals(20_000, e.n());
        assertEquals(50, e.d());
        assertEquals(4, e.k());
    }

    @Test
    void aCaseIsTheSameWorkEveryTime() {
        BenchCase small = new BenchCase("small", 300, 3, 2, 42);
        DataMatrix first = small.data();
        assertArrayEquals(first.toFlatArray(), small.data().toFlatArray(), "same points");
        assertEquals(small.start(first), small.start(small.data()), "same start");
        assertNotEquals(small.truth(), new BenchCase("small", 300, 3, 2, 43).truth(), "another seed, another case");
    }

    /** The flop model's figures for c and e are the ones quoted with the targets: 1e8 and 4e8. */
    @Test
    void flopModelMatchesTheQuotedFigures() {
        assertEquals(1e8, row(BenchCase.REFERENCE.get("c")).flopsPerIteration(), 0.0);
        assertEquals(4e8, row(BenchCase.REFERENCE.get("e")).flopsPerIteration(), 0.0);
    }

    private static Benchmark.Row row(BenchCase benchCase) {
        return new Benchmark.Row(benchCase, "vectorised", 1, 50, 10.0, Double.NaN, 0.0, null);
    }

    @Test
    void runTimesEveryImplementationWithSpeedUpsOverLoops() {
        List<String> progress = new ArrayList<>();
        Benchmark benchmark = new Benchmark(3, Benchmark.MIN_RUNS, 2, progress::add);
        List<Benchmark.Row> rows = benchmark.run(new BenchCase("tiny", 400, 2, 2, 1),
                List.of("vectorised", "loops", "univariate"));
        assertEquals(3, rows.size());
        Benchmark.Row vectorised = rows.get(0);
        Benchmark.Row loops = rows.get(1);
        assertNull(vectorised.error());
        assertEquals(2, vectorised.threads());
        assertEquals(1, loops.threads());
        assertTrue(vectorised.millisPerIteration() > 0);
        assertEquals(loops.millisPerIteration() / vectorised.millisPerIteration(), vectorised.speedUpOverLoops(), 1e-12);
        assertEquals(1.0, loops.speedUpOverLoops(), 1e-12);
        assertEquals(vectorised.meanLogLikelihood(), loops.meanLogLikelihood(), 1e-9, "same work, same answer");
        assertTrue(rows.get(2).error().startsWith("skipped"), rows.get(2).error());
        assertEquals(1 + Benchmark.WARM_UP_RUNS + Benchmark.MIN_RUNS, progress.stream()
                .filter(line -> line.contains("vectorised") || line.contains("generating")).count(), progress.toString());
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Benchmark(0, 5, 1, line -> { }));
        assertThrows(IllegalArgumentException.class, () -> new Benchmark(5, 4, 1, line -> { }));
        assertThrows(IllegalArgumentException.class, () -> new Benchmark(5, 5, 0, line -> { }));
        assertThrows(IllegalArgumentException.class, () -> new Benchmark(5, 0, 5, 1, line -> { }), "no warm-up");
        assertThrows(IllegalArgumentException.class, () -> new BenchCase("x", 2, 2, 3, 1));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, Benchmark.median(new double[] {5, 1, 3}), 0.0);
        assertEquals(2.5, Benchmark.median(new double[] {4, 1, 3, 2}), 0.0);
    }

    @Test
    void truthIsAValidMixtureOfTheCaseShape() {
        GaussianMixture truth = new BenchCase("t", 100, 4, 3, 9).truth();
        assertEquals(3, truth.components());
        assertEquals(4, truth.dimension());
    }
}
