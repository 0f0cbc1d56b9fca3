package org.emgmm.grading;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Finds everything one file's code uses, on its attributed syntax tree: every name that stands for a
 * class, a field, a method or a constructor, wherever it appears (a call, a field initialiser, a
 * lambda, a method reference, an {@code extends} clause, a nested, local or anonymous class). Each
 * becomes a {@link Use}, whether it is the submission's own code (an edge of {@link SubmissionGraph})
 * or the library's or the JDK's (checked against the rules). Imports are skipped: an import alone runs
 * nothing, and what it imports is found where it is used.
 *
 * <p>Two uses have no name in the code, and are recorded under the name of what they do: a
 * {@code finalize()} method (as {@code java.lang.Object#finalize}), and a try-with-resources on
 * anything but a stream, which calls its {@code close()} (as {@code java.lang.AutoCloseable#close}).
 */
final class UseScanner extends TreePathScanner<Void, Void> {

    /**
     * One use of a class or of one of its members.
     *
     * @param line     the line of the file where it is used
     * @param pack     the package of the class that declares it
     * @param owner    that class, qualified ({@code java.util.Map.Entry} for a nested one)
     * @param member   the member's name ({@link AllowLists#NEW} for a constructor), or null for the class
     * @param topLevel the qualified name of the top-level class around {@code owner}: the submission's own
     *                 code when the submission declares that class
     */
    record Use(long line, String pack, String owner, String member, String topLevel) {

        /** {@return what is used, as {@code owner} or {@code owner#member}} */
        String used() {
            return member == null ? owner : owner + "#" + member;
        }
    }

    private final JavacTask task;
    private final Trees trees;
    private final CompilationUnitTree unit;
    private final List<Use> found;

    /**
     * A scanner that adds to {@code found} every use in {@code unit}'s code.
     *
     * @param task  the compilation, analysed at least as far as the code to scan
     * @param unit  the file the scanned paths belong to
     * @param found where the uses go, in the order they appear
     */
    UseScanner(JavacTask task, CompilationUnitTree unit, List<Use> found) {
        this.task = task;
        this.trees = Trees.instance(task);
        this.unit = unit;
        this.found = found;
    }

    /** An import alone runs nothing: what it imports is found where the code uses it. */
    @Override
    public Void visitImport(ImportTree tree, Void unused) {
        return null;
    }

    /** A simple name: a class, a field, a method called, a local variable (the file's own code). */
    @Override
    public Void visitIdentifier(IdentifierTree tree, Void unused) {
        note(tree, trees.getElement(getCurrentPath()));
        return super.visitIdentifier(tree, unused);
    }

    /** A qualified name or a member of an expression: {@code LogSumExp.of}, {@code model.weight}. */
    @Override
    public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
        note(tree, trees.getElement(getCurrentPath()));
        return super.visitMemberSelect(tree, unused);
    }

    /** A method reference, {@code Help::of}, or a constructor reference, {@code EStep::new}. */
    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        note(tree, trees.getElement(getCurrentPath()));
        return super.visitMemberReference(tree, unused);
    }

    /** A constructor call: the class's name is found below, the constructor only here. */
    @Override
    public Void visitNewClass(NewClassTree tree, Void unused) {
        note(tree, trees.getElement(getCurrentPath()));
        return super.visitNewClass(tree, unused);
    }

    /** A {@code finalize()} method runs when the garbage collector decides, on a thread of its own. */
    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
        if (tree.getName().contentEquals("finalize") && tree.getParameters().isEmpty()) {
            add(tree, "java.lang", "java.lang.Object", "finalize", "java.lang.Object");
        }
        return super.visitMethod(tree, unused);
    }

    /** A try-with-resources calls each resource's {@code close()}, which only a stream may have called. */
    @Override
    public Void visitTry(TryTree tree, Void unused) {
        Types types = task.getTypes();
        TypeElement stream = task.getElements().getTypeElement("java.util.stream.BaseStream");
        for (Tree resource : tree.getResources()) {
            TypeMirror type = trees.getTypeMirror(new TreePath(getCurrentPath(), resource));
            boolean isStream = type != null && type.getKind() == TypeKind.DECLARED && stream != null
                    && types.isSubtype(types.erasure(type), types.erasure(stream.asType()));
            if (!isStream) {
                add(resource, "java.lang", "java.lang.AutoCloseable", "close", "java.lang.AutoCloseable");
            }
        }
        return super.visitTry(tree, unused);
    }

    /** Records the use of {@code element} at {@code tree}, unless it names a package or nothing. */
    private void note(Tree tree, Element element) {
        if (element == null || element.getKind() == ElementKind.PACKAGE) {
            return;
        }
        TypeElement owner = element instanceof TypeElement type ? type : enclosingType(element);
        if (owner == null) {
            return;
        }
        String member = element instanceof TypeElement ? null
                : element.getKind() == ElementKind.CONSTRUCTOR ? AllowLists.NEW : element.getSimpleName().toString();
        String pack = task.getElements().getPackageOf(owner).getQualifiedName().toString();
        add(tree, pack, owner.getQualifiedName().toString(), member, topLevel(owner));
    }

    private void add(Tree tree, String pack, String owner, String member, String topLevel) {
        long position = trees.getSourcePositions().getStartPosition(unit, tree);
        found.add(new Use(unit.getLineMap().getLineNumber(position), pack, owner, member, topLevel));
    }

    /** The class that declares {@code element}, or null when there is none (a package's member). */
    private static TypeElement enclosingType(Element element) {
        Element enclosing = element.getEnclosingElement();
        while (enclosing != null && !(enclosing instanceof TypeElement)) {
            if (enclosing instanceof PackageElement) {
                return null;
            }
            enclosing = enclosing.getEnclosingElement();
        }
        return (TypeElement) enclosing;
    }

    /**
     * The qualified name of the top-level class around {@code type}, through nested, local and anonymous
     * classes: the class whose file the code is in.
     */
    static String topLevel(TypeElement type) {
        TypeElement outer = type;
        for (TypeElement next = enclosingType(outer); next != null; next = enclosingType(next)) {
            outer = next;
        }
        return outer.getQualifiedName().toString();
    }
}
