package org.emgmm.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.emgmm.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The option lists in {@code docs/cli/} are the commands' own {@code --help}: each page holds them
 * between {@code <!-- options: NAME -->} (NAME a subcommand, or {@code em-gmm} for the top level)
 * and {@code <!-- /options -->}, as one fenced block, and every command has exactly one.
 *
 * <p>To refresh the pages after changing an option, run this test with
 * {@code -D}{@value #UPDATE_PROPERTY}{@code =true}: it writes the current help into every block and
 * then passes ({@code mvn test -Dtest=CliOptionsTest -Demgmm.updateDocs=true}). The pages show the
 * help as on a machine with {@value #CORES} cores: {@code --threads}' default is the number of cores.
 */
class CliOptionsTest {

    /** The system property that makes the docs tests rewrite the pages instead of failing. */
    static final String UPDATE_PROPERTY = "emgmm.updateDocs";

    /** The cores the pages' help speaks of ("Default: every core, here 2"). */
    static final String CORES = "2";

    static final String BEGIN = "<!-- options: ";
    static final String END = "<!-- /options -->";

    static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    /** What {@code em-gmm NAME --help} prints ({@code em-gmm --help} for NAME em-gmm), as on a 2-core machine. */
    static String help(String name) {
        CommandLine commandLine = new CommandLine(new Main());
        // plain text, as printed to a file or a pipe, whatever terminal the test runs in
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        commandLine.setDefaultValueProvider(arg -> arg instanceof OptionSpec option
                && option.longestName().equals("--threads") ? CORES : null);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        String[] args = name.equals("em-gmm") ? new String[] {"--help"} : new String[] {name, "--help"};
        int code = commandLine.execute(args);
        assertEquals(0, code, name + " --help: " + err);
        return out.toString().replace("\r\n", "\n");
    }

    /** Every command's name: em-gmm and its subcommands. */
    static List<String> commands() {
        List<String> names = new ArrayList<>(List.of("em-gmm"));
        names.addAll(new CommandLine(new Main()).getSubcommands().keySet());
        return names;
    }

    @Test
    void everyOptionListIsTheCommandsHelp() throws IOException {
        Map<String, List<String>> found = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Path page : cliPages()) {
            List<String> lines = new ArrayList<>(Markdown.read(page).lines);
            boolean changed = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (!line.startsWith(BEGIN)) {
                    continue;
                }
                String name = line.substring(BEGIN.length(), line.length() - "-->".length()).strip();
                String where = page.toString().replace('\\', '/') + " line " + (i + 1);
                found.computeIfAbsent(name, n -> new ArrayList<>()).add(where);
                int open = i + 1;
                int close = open + 1;
                while (close < lines.size() && !lines.get(close).startsWith("```")) {
                    close++;
                }
                if (open >= lines.size() || !lines.get(open).startsWith("```") || close + 1 >= lines.size()
                        || !lines.get(close + 1).strip().equals(END)) {
                    problems.add(where + ": the marker must be followed by one fenced block and " + END);
                    continue;
                }
                if (!commands().contains(name)) {
                    problems.add(where + ": there is no command '" + name + "'");
                    continue;
                }
                List<String> expected = List.of(help(name).stripTrailing().split("\n", -1));
                List<String> shown = lines.subList(open + 1, close);
                if (!shown.equals(expected)) {
                    if (updating()) {
                        shown.clear();
                        shown.addAll(expected);
                        changed = true;
                        close = open + 1 + expected.size();
                    } else {
                        problems.add(where + ": the options of '" + name + "' differ from its --help, first at "
                                + firstDifference(shown, expected) + "; refresh the page with mvn test"
                                + " -Dtest=CliOptionsTest -D" + UPDATE_PROPERTY + "=true");
                    }
                }
                i = close + 1;
            }
            if (changed) {
                Markdown.write(page, lines);
            }
        }
        for (String name : commands()) {
            List<String> where = found.getOrDefault(name, List.of());
            if (where.size() != 1) {
                problems.add("'" + name + "' needs exactly one " + BEGIN + name + " --> block under docs/cli/, found "
                        + where.size() + " " + where);
            }
        }
        assertEquals(List.of(), problems);
    }

    private static String firstDifference(List<String> shown, List<String> expected) {
        for (int i = 0; i < Math.max(shown.size(), expected.size()); i++) {
            String a = i < shown.size() ? shown.get(i) : "(nothing)";
            String b = i < expected.size() ? expected.get(i) : "(nothing)";
            if (!a.equals(b)) {
                return "line " + (i + 1) + " of the block: the page has '" + a + "', --help prints '" + b + "'";
            }
        }
        return "no line";
    }

    private static List<Path> cliPages() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("docs", "cli"))) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    @Test
    void theHelpIsTheSameAsTheCommandLinePrints() {
        // the pages' help is what a user sees, but for the number of cores in --threads' default
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = Main.run(new String[] {"fit", "--help"}, new java.io.PrintStream(out, true,
                java.nio.charset.StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n");
        String cores = String.valueOf(Runtime.getRuntime().availableProcessors());
        if (cores.equals(CORES)) {
            assertEquals(printed, help("fit"));
        } else {
            assertTrue(help("fit").contains("here " + CORES + "."), help("fit"));
        }
    }
}
