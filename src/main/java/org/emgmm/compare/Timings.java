package org.emgmm.compare;

import java.util.List;
import java.util.Locale;

/**
 * Milliseconds per iteration of each implementation on one dataset: a group of bars on the explorer's
 * timing panel ({@link ExplorePage}). A comparison's own data gives one group; a generated race case, of a
 * size where the implementations' differences are real, can give another.
 *
 * @param label              what was timed, e.g. "old-faithful (the data compared)"
 * @param rows               N, the points timed
 * @param columns            D, their dimensions
 * @param components         K
 * @param implementations    the names, in table order
 * @param millisPerIteration one per name, in the same order
 */
public record Timings(String label, int rows, int columns, int components, List<String> implementations,
        List<Double> millisPerIteration) {

    /**
     * Below this many points an iteration takes well under a millisecond, and what is timed is the fixed
     * cost of an iteration (allocation, thread hand-off, the JIT's state) rather than the arithmetic that
     * grows with N: on Old Faithful's 272 points explicit-pdf looks faster than vectorised, the opposite of
     * the ranking on real sizes.
     */
    public static final int FEW_POINTS = 10_000;

    /**
     * Copies the lists and checks they pair up.
     *
     * @param label              what was timed
     * @param rows               N
     * @param columns            D
     * @param components         K
     * @param implementations    the names, in table order. Copied.
     * @param millisPerIteration one per name, in the same order. Copied.
     * @throws IllegalArgumentException when the lists differ in length
     */
    public Timings {
        implementations = List.copyOf(implementations);
        millisPerIteration = List.copyOf(millisPerIteration);
        if (implementations.size() != millisPerIteration.size()) {
            throw new IllegalArgumentException(implementations.size() + " implementations but "
                    + millisPerIteration.size() + " timings");
        }
    }

    /** {@return true when N is below {@link #FEW_POINTS}, too few points for the timings to mean anything} */
    public boolean tooFewPoints() {
        return rows < FEW_POINTS;
    }

    /** {@return "272×2, K = 2": the size timed} */
    public String size() {
        return String.format(Locale.ROOT, "%,d×%d, K = %d", rows, columns, components);
    }

    /**
     * The timings of a comparison's rows that ran.
     *
     * @param label      what was timed
     * @param rows       N
     * @param columns    D
     * @param components K
     * @param outcome    the comparison
     * @return one timing per row that ran, in table order
     */
    public static Timings of(String label, int rows, int columns, int components, Comparison.Outcome outcome) {
        return new Timings(label, rows, columns, components,
                outcome.ran().stream().map(Comparison.Row::implementation).toList(),
                outcome.ran().stream().map(row -> row.result().millisPerIteration()).toList());
    }
}
