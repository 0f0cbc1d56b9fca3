package org.emgmm.instructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The class loader of one graded test class: a fresh one for each, defining afresh the test class, the
 * test helpers it uses and every class of the submission, so that nothing static carries over from one
 * exercise's tests to the next. A library object that exercise 6's tests hand the student's loop, kept in
 * a static field of the student's, is gone when exercise 7's tests run: they see new classes, with their
 * fields as the class's own initialisers leave them.
 *
 * <p>What each loader defines itself, and what it takes from the grading JVM's class path:
 * <ul>
 *   <li><b>the submission</b> ({@code org.emgmm.exercises}): from the submission's compiled classes only,
 *       never from the class path; each loader defines its own copy;</li>
 *   <li><b>the tests and their helpers</b> ({@code org.emgmm.grading}, its {@code hidden} package,
 *       {@code org.emgmm.testing}): the bytes from the class path, the class defined afresh, but for the
 *       harness classes in {@link #SHARED}, which the whole run shares;</li>
 *   <li><b>everything else</b> (the JDK, JUnit, the library): the class path's, shared by all. The
 *       library's classes that exercise code may use hold no state a submission could set.</li>
 * </ul>
 * A class whose name is in neither list comes from the class path as before; a harness class that the
 * grading program and the tests must agree on (the report, the time limits, the guard against
 * {@code System.exit}) belongs in {@link #SHARED}.
 *
 * <p>The loader per test class is cheap: the classes it defines are the few of one exercise's tests and
 * the submission's, while the JDK, JUnit and the library are loaded (and compiled to machine code) once
 * per grading JVM.
 */
final class ExerciseLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** The package of the submission's classes, which only the submission's folder provides. */
    static final String SUBMISSION_PACKAGE = "org.emgmm.exercises.";

    /** The packages of the tests and their helpers, defined afresh by each loader (but {@link #SHARED}). */
    static final List<String> TEST_PACKAGES = List.of("org.emgmm.grading.", "org.emgmm.testing.");

    /**
     * The harness classes (with their nested classes) that the whole run shares: the report and its
     * channel, the annotations it reads, the extension with the time limits, the record of threads inside
     * student code, the guard against {@code System.exit} that reads it, and the copies of the student's
     * exceptions that the extension recognises.
     */
    static final Set<String> SHARED = Set.of("org.emgmm.grading.Points", "org.emgmm.grading.Exercise",
            "org.emgmm.grading.GradingExtension", "org.emgmm.grading.StudentCode", "org.emgmm.grading.ExitGuard",
            "org.emgmm.grading.CopiedThrowable",
            "org.emgmm.grading.GradeReporter", "org.emgmm.grading.GradedTest", "org.emgmm.grading.ScoreReport",
            "org.emgmm.grading.ResultChannel", "org.emgmm.grading.ExerciseChecks",
            "org.emgmm.grading.CompileExercises");

    /** The submission's compiled classes. */
    private final Path submission;

    /**
     * A loader for one test class.
     *
     * @param submission the folder of the submission's compiled classes ({@code org/emgmm/exercises/…})
     * @param parent     the grading JVM's class path: the JDK, JUnit, the library, the tests' bytes
     */
    ExerciseLoader(Path submission, ClassLoader parent) {
        super("exercise", parent);
        this.submission = submission;
    }

    /**
     * Whether each loader defines {@code name} afresh.
     *
     * @param name a binary class name
     * @return true for the submission's classes and the tests' and helpers' but {@link #SHARED}
     */
    static boolean definedAfresh(String name) {
        if (name.startsWith(SUBMISSION_PACKAGE)) {
            return true;
        }
        int nested = name.indexOf('$');
        String outer = nested < 0 ? name : name.substring(0, nested);
        return TEST_PACKAGES.stream().anyMatch(name::startsWith) && !SHARED.contains(outer);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!definedAfresh(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = bytesOf(name);
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    /**
     * The class file of a class defined afresh: the submission's from its folder, the tests' from the class
     * path.
     *
     * @throws ClassNotFoundException when there is none
     */
    private byte[] bytesOf(String name) throws ClassNotFoundException {
        String file = name.replace('.', '/') + ".class";
        try {
            if (name.startsWith(SUBMISSION_PACKAGE)) {
                Path path = submission.resolve(file);
                if (Files.isRegularFile(path)) {
                    return Files.readAllBytes(path);
                }
            } else {
                try (InputStream in = getParent().getResourceAsStream(file)) {
                    if (in != null) {
                        return in.readAllBytes();
                    }
                }
            }
        } catch (IOException e) {
            throw new ClassNotFoundException(name + " could not be read", e);
        }
        throw new ClassNotFoundException(name);
    }
}
