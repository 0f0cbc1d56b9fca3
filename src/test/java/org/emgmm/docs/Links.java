package org.emgmm.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The links and pictures of Markdown pages that lead nowhere: a relative target that names no file or
 * folder, or an {@code #anchor} that names no heading of its page (GitHub's anchors: {@link Markdown#slug}).
 * Used on the project's own pages ({@link DocsLinksTest}) and on a student handout's, which holds only
 * some of them (the handout's own test).
 */
public final class Links {

    private Links() {
    }

    /**
     * Every broken link of the pages, one line each: the page, the line, the target and what is wrong.
     *
     * @param pages Markdown files, relative to the working directory or absolute
     * @return the broken links, in page and line order; empty when every link resolves
     */
    public static List<String> broken(List<Path> pages) {
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Markdown markdown = Markdown.read(page);
            for (Markdown.Link link : markdown.links()) {
                String problem = problem(page, link.target(), anchors);
                if (problem != null) {
                    broken.add(markdown.name() + " line " + link.line() + ": " + (link.picture() ? "picture " : "link ")
                            + link.target() + ": " + problem);
                }
            }
        }
        return broken;
    }

    /** What is wrong with a link from {@code page} to {@code target}, or null when it resolves. */
    private static String problem(Path page, String target, Map<Path, Set<String>> anchors) {
        if (target.matches("^[a-zA-Z][a-zA-Z+.-]*:.*")) {
            return null; // https:, mailto: and the like: not checked here (no network in the tests)
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
        if (file.startsWith("/")) {
            return "an absolute path does not work on a code host: use a path relative to the page";
        }
        if (!Files.exists(resolved)) {
            return "no such file " + Path.of("").toAbsolutePath().relativize(resolved.toAbsolutePath());
        }
        if (anchor == null) {
            return null;
        }
        if (!resolved.toString().endsWith(".md")) {
            return "an anchor on a file that is not Markdown";
        }
        Set<String> headings = anchors.computeIfAbsent(resolved.toAbsolutePath().normalize(),
                p -> Markdown.read(p).anchors());
        return headings.contains(anchor) ? null : "no heading with the anchor #" + anchor + " (it has: "
                + String.join(", ", headings) + ")";
    }
}
