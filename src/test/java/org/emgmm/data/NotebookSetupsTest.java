package org.emgmm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.emgmm.model.GaussianMixture;
import org.junit.jupiter.api.Test;

class NotebookSetupsTest {

    private static int[] countsOf(int[] components, int k) {
        int[] counts = new int[k];
        for (int component : components) {
            counts[component]++;
        }
        return counts;
    }

    @Test
    void seed001IsThreeUnitBlobsOf100() {
        NotebookSetups.Setup setup = NotebookSetups.byName("seed-001");
        MixtureSampler.Sample sample = setup.draw(1);
        assertEquals(300, sample.data().rows());
        assertEquals(2, sample.data().columns());
        assertArrayEquals(new int[] {100, 100, 100}, countsOf(sample.components(), 3));
        assertArrayEquals(new double[] {8, 1}, setup.mixture().mean(2));
    }

    @Test
    void seed002HasExactly300And750And450Points() {
        NotebookSetups.Setup setup = NotebookSetups.byName("seed-002");
        MixtureSampler.Sample sample = setup.draw(1);
        assertEquals(1500, sample.data().rows());
        assertArrayEquals(new int[] {300, 750, 450}, countsOf(sample.components(), 3));
        assertArrayEquals(new double[] {0.2, 0.5, 0.3}, setup.mixture().weights());
    }

    @Test
    void seed004IsTwoUnivariateNormalsDrawnAtRandom() {
        NotebookSetups.Setup setup = NotebookSetups.byName("seed-004");
        GaussianMixture mixture = setup.mixture();
        assertEquals(1, mixture.dimension());
        // The notebook printed A_mean_orig = 222 and drew A with pa = 0.7; the rest is chosen (see NotebookSetups).
        assertEquals(222.0, mixture.mean(0, 0), "A's true mean, as the notebook printed it");
        assertEquals(0.7, mixture.weight(0), "A's share, the notebook's pa");
        assertArrayEquals(new double[] {222, 285}, mixture.flatMeans());
        assertArrayEquals(new double[] {100, 625}, mixture.flatCovariances());
        MixtureSampler.Sample sample = setup.draw(3);
        assertEquals(10_000, sample.data().rows());
        int first = countsOf(sample.components(), 2)[0];
        assertTrue(Math.abs(first - 7000) < 300, "about 70% from the first normal, got " + first);
    }

    @Test
    void seed004CollapseIsTheNotebooksFirstPart() {
        NotebookSetups.Setup setup = NotebookSetups.byName("seed-004-collapse");
        GaussianMixture mixture = setup.mixture();
        assertEquals(1, mixture.dimension());
        assertEquals(2, mixture.components());
        assertArrayEquals(new double[] {0.62537085, 0.37462915}, mixture.weights(), "the true weights it printed");
        for (int k = 0; k < 2; k++) {
            assertTrue(mixture.mean(k, 0) >= -10 && mixture.mean(k, 0) <= 10);
        }
        MixtureSampler.Sample sample = setup.draw(3);
        assertEquals(100_000, sample.data().rows());
        int first = countsOf(sample.components(), 2)[0];
        // binomial(100,000, 0.625): standard deviation about 153
        assertTrue(Math.abs(first - 62_537) < 800, "about 62.5% from the first normal, got " + first);
    }

    @Test
    void theSameSeedDrawsTheSamePoints() {
        NotebookSetups.Setup setup = NotebookSetups.byName("seed-001");
        assertArrayEquals(setup.draw(5).data().toFlatArray(), setup.draw(5).data().toFlatArray());
    }

    @Test
    void anUnknownNameListsTheSetups() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NotebookSetups.byName("seed-005"));
        assertTrue(e.getMessage().contains("seed-000, seed-001, seed-002, seed-003, seed-004, seed-004-collapse"), e.getMessage());
        assertEquals(List.of("seed-000", "seed-001", "seed-002", "seed-003", "seed-004",
                "seed-004-collapse"), NotebookSetups.names());
    }

    @Test
    void writtenCsvReadsBackExactlyWithItsComponents() {
        MixtureSampler.Sample sample = NotebookSetups.byName("seed-001").draw(2);
        LabelledData read = CsvReader.parse(CsvWriter.format(sample), "sample.csv", List.of(),
                CsvWriter.COMPONENT_COLUMN);
        assertArrayEquals(sample.data().toFlatArray(), read.data().toFlatArray());
        assertEquals(List.of("x1", "x2"), read.data().columnNames());
        int[] components = sample.components();
        for (int i = 0; i < components.length; i++) {
            assertEquals(String.valueOf(components[i]), read.labels().get(i));
        }
    }

    @Test
    void seed000IsOneWideBlobOf100() {
        NotebookSetups.Setup setup = NotebookSetups.byName("seed-000");
        assertEquals(100, setup.points());
        assertEquals(1, setup.mixture().components());
        // randn + 10 randn: the variances add, 1 + 100
        assertEquals(101.0, setup.mixture().covariance(0, 0, 0), 0.0);
        assertEquals(0.0, setup.mixture().covariance(0, 0, 1), 0.0);
        assertEquals(100, setup.draw(3).data().rows());
    }

    @Test
    void seed003IsTwoClustersOf200WithVariances3And1() {
        NotebookSetups.Setup setup = NotebookSetups.byName("seed-003");
        assertEquals(400, setup.points());
        MixtureSampler.Sample sample = setup.draw(5);
        int[] components = sample.components();
        assertEquals(200, java.util.Arrays.stream(components).filter(c -> c == 0).count());
        assertEquals(-2.0, setup.mixture().mean(0, 0), 0.0);
        assertEquals(2.0, setup.mixture().mean(0, 1), 0.0);
        assertEquals(3.0, setup.mixture().covariance(0, 0, 0), 0.0);
        assertEquals(1.0, setup.mixture().covariance(1, 1, 1), 0.0);
    }
}
