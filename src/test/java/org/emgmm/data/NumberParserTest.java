package org.emgmm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The CSV reader's number parser ({@link NumberParser}) against {@link Double#parseDouble}. */
class NumberParserTest {

    /** Every field the reader takes for a number is the double Double.parseDouble gives. */
    @Test
    void numbersAreTheCorrectlyRoundedDoubles() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20240601);
        NumberParser parser = new NumberParser();
        java.util.regex.Pattern decimal = java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
        String alphabet = "0123456789.eE+-";
        for (int n = 0; n < 100_000; n++) {
            String text;
            if (random.nextBoolean()) {
                double value = Double.longBitsToDouble(random.nextLong());
                if (!Double.isFinite(value)) {
                    continue;
                }
                text = random.nextBoolean() ? Double.toString(value)
                        : String.format(java.util.Locale.ROOT, "%." + random.nextInt(20) + "f", value * random.nextDouble());
            } else {
                StringBuilder b = new StringBuilder();
                int length = 1 + random.nextInt(25);
                for (int i = 0; i < length; i++) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                text = b.toString();
            }
            char[] chars = text.toCharArray();
            parser.classify(chars, 0, chars.length);
            if (decimal.matcher(text).matches()) {
                double expected = Double.parseDouble(text);
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(parser.value),
                        "case " + n + " (seed 20240601): '" + text + "'");
            } else {
                assertTrue(Double.isNaN(parser.value), "case " + n + " (seed 20240601): '" + text + "'");
            }
        }
    }
}
