package org.emgmm.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The score table's layout ({@link GradeReporter}): hints are wrapped, never cut. */
class GradeReporterTest {

    /** Random texts per property case. */
    private static final int CASES = 200;

    @TestFactory
    List<DynamicTest> wrappingKeepsEveryWordInOrderWithinTheWidth() {
        List<DynamicTest> tests = new ArrayList<>();
        for (long seed = 0; seed < CASES; seed++) {
            long caseSeed = seed;
            tests.add(DynamicTest.dynamicTest("seed " + caseSeed, () -> {
                SplittableRandom random = new SplittableRandom(caseSeed);
                int width = 10 + random.nextInt(70);
                String text = randomText(random);
                List<String> lines = GradeReporter.wrap(text, width);
                for (String line : lines) {
                    assertTrue(line.length() <= width, "line of " + line.length() + " > " + width + ": " + line);
                }
                // No character but spaces is lost: the words, joined, are the text's words (a word longer
                // than a line is cut into pieces that join back).
                assertEquals(text.replaceAll("\\s+", ""), String.join("", lines).replaceAll("\\s+", ""));
            }));
        }
        return tests;
    }

    @Test
    void aHintLongerThanALineIsShownInFull() {
        String hint = "expected 0.3989422804014327 but got 0.7978845608028654: off by a factor of 2; check the"
                + " normalising constant 1/√(2πσ²)";
        List<String> lines = GradeReporter.wrap(hint, 40);
        assertTrue(lines.size() >= 3, lines.toString());
        assertEquals(hint, String.join(" ", lines));
    }

    @Test
    void theTextsOwnLineBreaksAreKept() {
        assertEquals(List.of("first line", "second"), GradeReporter.wrap("first line\nsecond", 80));
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int words = random.nextInt(40);
        for (int w = 0; w < words; w++) {
            int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 120 : 12);
            for (int c = 0; c < length; c++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            text.append(random.nextInt(8) == 0 ? "\n" : " ");
        }
        return text.toString();
    }
}
