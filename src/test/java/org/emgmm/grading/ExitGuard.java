package org.emgmm.grading;

import java.security.Permission;

/**
 * Turns a call to {@link System#exit} (or {@link Runtime#halt}) from student code into an exception,
 * so that the graded test fails with "your code called System.exit" instead of the whole test JVM
 * ending without a report.
 *
 * <p>How: a {@link SecurityManager} that permits everything, except exiting from a thread that is
 * running student code ({@link StudentCode#insideStudentCode}); everyone else, Surefire included,
 * exits as usual. It is installed the first time a graded test calls student code.
 *
 * <p>Java versions. Java 17 lets a program install a security manager (it prints a warning that the
 * feature is deprecated). Java 18 to 23 allow it only when the JVM was started with
 * {@code -Djava.security.manager=allow}: the pom's {@code jdk-17-to-23} profile adds that to
 * Surefire's {@code argLine}. Java 24 removed security managers; there the guard is off, and a
 * student's {@code System.exit} ends the test JVM (Surefire then reports that the fork crashed).
 * {@link #status()} says which case applies; the score table prints it.
 *
 * <p>Java 17 to 23 print their warning on the standard error the JVM started with, which no program can
 * redirect from inside: the students' run drops its four lines from a second JVM's output
 * ({@link GradeExercises}). The project's own test runs ({@code mvn test}, {@code mvn verify}) set
 * {@value #PROPERTY}{@code =off} and keep the guard off, so that their console has no such warning;
 * {@code ExitGuardIT} checks the guard in a JVM of its own.
 */
@SuppressWarnings("removal")
final class ExitGuard extends SecurityManager {

    /** Thrown in place of exiting. */
    static final class ExitAttempt extends SecurityException {

        private static final long serialVersionUID = 1L;

        private final int status;

        ExitAttempt(int status) {
            super("System.exit(" + status + ") called from student code");
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** System property: {@code off} keeps the guard off in this JVM; any other value, or none, lets it on. */
    static final String PROPERTY = "emgmm.exitGuard";

    private static String status = "not installed yet";
    private static boolean attempted;

    private ExitGuard() {
    }

    /** Installs the guard once; later calls do nothing. Never throws. */
    static synchronized void install() {
        if (attempted) {
            return;
        }
        attempted = true;
        if ("off".equals(System.getProperty(PROPERTY))) {
            status = "off: turned off with -D" + PROPERTY + "=off";
            return;
        }
        try {
            SecurityManager current = System.getSecurityManager();
            if (current instanceof ExitGuard) {
                status = "on";
            } else if (current != null) {
                status = "off: another security manager is installed (" + current.getClass().getName() + ")";
            } else {
                System.setSecurityManager(new ExitGuard());
                status = "on";
            }
        } catch (UnsupportedOperationException | SecurityException e) {
            status = "off: this Java (" + Runtime.version().feature() + ") does not allow it (" + e.getMessage()
                    + "); start the JVM with -Djava.security.manager=allow on Java 18 to 23";
        }
    }

    /** Whether the guard is installed. */
    static synchronized boolean isOn() {
        return "on".equals(status);
    }

    /** "on", or why not. */
    static synchronized String status() {
        return status;
    }

    @Override
    public void checkExit(int exitStatus) {
        if (StudentCode.insideStudentCode()) {
            throw new ExitAttempt(exitStatus);
        }
    }

    @Override
    public void checkPermission(Permission permission) {
        if (StudentCode.insideStudentCode() && permission instanceof RuntimePermission
                && "setSecurityManager".equals(permission.getName())) {
            throw new SecurityException("student code may not replace the grading's security manager");
        }
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        checkPermission(permission);
    }
}
