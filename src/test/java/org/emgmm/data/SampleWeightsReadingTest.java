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

/** Reading sample weights: from a column of the data file, and from a file of their own. */
class SampleWeightsReadingTest {

    private static final String TEXT = "x,count,y\n1.5,2,10\n2.5,0,20\n3.5,1.25,30\n";

    @TempDir
    Path folder;

    @Test
    void aWeightsColumnIsReadAndIsNotFitted() {
        DataMatrix data = CsvReader.parse(TEXT, "test.csv", List.of(), null, "count").data();
        assertEquals(List.of("x", "y"), data.columnNames());
        assertArrayEquals(new double[] {1.5, 10, 2.5, 20, 3.5, 30}, data.toFlatArray());
        assertArrayEquals(new double[] {2, 0, 1.25}, data.sampleWeights());
        assertEquals(3.25, data.totalWeight());
        assertEquals(2, data.positiveWeightRows());
    }

    @Test
    void aWeightsColumnMayBeGivenByIndexAndBesideChosenColumns() {
        DataMatrix data = CsvReader.parse(TEXT, "test.csv", List.of("y"), null, "2").data();
        assertEquals(List.of("y"), data.columnNames());
        assertArrayEquals(new double[] {2, 0, 1.25}, data.sampleWeights());
    }

    @Test
    void withoutAWeightsColumnTheDataIsUnweighted() {
        DataMatrix data = CsvReader.parse(TEXT, "test.csv", List.of(), null).data();
        assertFalse(data.isWeighted());
        assertEquals(1.0, data.weight(1));
        assertEquals(3.0, data.totalWeight());
    }

    @Test
    void aWeightsFileIsReadWithOrWithoutAHeader() throws IOException {
        Path withHeader = Files.writeString(folder.resolve("w.csv"), "weight\n2\n0\n1.25\n");
        Path bare = Files.writeString(folder.resolve("bare.csv"), "2\n0\n1.25\n");
        assertArrayEquals(new double[] {2, 0, 1.25}, CsvReader.readSampleWeights(withHeader));
        assertArrayEquals(new double[] {2, 0, 1.25}, CsvReader.readSampleWeights(bare));
        LabelledData loaded = CsvReader.parse("x\n1\n2\n3\n", "test.csv", List.of(), null);
        LabelledData weighted = Datasets.withSampleWeightsFile(loaded, bare);
        assertArrayEquals(new double[] {2, 0, 1.25}, weighted.data().sampleWeights());
        assertArrayEquals(loaded.data().toFlatArray(), weighted.data().toFlatArray());
    }

    @Test
    void badWeightsInAColumnNameTheLine() {
        String template = "x,w\n1,1\n2,WEIGHT\n3,1\n";
        for (String bad : new String[] {"-0.5", "NaN", "inf", "heavy", ""}) {
            DataException e = assertThrows(DataException.class,
                    () -> CsvReader.parse(template.replace("WEIGHT", bad), "test.csv", List.of(), null, "w"));
            assertTrue(e.getMessage().startsWith("test.csv line 3, column 'w'"), bad + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("0 or more"), bad + ": " + e.getMessage());
        }
        DataException zeros = assertThrows(DataException.class,
                () -> CsvReader.parse("x,w\n1,0\n2,0\n", "test.csv", List.of(), null, "w"));
        assertTrue(zeros.getMessage().contains("every sample weight is 0"), zeros.getMessage());
    }

    @Test
    void aWeightsColumnCannotAlsoBeFittedOrBeTheLabels() {
        DataException fitted = assertThrows(DataException.class,
                () -> CsvReader.parse(TEXT, "test.csv", List.of("x", "count"), null, "count"));
        assertTrue(fitted.getMessage().contains("leave it out of --columns"), fitted.getMessage());
        DataException labels = assertThrows(DataException.class,
                () -> CsvReader.parse(TEXT, "test.csv", List.of(), "count", "count"));
        assertTrue(labels.getMessage().contains("both as the labels and as the sample weights"), labels.getMessage());
        DataException unknown = assertThrows(DataException.class,
                () -> CsvReader.parse(TEXT, "test.csv", List.of(), null, "weight"));
        assertTrue(unknown.getMessage().contains("'weight'"), unknown.getMessage());
    }

    @Test
    void aWeightsFileMustMatchTheDataAndHoldOneColumn() throws IOException {
        LabelledData loaded = CsvReader.parse("x\n1\n2\n3\n", "test.csv", List.of(), null);
        Path short_ = Files.writeString(folder.resolve("short.csv"), "1\n2\n");
        DataException count = assertThrows(DataException.class, () -> Datasets.withSampleWeightsFile(loaded, short_));
        assertTrue(count.getMessage().contains("2 sample weights but test.csv has 3 data rows"), count.getMessage());
        Path wide = Files.writeString(folder.resolve("wide.csv"), "1,2\n3,4\n5,6\n");
        DataException columns = assertThrows(DataException.class, () -> CsvReader.readSampleWeights(wide));
        assertTrue(columns.getMessage().contains("has 2 columns"), columns.getMessage());
        Path negative = Files.writeString(folder.resolve("negative.csv"), "w\n1\n-2\n3\n");
        DataException sign = assertThrows(DataException.class, () -> CsvReader.readSampleWeights(negative));
        assertTrue(sign.getMessage().startsWith(negative + " line 3: sample weight -2.0 is negative"),
                sign.getMessage());
    }
}
