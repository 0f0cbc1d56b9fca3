package org.emgmm.grading;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.EmAlgorithm;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.em.Responsibilities;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.GaussianMixture;

/**
 * An EM implementation lent to student code for one call, never the library's object itself. It
 * passes on only what the exercise needs from the library's implementation behind it, and refuses
 * everything else:
 * <ul>
 *   <li>{@link #steps}: for exercise 6, whose loop calls the E- and M-step. {@link #fit} throws: the loop
 *       is what the student writes.</li>
 *   <li>{@link #fits}: for exercise 9, which fits each K. {@link #eStep} and {@link #mStep} throw.</li>
 * </ul>
 * Both answer {@link #name}, {@link #supports} and {@link #supportsSampleWeights} (questions, not
 * computations), as the library's implementation would.
 *
 * <p>It works only while the call it was lent for runs: the test {@link #close closes} it when the call
 * returns, and from then on every method throws. A submission that keeps it in a static field therefore
 * gains nothing in a later exercise's tests, which run in the same JVM: it cannot do their E-steps or
 * M-steps with it.
 * <pre>
 *   try (LentAlgorithm steps = LentAlgorithm.steps(new LoopsEm())) {
 *       result = StudentCode.call("Ex6EmLoop.run(…)", () -&gt; Ex6EmLoop.run(steps, data, start, settings));
 *   }
 * </pre>
 */
public final class LentAlgorithm implements EmAlgorithm, AutoCloseable {

    /** What a lent implementation may be asked for. */
    private enum Use {
        /** The E- and M-step (exercise 6). */
        STEPS,
        /** A whole fit (exercise 9). */
        FITS
    }

    /** The library's implementation that does the work. */
    private final EmAlgorithm library;

    /** What it is lent for. */
    private final Use use;

    /** Whether the call it was lent for has returned. */
    private volatile boolean closed;

    private LentAlgorithm(EmAlgorithm library, Use use) {
        this.library = library;
        this.use = use;
    }

    /**
     * The E- and M-step of {@code library}, for exercise 6's loop; its {@code fit} throws.
     *
     * @param library the implementation whose steps are lent
     * @return the wrapper, open until {@link #close}
     */
    public static LentAlgorithm steps(EmAlgorithm library) {
        return new LentAlgorithm(library, Use.STEPS);
    }

    /**
     * The whole fit of {@code library}, for exercise 9; its {@code eStep} and {@code mStep} throw.
     *
     * @param library the implementation whose fit is lent
     * @return the wrapper, open until {@link #close}
     */
    public static LentAlgorithm fits(EmAlgorithm library) {
        return new LentAlgorithm(library, Use.FITS);
    }

    @Override
    public String name() {
        requireOpen("name");
        return library.name();
    }

    @Override
    public EStep eStep(DataMatrix data, GaussianMixture model) {
        requireOpen("eStep");
        require(Use.STEPS, "eStep");
        return library.eStep(data, model);
    }

    @Override
    public GaussianMixture mStep(DataMatrix data, Responsibilities responsibilities, GaussianMixture previous,
            double regCovar) {
        requireOpen("mStep");
        require(Use.STEPS, "mStep");
        return library.mStep(data, responsibilities, previous, regCovar);
    }

    @Override
    public EmResult fit(DataMatrix data, GaussianMixture start, EmSettings settings) {
        requireOpen("fit");
        require(Use.FITS, "fit");
        return library.fit(data, start, settings);
    }

    @Override
    public boolean supports(CovarianceType type) {
        requireOpen("supports");
        return library.supports(type);
    }

    @Override
    public boolean supportsSampleWeights() {
        requireOpen("supportsSampleWeights");
        return library.supportsSampleWeights();
    }

    /** Ends the loan: every method throws from now on. */
    @Override
    public void close() {
        closed = true;
    }

    /** Refuses every call once the loan has ended. */
    private void requireOpen(String method) {
        if (closed) {
            throw new IllegalStateException("this EmAlgorithm was lent to one call of an exercise's method and that"
                    + " call has returned: " + method + " is not available any more (do not keep it in a field)");
        }
    }

    /** Refuses a method the exercise does not need. */
    private void require(Use needed, String method) {
        if (use != needed) {
            throw new UnsupportedOperationException(use == Use.STEPS
                    ? "the steps given to Ex6EmLoop.run are for eStep and mStep only: " + method + " is the loop you"
                            + " are writing"
                    : "the algorithm given to Ex9Bic.chooseComponents is for fit only: " + method + " is not lent");
        }
    }
}
