package org.emgmm.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.emgmm.data.DataException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Not graded: the grading harness itself. Whatever student code does (not done yet, any exception, a
 * stack overflow, running out of memory, calling System.exit, never returning) ends as an ordinary,
 * explained failure, and the harness's own messages have the "expected …, got …; hint: …" form.
 * (System.exit is caught by a guard that the project's own test JVMs keep off: {@link ExitGuardIT}
 * checks it in a JVM of its own.)
 */
class GradingHarnessTest {

    private static AssertionFailedError failureOf(StudentCode.Action code) {
        return assertThrows(AssertionFailedError.class, () -> StudentCode.run("the call", code));
    }

    @Test
    void messagesSayWhatWasExpectedWhatCameBackAndAHint() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Expect.close(1.0, 2.0, 1e-12, "x", "look here"));
        assertEquals("x: expected 1, got 2; hint: look here", failure.getMessage());
        AssertionFailedError array = assertThrows(AssertionFailedError.class,
                () -> Expect.arrayClose(new double[] {1, 2}, new double[] {1, 3}, 1e-12, "v", "h"));
        assertEquals("v at index 1: expected 2, got 3; hint: h", array.getMessage());
        assertEquals("0.1", Expect.format(0.1));
        assertEquals("1e-22", Expect.format(1e-22));
        assertEquals("-Infinity", Expect.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void anExerciseNotDoneYetSaysSo() {
        AssertionFailedError failure = failureOf(() -> {
            throw new UnsupportedOperationException("TODO: write it, see the book");
        });
        assertTrue(failure.getMessage().startsWith("the call: expected a result, got \"TODO: write it"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("hint: not done yet"), failure.getMessage());
    }

    @Test
    void aChangedSignatureSaysToKeepTheSkeletons() {
        AssertionFailedError method = failureOf(() -> {
            throw new NoSuchMethodError("'double org.emgmm.exercises.Ex1NormalPdf.pdf(double, double, double)'");
        });
        assertTrue(method.getMessage().contains("hint: the method 'double org.emgmm.exercises.Ex1NormalPdf.pdf(double,"
                + " double, double)' is missing or was changed: keep the name, the parameter types"), method.getMessage());
        AssertionFailedError type = failureOf(() -> {
            throw new NoClassDefFoundError("org/emgmm/exercises/Ex4EStep");
        });
        assertTrue(type.getMessage().contains("'package org.emgmm.exercises;'"), type.getMessage());
    }

    @Test
    void anExceptionIsExplainedAndKeptAsTheCause() {
        IllegalStateException thrown = new IllegalStateException("boom");
        AssertionFailedError failure = failureOf(() -> {
            throw thrown;
        });
        assertTrue(failure.getMessage().contains("got IllegalStateException: boom"), failure.getMessage());
        assertTrue(failure.getCause() instanceof CopiedThrowable, "a copy, never the student's own object");
        assertEquals("java.lang.IllegalStateException: boom", failure.getCause().toString());
        assertEquals(thrown.getStackTrace()[0], failure.getCause().getStackTrace()[0]);
        AssertionFailedError index = failureOf(() -> {
            double[] values = new double[2];
            values[2] = 1.0;
        });
        assertTrue(index.getMessage().contains("index formulas"), index.getMessage());
    }

    @Test
    void aStackOverflowIsAFailure() {
        AssertionFailedError failure = failureOf(GradingHarnessTest::recurse);
        assertTrue(failure.getMessage().contains("got StackOverflowError"), failure.getMessage());
        assertTrue(failure.getMessage().contains("keeps calling itself"), failure.getMessage());
    }

    private static void recurse() {
        recurse();
    }

    @Test
    void runningOutOfMemoryIsAFailure() {
        // An array of 2³¹ − 1 longs is refused at once ("Requested array size exceeds VM limit"): an
        // OutOfMemoryError without filling the heap.
        AssertionFailedError failure = failureOf(() -> {
            long[] huge = new long[Integer.MAX_VALUE];
            huge[0] = 1;
        });
        assertTrue(failure.getMessage().contains("got OutOfMemoryError"), failure.getMessage());
    }

    @Test
    void anExpectedExceptionIsReturnedAndAnyOtherOutcomeExplained() {
        DataException expected = new DataException("too few points");
        assertSame(expected, StudentCode.expectThrows(DataException.class, "the call", () -> {
            throw expected;
        }, "h"));
        AssertionFailedError returned = assertThrows(AssertionFailedError.class,
                () -> StudentCode.expectThrows(DataException.class, "the call", () -> { }, "throw it"));
        assertEquals("the call: expected an exception of type DataException, got a normal return; hint: throw it",
                returned.getMessage());
        AssertionFailedError other = assertThrows(AssertionFailedError.class,
                () -> StudentCode.expectThrows(DataException.class, "the call", () -> {
                    throw new IllegalStateException("no");
                }, "throw it"));
        assertTrue(other.getMessage().contains("got IllegalStateException: no"), other.getMessage());
    }

    @Test
    void aRunawayThreadIsStoppedAfterItsTimeOut() throws InterruptedException {
        Assumptions.assumeTrue(Runtime.version().feature() < 20, "Thread.stop is unsupported from Java 20 on");
        CountDownLatch started = new CountDownLatch(1);
        Thread runaway = new Thread(() -> {
            try {
                StudentCode.run("an endless loop", () -> {
                    started.countDown();
                    while (true) {
                        Thread.onSpinWait();
                    }
                });
            } catch (AssertionFailedError expected) {
                // The loop never ends by itself.
            }
        });
        runaway.setDaemon(true);
        runaway.start();
        assertTrue(started.await(5, TimeUnit.SECONDS), "the loop started");
        assertEquals(List.of(), StudentCode.stopRunaways(), "threads that could not be stopped");
        runaway.join(5_000);
        assertFalse(runaway.isAlive(), "the endless loop was stopped");
    }

    /**
     * A thread that swallows what stops it is tried once and then given up on: the next tests pay nothing
     * for it (it used to cost every later test 2.2 s of waiting).
     */
    @Test
    void aThreadThatCannotBeStoppedIsGivenUpOnAfterOneTry() throws InterruptedException {
        Assumptions.assumeTrue(Runtime.version().feature() < 20, "Thread.stop is unsupported from Java 20 on");
        CountDownLatch started = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean release = new java.util.concurrent.atomic.AtomicBoolean();
        Thread stubborn = new Thread(() -> StudentCode.run("a loop that swallows every stop", () -> {
            started.countDown();
            while (!release.get()) {
                try {
                    while (!release.get()) {
                        Thread.onSpinWait();
                    }
                } catch (Throwable swallowed) {
                    // keeps going, as a hostile static initialiser does
                }
            }
        }));
        stubborn.setDaemon(true);
        stubborn.start();
        try {
            assertTrue(started.await(5, TimeUnit.SECONDS), "the loop started");
            assertEquals(List.of(stubborn), StudentCode.stopRunaways(), "given up on");
            long start = System.nanoTime();
            assertEquals(List.of(), StudentCode.stopRunaways(), "never tried again");
            assertTrue(System.nanoTime() - start < 100_000_000L, "no waiting the second time");
        } finally {
            release.set(true);
            stubborn.join(5_000);
        }
    }

    @Test
    void aTestLeftBehindEndsItsExerciseWithTheReason() {
        AssertionFailedError failure = GradingExtension.endedFailure("4.3 rows sum to 1", "4.1 seed 003");
        assertTrue(failure.getMessage().startsWith("4.3 rows sum to 1: expected a run of this test, got none: your"
                + " code from the test '4.1 seed 003' is still running"), failure.getMessage());
        assertTrue(failure.getMessage().contains("static initialiser"), failure.getMessage());
    }

    /** An exception whose getCause() makes up a new exception every time: a chain without end. */
    private static final class Endless extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int depth;

        Endless(int depth) {
            super("depth " + depth);
            this.depth = depth;
        }

        @Override
        public synchronized Throwable getCause() {
            return new Endless(depth + 1);
        }
    }

    /** The causes of {@code thrown}, followed by identity and at most 100 deep. */
    private static int causes(Throwable thrown) {
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        int depth = 0;
        for (Throwable cause = thrown.getCause(); cause != null && seen.add(cause) && depth < 100;
                cause = cause.getCause()) {
            depth++;
        }
        return depth;
    }

    @Test
    void aCauseChainWithoutEndIsCopiedToABoundedDepth() {
        AssertionFailedError failure = failureOf(() -> {
            throw new Endless(0);
        });
        assertEquals(1 + CopiedThrowable.MAX_CAUSES, causes(failure), "the copy and its causes");
        Throwable last = failure.getCause();
        while (last.getCause() != null) {
            last = last.getCause();
        }
        assertTrue(last.getMessage().contains("its causes are left out"), last.getMessage());
        Throwable escaped = GradingExtension.bounded(new Endless(0));
        assertTrue(causes(escaped) <= CopiedThrowable.MAX_CAUSES, "an exception that escaped a test is bounded too");
    }

    @Test
    void aCauseChainThatLoopsIsFollowedOnce() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second", first);
        first.initCause(second);
        AssertionFailedError failure = failureOf(() -> {
            throw first;
        });
        assertEquals(2, causes(failure), "each exception once");
    }

    @Test
    void aHugeMessageIsCutBeforeItReachesTheReport() {
        AssertionFailedError failure = failureOf(() -> {
            throw new IllegalStateException("x".repeat(12_000_000));
        });
        assertTrue(failure.getMessage().length() < CopiedThrowable.MAX_MESSAGE_CHARS + 1000,
                "a message of " + failure.getMessage().length());
        assertTrue(failure.getMessage().contains("… truncated (11999"), failure.getMessage().substring(0, 200));
        String reported = GradedTest.describe(new AssertionFailedError("y".repeat(12_000_000)));
        assertTrue(reported.length() <= GradedTest.MAX_OUTPUT_CHARS, "a report's output of " + reported.length());
    }

    @Test
    void aMessageThatCannotBeReadIsNoted() {
        AssertionFailedError failure = failureOf(() -> {
            throw new IllegalStateException() {
                private static final long serialVersionUID = 1L;

                @Override
                public String getMessage() {
                    throw new ArithmeticException("no message for you");
                }
            };
        });
        assertTrue(failure.getMessage().contains("(its getMessage() threw java.lang.ArithmeticException)"),
                failure.getMessage());
    }

    @Test
    void aTimeOutBecomesAnExplainedFailure() {
        AssertionFailedError failure = GradingExtension.timeoutFailure("some test", 7);
        assertTrue(failure.getMessage().startsWith("some test: expected an answer within 7 s, got none"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("hint: look for a loop"), failure.getMessage());
    }

    @Test
    void exercisesAreChosenByNumber() {
        assertEquals(Set.of(), GradingExtension.parseExercises(null));
        assertEquals(Set.of(), GradingExtension.parseExercises(" "));
        assertEquals(Set.of(4), GradingExtension.parseExercises("4"));
        assertEquals(Set.of(4, 5), GradingExtension.parseExercises("4,5"));
        assertEquals(Set.of(4, 5), GradingExtension.parseExercises("4, 5"));
        for (String bad : new String[] {"four", "12", "0", "4,x", "-1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GradingExtension.parseExercises(bad), bad);
            assertEquals("-Dexercise=" + bad + " names no exercise: use the numbers 1 to 11, one or several, e.g."
                    + " -Dexercise=4 or -Dexercise=4,5", e.getMessage());
        }
    }
}
