package org.emgmm;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.explicitpdf.ExplicitPdfEm;
import org.emgmm.loops.LoopsEm;
import org.emgmm.univariate.UnivariateEm;
import org.emgmm.vectorised.VectorisedEm;

/**
 * The library's EM implementations, by the names the command line uses, and the exercises' two.
 *
 * <p>The exercises (package {@code org.emgmm.exercises}, compiled from {@code solutions/} or
 * {@code exercises/}) assemble their E-step, M-step and loop into {@value #STUDENT_CLASS} (exercises 4 to
 * 6) and {@value #STUDENT_VECTORISED_CLASS} (exercise 10 in exercise 6's loop). When those classes are on
 * the class path they are listed last, under their own names ({@code student},
 * {@code student-vectorised}), so that {@code fit --implementation student} runs the student's EM and
 * {@code compare} races the two against the library's. They are found by name rather than referenced,
 * so the library builds and runs without the exercises.
 */
public final class Implementations {

    /** The exercises' EM, listed when present. */
    static final String STUDENT_CLASS = "org.emgmm.exercises.StudentEm";

    /** The exercises' vectorised EM (exercise 10), listed when present. */
    static final String STUDENT_VECTORISED_CLASS = "org.emgmm.exercises.StudentVectorisedEm";

    /** The name the exercises' EM is listed under. */
    public static final String STUDENT_NAME = "student";

    /** The name the exercises' vectorised EM is listed under. */
    public static final String STUDENT_VECTORISED_NAME = "student-vectorised";

    /** The names of the exercises' EMs, which a program built without the exercises does not have. */
    public static final List<String> STUDENT_NAMES = List.of(STUDENT_NAME, STUDENT_VECTORISED_NAME);

    private static final Map<String, Supplier<EmAlgorithm>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put(VectorisedEm.NAME, VectorisedEm::new);
        BY_NAME.put(LoopsEm.NAME, LoopsEm::new);
        BY_NAME.put(UnivariateEm.NAME, UnivariateEm::new);
        BY_NAME.put(ExplicitPdfEm.NAME, ExplicitPdfEm::new);
        registerStudentImplementation(STUDENT_CLASS);
        registerStudentImplementation(STUDENT_VECTORISED_CLASS);
    }

    private Implementations() {
    }

    /**
     * Lists an exercises' EM under its name when its class is on the class path, is an
     * {@link EmAlgorithm} and can be created with a public no-argument constructor; otherwise lists
     * nothing.
     *
     * @param className {@value #STUDENT_CLASS} or {@value #STUDENT_VECTORISED_CLASS}
     */
    private static void registerStudentImplementation(String className) {
        Constructor<? extends EmAlgorithm> constructor;
        try {
            constructor = Class.forName(className).asSubclass(EmAlgorithm.class).getConstructor();
        } catch (ClassNotFoundException | ClassCastException | NoSuchMethodException | LinkageError e) {
            return;
        }
        String name;
        try {
            name = instantiate(constructor).name();
        } catch (RuntimeException e) {
            return;
        }
        BY_NAME.putIfAbsent(name, () -> instantiate(constructor));
    }

    private static EmAlgorithm instantiate(Constructor<? extends EmAlgorithm> constructor) {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("could not create " + constructor.getDeclaringClass().getName() + ": "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not create " + constructor.getDeclaringClass().getName() + ": "
                    + e, e);
        }
    }

    /** {@return the names, in the order they are listed in help text} */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** {@return a fresh instance of each implementation, in the order of {@link #names()}} */
    public static List<EmAlgorithm> all() {
        return BY_NAME.values().stream().map(Supplier::get).toList();
    }

    /**
     * The implementation with this name.
     *
     * @param name a name from {@link #names()}, e.g. {@code loops}
     * @return a fresh instance
     * @throws IllegalArgumentException naming the choices, when there is none
     */
    public static EmAlgorithm byName(String name) {
        Supplier<EmAlgorithm> supplier = BY_NAME.get(name);
        if (supplier == null) {
            throw new IllegalArgumentException("unknown implementation '" + name + "': choose one of "
                    + String.join(", ", names()));
        }
        return supplier.get();
    }
}
