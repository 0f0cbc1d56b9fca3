package org.emgmm.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Markdown page of the project's documentation, read just enough to check it: its headings (and
 * the anchors GitHub makes of them), its links and pictures, and its fenced blocks with the HTML
 * comment that may stand on the line before each ({@code <!-- output: ... -->} and the like).
 *
 * <p>The pages checked are {@link #pages()}: the README, everything under {@code docs/}, and the
 * students' and hidden tests' guides. Paths are relative to the project directory (the tests'
 * working directory).
 */
final class Markdown {

    /** A fenced block: its first line's number (1-based, the opening fence), info string, lines, and marker. */
    record Block(int line, String info, List<String> lines, String marker, int markerLine) {

        /** The text of the comment before the block without {@code <!--} and {@code -->}, or null. */
        String markerText() {
            return marker == null ? null : marker.substring(4, marker.length() - 3).strip();
        }
    }

    /** A link or picture: the line it is on, its target as written, and whether it is a picture. */
    record Link(int line, String target, boolean picture) {
    }

    private static final Pattern FENCE = Pattern.compile("^(\\s*)(```+|~~~+)(.*)$");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LINK = Pattern.compile("(!?)\\[((?:[^\\[\\]]|\\[[^\\]]*\\])*)\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern COMMENT = Pattern.compile("^\\s*<!--.*-->\\s*$");

    final Path path;
    final List<String> lines;

    private Markdown(Path path, List<String> lines) {
        this.path = path;
        this.lines = lines;
    }

    static Markdown read(Path path) {
        try {
            return new Markdown(path, List.of(Files.readString(path, StandardCharsets.UTF_8).split("\n", -1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pages whose links, anchors and outputs are checked, in a fixed order. */
    static List<Path> pages() {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pages.add(Path.of("exercises", "README.md"));
        pages.add(Path.of("hidden-tests", "README.md"));
        return pages;
    }

    /** The page's name as a reader knows it: its path with forward slashes. */
    String name() {
        return path.toString().replace('\\', '/');
    }

    /** Whether line {@code index} (0-based) is inside a fenced block, fences included. */
    private boolean[] fenced() {
        boolean[] inside = new boolean[lines.size()];
        String open = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i));
            if (open == null && fence.matches()) {
                open = fence.group(2);
                inside[i] = true;
            } else if (open != null) {
                inside[i] = true;
                if (fence.matches() && fence.group(2).startsWith(open) && fence.group(3).isBlank()) {
                    open = null;
                }
            }
        }
        return inside;
    }

    /** The fenced blocks, each with the HTML comment on the nearest non-blank line before it, if any. */
    List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i));
            if (!fence.matches()) {
                continue;
            }
            String indent = fence.group(1);
            String open = fence.group(2);
            int start = i;
            List<String> body = new ArrayList<>();
            for (i++; i < lines.size(); i++) {
                Matcher close = FENCE.matcher(lines.get(i));
                if (close.matches() && close.group(2).startsWith(open) && close.group(3).isBlank()) {
                    break;
                }
                String line = lines.get(i);
                body.add(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading());
            }
            String marker = null;
            int markerLine = -1;
            int before = start - 1;
            while (before >= 0 && lines.get(before).isBlank()) {
                before--;
            }
            if (before >= 0 && COMMENT.matcher(lines.get(before)).matches()) {
                marker = lines.get(before).strip();
                markerLine = before + 1;
            }
            blocks.add(new Block(start + 1, fence.group(3).strip(), List.copyOf(body), marker, markerLine));
        }
        return blocks;
    }

    /** The anchors of the page's headings, as GitHub makes them, in order. */
    Set<String> anchors() {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean[] fenced = fenced();
        for (int i = 0; i < lines.size(); i++) {
            Matcher heading = HEADING.matcher(lines.get(i));
            if (fenced[i] || !heading.matches()) {
                continue;
            }
            String slug = slug(heading.group(2));
            int count = seen.merge(slug, 1, Integer::sum);
            anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return anchors;
    }

    /** The headings' text, in order (for tests that look for a section). */
    List<String> headings() {
        List<String> headings = new ArrayList<>();
        boolean[] fenced = fenced();
        for (int i = 0; i < lines.size(); i++) {
            Matcher heading = HEADING.matcher(lines.get(i));
            if (!fenced[i] && heading.matches()) {
                headings.add(heading.group(2));
            }
        }
        return headings;
    }

    /**
     * GitHub's anchor for a heading: the text as shown (code spans and links reduced to their text,
     * emphasis marks dropped), lower-cased, every character that is not a letter, a digit, a space, a
     * hyphen or an underscore removed, and each space turned into a hyphen.
     */
    static String slug(String heading) {
        String text = LINK.matcher(heading).replaceAll("$2");
        text = text.replace("`", "").replace("*", "");
        StringBuilder slug = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    /** Every link and picture outside fenced blocks and code spans. */
    List<Link> links() {
        List<Link> links = new ArrayList<>();
        boolean[] fenced = fenced();
        for (int i = 0; i < lines.size(); i++) {
            if (fenced[i]) {
                continue;
            }
            String text = CODE_SPAN.matcher(lines.get(i)).replaceAll("");
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                links.add(new Link(i + 1, link.group(3), !link.group(1).isEmpty()));
                // a picture inside a link's text: [![alt](picture)](target)
                Matcher inner = LINK.matcher(link.group(2));
                while (inner.find()) {
                    links.add(new Link(i + 1, inner.group(3), !inner.group(1).isEmpty()));
                }
            }
        }
        return links;
    }

    /** Writes {@code text} over the page. */
    static void write(Path path, List<String> lines) {
        try {
            Files.writeString(path, String.join("\n", lines), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
