package org.emgmm.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The points a graded test is worth: all of them when it passes, none when it fails. Put it on a
 * {@code @Test} method of a class marked {@link Exercise}. The visible graded tests (this package)
 * add up to exactly {@value #VISIBLE_TOTAL}, which {@code PointsTotalTest} checks; hidden tests
 * (package {@code org.emgmm.grading.hidden}, see {@code hidden-tests/README.md}) add to the maximum.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {

    /** What the visible graded tests add up to. */
    int VISIBLE_TOTAL = 100;

    /** The points, at least 1. */
    int value();
}
