package org.emgmm.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.emgmm.em.Responsibilities;
import org.emgmm.testing.Cases;
import org.emgmm.testing.Generators;
import org.emgmm.vectorised.VectorisedEm;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The pictures' colours and shades agree with the E-step of the library's EM. */
class AssignmentsTest {

    /** Responsibilities come from two different codes, both in log space: they agree to rounding. */
    private static final double TOLERANCE = 1e-12;

    @TestFactory
    Stream<DynamicTest> mostLikelyComponentAndUncertaintyMatchTheEStep() {
        return Cases.forAll("Assignments match the E-step",
                random -> Generators.scenario(random, Generators.Spec.multivariate()), (scenario, random) -> {
                    Assignments assignments = Assignments.of(scenario.data(), scenario.start());
                    Responsibilities r = new VectorisedEm().eStep(scenario.data(), scenario.start()).responsibilities();
                    int[] hard = r.hardAssignments();
                    for (int i = 0; i < r.points(); i++) {
                        double max = 0.0;
                        for (int k = 0; k < r.components(); k++) {
                            max = Math.max(max, r.get(i, k));
                        }
                        assertEquals(1.0 - max, assignments.uncertainty(i), TOLERANCE, "point " + i);
                        assertTrue(assignments.uncertainty(i) <= 1.0 - 1.0 / r.components() + TOLERANCE);
                        if (max > 0.5 + TOLERANCE) { // a clear winner: no tie for rounding to break
                            assertEquals(hard[i], assignments.component(i), "point " + i);
                        }
                    }
                });
    }
}
