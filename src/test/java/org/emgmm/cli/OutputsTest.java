package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.emgmm.data.CsvWriter;
import org.emgmm.data.Datasets;
import org.emgmm.data.MixtureSampler;
import org.emgmm.io.MixtureJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs never destroy anything: an output that would replace an input of the same run, a directory, a
 * device or a pipe is refused with one line and exit code 2, before anything is written; a replaced file
 * keeps its permissions; a run that writes several files writes all or none; a stopped run leaves no
 * temporary file. Every refusal is checked against a snapshot of the whole directory: the same files,
 * with the same bytes and permissions, and no temporary file. (A run stopped from outside, in a JVM of its
 * own: {@link OutputsIT}.)
 */
class OutputsTest {

    private static final String TWO_BY_TWO_IDENTITY = "[[1, 0], [0, 1]]";
    static final String MODEL = "{\"weights\": [0.5, 0.5], \"means\": [[0, 0], [6, 6]], \"covariances\": ["
            + TWO_BY_TWO_IDENTITY + ", " + TWO_BY_TWO_IDENTITY + "]}";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    @TempDir
    Path directory;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private static CommandRun run(List<String> args) {
        return CommandRun.of(args.toArray(String[]::new));
    }

    private Path file(String name, String text) throws IOException {
        Path path = directory.resolve(name);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text);
    }

    /** Old Faithful as a CSV file of our own. */
    private Path dataFile(String name) throws IOException {
        return file(name, Datasets.bundledText("old-faithful"));
    }

    /** Every file and directory under the test directory (links not followed): bytes and permissions. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.toList()) {
                String state;
                if (Files.isSymbolicLink(path)) {
                    state = "link to " + Files.readSymbolicLink(path);
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    state = Arrays.hashCode(Files.readAllBytes(path)) + " " + Files.size(path);
                } else {
                    state = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "directory" : "other";
                }
                if (POSIX) {
                    state += " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(path,
                            LinkOption.NOFOLLOW_LINKS));
                }
                files.put(directory.relativize(path).toString(), state);
            }
        }
        return files;
    }

    private List<String> temporaries() throws IOException {
        return temporariesIn(directory);
    }

    /** The temporary files (*.tmp) anywhere under {@code directory}. */
    static List<String> temporariesIn(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".tmp")).toList();
        }
    }

    /** Exit 2, one line starting em-gmm:, no stack trace, and the directory exactly as before; returns the line. */
    private String assertRefused(CommandRun run, Map<String, String> before, String... expected) throws IOException {
        assertEquals(Main.EXIT_BAD_INPUT, run.code(), run.out() + run.err());
        assertTrue(run.err().startsWith("em-gmm: "), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
        for (String part : expected) {
            assertTrue(run.err().contains(part), "expected '" + part + "' in: " + run.err());
        }
        assertEquals(before, snapshot(), "no file is written, changed or left behind");
        assertEquals(List.of(), temporaries());
        return run.err();
    }

    private static List<String> fit(Path data, String... more) {
        List<String> args = new ArrayList<>(List.of("fit", "--data", data.toString(), "-k", "2", "--seed", "1",
                "--max-iter", "5", "--implementation", "loops"));
        args.addAll(Arrays.asList(more));
        return args;
    }

    // the same file as an input

    @Test
    void fitRefusesToWriteOverItsData() throws IOException {
        Path data = dataFile("g.csv");
        Map<String, String> before = snapshot();
        assertRefused(run(fit(data, "--out", data.toString())), before, "--out " + data, "--data " + data,
                "same file");
    }

    @Test
    void fitRefusesToWriteOverItsInitFile() throws IOException {
        Path init = file("m.json", MODEL);
        Map<String, String> before = snapshot();
        assertRefused(run("fit", "--data", "old-faithful", "--init", init.toString(), "--max-iter", "2", "--out",
                init.toString()), before, "--out", "--init", "same file");
    }

    @Test
    void anInputReachedThroughALinkIsStillAnInput() throws IOException {
        Path data = dataFile("g.csv");
        Path symbolic = Files.createSymbolicLink(directory.resolve("link.json"), data.getFileName());
        Path hard = Files.createLink(directory.resolve("hard.json"), data);
        Map<String, String> before = snapshot();
        assertRefused(run(fit(data, "--out", symbolic.toString())), before, "--out", "--data", "same file");
        assertRefused(run(fit(data, "--out", hard.toString())), before, "--out", "--data", "same file");
    }

    @Test
    void generateRefusesToWriteOverItsModel() throws IOException {
        Path model = file("m.json", MODEL);
        Map<String, String> before = snapshot();
        assertRefused(run("generate", "--model", model.toString(), "--points", "10", "--out", model.toString()),
                before, "--out", "--model", "same file");
    }

    @Test
    void plotRefusesAPictureThatWouldReplaceItsData() throws IOException {
        Path pictures = Files.createDirectory(directory.resolve("pictures"));
        Path data = dataFile("pictures/clusters.png");
        Path model = file("m.json", MODEL);
        Map<String, String> before = snapshot();
        assertRefused(run("plot", "--data", data.toString(), "--model", model.toString(), "--out", pictures.toString(),
                "--format", "png", "--width", "320", "--height", "240"), before, "--out", "--data", "same file");
    }

    @Test
    void plotRefusesToReplaceItsModel() throws IOException {
        Path pictures = Files.createDirectory(directory.resolve("pictures"));
        Path model = file("pictures/clusters.svg", MODEL);
        Map<String, String> before = snapshot();
        assertRefused(run("plot", "--data", "old-faithful", "--model", model.toString(), "--out",
                pictures.toString(), "--format", "svg", "--width", "320", "--height", "240"), before, "--model",
                "same file");
    }

    @Test
    void compareRefusesToWriteOverItsDataOrTwiceToOneFile() throws IOException {
        Path data = dataFile("g.csv");
        Path page = Files.createDirectory(directory.resolve("page"));
        Map<String, String> before = snapshot();
        List<String> compare = List.of("compare", "--data", data.toString(), "-k", "2", "--implementations", "loops",
                "--max-iter", "3", "--race", "none", "--out", page.toString(), "--format", "svg");
        List<String> overData = new ArrayList<>(compare);
        overData.addAll(List.of("--json", data.toString()));
        assertRefused(run(overData), before, "--json", "--data", "same file");
        List<String> overPage = new ArrayList<>(compare);
        overPage.addAll(List.of("--json", page.resolve("index.html").toString()));
        assertRefused(run(overPage), before, "--json", "--out", "are the same file");
    }

    @Test
    void exploreRefusesToWriteOverItsDataOrItsInit() throws IOException {
        Path data = dataFile("g.csv");
        Path init = file("init.json", MODEL);
        Map<String, String> before = snapshot();
        List<String> explore = List.of("explore", "--data", data.toString(), "--init", init.toString(),
                "--implementations", "loops", "--max-iter", "3", "--race", "none", "--out");
        List<String> overData = new ArrayList<>(explore);
        overData.add(data.toString());
        assertRefused(run(overData), before, "--out", "--data", "same file");
        List<String> overInit = new ArrayList<>(explore);
        overInit.add(init.toString());
        assertRefused(run(overInit), before, "--out", "--init", "same file");
    }

    // what --out may be

    @Test
    void aSymbolicLinkIsFollowedAndTheFileItPointsToReplaced() throws IOException {
        Path real = file("elsewhere/real.json", "old\n");
        if (POSIX) {
            Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        }
        Path link = Files.createSymbolicLink(directory.resolve("model.json"), Path.of("elsewhere", "real.json"));
        CommandRun run = run(fit(dataFile("g.csv"), "--out", link.toString()));
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals(Path.of("elsewhere", "real.json"), Files.readSymbolicLink(link));
        assertTrue(Files.readString(real).contains("\"weights\""), "the file it points to is replaced");
        if (POSIX) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
        }
        assertEquals(List.of(), temporaries());
    }

    @Test
    void aLinkToNothingIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(directory.resolve("model.json"), directory.resolve("missing.json"));
        Map<String, String> before = snapshot();
        assertRefused(run(fit(dataFile("g.csv"), "--out", link.toString())), snapshotWith(before, "g.csv"),
                "symbolic link to a file that does not exist");
    }

    /** The snapshot taken before a file was added that the run reads. */
    private Map<String, String> snapshotWith(Map<String, String> before, String added) throws IOException {
        Map<String, String> now = snapshot();
        Map<String, String> expected = new TreeMap<>(before);
        expected.put(added, now.get(added));
        return expected;
    }

    @Test
    void aDirectoryIsRefused() throws IOException {
        Path data = dataFile("g.csv");
        Path target = Files.createDirectory(directory.resolve("model.json"));
        Map<String, String> before = snapshot();
        assertRefused(run(fit(data, "--out", target.toString())), before, "--out " + target, "is a directory");
        assertRefused(run("generate", "--setup", "seed-001", "--out", target.toString()), before, "is a directory");
    }

    @Test
    void aDeviceIsRefused() throws IOException {
        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device) && !Files.isRegularFile(device), "this system has no /dev/null device");
        Map<String, String> before = snapshot();
        assertRefused(run(fit(Path.of("old-faithful"), "--out", device.toString())), before,
                "not a regular file");
        assertRefused(run("generate", "--setup", "seed-001", "--out", device.toString()), before,
                "not a regular file");
    }

    @Test
    void aPipeIsRefusedWithoutOpeningIt() throws IOException, InterruptedException {
        Path fifo = directory.resolve("pipe.json");
        boolean made;
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
            made = mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made, "mkfifo is not available here, so no named pipe can be made to give as --out");
        Map<String, String> before = snapshot();
        // Opening a pipe for writing would block with no reader: a refusal that returns at all did not open it.
        assertRefused(run(fit(Path.of("old-faithful"), "--out", fifo.toString())), before, "not a regular file");
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        assumeTrue(POSIX, "the file system has no POSIX permissions");
        Path model = file("model.json", "old\n");
        Files.setPosixFilePermissions(model, PosixFilePermissions.fromString("rw-------"));
        Path sample = file("sample.csv", "old\n");
        Files.setPosixFilePermissions(sample, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(Main.EXIT_OK, run(fit(Path.of("old-faithful"), "--out", model.toString())).code());
        assertEquals(Main.EXIT_OK, run("generate", "--setup", "seed-001", "--out", sample.toString()).code());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(model)));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(sample)));
        assertTrue(Files.readString(model).contains("\"weights\""));
        assertTrue(Files.readString(sample).startsWith("x1,x2,component\n"));
    }

    // all or nothing

    @Test
    void aPictureBlockedByADirectoryLeavesTheModelAndEveryPictureUnwritten() throws IOException {
        Path model = file("model.json", "the old model\n");
        Path pictures = Files.createDirectories(directory.resolve("pictures").resolve("trace.png"));
        Map<String, String> before = snapshot();
        assertRefused(run(fit(Path.of("old-faithful"), "--out", model.toString(), "--plots",
                pictures.getParent().toString(), "--format", "png", "--width", "320", "--height", "240")), before,
                "trace.png", "is a directory");
        assertRefused(run("plot", "--data", "old-faithful", "--model", file("start.json", MODEL).toString(),
                "--out", pictures.getParent().toString(), "--format", "png", "--width", "320", "--height", "240"),
                snapshotWith(before, "start.json"), "trace.png", "is a directory");
    }

    // --out -

    @Test
    void outDashWritesTheModelAloneToStandardOutput() throws IOException {
        CommandRun run = run(fit(Path.of("old-faithful"), "--out", "-"));
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertTrue(JsonParser.parseString(run.out()).getAsJsonObject().has("weights"), run.out());
        assertTrue(run.err().contains("old-faithful: 272 points"), "the summary goes to standard error");
        assertFalse(Files.exists(Path.of("-")), "no file named -");

        CommandRun generated = run("generate", "--setup", "seed-001", "--seed", "3", "--out", "-");
        assertEquals(Main.EXIT_OK, generated.code(), generated.err());
        Path file = directory.resolve("sample.csv");
        run("generate", "--setup", "seed-001", "--seed", "3", "--out", file.toString());
        assertEquals(Files.readString(file), generated.out());
    }

    // generate streams

    @Test
    void generateFromAModelWritesWhatTheSamplerDraws() throws IOException {
        Path model = file("m.json", MODEL);
        Path out = directory.resolve("sample.csv");
        CommandRun run = run("generate", "--model", model.toString(), "--points", "2000", "--seed", "5", "--out",
                out.toString());
        assertEquals(Main.EXIT_OK, run.code(), run.err());
        assertEquals(CsvWriter.format(MixtureSampler.sample(MixtureJson.read(model), 2000, 5)),
                Files.readString(out, StandardCharsets.UTF_8), "rows written as drawn are the rows sample() draws");
        assertEquals(List.of(), temporaries());
    }

    // --labels

    @Test
    void aLabelColumnIsNeverAlsoFitted() throws IOException {
        Map<String, String> before = snapshot();
        assertRefused(run("fit", "--data", "iris", "-k", "3", "--labels", "Species", "--columns",
                "Petal.Length,Species"), before, "'Species'", "--columns");
        assertRefused(run("fit", "--data", "iris", "-k", "3", "--labels", "Species", "--columns", "3,5"), before,
                "'Species'", "--columns");
    }
}
