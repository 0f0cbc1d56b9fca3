package org.emgmm.model;

/**
 * log Σⱼ exp(aⱼ), computed without overflow or underflow:
 * <pre>
 *   log Σⱼ exp(aⱼ) = m + log Σⱼ exp(aⱼ − m),   m = maxⱼ aⱼ
 * </pre>
 * Every exp(aⱼ − m) is at most 1 and the largest is exactly 1, so the sum lies in [1, n]: it can
 * neither overflow nor underflow to zero, however large or small the aⱼ are. Densities in 50
 * dimensions have logarithms near −100 and below; exp of those is 0 in double precision, which is
 * how seed notebooks that add densities directly end up dividing by zero.
 */
public final class LogSumExp {

    private LogSumExp() {
    }

    /**
     * log Σⱼ exp(a[j]) over the whole array.
     *
     * @param a the logarithms aⱼ, e.g. log πₖ + log N(x | μₖ, Σₖ) for each k. Not modified.
     * @return log Σⱼ exp(a[j]); −∞ when every a[j] is −∞ (or a is empty)
     */
    public static double of(double[] a) {
        return of(a, 0, a.length);
    }

    /**
     * log Σ exp(a[j]) over {@code a[from .. from + count)}.
     *
     * @param a     holds the logarithms. Not modified.
     * @param from  the first index to include
     * @param count how many entries to include
     * @return log Σ exp(a[j]) over those entries; −∞ when every one is −∞ (or count is 0)
     */
    public static double of(double[] a, int from, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = from; j < from + count; j++) {
            max = Math.max(max, a[j]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0.0;
        for (int j = from; j < from + count; j++) {
            sum += Math.exp(a[j] - max);
        }
        return max + Math.log(sum);
    }
}
