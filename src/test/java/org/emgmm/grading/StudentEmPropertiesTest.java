package org.emgmm.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.emgmm.contract.EmContract;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Responsibilities;
import org.emgmm.exercises.Ex6EmLoop;
import org.emgmm.exercises.StudentEm;
import org.emgmm.loops.LoopsEm;
import org.emgmm.model.GaussianMixture;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Not graded: the property suite that every library implementation passes ({@link EmContract}), run on
 * your EM ({@link StudentEm}: exercises 4, 5 and 6 together). A student's {@code mvn test} runs it with
 * the graded tests ({@link GradeExercises}) and shows its outcome above the score table. Its failures
 * name the property and the seed of the random case.
 *
 * <p>It runs only when it can tell something ({@link WhenYourEmRuns}), and says why when it does not:
 * <ul>
 *   <li>when {@code -Dexercise} chooses exercises and none of 4, 5 and 6 is among them, it is skipped:
 *       its checks take seconds that a run about another exercise should not pay;</li>
 *   <li>when a step of exercises 4, 5 or 6 still throws its TODO, it is skipped, naming those
 *       exercises as not done yet (an exercise written but wrong is not "not done");</li>
 *   <li>when all three are written but your EM throws or does not finish on two components and six
 *       points, it is skipped, saying what happened: every one of its checks would fail the same way,
 *       and the graded tests of exercises 4 to 6 say more;</li>
 *   <li>otherwise it runs, right or wrong.</li>
 * </ul>
 */
@ExtendWith(StudentEmPropertiesTest.WhenYourEmRuns.class)
class StudentEmPropertiesTest extends EmContract {

    @Override
    protected EmAlgorithm algorithm() {
        return new StudentEm();
    }

    /** The exercises whose code this suite runs. */
    static final Set<Integer> EXERCISES = Set.of(4, 5, 6);

    /** Decides, once for the class, whether the suite runs, and if not, says why. */
    static final class WhenYourEmRuns implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (context.getTestMethod().isPresent()) {
                return ConditionEvaluationResult.enabled("decided for the class");
            }
            String skip = whyNotRun(GradingExtension.selectedExercises());
            return skip == null ? ConditionEvaluationResult.enabled("your EM runs")
                    : ConditionEvaluationResult.disabled(skip);
        }
    }

    /**
     * Why the suite should not run, or null when it should.
     *
     * @param selected the exercises chosen with -Dexercise; empty when all are
     * @return the reason, in words for the CHECKS line
     */
    static String whyNotRun(Set<Integer> selected) {
        if (!selected.isEmpty() && selected.stream().noneMatch(EXERCISES::contains)) {
            String chosen = String.join(",", selected.stream().sorted().map(String::valueOf).toList());
            return "it runs exercises 4, 5 and 6, and -D" + GradingExtension.EXERCISE_PROPERTY + "=" + chosen
                    + " chooses none of them";
        }
        List<String> notDone = exercisesNotDone();
        if (!notDone.isEmpty()) {
            return notDoneYet(notDone);
        }
        return fitFailure();
    }

    /**
     * "exercise 4 is not done yet (Ex4EStep still throws its TODO)", or the same for several.
     *
     * @param files the files still throwing their TODO, e.g. {@code Ex4EStep}
     * @return the reason
     */
    static String notDoneYet(List<String> files) {
        List<String> numbers = files.stream().map(file -> file.substring(2, 3)).toList();
        String which = numbers.size() == 1 ? "exercise " + numbers.get(0) + " is"
                : "exercises " + String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and "
                        + numbers.get(numbers.size() - 1) + " are";
        return which + " not done yet (" + String.join(", ", files) + " still throw" + (files.size() == 1 ? "s" : "")
                + " the TODO)";
    }

    /** Two components, six points: the smallest fit that runs every part of the three exercises. */
    private static final DataMatrix DATA = DataMatrix.ofRows(new double[][] {{0.0}, {0.5}, {1.0}, {9.0}, {9.5},
            {10.0}});
    private static final GaussianMixture START = GaussianMixture.of(new double[] {0.5, 0.5},
            new double[][] {{0.0}, {10.0}}, new double[][][] {{{1.0}}, {{1.0}}});
    private static final EmSettings SETTINGS = new EmSettings(5, 0.0, 1e-6);

    /**
     * The files of exercises 4, 5 and 6 whose step still throws its TODO: each step is called on its own,
     * the others being the library's, so that one exercise not done yet does not hide the others.
     *
     * @return e.g. {@code [Ex5MStep, Ex6EmLoop]}, in exercise order
     */
    static List<String> exercisesNotDone() {
        EmAlgorithm library = new LoopsEm();
        StudentEm yours = new StudentEm();
        Responsibilities r = library.eStep(DATA, START).responsibilities();
        List<String> notDone = new ArrayList<>();
        if (throwsTodo(() -> yours.eStep(DATA, START))) {
            notDone.add("Ex4EStep");
        }
        if (throwsTodo(() -> yours.mStep(DATA, r, START, SETTINGS.regCovar()))) {
            notDone.add("Ex5MStep");
        }
        if (throwsTodo(() -> Ex6EmLoop.run(library, DATA, START, SETTINGS))) {
            notDone.add("Ex6EmLoop");
        }
        return notDone;
    }

    /**
     * Whether {@code code} throws an {@code UnsupportedOperationException} whose message starts with
     * "TODO", as every skeleton's method does, within the time limit of a graded test.
     */
    private static boolean throwsTodo(StudentCode.Call<?> code) {
        return outcome(code) instanceof Todo;
    }

    /**
     * What your whole EM does on the six points: null when it returns a result, else in words.
     *
     * @return null, or the reason to skip
     */
    private static String fitFailure() {
        Throwable thrown = outcome(() -> new StudentEm().fit(DATA, START, SETTINGS));
        if (thrown == null) {
            return null;
        }
        String what = thrown instanceof TimeoutException ? "did not finish within "
                + GradingExtension.timeoutSeconds() + " s" : "failed: " + GradedTest.describe(thrown);
        return "your EM (exercises 4, 5 and 6) " + what + " on two components and six points, so every check"
                + " would fail the same way; the graded tests of exercises 4 to 6 say where";
    }

    /** A skeleton's "TODO", caught: the code is not written yet. */
    private static final class Todo extends Exception {
        private static final long serialVersionUID = 1L;

        Todo(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Runs student code on a thread of its own, at most a graded test's time limit.
     *
     * @param code the call
     * @return null when it returned; a {@link Todo} when it threw a skeleton's TODO; what else it threw,
     *         explained by {@link StudentCode}; or a {@link TimeoutException} when it did not finish
     */
    private static Throwable outcome(StudentCode.Call<?> code) {
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "student-em-probe");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Throwable> run = executor.submit(() -> StudentCode.<Throwable>call("StudentEm", () -> {
                try {
                    code.call();
                    return null;
                } catch (UnsupportedOperationException e) {
                    if (e.getMessage() != null && e.getMessage().startsWith("TODO")) {
                        return new Todo(e.getMessage());
                    }
                    throw e;
                }
            }));
            return run.get(GradingExtension.timeoutSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } finally {
            executor.shutdownNow();
            StudentCode.stopRunaways();
        }
    }
}
