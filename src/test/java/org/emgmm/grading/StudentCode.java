package org.emgmm.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opentest4j.AssertionFailedError;

/**
 * Calls into student code so that whatever happens there becomes an ordinary test failure that says
 * what went wrong: an exercise not done yet ({@code UnsupportedOperationException("TODO: …")}), any
 * exception, a {@link StackOverflowError}, an {@link OutOfMemoryError} (which JUnit would otherwise
 * treat as fatal and end the whole run with), or a call to {@link System#exit} (which would end the
 * test JVM, see {@link ExitGuard}).
 * <pre>
 *   EStep step = StudentCode.call("Ex4EStep.eStep", () -&gt; Ex4EStep.eStep(data, model));
 * </pre>
 * Everything the test computes itself (expected values from the library) stays outside the call.
 *
 * <p>While a thread runs student code it is listed here, so that {@link GradingExtension} can stop
 * it when the test's time limit cuts it off ({@link #stopRunaways}).
 */
public final class StudentCode {

    /** Student code that returns a value. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws Throwable;
    }

    /** Student code that returns nothing. */
    @FunctionalInterface
    public interface Action {
        void run() throws Throwable;
    }

    /** The package whose stack frames are the student's. */
    static final String STUDENT_PACKAGE = "org.emgmm.exercises.";

    /** Whether this thread (or the thread that started it) is inside student code. */
    private static final InheritableThreadLocal<Boolean> INSIDE = new InheritableThreadLocal<>() {
        @Override
        protected Boolean initialValue() {
            return Boolean.FALSE;
        }
    };

    /** Threads currently inside student code. */
    private static final Set<Thread> RUNNING = ConcurrentHashMap.newKeySet();

    private StudentCode() {
    }

    /**
     * Runs {@code code} and returns its value.
     *
     * @param what names the call in failure messages, e.g. {@code Ex4EStep.eStep}
     * @throws AssertionFailedError whatever the code throws, explained
     */
    public static <T> T call(String what, Call<T> code) {
        ExitGuard.install();
        boolean outermost = !INSIDE.get();
        Thread thread = Thread.currentThread();
        if (outermost) {
            INSIDE.set(Boolean.TRUE);
            RUNNING.add(thread);
        }
        try {
            return code.call();
        } catch (Throwable thrown) {
            if (thrown.getClass().getName().equals("java.lang.ThreadDeath")) {
                throw (Error) thrown; // stopRunaways stopped this thread: let it end
            }
            throw explain(what, thrown);
        } finally {
            if (outermost) {
                INSIDE.set(Boolean.FALSE);
                RUNNING.remove(thread);
            }
        }
    }

    /** Runs {@code code}; see {@link #call}. */
    public static void run(String what, Action code) {
        call(what, () -> {
            code.run();
            return null;
        });
    }

    /**
     * Runs {@code code}, which should throw a {@code type}, and returns what it threw.
     *
     * @param hint what to do when it does not
     * @throws AssertionFailedError when it returns normally or throws something else (explained)
     */
    public static <X extends Throwable> X expectThrows(Class<X> type, String what, Action code, String hint) {
        Throwable thrown = call(what, () -> {
            try {
                code.run();
                return null;
            } catch (Throwable caught) {
                if (caught.getClass().getName().equals("java.lang.ThreadDeath")) {
                    throw caught;
                }
                return caught;
            }
        });
        if (thrown == null) {
            throw Expect.failure(what, "an exception of type " + type.getSimpleName(), "a normal return", hint);
        }
        if (type.isInstance(thrown)) {
            return type.cast(thrown);
        }
        AssertionFailedError explained = explain(what, thrown);
        if (explained.getCause() == null || !(thrown instanceof RuntimeException)) {
            throw explained;
        }
        CopiedThrowable copy = (CopiedThrowable) explained.getCause();
        throw Expect.failure(what, "an exception of type " + type.getSimpleName(), describe(thrown, copy), hint, copy);
    }

    /** Whether the current thread is running student code (used by {@link ExitGuard}). */
    static boolean insideStudentCode() {
        return INSIDE.get();
    }

