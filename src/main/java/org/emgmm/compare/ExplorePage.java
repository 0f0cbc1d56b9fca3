package org.emgmm.compare;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.Deflater;
import org.emgmm.data.DataMatrix;
import org.emgmm.model.GaussianMixture;

/**
 * The explorer page that {@code compare} writes beside its index.html ({@link CompareReport} writes that
 * one): a {@link Recording} embedded as JSON in one self-contained HTML file, whose own small script
 * replays it: slider, step and play buttons, E-step and M-step views, a panel per implementation or all
 * overlaid in one (a histogram with the component densities for D = 1), the trace (or each run's
 * difference from the first run's, on a log scale), the timing panel ({@link Timings}) and a table of the
 * current parameters. The page and its script are the resource {@code explore.html} beside this class;
 * this class only fills in the data.
 *
 * <p>To keep the file small, numbers keep {@value #DIGITS} significant digits and each responsibility is
 * kept as a level 0 … {@value #TOP_LEVEL}, round({@value #TOP_LEVEL} r); the last component's is 1 minus the
 * others, and is left out. A run's levels are one string: for each iteration t, each shown point and each
 * component but the last, the change of the level since iteration t − 1 (modulo 64; at t = 0, the level
 * itself), as bytes compressed by raw deflate ({@link Deflater}) and written in Base64. Once EM settles,
 * most changes are 0 and compress to almost nothing, so 5,000 points × 100 iterations × 4 runs that
 * disagree stay well under 3 MB. The page undoes this with the browser's own
 * {@code DecompressionStream("deflate-raw")}. A run whose levels equal the first run's at every iteration
 * stores null and the page uses the first run's.
 */
public final class ExplorePage {

    /** The page's file name, beside index.html. */
    public static final String FILE = "explore.html";

    /** Significant digits kept of every number in the page's data. */
    public static final int DIGITS = 6;

    /**
     * The highest level of a responsibility: 64 levels, 6 bits. A level moves a point's mixed colour by
     * under 2%, finer than the eye follows, and few levels keep the changes between iterations small and
     * mostly 0, which is what the compression feeds on.
     */
    public static final int TOP_LEVEL = 63;

    /** Where the template marks the data. */
    static final String DATA_MARK = "/*DATA*/null";

    private static final MathContext ROUNDING = new MathContext(DIGITS);

    /**
     * Significant digits kept of a timing: a millisecond count changes from run to run in its second or
     * third digit, so more would be noise.
     */
    public static final int TIMING_DIGITS = 3;

    private static final MathContext TIMING_ROUNDING = new MathContext(TIMING_DIGITS);

    private ExplorePage() {
    }

    /**
     * The page.
     *
     * @param title     its heading, e.g. "old-faithful, K = 2, full covariances"
     * @param data      the data compared; the shown rows are taken from it
     * @param recording the recorded runs
     * @param timings   the timing panel's groups: the data compared, and any race case
     * @return the HTML, self-contained
     */
    public static String html(String title, DataMatrix data, Recording recording, List<Timings> timings) {
        // Gson writes < and > as \u003c and \u003e, so no text in the data can end the script; nulls are
        // kept, so that a run's shared levels are written "levels": null.
        JsonObject root = json(title, data, recording);
        root.add("timings", timings(timings));
        String json = new GsonBuilder().serializeNulls().create().toJson(root);
        return template().replace(DATA_MARK, json);
    }

    /**
     * The data the page embeds: {@code title}, {@code columns}, {@code total}, {@code shownLine},
     * {@code points} (one array per shown row), and {@code runs}, each with {@code name}, {@code trace},
     * {@code fromFirst} (|L(θₜ)/N − the first run's| for every t both ran, from the unrounded traces, so that
     * differences far below the {@value #DIGITS} digits of {@code trace} still show),
     * {@code departure} (the first iteration where its trace leaves the first run's, −1 if none),
     * {@code steps} (per t: {@code weights}, {@code means}, {@code covariances} as flat D×D arrays) and
     * {@code levels} (the responsibility levels of every t, encoded as the class comment says, or null when
     * they equal the first run's).
     *
     * @param title     the page's heading
     * @param data      the data compared
     * @param recording the recorded runs
     * @return the JSON object, numbers rounded to {@value #DIGITS} significant digits
     */
    public static JsonObject json(String title, DataMatrix data, Recording recording) {
        JsonObject root = new JsonObject();
        root.addProperty("title", title);
        JsonArray columns = new JsonArray();
        data.columnNames().forEach(columns::add);
        root.add("columns", columns);
        root.addProperty("total", recording.total());
        root.addProperty("shownLine", recording.shownLine());
        JsonArray points = new JsonArray();
        for (int row : recording.shown()) {
            points.add(numbers(data.row(row)));
        }
        root.add("points", points);
        JsonArray runs = new JsonArray();
        Recording.Run first = recording.runs().isEmpty() ? null : recording.runs().get(0);
        for (Recording.Run run : recording.runs()) {
            JsonObject one = new JsonObject();
            one.addProperty("name", run.implementation());
            one.add("trace", numbers(run.trace()));
            one.add("fromFirst", numbers(differenceFromFirst(run, first)));
            one.addProperty("departure", recording.departureFromFirst(run));
            JsonArray steps = new JsonArray();
            for (int t = 0; t <= run.iterations(); t++) {
                steps.add(step(run.parameters().get(t)));
            }
            one.add("steps", steps);
            boolean shared = run != first && sameLevels(run, first);
            one.addProperty("levels", shared ? null : encodedLevels(run));
            runs.add(one);
        }
        root.add("runs", runs);
        return root;
    }

