package org.emgmm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * RFC 4180 quoting of the names {@link CsvWriter} writes: a field is quoted exactly when written bare it
 * would split into more fields or more records.
 */
class CsvWriterQuotingTest {

    @Test
    void plainNamesStayBare() {
        assertEquals("eruptions", CsvWriter.quoteIfNeeded("eruptions"));
        assertEquals("petal width", CsvWriter.quoteIfNeeded("petal width"));
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"a,b\"", CsvWriter.quoteIfNeeded("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.quoteIfNeeded("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvWriter.quoteIfNeeded("two\nlines"));
        assertEquals("\"two\r\nlines\"", CsvWriter.quoteIfNeeded("two\r\nlines"));
    }
}
