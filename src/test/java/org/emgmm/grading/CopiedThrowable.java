package org.emgmm.grading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A copy of what student code threw, made the moment the harness catches it, so that nothing the
 * student's exception class does can reach JUnit, the report or the result channel: its class name, its
 * message cut to {@link #MAX_MESSAGE_CHARS}, its stack trace cut to {@link #MAX_FRAMES} frames, and its
 * causes, copied the same way, at most {@link #MAX_CAUSES} deep and each only once (a cause chain that
 * loops, or that a {@code getCause()} makes up without end, stops there). Suppressed exceptions are left
 * out.
 *
 * <p>Why: a student's exception may override {@code getMessage()} to return twelve million characters,
 * or {@code getCause()} to return a new exception every time. Handed to JUnit as it is, the first would
 * make every report too long to sign, and the second would have JUnit follow the chain until the grading
 * JVM ran out of memory. The copy is made on the test's own thread, under its time limit, so even a
 * {@code getMessage()} that never returns costs only that test.
 *
 * <p>It prints as the original would ({@code java.lang.IllegalStateException: boom}, with the original's
 * frames), so a report or a student's stack trace reads the same.
 */
public final class CopiedThrowable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The most characters of a message kept: far more than any useful one. */
    public static final int MAX_MESSAGE_CHARS = 1000;

    /** The most causes followed below the exception itself. */
    public static final int MAX_CAUSES = 8;

    /** The most stack frames kept of each exception. */
    public static final int MAX_FRAMES = 64;

    /** The original's class name. */
    private final String className;

    private CopiedThrowable(String className, String message, StackTraceElement[] frames, CopiedThrowable cause) {
        super(message, cause, false, true);
        this.className = className;
        setStackTrace(frames);
    }

    /**
     * A bounded copy of {@code thrown} and its causes. Every method of {@code thrown} that a subclass can
     * override is called at most once per exception copied, and whatever it throws is noted instead.
     *
     * @param thrown what student code threw (not null)
     * @return the copy
     */
    public static CopiedThrowable of(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable next = thrown;
        String cut = null;
        while (next != null && seen.add(next)) {
            if (chain.size() > MAX_CAUSES) {
                cut = " (its causes are left out: more than " + MAX_CAUSES + ")";
                break;
            }
            chain.add(next);
            next = causeOf(next);
        }
        CopiedThrowable copy = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable original = chain.get(i);
            String message = messageOf(original);
            if (i == chain.size() - 1 && cut != null) {
                message = (message == null ? "" : message) + cut;
            }
            copy = new CopiedThrowable(original.getClass().getName(), message, framesOf(original), copy);
        }
        return copy;
    }

    /**
     * {@code text} cut to {@code max} characters, the cut marked with how much was dropped.
     *
     * @param text the text, or null
     * @param max  the most characters returned, marker included (at least 100)
     * @return the text as it is when short enough, else its start and " … truncated (N more characters)"
     */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int kept = max - 60;
        return text.substring(0, kept) + " … truncated (" + (text.length() - kept) + " more characters)";
    }

    /** The original exception's class name, e.g. {@code java.lang.IllegalStateException}. */
    public String className() {
        return className;
    }

    /** "Class: message", as {@link Throwable#toString()} prints the original. */
    @Override
    public String toString() {
        String message = getMessage();
        return message == null ? className : className + ": " + message;
    }

    /** The message, cut, or what calling {@code getMessage()} threw. */
    private static String messageOf(Throwable thrown) {
        try {
            return cut(thrown.getMessage(), MAX_MESSAGE_CHARS);
        } catch (Throwable failure) {
            rethrowIfStopped(failure);
            return "(its getMessage() threw " + failure.getClass().getName() + ")";
        }
    }

    /** The cause, or null when there is none or {@code getCause()} threw. */
    private static Throwable causeOf(Throwable thrown) {
        try {
            return thrown.getCause();
        } catch (Throwable failure) {
            rethrowIfStopped(failure);
            return null;
        }
    }

    /** The first {@link #MAX_FRAMES} frames (none when {@code getStackTrace()} threw). */
    private static StackTraceElement[] framesOf(Throwable thrown) {
        try {
            StackTraceElement[] frames = thrown.getStackTrace();
            if (frames == null) {
                return new StackTraceElement[0];
            }
            return Arrays.stream(frames).limit(MAX_FRAMES).filter(Objects::nonNull)
                    .toArray(StackTraceElement[]::new);
        } catch (Throwable failure) {
            rethrowIfStopped(failure);
            return new StackTraceElement[0];
        }
    }

    /** Lets the harness's stop of a runaway thread ({@code ThreadDeath}) through. */
    private static void rethrowIfStopped(Throwable failure) {
        if (failure.getClass().getName().equals("java.lang.ThreadDeath")) {
            throw (Error) failure;
        }
    }
}