    /**
     * A number rounded to {@value #DIGITS} significant digits, as the page shows it.
     *
     * @param value any finite number
     * @return the rounded value
     */
    public static double round(double value) {
        return Double.isFinite(value) ? new BigDecimal(value).round(ROUNDING).doubleValue() : value;
    }

    /**
     * The timing panel's data: per group {@code label}, {@code size} ("272×2, K = 2"), {@code rows} (N),
     * {@code tooFewPoints} and {@code bars}, each with {@code name} and {@code millis} (ms per iteration,
     * to {@value #TIMING_DIGITS} significant digits).
     *
     * @param timings the groups
     * @return the JSON array
     */
    public static JsonArray timings(List<Timings> timings) {
        JsonArray groups = new JsonArray();
        for (Timings group : timings) {
            JsonObject one = new JsonObject();
            one.addProperty("label", group.label());
            one.addProperty("size", group.size());
            one.addProperty("rows", group.rows());
            one.addProperty("tooFewPoints", group.tooFewPoints());
            JsonArray bars = new JsonArray();
            for (int i = 0; i < group.implementations().size(); i++) {
                JsonObject bar = new JsonObject();
                bar.addProperty("name", group.implementations().get(i));
                double millis = group.millisPerIteration().get(i);
                bar.addProperty("millis", Double.isFinite(millis)
                        ? new BigDecimal(millis).round(TIMING_ROUNDING).doubleValue() : millis);
                bars.add(bar);
            }
            one.add("bars", bars);
            groups.add(one);
        }
        return groups;
    }

    private static JsonObject step(GaussianMixture model) {
        JsonObject step = new JsonObject();
        step.add("weights", numbers(model.weights()));
        JsonArray means = new JsonArray();
        JsonArray covariances = new JsonArray();
        for (int k = 0; k < model.components(); k++) {
            means.add(numbers(model.mean(k)));
            covariances.add(numbers(model.covariance(k)));
        }
        step.add("means", means);
        step.add("covariances", covariances);
        return step;
    }

    private static JsonArray numbers(double[] values) {
        JsonArray array = new JsonArray();
        for (double value : values) {
            array.add(round(value));
        }
        return array;
    }

    /** |L_run(t) − L_first(t)| / N for t = 0 … the last iteration both ran. */
    private static double[] differenceFromFirst(Recording.Run run, Recording.Run first) {
        double[] difference = new double[Math.min(run.trace().length, first.trace().length)];
        for (int t = 0; t < difference.length; t++) {
            difference[t] = Math.abs(run.trace()[t] - first.trace()[t]);
        }
        return difference;
    }

    /** Shown × (K − 1) levels at t: each responsibility but the last component's, as round(63 r). */
    private static byte[] levels(Recording.Run run, int t) {
        double[] r = run.responsibilities().get(t);
        int k = run.parameters().get(t).components();
        byte[] levels = new byte[r.length / k * (k - 1)];
        int next = 0;
        for (int i = 0; i < r.length; i += k) {
            for (int c = 0; c < k - 1; c++) {
                levels[next++] = (byte) Math.round(Math.min(1.0, Math.max(0.0, r[i + c])) * TOP_LEVEL);
            }
        }
        return levels;
    }

    /** Whether the run's levels equal the first run's at every iteration it ran. */
    private static boolean sameLevels(Recording.Run run, Recording.Run first) {
        if (run.iterations() > first.iterations()) {
            return false;
        }
        for (int t = 0; t <= run.iterations(); t++) {
            if (!Arrays.equals(levels(run, t), levels(first, t))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The run's levels as the page reads them: per t, the change since t − 1 modulo 64
     * (level[t] = (level[t − 1] + change) mod 64, level[−1] = 0), raw deflate, Base64.
     */
    private static String encodedLevels(Recording.Run run) {
        ByteArrayOutputStream changes = new ByteArrayOutputStream();
        byte[] previous = new byte[levels(run, 0).length];
        for (int t = 0; t <= run.iterations(); t++) {
            byte[] now = levels(run, t);
            for (int j = 0; j < now.length; j++) {
                changes.write(Math.floorMod(now[j] - previous[j], TOP_LEVEL + 1));
            }
            previous = now;
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(changes.toByteArray());
        deflater.finish();
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            packed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getEncoder().encodeToString(packed.toByteArray());
    }

    private static String template() {
        try (InputStream in = ExplorePage.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("the explorer's template " + FILE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
