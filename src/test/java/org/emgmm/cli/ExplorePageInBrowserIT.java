package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.emgmm.testing.HeadlessBrowser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer page that compare writes (explore.html) in a real browser (headless Chromium): it loads
 * from a file with no console error and no request leaving the file; the slider shows the recorded
 * parameters of the iteration chosen; the arrow keys step; play advances and stops at the end; the E/M
 * toggle changes the points' colouring; for D &gt; 2, the column selector redraws the points; for D = 1,
 * the panels draw a histogram; where an implementation leaves the first one's trace (the notebook's EM as
 * written in {@code --example seed-003}), a marker names the iteration and goes there; the overlaid layout
 * draws the chosen implementations in one panel; the timing panel shows the recorded milliseconds; the
 * trace's differences from the first run, on a log scale, set a departing run well above agreeing ones.
 * Its sibling {@link ComparePageInBrowserIT} checks index.html the same way.
 *
 * <p>Without Chromium the test is skipped, saying how to install it, unless
 * {@value ComparePageInBrowserIT#REQUIRE} is set, as in continuous integration.
 */
class ExplorePageInBrowserIT {

    /** Drives the page as a student would, and reports what it showed; the page's script is not called directly. */
    private static final String DRIVE = """
            (async () => {
              const pause = ms => new Promise(done => setTimeout(done, ms));
              for (let i = 0; i < 200 && document.body.dataset.ready !== 'true'; i++) await pause(50);
              const slider = document.getElementById('slider');
              const goTo = t => { slider.value = t; slider.dispatchEvent(new Event('input')); };
              const table = () => Array.from(document.querySelectorAll('#parameters tbody tr')).map(row => ({
                run: Number(row.dataset.run), k: Number(row.dataset.k),
                weight: row.querySelector('.weight').textContent, mean: row.querySelector('.mean').textContent,
                covariance: row.querySelector('.covariance').textContent }));
              const fills = () => Array.from(document.querySelectorAll('#panels svg .points circle'))
                .map(c => c.getAttribute('fill')).join(' ');
              const report = { ready: document.body.dataset.ready === 'true', last: Number(slider.max), panels: document.querySelectorAll('#panels svg').length,
                shown: document.getElementById('shown').textContent };
              goTo(3);
              report.label = document.getElementById('iteration').textContent;
              report.table = table();
              document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
              report.afterArrow = Number(slider.value);
              report.eFills = fills();
              document.querySelector('input[name=view][value=m]').click();
              report.mFills = fills();
              report.ghosts = document.querySelectorAll('#panels path[stroke-dasharray]').length;
              document.querySelector('input[name=view][value=e]').click();
              report.eAgain = fills();
              document.getElementById('speed').value = '60';
              goTo(Math.max(0, report.last - 3));
              const before = Number(slider.value);
              document.getElementById('play').click();
              await pause(90);
              report.playing = [before, Number(slider.value), document.getElementById('play').textContent];
              for (let i = 0; i < 100 && document.getElementById('play').textContent !== 'play'; i++) await pause(50);
              await pause(200);
              report.stopped = [Number(slider.value), document.getElementById('play').textContent];
              const x = document.getElementById('xColumn');
              const positions = () => Array.from(document.querySelectorAll('#panels svg .points circle'))
                .slice(0, 20).map(c => c.getAttribute('cx')).join(' ');
              report.columnsBefore = positions();
              if (x.options.length > 2) { x.value = '2'; x.dispatchEvent(new Event('change')); }
              report.columnsAfter = positions();
              report.columnChoiceHidden = document.getElementById('columnChoice').hidden;
              const jumps = Array.from(document.querySelectorAll('button.departure'));
              report.departures = jumps.map(button => Number(button.dataset.iteration));
              goTo(5);
              report.largest = document.querySelectorAll('#parameters td.largest').length;
              if (jumps.length > 0) { jumps[0].click(); report.afterJump = Number(slider.value); }
              report.bars = document.querySelectorAll('#panels svg rect').length;
              report.timings = Array.from(document.querySelectorAll('#timings .timing')).map(box => ({
                title: box.querySelector('h3').textContent,
                names: Array.from(box.querySelectorAll('rect.bar')).map(bar => bar.dataset.name),
                values: Array.from(box.querySelectorAll('text.value')).map(value => value.textContent),
                words: box.querySelector('p.few') === null ? '' : box.querySelector('p.few').textContent }));
              report.timingAdvice = document.getElementById('timingAdvice').textContent;
              const drawn = () => Array.from(document.querySelectorAll('#panels .ellipses g[data-run]'))
                .filter(shapes => shapes.childElementCount > 0).map(shapes => Number(shapes.dataset.run));
              const legend = () => Array.from(document.querySelectorAll('#panels .legend text')).map(t => t.textContent);
              document.querySelector('input[name=layout][value=overlaid]').click();
              report.overlaid = { panels: document.querySelectorAll('#panels svg').length, drawn: drawn(),
                legend: legend(), dashed: document.querySelectorAll('#panels .ellipses path[stroke-dasharray]').length };
              document.querySelectorAll('#overlaidRuns input')[1].click();
              report.overlaid.drawnAfterUnchecking = drawn();
              report.overlaid.legendAfterUnchecking = legend();
              document.querySelector('input[name=layout][value=side]').click();
              report.sideAgain = document.querySelectorAll('#panels svg').length;
              document.querySelector('input[name=trace][value=differences]').click();
              report.differences = Array.from(document.querySelectorAll('#trace path[data-run]')).map(path => ({
                run: Number(path.dataset.run), top: Math.min(...path.getAttribute('d').slice(1).split(/[ML]/)
                  .map(point => Number(point.split(',')[1]))) }));
              report.differenceAxis = Array.from(document.querySelectorAll('#trace text.axis')).map(t => t.textContent);
              report.requests = performance.getEntriesByType('resource').map(entry => entry.name);
              return JSON.stringify(report);
            })()""";

    /** Waits until the page has drawn, then goes to iteration 2 in the E view: the first picture of the README. */
    private static final String AT_ITERATION_2 = """
            (async () => {
              for (let i = 0; i < 200 && document.body.dataset.ready !== 'true'; i++) {
                await new Promise(done => setTimeout(done, 50));
              }
              const slider = document.getElementById('slider');
              slider.value = 2;
              slider.dispatchEvent(new Event('input'));
              return document.getElementById('iteration').textContent;
            })()""";

    /**
     * The screenshot's viewport, in CSS pixels: a laptop's width, which fits two panels side by side, and
     * a height that shows the controls, the caption and the first row of panels whole.
     */
    private static final int SCREENSHOT_WIDTH = 1280;

    /** See {@link #SCREENSHOT_WIDTH}. */
    private static final int SCREENSHOT_HEIGHT = 900;

    /**
     * The fewest distinct colours of a screenshot that shows the page drawn. Measured at this viewport: the
     * template with no data, whose script fails at once (antialiased headings and controls, the empty
     * trace's box), has about 330; the drawn page, with the E view's points blended from the component
     * colours by their responsibilities and the antialiased ellipses, about 3,000. 1,000 lies between,
     * three times the first.
     */
    private static final int MIN_COLOURS = 1_000;

    /**
     * The least share of pixels that are not white. Measured as for {@link #MIN_COLOURS}: the template with
     * no data, 22%; the drawn page, whose panels' grey backgrounds fill most of the viewport, 52%.
     */
    private static final double MIN_INK = 0.35;

    /**
     * Pixels between the highest points of two lines of the differences chart that tell them apart at a
     * glance: the log scale's 140 pixels span 1e-16 to the largest difference, under 1 here, so a decade is at least 140 / 16 ≈ 9
     * pixels, and this is 2 decades or more.
     */
    private static final double VISIBLY_APART = 18;

    /** The screenshot may be committed as the README's first picture: small enough to keep the repository light. */
    private static final long MAX_SCREENSHOT_BYTES = 300 * 1024;

    /** The property that also writes the screenshot into the docs, as DocsOutputIT and CliOptionsTest use it. */
    private static final String UPDATE_DOCS = "emgmm.updateDocs";

    /** Where the screenshot is committed: the README's first picture. */
    private static final Path DOCS_SCREENSHOT = Path.of("docs", "images", "explorer.png");

    /** Where every run writes the screenshot, to look at. */
    private static final Path BUILD_SCREENSHOT = Path.of("target", "explorer.png");

    @TempDir
    Path directory;

    @Test
    void onOldFaithfulTheSliderPlayAndToggleShowTheRecordedSteps() throws Exception {
        JsonObject page = drive(new String[] {"--data", "old-faithful", "--components", "2", "--seed", "1"});
        assertTrue(page.get("columnChoiceHidden").getAsBoolean(), "no column selector for D = 2");
        assertEquals(0, page.get("largest").getAsInt(), "implementations that agree: nothing highlighted");
        screenshotTheMainJobsPage(directory.resolve("compare").resolve("explore.html"));
    }

    /**
     * The page of the main job ({@code mvn -q compile exec:java}) at iteration 2 in the E view, as a
     * {@value #SCREENSHOT_WIDTH}-pixel-wide screenshot: checked not blank and written to
     * {@code target/explorer.png}, and with {@code -D}{@value #UPDATE_DOCS}{@code =true} to
     * {@code docs/images/explorer.png}, the README's first picture.
     */
    private static void screenshotTheMainJobsPage(Path file) throws Exception {
        HeadlessBrowser.Screenshot shot;
        try (HeadlessBrowser browser = HeadlessBrowser.start(HeadlessBrowser.executable().orElseThrow())) {
            shot = browser.screenshot(file, AT_ITERATION_2, SCREENSHOT_WIDTH, SCREENSHOT_HEIGHT);
        }
        assertEquals(List.of(), shot.report().errors(), "console errors, exceptions or failed loads");
        assertTrue(shot.report().value().getAsString().startsWith("iteration 2 of "), shot.report().value().toString());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(shot.png()));
        assertEquals(SCREENSHOT_WIDTH, image.getWidth());
        assertEquals(SCREENSHOT_HEIGHT, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                ink += rgb == 0xFFFFFF ? 0 : 1;
            }
        }
        double share = (double) ink / (image.getWidth() * image.getHeight());
        assertTrue(colours.size() >= MIN_COLOURS, "the screenshot has only " + colours.size() + " colours");
        assertTrue(share >= MIN_INK, "the screenshot is mostly white: " + share + " of it drawn");
        assertTrue(shot.png().length <= MAX_SCREENSHOT_BYTES, "the screenshot takes " + shot.png().length + " bytes");
        Files.createDirectories(BUILD_SCREENSHOT.getParent());
        Files.write(BUILD_SCREENSHOT, shot.png());
        if (Boolean.getBoolean(UPDATE_DOCS)) {
            Files.write(DOCS_SCREENSHOT, shot.png());
        }
    }

    @Test
    void onIrisTheColumnSelectorRedrawsThePoints() throws Exception {
        JsonObject page = drive(new String[] {"--data", "iris", "--components", "3", "--seed", "2"});
        assertTrue(!page.get("columnChoiceHidden").getAsBoolean(), "a column selector for D = 4");
        assertNotEquals(page.get("columnsBefore").getAsString(), page.get("columnsAfter").getAsString(),
                "choosing another x column moves the points");
    }

    @Test
    void onOneColumnThePanelsDrawTheDensitiesOverAHistogram() throws Exception {
        JsonObject page = drive(new String[] {"--data", "old-faithful", "--columns", "eruptions", "--components", "2",
            "--seed", "1"});
        assertTrue(page.get("columnChoiceHidden").getAsBoolean(), "no column selector for D = 1");
        assertTrue(page.get("bars").getAsInt() > 0, "the histogram's bars are drawn");
    }

    @Test
    void onSeed003TheDepartureMarkerPointsWhereTheNotebooksEmLeavesOurs() throws Exception {
        JsonObject page = drive(new String[] {"--example", "seed-003"});
        java.util.regex.Matcher left = java.util.regex.Pattern.compile("its trace left ours at iteration (\\d+)")
                .matcher(page.get("stdout").getAsString());
        assertTrue(left.find(), page.get("stdout").getAsString());
        int iteration = Integer.parseInt(left.group(1));
        assertEquals(List.of(iteration), page.getAsJsonArray("departures").asList().stream()
                .map(JsonElement::getAsInt).toList(), "one marker, on the notebook's EM as written");
        assertEquals(iteration, page.get("afterJump").getAsInt(), "a click on the marker goes there");
        assertEquals(1, page.get("largest").getAsInt(), "the largest difference from the first run, highlighted");
        JsonArray lines = page.getAsJsonArray("differences");
        double departing = lines.get(lines.size() - 1).getAsJsonObject().get("top").getAsDouble();
        for (JsonElement agreeing : lines.asList().subList(0, lines.size() - 1)) {
            assertTrue(departing + VISIBLY_APART < agreeing.getAsJsonObject().get("top").getAsDouble(),
                    "on the log scale the departing trace stands well above the agreeing ones: " + lines);
        }
    }

    /** Runs compare with these options, drives its explorer, checks what every page must do, and returns the report. */
    private JsonObject drive(String[] options) throws Exception {
        Optional<Path> executable = HeadlessBrowser.executable();
        if (executable.isEmpty()) {
            String advice = "no headless Chromium (none of " + String.join(", ", HeadlessBrowser.EXECUTABLES)
                    + "); install it with apt-get install chromium-headless-shell";
            if (System.getenv(ComparePageInBrowserIT.REQUIRE) != null) {
                fail(advice + " (" + ComparePageInBrowserIT.REQUIRE + " is set, so the browser check must run)");
            }
            Assumptions.abort(advice);
        }
        Path out = directory.resolve("compare");
        String[] arguments = new String[options.length + 3];
        arguments[0] = "compare";
        System.arraycopy(options, 0, arguments, 1, options.length);
        arguments[options.length + 1] = "--out";
        arguments[options.length + 2] = out.toString();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(arguments, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Main.EXIT_OK, code, err.toString(StandardCharsets.UTF_8));
        Path file = out.resolve("explore.html");
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("explorer: " + file), "the output names the page");
        JsonObject recorded = embeddedData(Files.readString(file));

        HeadlessBrowser.PageReport report;
        try (HeadlessBrowser browser = HeadlessBrowser.start(executable.get())) {
            report = browser.open(file, DRIVE);
        }
        assertEquals(List.of(), report.errors(), "console errors, exceptions or failed loads");
        JsonObject page = JsonParser.parseString(report.value().getAsString()).getAsJsonObject();
        assertEquals(0, page.getAsJsonArray("requests").size(), "requests leaving the file: " + page.get("requests"));
        page.addProperty("stdout", stdout.toString(StandardCharsets.UTF_8));
        assertTrue(page.get("ready").getAsBoolean(), "the page decoded its data and drew (data-ready)");
        JsonArray runs = recorded.getAsJsonArray("runs");
        assertEquals(runs.size(), page.get("panels").getAsInt(), "one panel per implementation");
        assertEquals(recorded.get("shownLine").getAsString(), page.get("shown").getAsString());
        int last = page.get("last").getAsInt();
        assertTrue(last >= 5, "enough iterations to step through: " + last);
        assertEquals("iteration 3 of " + last, page.get("label").getAsString());
        assertRecordedParameters(runs, 3, page.getAsJsonArray("table"));
        assertEquals(4, page.get("afterArrow").getAsInt(), "→ steps forward");

        assertNotEquals(page.get("eFills").getAsString(), page.get("mFills").getAsString(), "E/M toggle recolours");
        assertEquals(page.get("eFills").getAsString(), page.get("eAgain").getAsString(), "and back");
        assertTrue(page.get("eFills").getAsString().contains("rgb("), "E view: mixed component colours");
        assertTrue(page.get("ghosts").getAsInt() > 0, "M view: the previous ellipses ghosted");

        assertOverlaid(runs, page);
        assertDifferences(runs, page);
        assertTimings(recorded.getAsJsonArray("timings"), page);

        JsonArray playing = page.getAsJsonArray("playing");
        assertEquals("pause", playing.get(2).getAsString(), "playing: the button offers pause");
        assertTrue(playing.get(1).getAsInt() > playing.get(0).getAsInt(), "play advances: " + playing);
        JsonArray stopped = page.getAsJsonArray("stopped");
        assertEquals(last, stopped.get(0).getAsInt(), "play stops at the end");
        assertEquals("play", stopped.get(1).getAsString());
        return page;
    }

    /**
     * Overlaid: one panel with every implementation's shapes, some dashed, and a legend naming each;
     * unchecking the second implementation removes its shapes and its legend entry; side by side again
     * gives a panel each.
     */
    private static void assertOverlaid(JsonArray runs, JsonObject page) {
        JsonObject overlaid = page.getAsJsonObject("overlaid");
        List<String> names = runs.asList().stream().map(run -> run.getAsJsonObject().get("name").getAsString()).toList();
        List<Integer> all = java.util.stream.IntStream.range(0, runs.size()).boxed().toList();
        assertEquals(1, overlaid.get("panels").getAsInt(), "overlaid: one panel");
        assertEquals(all, integers(overlaid.getAsJsonArray("drawn")), "overlaid: every implementation's shapes");
        assertEquals(names, strings(overlaid.getAsJsonArray("legend")), "a legend naming each");
        assertTrue(overlaid.get("dashed").getAsInt() > 0, "the implementations after the first are dashed");
        List<Integer> without = all.stream().filter(index -> index != 1).toList();
        assertEquals(without, integers(overlaid.getAsJsonArray("drawnAfterUnchecking")), "unchecked: its shapes go");
        assertEquals(without.stream().map(names::get).toList(), strings(overlaid.getAsJsonArray("legendAfterUnchecking")));
        assertEquals(runs.size(), page.get("sideAgain").getAsInt(), "side by side again: a panel each");
    }

    /**
     * The trace as differences from the first run, on a log scale from 1e-16: a line for every run but the
     * first, and the higher a run's largest recorded difference, the higher its line reaches.
     */
    private static void assertDifferences(JsonArray runs, JsonObject page) {
        JsonArray lines = page.getAsJsonArray("differences");
        assertEquals(java.util.stream.IntStream.range(1, runs.size()).boxed().toList(),
                lines.asList().stream().map(line -> line.getAsJsonObject().get("run").getAsInt()).toList(),
                "a line for every run but the first");
        assertEquals("1e-16", strings(page.getAsJsonArray("differenceAxis")).get(1), "the bottom of the log scale");
        for (JsonElement one : lines) {
            for (JsonElement other : lines) {
                double oneLargest = largestDifference(runs, one.getAsJsonObject().get("run").getAsInt());
                double otherLargest = largestDifference(runs, other.getAsJsonObject().get("run").getAsInt());
                if (oneLargest > otherLargest && oneLargest > 1e-16) {
                    assertTrue(one.getAsJsonObject().get("top").getAsDouble()
                            < other.getAsJsonObject().get("top").getAsDouble(), "higher on the page: " + lines);
                }
            }
        }
    }

    private static double largestDifference(JsonArray runs, int run) {
        return runs.get(run).getAsJsonObject().getAsJsonArray("fromFirst").asList().stream()
                .mapToDouble(JsonElement::getAsDouble).max().orElse(0);
    }

    /**
     * The timing panel: a chart per recorded group, titled with its label and size, a bar per implementation
     * with the recorded ms per iteration written on it; beside a group with too few points, words saying so;
     * above, the groups worth reading named, or none.
     */
    private static void assertTimings(JsonArray recorded, JsonObject page) {
        JsonArray shown = page.getAsJsonArray("timings");
        assertEquals(recorded.size(), shown.size(), "a chart per timing group");
        assertTrue(recorded.size() > 0, "compare records at least the timings of the data compared");
        boolean anyWorthReading = false;
        for (int g = 0; g < recorded.size(); g++) {
            JsonObject group = recorded.get(g).getAsJsonObject();
            JsonObject chart = shown.get(g).getAsJsonObject();
            assertEquals(group.get("label").getAsString() + ": " + group.get("size").getAsString(),
                    chart.get("title").getAsString());
            JsonArray bars = group.getAsJsonArray("bars");
            assertEquals(bars.asList().stream().map(bar -> bar.getAsJsonObject().get("name").getAsString()).toList(),
                    strings(chart.getAsJsonArray("names")));
            for (int b = 0; b < bars.size(); b++) {
                String value = chart.getAsJsonArray("values").get(b).getAsString();
                assertTrue(value.endsWith(" ms"), value);
                assertEquals(bars.get(b).getAsJsonObject().get("millis").getAsDouble(),
                        Double.parseDouble(value.substring(0, value.length() - 3)), "the recorded ms per iteration");
            }
            String words = chart.get("words").getAsString();
            if (group.get("tooFewPoints").getAsBoolean()) {
                assertTrue(words.startsWith(String.format(java.util.Locale.ROOT, "%,d points: too few for these timings",
                        group.get("rows").getAsInt())), words);
            } else {
                assertEquals("", words, "enough points: no warning");
                anyWorthReading = true;
                assertTrue(page.get("timingAdvice").getAsString().contains(group.get("label").getAsString()));
            }
        }
        if (!anyWorthReading) {
            assertTrue(page.get("timingAdvice").getAsString().startsWith("None of these groups"));
        }
    }

    private static List<Integer> integers(JsonArray array) {
        return array.asList().stream().map(JsonElement::getAsInt).toList();
    }

    private static List<String> strings(JsonArray array) {
        return array.asList().stream().map(JsonElement::getAsString).toList();
    }

    /** Every table row at iteration t against the recorded step t of its run (or its last, if it stopped earlier). */
    private static void assertRecordedParameters(JsonArray runs, int t, JsonArray table) {
        int components = runs.get(0).getAsJsonObject().getAsJsonArray("steps").get(0).getAsJsonObject()
                .getAsJsonArray("weights").size();
        assertEquals(runs.size() * components, table.size(), "one table row per implementation and component");
        for (JsonElement element : table) {
            JsonObject row = element.getAsJsonObject();
            JsonArray steps = runs.get(row.get("run").getAsInt()).getAsJsonObject().getAsJsonArray("steps");
            JsonObject step = steps.get(Math.min(t, steps.size() - 1)).getAsJsonObject();
            int k = row.get("k").getAsInt();
            String where = "run " + row.get("run") + ", component " + k;
            assertEquals(step.getAsJsonArray("weights").get(k).getAsDouble(), row.get("weight").getAsDouble(), where);
            assertNumbers(step.getAsJsonArray("means").get(k).getAsJsonArray(), row.get("mean").getAsString(), where);
            assertNumbers(step.getAsJsonArray("covariances").get(k).getAsJsonArray(),
                    row.get("covariance").getAsString(), where);
        }
    }

    private static void assertNumbers(JsonArray expected, String shown, String where) {
        String[] parts = shown.trim().split(" ");
        assertEquals(expected.size(), parts.length, where + ": " + shown);
        for (int i = 0; i < parts.length; i++) {
            assertEquals(expected.get(i).getAsDouble(), Double.parseDouble(parts[i]), where + ": " + shown);
        }
    }

    /** The JSON the page embeds after {@code const DATA = }, up to the end of that line. */
    private static JsonObject embeddedData(String html) {
        String mark = "const DATA = ";
        int start = html.indexOf(mark) + mark.length();
        String json = html.substring(start, html.indexOf('\n', start)).strip();
        return JsonParser.parseString(json.substring(0, json.length() - 1)).getAsJsonObject();
    }
}
