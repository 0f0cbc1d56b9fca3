package org.emgmm.grading;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * "Your own work only": what each exercise file may not use, checked on the compiled syntax tree, so
 * that a one-line call into the library cannot stand in for an exercise. The grader leaves a file that
 * breaks a rule out (graded as not started, with the call and its line in the report), and
 * {@code OwnWorkTest} shows students the same check in their own {@code mvn test}.
 *
 * <p>Refused in every exercise file:
 * <ul>
 *   <li>the library's other implementations of EM and everything around them: the packages
 *       {@code org.emgmm.loops}, {@code vectorised}, {@code univariate}, {@code explicitpdf},
 *       {@code compare}, {@code bench}, {@code cli}, {@code plot}, {@code io}, and
 *       {@code org.emgmm.Implementations};</li>
 *   <li>{@code EmLoop.run}, the library's whole EM loop;</li>
 *   <li>reflection and method handles ({@code java.lang.reflect}, {@code java.lang.invoke},
 *       {@code Class.forName} and the {@code Class} methods that find members, class loaders): they
 *       would reach around every other rule.</li>
 * </ul>
 * And in the exercise that teaches it: {@code LogSumExp} in exercise 2; {@code Cholesky} and the
 * mixture's own densities in exercise 3; {@code Responsibilities.componentTotals} in exercise 5;
 * {@code EmAlgorithm.fit} (which runs the library's loop) in exercises 6 and 7, and the mixture's
 * densities in exercise 7. Exercise 4 may use {@code GaussianMixture.logComponentDensity} and
 * {@code LogSumExp.of}, as its text says, so that a slip in exercise 2 or 3 does not cost it points.
 */
public final class OwnWork {

    /** The package of the exercises. */
    static final String EXERCISES = "org.emgmm.exercises";

    private static final List<String> FORBIDDEN_PACKAGES = List.of("org.emgmm.loops", "org.emgmm.vectorised",
            "org.emgmm.univariate", "org.emgmm.explicitpdf", "org.emgmm.compare", "org.emgmm.bench", "org.emgmm.cli",
            "org.emgmm.plot", "org.emgmm.io", "java.lang.reflect", "java.lang.invoke");

    private static final List<String> FORBIDDEN_EVERYWHERE = List.of("org.emgmm.Implementations",
            "org.emgmm.em.EmLoop#run", "java.lang.ClassLoader", "java.lang.Class#forName", "java.lang.Class#getMethod",
            "java.lang.Class#getMethods", "java.lang.Class#getDeclaredMethod", "java.lang.Class#getDeclaredMethods",
            "java.lang.Class#getField", "java.lang.Class#getFields", "java.lang.Class#getDeclaredField",
            "java.lang.Class#getDeclaredFields", "java.lang.Class#getConstructor", "java.lang.Class#getConstructors",
            "java.lang.Class#getDeclaredConstructor", "java.lang.Class#getDeclaredConstructors",
            "java.lang.Class#newInstance", "java.lang.Class#getClassLoader", "sun.misc.Unsafe");

    /** File name prefix → what that exercise may not use besides the above. */
    private static final Map<String, List<String>> FORBIDDEN_IN = Map.of(
            "Ex2", List.of("org.emgmm.model.LogSumExp"),
            "Ex3", List.of("org.emgmm.linalg.Cholesky", "org.emgmm.model.GaussianMixture#logComponentDensity",
                    "org.emgmm.model.GaussianMixture#logDensity", "org.emgmm.model.GaussianMixture#cholesky"),
            "Ex5", List.of("org.emgmm.em.Responsibilities#componentTotals"),
            "Ex6", List.of("org.emgmm.em.EmAlgorithm#fit"),
            "Ex7", List.of("org.emgmm.em.EmAlgorithm#fit", "org.emgmm.model.GaussianMixture#logComponentDensity",
                    "org.emgmm.model.GaussianMixture#logDensity"));

    /**
     * One use of something an exercise may not use.
     *
     * @param file the exercise file, e.g. {@code Ex4EStep.java}
     * @param line its line
     * @param used what it uses, e.g. {@code org.emgmm.loops.LoopsEm#eStep}
     */
    public record Violation(String file, long line, String used) {

        /** "Ex4EStep.java line 57 uses org.emgmm.loops.LoopsEm#eStep, which this exercise may not use: ...". */
        public String message() {
            return String.format(Locale.ROOT, "%s line %d uses %s, which this exercise may not use: write this part"
                    + " yourself (see the exercise's comment for what the library may do for you)", file, line,
                    used.replace('#', '.'));
        }
    }

    private OwnWork() {
    }

    /** The rule {@code used} breaks in {@code file}, or null when it may be used there. */
    static String broken(String file, String ownerClass, String member) {
        String qualified = member == null ? ownerClass : ownerClass + "#" + member;
        for (String forbiddenPackage : FORBIDDEN_PACKAGES) {
            if (ownerClass.startsWith(forbiddenPackage + ".")) {
                return qualified;
            }
        }
        List<String> rules = new ArrayList<>(FORBIDDEN_EVERYWHERE);
        FORBIDDEN_IN.forEach((prefix, extra) -> {
            if (file.startsWith(prefix) && file.length() > prefix.length()
                    && Character.isUpperCase(file.charAt(prefix.length()))) {
                rules.addAll(extra);
            }
        });
        for (String rule : rules) {
            if (rule.equals(ownerClass) || rule.equals(qualified)) {
                return qualified;
            }
        }
        return null;
    }

    /**
     * The violations in the compilation units of {@code task}, which must have been analysed (after
     * {@link JavacTask#analyze()}, or from a task listener's ANALYZE event).
     */
    public static List<Violation> check(JavacTask task, Iterable<? extends CompilationUnitTree> units) {
        Trees trees = Trees.instance(task);
        List<Violation> found = new ArrayList<>();
        for (CompilationUnitTree unit : units) {
            String file = Path.of(unit.getSourceFile().toUri()).getFileName().toString();
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitImport(ImportTree tree, Void unused) {
                    return null;     // an import alone uses nothing
                }

                @Override
                public Void visitIdentifier(IdentifierTree tree, Void unused) {
                    note(tree);
                    return super.visitIdentifier(tree, unused);
                }

                @Override
                public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
                    note(tree);
                    return super.visitMemberSelect(tree, unused);
                }

                @Override
                public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
                    note(tree);
                    return super.visitMemberReference(tree, unused);
                }

                private void note(Tree tree) {
                    Element element = trees.getElement(getCurrentPath());
                    if (element == null || element.getKind() == ElementKind.PACKAGE) {
                        return;
                    }
                    TypeElement owner = element instanceof TypeElement type ? type : enclosingType(element);
                    if (owner == null) {
                        return;
                    }
                    String ownerName = owner.getQualifiedName().toString();
                    String member = element instanceof TypeElement ? null : element.getSimpleName().toString();
                    String used = broken(file, ownerName, member);
                    if (used != null) {
                        long position = trees.getSourcePositions().getStartPosition(unit, tree);
                        Violation violation = new Violation(file, unit.getLineMap().getLineNumber(position), used);
                        if (!found.contains(violation)) {
                            found.add(violation);
                        }
                    }
                }
            }.scan(unit, null);
        }
        return found;
    }

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
     * Checks the exercise files in {@code folder} (its {@code .java} files), compiled in memory against
     * {@code classpath}; nothing is written.
     */
    public static List<Violation> checkFolder(Path folder, String classpath) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("this Java has no compiler: run with a JDK");
        }
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
                Stream<Path> list = Files.list(folder)) {
            List<Path> sources = list.filter(file -> file.toString().endsWith(".java")).sorted().toList();
            JavacTask task = (JavacTask) compiler.getTask(null, files, diagnostic -> { }, List.of("-classpath",
                    classpath, "-proc:none", "--release", "17", "-implicit:none"), null,
                    files.getJavaFileObjectsFromPaths(sources));
            Iterable<? extends CompilationUnitTree> units = task.parse();
            task.analyze();
            return check(task, units);
        }
    }
}
