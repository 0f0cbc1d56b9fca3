package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.emgmm.testing.HeadlessBrowser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compare page in a real browser (headless Chromium): it loads from a file with no console error and
 * no failed load, every picture decodes to a non-zero natural size, and the table has one row per
 * implementation.
 *
 * <p>Continuous integration installs the browser and sets {@value #REQUIRE}, so there the test must
 * run; on a machine without Chromium it is reported as skipped, saying how to install it.
 */
class ComparePageInBrowserIT {

    /** Environment variable: when set, a missing browser fails the test instead of skipping it. */
    static final String REQUIRE = "EMGMM_REQUIRE_BROWSER";

    private static final String INSPECT = "JSON.stringify({"
            + "images: Array.from(document.images).map(i => [i.complete, i.naturalWidth, i.naturalHeight]),"
            + "rows: document.querySelectorAll('#results tbody tr').length,"
            + "agreement: document.getElementById('agreement').textContent})";

    @TempDir
    Path directory;

    @Test
    void thePageRendersWithEveryPictureAndRow() throws Exception {
        Optional<Path> executable = HeadlessBrowser.executable();
        if (executable.isEmpty()) {
            String advice = "no headless Chromium (none of " + String.join(", ", HeadlessBrowser.EXECUTABLES)
                    + "); install it with apt-get install chromium-headless-shell";
            if (System.getenv(REQUIRE) != null) {
                fail(advice + " (" + REQUIRE + " is set, so the browser check must run)");
            }
            Assumptions.abort(advice);
        }
        Path out = directory.resolve("compare");
        Path json = directory.resolve("rows.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"compare", "--data", "old-faithful", "--components", "2", "--seed", "1",
            "--out", out.toString(), "--json", json.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Main.EXIT_OK, code, err.toString(StandardCharsets.UTF_8));
        JsonObject rows = JsonParser.parseString(Files.readString(json)).getAsJsonObject();

        HeadlessBrowser.PageReport report;
        try (HeadlessBrowser browser = HeadlessBrowser.start(executable.get())) {
            report = browser.open(out.resolve("index.html"), INSPECT);
        }
        assertEquals(java.util.List.of(), report.errors(), "console errors, exceptions or failed loads");
        JsonObject page = JsonParser.parseString(report.value().getAsString()).getAsJsonObject();
        JsonArray images = page.getAsJsonArray("images");
        assertEquals(3, images.size(), "pictures on the page: " + images);
        for (int i = 0; i < images.size(); i++) {
            JsonArray image = images.get(i).getAsJsonArray();
            assertTrue(image.get(0).getAsBoolean(), "picture " + i + " has loaded");
            assertTrue(image.get(1).getAsInt() > 0 && image.get(2).getAsInt() > 0,
                    "picture " + i + " has a natural size: " + image);
        }
        assertEquals(rows.getAsJsonArray("rows").size(), page.get("rows").getAsInt(),
                "one table row per implementation");
        assertEquals(rows.get("agreement").getAsString(), page.get("agreement").getAsString());
    }
}
