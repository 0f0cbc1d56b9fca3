package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.emgmm.em.EmSettings;
import org.emgmm.model.GaussianMixture;
import org.emgmm.selection.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit} names a collapsed component in its summary and warns, in one line on standard error, when a fit
 * did not converge or collapsed; the exit code stays 0.
 */
class FitWarningTest {

    private static final double REG_COVAR = EmSettings.DEFAULT_REG_COVAR;

    @TempDir
    Path directory;

    /**
     * Two groups of 20 points far apart: in the first every y is 5, in the second x and y both vary. From a
     * start at the two groups, component 0's points have no spread in y, so its y variance after any M-step is
     * 0 + reg-covar: collapsed by select's rule (at most 10 · reg-covar). Component 1's variances are about 1.
     */
    private Path flatGroupData() throws IOException {
        return flatGroupData(directory);
    }

    private Path twoGroupStart() throws IOException {
        return twoGroupStart(directory);
    }

    /** {@link #flatGroupData()} written into {@code folder}, for the tests of compare and explore too. */
    static Path flatGroupData(Path folder) throws IOException {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 20; i++) {
            csv.append(String.format(Locale.ROOT, "%d,5%n", i % 5));
            csv.append(String.format(Locale.ROOT, "%d,%d%n", 100 + i % 4, 100 + (i * 7) % 5));
        }
        return Files.writeString(folder.resolve("flat.csv"), csv);
    }

    /** A start at the two groups of {@link #flatGroupData(Path)}, written into {@code folder}. */
    static Path twoGroupStart(Path folder) throws IOException {
        return Files.writeString(folder.resolve("start.json"), "{\"weights\": [0.5, 0.5], \"means\": [[2, 5],"
                + " [101.5, 102]], \"covariances\": [[[1, 0], [0, 1]], [[1, 0], [0, 1]]]}");
    }

    @Test
    void aCollapsedComponentIsNamedInTheSummaryAndWarnedOfInOneLine() throws IOException {
        CommandRun run = CommandRun.of("fit", "--data", flatGroupData().toString(), "--init",
                twoGroupStart().toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().contains("collapsed       components 0 ("), run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(FitWarning.PREFIX + "component 0 collapsed"), run.err());
        assertFalse(run.err().contains("not converged"), run.err());
    }

    @Test
    void anUnconvergedFitIsWarnedOfInOneLineAndStillPrinted() {
        CommandRun run = CommandRun.of("fit", "--data", "old-faithful", "--components", "2", "--max-iter", "1");
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().contains("iterations      1, not converged"), run.out());
        assertEquals(FitWarning.PREFIX + "not converged after 1 iteration: raise --max-iter or --tol",
                run.err().strip());
    }

    /** Tolerance 0 asks for exactly --max-iter iterations: such a run cannot converge and is not warned of. */
    @Test
    void aFixedNumberOfIterationsIsNotWarnedOf() {
        CommandRun run = CommandRun.of("fit", "--data", "old-faithful", "--components", "2", "--max-iter", "3",
                "--tol", "0");
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().contains("iterations      3, not converged"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void aSoundFitWarnsOfNothing() {
        CommandRun run = CommandRun.of("fit", "--data", "old-faithful", "--components", "2");
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().contains("converged"), run.out());
        assertFalse(run.out().contains("collapsed"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void theWarningGoesToStandardErrorAlsoWhenTheModelGoesToStandardOutput() {
        CommandRun run = CommandRun.of("fit", "--data", "old-faithful", "--components", "2", "--max-iter", "2",
                "--out", "-");
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().strip().startsWith("{") && run.out().strip().endsWith("}"), run.out());
        assertTrue(run.err().strip().endsWith(FitWarning.PREFIX + "not converged after 2 iterations: raise"
                + " --max-iter or --tol"), run.err());
    }

    /** The rule near its edge: a conditional variance of 9.5 · reg-covar collapses, 10.5 · reg-covar does not. */
    @Test
    void collapsedMeansAConditionalVarianceOfAtMostTenTimesRegCovar() {
        GaussianMixture model = GaussianMixture.of(new double[] {0.25, 0.25, 0.25, 0.25},
                new double[][] {{0, 0}, {5, 5}, {9, 9}, {20, 20}},
                new double[][][] {
                    {{1, 0}, {0, 1}},
                    {{1, 0}, {0, 9.5 * REG_COVAR}},
                    {{1, 0}, {0, 10.5 * REG_COVAR}},
                    // variance 1 in x and y, correlation 1 − 4e-6: y given x has variance 1 − ρ² ≈ 8e-6
                    {{1, 1 - 4e-6}, {1 - 4e-6, 1}}});
        assertArrayEquals(new int[] {1, 3}, Cell.collapsedComponents(model, REG_COVAR));
        assertTrue(Cell.hasCollapsedComponent(model, REG_COVAR));
        assertArrayEquals(new int[0], Cell.collapsedComponents(model, 0.0), "reg-covar 0: nothing counts");
    }
}
