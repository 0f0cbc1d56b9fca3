package org.emgmm.explicitpdf;

import org.emgmm.em.EmException;
import org.emgmm.model.GaussianMixture;

/**
 * One component's density with the determinant and inverse computed explicitly, once per E-step.
 * <pre>
 *   N(x | μ, Σ) = normaliser · exp(−½ (x − μ)ᵀ Σ⁻¹ (x − μ)),   normaliser = 1 / √((2π)^D det Σ)
 * </pre>
 */
final class ExplicitGaussian {

    private final int dimension;
    private final double[] mean;
    /** Σ⁻¹[a][b] = inverse[a * D + b]. */
    private final double[] inverse;
    private final double normaliser;

    private ExplicitGaussian(double[] mean, double[] inverse, double normaliser) {
        this.dimension = mean.length;
        this.mean = mean;
        this.inverse = inverse;
        this.normaliser = normaliser;
    }

    /**
     * @throws EmException when det Σₖ is 0 or infinite in floating point (high D, tiny or huge scales)
     */
    static ExplicitGaussian of(GaussianMixture model, int k) {
        int d = model.dimension();
        GaussJordan.Result inverted = GaussJordan.invert(model.covariance(k), d);
        double determinant = inverted.determinant();
        double normaliser = 1.0 / Math.sqrt(Math.pow(2.0 * Math.PI, d) * determinant);
        if (!(determinant > 0.0) || Double.isInfinite(determinant) || !Double.isFinite(normaliser)) {
            throw new EmException("det Σ of component " + k + " is " + determinant + " in floating point (D = " + d
                    + "), so the explicit density cannot be evaluated: use --implementation vectorised or loops,"
                    + " which work with log det Σ");
        }
        return new ExplicitGaussian(model.mean(k), inverted.inverse(), normaliser);
    }

    /** N(x | μ, Σ), possibly 0 by underflow. */
    double density(double[] x) {
        // q = (x − μ)ᵀ Σ⁻¹ (x − μ)
        double q = 0.0;
        for (int a = 0; a < dimension; a++) {
            double rowSum = 0.0;
            for (int b = 0; b < dimension; b++) {
                rowSum += inverse[a * dimension + b] * (x[b] - mean[b]);
            }
            q += (x[a] - mean[a]) * rowSum;
        }
        return normaliser * Math.exp(-0.5 * q);
    }
}
