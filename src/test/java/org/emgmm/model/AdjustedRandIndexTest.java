package org.emgmm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.emgmm.testing.Cases;
import org.emgmm.testing.Generators;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@link AdjustedRandIndex}: 1 for the same partition however named, the worked example, symmetry. */
class AdjustedRandIndexTest {

    /** Random labels of N points into up to K groups. */
    private static int[] labels(SplittableRandom random, int n, int k) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(k);
        }
        return labels;
    }

    private static int[] randomLabels(SplittableRandom random) {
        return labels(random, Generators.between(random, 2, 60), Generators.between(random, 1, 6));
    }

    @TestFactory
    Stream<DynamicTest> isOneForIdenticalPartitionsEvenRelabelled() {
        return Cases.forAll("AdjustedRandIndex.identical", AdjustedRandIndexTest::randomLabels, (labels, random) -> {
            assertEquals(1.0, AdjustedRandIndex.of(labels, labels), 1e-12);
            // the same groups under other names: a permutation of the names, shifted
            int[] names = Generators.permutation(random, 6);
            int[] renamed = new int[labels.length];
            for (int i = 0; i < labels.length; i++) {
                renamed[i] = 100 + names[labels[i]];
            }
            assertEquals(1.0, AdjustedRandIndex.of(labels, renamed), 1e-12);
        });
    }

    @TestFactory
    Stream<DynamicTest> isSymmetric() {
        return Cases.forAll("AdjustedRandIndex.symmetric", AdjustedRandIndexTest::randomLabels, (labels, random) -> {
            int[] other = labels(random, labels.length, Generators.between(random, 1, 6));
            assertEquals(AdjustedRandIndex.of(labels, other), AdjustedRandIndex.of(other, labels), 1e-12);
        });
    }

    @Test
    void theTextbookExample() {
        // truth (0, 0, 1, 1), clusters (0, 0, 1, 2) (scikit-learn's documentation: 0.57...).
        // Contingency table: n₀₀ = 2, n₁₁ = 1, n₁₂ = 1; row sums a = (2, 2); column sums b = (2, 1, 1); N = 4.
        //   index    = Σ C(nᵢⱼ, 2) = C(2, 2) = 1
        //   Σ C(aᵢ, 2) = 1 + 1 = 2,  Σ C(bⱼ, 2) = 1,  C(4, 2) = 6
        //   expected = 2 · 1 / 6 = 1/3
        //   maximum  = ½ (2 + 1) = 3/2
        //   ARI      = (1 − 1/3) / (3/2 − 1/3) = (2/3) / (7/6) = 4/7 ≈ 0.5714
        assertEquals(4.0 / 7.0, AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}), 1e-15);
        assertEquals(4.0 / 7.0, AdjustedRandIndex.of(new int[] {0, 0, 1, 2}, new int[] {0, 0, 1, 1}), 1e-15);
    }

    @Test
    void oneGroupAgainstSingletonsIsZero() {
        // index 0, Σ C(aᵢ, 2) = C(4, 2) = 6, Σ C(bⱼ, 2) = 0: expected 0, maximum 3, ARI 0/3 = 0
        assertEquals(0.0, AdjustedRandIndex.of(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3}), 0.0);
    }

    @Test
    void aWorseThanChanceAgreementIsNegative() {
        // truth (0, 0, 1, 1), clusters (0, 1, 0, 1): no pair together in both; index 0, expected 2·2/6 = 2/3,
        // maximum 2: ARI = (0 − 2/3) / (2 − 2/3) = −1/2
        assertEquals(-0.5, AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}), 1e-15);
    }

    @Test
    void degeneratePartitionsThatAgreeAreOne() {
        assertEquals(1.0, AdjustedRandIndex.of(new int[] {3, 3, 3}, new int[] {7, 7, 7}));
        assertEquals(1.0, AdjustedRandIndex.of(new int[] {0, 1, 2}, new int[] {2, 0, 1}));
        assertEquals(1.0, AdjustedRandIndex.of(new int[] {5}, new int[] {9}));
    }

    @Test
    void namedLabelsAreCompared() {
        List<String> species = List.of("setosa", "setosa", "virginica", "virginica");
        assertEquals(1.0, AdjustedRandIndex.of(species, new int[] {2, 2, 0, 0}));
        assertEquals(4.0 / 7.0, AdjustedRandIndex.of(species, new int[] {0, 0, 1, 2}), 1e-15);
    }

    @Test
    void partitionsOfDifferentPointsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AdjustedRandIndex.of(new int[] {0, 1}, new int[] {0}));
    }
}
