package org.emgmm.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a submission's exercise files so that one file that does not compile costs only its own
 * exercise's points.
 *
 * <p>The files are compiled together against the library. When some do not compile, each of them is
 * replaced by its untouched skeleton from {@code exercises/} (a file the skeleton does not have, a
 * student's helper class, is left out), and the rest is compiled again, until everything compiles.
 * The replaced exercise then fails its tests as "not started", and its report shows the compiler's
 * message instead. A file missing from the submission is taken from the skeleton in the same way.
 *
 * <p>Once everything compiles, the own-work check ({@link org.emgmm.grading.OwnWork}) judges the whole
 * submission: an exercise whose code, in its own file or in any file it reaches (a helper class, another
 * exercise), uses what that exercise may not use is graded from its skeleton, the note naming the use,
 * its file and its line; a file no exercise reaches that breaks a rule is left out. Then it compiles
 * again, until nothing is refused.
 *
 * <p>Compiling runs no student code: annotation processing is off ({@code -proc:none}).
 */
final class Compilation {

    /** Compiler errors quoted per file in a report: the first few say what is wrong. */
    static final int ERRORS_QUOTED = 3;

    /** Why a file of the submission was not graded as written, by file name. */
    private final Map<String, String> replaced = new TreeMap<>();

    private final Path classes;

    /** The own-work rules this compilation enforces. */
    private final java.util.Set<org.emgmm.grading.OwnWork.Rule> rules;

    private Compilation(Path classes, java.util.Set<org.emgmm.grading.OwnWork.Rule> rules) {
        this.classes = classes;
        this.rules = java.util.Set.copyOf(rules);
    }

    /** The compiled classes of the submission (after any replacements). */
    Path classes() {
        return classes;
    }

    /** File name → why it was graded from the skeleton instead (does not compile, or missing). */
    Map<String, String> replaced() {
        return replaced;
    }

    /**
     * Compiles the submission in {@code studentFolder} into {@code scratch/classes}.
     *
     * @param skeletons the folder of untouched skeleton files ({@code exercises/org/emgmm/exercises})
     * @param classpath the library and test classes the exercises compile against
     */
    static Compilation compile(Path studentFolder, Path skeletons, String classpath, Path scratch) throws IOException {
        return compile(studentFolder, skeletons, classpath, scratch, java.util.EnumSet.allOf(
                org.emgmm.grading.OwnWork.Rule.class));
    }

    /**
     * As {@link #compile(Path, Path, String, Path)}, enforcing only some of the own-work rules: the
     * sandbox's own tests turn "computing only" off, to show what the sandbox stops by itself.
     */
    static Compilation compile(Path studentFolder, Path skeletons, String classpath, Path scratch,
            java.util.Set<org.emgmm.grading.OwnWork.Rule> rules) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("this Java has no compiler: run the grader with a JDK, not a JRE");
        }
        Path sources = scratch.resolve("sources/org/emgmm/exercises");
        Compilation result = new Compilation(scratch.resolve("classes"), rules);
        result.gatherSources(studentFolder, skeletons, sources);
        int rounds = countJavaFiles(sources) + 2;
        for (int round = 0; round < rounds; round++) {
            Map<Path, List<String>> errors = result.compileOnce(compiler, sources, classpath);
            if (errors.isEmpty() && result.foreign.isEmpty() && result.ownWork.isEmpty()) {
                return result;
            }
            if (errors.isEmpty()) {
                result.leaveOutForeignClasses(skeletons);
                result.leaveOutDelegation(sources, skeletons);
                continue;
            }
            for (Map.Entry<Path, List<String>> failed : errors.entrySet()) {
                result.replaceWithSkeleton(failed.getKey(), skeletons, failed.getValue());
            }
        }
        throw new IllegalStateException("the skeletons in " + skeletons + " do not compile against the library:"
                + " rebuild the project (mvn test-compile) and try again");
    }

    /** The only package a submission's classes may be in. */
    static final String EXERCISES_PACKAGE = "org.emgmm.exercises";

    /**
     * Source file → the classes it declares outside {@link #EXERCISES_PACKAGE}, from the last compilation:
     * a test class planted in the graders' package, or a replacement for a library class.
     */
    private final Map<Path, List<String>> foreign = new LinkedHashMap<>();

    /** The last compilation's uses of what an exercise may not use ({@link org.emgmm.grading.OwnWork}). */
    private final List<org.emgmm.grading.OwnWork.Violation> ownWork = new ArrayList<>();

    /**
     * Copies the student's Java files, and the skeleton of every expected file the student left out. A
     * file that is not an exercise and looks like a test ({@code ...Test.java}) is left out with a note:
     * only the grader's tests run.
     */
    private void gatherSources(Path studentFolder, Path skeletons, Path sources) throws IOException {
        Files.createDirectories(sources);
        try (Stream<Path> files = Files.list(studentFolder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!Files.exists(skeletons.resolve(name)) && name.matches(".*Tests?\\.java")) {
                    replaced.put(name, "left out: it is not one of the exercise files, and tests are the grader's");
                    continue;
                }
                Files.copy(file, sources.resolve(name));
            }
        }
        try (Stream<Path> files = Files.list(skeletons)) {
            for (Path skeleton : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Path target = sources.resolve(skeleton.getFileName().toString());
                if (!Files.exists(target)) {
                    Files.copy(skeleton, target);
                    replaced.put(skeleton.getFileName().toString(), "missing from the submission, so graded as"
                            + " not started");
                }
            }
        }
    }

    /** One javac run over every file; the errors by file, empty when it compiled. */
    private Map<Path, List<String>> compileOnce(JavaCompiler compiler, Path sources, String classpath)
            throws IOException {
        deleteTree(classes);
        Files.createDirectories(classes);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8); Stream<Path> list = Files.list(sources)) {
            List<Path> javaFiles = list.filter(f -> f.toString().endsWith(".java")).sorted().toList();
            List<String> options = List.of("-d", classes.toString(), "-classpath", classpath, "--release", "17",
                    "-proc:none", "-encoding", "UTF-8", "-nowarn", "-Xlint:none", "-implicit:none");
            com.sun.source.util.JavacTask task = (com.sun.source.util.JavacTask) compiler.getTask(null, files,
                    diagnostics, options, null, files.getJavaFileObjectsFromPaths(javaFiles));
            foreign.clear();
            ownWork.clear();
            org.emgmm.grading.SubmissionGraph graph = new org.emgmm.grading.SubmissionGraph();
            task.addTaskListener(new com.sun.source.util.TaskListener() {
                @Override
                public void finished(com.sun.source.util.TaskEvent event) {
                    if (event.getKind() == com.sun.source.util.TaskEvent.Kind.ANALYZE && event.getTypeElement() != null) {
                        graph.addClass(task, event.getTypeElement());
                    }
                    if (event.getKind() == com.sun.source.util.TaskEvent.Kind.ANALYZE && event.getTypeElement() != null
                            && event.getSourceFile() != null) {
                        String type = event.getTypeElement().getQualifiedName().toString();
                        String packageName = task.getElements().getPackageOf(event.getTypeElement())
                                .getQualifiedName().toString();
                        if (!packageName.equals(EXERCISES_PACKAGE)) {
                            foreign.computeIfAbsent(Path.of(event.getSourceFile().toUri()), f -> new ArrayList<>())
                                    .add(type);
                        }
                    }
                }
            });
            boolean compiled = task.call();
            if (compiled) {
                // The own-work rules follow the code across files: judged once every class is analysed.
                graph.violations().stream().filter(violation -> rules.contains(violation.rule())).forEach(ownWork::add);
            }
            Map<Path, List<String>> errors = new LinkedHashMap<>();
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                if (diagnostic.getKind() == Diagnostic.Kind.ERROR && diagnostic.getSource() != null) {
                    Path file = Path.of(diagnostic.getSource().toUri());
                    errors.computeIfAbsent(file, f -> new ArrayList<>()).add(file.getFileName() + ":"
                            + diagnostic.getLineNumber() + ": " + diagnostic.getMessage(Locale.ROOT).strip()
                            .replaceAll("\\s*\\R\\s*", " "));
                }
            }
            if (!compiled && errors.isEmpty()) {
                throw new IllegalStateException("javac failed without naming a file: " + diagnostics.getDiagnostics());
            }
            return errors;
        }
    }

    /** Replaces a file that does not compile by its skeleton (or drops it when it has none). */
    private void replaceWithSkeleton(Path file, Path skeletons, List<String> errors) throws IOException {
        String name = file.getFileName().toString();
        Path skeleton = skeletons.resolve(name);
        String quoted = String.join("; ", errors.subList(0, Math.min(ERRORS_QUOTED, errors.size())))
                + (errors.size() > ERRORS_QUOTED ? "; and " + (errors.size() - ERRORS_QUOTED) + " more" : "");
        if (Files.exists(skeleton) && replaced.containsKey(name)) {
            // The skeleton does not compile with the other files either: one of them changed a signature
            // this file relies on. Grade every file from its skeleton.
            replaceAll(file.getParent(), skeletons, "the files do not compile together (was a signature"
                    + " changed?), so every exercise is graded as not started: " + quoted);
            return;
        }
        if (Files.exists(skeleton)) {
            Files.copy(skeleton, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            replaced.put(name, "does not compile, so graded as not started: " + quoted);
        } else {
            Files.delete(file);
            replaced.put(name, "does not compile, so left out: " + quoted);
        }
    }

    /**
     * Every file that declared a class outside {@link #EXERCISES_PACKAGE}: an exercise file is graded from
     * its skeleton, another file is left out, each with a note naming the class.
     */
    private void leaveOutForeignClasses(Path skeletons) throws IOException {
        for (Map.Entry<Path, List<String>> entry : foreign.entrySet()) {
            Path file = entry.getKey();
            String name = file.getFileName().toString();
            String why = "declares " + String.join(", ", entry.getValue()) + " outside package " + EXERCISES_PACKAGE
                    + " (keep the package line as given)";
            Path skeleton = skeletons.resolve(name);
            if (Files.exists(skeleton)) {
                Files.copy(skeleton, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                replaced.put(name, why + ", so graded as not started");
            } else {
                Files.delete(file);
                replaced.put(name, why + ", so left out");
            }
        }
        foreign.clear();
    }

    /**
     * Every exercise whose code (in its file or in a file it reaches) uses what it may not use: graded
     * from its skeleton, with the first such use, its file and its line in the note. A file no exercise
     * reaches that breaks a rule is left out.
     */
    private void leaveOutDelegation(Path sources, Path skeletons) throws IOException {
        for (Map.Entry<String, org.emgmm.grading.OwnWork.Violation> paying
                : org.emgmm.grading.OwnWork.firstByPayer(ownWork).entrySet()) {
            String name = paying.getKey();
            Path file = sources.resolve(name);
            Path skeleton = skeletons.resolve(name);
            if (Files.exists(skeleton)) {
                Files.copy(skeleton, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                replaced.put(name, paying.getValue().message() + ", so graded as not started");
            } else if (Files.exists(file)) {
                Files.delete(file);
                replaced.put(name, paying.getValue().message() + ", so left out");
            }
        }
        ownWork.clear();
    }

    /** Replaces every file not yet replaced by its skeleton, and drops the files without one. */
    private void replaceAll(Path sources, Path skeletons, String reason) throws IOException {
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = file.getFileName().toString();
                Path skeleton = skeletons.resolve(name);
                if (Files.exists(skeleton)) {
                    Files.copy(skeleton, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.delete(file);
                }
                replaced.putIfAbsent(name, reason);
            }
        }
    }

    private static int countJavaFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.filter(f -> f.toString().endsWith(".java")).count();
        }
    }

    /** Deletes a folder and everything in it, if it exists. */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
