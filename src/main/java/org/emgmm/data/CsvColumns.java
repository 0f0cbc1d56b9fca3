package org.emgmm.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns of a CSV file: whether its first line is a header, what its columns are called, and
 * which column a selector means (a header name, or a 1-based index; a name wins when a column is
 * called, say, {@code 2}).
 * <pre>
 *   header  ⇔  some field j of line 1 is not a number while field j of line 2 is one
 *              (or line 1 is the only line)
 *   names   =  the header's fields (a blank one becomes xj), or x1, x2, ... without a header
 * </pre>
 * Siblings: {@link CsvTable} asks these questions while it reads a file; {@link NumberParser} says
 * what is a number.
 */
final class CsvColumns {

    /** A column chosen by position: its 1-based index, digits only. */
    private static final Pattern INDEX = Pattern.compile("\\d+");

    /** Not instantiated: the methods are static. */
    private CsvColumns() {
    }

    /**
     * The header rule: a field of the first line that is not a number, above one that is (or above
     * nothing).
     *
     * @param first  the first line's fields
     * @param second the second line's fields, as many as the first's; null when the file has one line
     * @param parser reads the fields
     * @return whether the first line is a header
     */
    static boolean isHeader(List<String> first, List<String> second, NumberParser parser) {
        for (int j = 0; j < first.size(); j++) {
            if (!parser.isNumber(first.get(j)) && (second == null || parser.isNumber(second.get(j)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The header's names; a blank name becomes x1, x2, ... after its position.
     *
     * @param header the header's fields
     * @return one name per column
     */
    static List<String> headerNames(List<String> header) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < header.size(); j++) {
            String name = header.get(j);
            names.add(name.isEmpty() ? defaultName(j) : name);
        }
        return names;
    }

    /**
     * The names of the columns of a file without a header: x1, x2, ...
     *
     * @param count how many columns
     * @return x1 to x{@code count}
     */
    static List<String> defaultNames(int count) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            names.add(defaultName(j));
        }
        return names;
    }

    /**
     * The name of column j (0-based) in a file without a header, the same as {@link DataMatrix}'s.
     *
     * @param j the column, from 0
     * @return "x" followed by j + 1
     */
    private static String defaultName(int j) {
        return "x" + (j + 1);
    }

    /**
     * Refuses a header that names two columns alike.
     *
     * @param names  the header's names
     * @param source names the file in the message
     * @throws DataException naming the name and both columns
     */
    static void requireDistinctNames(List<String> names, String source) {
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < names.size(); j++) {
            Integer before = seen.putIfAbsent(names.get(j), j);
            if (before != null) {
                throw new DataException(source + " has two columns named '" + Quote.shorten(names.get(j))
                        + "' (columns " + (before + 1) + " and " + (j + 1) + "): give each column its own"
                        + " name in the header");
            }
        }
    }

    /**
     * The 0-based positions of the selected columns, in selection order, each at most once.
     *
     * @param selection the selectors, each a name or a 1-based index
     * @param names     the file's column names
     * @param source    names the file in messages
     * @return one position per selector
     * @throws DataException for a column the file does not have, or one chosen twice
     */
    static List<Integer> resolveColumns(List<String> selection, List<String> names, String source) {
        List<Integer> chosen = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String selector : selection) {
            int column = resolveColumn(selector, names, source);
            if (!seen.add(column)) {
                throw new DataException("column '" + Quote.shorten(names.get(column)) + "' of " + source
                        + " is chosen twice: list each column once");
            }
            chosen.add(column);
        }
        return chosen;
    }

    /**
     * The 0-based position of a column given by name or by 1-based index.
     *
     * @param selector a name or a 1-based index; spaces around it are ignored
     * @param names    the file's column names
     * @param source   names the file in the message
     * @return the column's position, from 0
     * @throws DataException for a column the file does not have, listing those it has
     */
    static int resolveColumn(String selector, List<String> names, String source) {
        String wanted = selector.strip();
        int byName = names.indexOf(wanted);
        if (byName >= 0) {
            return byName;
        }
        if (INDEX.matcher(wanted).matches()) {
            int index = parseIndex(wanted);
            if (index >= 1 && index <= names.size()) {
                return index - 1;
            }
            throw new DataException(source + " has no column " + Quote.shorten(wanted) + ": it has " + names.size()
                    + " (" + Quote.names(names) + "); give an index from 1 to " + names.size() + " or a name");
        }
        throw new DataException(source + " has no column '" + Quote.shorten(wanted) + "': choose from "
                + Quote.names(names) + " (by name or 1-based index)");
    }

    /**
     * A string of digits as an int; one too long for an int is out of range like any other.
     *
     * @param digits one or more of 0 to 9
     * @return its value, or {@link Integer#MAX_VALUE} when it is larger
     */
    private static int parseIndex(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
