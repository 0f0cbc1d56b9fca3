package org.emgmm.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emgmm.data.DataException;
import org.emgmm.data.Quote;
import org.emgmm.model.InvalidMixtureException;

/**
 * A model file read as strict JSON: UTF-8 text, then one JSON value with nothing after it, no NaN, no
 * comments, no key twice and no deeper nesting than a model has (the root object, the covariances, a
 * matrix, a row). Gson's strict reader reads the tokens; the tree is built here, so that a duplicated
 * key is refused (Gson keeps the last value) and running out of memory stays an
 * {@link OutOfMemoryError}. A file that cannot be read as JSON is a {@link DataException}, a key twice
 * or a nesting too deep an {@link InvalidMixtureException}; the one-line message starts with the file
 * name.
 *
 * <p>Siblings: {@link MixtureJson} reads the mixture out of the tree, and writes it back.
 */
final class StrictJson {

    /** How Gson's messages say where the JSON went wrong. */
    private static final Pattern GSON_POSITION = Pattern.compile("line \\d+ column \\d+( path \\S+)?");

    /** Not instantiated: the methods are static. */
    private StrictJson() {
    }

    /**
     * A model file's text, refusing bytes that are not UTF-8.
     *
     * @param file the file
     * @return its text
     * @throws DataException if the file is missing, a directory, unreadable or not UTF-8 text
     */
    static String readText(Path file) {
        if (!Files.exists(file)) {
            throw new DataException("model file " + file + " does not exist: check the path");
        }
        if (Files.isDirectory(file)) {
            throw new DataException(file + " is a directory, not a model file: give the path of a JSON file such"
                    + " as fit --out writes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DataException(file + " is not a model file (it is not UTF-8 text): give a JSON file such as"
                    + " fit --out writes", e);
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": check that it is a readable file", e);
        }
    }

    /** The deepest nesting a model has: the root object, the covariances, a matrix, a row. */
    private static final int MAX_DEPTH = 4;

    /**
     * Parses strict JSON, refusing duplicate keys, needless nesting and anything after the first value.
     *
     * @param json   the text
     * @param source names the text in messages, e.g. its file name
     * @return the JSON value
     * @throws DataException           if the text is blank or not valid JSON
     * @throws InvalidMixtureException for a key twice or a nesting deeper than a model's
     */
    static JsonElement parse(String json, String source) {
        if (json.isBlank()) {
            throw new DataException(source + " is empty: give a model file with \"weights\", \"means\" and"
                    + " \"covariances\"");
        }
        try {
            JsonReader reader = new JsonReader(new StringReader(json));
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = element(reader, 0, source);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("unexpected text after the JSON object");
            }
            return root;
        } catch (JsonParseException | IOException | IllegalStateException | NumberFormatException e) {
            throw new DataException(source + " is not valid JSON (" + gsonReason(e) + "): give a model"
                    + " file with \"weights\", \"means\" and \"covariances\"", e);
        }
    }

    /**
     * One JSON value, read with Gson's strict reader but built here, so that a duplicated key is refused
     * (Gson keeps the last value) and running out of memory stays an {@link OutOfMemoryError} (Gson's
     * parser turns it into a syntax error).
     *
     * @param reader the reader, before the value
     * @param depth  how many arrays and objects enclose the value
     * @param source names the text in messages
     * @return the value
     * @throws IOException             for JSON the reader refuses
     * @throws InvalidMixtureException for a key twice or a nesting deeper than a model's
     */
    private static JsonElement element(JsonReader reader, int depth, String source) throws IOException {
        JsonToken token = reader.peek();
        if ((token == JsonToken.BEGIN_ARRAY || token == JsonToken.BEGIN_OBJECT) && depth >= MAX_DEPTH) {
            throw new InvalidMixtureException(-1, source + ": " + Quote.shorten(reader.getPath()) + " is nested"
                    + " deeper than a model ever is: weights [K], means [K][D], covariances [K][D][D]");
        }
        switch (token) {
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    // numbers directly: a model's arrays hold thousands, each its own call to element otherwise
                    array.add(reader.peek() == JsonToken.NUMBER ? number(reader) : element(reader, depth + 1, source));
                }
                reader.endArray();
                return array;
            }
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String key = reader.nextName();
                    if (object.has(key)) {
                        throw new InvalidMixtureException(-1, source + " has the key \"" + Quote.shorten(key)
                                + "\" twice (at " + Quote.shorten(reader.getPath()) + "): keep one of them");
                    }
                    object.add(key, element(reader, depth + 1, source));
                }
                reader.endObject();
                return object;
            }
            case STRING -> {
                return new JsonPrimitive(reader.nextString());
            }
            case NUMBER -> {
                return number(reader);
            }
            case BOOLEAN -> {
                return new JsonPrimitive(reader.nextBoolean());
            }
            case NULL -> {
                reader.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new JsonParseException("unexpected " + token + " at " + reader.getPath());
        }
    }

    /**
     * One JSON number, kept as its text until it is read as a double.
     *
     * @param reader the reader, before the number
     * @return the number
     * @throws IOException for a number the reader refuses
     */
    private static JsonPrimitive number(JsonReader reader) throws IOException {
        return new JsonPrimitive(new LazilyParsedNumber(reader.nextString()));
    }

    /**
     * Where Gson's reader stopped, e.g. "line 1 column 13 path $.weights[0]". Its messages wrap that in
     * advice about lenient parsing, which does not apply to a model file.
     *
     * @param e what Gson threw
     * @return where it stopped, or its first line
     */
    private static String gsonReason(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            Matcher position = cause.getMessage() == null ? null : GSON_POSITION.matcher(cause.getMessage());
            if (position != null && position.find()) {
                return "stopped at " + Quote.shorten(position.group());
            }
        }
        return e.getMessage() == null ? "unreadable"
                : Quote.shorten(e.getMessage().lines().findFirst().orElse("unreadable"));
    }
}
