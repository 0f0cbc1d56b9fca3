package org.emgmm.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
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
 *   <li>the tag {@code graded}.</li>
 * </ul>
 * Each test method carries {@link Points}; the report ({@link GradeReporter}) collects them.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(GradingExtension.class)
@Tag("graded")
public @interface Exercise {

    /** The exercise number, 1 to 9 (the class {@code org.emgmm.exercises.Ex<n>…}). */
    int value();
}
