package org.emgmm.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every relative link and picture in the README, under {@code docs/} and in the students' and hidden
 * tests' guides leads somewhere: to a file or folder of the project, and, with {@code #anchor}, to a
 * heading of the page it names (GitHub's anchors: {@link Markdown#slug}). Every page under
 * {@code docs/} can be reached from the README and leads back to it, and the README stays a front
 * page, at most {@value #README_BYTES} bytes.
 */
class DocsLinksTest {

    /** The front page's budget: what it must say fits in 10 KB, and the rest is a link away. */
    static final int README_BYTES = 10 * 1024;

    private static final Path README = Path.of("README.md");

    @Test
    void everyLinkAndAnchorResolves() {
        assertEquals(List.of(), Links.broken(Markdown.pages()), "links that lead nowhere");
    }

    @Test
    void everyDocsPageIsReachableFromTheReadmeAndLeadsBack() throws IOException {
        Set<Path> docs = new TreeSet<>();
        for (Path page : Markdown.pages()) {
            if (page.startsWith("docs")) {
                docs.add(page.toAbsolutePath().normalize());
            }
        }
        // the pages reached from the README by following links between Markdown pages
        Set<Path> reached = new TreeSet<>();
        List<Path> todo = new ArrayList<>(List.of(README.toAbsolutePath().normalize()));
        while (!todo.isEmpty()) {
            Path page = todo.remove(todo.size() - 1);
            if (!reached.add(page)) {
                continue;
            }
            for (Markdown.Link link : Markdown.read(page).links()) {
                String file = link.target().replaceAll("#.*", "");
                if (file.isEmpty() || file.matches("^[a-zA-Z][a-zA-Z+.-]*:.*")) {
                    continue;
                }
                Path target = page.getParent().resolve(file).normalize();
                if (Files.isDirectory(target)) {
                    target = target.resolve("README.md");
                }
                if (target.toString().endsWith(".md") && Files.isRegularFile(target)) {
                    todo.add(target);
                }
            }
        }
        List<String> problems = new ArrayList<>();
        Path root = Path.of("").toAbsolutePath();
        for (Path page : docs) {
            String name = root.relativize(page).toString().replace('\\', '/');
            if (!reached.contains(page)) {
                problems.add(name + " cannot be reached from README.md: link it from a page that can");
            }
            boolean back = Markdown.read(page).links().stream().anyMatch(link -> !link.picture()
                    && page.getParent().resolve(link.target().replaceAll("#.*", "")).normalize()
                            .equals(README.toAbsolutePath().normalize()));
            if (!back) {
                problems.add(name + " has no link back to README.md");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theReadmeIsAFrontPage() throws IOException {
        long size = Files.size(README);
        assertTrue(size <= README_BYTES, "README.md is " + size + " bytes, more than " + README_BYTES
                + ": move detail into docs/ and link to it");
    }

    @Test
    void slugsFollowGitHubsRules() {
        assertEquals("fit---plots-dir-and-plot", Markdown.slug("`fit --plots DIR` and `plot`"));
        assertEquals("the-seed-notebooks-own-examples", Markdown.slug("The seed notebooks' own examples"));
        assertEquals("how-vectorised-is-fast", Markdown.slug("How `vectorised` is fast"));
        assertEquals("predict-predict-proba-score-samples-score", Markdown.slug("`predict`, `predict-proba`, "
                + "`score-samples`, `score`"));
        assertEquals("e-step-and-m-step", Markdown.slug("E-step and M-step"));
        assertEquals("sandbox", Markdown.slug("[Sandbox](sandbox.md)"));
    }
}
