package org.emgmm.plot;

import org.emgmm.data.DataMatrix;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.LogSumExp;

/**
 * What the pictures colour points by: each point's most likely component and how unsure that choice is.
 * From the responsibilities under the mixture θ, in log space (as in the E-step):
 * <pre>
 *   log r[i][k] = log πₖ + log N(xᵢ | μₖ, Σₖ) − log Σⱼ πⱼ N(xᵢ | μⱼ, Σⱼ)
 *   component(i)   = argmaxₖ r[i][k]                 (the first one, on ties)
 *   uncertainty(i) = 1 − maxₖ r[i][k]                (mclust's uncertainty; 0 = sure, at most 1 − 1/K)
 * </pre>
 * Computed here from the mixture's own log-densities, not by an EM implementation, so that a picture
 * shows the model whichever implementation fitted it.
 */
final class Assignments {

    private final int[] component;
    private final double[] uncertainty;

    private Assignments(int[] component, double[] uncertainty) {
        this.component = component;
        this.uncertainty = uncertainty;
    }

    /** The assignments of every point of {@code data} under {@code model} (of the data's dimension). */
    static Assignments of(DataMatrix data, GaussianMixture model) {
        int n = data.rows();
        int[] component = new int[n];
        double[] uncertainty = new double[n];
        double[] logTerms = new double[model.components()];
        for (int i = 0; i < n; i++) {
            double[] x = data.row(i);
            for (int k = 0; k < logTerms.length; k++) {
                logTerms[k] = Math.log(model.weight(k)) + model.logComponentDensity(k, x);
            }
            int best = argmax(logTerms);
            component[i] = best;
            // 1 − r = 1 − exp(log r), with expm1 so that a tiny uncertainty is not rounded to 0
            uncertainty[i] = -Math.expm1(logTerms[best] - LogSumExp.of(logTerms));
        }
        return new Assignments(component, uncertainty);
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }

    /** N. */
    int points() {
        return component.length;
    }

    /** The most likely component of point i. */
    int component(int i) {
        return component[i];
    }

    /** 1 − maxₖ r[i][k] of point i. */
    double uncertainty(int i) {
        return uncertainty[i];
    }
}
