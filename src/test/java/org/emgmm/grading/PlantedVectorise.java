package org.emgmm.grading;

import org.emgmm.data.DataMatrix;
import org.emgmm.em.EStep;
import org.emgmm.em.Responsibilities;
import org.emgmm.exercises.Ex10Vectorise;

/**
 * Not graded: a copy of exercise 10's E-step and moment sums, as the worked solution writes them, in
 * which {@link KnownMistakesTest} and {@link PromisesTest} plant one of the "Common mistakes" of
 * {@code Ex10Vectorise}'s comment at a time ({@link Slip}), to show that the graded checks catch each
 * and that their hints name it. With {@link Slip#NONE} it is the right method, and must pass them all.
 */
final class PlantedVectorise {

    /** The mistakes of the exercise's comment, one at a time. */
    enum Slip {
        /** None: the right method. */
        NONE,
        /** {@code for (start = 0; start + B <= N; start += B)}: the last, shorter block left out. */
        LAST_BLOCK_DROPPED,
        /** Every block B points long, the last one too: it reads past the end of the data. */
        LAST_BLOCK_OVERRUN,
        /** Log-sum-exp shifted by the block's maximum rather than each point's. */
        SHIFT_BY_THE_BLOCK,
        /** The second moments about 0: Σ r x xᵀ, with s1 = Σ r x. */
        SUMS_ABOUT_ZERO,
        /** The moments about the new means Σ r x / Nₖ instead of the centres given. */
        SUMS_ABOUT_NEW_MEANS,
        /** One responsibilities array kept between calls and wrapped into every result. */
        RESULT_BUFFER_REUSED
    }

    private static final double LOG_TWO_PI = Math.log(2.0 * Math.PI);

    private final Slip slip;

    /** The array that {@link Slip#RESULT_BUFFER_REUSED} hands out again and again. */
    private double[] kept;

    PlantedVectorise(Slip slip) {
        this.slip = slip;
    }

    /** The E-step of {@code Ex10Vectorise}, with {@link #slip} planted. */
    EStep eStep(DataMatrix data, org.emgmm.model.GaussianMixture model, double[] factors, double[] logDeterminants,
            int block) {
        int n = data.rows();
        int d = data.columns();
        int k = model.components();
        double[] x = data.toFlatArray();
        double[] means = model.flatMeans();
        double[] r = slip == Slip.RESULT_BUFFER_REUSED && kept != null && kept.length == n * k ? kept
                : new double[n * k];
        kept = r;
        double[][] z = new double[d][block];
        double[][] logP = new double[k][block];
        double logLikelihood = 0.0;
        for (int start = 0; slip == Slip.LAST_BLOCK_DROPPED ? start + block <= n : start < n; start += block) {
            int size = slip == Slip.LAST_BLOCK_OVERRUN ? block : Math.min(block, n - start);
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    for (int b = 0; b < size; b++) {
                        z[j][b] = x[(start + b) * d + j] - means[c * d + j];
                    }
                }
                for (int j = 0; j < d; j++) {
                    for (int m = 0; m < j; m++) {
                        for (int b = 0; b < size; b++) {
                            z[j][b] -= factors[(c * d + j) * d + m] * z[m][b];
                        }
                    }
                    for (int b = 0; b < size; b++) {
                        z[j][b] /= factors[(c * d + j) * d + j];
                    }
                }
                double constant = Math.log(model.weight(c)) - 0.5 * (d * LOG_TWO_PI + logDeterminants[c]);
                for (int b = 0; b < size; b++) {
                    double squared = 0.0;
                    for (int j = 0; j < d; j++) {
                        squared += z[j][b] * z[j][b];
                    }
                    logP[c][b] = constant - 0.5 * squared;
                }
            }
            double blockMax = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                for (int b = 0; b < size; b++) {
                    blockMax = Math.max(blockMax, logP[c][b]);
                }
            }
            for (int b = 0; b < size; b++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    max = Math.max(max, logP[c][b]);
                }
                if (slip == Slip.SHIFT_BY_THE_BLOCK) {
                    max = blockMax;
                }
                double sum = 0.0;
                for (int c = 0; c < k; c++) {
                    sum += Math.exp(logP[c][b] - max);
                }
                for (int c = 0; c < k; c++) {
                    r[(start + b) * k + c] = Math.exp(logP[c][b] - max) / sum;
                }
                logLikelihood += max + Math.log(sum);
            }
        }
        return new EStep(Responsibilities.wrap(n, k, r), logLikelihood);
    }

    /** The moment sums of {@code Ex10Vectorise}, with {@link #slip} planted. */
    Ex10Vectorise.Sums momentSums(DataMatrix data, Responsibilities r, double[] centres, int block) {
        int n = data.rows();
        int d = data.columns();
        int k = r.components();
        double[] counts = new double[k];
        double[] first = new double[k * d];
        double[] second = new double[k * d * d];
        double[] about = slip == Slip.SUMS_ABOUT_ZERO ? new double[k * d]
                : slip == Slip.SUMS_ABOUT_NEW_MEANS ? newMeans(data, r) : centres;
        for (int start = 0; slip == Slip.LAST_BLOCK_DROPPED ? start + block <= n : start < n; start += block) {
            int size = Math.min(block, n - start);
            for (int c = 0; c < k; c++) {
                for (int b = 0; b < size; b++) {
                    int i = start + b;
                    double weight = r.get(i, c);
                    counts[c] += weight;
                    for (int a = 0; a < d; a++) {
                        double ya = data.get(i, a) - about[c * d + a];
                        first[c * d + a] += weight * ya;
                        for (int e = 0; e < d; e++) {
                            double ye = data.get(i, e) - about[c * d + e];
                            second[(c * d + a) * d + e] += weight * ya * ye;
                        }
                    }
                }
            }
        }
        return new Ex10Vectorise.Sums(counts, first, second);
    }

    /** μₖ = Σᵢ r[i][k] xᵢ / Nₖ, K×D flat. */
    private static double[] newMeans(DataMatrix data, Responsibilities r) {
        int d = data.columns();
        int k = r.components();
        double[] means = new double[k * d];
        double[] counts = new double[k];
        for (int i = 0; i < data.rows(); i++) {
            for (int c = 0; c < k; c++) {
                counts[c] += r.get(i, c);
                for (int j = 0; j < d; j++) {
                    means[c * d + j] += r.get(i, c) * data.get(i, j);
                }
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                means[c * d + j] /= counts[c];
            }
        }
        return means;
    }
}
