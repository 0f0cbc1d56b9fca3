package org.emgmm.compare;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.emgmm.em.EmResult;
import org.emgmm.selection.Cell;

/**
 * A comparison written out three ways from the same rows, so that they cannot disagree: the text table
 * the command prints, the JSON for scripts, and the self-contained HTML page.
 */
public final class CompareReport {

    /** The table's column headings, shared by the text and the page. */
    static final List<String> HEADINGS = List.of("implementation", "iterations", "converged",
            "mean log-likelihood", "max |Δ parameter| vs " + "REF", "ms/iter", "vs loops");

    /** The heading of the column added with --n-init R &gt; 1: which of the R runs each implementation kept. */
    static final String BEST_RUN = "best run";

    /**
     * The heading of the column added when some implementation's fit has an empty or a collapsed component
     * (the rule {@code select} uses, {@link Cell#collapsedComponents}).
     */
    static final String DEGENERATE = "empty / collapsed";

    private CompareReport() {
    }

    /**
     * What was fitted, the line above the table: "covariance type: diag" and, with R &gt; 1 starts,
     * "; each implementation ran the same 3 starts and kept its run of highest log-likelihood".
     *
     * @param outcome the comparison
     * @return the line, without a line end
     */
    public static String fittedLine(Comparison.Outcome outcome) {
        String line = "covariance type: " + outcome.covarianceType().label();
        if (outcome.runs() > 1) {
            line += String.format(Locale.ROOT, "; each implementation ran the same %d starts and kept its run of"
                    + " highest log-likelihood", outcome.runs());
        }
        return line;
    }

    /** "2 of 3, seed 8817…": which start the row's result came from, counted from 1 as fit counts them. */
    static String bestRunCell(Comparison.Outcome outcome, Comparison.Row row) {
        return String.format(Locale.ROOT, "%d of %d, seed %d", row.bestRun() + 1, outcome.runs(),
                outcome.starts().get(row.bestRun()).seed());
    }

    /** The table's cells for one row, as text; a row that did not run has its reason in the second cell. */
    static List<String> cells(Comparison.Outcome outcome, Comparison.Row row) {
        List<String> cells = cells(row);
        if (row.ran() && outcome.runs() > 1) {
            cells.add(bestRunCell(outcome, row));
        }
        if (row.ran() && anyDegenerate(outcome)) {
            cells.add(degenerateCell(outcome, row));
        }
        return cells;
    }

    /** The components of the row's fit that collapsed, by select's rule at the outcome's reg-covar; none if it did not run. */
    static int[] collapsed(Comparison.Outcome outcome, Comparison.Row row) {
        return row.ran() ? Cell.collapsedComponents(row.result().model(), outcome.regCovar()) : new int[0];
    }

    /** Whether some implementation that ran has an empty or a collapsed component. */
    static boolean anyDegenerate(Comparison.Outcome outcome) {
        return outcome.ran().stream().anyMatch(row -> row.result().emptyComponents().length > 0
                || collapsed(outcome, row).length > 0);
    }

    /**
     * What is empty or collapsed in one row's fit, by select's rule at the outcome's reg-covar.
     *
     * @param outcome the comparison the row belongs to
     * @param row     a row whose implementation ran
     * @return "empty 0", "collapsed 1, 2", "empty 0; collapsed 2" or "-"
     */
    public static String degenerateCell(Comparison.Outcome outcome, Comparison.Row row) {
        List<String> parts = new ArrayList<>();
        int[] empty = row.result().emptyComponents();
        if (empty.length > 0) {
            parts.add("empty " + joined(empty));
        }
        int[] collapsed = collapsed(outcome, row);
        if (collapsed.length > 0) {
            parts.add("collapsed " + joined(collapsed));
        }
        return parts.isEmpty() ? "-" : String.join("; ", parts);
    }

    private static String joined(int[] values) {
        List<String> each = new ArrayList<>();
        for (int value : values) {
            each.add(Integer.toString(value));
        }
        return String.join(", ", each);
    }

    /** The cells every table has, whatever the number of starts. */
    private static List<String> cells(Comparison.Row row) {
        List<String> cells = new ArrayList<>();
        cells.add(row.implementation());
        if (!row.ran()) {
            cells.add(row.reason());
            return cells;
        }
        EmResult result = row.result();
        cells.add(Integer.toString(result.iterations()));
        cells.add(result.converged() ? "yes" : "no");
        cells.add(String.format(Locale.ROOT, "%.10f", result.meanLogLikelihood()));
        cells.add(Double.isNaN(row.maxParameterDifference()) ? "-"
                : String.format(Locale.ROOT, "%.1e", row.maxParameterDifference()));
        cells.add(String.format(Locale.ROOT, "%.3f", result.millisPerIteration()));
        cells.add(Double.isNaN(row.speedUpOverLoops()) ? "-"
                : String.format(Locale.ROOT, "%.1f×", row.speedUpOverLoops()));
        return cells;
    }

