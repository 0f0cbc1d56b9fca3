package org.emgmm.compare;

/**
 * One line saying why an implementation failed, for a row of the comparison. An exception thrown from
 * the exercises' code names the student's file and line, and an unfinished exercise says so.
 */
public final class Failures {

    /** The package of the exercises: a failure there is the student's to fix. */
    public static final String STUDENT_PACKAGE = "org.emgmm.exercises.";

    private Failures() {
    }

    /**
     * Where {@code e} was thrown, if that was in a student's exercise code.
     *
     * @param e a failure of an implementation
     * @return the first stack frame in {@value #STUDENT_PACKAGE}, or null when there is none
     */
    public static StackTraceElement studentFrame(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith(STUDENT_PACKAGE)) {
                return frame;
            }
        }
        return null;
    }

    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.strip().replaceAll("\\s*\\R\\s*", " ");
        StackTraceElement frame = studentFrame(e);
        if (frame != null) {
            String where = frame.getFileName() + " line " + frame.getLineNumber();
            if (e instanceof UnsupportedOperationException) {
                return "exercise not finished (" + where + "): " + message;
            }
            return e.getClass().getSimpleName() + " in " + where + ": " + message;
        }
        if (e instanceof StackOverflowError) {
            return "stack overflow (endless recursion?)";
        }
        return message;
    }
}
