package org.emgmm.instructor;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Builds the student handout: the project without the worked solutions, the hidden tests, the
 * instructors' tools and CI, whose default build works on {@code exercises/}, so that a student's
 * {@code mvn test} shows their score. Then checks it.
 * <pre>
 *   mvn -q test-compile -Phandout -Dhandout=../em-gmm-handout
 * </pre>
 * What goes in is chosen by a list of what belongs (never by what to leave out, so that nothing an
 * instructor keeps beside the project, such as graded submissions, can slip in): {@link #INCLUDED}.
 * Then:
 * <ul>
 *   <li>{@code README.md} becomes the students' guide ({@code exercises/README.md}), and the project's
 *       README is kept as {@code LIBRARY.md}, where the pages of {@code docs/} (but the instructors')
 *       now link up to;</li>
 *   <li>a copy of the untouched skeletons goes to {@code src/skeletons}: the build compiles the tests
 *       against them and the student's files over them, so that a file that does not compile costs
 *       only its own exercise;</li>
 *   <li>the instructors' profiles are cut out of {@code pom.xml}, and the instructors' paragraphs out of
 *       the READMEs and the pages (between the markers
 *       {@value #INSTRUCTOR_BEGIN} and {@value #INSTRUCTOR_END}). The rest stays: without
 *       {@code solutions/} the {@code exercises} profile switches itself on.</li>
 * </ul>
 * The check ({@link #problems}) fails the build when the handout has a {@code solutions/} or
 * {@code hidden-tests/} folder, the instructors' package, a document that speaks of what students do not
 * have ({@link #INSTRUCTORS_WORDS}), any text file at all (sources and tests included) that names a
 * command only the full repository has ({@link #INSTRUCTORS_COMMANDS}), or any line of solution code: a
 * line that appears in {@code solutions/} and nowhere in the skeletons or the library.
 */
@Command(name = "handout", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes the student handout: the project without solutions/, hidden tests and instructor"
                + " tools, building exercises/ by default; then checks that it holds no solution code.")
public final class Handout implements Callable<Integer> {

    /** What a handout holds, relative to the project: everything else stays behind. */
    static final List<String> INCLUDED = List.of("pom.xml", "README.md", "LICENSE", ".gitignore", "docs",
            "exercises", "src");

    /** Left out from within {@link #INCLUDED}: the instructors' tools, their tests and their pages. */
    static final List<String> EXCLUDED = List.of("src/test/java/org/emgmm/instructor", "src/grader",
            "docs/instructors");

    /** Folders a handout must not have. */
    static final List<String> FORBIDDEN = List.of("solutions", "hidden-tests", ".ci",
            "src/test/java/org/emgmm/instructor", "src/grader", "docs/instructors");

    /**
     * What a student's documents never mention: the worked solutions, the hidden tests, the grader, the
     * instructors, and the project's own switch for building the skeletons.
     */
    static final List<String> INSTRUCTORS_WORDS = List.of("solutions/", "worked solution", "hidden test",
            "grader", "instructor", "-pexercises", "out of 105", "out of 107", "out of 109");

    /**
     * What no file of a handout names, sources and tests included: the commands and classes that only the
     * full repository has (its profiles, which a handout cuts out or switches on by itself, and the
     * instructors' package). The words above are checked in the documents only, since the graded tests
     * may well speak of the grader that runs them.
     */
    static final List<String> INSTRUCTORS_COMMANDS = List.of("-pexercises", "-pgrade", "-phandout", "-pautograder",
            "-pgrading-bench", "org.emgmm.instructor");

    /** The documents a student reads: the READMEs, the pages of docs/ and the exercise files. */
    static List<Path> studentDocuments(Path handout) throws IOException {
        List<Path> documents = new ArrayList<>(List.of(handout.resolve("README.md"), handout.resolve("LIBRARY.md")));
        documents.addAll(pages(handout));
        documents.addAll(textFiles(handout.resolve("exercises")));
        return documents.stream().filter(Files::isRegularFile).toList();
    }

    static final String INSTRUCTOR_BEGIN = "<!-- instructors only: begin -->";
    static final String INSTRUCTOR_END = "<!-- instructors only: end -->";

    /**
     * Lines shorter than this are too common ("}", "return sum;") to tell solution code from other
     * code; every line of real work in the solutions is longer.
     */
    static final int SHORTEST_TELLING_LINE = 20;

    @CommandLine.Parameters(paramLabel = "DIR", description = "where to write the handout (a new or empty folder)")
    private Path out;

    @Option(names = "--project", paramLabel = "DIR", description = "the project to make it from (default: the"
            + " current folder)")
    private Path project = Path.of(".");

    @Option(names = "--check-only", description = "only check the existing handout in DIR")
    private boolean checkOnly;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command and returns its exit code: 0, 1 when the check finds problems, 2 for bad usage. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        return new CommandLine(new Handout()).setOut(out).setErr(err)
                .setParameterExceptionHandler((e, arguments) -> {
                    e.getCommandLine().getErr().println("handout: " + e.getMessage() + " (see 'handout --help')");
                    return 2;
                })
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    command.getErr().println("handout: " + (e instanceof UncheckedIOException u ? u.getCause() : e)
                            .getMessage());
                    return 2;
                })
                .execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(project.resolve("solutions")) || !Files.isRegularFile(project.resolve("pom.xml"))) {
            throw new IllegalArgumentException(project.toAbsolutePath().normalize() + " is not the full project (no"
                    + " pom.xml or solutions/): run from the project's folder, or name it with --project");
        }
        if (!checkOnly) {
            build(project, out);
        }
        List<String> problems = problems(out, project);
        PrintWriter report = spec.commandLine().getOut();
        if (!problems.isEmpty()) {
            problems.forEach(problem -> spec.commandLine().getErr().println("handout: " + problem));
            return 1;
        }
        report.println("handout " + out + ": no solutions, no hidden tests, no instructor tools; a student runs"
                + " 'mvn test' there");
        return 0;
    }

    /** Copies what belongs into {@code target} and adapts the README and pom. */
    static void build(Path project, Path target) throws IOException {
        if (Files.exists(target) && !isEmptyFolder(target)) {
            throw new IllegalArgumentException(target + " exists and is not empty: name a new folder");
        }
        Files.createDirectories(target);
        for (String entry : INCLUDED) {
            Path from = project.resolve(entry);
            if (Files.exists(from)) {
                copy(from, target.resolve(entry), project);
            }
        }
        Files.move(target.resolve("README.md"), target.resolve("LIBRARY.md"));
        Files.copy(project.resolve("exercises/README.md"), target.resolve("README.md"));
        List<Path> adapted = new ArrayList<>();
        for (String file : List.of("pom.xml", "LIBRARY.md", "README.md", "exercises/README.md")) {
            adapted.add(target.resolve(file));
        }
        for (Path file : adapted) {
            Files.writeString(file, withoutInstructorParts(Files.readString(file, StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
        }
        // A page's links up to the project's README (../README.md from docs/) now lead to LIBRARY.md.
        for (Path page : pages(target)) {
            String up = "../".repeat(target.relativize(page).getNameCount() - 1);
            String text = withoutInstructorParts(Files.readString(page, StandardCharsets.UTF_8));
            Files.writeString(page, text.replace("](" + up + "README.md", "](" + up + "LIBRARY.md"),
                    StandardCharsets.UTF_8);
        }
        // The untouched skeletons, which the build compiles the tests against (exercises/ is the student's).
        Path skeletons = target.resolve("src/skeletons/org/emgmm/exercises");
        Files.createDirectories(skeletons);
        try (Stream<Path> files = Files.list(project.resolve("exercises/org/emgmm/exercises"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Files.copy(file, skeletons.resolve(file.getFileName()));
            }
        }
        Path ignore = target.resolve(".gitignore");
        String ignored = Files.exists(ignore) ? Files.readString(ignore, StandardCharsets.UTF_8) : "";
        if (!ignored.lines().anyMatch(line -> line.strip().equals("pictures/"))) {
            Files.writeString(ignore, ignored + (ignored.isEmpty() || ignored.endsWith("\n") ? "" : "\n")
                    + "pictures/\n", StandardCharsets.UTF_8);
        }
    }

    /** The Markdown pages under {@code docs/} of a project or handout (none when it has no docs/). */
    private static List<Path> pages(Path root) throws IOException {
        Path docs = root.resolve("docs");
        if (!Files.isDirectory(docs)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(docs)) {
            return paths.filter(path -> path.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static void copy(Path from, Path to, Path project) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.sorted().toList()) {
                String relative = project.relativize(path).toString().replace('\\', '/');
                if (EXCLUDED.stream().anyMatch(excluded -> relative.equals(excluded) || relative.startsWith(excluded
                        + "/"))) {
                    continue;
                }
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target);
                }
            }
        }
    }

    /**
     * A file (the pom, a README) without the parts between the instructor markers, marker lines
     * included. In Markdown the markers are HTML comments, so they do not show in the project's README.
     */
    static String withoutInstructorParts(String pom) {
        StringBuilder kept = new StringBuilder();
        boolean inside = false;
        for (String line : pom.split("\n", -1)) {
            if (line.contains(INSTRUCTOR_BEGIN)) {
                inside = true;
            } else if (line.contains(INSTRUCTOR_END)) {
                inside = false;
            } else if (!inside) {
                kept.append(line).append('\n');
            }
        }
        if (inside) {
            throw new IllegalStateException("a file has " + INSTRUCTOR_BEGIN + " without " + INSTRUCTOR_END);
        }
        return kept.substring(0, kept.length() - 1);
    }

    /** What is wrong with the handout in {@code handout}, made from {@code project}; empty when nothing is. */
    static List<String> problems(Path handout, Path project) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(handout.resolve("pom.xml"))) {
            problems.add(handout + " has no pom.xml: is it a handout?");
            return problems;
        }
        for (String forbidden : FORBIDDEN) {
            if (Files.exists(handout.resolve(forbidden))) {
                problems.add("it has " + forbidden + "/, which students must not get");
            }
        }
        if (Files.readString(handout.resolve("pom.xml"), StandardCharsets.UTF_8).contains("org.emgmm.instructor")) {
            problems.add("its pom.xml still names the instructors' tools");
        }
        for (Path file : studentDocuments(handout)) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                for (String word : INSTRUCTORS_WORDS) {
                    if (lines.get(i).toLowerCase(java.util.Locale.ROOT).contains(word)) {
                        problems.add(handout.relativize(file) + " line " + (i + 1) + " speaks of '" + word
                                + "', which students do not have: " + lines.get(i).strip());
                    }
                }
            }
        }
        for (Path file : textFiles(handout)) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                for (String command : INSTRUCTORS_COMMANDS) {
                    if (lines.get(i).toLowerCase(java.util.Locale.ROOT).contains(command)) {
                        problems.add(handout.relativize(file) + " line " + (i + 1) + " names '" + command
                                + "', which only the full repository has: " + lines.get(i).strip());
                    }
                }
            }
        }
        Set<String> solutionLines = solutionOnlyLines(project);
        for (Path file : textFiles(handout)) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (solutionLines.contains(lines.get(i).strip())) {
                    problems.add(handout.relativize(file) + " line " + (i + 1) + " is solution code: "
                            + lines.get(i).strip());
                }
            }
        }
        return problems;
    }

    /**
     * The lines that only the worked solutions have: each line of {@code solutions/} (stripped, at least
     * {@link #SHORTEST_TELLING_LINE} long) that is in no skeleton file and no file under {@code src/}.
     */
    static Set<String> solutionOnlyLines(Path project) throws IOException {
        Set<String> elsewhere = new HashSet<>();
        for (Path file : textFiles(project.resolve("exercises"))) {
            lines(file).forEach(line -> elsewhere.add(line.strip()));
        }
        for (Path file : textFiles(project.resolve("src"))) {
            lines(file).forEach(line -> elsewhere.add(line.strip()));
        }
        Set<String> only = new TreeSet<>();
        for (Path file : textFiles(project.resolve("solutions"))) {
            for (String line : lines(file)) {
                String stripped = line.strip();
                if (stripped.length() >= SHORTEST_TELLING_LINE && !elsewhere.contains(stripped)) {
                    only.add(stripped);
                }
            }
        }
        return only;
    }

    private static List<Path> textFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> path.toString().matches(".*\\.(java|md|xml|txt|csv|json|properties)$"))
                    .filter(path -> !folder.relativize(path).toString().startsWith("target"))
                    .sorted().toList();
        }
    }

    private static List<String> lines(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return List.of();
        }
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.findAny().isEmpty();
        }
    }
}
