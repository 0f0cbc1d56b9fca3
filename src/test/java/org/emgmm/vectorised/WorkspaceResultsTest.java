package org.emgmm.vectorised;

import java.util.stream.Stream;
import org.emgmm.contract.EmContract;
import org.emgmm.testing.Cases;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Spec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@link Workspace} that {@link VectorisedEm#fit} runs the loop with is an {@code EmAlgorithm} of its
 * own, whose buffers every step of a run reuses. What it hands out must not be those buffers: the
 * responsibilities of an E-step stay as they were when the next E-step runs, and the contract's check of
 * inputs and earlier results ({@link EmContract#assertStepsLeaveInputsAndEarlierResults}) holds for it as
 * for the public implementations, at one and two threads and with blocks small enough to cut the data
 * into many slices.
 */
class WorkspaceResultsTest {

    private static final int SMALL_BLOCK = 8;

    @TestFactory
    Stream<DynamicTest> resultsAreNotTheWorkspacesBuffers() {
        return Cases.forAll("WorkspaceResults.resultsAreNotTheWorkspacesBuffers",
                random -> Generators.scenario(random, Spec.of(random.nextBoolean())), (scenario, random) -> {
                    for (int threads = 1; threads <= 2; threads++) {
                        try (Workspace workspace = new Workspace(scenario.data(), scenario.components(), threads,
                                SMALL_BLOCK)) {
                            EmContract.assertStepsLeaveInputsAndEarlierResults(workspace, scenario.data(),
                                    scenario.start(), 1e-6, 3);
                        }
                    }
                });
    }
}
