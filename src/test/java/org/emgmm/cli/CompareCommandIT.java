package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code em-gmm compare --example} (and {@code explore --example}): the seed notebooks' examples, each run
 * as a user runs it, the notebook's EM as written beside ours (seconds each: seed-004-collapse fits
 * 100,000 points). Most pass {@code --race none}: the race is checked once here, and in the quick tier.
 * The rest of the command, in the quick tier: {@link CompareCommandTest}.
 */
class CompareCommandIT {

    @TempDir
    Path directory;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private Path pages() {
        return directory.resolve("compare");
    }

    private Path json() {
        return directory.resolve("rows.json");
    }

    /**
     * A notebook's EM as written keeps full covariances only: with --covariance-type spherical its line
     * says it is not applicable, and ours still run from the notebook's start made spherical.
     */
    @Test
    void theNotebooksEmAsWrittenIsNotApplicableToAConstrainedType() {
        CommandRun run = run("compare", "--example", "seed-003", "--covariance-type", "spherical", "--implementations",
                "vectorised,loops", "--format", "png", "--out", pages().toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        String line = run.out().lines().filter(l -> l.startsWith("as the notebook wrote it")).findFirst().orElseThrow();
        assertTrue(line.endsWith("not applicable: its M-step does not keep spherical covariances (it fits full only)"),
                line);
        assertTrue(run.out().contains("agreement: all 2 implementations that ran agree"), run.out());
        // 400 points are too few: the default race, of the example's K and seed, keeps the spherical type.
        assertTrue(run.out().contains("race case (timings only), 20,000×10, K = 2, spherical covariances, seed 0:"),
                run.out());
    }

    /** explore --example: the notebook's EM as written is replayed beside ours, and its line printed. */
    @Test
    void exploreReplaysAnExampleWithItsEmAsWritten() throws Exception {
        Path page = directory.resolve("seed-003.html");
        CommandRun run = run("explore", "--example", "seed-003", "--race", "none", "--out", page.toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().startsWith("seed-003 (example): 400 points"), run.out());
        assertTrue(run.out().contains("as the notebook wrote it"), run.out());
        assertTrue(run.out().endsWith("explorer: " + page + " (every iteration, 400 of 400 shown)\n"), run.out());
        assertTrue(Files.size(page) > 10_000, "the page is written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-000", "seed-001", "seed-002", "seed-003", "seed-004", "seed-004-collapse"})
    void everyNotebookExampleRuns(String example) throws Exception {
        CommandRun run = run("compare", "--example", example, "--race", "none", "--out", pages().toString(), "--json", json().toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().startsWith(example + " (example)"), run.out());
        assertTrue(run.out().contains("agreement: all "), run.out());
        boolean buggy = !example.equals("seed-000") && !example.equals("seed-002");
        assertEquals(buggy, run.out().contains("as the notebook wrote it ("), run.out());
        String page = Files.readString(pages().resolve("index.html"));
        assertTrue(page.contains(example + ": "), "the page names the example");
        assertEquals(buggy, page.contains("as the notebook wrote it"), "the page shows the notebook's version");
    }

    @Test
    void theSeed003BugIsShownLeavingOurTraceAtTheStart() {
        CommandRun run = run("compare", "--example", "seed-003", "--race", "none", "--out", pages().toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        String line = run.out().lines().filter(l -> l.startsWith("as the notebook wrote it")).findFirst().orElseThrow();
        // π = (0.1, 0.9) at the start: without the weights each point's log-likelihood gains −log Σₖ πₖ N_k / Σₖ N_k > 0.
        assertTrue(line.contains("its trace left ours at iteration 0, by +"), line);
    }

    @Test
    void theSeed004CollapseShowsBothWeightsAndOursListsTheEmptyComponent() {
        CommandRun run = run("compare", "--example", "seed-004-collapse", "--implementations", "vectorised",
                "--race", "none", "--out", pages().toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().contains("the notebook's start, seed 24"), run.out());
        String line = run.out().lines().filter(l -> l.startsWith("as the notebook wrote it")).findFirst().orElseThrow();
        assertTrue(line.contains("100 iterations, weights "), line);
        assertTrue(line.contains(" against ours "), line);
        assertTrue(line.contains("listed as empty"), line);
    }

    @Test
    void theSeed004CollapseFromAStartWhereTheNotebooksDensitiesUnderflow() {
        CommandRun run = run("compare", "--example", "seed-004-collapse", "--seed", "0", "--implementations",
                "vectorised", "--race", "none", "--out", pages().toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().contains("the notebook's start, seed 0"), run.out());
        String line = run.out().lines().filter(l -> l.startsWith("as the notebook wrote it")).findFirst().orElseThrow();
        assertTrue(line.contains("failed: the log-likelihood became -Infinity at iteration 0"), line);
        assertTrue(line.contains("; ours ended with weights "), line);
    }
}
