package org.emgmm.grading;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a grading JVM hands its results to the grader: signed lines on a stream only the grader reads,
 * instead of files the student's code could rewrite.
 *
 * <p>The grader starts the JVM with a fresh random key on standard input; the grading program reads it
 * before any student class is loaded, keeps the original standard output for this channel and sends
 * everything printed (by the tests or by the student's code) to standard error, which becomes the log.
 * Each report is one line:
 * <pre>
 *   SEQUENCE KIND BASE64(results.json) HMAC-SHA256(key, "SEQUENCE KIND BASE64")
 * </pre>
 * with {@code KIND} {@code progress} after each graded test and {@code final} once at the end. The
 * grader keeps the last line whose signature is right and whose sequence number follows the previous
 * one, and calls a run without a {@code final} line "ended early".
 *
 * <p>What this stops: a submission that writes a report file, prints a report, or ends the JVM early
 * with exit code 0 gains nothing, because the grader reads no file and trusts no unsigned line. What it
 * does not stop on its own: code in the same JVM that reads the key from memory (reflection, native code).
 * The own-work check ({@link OwnWork}) refuses exercise code every such means before it is compiled.
 */
public final class ResultChannel {

    /** The MAC that signs each line. */
    static final String ALGORITHM = "HmacSHA256";

    /** The kind of the last line of a run that ended normally. */
    public static final String FINAL = "final";

    /** The kind of the lines sent while the tests run. */
    public static final String PROGRESS = "progress";

    /**
     * The longest line the grader reads: far more than any real report (every test's output is cut to
     * {@link GradedTest#MAX_OUTPUT_CHARS}), so that a flood of garbage cannot exhaust its memory.
     */
    public static final int MAX_LINE = 8 * 1024 * 1024;

    private final OutputStream out;
    private final Mac mac;
    private long sequence;

    /**
     * A channel writing to {@code out}, signing with {@code key}.
     *
     * @param out the grading JVM's original standard output, which the grader reads
     * @param key the run's key, as the grader sent it
     */
    public ResultChannel(OutputStream out, byte[] key) {
        this.out = out;
        this.mac = mac(key);
    }

    /** Sends one report: {@code results} (the results.json text), as {@link #PROGRESS} or {@link #FINAL}. */
    synchronized void send(String results, String kind) {
        String body = sequence++ + " " + kind + " "
                + Base64.getEncoder().encodeToString(results.getBytes(StandardCharsets.UTF_8));
        String line = body + " " + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8))) + "\n";
        if (line.length() > MAX_LINE) {
            // Cannot happen while every output is cut: say so in the log rather than send a line the grader drops.
            throw new IllegalStateException("a report of " + line.length() + " characters is longer than the grader"
                    + " reads (" + MAX_LINE + ")");
        }
        try {
            out.write(line.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // The grader stopped reading (it stopped the JVM): nothing is left to report to.
        }
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java cannot sign with " + ALGORITHM, e);
        }
    }

    /**
     * One verified line, as the grader reads it.
     *
     * @param sequence its number: 0 for the first line of a run, one more for each next
     * @param kind     {@link #PROGRESS} or {@link #FINAL}
     * @param results  the results.json text
     */
    public record Report(long sequence, String kind, String results) {
    }

    /**
     * Checks one line with {@code key}: the report, or empty when the line is not one this channel
     * signed (malformed, or a signature that does not match).
     */
    public static Optional<Report> verify(String line, byte[] key) {
        String[] words = line.strip().split(" ");
        if (words.length != 4 || !(words[1].equals(PROGRESS) || words[1].equals(FINAL))) {
            return Optional.empty();
        }
        String body = words[0] + " " + words[1] + " " + words[2];
        byte[] expected = mac(key).doFinal(body.getBytes(StandardCharsets.UTF_8));
        try {
            byte[] given = HexFormat.of().parseHex(words[3]);
            if (!MessageDigest.isEqual(expected, given)) {
                return Optional.empty();
            }
            return Optional.of(new Report(Long.parseLong(words[0]), words[1],
                    new String(Base64.getDecoder().decode(words[2]), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();     // not hex, not base 64, not a number
        }
    }
}
