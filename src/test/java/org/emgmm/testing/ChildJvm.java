package org.emgmm.testing;

import java.nio.file.Path;

/** What a test needs to start a JVM like its own: the java command and the test class path. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * The test JVM's class path as Surefire and Failsafe give it ({@code java.class.path} may be only their
     * launcher jar, whose manifest names the rest).
     */
    public static String classpath() {
        String classpath = System.getProperty("surefire.test.class.path");
        return classpath != null ? classpath : System.getProperty("java.class.path");
    }

    /** The {@code java} command of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
