package org.emgmm.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real browser for tests: Debian's headless Chromium, driven over the DevTools protocol with the
 * JDK's own WebSocket client (no extra dependency). It opens a page, waits for it to load, evaluates
 * one JavaScript expression in it, and reports every console error, uncaught exception and failed load;
 * it can also take a screenshot of the page once the expression is done.
 *
 * <p>Started as the probe of this kind of machine starts it: headless, no sandbox (tests run as root in
 * CI), no GPU, and no background networking, which a machine without the internet would refuse anyway.
 */
public final class HeadlessBrowser implements AutoCloseable {

    /** The executables tried, in order: Debian's chromium-headless-shell, then chromium. */
    public static final List<String> EXECUTABLES = List.of("/usr/bin/chromium-headless-shell", "/usr/bin/chromium",
            "/usr/lib/chromium/chromium-headless-shell", "/usr/lib/chromium/headless_shell");

    /** The longest a page may take to start, load and answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    /** What a page did. */
    public record PageReport(JsonElement value, List<String> errors) {
    }

    /** What a page did, and how it looked afterwards: a PNG of the viewport. */
    public record Screenshot(PageReport report, byte[] png) {
    }

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final List<JsonObject> events = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger nextId = new AtomicInteger(1);

    private HeadlessBrowser(Process process, Path profile, URI endpoint) throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(endpoint, new Listener()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The browser's executable, if one is installed. */
    public static Optional<Path> executable() {
        return EXECUTABLES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Starts the browser. */
    public static HeadlessBrowser start(Path executable) throws Exception {
        Path profile = Files.createTempDirectory("em-gmm-browser");
        Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--remote-debugging-port=0", "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<URI> endpoint = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = stderr.readLine(); line != null; line = stderr.readLine()) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        Thread drain = new Thread(() -> drain(stderr), "browser stderr");
                        drain.setDaemon(true);
                        drain.start();
                        return URI.create(matcher.group(1));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("the browser ended before it listened for DevTools");
        });
        try {
            return new HeadlessBrowser(process, profile, endpoint.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static void drain(BufferedReader reader) {
        try {
            while (reader.readLine() != null) {
                // keep the pipe empty so the browser never blocks on it
            }
        } catch (IOException ignored) {
            // the browser has gone
        }
    }

    /** Opens {@code file} in a new tab, waits for its load event, and evaluates {@code expression} there. */
    public PageReport open(Path file, String expression) throws Exception {
        String session = load(file, null);
        return evaluate(session, expression);
    }

    /**
     * Opens {@code file} in a new tab whose viewport is {@code width} × {@code height} CSS pixels (at one
     * device pixel each), evaluates {@code expression} there as {@link #open} does, then captures the
     * viewport as a PNG (DevTools' Page.captureScreenshot).
     */
    public Screenshot screenshot(Path file, String expression, int width, int height) throws Exception {
        JsonObject metrics = new JsonObject();
        metrics.addProperty("width", width);
        metrics.addProperty("height", height);
        metrics.addProperty("deviceScaleFactor", 1);
        metrics.addProperty("mobile", false);
        String session = load(file, metrics);
        PageReport report = evaluate(session, expression);
        String png = call(session, "Page.captureScreenshot", object("format", "png")).get("data").getAsString();
        return new Screenshot(report, Base64.getDecoder().decode(png));
    }

    /**
     * Opens a new tab, sets its viewport when {@code metrics} is not null (the parameters of
     * Emulation.setDeviceMetricsOverride), loads {@code file} there and waits for its load event.
     *
     * @return the tab's DevTools session
     */
    private String load(Path file, JsonObject metrics) throws Exception {
        String target = call(null, "Target.createTarget", object("url", "about:blank")).get("targetId").getAsString();
        JsonObject attach = new JsonObject();
        attach.addProperty("targetId", target);
        attach.addProperty("flatten", true);
        String session = call(null, "Target.attachToTarget", attach).get("sessionId").getAsString();
        for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
            call(session, domain + ".enable", new JsonObject());
        }
        if (metrics != null) {
            call(session, "Emulation.setDeviceMetricsOverride", metrics);
        }
        events.clear();
        call(session, "Page.navigate", object("url", file.toUri().toString()));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!loadEventFired()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(file + " did not finish loading within " + TIMEOUT);
            }
            Thread.sleep(20);
        }
        return session;
    }

    /** Evaluates {@code expression} in the tab, awaiting it if it is a promise, and reports the errors seen. */
    private PageReport evaluate(String session, String expression) throws Exception {
        JsonObject evaluate = object("expression", expression);
        evaluate.addProperty("returnByValue", true);
        evaluate.addProperty("awaitPromise", true);
        JsonObject result = call(session, "Runtime.evaluate", evaluate);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the expression failed: " + result.get("exceptionDetails"));
        }
        return new PageReport(result.getAsJsonObject("result").get("value"), errors());
    }

    /**
     * Whether the page's load event has arrived. The reader thread adds events as they come, so the list
     * is read under its lock: a synchronised list's stream is not.
     */
    private boolean loadEventFired() {
        synchronized (events) {
            return events.stream().anyMatch(event -> "Page.loadEventFired".equals(method(event)));
        }
    }

    /** Console errors, uncaught exceptions, log errors and failed loads seen since the page was opened. */
    private List<String> errors() {
        List<String> errors = new ArrayList<>();
        synchronized (events) {
            for (JsonObject event : events) {
                JsonObject params = event.getAsJsonObject("params");
                switch (method(event)) {
                    case "Runtime.consoleAPICalled" -> {
                        if ("error".equals(params.get("type").getAsString())) {
                            errors.add("console.error: " + params.get("args"));
                        }
                    }
                    case "Runtime.exceptionThrown" -> errors.add("exception: " + params.get("exceptionDetails"));
                    case "Log.entryAdded" -> {
                        JsonObject entry = params.getAsJsonObject("entry");
                        if ("error".equals(entry.get("level").getAsString())) {
                            errors.add("log: " + entry.get("text").getAsString() + " " + entry.get("url"));
                        }
                    }
                    case "Network.loadingFailed" -> errors.add("failed load: " + params);
                    default -> {
                    }
                }
            }
        }
        return errors;
    }

    private static String method(JsonObject message) {
        return message.has("method") ? message.get("method").getAsString() : "";
    }

    private static JsonObject object(String key, String value) {
        JsonObject object = new JsonObject();
        object.addProperty(key, value);
        return object;
    }

    private JsonObject call(String session, String method, JsonObject params) throws Exception {
        int id = nextId.getAndIncrement();
        JsonObject message = new JsonObject();
        message.addProperty("id", id);
        message.addProperty("method", method);
        message.add("params", params);
        if (session != null) {
            message.addProperty("sessionId", session);
        }
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(message.toString(), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonObject reply = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.getAsJsonObject("result");
    }

    /** Collects text frames into messages: replies complete their call, the rest are events. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject message = JsonParser.parseString(partial.toString()).getAsJsonObject();
                partial.setLength(0);
                if (message.has("id")) {
                    CompletableFuture<JsonObject> answer = pending.remove(message.get("id").getAsInt());
                    if (answer != null) {
                        answer.complete(message);
                    }
                } else {
                    events.add(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
