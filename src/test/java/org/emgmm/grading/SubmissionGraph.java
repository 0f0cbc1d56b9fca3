package org.emgmm.grading;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.TypeElement;

/**
 * The own-work check over a whole submission: which files' code each exercise runs, and the rules
 * that code is held to.
 *
 * <p><b>The graph.</b> Each file of the submission is a node. File A has an edge to file B when A's
 * code names anything B declares: a class (to create it, extend it, implement it, cast to it, or name
 * it in a class literal), a method (called, or taken as a method reference, by static import too), a
 * field, a constructor. Nested, local and anonymous classes and lambdas belong to the file they are
 * written in, and field initialisers and static blocks are code of their file like any method. Since
 * exercise code may not load a class by its name (reflection is refused), the classes an exercise's
 * code can ever run are those its file reaches in this graph: its <em>closure</em>.
 *
 * <p><b>The rules.</b> Every file is held to the list of every exercise whose closure holds it
 * ({@link AllowLists}): a helper that exercise 4 calls, to exercise 4's list; a helper that exercises
 * 3 and 4 both call, to both, so to the stricter of the two where they differ; another exercise's file
 * that exercise 7 calls, to exercise 7's list as well as its own. A file that no exercise reaches
 * (nor {@code StudentEm.java}) is held to what every exercise may use. Everything of the JDK is held to
 * "computing only" ({@link ComputingOnly}) wherever it is.
 *
 * <p><b>The verdict.</b> A use that breaks an exercise's rules is a {@link OwnWork.Violation} of that
 * exercise, with the file and line of the use: the grader grades that exercise as not started. Only
 * the exercises whose lists the use breaks pay for it: when exercises 4 and 7 share a helper that uses
 * the mixture's densities, exercise 7, which may not, is graded as not started, and exercise 4 keeps
 * the helper (once exercise 7's file is its skeleton, only exercise 4 reaches it). A use in a file no
 * exercise reaches is a violation of that file alone: it is left out.
 */
public final class SubmissionGraph {

    /** What one file declares and uses. */
    private static final class FileUses {

        /** The qualified names of the top-level classes the file declares. */
        private final Set<String> declared = new TreeSet<>();

        /** Every use in the file's code, in the order they appear. */
        private final List<UseScanner.Use> uses = new ArrayList<>();
    }

    /** File name → what it declares and uses; sorted, so the verdict comes in the same order every time. */
    private final Map<String, FileUses> files = new TreeMap<>();

    /** A graph with no file yet: add each with {@link #addUnit} or each class with {@link #addClass}. */
    public SubmissionGraph() {
    }

    /**
     * Adds a whole file, analysed (after {@link JavacTask#analyze()}).
     *
     * @param task the compilation
     * @param unit one of its files
     */
    public void addUnit(JavacTask task, CompilationUnitTree unit) {
        FileUses file = file(unit);
        Trees trees = Trees.instance(task);
        for (Tree declaration : unit.getTypeDecls()) {
            if (declaration instanceof ClassTree) {
                TypeElement type = (TypeElement) trees.getElement(new TreePath(new TreePath(unit), declaration));
                if (type != null) {
                    file.declared.add(type.getQualifiedName().toString());
                }
            }
        }
        new UseScanner(task, unit, file.uses).scan(unit, null);
    }

    /**
     * Adds one top-level class, from a task listener's ANALYZE event for it. A class is scanned when
     * javac has just analysed it: a file's other classes may not be analysed yet at that moment, and the
     * ones before it may already have been rewritten for code generation.
     *
     * @param task the compilation
     * @param type the class just analysed
     */
    public void addClass(JavacTask task, TypeElement type) {
        TreePath path = Trees.instance(task).getPath(type);
        if (path == null) {
            return;
        }
        FileUses file = file(path.getCompilationUnit());
        file.declared.add(type.getQualifiedName().toString());
        new UseScanner(task, path.getCompilationUnit(), file.uses).scan(path, null);
    }

    private FileUses file(CompilationUnitTree unit) {
        return files.computeIfAbsent(Path.of(unit.getSourceFile().toUri()).getFileName().toString(),
                name -> new FileUses());
    }

    /**
     * Every use that breaks a rule, by the exercises it concerns: for a file that exercises reach, one
     * violation per exercise whose rules the use breaks (when an exercise itself breaks them,
     * {@code StudentEm.java} and {@code StudentVectorisedEm.java}, which only assemble exercises, are not
     * named too); for a file no
     * exercise reaches, one violation of the file itself.
     *
     * @return the violations, file by file in name order, each file's in the order of its code
     */
    public List<OwnWork.Violation> violations() {
        Map<String, String> fileOf = new HashMap<>();
        files.forEach((name, file) -> file.declared.forEach(type -> fileOf.put(type, name)));
        Map<String, Set<String>> reachedFrom = new HashMap<>();
        for (String root : files.keySet()) {
            if (AllowLists.hasList(root)) {
                for (String reached : closure(root, fileOf)) {
                    reachedFrom.computeIfAbsent(reached, f -> new TreeSet<>()).add(root);
                }
            }
        }
        Set<OwnWork.Violation> found = new LinkedHashSet<>();
        files.forEach((name, file) -> {
            Set<String> roots = reachedFrom.getOrDefault(name, Set.of());
            for (UseScanner.Use use : file.uses) {
                if (!fileOf.containsKey(use.topLevel())) {
                    judge(name, use, roots, found);
                }
            }
        });
        return List.copyOf(found);
    }

    /** Adds to {@code found} the violations of one use in {@code file}, which {@code roots} reach. */
    private static void judge(String file, UseScanner.Use use, Set<String> roots, Set<OwnWork.Violation> found) {
        List<OwnWork.Violation> of = new ArrayList<>();
        if (roots.isEmpty()) {
            OwnWork.Rule rule = OwnWork.broken(file, use.pack(), use.owner(), use.member());
            if (rule != null) {
                of.add(new OwnWork.Violation(file, use.line(), use.used(), rule, null));
            }
        }
        for (String root : roots) {
            OwnWork.Rule rule = OwnWork.broken(root, use.pack(), use.owner(), use.member());
            if (rule != null) {
                of.add(new OwnWork.Violation(file, use.line(), use.used(), rule, root));
            }
        }
        if (of.stream().anyMatch(violation -> !AllowLists.isAssembly(violation.exercise()))) {
            of.removeIf(violation -> AllowLists.isAssembly(violation.exercise()));
        }
        found.addAll(of);
    }

    /** The files {@code root}'s code reaches, itself included. */
    private Set<String> closure(String root, Map<String, String> fileOf) {
        Set<String> reached = new LinkedHashSet<>(List.of(root));
        Deque<String> next = new ArrayDeque<>(reached);
        while (!next.isEmpty()) {
            for (UseScanner.Use use : files.get(next.pop()).uses) {
                String target = fileOf.get(use.topLevel());
                if (target != null && reached.add(target)) {
                    next.push(target);
                }
            }
        }
        return reached;
    }
}
