package org.emgmm.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Not graded: the bookkeeping of the graded tests. The visible graded tests (the classes of this
 * package) are worth exactly {@value Points#VISIBLE_TOTAL} points, each exercise 1 to 11 exactly its
 * share of them ({@link #POINTS}, the table of {@code exercises/README.md}), and every {@link Points} sits
 * on a plain {@code @Test} in a class marked {@link Exercise}.
 */
class PointsTotalTest {

    private static final int EXERCISES = GradingExtension.LAST_EXERCISE;

    /**
     * Each exercise's points, exercise 1 first: the table of {@code exercises/README.md}. The first
     * exercises are short and many tests of them are single facts; the E-step, M-step and Cholesky
     * density carry the most, since the rest of the course is built on them. Within an exercise, the test of
     * its central idea carries the most: the weights and log space in the E-step (4.1, 4.4), the
     * empty-component rule in the M-step (5.7), log space and the empty-component rule in univariate EM
     * (7.3), the D² rule of k-means++ (8.7); so that the idea earns real points, and a slip in a formula, which every comparison with the
     * library then shows, does not also take the points of the idea.
     */
    static final int[] POINTS = {6, 6, 12, 12, 12, 10, 8, 8, 8, 9, 9};

    /** The compiled classes of this package (not of sub-packages such as {@code hidden}). */
    static List<Class<?>> classesOfThisPackage() throws IOException, URISyntaxException, ClassNotFoundException {
        Path directory = Paths.get(PointsTotalTest.class.getResource("PointsTotalTest.class").toURI()).getParent();
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    classes.add(Class.forName(PointsTotalTest.class.getPackageName() + "."
                            + name.substring(0, name.length() - ".class".length())));
                }
            }
        }
        return classes;
    }

    @Test
    void visibleGradedTestsAddUpToOneHundred() throws Exception {
        Map<Integer, Integer> perExercise = new TreeMap<>();
        int total = 0;
        for (Class<?> type : classesOfThisPackage()) {
            for (Method method : type.getDeclaredMethods()) {
                Points points = method.getAnnotation(Points.class);
                if (points != null) {
                    total += points.value();
                    Exercise exercise = type.getAnnotation(Exercise.class);
                    perExercise.merge(exercise == null ? 0 : exercise.value(), points.value(), Integer::sum);
                }
            }
        }
        assertEquals(EXERCISES, POINTS.length, "one share of the points per exercise");
        assertEquals(Points.VISIBLE_TOTAL, IntStream.of(POINTS).sum(), "the shares add up to the total");
        for (int exercise = 1; exercise <= EXERCISES; exercise++) {
            assertEquals(POINTS[exercise - 1], perExercise.getOrDefault(exercise, 0), "points of exercise " + exercise
                    + "'s graded tests (exercises/README.md's table), per exercise: " + perExercise);
        }
        assertEquals(Points.VISIBLE_TOTAL, total, "points of the visible graded tests, per exercise: " + perExercise);
    }

    @Test
    void everyGradedTestIsAPlainTestInAnExerciseClass() throws Exception {
        for (Class<?> type : classesOfThisPackage()) {
            Exercise exercise = type.getAnnotation(Exercise.class);
            int graded = 0;
            for (Method method : type.getDeclaredMethods()) {
                Points points = method.getAnnotation(Points.class);
                if (points == null) {
                    continue;
                }
                graded++;
                String name = type.getSimpleName() + "." + method.getName();
                if (exercise == null) {
                    fail(name + " has @Points but its class has no @Exercise");
                }
                assertTrue(points.value() >= 1, name + " is worth at least 1 point, not " + points.value());
                assertTrue(method.isAnnotationPresent(Test.class),
                        name + " has @Points, so it must be a plain @Test (one result, all or nothing)");
            }
            if (exercise != null) {
                assertTrue(exercise.value() >= 1 && exercise.value() <= EXERCISES,
                        type.getSimpleName() + ": exercise " + exercise.value() + " is not 1 to " + EXERCISES);
                assertTrue(graded > 0, type.getSimpleName() + " is marked @Exercise but has no @Points test");
            }
        }
    }

    @Test
    void everyGradedTestHasItsPlaceOneToNInItsExercise() throws Exception {
        for (Class<?> type : classesOfThisPackage()) {
            if (type.getAnnotation(Exercise.class) == null) {
                continue;
            }
            List<Integer> orders = new ArrayList<>();
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Points.class)) {
                    Order order = method.getAnnotation(Order.class);
                    assertTrue(order != null, type.getSimpleName() + "." + method.getName()
                            + " has @Points but no @Order: give it its place, most specific first (see Exercise)");
                    orders.add(order.value());
                }
            }
            Collections.sort(orders);
            List<Integer> expected = IntStream.rangeClosed(1, orders.size()).boxed().toList();
            assertEquals(expected, orders, type.getSimpleName() + ": the @Order numbers of the graded tests are 1 to "
                    + orders.size() + ", each once, so that test n is reported as <exercise>.n");
        }
    }
}
