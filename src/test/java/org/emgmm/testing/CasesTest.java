package org.emgmm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/** The case framework itself: reproducible seeds, seeds in display names, failures that name the seed. */
class CasesTest {

    @Test
    void seedsDependOnlyOnThePropertyNameAndTheIndex() {
        assertEquals(Cases.seed("some property", 7), Cases.seed("some property", 7));
        assertNotEquals(Cases.seed("some property", 7), Cases.seed("some property", 8));
        assertNotEquals(Cases.seed("some property", 7), Cases.seed("another property", 7));
        Set<Long> seeds = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seeds.add(Cases.seed("p", i));
        }
        assertEquals(10_000, seeds.size(), "distinct seeds for distinct cases");
    }

    @Test
    void seedsPrintAndParseBack() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            long seed = random.nextLong();
            String text = Cases.formatSeed(seed);
            assertTrue(text.matches("0x[0-9A-F]{16}"), text);
            assertEquals(seed, Cases.parseSeed(text));
            assertEquals(seed, Cases.parseSeed(text.toLowerCase()));
        }
        assertEquals(12345L, Cases.parseSeed("12345"));
        assertEquals(-1L, Cases.parseSeed(" 0xFFFFFFFFFFFFFFFF "));
    }

    @Test
    void eachCaseIsNamedWithItsSeedAndItsInput() {
        assumeTrue(System.getProperty(Cases.SEED_PROPERTY) == null, "a single seed was requested");
        List<Long> generatedFrom = new ArrayList<>();
        List<DynamicTest> tests = Cases.forAll("naming", random -> {
            generatedFrom.add(random.nextLong());
            return "input-" + generatedFrom.size();
        }, (input, random) -> { }).collect(Collectors.toList());
        assertEquals(Cases.caseCount(), tests.size());
        assertTrue(tests.size() >= Cases.DEFAULT_CASES || System.getProperty(Cases.CASES_PROPERTY) != null);
        for (int i = 0; i < tests.size(); i++) {
            String expected = "case " + i + " [seed=" + Cases.formatSeed(Cases.seed("naming", i)) + "] input-" + (i + 1);
            assertEquals(expected, tests.get(i).getDisplayName());
            // The generator's randomness is a function of the case seed alone.
            long seed = Cases.seed("naming", i);
            assertEquals(new SplittableRandom(seed).split().nextLong(), generatedFrom.get(i));
        }
    }

    @Test
    void aFailingCaseReportsItsSeedAndHowToRerunIt() {
        assumeTrue(System.getProperty(Cases.SEED_PROPERTY) == null, "a single seed was requested");
        DynamicTest first = Cases.forAll("failing", random -> "x", (input, random) -> {
            throw new IllegalStateException("boom");
        }).findFirst().orElseThrow();
        AssertionError failure = assertThrows(AssertionError.class, () -> first.getExecutable().execute());
        String seed = Cases.formatSeed(Cases.seed("failing", 0));
        assertTrue(failure.getMessage().contains(seed), failure.getMessage());
        assertTrue(failure.getMessage().contains("-Demgmm.seed=" + seed), failure.getMessage());
        assertTrue(failure.getMessage().contains("boom"), failure.getMessage());
        assertTrue(failure.getCause() instanceof IllegalStateException);
    }

    @Test
    void aFailingGeneratorStillGivesOneFailingCasePerSeed() {
        assumeTrue(System.getProperty(Cases.SEED_PROPERTY) == null, "a single seed was requested");
        DynamicTest first = Cases.forAll("bad generator", random -> {
            throw new IllegalArgumentException("cannot generate");
        }, (input, random) -> { }).findFirst().orElseThrow();
        assertTrue(first.getDisplayName().contains("generation failed"), first.getDisplayName());
        AssertionError failure = assertThrows(AssertionError.class, () -> first.getExecutable().execute());
        assertTrue(failure.getMessage().contains("cannot generate"), failure.getMessage());
    }
}
