package org.emgmm.compare;

/**
 * One line saying why an implementation failed, for a row of the comparison. An exception thrown from
 * the exercises' code names the student's file and line, and an unfinished exercise says so.
 */
final class Failures {

    /** The package of the exercises: a failure there is the student's to fix. */
    static final String STUDENT_PACKAGE = "org.emgmm.exercises.";

    private Failures() {
    }

    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.strip().replaceAll("\\s*\\R\\s*", " ");
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith(STUDENT_PACKAGE)) {
                String where = frame.getFileName() + " line " + frame.getLineNumber();
                if (e instanceof UnsupportedOperationException) {
                    return "exercise not finished (" + where + "): " + message;
                }
                return e.getClass().getSimpleName() + " in " + where + ": " + message;
            }
        }
        if (e instanceof StackOverflowError) {
            return "stack overflow (endless recursion?)";
        }
        return message;
    }
}
