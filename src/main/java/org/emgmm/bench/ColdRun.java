package org.emgmm.bench;

import java.util.Locale;
import org.emgmm.em.EmResult;
import org.emgmm.em.EmSettings;
import org.emgmm.vectorised.VectorisedEm;

/**
 * One fit of {@code vectorised} on one case in a JVM of its own, for the cold figure of {@code bench}
 * ({@link Benchmark#coldMillisPerIteration}): what a user's first fit pays, the compiler's warm-up
 * included. Prints the fit's milliseconds per iteration on one line.
 * <pre>
 *   java -cp CLASSPATH org.emgmm.bench.ColdRun N D K SEED ITERATIONS THREADS
 * </pre>
 * Trade-off: the data are drawn in this JVM before the fit, which runs some of the same code the fit
 * needs (none of the kernels), so the figure is at most slightly kinder than a fit from a CSV file.
 */
public final class ColdRun {

    private ColdRun() {
    }

    /**
     * Runs the fit and prints its milliseconds per iteration.
     *
     * @param args N, D, K, seed, iterations, threads
     */
    public static void main(String[] args) {
        if (args.length != 6) {
            System.err.println("ColdRun needs 6 arguments, N D K SEED ITERATIONS THREADS; got " + args.length);
            System.exit(2);
        }
        BenchCase benchCase = new BenchCase("cold", Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Long.parseLong(args[3]));
        int iterations = Integer.parseInt(args[4]);
        int threads = Integer.parseInt(args[5]);
        var data = benchCase.data();
        EmResult result = new VectorisedEm(threads).fit(data, benchCase.start(data),
                new EmSettings(iterations, 0.0, Benchmark.REG_COVAR));
        System.out.println(String.format(Locale.ROOT, "%.17g", result.millisPerIteration()));
    }
}
