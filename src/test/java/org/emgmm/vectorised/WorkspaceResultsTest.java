package org.emgmm.vectorised;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * into many slices; and so it does for a fit's workspace, which hands out its responsibilities on demand,
 * and whose values, once asked for, are bit for bit those a workspace that lays them out computes.
 */
class WorkspaceResultsTest {

    private static final int SMALL_BLOCK = 8;

    @TestFactory
    Stream<DynamicTest> resultsAreNotTheWorkspacesBuffers() {
        return Cases.forAll("WorkspaceResults.resultsAreNotTheWorkspacesBuffers",
                random -> Generators.scenario(random, Spec.of(random.nextBoolean())), (scenario, random) -> {
                    for (int threads = 1; threads <= 2; threads++) {
                        for (VectorisedEm onDemand : new VectorisedEm[] {null,
                                VectorisedEm.withBlockSize(threads, SMALL_BLOCK)}) {
                            try (Workspace workspace = new Workspace(scenario.data(), scenario.components(), threads,
                                    SMALL_BLOCK, onDemand)) {
                                EmContract.assertStepsLeaveInputsAndEarlierResults(workspace, scenario.data(),
                                        scenario.start(), 1e-6, 3);
                            }
                        }
                    }
                });
    }

    @TestFactory
    Stream<DynamicTest> responsibilitiesOnDemandAreTheOnesLaidOut() {
        return Cases.forAll("WorkspaceResults.responsibilitiesOnDemandAreTheOnesLaidOut",
                random -> Generators.scenario(random, Spec.of(false)), (scenario, random) -> {
                    int threads = 1 + random.nextInt(2);
                    try (Workspace laidOut = new Workspace(scenario.data(), scenario.components(), threads,
                            SMALL_BLOCK, null);
                            Workspace onDemand = new Workspace(scenario.data(), scenario.components(), 3 - threads,
                                    SMALL_BLOCK, VectorisedEm.withBlockSize(threads, SMALL_BLOCK))) {
                        var expected = laidOut.eStep(scenario.data(), scenario.start());
                        var actual = onDemand.eStep(scenario.data(), scenario.start());
                        assertEquals(expected.logLikelihood(), actual.logLikelihood(), 0.0);
                        assertArrayEquals(expected.responsibilities().componentTotals(),
                                actual.responsibilities().componentTotals(), 0.0);
                        // a later E-step must not change what the earlier one hands out when asked
                        onDemand.eStep(scenario.data(), onDemand.mStep(scenario.data(), actual.responsibilities(),
                                scenario.start(), 1e-6));
                        assertArrayEquals(expected.responsibilities().toFlatArray(),
                                actual.responsibilities().toFlatArray(), 0.0);
                    }
                });
    }
}
