package org.emgmm.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a class of graded tests and says which exercise it grades. It brings everything a graded
 * test needs:
 * <ul>
 *   <li>a time limit of {@value GradingExtension#DEFAULT_TIMEOUT_SECONDS} s per test (or
 *       {@code -Demgmm.grade.timeout=S}), run in a separate thread so that an endless loop in student
 *       code is cut off (and then stopped) instead of hanging the run;</li>
 *   <li>{@link GradingExtension}: selecting exercises with {@code -Dexercise=4} (or {@code 4,5}),
 *       explaining time-outs, stopping runaway student threads;</li>
 *   <li>the tag {@code graded};</li>
 *   <li>its tests run, and are reported, in the order of their {@link org.junit.jupiter.api.Order @Order}
 *       numbers: the most specific first (see below).</li>
 * </ul>
 * Each test method carries {@link Points}; the report ({@link GradeReporter}) collects them.
 *
 * <h2>Most specific first</h2>
 * One mistake often fails several tests. So that the first failure a student reads in an exercise is
 * the one that names the mistake, every graded test carries {@code @Order(n)}, numbered 1, 2, 3, … in
 * its class (checked by {@code PointsTotalTest}), and the report numbers it {@code <exercise>.<n>}:
 * <ol>
 *   <li>first the tests built around one named mistake: a hand-derived case that only that mistake
 *       fails (seed 003's missing weights, the factor 2 of log det Σ), or a promise of the comments
 *       ("Not modified"); and the tests of a piece before the tests of what is built from it
 *       ({@code cholesky} before {@code logDensity}, {@code step} before {@code fit});</li>
 *   <li>then edge cases and properties that a family of mistakes fails (overflow, far tails, empty
 *       components, rows that sum to 1);</li>
 *   <li>last the comparisons with the library on random cases, which any mistake fails.</li>
 * </ol>
 * A later test whose failure an earlier one explains says so in its hint ("see 4.1 first: …"), which
 * is why the numbers must not depend on which tests fail.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(GradingExtension.class)
@Tag("graded")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public @interface Exercise {

    /** The exercise number, 1 to 11 (the class {@code org.emgmm.exercises.Ex<n>…}). */
    int value();
}
