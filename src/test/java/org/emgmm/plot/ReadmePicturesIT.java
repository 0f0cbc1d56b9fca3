package org.emgmm.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.emgmm.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pictures shown in the README and under {@code docs/} ({@value #COMMITTED}) are the package's own
 * output: this test runs the commands that docs/pictures.md lists again, into a temporary directory,
 * and checks that the committed pictures have the names and sizes of the fresh ones. Not their
 * pixels: fonts differ from machine to machine. Every picture a page shows must be one of them, or the
 * explorer's screenshot ({@link #MADE_ELSEWHERE}), which ExplorePageInBrowserIT takes. After
 * a change to the pictures, rerun the commands (from the project directory, after
 * {@code mvn -q package -DskipTests}; compare through {@code mvn -q compile exec:java -Dexec.args="..."}, so
 * that it has the exercises' student row as this test has) and commit the new pictures.
 */
class ReadmePicturesIT {

    /** Where the pictures are committed, relative to the project directory (the tests' working directory). */
    static final String COMMITTED = "docs/images";

    /** Where the commands put the generated data: the build directory, never committed. */
    static final String SCRATCH = "target";

    /** The page that lists the commands, word for word after {@code java -jar target/em-gmm.jar}. */
    static final Path PICTURES_PAGE = Path.of("docs", "pictures.md");

    /**
     * The commands, word for word after {@code java -jar target/em-gmm.jar}; the test replaces
     * {@value #COMMITTED} and {@value #SCRATCH} by temporary directories.
     */
    static final List<String> COMMANDS = List.of(
            "fit --data old-faithful --components 2 --seed 1 --plots docs/images/old-faithful --format png",
            "generate --setup seed-004 --seed 1 --out target/seed-004.csv",
            "fit --data target/seed-004.csv --columns x1 --components 2 --seed 1 --plots docs/images/seed-004"
                    + " --format png",
            "compare --data old-faithful --components 2 --seed 1 --out docs/images/compare --format png --dpi 72",
            "select --data iris --components 1..8 --covariance-types full,diag,spherical,tied --n-init 5 --seed 0"
                    + " --plots docs/images/select --format png");

    /**
     * The committed pictures that none of the commands makes, relative to {@value #COMMITTED}: the
     * explorer's screenshot, the README's first picture, is taken by a browser, so ExplorePageInBrowserIT
     * makes it and checks it (run that test with -Demgmm.updateDocs=true to replace it). It is still a
     * picture under {@value #COMMITTED}, so the pages may show it.
     */
    static final List<Path> MADE_ELSEWHERE = List.of(Path.of("explorer.png"));

    /** Pictures stay small enough to keep the repository light: 150 KB each at most. */
    static final long MAX_BYTES = 150 * 1024;

    private static final Pattern PICTURE = Pattern.compile("!\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    @TempDir
    Path fresh;

    @Test
    void thePicturesPageShowsTheseCommands() throws IOException {
        String page = Files.readString(PICTURES_PAGE, StandardCharsets.UTF_8);
        for (String command : COMMANDS) {
            assertTrue(page.contains("java -jar target/em-gmm.jar " + command + "\n"),
                    PICTURES_PAGE + " shows the command that made its pictures: " + command);
        }
    }

    @Test
    void everyPictureShownIsOneTheCommandsMake() throws IOException {
        List<String> problems = new ArrayList<>();
        Path committed = Path.of(COMMITTED).toAbsolutePath().normalize();
        for (Path page : pages()) {
            Matcher picture = PICTURE.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (picture.find()) {
                Path shown = page.toAbsolutePath().getParent().resolve(picture.group(1)).normalize();
                if (!shown.startsWith(committed) || !Files.isRegularFile(shown)) {
                    problems.add(page + " shows " + picture.group(1) + ", which is not a picture under " + COMMITTED
                            + " that this test makes again");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theCommittedPicturesAreTheOnesTheCommandsMake() throws IOException {
        Path images = fresh.resolve("images");
        for (String command : COMMANDS) {
            run(command, Stream.of(command.split(" ")).map(word -> redirected(word, images)).toArray(String[]::new));
        }
        List<Path> made = picturesUnder(images);
        assertEquals(List.of("compare/clusters.png", "compare/timings.png", "compare/traces.png",
                "old-faithful/clusters.png", "old-faithful/density.png", "old-faithful/evolution.png",
                "old-faithful/trace.png", "old-faithful/uncertainty.png", "seed-004/histogram.png",
                "seed-004/trace.png", "select/bic.png"), made.stream().map(p -> p.toString().replace('\\', '/')).toList());
        Path committed = Path.of(COMMITTED);
        List<Path> committedByTheCommands = picturesUnder(committed).stream()
                .filter(picture -> !MADE_ELSEWHERE.contains(picture)).toList();
        assertEquals(made, committedByTheCommands, "the committed pictures have the fresh ones' names");
        for (Path picture : made) {
            assertSameSize(images.resolve(picture), committed.resolve(picture));
            assertTrue(Files.size(committed.resolve(picture)) <= MAX_BYTES, picture + " is larger than " + MAX_BYTES);
        }
    }

    /** The README and the pages under docs/. */
    private static List<Path> pages() throws IOException {
        TreeSet<Path> pages = new TreeSet<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        return List.copyOf(pages);
    }

    /** A word of a command, with the committed and scratch directories moved to temporary ones. */
    private String redirected(String word, Path images) {
        if (word.startsWith(COMMITTED + "/")) {
            return images.resolve(word.substring(COMMITTED.length() + 1)).toString();
        }
        if (word.startsWith(SCRATCH + "/")) {
            return fresh.resolve(word.substring(SCRATCH.length() + 1)).toString();
        }
        return word;
    }

    private static void run(String command, String[] args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Main.EXIT_OK, code, command + ": " + err.toString(StandardCharsets.UTF_8));
    }

    /** The PNG files under {@code root}, relative to it, sorted (compare's pages beside them are not pictures). */
    private static List<Path> picturesUnder(Path root) throws IOException {
        assertTrue(Files.isDirectory(root), root + " is missing");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().endsWith(".html"))
                    .map(root::relativize).sorted().toList();
        }
    }

    private static void assertSameSize(Path freshPicture, Path committedPicture) throws IOException {
        BufferedImage expected = Images.decode(Files.readAllBytes(freshPicture));
        BufferedImage actual = Images.decode(Files.readAllBytes(committedPicture));
        assertEquals(expected.getWidth(), actual.getWidth(), committedPicture + " width");
        assertEquals(expected.getHeight(), actual.getHeight(), committedPicture + " height");
        Images.assertNotBlank(actual, committedPicture.toString());
        assertFalse(committedPicture.getFileName().toString().startsWith("."), "no temporary file is committed");
    }
}
