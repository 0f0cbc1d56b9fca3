package org.emgmm.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.emgmm.Implementations;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;
import org.emgmm.testing.Cases;
import org.emgmm.testing.Generators;
import org.emgmm.testing.Generators.Spec;
import org.emgmm.univariate.UnivariateEm;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every implementation listed by {@link Implementations#all()} follows the same trajectory: from the
 * same start, after 50 iterations (tolerance 0), every pair agrees within
 * {@value EmContract#AGREEMENT_TOLERANCE} relative. Half the cases have D = 1, where the univariate
 * implementation joins in; it sits out the others.
 */
class CrossImplementationAgreementTest {

    @TestFactory
    Stream<DynamicTest> allImplementationsAgreePairwise() {
        List<EmAlgorithm> implementations = Implementations.all();
        return Cases.forAll("CrossImplementation.allImplementationsAgreePairwise",
                random -> Generators.scenario(random, Spec.of(random.nextBoolean())), (scenario, random) -> {
                    EmSettings settings = new EmSettings(50, 0.0, 1e-6);
                    List<EmResult> results = new ArrayList<>();
                    for (EmAlgorithm algorithm : implementations) {
                        if (handles(algorithm, scenario.dimension())) {
                            results.add(algorithm.fit(scenario.data(), scenario.start(), settings));
                        }
                    }
                    for (int a = 0; a < results.size(); a++) {
                        for (int b = a + 1; b < results.size(); b++) {
                            EmContract.assertAgree(results.get(a), results.get(b),
                                    results.get(b).implementation() + " against " + results.get(a).implementation());
                        }
                    }
                });
    }

    /**
     * For every covariance type, from the same start constrained to it, every implementation that supports
     * the type follows the same trajectory: 50 iterations (tolerance 0) agree pairwise within
     * {@value EmContract#AGREEMENT_TOLERANCE} relative, and the results have the type. An implementation
     * that does not support a type sits that type out. Each type has
     * {@link CovarianceTypeContract#casesPerType()} cases.
     */
    @TestFactory
    Stream<DynamicTest> allImplementationsAgreePairwiseForEveryCovarianceType() {
        List<EmAlgorithm> implementations = Implementations.all();
        return Arrays.stream(CovarianceType.values()).flatMap(type -> Cases.forAll(
                "CrossImplementation.allImplementationsAgreePairwise[" + type.label() + "]",
                CovarianceTypeContract.casesPerType(),
                random -> Generators.scenario(random, Spec.of(random.nextBoolean())), (scenario, random) -> {
                    EmSettings settings = new EmSettings(50, 0.0, 1e-6);
                    GaussianMixture start = scenario.start().constrainedTo(type);
                    List<EmResult> results = new ArrayList<>();
                    for (EmAlgorithm algorithm : implementations) {
                        if (handles(algorithm, scenario.dimension()) && algorithm.supports(type)) {
                            results.add(algorithm.fit(scenario.data(), start, settings));
                        }
                    }
                    assertTrue(results.size() >= 2, type.label() + ": only " + results.size() + " implementation ran");
                    for (int a = 0; a < results.size(); a++) {
                        assertEquals(type, results.get(a).model().covarianceType(), results.get(a).implementation());
                        for (int b = a + 1; b < results.size(); b++) {
                            EmContract.assertAgree(results.get(a), results.get(b), type.label() + ": "
                                    + results.get(b).implementation() + " against " + results.get(a).implementation());
                        }
                    }
                }));
    }

    /** The univariate implementation handles D = 1 only; the others any D. */
    private static boolean handles(EmAlgorithm algorithm, int dimension) {
        return dimension == 1 || !algorithm.name().equals(UnivariateEm.NAME);
    }

    /** Each listed name is distinct, and {@link Implementations#byName} gives the implementation of that name. */
    @Test
    void everyListedImplementationIsFoundByItsName() {
        List<String> names = Implementations.names();
        Set<String> distinct = new HashSet<>(names);
        assertEquals(names.size(), distinct.size(), "names are distinct: " + names);
        assertTrue(names.size() >= 1, "at least one implementation is listed");
        for (EmAlgorithm algorithm : Implementations.all()) {
            assertTrue(names.contains(algorithm.name()), algorithm.name() + " is listed in " + names);
            assertEquals(algorithm.name(), Implementations.byName(algorithm.name()).name());
        }
    }
}