    static List<String> headings(Comparison.Outcome outcome) {
        String reference = outcome.reference() == null ? "reference" : outcome.reference();
        List<String> headings = new ArrayList<>(HEADINGS.stream().map(heading -> heading.replace("REF", reference))
                .toList());
        if (outcome.runs() > 1) {
            headings.add(BEST_RUN);
        }
        if (anyDegenerate(outcome)) {
            headings.add(DEGENERATE);
        }
        return headings;
    }

    /**
     * The table and the agreement line, as the command prints them.
     *
     * @param outcome the comparison
     * @return the fitted line, the table and the agreement line, each ending with {@code \n}
     */
    public static String text(Comparison.Outcome outcome) {
        List<String> headings = headings(outcome);
        int[] widths = new int[headings.size()];
        List<List<String>> table = new ArrayList<>();
        table.add(headings);
        outcome.rows().forEach(row -> table.add(cells(outcome, row)));
        for (List<String> cells : table) {
            if (cells.size() == headings.size()) {
                for (int c = 0; c < cells.size(); c++) {
                    widths[c] = Math.max(widths[c], cells.get(c).length());
                }
            }
        }
        StringBuilder out = new StringBuilder(fittedLine(outcome)).append('\n');
        for (List<String> cells : table) {
            StringBuilder line = new StringBuilder(pad(cells.get(0), widths[0], false));
            if (cells.size() == headings.size()) {
                for (int c = 1; c < cells.size(); c++) {
                    line.append("  ").append(pad(cells.get(c), widths[c], true));
                }
            } else {
                line.append("  ").append(cells.get(1));          // the reason it did not run
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        out.append(outcome.agreementLine()).append('\n');
        return out.toString();
    }

    private static String pad(String cell, int width, boolean right) {
        String padding = " ".repeat(Math.max(0, width - cell.length()));
        return right ? padding + cell : cell + padding;
    }

    /**
     * {"reference": ..., "agreement": ..., "rows": [...]} with the keys the README lists.
     *
     * @param outcome the comparison
     * @return the JSON document, pretty-printed
     */
    public static String json(Comparison.Outcome outcome) {
        return json(outcome, null);
    }

    /**
     * The rows as JSON, with the race case's timings: {@code "race"} holds its {@code label}, {@code rows},
     * {@code columns}, {@code components} and {@code millisPerIteration}, an object of ms per iteration by
     * implementation; null without a race.
     *
     * @param outcome the comparison
     * @param race    the race case's timings, or null when none ran
     * @return pretty-printed JSON ending in a newline
     */
    public static String json(Comparison.Outcome outcome, Timings race) {
        JsonObject root = new JsonObject();
        root.addProperty("reference", outcome.reference());
        root.addProperty("agreement", outcome.agreementLine());
        root.addProperty("allAgree", outcome.allAgree());
        root.addProperty("covarianceType", outcome.covarianceType().label());
        root.addProperty("runs", outcome.runs());
        JsonArray rows = new JsonArray();
        for (Comparison.Row row : outcome.rows()) {
            JsonObject json = new JsonObject();
            json.addProperty("implementation", row.implementation());
            EmResult result = row.result();
            json.add("iterations", result == null ? JsonNull.INSTANCE : number(result.iterations()));
            if (result == null) {
                json.add("converged", JsonNull.INSTANCE);
            } else {
                json.addProperty("converged", result.converged());
            }
            json.add("meanLogLikelihood", result == null ? JsonNull.INSTANCE : number(result.meanLogLikelihood()));
            json.add("maxParameterDifference", number(row.maxParameterDifference()));
            json.add("millisPerIteration", result == null ? JsonNull.INSTANCE : number(result.millisPerIteration()));
            json.add("speedUpOverLoops", number(row.speedUpOverLoops()));
            json.addProperty("error", row.error());
            json.addProperty("skipped", row.skipped());
            json.addProperty("notApplicable", row.notApplicable());
            // Which start the reported run came from: 1-based, as the table counts; null when it did not run.
            json.add("bestRun", row.ran() ? number(row.bestRun() + 1) : JsonNull.INSTANCE);
            if (row.ran() && outcome.runs() > 1) {
                json.addProperty("bestSeed", outcome.starts().get(row.bestRun()).seed());
            } else {
                json.add("bestSeed", JsonNull.INSTANCE);
            }
            json.add("emptyComponents", row.ran() ? indices(result.emptyComponents()) : JsonNull.INSTANCE);
            json.add("collapsedComponents", row.ran() ? indices(collapsed(outcome, row)) : JsonNull.INSTANCE);
            rows.add(json);
        }
        root.add("rows", rows);
        root.add("race", race == null ? JsonNull.INSTANCE : raceJson(race));
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(root) + "\n";
    }

    /** The race case's size and its ms per iteration, by implementation. */
    private static JsonObject raceJson(Timings race) {
        JsonObject json = new JsonObject();
        json.addProperty("label", race.label());
        json.addProperty("rows", race.rows());
        json.addProperty("columns", race.columns());
        json.addProperty("components", race.components());
        JsonObject millis = new JsonObject();
        for (int i = 0; i < race.implementations().size(); i++) {
            millis.add(race.implementations().get(i), number(race.millisPerIteration().get(i)));
        }
        json.add("millisPerIteration", millis);
        return json;
    }

    private static JsonArray indices(int[] values) {
        JsonArray array = new JsonArray();
        for (int value : values) {
            array.add(value);
        }
        return array;
    }

    private static com.google.gson.JsonElement number(double value) {
        return Double.isFinite(value) ? new com.google.gson.JsonPrimitive(value) : JsonNull.INSTANCE;
    }

    /**
     * A picture for the page: its caption, and its PNG.
     *
     * @param caption  shown under the picture, and its alternative text
     * @param fileName the picture's name, the stem of its own files; the page does not use it
     * @param png      the encoded PNG, embedded in the page as data
     */
    public record PagePicture(String caption, String fileName, byte[] png) {
    }

    /**
     * The page: data set, settings, table, agreement line and pictures, in one HTML file with the
     * pictures embedded as data, so it opens from a file with no server and no network.
     *
     * @param title    the page's heading, e.g. "old-faithful: K = 2"
     * @param facts    label and value pairs describing the data and settings, shown as a list
     * @param outcome  the comparison
     * @param pictures in order
     * @return the whole HTML page
     */
    public static String html(String title, List<String[]> facts, Comparison.Outcome outcome,
            List<PagePicture> pictures) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>em-gmm compare: ").append(escape(title)).append("</title>\n")
                .append("<style>\n")
                .append("body{font-family:sans-serif;margin:2em auto;max-width:1250px;padding:0 1em;color:#222}\n")
                .append("table{border-collapse:collapse;margin:1em 0}\n")
                .append("th,td{border:1px solid #ccc;padding:.3em .6em;text-align:right}\n")
                .append("th:first-child,td:first-child{text-align:left}\n")
                .append("td.reason{text-align:left;color:#a33}\n")
                .append(".agree{font-weight:bold;color:#262}.disagree{font-weight:bold;color:#a22}\n")
                .append("figure{margin:1.5em 0}img{max-width:100%;height:auto;border:1px solid #eee}\n")
                .append("dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}\n")
                .append("</style>\n</head>\n<body>\n");
        page.append("<h1>em-gmm compare: ").append(escape(title)).append("</h1>\n<dl>\n");
        for (String[] fact : facts) {
            page.append("<dt>").append(escape(fact[0])).append("</dt><dd>").append(escape(fact[1])).append("</dd>\n");
        }
        page.append("</dl>\n<table id=\"results\">\n<caption>").append(escape(fittedLine(outcome)))
                .append("</caption>\n<thead><tr>");
        for (String heading : headings(outcome)) {
            page.append("<th>").append(escape(heading)).append("</th>");
        }
        page.append("</tr></thead>\n<tbody>\n");
        int columns = headings(outcome).size();
        for (Comparison.Row row : outcome.rows()) {
            page.append("<tr>");
            List<String> cells = cells(outcome, row);
            for (int c = 0; c < cells.size(); c++) {
                boolean reason = !row.ran() && c == 1;
                page.append(reason ? "<td class=\"reason\" colspan=\"" + (columns - 1) + "\">" : "<td>")
                        .append(escape(cells.get(c))).append("</td>");
            }
            page.append("</tr>\n");
        }
        page.append("</tbody>\n</table>\n");
        page.append("<p id=\"agreement\" class=\"").append(outcome.allAgree() ? "agree" : "disagree").append("\">")
                .append(escape(outcome.agreementLine())).append("</p>\n");
        for (PagePicture picture : pictures) {
            page.append("<figure>\n<img alt=\"").append(escape(picture.caption())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(picture.png())).append("\">\n<figcaption>")
                    .append(escape(picture.caption())).append("</figcaption>\n</figure>\n");
        }
        page.append("<p>Made by em-gmm's <code>compare</code> command. Timings are one run after one warm-up;"
                + " for careful timing use <code>em-gmm bench</code>.</p>\n</body>\n</html>\n");
        return page.toString();
    }

    /** Text for HTML: &amp;, &lt;, &gt; and quotes escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
