package org.emgmm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @TempDir
    Path directory;

    @Test
    void listsTheBundledDataSets() {
        assertEquals(List.of("old-faithful", "iris"), Datasets.bundledNames());
    }

    @Test
    void oldFaithfulHas272EruptionsOfTwoMeasurements() {
        DataMatrix data = Datasets.load("old-faithful", List.of(), null).data();
        assertEquals(272, data.rows());
        assertEquals(List.of("eruptions", "waiting"), data.columnNames());
    }

    @Test
    void irisLeavesTheSpeciesOutByItself() {
        LabelledData iris = Datasets.load("iris", List.of(), null);
        assertEquals(150, iris.data().rows());
        assertEquals(List.of("Sepal.Length", "Sepal.Width", "Petal.Length", "Petal.Width"),
                iris.data().columnNames());
    }

    @Test
    void irisSpeciesAreUsableAsLabels() {
        LabelledData iris = Datasets.load("iris", List.of(), "Species");
        assertEquals(4, iris.data().columns());
        assertEquals("Species", iris.labelColumn());
        assertEquals(Set.of("setosa", "versicolor", "virginica"), Set.copyOf(iris.labels()));
        assertEquals(50, iris.labels().stream().filter("setosa"::equals).count());
    }

    @Test
    void irisColumnsCanBeChosen() {
        DataMatrix petals = Datasets.load("iris", List.of("Petal.Length", "4"), "5").data();
        assertEquals(List.of("Petal.Length", "Petal.Width"), petals.columnNames());
    }

    @Test
    void anythingElseIsAFilePath() throws IOException {
        Path file = directory.resolve("points.csv");
        Files.writeString(file, "1,2\n3,4\n5,7\n");
        assertEquals(3, Datasets.load(file.toString(), List.of(), null).data().rows());
    }

    @Test
    void aNameThatIsNeitherListsTheBundledOnes() {
        DataException e = assertThrows(DataException.class, () -> Datasets.load("old-faithfull", List.of(), null));
        assertTrue(e.getMessage().contains("old-faithfull") && e.getMessage().contains("old-faithful, iris"),
                e.getMessage());
    }
}
