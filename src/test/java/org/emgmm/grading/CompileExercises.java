package org.emgmm.grading;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The students' build compiles their exercise files with this program, so that one file that does not
 * compile costs only its own exercise: the build first compiles the untouched skeletons with the
 * library (and the tests against them), then this program compiles the student's files over the
 * skeletons' classes. A file that does not compile is left out, and its skeleton's class stays in its
 * place, so its exercise is graded as not started while every other exercise is graded as written. The
 * compiler's messages go to a report file that the score table ({@link GradeReporter}) shows at its
 * top, and to the build's output.
 *
 * <p>Once everything compiles, the "own work only" rules ({@link OwnWork}) judge the files as one
 * submission, as the grading of a submission does: an exercise whose code uses what it may not use (in
 * its own file or in a file it reaches) is compiled from its skeleton instead, so it scores 0 here as
 * it will there, and the use, its file and its line go to a second report ({@link #ownWorkReport}); a
 * file no exercise reaches that breaks a rule is left out. Then it compiles again, until nothing is
 * refused. Trade-off: the student's own version of that exercise is not run at all, so its tests show
 * the skeleton's "not done yet"; the report names the use that caused it, in the exercise's rows.
 * <pre>
 *   CompileExercises BASEDIR SOURCES SKELETONS CLASSES REPORT
 * </pre>
 * SOURCES and SKELETONS are folders holding {@code org/emgmm/exercises} (SOURCES relative to the
 * project's folder BASEDIR, or absolute); CLASSES is the build's classes
 * folder, which holds the library and the skeletons' classes and gets the student's; REPORT is written
 * (a properties file: file name → its first errors) when a file does not compile, and deleted when all
 * do. Compiling runs no student code: annotation processing is off.
 */
public final class CompileExercises {

    /** The system property naming the report for {@link GradeReporter}. */
    public static final String REPORT_PROPERTY = "emgmm.grade.compileErrors";

    /** The package folder of the exercises. */
    private static final String PACKAGE_FOLDER = "org/emgmm/exercises";

    /** How many of a file's errors are quoted: the first ones tell what is wrong, the rest follow from them. */
    static final int ERRORS_QUOTED = 3;

    private CompileExercises() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: CompileExercises BASEDIR SOURCES SKELETONS CLASSES REPORT");
        }
        Path basedir = Path.of(args[0]);
        Outcome outcome = compile(basedir.resolve(args[1]), Path.of(args[2]), Path.of(args[3]),
                System.getProperty("java.class.path"));
        Path report = Path.of(args[4]);
        writeReport(outcome.broken(), report);
        writeReport(outcome.refused(), ownWorkReport(report));
        outcome.broken().forEach((file, errors) -> System.out.println("[exercises] " + file
                + " does not compile, so its exercise is graded as not started: " + errors));
        outcome.refused().forEach((file, use) -> System.out.println("[exercises] " + file + " " + REFUSED + use));
    }

    /** What the table and the build's output say of a file refused for a use: "… " + the use's message. */
    static final String REFUSED = "is graded as not started (its skeleton runs in its place) for a use it may"
            + " not make: ";

    /**
     * What became of the student's files.
     *
     * @param broken  file name → its first compiler errors, for the files that do not compile
     * @param refused file name → its first use of what it may not use ({@link OwnWork.Violation#message}),
     *                for the files compiled from their skeletons (or left out) for it
     */
    record Outcome(Map<String, String> broken, Map<String, String> refused) {
    }

    /**
     * The report of the uses refused, beside the report of the compiler's errors.
     *
     * @param report the compiler errors' report
     * @return {@code own-work.properties} in the same folder
     */
    static Path ownWorkReport(Path report) {
        return report.toAbsolutePath().resolveSibling("own-work.properties");
    }

    /** Writes {@code broken} to {@code report}, or deletes the report when nothing is broken. */
    static void writeReport(Map<String, String> broken, Path report) throws IOException {
        Files.deleteIfExists(report);
        if (broken.isEmpty()) {
            return;
        }
        Properties properties = new Properties();
        properties.putAll(broken);
        Files.createDirectories(report.toAbsolutePath().getParent());
        try (var out = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
            properties.store(out, "exercise files that do not compile, and their first errors");
        }
    }

    /**
     * Compiles the files of {@code sources} into {@code classes}, leaving out each file that does not
     * compile or breaks an own-work rule, and compiling its skeleton in its place.
     *
     * @param classpath what the exercises compile against besides {@code classes}
     * @return the files left out and why, each map in name order
     */
    static Outcome compile(Path sources, Path skeletons, Path classes, String classpath)
            throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("this Java has no compiler: run Maven with a JDK, not a JRE");
        }
        Map<String, Path> files = new TreeMap<>();
        for (Path file : javaFiles(sources.resolve(PACKAGE_FOLDER))) {
            files.put(file.getFileName().toString(), file);
        }
        Map<String, String> broken = new TreeMap<>();
        Map<String, String> refused = new TreeMap<>();
        // Each round leaves out at least one more file, or puts a skeleton in one more file's place: at most
        // two rounds per file.
        for (int round = 0; round <= 2 * files.size(); round++) {
            List<OwnWork.Violation> uses = new ArrayList<>();
            Map<String, List<String>> errors = compileOnce(compiler, files.values(), classes, classpath, uses);
            if (errors.isEmpty() && uses.isEmpty()) {
                return new Outcome(broken, refused);
            }
            if (errors.isEmpty()) {
                compileSkeletonsForUses(uses, files, skeletons, refused);
                continue;
            }
            for (Map.Entry<String, List<String>> failed : errors.entrySet()) {
                String name = failed.getKey();
                List<String> messages = failed.getValue();
                Path skeleton = skeletons.resolve(PACKAGE_FOLDER).resolve(name);
                if (files.get(name) != null && files.get(name).equals(skeleton)) {
                    throw new IllegalStateException("the skeleton " + skeleton + " does not compile with the other"
                            + " files: " + messages.get(0) + " (was a signature in another file changed?)");
                }
                broken.putIfAbsent(name, String.join("; ", messages.subList(0, Math.min(ERRORS_QUOTED,
                        messages.size()))) + (messages.size() > ERRORS_QUOTED ? "; and " + (messages.size()
                        - ERRORS_QUOTED) + " more" : ""));
                if (Files.isRegularFile(skeleton)) {
                    files.put(name, skeleton);
                } else {
                    files.remove(name);
                }
            }
        }
        throw new IllegalStateException("the exercise files in " + sources + " could not be compiled");
    }

    /**
     * The own-work verdict acted on: each file that pays for a use ({@link OwnWork#firstByPayer}) is
     * replaced by its skeleton, or left out when it has none (a helper no exercise reaches).
     *
     * @param uses    the uses refused in the last compilation
     * @param files   file name → the file compiled for it, changed here
     * @param refused file name → its first use, added to here
     */
    private static void compileSkeletonsForUses(List<OwnWork.Violation> uses, Map<String, Path> files,
            Path skeletons, Map<String, String> refused) {
        for (Map.Entry<String, OwnWork.Violation> paying : OwnWork.firstByPayer(uses).entrySet()) {
            String name = paying.getKey();
            Path skeleton = skeletons.resolve(PACKAGE_FOLDER).resolve(name);
            if (files.get(name) != null && files.get(name).equals(skeleton)) {
                throw new IllegalStateException("the skeleton " + skeleton + " breaks its own-work rules: "
                        + paying.getValue().message());
            }
            refused.putIfAbsent(name, paying.getValue().message());
            if (Files.isRegularFile(skeleton)) {
                files.put(name, skeleton);
            } else {
                files.remove(name);
            }
        }
    }

    /**
     * One javac run over {@code files}: their errors by file name, empty when they compiled; the classes
     * are copied into {@code classes} only when they compiled and break no own-work rule.
     *
     * @param uses gets the uses of what an exercise may not use, when they compiled
     */
    private static Map<String, List<String>> compileOnce(JavaCompiler compiler, java.util.Collection<Path> files,
            Path classes, String classpath, List<OwnWork.Violation> uses) throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path output = Files.createTempDirectory("exercise-classes");
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", output.toString(), "-classpath", classes + java.io.File.pathSeparator
                    + classpath, "--release", "17", "-proc:none", "-encoding", "UTF-8", "-nowarn", "-implicit:none");
            JavacTask task = (JavacTask) compiler.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files));
            SubmissionGraph graph = new SubmissionGraph();
            task.addTaskListener(new TaskListener() {
                @Override
                public void finished(TaskEvent event) {
                    if (event.getKind() == TaskEvent.Kind.ANALYZE && event.getTypeElement() != null) {
                        graph.addClass(task, event.getTypeElement());
                    }
                }
            });
            boolean compiled = task.call();
            if (compiled) {
                // The rules follow the code across files: judged once every class is analysed.
                uses.addAll(graph.violations());
            }
            Map<String, List<String>> errors = new LinkedHashMap<>();
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                if (diagnostic.getKind() == Diagnostic.Kind.ERROR && diagnostic.getSource() != null) {
                    String name = Path.of(diagnostic.getSource().toUri()).getFileName().toString();
                    errors.computeIfAbsent(name, f -> new ArrayList<>()).add(name + " line "
                            + diagnostic.getLineNumber() + ": " + diagnostic.getMessage(Locale.ROOT).strip()
                            .replaceAll("\\s*\\R\\s*", " "));
                }
            }
            if (!compiled && errors.isEmpty()) {
                throw new IllegalStateException("javac failed without naming a file: " + diagnostics.getDiagnostics());
            }
            if (errors.isEmpty() && uses.isEmpty()) {
                copyClasses(output, classes);
            }
            return errors;
        } finally {
            deleteTree(output);
        }
    }

    /** Copies every class file of {@code from} into {@code to}, replacing the skeletons' classes. */
    private static void copyClasses(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                Files.createDirectories(target.getParent());
                Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static List<Path> javaFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The report's entries (file name → its first errors), or none when there is no report. */
    static Map<String, String> readReport(String path) {
        Map<String, String> broken = new TreeMap<>();
        if (path == null || path.isBlank() || !Files.isRegularFile(Path.of(path))) {
            return broken;
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            return broken;
        }
        properties.forEach((file, errors) -> broken.put(file.toString(), errors.toString()));
        return broken;
    }
}
