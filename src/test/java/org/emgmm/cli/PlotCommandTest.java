package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code fit --plots DIR} and {@code plot}: what they write and list, and how they refuse bad input.
 * Pictures are drawn small (--width 320 --height 240) and few iterations run, to keep the tests fast.
 */
class PlotCommandTest {

    private static final List<String> SMALL = List.of("--width", "320", "--height", "240");

    @TempDir
    Path directory;

    private record Run(int code, String out, String err) {
    }

    private static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> args(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return all;
    }

    private Path pictures() {
        return directory.resolve("pictures");
    }

    /** {@code fit --data old-faithful -k 2 --seed 1 --plots DIR} plus {@code more}, small unless sized there. */
    private Run fitWithPlots(String... more) {
        List<String> fit = args(List.of("fit", "--data", "old-faithful", "-k", "2", "--seed", "1", "--plots",
                pictures().toString()), more);
        if (!fit.contains("--width") && !fit.contains("--height")) {
            fit.addAll(SMALL);
        }
        return run(fit);
    }

    /** The names of the files in {@code dir}, sorted; temporary files included, so a leftover shows. */
    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The files the "picture written to" lines name, in order. */
    private static List<Path> listed(String out) {
        return out.lines().filter(line -> line.startsWith("picture written to "))
                .map(line -> Path.of(line.substring("picture written to ".length()))).toList();
    }

    @Test
    void fitWithPlotsWritesAndListsEveryPictureAfterTheSummary() throws IOException {
        Run run = fitWithPlots("--max-iter", "8");
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        List<String> expected = List.of("clusters.png", "clusters.svg", "evolution.png", "evolution.svg",
                "evolution.gif", "density.png", "density.svg", "uncertainty.png", "uncertainty.svg", "trace.png",
                "trace.svg");
        List<Path> listed = listed(run.out());
        assertEquals(expected.stream().map(pictures()::resolve).toList(), listed);
        assertEquals(expected.stream().sorted().toList(), filesIn(pictures()),
                "exactly the listed files, no temporary ones left");
        String lastLine = run.out().lines().reduce((first, second) -> second).orElseThrow();
        assertEquals("picture written to " + pictures().resolve("trace.svg"), lastLine, "the list comes last");
        assertTrue(run.out().indexOf("component 1: weight") < run.out().indexOf("picture written to"),
                "the summary comes first");
    }

    @Test
    void oneColumnGetsTheHistogramAndTheTraceOnly() throws IOException {
        Run run = fitWithPlots("--columns", "eruptions", "--format", "png");
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertEquals(List.of("histogram.png", "trace.png"), filesIn(pictures()));
        assertEquals(2, listed(run.out()).size());
    }

    @Test
    void plotDrawsAModelFileAndSaysWhichRunTheEvolutionShows() throws IOException {
        Path model = directory.resolve("model.json");
        assertEquals(Main.EXIT_OK, run(List.of("fit", "--data", "old-faithful", "-k", "2", "--out", model.toString()))
                .code());
        Run run = run(args(args(List.of("plot"), SMALL.toArray(String[]::new)), "--data", "old-faithful", "--model",
                model.toString(), "--out", pictures().toString(), "--format", "png", "--iterations", "0,1", "--x",
                "waiting", "--y", "1"));
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(run.out().startsWith("EM from " + model), run.out());
        assertEquals(List.of("clusters.png", "density.png", "evolution.png", "trace.png", "uncertainty.png"),
                filesIn(pictures()));
    }

    /** Exit 2, one line that starts with "em-gmm: ", no stack trace, and no picture directory. */
    private void assertRefused(Run run, String expectedPart) {
        assertEquals(Main.EXIT_BAD_INPUT, run.code(), run.err());
        assertTrue(run.err().startsWith("em-gmm: "), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(run.err().contains("at org."), run.err());
        assertTrue(run.err().contains(expectedPart), run.err());
        assertFalse(Files.exists(pictures()), "nothing written after a refusal");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--x foo|unknown column 'foo' for --x",
        "--y 3|unknown column '3' for --y",
        "--x waiting --y waiting|both choose column 'waiting'",
        "--x 2 --y waiting|both choose column 'waiting'",
        "--dpi 0|--dpi 0 is not a usable resolution",
        "--dpi -5|--dpi -5 is not a usable resolution",
        "--dpi 600 --width 1000|pixels, more than 8000",
        "--width 100|--width 100 is out of range",
        "--height 5000|--height 5000 is out of range",
        "--iterations 0,-1,5|--iterations has -1",
        "--iterations 0,1,2,3,4,5,6,7,8,9,10,11,12|13 panels",
        "--format jpg|unknown picture format 'jpg'",
        "--compare loops,foo|unknown implementation 'foo'",
        "--compare univariate|univariate",
        "--columns eruptions --x eruptions|it has only 1 (eruptions)",
    })
    void badPictureOptionsAreRefusedBeforeAnythingIsWritten(String caseText) {
        String[] parts = caseText.split("\\|");
        assertRefused(fitWithPlots(parts[0].split(" ")), parts[1]);
    }

    @Test
    void aPictureOptionWithoutPlotsIsRefused() {
        Run run = run(List.of("fit", "--data", "old-faithful", "-k", "2", "--dpi", "144"));
        assertRefused(run, "--dpi sets how pictures are drawn, but no pictures were asked for: add --plots DIR");
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsRefusedAndNoModelIsWritten() throws IOException {
        Path file = Files.writeString(directory.resolve("a-file"), "not a directory");
        Path model = directory.resolve("model.json");
        Run run = run(List.of("fit", "--data", "old-faithful", "-k", "2", "--out", model.toString(), "--plots",
                file.resolve("pictures").toString(), "--format", "png", "--width", "320", "--height", "240"));
        assertRefused(run, "cannot create the picture directory");
        assertFalse(Files.exists(model), "the model is not written either");
        assertEquals(List.of("a-file"), filesIn(directory));
    }

    @Test
    void aModelOfAnotherDimensionIsRefused() throws IOException {
        Path model = Files.writeString(directory.resolve("three.json"), "{\"weights\": [1], \"means\": [[0, 0, 0]],"
                + " \"covariances\": [[[1, 0, 0], [0, 1, 0], [0, 0, 1]]]}");
        Run run = run(List.of("plot", "--data", "old-faithful", "--model", model.toString(), "--out",
                pictures().toString()));
        assertRefused(run, "the model has dimension 3 but the data has 2 columns (eruptions, waiting)");
    }
}
