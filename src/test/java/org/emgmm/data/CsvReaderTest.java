package org.emgmm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReaderTest {

    private static final List<String> ALL = List.of();

    @TempDir
    Path directory;

    private static LabelledData parse(String text) {
        return CsvReader.parse(text, "test.csv", ALL, null);
    }

    private static DataException parseFails(String text, List<String> columns, String labels) {
        return assertThrows(DataException.class, () -> CsvReader.parse(text, "test.csv", columns, labels));
    }

    private static void assertOneLine(String message) {
        assertFalse(message.contains("\n"), message);
    }

    // Header detection

    @Test
    void aWordAboveANumberMakesTheFirstLineAHeader() {
        DataMatrix data = parse("eruptions,waiting\n3.6,79\n1.8,54\n").data();
        assertEquals(List.of("eruptions", "waiting"), data.columnNames());
        assertEquals(2, data.rows());
        assertArrayEquals(new double[] {3.6, 79, 1.8, 54}, data.toFlatArray());
    }

    @Test
    void aFileOfNumbersHasNoHeaderAndDefaultNames() {
        DataMatrix data = parse("3.6,79\n1.8,54\n").data();
        assertEquals(List.of("x1", "x2"), data.columnNames());
        assertEquals(2, data.rows());
    }

    @Test
    void aWordAboveAWordIsDataInATextColumnNotAHeader() {
        LabelledData loaded = CsvReader.parse("5.1,3.5,setosa\n4.9,3.0,setosa\n7.0,3.2,versicolor\n", "test.csv", ALL,
                "3");
        assertEquals(3, loaded.data().rows());
        assertEquals(List.of("x1", "x2"), loaded.data().columnNames());
        assertEquals(List.of("setosa", "setosa", "versicolor"), loaded.labels());
    }

    @Test
    void aHeaderWithoutDataIsRefused() {
        DataException e = parseFails("a,b\n", ALL, null);
        assertTrue(e.getMessage().contains("no data"), e.getMessage());
    }

    @Test
    void numbersInEveryNotationAreRead() {
        DataMatrix data = parse("a,b,c\n-1.5e3,+.25,7\n1E-2,0.,-0\n").data();
        assertArrayEquals(new double[] {-1500, 0.25, 7, 0.01, 0, -0.0}, data.toFlatArray());
    }

    // Syntax

    @Test
    void quotedFieldsMayHoldCommasAndQuotes() {
        LabelledData loaded = CsvReader.parse("\"length, cm\",\"the \"\"name\"\"\"\n1.5,\"a, b\"\n2.5,c\n", "test.csv",
                ALL, "2");
        assertEquals(List.of("length, cm"), loaded.data().columnNames());
        assertEquals("the \"name\"", loaded.labelColumn());
        assertEquals(List.of("a, b", "c"), loaded.labels());
    }

    @Test
    void blankLinesSpacesWindowsLineEndsAndAByteOrderMarkAreFine() {
        DataMatrix data = parse("\uFEFFa, b\r\n 1 , 2\r\n\r\n3,4\r\n\r\n\n").data();
        assertEquals(List.of("a", "b"), data.columnNames());
        assertArrayEquals(new double[] {1, 2, 3, 4}, data.toFlatArray());
    }

    @Test
    void raggedRowsNameTheLineAndBothCounts() {
        DataException e = parseFails("a,b\n1,2\n\n3,4,5\n", ALL, null);
        assertTrue(e.getMessage().contains("line 4 has 3 fields but line 1 has 2"), e.getMessage());
        assertOneLine(e.getMessage());
    }

    @Test
    void anUnclosedQuoteNamesItsLine() {
        DataException e = parseFails("a,b\n1,\"2\n", ALL, null);
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void semicolonSeparatedFilesAreExplained() {
        DataException e = parseFails("a;b\n3,6;79\n", ALL, null);
        assertTrue(e.getMessage().contains("';'"), e.getMessage());
    }

    @Test
    void anEmptyFileIsRefused() {
        DataException e = parseFails("\n  \n", ALL, null);
        assertTrue(e.getMessage().contains("test.csv is empty"), e.getMessage());
    }

    // Column selection

    @Test
    void columnsAreChosenByNameOrOneBasedIndexInTheGivenOrder() {
        String text = "a,b,c\n1,2,3\n4,5,6\n";
        DataMatrix data = CsvReader.parse(text, "test.csv", List.of("c", "1"), null).data();
        assertEquals(List.of("c", "a"), data.columnNames());
        assertArrayEquals(new double[] {3, 1, 6, 4}, data.toFlatArray());
    }

    @Test
    void aNameThatLooksLikeAnIndexMeansTheName() {
        DataMatrix data = CsvReader.parse("2,x\n1,7\n", "test.csv", List.of("2"), null).data();
        assertEquals(List.of("2"), data.columnNames());
        assertArrayEquals(new double[] {1}, data.toFlatArray());
    }

    @Test
    void anUnknownColumnNameListsTheColumns() {
        DataException e = parseFails("a,b\n1,2\n", List.of("z"), null);
        assertTrue(e.getMessage().contains("'z'"), e.getMessage());
        assertTrue(e.getMessage().contains("a, b"), e.getMessage());
    }

    @Test
    void anIndexOutOfRangeListsTheColumns() {
        DataException e = parseFails("a,b\n1,2\n", List.of("3"), null);
        assertTrue(e.getMessage().contains("no column 3"), e.getMessage());
        assertTrue(e.getMessage().contains("a, b"), e.getMessage());
    }

    @Test
    void anUnknownLabelColumnListsTheColumns() {
        DataException e = parseFails("a,b\n1,2\n", ALL, "Species");
        assertTrue(e.getMessage().contains("'Species'") && e.getMessage().contains("a, b"), e.getMessage());
    }

    @Test
    void aColumnChosenTwiceIsRefused() {
        DataException e = parseFails("a,b\n1,2\n", List.of("a", "1"), null);
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void theLabelColumnIsLeftOutOfTheAutomaticSelectionEvenWhenNumeric() {
        LabelledData loaded = CsvReader.parse("x1,component\n0.5,0\n1.5,1\n", "test.csv", ALL, "component");
        assertEquals(List.of("x1"), loaded.data().columnNames());
        assertEquals(List.of("0", "1"), loaded.labels());
    }

    @Test
    void aFileWithoutNumericColumnsIsRefused() {
        DataException e = parseFails("hello world\nthis is not data\n", ALL, null);
        assertTrue(e.getMessage().contains("no numeric column"), e.getMessage());
    }

    // Cells

    @Test
    void aNonNumericCellNamesItsFileLineAndColumn() {
        DataException e = parseFails("eruptions,waiting\n3.6,79\n\n1.8,fifty\n", ALL, null);
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
        assertTrue(e.getMessage().contains("'waiting'"), e.getMessage());
        assertTrue(e.getMessage().contains("'fifty'"), e.getMessage());
        assertOneLine(e.getMessage());
    }

    @Test
    void anEmptyCellNamesItsLineAndColumn() {
        DataException e = parseFails("a,b\n1,2\n3,\n", ALL, null);
        assertTrue(e.getMessage().contains("line 3, column 'b' is empty"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "Inf", "-inf", "Infinity", "-Infinity", "1e999"})
    void nonFiniteCellsNameTheirLineAndColumn(String cell) {
        DataException e = parseFails("a,b\n1,2\n3," + cell + "\n", ALL, null);
        assertTrue(e.getMessage().contains("line 3, column 'b'"), e.getMessage());
        assertTrue(e.getMessage().contains("not a finite number"), e.getMessage());
    }

    @Test
    void aChosenTextColumnNamesTheFirstWord() {
        DataException e = parseFails("a,name\n1,x\n", List.of("name"), null);
        assertTrue(e.getMessage().contains("line 2, column 'name'"), e.getMessage());
    }

    // Files

    @Test
    void readsAFile() throws IOException {
        Path file = directory.resolve("points.csv");
        Files.writeString(file, "a,b\n1,2\n3,4\n");
        LabelledData loaded = CsvReader.read(file, ALL, null);
        assertEquals(file.toString(), loaded.source());
        assertEquals(2, loaded.data().rows());
        assertFalse(loaded.hasLabels());
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = directory.resolve("nowhere.csv");
        DataException e = assertThrows(DataException.class, () -> CsvReader.read(file, ALL, null));
        assertTrue(e.getMessage().contains("nowhere.csv does not exist"), e.getMessage());
    }

    @Test
    void aBinaryFileIsNotCsv() throws IOException {
        Path file = directory.resolve("picture.csv");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe});
        DataException e = assertThrows(DataException.class, () -> CsvReader.read(file, ALL, null));
        assertTrue(e.getMessage().contains("is not a CSV file"), e.getMessage());
    }

    @Test
    void aFileWithAZeroByteIsNotCsv() throws IOException {
        Path file = directory.resolve("zeros.csv");
        Files.write(file, new byte[] {'1', ',', '2', '\n', 0, 0});
        DataException e = assertThrows(DataException.class, () -> CsvReader.read(file, ALL, null));
        assertTrue(e.getMessage().contains("is not a CSV file"), e.getMessage());
    }

    @Test
    void aDirectoryIsNotAFile() {
        DataException e = assertThrows(DataException.class, () -> CsvReader.read(directory, ALL, null));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    // Silent acceptance, long cells, numbers

    @Test
    void duplicateColumnNamesAreRefusedNamingTheColumn() {
        DataException e = parseFails("a,b,a\n1,2,3\n", ALL, null);
        assertTrue(e.getMessage().contains("two columns named 'a' (columns 1 and 3)"), e.getMessage());
        assertOneLine(e.getMessage());
    }

    @Test
    void aHugeCellIsQuotedShortened() {
        String cell = "x".repeat(1_000_000);
        DataException e = parseFails("a,b\n1,2\n3," + cell + "\n", ALL, null);
        assertTrue(e.getMessage().contains("line 3, column 'b'"), e.getMessage());
        assertTrue(e.getMessage().contains("x".repeat(Quote.MAX_CHARS) + "…'"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage().length() + " characters");
    }

    @Test
    void aLongListOfColumnsIsShortened() {
        StringBuilder header = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (int j = 0; j < 5000; j++) {
            header.append(j == 0 ? "" : ",").append("column").append(j);
            row.append(j == 0 ? "" : ",").append(j);
        }
        DataException e = parseFails(header + "\n" + row + "\n", List.of("nowhere"), null);
        assertTrue(e.getMessage().contains("(5,000 in all)"), e.getMessage());
        assertTrue(e.getMessage().length() < 500, e.getMessage().length() + " characters");
    }

    @Test
    void aFileIsStreamedWithItsLineEndings() throws IOException {
        Path file = directory.resolve("mixed.csv");
        Files.writeString(file, "\uFEFFa,b\r1,2\r\n\n3,\"4\"\n5,6");
        DataMatrix data = CsvReader.read(file, ALL, null).data();
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, data.toFlatArray());
        Files.writeString(file, "a,b\n1,2\n3,4,5\n");
        DataException e = assertThrows(DataException.class, () -> CsvReader.read(file, ALL, null));
        assertTrue(e.getMessage().contains("line 3 has 3 fields but line 1 has 2"), e.getMessage());
    }
}
