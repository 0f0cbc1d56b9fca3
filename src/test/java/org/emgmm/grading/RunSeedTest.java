package org.emgmm.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Not graded: the run's seed ({@link RunSeed}) reads back what the report prints, gives each test a
 * generator of its own, and gives the same numbers to every caller of the same test in a run.
 */
class RunSeedTest {

    @Test
    void theReportedSeedReadsBackAsTheSameSeed() {
        SplittableRandom random = new SplittableRandom(RunSeed.value());
        for (int c = 0; c < 1000; c++) {
            long seed = random.nextLong();
            assertEquals(seed, RunSeed.parse(RunSeed.format(seed)), RunSeed.format(seed));
            assertEquals(seed, RunSeed.parse(Long.toString(seed)));
        }
        assertEquals(RunSeed.value(), RunSeed.parse(RunSeed.text()));
        assertEquals("-D" + RunSeed.PROPERTY + "=" + RunSeed.text(), RunSeed.replayOption());
        assertEquals(0xFFFFFFFFFFFFFFFFL, RunSeed.parse(" 0XFFFFFFFFFFFFFFFF "));
    }

    @Test
    void aSeedThatIsNotANumberIsRefusedInOneLineThatSaysWhatItTakes() {
        for (String bad : new String[] {"abc", "0x", "1.5", "0x1G", "0x10000000000000000"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunSeed.parse(bad), bad);
            assertTrue(e.getMessage().contains("-D" + RunSeed.PROPERTY + "=" + bad + " is not a seed"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void eachTestGetsItsOwnNumbersAndTheSameOnesEveryTimeItAsks() {
        Set<Long> firsts = new HashSet<>();
        for (String test : new String[] {"a", "b", "pdfAtTheMean", "pdfTakesTheVariance", "pdfAtTheMean "}) {
            long first = RunSeed.forTest(Exercise1Test.class, test).nextLong();
            assertEquals(first, RunSeed.forTest(Exercise1Test.class, test).nextLong(), test);
            assertTrue(firsts.add(first), "two tests begin with the same number: " + test);
        }
        assertNotEquals(RunSeed.forTest(Exercise1Test.class, "a").nextLong(),
                RunSeed.forTest(Exercise2Test.class, "a").nextLong(), "the class is part of the name");
    }

    @Test
    void theNameHashIsFixedOnEveryMachine() {
        // FNV-1a of the empty string is the offset basis; of "a", a published test value.
        assertEquals(0xCBF29CE484222325L, RunSeed.hash(""));
        assertEquals(0xAF63DC4C8601EC8CL, RunSeed.hash("a"));
    }
}
