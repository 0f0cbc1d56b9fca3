package org.emgmm.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.emgmm.cli.Main;
import org.emgmm.data.Datasets;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every output that the README and the pages under {@code docs/} show is what em-gmm prints today.
 * A page says which command printed a fenced block with an HTML comment on the line before it:
 * <ul>
 *   <li>{@code <!-- output: ARGS -->}: the block is what {@code em-gmm ARGS} prints (standard output,
 *       then standard error; {@code 2>/dev/null} at the end leaves standard error out);</li>
 *   <li>{@code <!-- output -->}: the block is a terminal session: each line
 *       {@code $ java -jar target/em-gmm.jar ARGS} (a line ending in {@code \} goes on) is followed by
 *       what that command prints;</li>
 *   <li>{@code <!-- file: NAME -->}: the block is the file NAME, which the page's later commands read.</li>
 * </ul>
 * A line {@code ...} in an output stands for any number of lines left out. Timings (milliseconds per
 * iteration, speed-ups, GFLOP/s) are masked by {@link #MASKS}: they differ from run to run, and the
 * pages say so.
 *
 * <p>Each page's commands run in this JVM, in order, in a temporary folder of the page's own: the
 * files they name (after {@code --data}, {@code --out}, {@code --model} and the other options in
 * {@link #PATH_OPTIONS}) are taken in that folder, {@code compare}, {@code explore} and {@code bench}
 * write their default outputs there, and the folder's path is taken out of what they print. Nothing is written in
 * the project.
 *
 * <p>Run with {@code -Demgmm.updateDocs=true} to write the real output into every block that has no
 * {@code ...} line (after changing what a command prints); read the difference before committing.
 */
class DocsOutputIT {

    /** The options whose value is a file or folder, taken in the page's folder. */
    static final Set<String> PATH_OPTIONS = Set.of("--data", "--out", "--init", "--model", "--json", "--plots",
            "--table", "--csv", "--export", "--sample-weights-file");

    /** What a session line starts with before em-gmm's arguments. */
    static final String PROMPT = "$ java -jar target/em-gmm.jar ";

    /** A line of an output that stands for lines left out. */
    static final String ELISION = "...";

    /** Parts of a line that differ from run to run, and what they become on both sides before comparing. */
    static final List<Mask> MASKS = List.of(
            // compare's ms/iter and speed-up; bench's ms/iter, GFLOP/s, M exp+log/s and speed-up
            new Mask(Pattern.compile("(?:\\s+\\d+\\.\\d+){1,3}\\s+\\d+(?:\\.\\d+)?×"), "  [timings]"),
            // the race case's ms/iter in compare's output
            new Mask(Pattern.compile("^  ms/iter: .*"), "  ms/iter: [race timings]"),
            // fit's summary
            new Mask(Pattern.compile("\\d+(?:\\.\\d+)? ms per iteration"), "[ms] ms per iteration"));

    record Mask(Pattern pattern, String replacement) {
        String apply(String line) {
            return pattern.matcher(line).replaceAll(replacement);
        }
    }

    /** One run's exit code and output lines (standard output, then standard error). */
    record Run(int code, List<String> lines) {
    }

    @TestFactory
    Stream<DynamicTest> everyOutputShownIsWhatTheCommandPrints() {
        return Markdown.pages().stream()
                .filter(page -> Markdown.read(page).blocks().stream().anyMatch(block -> kind(block) != null))
                .map(page -> DynamicTest.dynamicTest(page.toString().replace('\\', '/'), () -> checkPage(page)));
    }

    /** "output", "session" or "file" for a block with a marker, null for any other block. */
    static String kind(Markdown.Block block) {
        String marker = block.markerText();
        if (marker == null) {
            return null;
        }
        if (marker.equals("output")) {
            return "session";
        }
        if (marker.startsWith("output:")) {
            return "output";
        }
        if (marker.startsWith("file:")) {
            return "file";
        }
        return null;
    }

    private static void checkPage(Path page) throws IOException {
        Markdown markdown = Markdown.read(page);
        Path folder = Files.createTempDirectory("docs-");
        List<String> problems = new ArrayList<>();
        List<String> lines = new ArrayList<>(markdown.lines);
        boolean changed = false;
        try {
            List<Markdown.Block> blocks = new ArrayList<>(markdown.blocks());
            // replacements are made from the last block up, so that earlier line numbers stay right
            List<Runnable> replacements = new ArrayList<>();
            for (Markdown.Block block : blocks) {
                String kind = kind(block);
                if (kind == null) {
                    continue;
                }
                String where = markdown.name() + ", block at line " + block.line();
                switch (kind) {
                    case "file" -> Files.writeString(folder.resolve(block.markerText().substring(5).strip()),
                            String.join("\n", block.lines()) + "\n", StandardCharsets.UTF_8);
                    case "output" -> {
                        String command = block.markerText().substring(7).strip();
                        Run run = run(command, folder);
                        String problem = compare(block.lines(), run.lines());
                        if (problem != null) {
                            if (updating() && !block.lines().contains(ELISION)) {
                                replacements.add(() -> replace(lines, block, run.lines()));
                            } else {
                                problems.add(where + " (em-gmm " + command + "): " + problem);
                            }
                        }
                    }
                    case "session" -> {
                        List<String> rewritten = new ArrayList<>();
                        String problem = session(block.lines(), folder, rewritten);
                        if (problem != null) {
                            if (updating() && !block.lines().contains(ELISION) && !problem.startsWith("not a")) {
                                replacements.add(() -> replace(lines, block, rewritten));
                            } else {
                                problems.add(where + ": " + problem);
                            }
                        }
                    }
                    default -> throw new IllegalStateException(kind);
                }
            }
            for (int i = replacements.size() - 1; i >= 0; i--) {
                replacements.get(i).run();
                changed = true;
            }
        } finally {
            deleteTree(folder);
        }
        if (changed) {
            Markdown.write(page, lines);
        }
        assertEquals(List.of(), problems, "outputs on " + markdown.name() + " that em-gmm no longer prints;"
                + " fix the page, or rerun this test with -D" + CliOptionsTest.UPDATE_PROPERTY + "=true");
    }

    private static boolean updating() {
        return CliOptionsTest.updating();
    }

    /** Puts {@code body} in place of the block's lines, keeping its indentation. */
    private static void replace(List<String> lines, Markdown.Block block, List<String> body) {
        int open = block.line() - 1;
        String indent = lines.get(open).substring(0, lines.get(open).indexOf(lines.get(open).strip()));
        List<String> old = lines.subList(open + 1, open + 1 + block.lines().size());
        old.clear();
        old.addAll(body.stream().map(line -> line.isEmpty() ? line : indent + line).toList());
    }

    /**
     * Runs a session block's commands; returns the first problem, or null. {@code rewritten} gets the
     * block with each command followed by its real output.
     */
    private static String session(List<String> block, Path folder, List<String> rewritten) {
        String problem = null;
        int i = 0;
        if (block.isEmpty() || !block.get(0).startsWith("$ ")) {
            return "not a session: its first line must be a command, " + PROMPT + "...";
        }
        while (i < block.size()) {
            String first = block.get(i);
            if (!first.startsWith(PROMPT)) {
                return "not an em-gmm command on line " + (i + 1) + " of the block: " + first + " (a session runs "
                        + PROMPT + "... only)";
            }
            StringBuilder command = new StringBuilder(first.substring(PROMPT.length()));
            rewritten.add(first);
            int commandLine = i + 1;
            while (command.toString().endsWith("\\") && i + 1 < block.size()) {
                command.setLength(command.length() - 1);
                i++;
                command.append(' ').append(block.get(i).strip());
                rewritten.add(block.get(i));
            }
            i++;
            List<String> expected = new ArrayList<>();
            while (i < block.size() && !block.get(i).startsWith("$ ")) {
                expected.add(block.get(i));
                i++;
            }
            Run run = run(command.toString().strip(), folder);
            rewritten.addAll(run.lines());
            String difference = compare(expected, run.lines());
            if (difference != null && problem == null) {
                problem = "the command on line " + commandLine + " of the block (" + command.toString().strip() + "): "
                        + difference;
            }
        }
        return problem;
    }

    /** The first difference between what a page shows and what a command printed, masks applied; null if none. */
    static String compare(List<String> shown, List<String> printed) {
        List<String> expected = shown.stream().map(DocsOutputIT::masked).toList();
        List<String> actual = printed.stream().map(DocsOutputIT::masked).toList();
        if (!expected.contains(ELISION)) {
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                String a = i < expected.size() ? expected.get(i) : null;
                String b = i < actual.size() ? actual.get(i) : null;
                if (a == null || !a.equals(b)) {
                    return "line " + (i + 1) + " differs: the page has " + quoted(a) + ", the command prints "
                            + quoted(b);
                }
            }
            return null;
        }
        // segments between "..." lines, found in order; the first and last are anchored unless "..." is there
        List<List<String>> segments = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int currentStart = 0;
        for (int i = 0; i <= expected.size(); i++) {
            if (i == expected.size() || expected.get(i).equals(ELISION)) {
                segments.add(current);
                starts.add(currentStart);
                current = new ArrayList<>();
                currentStart = i + 1;
            } else {
                current.add(expected.get(i));
            }
        }
        int position = 0;
        for (int s = 0; s < segments.size(); s++) {
            List<String> segment = segments.get(s);
            boolean first = s == 0;
            boolean last = s == segments.size() - 1;
            if (segment.isEmpty()) {
                continue;
            }
            if (first) {
                String difference = prefixDifference(segment, actual, 0, starts.get(s));
                if (difference != null) {
                    return difference;
                }
                position = segment.size();
            } else if (last) {
                int at = actual.size() - segment.size();
                if (at < position) {
                    return "the last " + segment.size() + " lines of the page's block are not at the end of the output";
                }
                String difference = prefixDifference(segment, actual, at, starts.get(s));
                if (difference != null) {
                    return difference + " (the lines after the last ...)";
                }
                position = actual.size();
            } else {
                int found = -1;
                for (int at = position; at + segment.size() <= actual.size() && found < 0; at++) {
                    if (actual.subList(at, at + segment.size()).equals(segment)) {
                        found = at;
                    }
                }
                if (found < 0) {
                    return "line " + (starts.get(s) + 1) + " of the page's block, " + quoted(segment.get(0))
                            + ", and the " + (segment.size() - 1) + " after it are not in the output (after line "
                            + position + ")";
                }
                position = found + segment.size();
            }
            if (last && !segment.isEmpty() && position != actual.size()) {
                return "the output goes on after the page's last line: " + quoted(actual.get(position));
            }
        }
        return null;
    }

    private static String prefixDifference(List<String> segment, List<String> actual, int at, int blockLine) {
        for (int i = 0; i < segment.size(); i++) {
            String b = at + i < actual.size() ? actual.get(at + i) : null;
            if (!segment.get(i).equals(b)) {
                return "line " + (blockLine + i + 1) + " differs: the page has " + quoted(segment.get(i))
                        + ", the command prints " + quoted(b);
            }
        }
        return null;
    }

    private static String quoted(String line) {
        return line == null ? "(nothing)" : "'" + line + "'";
    }

    static String masked(String line) {
        String result = line;
        for (Mask mask : MASKS) {
            result = mask.apply(result);
        }
        return result;
    }

    /**
     * Runs {@code em-gmm ARGS} in this JVM with its files in {@code folder}; returns what it printed,
     * with the folder's path taken out.
     */
    static Run run(String command, Path folder) {
        List<String> words = new ArrayList<>(words(command));
        boolean quiet = words.size() > 0 && words.get(words.size() - 1).equals("2>/dev/null");
        if (quiet) {
            words.remove(words.size() - 1);
        }
        List<String> args = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            int equals = word.indexOf('=');
            if (word.startsWith("--") && equals > 0 && PATH_OPTIONS.contains(word.substring(0, equals))) {
                args.add(word.substring(0, equals + 1) + inFolder(word.substring(equals + 1), folder));
            } else if (PATH_OPTIONS.contains(word) && i + 1 < words.size()) {
                args.add(word);
                args.add(inFolder(words.get(++i), folder));
            } else {
                args.add(word);
            }
        }
        if (!args.isEmpty() && args.get(0).equals("compare") && !args.contains("--out")) {
            args.addAll(List.of("--out", folder.resolve("target/compare").toString()));
        }
        if (!args.isEmpty() && args.get(0).equals("explore") && !args.contains("--out")) {
            args.addAll(List.of("--out", folder.resolve("target/explore.html").toString()));
        }
        if (!args.isEmpty() && args.get(0).equals("bench") && !args.contains("--csv")) {
            args.addAll(List.of("--csv", folder.resolve("target/bench/bench.csv").toString()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertTrue(code != Main.EXIT_BUG, "em-gmm " + command + " failed with a bug: " + err);
        List<String> lines = new ArrayList<>(lines(out.toString(StandardCharsets.UTF_8), folder));
        if (!quiet) {
            lines.addAll(lines(err.toString(StandardCharsets.UTF_8), folder));
        }
        return new Run(code, lines);
    }

    private static String inFolder(String value, Path folder) {
        if (value.equals("-") || Datasets.isBundled(value) || Path.of(value).isAbsolute()) {
            return value;
        }
        return folder.resolve(value).toString();
    }

    /** The lines of a printed text, the folder's path taken out, without trailing blank lines. */
    private static List<String> lines(String text, Path folder) {
        String prefix = folder.toString();
        String cleaned = text.replace("\r\n", "\n").replace(prefix + "/", "").replace(prefix, ".");
        List<String> lines = new ArrayList<>(List.of(cleaned.split("\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** A command's words, split at spaces; '...' and "..." keep their spaces. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any) {
                    words.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A block of the README or under {@code docs/} that shows what a command prints must say which
     * command: an unmarked block without a language is a block of commands only (lines that start with {@code java}, {@code mvn} and the
     * like, comments, and indented or continued lines of a command).
     */
    @Test
    void everyOutputShownSaysWhichCommandPrintedIt() {
        Pattern command = Pattern.compile("^(java|mvn|python3|docker|cd|apt-get|bash|unzip|AUTOGRADER_ROOT=\\S*|"
                + "#)(\\s.*)?$");
        List<String> problems = new ArrayList<>();
        for (Path page : Markdown.pages()) {
            if (!page.equals(Path.of("README.md")) && !page.startsWith("docs")) {
                continue; // the students' and hidden tests' guides show test reports, not em-gmm's output
            }
            Markdown markdown = Markdown.read(page);
            for (Markdown.Block block : markdown.blocks()) {
                boolean code = !block.info().isEmpty() && !block.info().equals("text") && !block.info().equals("console");
                if (kind(block) != null || code || block.marker() != null && block.markerText().startsWith("options:")) {
                    continue;
                }
                boolean continued = false;
                for (int i = 0; i < block.lines().size(); i++) {
                    String line = block.lines().get(i);
                    boolean ok = line.isBlank() || continued || Character.isWhitespace(line.charAt(0))
                            || command.matcher(line).matches();
                    continued = line.endsWith("\\");
                    if (!ok) {
                        problems.add(markdown.name() + ", block at line " + block.line() + ", line " + (i + 1) + ": '"
                                + line + "' is not a command: if the block shows what em-gmm prints, put"
                                + " <!-- output: ARGS --> or <!-- output --> before it; if it is code, name its"
                                + " language");
                        break;
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void masksHideTimingsOnly() {
        assertEquals("vectorised              14        yes        -4.1553822135                          0.0e+00"
                + "  [timings]", masked("vectorised              14        yes        -4.1553822135            "
                + "              0.0e+00    0.821      0.8×"));
        assertEquals("time            [ms] ms per iteration", masked("time            2.454 ms per iteration"));
        assertEquals("custom 20,000×2, K=3        vectorised           2  [timings]",
                masked("custom 20,000×2, K=3        vectorised           2       1.47      0.33         54.4      2.3×"));
        assertEquals("iterations      14, converged", masked("iterations      14, converged"));
    }

    @Test
    void elidedLinesMatchAnyNumberOfLines() {
        List<String> printed = List.of("a", "b", "c", "d");
        assertEquals(null, compare(List.of("a", ELISION, "d"), printed));
        assertEquals(null, compare(List.of("a", ELISION), printed));
        assertEquals(null, compare(List.of(ELISION, "c", ELISION), printed));
        assertEquals(null, compare(List.of("a", "b", "c", "d"), printed));
        assertTrue(compare(List.of("a", "c"), printed).startsWith("line 2 differs"));
        assertTrue(compare(List.of("a", ELISION, "c"), printed) != null);
        assertTrue(compare(List.of(ELISION, "x", ELISION), printed) != null);
        assertEquals(List.of("fit", "--data", "a b.csv", "-k", "2"), words("fit --data 'a b.csv' -k 2"));
    }
}
