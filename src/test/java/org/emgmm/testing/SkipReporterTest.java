package org.emgmm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Every way a test can be skipped gets one line with its reason; passing and failing tests get none. */
class SkipReporterTest {

    /** Made-up tests, run only by {@link #run} (Surefire leaves nested classes alone). */
    static class Fixture {

        @Test
        void passes() {
        }

        @Test
        @Disabled("not today")
        void disabled() {
        }

        @Test
        void assumed() {
            Assumptions.assumeTrue(false, "no fish");
        }

        @Test
        void aborted() {
            Assumptions.abort("install the browser with\n  apt-get install chromium-headless-shell");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void cases(int value) {
            Assumptions.assumeTrue(value == 1, "only one");
        }

        @TestFactory
        Stream<DynamicTest> dynamic() {
            return Stream.of(DynamicTest.dynamicTest("case 0 [seed=0x1]", () -> { }),
                    DynamicTest.dynamicTest("case 1 [seed=0x2]", () -> Assumptions.abort("not this seed")));
        }
    }

    /** A class whose whole set of tests cannot run: one line for the class. */
    static class AbortedBeforeAll {

        @BeforeAll
        static void needsSomething() {
            Assumptions.abort("bubblewrap is not installed here");
        }

        @Test
        void first() {
        }

        @Test
        void second() {
        }
    }

    @Disabled("for the reporter's eyes only")
    static class DisabledClass {

        @Test
        void never() {
        }
    }

    private static void run(TestExecutionListener listener, Class<?>... classes) {
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(listener).build())
                .execute(LauncherDiscoveryRequestBuilder.request()
                        .selectors(Stream.of(classes).map(DiscoverySelectors::selectClass).toList()).build());
    }

    private static List<String> linesOf(Class<?>... classes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        run(new SkipReporter(() -> out), classes);
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void eachSkippedTestGetsOneLineWithItsReason() {
        String fixture = Fixture.class.getName();
        assertEquals(List.of(
                "skipped " + fixture + "#aborted: install the browser with apt-get install chromium-headless-shell",
                "skipped " + fixture + "#assumed: Assumption failed: no fish",
                "skipped " + fixture + "#cases [2] 2: Assumption failed: only one",
                "skipped " + fixture + "#disabled: not today",
                "skipped " + fixture + "#dynamic case 1 [seed=0x2]: not this seed"),
                linesOf(Fixture.class).stream().sorted().toList());
    }

    @Test
    void aClassThatCannotRunGetsOneLine() {
        assertEquals(List.of("skipped " + AbortedBeforeAll.class.getName() + ": bubblewrap is not installed here"),
                linesOf(AbortedBeforeAll.class));
        assertEquals(List.of("skipped " + DisabledClass.class.getName() + ": for the reporter's eyes only"),
                linesOf(DisabledClass.class));
    }

    @Test
    void withoutThePropertyNothingIsPrinted() {
        String before = System.getProperty(SkipReporter.PROPERTY);
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.clearProperty(SkipReporter.PROPERTY);
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            run(new SkipReporter(), Fixture.class, AbortedBeforeAll.class);
        } finally {
            System.setOut(out);
            if (before != null) {
                System.setProperty(SkipReporter.PROPERTY, before);
            }
        }
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
    }
}
