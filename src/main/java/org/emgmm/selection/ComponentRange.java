package org.emgmm.selection;

import java.util.List;
import java.util.TreeSet;

/**
 * The numbers of components K that {@code select} tries, as written on its command line: one K
 * ({@code 3}), a range ({@code 1..8}, both ends included), or a comma list of either
 * ({@code 1,2,5} or {@code 1..3,6}). The values are kept sorted and each once, so the table and the
 * plot read from left to right whatever order they were written in.
 *
 * <p>Siblings: {@link ModelSearch} fits every K listed here for every covariance type;
 * {@link SelectionTable} holds what came out.
 *
 * @param values the Ks, ascending, each at least 1, none twice
 */
public record ComponentRange(List<Integer> values) {

    /**
     * The most values of K one search may try. A table with more than 100 rows per covariance type
     * cannot be read, and a mistyped range (1..100000) should be refused before a single fit runs.
     */
    public static final int MAX_VALUES = 100;

    /**
     * mclust's default range, G = 1:9: enough to see BIC turn back up for the data sets a course meets.
     */
    public static final int DEFAULT_LARGEST = 9;

    /** Between the two ends of a range: {@code 1..8}. */
    private static final String RANGE = "..";

    /** Between the items of a list: {@code 1,2,5}. */
    private static final String LIST = ",";

    /** How to write --components, the end of every message about it. */
    private static final String EXAMPLES = "write K, a range A..B or a comma list, e.g. 3, 1..8 or 1,2,5";

    /**
     * Keeps a copy of the values, after checking that there is at least one, that each is at least 1
     * (a mixture of no components models nothing) and that they ascend with none twice.
     *
     * @param values the Ks, at least one. Copied.
     * @throws IllegalArgumentException if {@code values} is empty, holds a K below 1, or is not strictly
     *                                  ascending
     */
    public ComponentRange {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("--components names no K: " + EXAMPLES);
        }
        int previous = 0;
        for (int k : values) {
            if (k < 1) {
                throw new IllegalArgumentException("--components " + k + " is not a number of components: each K"
                        + " is at least 1; " + EXAMPLES);
            }
            if (k <= previous) {
                throw new IllegalArgumentException("the Ks " + values + " are not ascending, each once: list them"
                        + " as parse and between do");
            }
            previous = k;
        }
    }

    /**
     * The default, {@code 1..9} as in mclust, but never more components than points: K ≤ N.
     *
     * @param points N, at least 1
     * @return 1..min(9, N)
     * @throws IllegalArgumentException if {@code points} is below 1 (the range would be empty)
     */
    public static ComponentRange defaultFor(int points) {
        return between(1, Math.min(DEFAULT_LARGEST, points));
    }

    /**
     * Every K from {@code first} to {@code last}, both included.
     *
     * @param first the smallest K, at least 1
     * @param last  the largest K, at least {@code first}
     * @return first, first + 1, ..., last
     * @throws IllegalArgumentException if {@code last} is below {@code first} (the range would be empty),
     *                                  or {@code first} is below 1
     */
    public static ComponentRange between(int first, int last) {
        TreeSet<Integer> ks = new TreeSet<>();
        addRange(ks, first, last);
        return new ComponentRange(List.copyOf(ks));
    }

    /**
     * Reads {@code 3}, {@code 1..8}, {@code 1,2,5} or {@code 1..3,6}.
     *
     * @param text the value of {@code --components}; spaces around each item are ignored
     * @return the Ks named, sorted, each once
     * @throws IllegalArgumentException one line naming the part that is wrong and how to write it
     */
    public static ComponentRange parse(String text) {
        TreeSet<Integer> ks = new TreeSet<>();
        for (String item : text.split(LIST, -1)) {
            addItem(ks, item.strip(), text);
            if (ks.size() > MAX_VALUES) {
                throw tooMany(text);
            }
        }
        return new ComponentRange(List.copyOf(ks));
    }

    /** One item of the list: a single K or a range A..B. */
    private static void addItem(TreeSet<Integer> ks, String item, String whole) {
        int dots = item.indexOf(RANGE);
        if (dots < 0) {
            ks.add(component(item, whole));
            return;
        }
        int first = component(item.substring(0, dots), whole);
        int last = component(item.substring(dots + RANGE.length()), whole);
        if (last < first) {
            throw new IllegalArgumentException("--components " + item + " runs backwards: write the smaller K first,"
                    + " " + last + RANGE + first);
        }
        if ((long) last - first + 1 + ks.size() > MAX_VALUES) {
            throw tooMany(whole);
        }
        addRange(ks, first, last);
    }

    /**
     * Adds first, first + 1, ..., last. The counter is a {@code long}: an {@code int} counter would wrap
     * past {@link Integer#MAX_VALUE} and never end a range whose last K is that value.
     */
    private static void addRange(TreeSet<Integer> ks, int first, int last) {
        for (long k = first; k <= last; k++) {
            ks.add((int) k);
        }
    }

    /** One K: a whole number, 1 or more. */
    private static int component(String number, String whole) {
        int k;
        try {
            k = Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--components '" + org.emgmm.data.Quote.shorten(whole)
                    + "' is not a number of components: " + EXAMPLES);
        }
        if (k < 1) {
            throw new IllegalArgumentException("--components has K = " + k + ": a mixture needs 1 component or more");
        }
        return k;
    }

    /** The error for a --components that lists more than {@link #MAX_VALUES} Ks, quoting it shortened. */
    private static IllegalArgumentException tooMany(String whole) {
        return new IllegalArgumentException("--components " + org.emgmm.data.Quote.shorten(whole) + " lists more than "
                + MAX_VALUES + " values of K: choose a narrower range");
    }

    /**
     * How many Ks.
     *
     * @return the number of values
     */
    public int size() {
        return values.size();
    }

    /**
     * The smallest K.
     *
     * @return the first value, the smallest when the values are sorted
     */
    public int first() {
        return values.get(0);
    }

    /**
     * The largest K.
     *
     * @return the last value, the largest when the values are sorted
     */
    public int last() {
        return values.get(values.size() - 1);
    }

    /** "1..8" for a run of consecutive Ks, otherwise "1, 2, 5". */
    @Override
    public String toString() {
        boolean consecutive = last() - first() + 1 == size();
        if (consecutive && size() > 1) {
            return first() + RANGE + last();
        }
        return String.join(", ", values.stream().map(String::valueOf).toList());
    }
}
