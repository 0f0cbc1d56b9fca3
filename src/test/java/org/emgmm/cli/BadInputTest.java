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
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The "Bad input" promise of docs/cli/errors.md for sizes, memory, scale and silent acceptance: one line on standard
 * error that says what to do, exit code 2, no stack trace, no output file.
 */
class BadInputTest {

    @TempDir
    Path directory;

    private Path file(String name, String text) throws IOException {
        Path path = directory.resolve(name);
        Files.writeString(path, text);
        return path;
    }

    private Path output() {
        return directory.resolve("model.json");
    }

    private CommandRun fit(String... args) {
        List<String> all = new ArrayList<>(List.of("fit", "--out", output().toString()));
        all.addAll(Arrays.asList(args));
        return CommandRun.of(all.toArray(String[]::new));
    }

    /** Exit 2, one line on stderr starting with em-gmm:, no stack trace, no output file; returns the line. */
    private String assertBadInput(CommandRun run) {
        String line = run.badInputLine();
        assertFalse(Files.exists(output()), "no output file after a failure");
        return line;
    }

    // sizes

    @Test
    void theLargestMaxIterCostsNothingUpFront() {
        CommandRun run = fit("--data", "old-faithful", "--components", "2", "--seed", "1", "--max-iter",
                String.valueOf(Integer.MAX_VALUE));
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(Files.exists(output()));
    }

    @Test
    void aNegativeMaxIterNamesTheOptionAndTheRange() {
        String line = assertBadInput(fit("--data", "old-faithful", "--components", "2", "--max-iter", "-1"));
        assertTrue(line.contains("--max-iter must be 0 or more, got -1"), line);
    }

    @Test
    void otherRangesNameTheirOptions() {
        assertTrue(assertBadInput(fit("--data", "old-faithful", "--components", "2", "--tol", "-1"))
                .contains("--tol must be"));
        assertTrue(assertBadInput(fit("--data", "old-faithful", "--components", "2", "--reg-covar", "NaN"))
                .contains("--reg-covar must be"));
        assertTrue(assertBadInput(fit("--data", "old-faithful", "--components", "0"))
                .contains("--components must be 1 or more"));
    }

    @Test
    void aCovarianceTooLargeForTheHeapIsRefusedBeforeItIsAllocated() throws IOException {
        int columns = 50_000;
        StringBuilder csv = new StringBuilder();
        for (int row = 0; row < 3; row++) {
            for (int j = 0; j < columns; j++) {
                csv.append(j == 0 ? "" : ",").append((row * 7 + j) % 10);
            }
            csv.append('\n');
        }
        Path wide = file("wide.csv", csv.toString());
        String line = assertBadInput(fit("--data", wide.toString(), "--components", "2"));
        assertTrue(line.contains("50,000 columns need 19 GB of covariance per component"), line);
        assertTrue(line.contains("choose fewer columns with --columns"), line);
    }

    // memory

    /** A subcommand that runs out of memory, as a fit of too much data would. */
    @Command(name = "exhaust")
    static final class Exhaust implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    /** A subcommand whose library wraps running out of memory in its own exception, as Gson does. */
    @Command(name = "wrapped")
    static final class Wrapped implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("not valid JSON at column 12830022", new OutOfMemoryError());
        }
    }

    private static CommandRun runWithStub(Object stub, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = new CommandLine(new Main()).addSubcommand(name, stub);
        int code = Main.run(commandLine, new String[] {name}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runningOutOfMemoryIsOneLineNamingTheHeapAndHowToRaiseIt() {
        String line = assertBadInput(runWithStub(new Exhaust(), "exhaust"));
        assertTrue(line.contains("out of memory"), line);
        assertTrue(line.contains("the Java heap is limited to "), line);
        // A test JVM's default heap is a quarter of the machine's memory: doubling it can help.
        assertTrue(java.util.regex.Pattern.compile("java -Xmx\\d+g -jar").matcher(line).find(), line);
    }

    @Test
    void runningOutOfMemoryInsideALibraryIsReportedAsMemoryToo() {
        String line = assertBadInput(runWithStub(new Wrapped(), "wrapped"));
        assertTrue(line.contains("out of memory"), line);
        assertFalse(line.contains("12830022"), line);
    }

    // scale and size of the data

    @Test
    void oneRowNeedsTwoPoints() throws IOException {
        Path one = file("one.csv", "a,b\n1,2\n");
        String line = assertBadInput(fit("--data", one.toString(), "--components", "1"));
        assertTrue(line.contains("at least 2 points"), line);
        assertFalse(line.contains("singular"), line);
    }

    @Test
    void hugeValuesAreDiagnosedAsAScaleProblem() throws IOException {
        Path huge = file("huge.csv", "a,b\n1e200,3e200\n2e200,1e200\n3e200,2.5e200\n-1e200,0\n");
        String line = assertBadInput(fit("--data", huge.toString(), "--components", "1"));
        assertTrue(line.contains("the values are around 1e200"), line);
        assertTrue(line.contains("rescale the data"), line);
    }

    @Test
    void tinyValuesAreDiagnosedAsAScaleProblem() throws IOException {
        Path tiny = file("tiny.csv", "a,b\n1e-200,3e-200\n2e-200,1e-200\n3e-200,2.5e-200\n-1e-200,0\n");
        String line = assertBadInput(fit("--data", tiny.toString(), "--components", "1"));
        assertTrue(line.contains("the values are around 1e-200"), line);
        assertTrue(line.contains("rescale the data"), line);
        assertFalse(line.contains("constant column"), line);
    }

    // init files

    private static final String MODEL = "{\"weights\": [1], \"means\": [[0, 0]], \"covariances\": [[[1, 0], [0, 1]]]}";

    @Test
    void anInitFileWithADuplicatedKeyIsRefused() throws IOException {
        Path init = file("twice.json", MODEL.replace("{\"weights\": [1],", "{\"weights\": [0.5], \"weights\": [1],"));
        String line = assertBadInput(fit("--data", "old-faithful", "--init", init.toString()));
        assertTrue(line.contains("has the key \"weights\" twice"), line);
    }

    @Test
    void anInitFileThatIsADirectoryGetsAPlainMessage() throws IOException {
        Path init = Files.createDirectory(directory.resolve("models"));
        String line = assertBadInput(fit("--data", "old-faithful", "--init", init.toString()));
        assertTrue(line.contains("is a directory"), line);
    }

    @Test
    void anInitFileThatIsNotUtf8GetsAPlainMessage() throws IOException {
        Path init = directory.resolve("latin1.json");
        Files.write(init, new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
        String line = assertBadInput(fit("--data", "old-faithful", "--init", init.toString()));
        assertTrue(line.contains("is not UTF-8 text"), line);
        assertFalse(line.contains("MalformedInput"), line);
    }

    @Test
    void deeplyNestedJsonGivesAShortLine() throws IOException {
        Path init = file("deep.json", "{\"weights\": " + "[".repeat(1000) + "]".repeat(1000) + "}");
        String line = assertBadInput(fit("--data", "old-faithful", "--init", init.toString()));
        assertTrue(line.length() < 400, line);
    }

    @Test
    void aHugeStringInJsonIsQuotedShortened() throws IOException {
        Path init = file("long.json", MODEL.replace("[1]", "[\"" + "w".repeat(100_000) + "\"]"));
        String line = assertBadInput(fit("--data", "old-faithful", "--init", init.toString()));
        assertTrue(line.length() < 400, line);
        assertTrue(line.contains("…"), line);
    }
}
