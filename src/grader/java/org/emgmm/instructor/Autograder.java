package org.emgmm.instructor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a Gradescope autograder bundle from this project, in one command:
 * <pre>
 *   mvn -q package -Pautograder -DskipTests        writes target/autograder.zip
 * </pre>
 * The zip holds {@code setup.sh} and {@code run_autograder} at its top, and under {@code source/} the
 * project without {@code solutions/}: the library, the graded tests, the skeletons and the grader, and
 * the hidden tests compiled, never their sources ({@code source/hidden-tests-classes/}, which the
 * {@code hidden-tests-classes} profile of the pom copies among the compiled tests). Before writing, it
 * checks that no line of the worked solutions is in it ({@link Handout#solutionOnlyLines}).
 * {@code run_autograder} grades {@code /autograder/submission} with {@code --single --sandbox auto}
 * (inside bubblewrap when the container allows it, without a sandbox otherwise), copies the report to
 * {@code /autograder/results/results.json}, whose {@code extra_data.sandbox} says which, and prints it;
 * the environment variable {@code AUTOGRADER_ROOT} moves {@code /autograder} under another folder, so
 * that the bundle can be tried without Gradescope.
 */
public final class Autograder {

    /**
     * What goes under source/: everything a grading run needs, and nothing of the solutions (docs/ and
     * its pictures stay behind: large, and not needed to grade). The hidden tests go in compiled only
     * ({@link #HIDDEN_CLASSES}).
     */
    static final List<String> INCLUDED = List.of("pom.xml", "README.md", "exercises", "src");

    /** Where the build compiles the hidden tests, in the project. */
    static final String COMPILED_HIDDEN = "target/test-classes/org/emgmm/grading/hidden";

    /** Where the bundle carries them, under source/: the pom's {@code hidden-tests-classes} profile reads it. */
    static final String HIDDEN_CLASSES = "hidden-tests-classes";

    static final String SETUP = """
            #!/usr/bin/env bash
            # Gradescope runs this once, as root, to build the autograder's image.
            set -euo pipefail
            export DEBIAN_FRONTEND=noninteractive
            apt-get update -qq
            apt-get install -y -qq openjdk-17-jdk-headless maven bubblewrap fontconfig fonts-dejavu-core
            cd "$(dirname "$0")/source"
            mvn -q test-compile            # fills the Maven cache, so that grading works offline
            """;

    static final String RUN = """
            #!/usr/bin/env bash
            # Gradescope runs this for each submission: it grades /autograder/submission and writes
            # /autograder/results/results.json. AUTOGRADER_ROOT=DIR uses DIR/autograder instead (for trying it).
            set -euo pipefail
            autograder="${AUTOGRADER_ROOT:-}/autograder"
            grades="$(mktemp -d)"
            trap 'rm -rf "$grades"' EXIT
            cd "$autograder/source"
            # --sandbox auto: inside bubblewrap when this container lets it make namespaces, else without a
            # sandbox (with a warning); results.json's extra_data says which.
            mvn -q -o test-compile -Pgrade \\
              -Dgrade="--single $autograder/submission --out $grades/out --sandbox auto"
            mkdir -p "$autograder/results"
            cp "$grades/out/submissions/submission/results.json" "$autograder/results/results.json"
            grep -o '"sandbox": "[a-z]*"' "$autograder/results/results.json" || true
            """;

    private Autograder() {
    }

    /** {@code Autograder [ZIP]}: builds the bundle (default target/autograder.zip) from the current folder. */
    public static void main(String[] args) throws IOException {
        Path zip = Path.of(args.length > 0 ? args[0] : "target/autograder.zip");
        List<String> problems = build(Path.of("."), zip);
        if (!problems.isEmpty()) {
            System.err.println("autograder: not written: " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
            System.exit(2);
        }
        System.out.println("autograder bundle: " + zip + " (upload it as the autograder's zip)");
    }

    /**
     * Writes the bundle for {@code project} to {@code zip}, unless it would hold a line of the worked
     * solutions, or the hidden tests are not compiled.
     *
     * @return the problems found; empty when the bundle was written
     */
    static List<String> build(Path project, Path zip) throws IOException {
        Set<String> solutionLines = Handout.solutionOnlyLines(project);
        List<Path> files = new ArrayList<>();
        for (String included : INCLUDED) {
            Path path = project.resolve(included);
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            }
        }
        List<String> problems = new ArrayList<>();
        List<Path> hiddenClasses = compiledHiddenTests(project, problems);
        for (Path file : files) {
            if (project.relativize(file).startsWith("solutions")) {
                problems.add(project.relativize(file) + " is a solution file");
            }
            if (file.toString().endsWith(".java") || file.toString().endsWith(".md")) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (solutionLines.contains(lines.get(i).strip())) {
                        problems.add(project.relativize(file) + " line " + (i + 1) + " is solution code");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        Files.createDirectories(zip.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(zip.toAbsolutePath().getParent(), ".autograder", ".zip.tmp");
        try (OutputStream out = Files.newOutputStream(temporary); ZipOutputStream bundle = new ZipOutputStream(out)) {
            add(bundle, "setup.sh", SETUP.getBytes(StandardCharsets.UTF_8));
            add(bundle, "run_autograder", RUN.getBytes(StandardCharsets.UTF_8));
            for (Path file : files) {
                add(bundle, "source/" + project.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            for (Path file : hiddenClasses) {
                add(bundle, "source/" + HIDDEN_CLASSES + "/org/emgmm/grading/hidden/" + file.getFileName(),
                        Files.readAllBytes(file));
            }
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return List.of();
    }

    /**
     * The compiled hidden tests, when the project has hidden tests: every class file the build made of
     * them (nested classes too). A problem is noted when there are sources but no classes.
     *
     * @param project  the project's folder
     * @param problems where a problem is noted
     * @return the class files, in name order
     */
    private static List<Path> compiledHiddenTests(Path project, List<String> problems) throws IOException {
        Path sources = project.resolve("hidden-tests");
        Path compiled = project.resolve(COMPILED_HIDDEN);
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        if (!Files.isDirectory(compiled)) {
            problems.add("the hidden tests are not compiled (no " + COMPILED_HIDDEN + "): run mvn test-compile first");
            return List.of();
        }
        try (Stream<Path> classes = Files.list(compiled)) {
            return classes.filter(file -> file.toString().endsWith(".class")).sorted().toList();
        }
    }

    private static void add(ZipOutputStream bundle, String name, byte[] bytes) throws IOException {
        bundle.putNextEntry(new ZipEntry(name));
        bundle.write(bytes);
        bundle.closeEntry();
    }
}