    /**
     * Stops every thread still inside student code, other than the current one: they were cut off by
     * a time limit and would otherwise keep a processor busy for the rest of the run. Asks politely
     * first (an interrupt), then stops the thread where the Java version still allows it (up to 19).
     * Each thread is tried once: one that is still alive after that (it catches what stops it, waits on a
     * class whose static initialiser never ends, or this Java cannot stop threads) is given up on and
     * returned, and never waited for again, so that it costs no later test any time.
     *
     * @return the threads that could not be stopped
     */
    @SuppressWarnings({"deprecation", "removal"})
    static List<Thread> stopRunaways() {
        List<Thread> unstoppable = new ArrayList<>();
        for (Thread thread : RUNNING.toArray(new Thread[0])) {
            if (thread == Thread.currentThread()) {
                continue;
            }
            thread.interrupt();
            try {
                thread.join(200);
                if (thread.isAlive()) {
                    thread.stop();
                    thread.join(2_000);
                }
            } catch (UnsupportedOperationException | SecurityException e) {
                // This Java version cannot stop threads: leave it to end with the JVM.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return unstoppable;
            }
            RUNNING.remove(thread);
            if (thread.isAlive()) {
                unstoppable.add(thread);
            }
        }
        return unstoppable;
    }

    /**
     * A failure that says what {@code thrown} means for a student, with a hint. The failure never holds
     * {@code thrown} itself: its message quotes a message cut to length, and its cause, when it has one,
     * is a {@link CopiedThrowable}, so that nothing the student's exception class does reaches JUnit or
     * the report.
     */
    static AssertionFailedError explain(String what, Throwable thrown) {
        String expected = "a result";
        if (thrown instanceof AssertionFailedError failure && thrown.getStackTrace().length > 0
                && thrown.getStackTrace()[0].getClassName().startsWith("org.emgmm.grading.")) {
            return failure; // already explained (a nested call)
        }
        CopiedThrowable copy = CopiedThrowable.of(thrown);
        String where = studentFrame(copy);
        String message = copy.getMessage();
        if (thrown instanceof ExitGuard.ExitAttempt exit) {
            return Expect.failure(what, "a result", "System.exit(" + exit.status() + ")" + where,
                    "your code called System.exit, which would end the whole test run: return a value, or throw"
                            + " an exception, instead");
        }
        if (thrown instanceof UnsupportedOperationException && message != null && message.startsWith("TODO")) {
            return Expect.failure(what, expected, "\"" + message + "\"",
                    "not done yet: replace the throw statement with your code");
        }
        if (thrown instanceof NoSuchMethodError || thrown instanceof AbstractMethodError) {
            // The tests were compiled against the skeleton: a changed signature shows up only now.
            return Expect.failure(what, expected, describe(thrown, copy),
                    "the method " + message + " is missing or was changed: keep the name, the parameter"
                            + " types, the return type and 'static' exactly as the skeleton gives them");
        }
        if (thrown instanceof NoClassDefFoundError || thrown instanceof IncompatibleClassChangeError) {
            return Expect.failure(what, expected, describe(thrown, copy),
                    "a class of the exercises is missing or was changed (" + message + "): keep each file's"
                            + " name, its class and the line 'package org.emgmm.exercises;' as the skeleton gives them");
        }
        if (thrown instanceof StackOverflowError) {
            // No cause attached: a thousand identical frames help nobody.
            return Expect.failure(what, expected, "StackOverflowError" + where,
                    "a method keeps calling itself (or two call each other) without reaching a case that returns");
        }
        if (thrown instanceof OutOfMemoryError) {
            return Expect.failure(what, expected, "OutOfMemoryError" + where,
                    "an array or list grows without end, or its size is computed wrongly (N·N·K doubles for an"
                            + " N×K table?)");
        }
        return Expect.failure(what, expected, describe(thrown, copy) + where, hintFor(thrown), copy);
    }

    /** "SimpleName: message", the message as {@code copy} holds it (cut to length). */
    private static String describe(Throwable thrown, CopiedThrowable copy) {
        return thrown.getClass().getSimpleName() + (copy.getMessage() == null ? "" : ": " + copy.getMessage());
    }

    private static String hintFor(Throwable thrown) {
        if (thrown instanceof NullPointerException) {
            return "something is null: an array that was never allocated, or a method that returned null";
        }
        if (thrown instanceof ArrayIndexOutOfBoundsException) {
            return "check the sizes and the index formulas: x[i][j] = values[i * D + j], r[i][k] = values[i * K + k],"
                    + " Σₖ[a][b] = covariances[(k * D + a) * D + b]";
        }
        if (thrown instanceof ArithmeticException) {
            return "integer arithmetic failed (a division by zero?): use double where the maths is real-valued";
        }
        if (thrown instanceof IllegalArgumentException) {
            return "a library call refused what it was given (the message says why): check the shapes and values"
                    + " you pass, e.g. weights that sum to 1 and positive-definite covariances";
        }
        return "read the exception and the line of your code it names";
    }

    /** " (at Ex4EStep.java:57)" for the innermost frame in the student's package, or "". */
    static String studentFrame(Throwable thrown) {
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().startsWith(STUDENT_PACKAGE)) {
                return " (at " + frame.getFileName() + ":" + frame.getLineNumber() + ")";
            }
        }
        return "";
    }
}
