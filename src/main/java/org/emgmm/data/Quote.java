package org.emgmm.data;

import java.util.List;

/**
 * User content in messages, kept short: a 10 MB cell or a name list of 50,000 columns must not become a
 * 10 MB error line. At most about {@value #MAX_CHARS} characters of anything the user wrote are quoted,
 * shortened with "…".
 */
public final class Quote {

    /** The most characters of one piece of user content a message quotes. */
    public static final int MAX_CHARS = 100;

    /** The most names a message lists. */
    static final int MAX_NAMES = 10;

    private Quote() {
    }

    /**
     * Shortens one piece of user content.
     *
     * @param text what the user wrote
     * @return {@code text}, or its first {@value #MAX_CHARS} characters and "…" when it is longer
     */
    public static String shorten(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = MAX_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** {@code chars[start .. start + length)}, shortened like {@link #shorten(String)}, without copying the rest. */
    static String shorten(char[] chars, int start, int length) {
        return length <= MAX_CHARS ? new String(chars, start, length)
                : shorten(new String(chars, start, MAX_CHARS + 1));
    }

    /**
     * Names joined with ", ", each shortened, the list cut after {@value #MAX_NAMES} with "… (N in all)",
     * and the whole kept to a few hundred characters.
     *
     * @param names e.g. a file's column names
     * @return the list as one short line
     */
    public static String names(List<String> names) {
        StringBuilder joined = new StringBuilder();
        int shown = 0;
        for (String name : names) {
            if (shown == MAX_NAMES || joined.length() > 3 * MAX_CHARS) {
                return joined + ", … (" + Sizes.count(names.size()) + " in all)";
            }
            joined.append(shown == 0 ? "" : ", ").append(shorten(name));
            shown++;
        }
        return joined.toString();
    }
}
