package org.emgmm.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Path;
import org.emgmm.data.DataException;
import org.emgmm.data.Quote;
import org.emgmm.em.EmResult;
import org.emgmm.model.GaussianMixture;
import org.emgmm.model.InvalidMixtureException;
import org.emgmm.model.CovarianceType;
import org.emgmm.model.NotPositiveDefiniteException;

/**
 * Mixture parameters as JSON: read a model to start EM from or to sample from, write the result of a
 * fit.
 * <pre>
 *   {
 *     "weights":     [π₁, ..., π_K],
 *     "means":       [[μ₁ (D numbers)], ..., [μ_K]],
 *     "covariances": [[[Σ₁ (D rows of D)]], ..., [[Σ_K]]],
 *     "covarianceType": "full" | "diag" | "spherical" | "tied"
 *   }
 * </pre>
 * The covariances are K full D×D matrices whatever the type. {@code covarianceType} may be left out, and
 * then means full; when it is given, the covariances must have its shape (diagonal, σ² times the identity,
 * or all equal).
 * A written result adds {@code implementation}, {@code iterations}, {@code converged},
 * {@code logLikelihood} (the total over all points), {@code meanLogLikelihood} (per point),
 * {@code logLikelihoodTrace} (per point, entry 0 at the initial parameters),
 * {@code emptyComponents}, and {@code freeParameters}, {@code bic} and {@code aic} (lower is better; see
 * {@link org.emgmm.selection.ModelSelection}); a fit with sample weights adds
 * {@code "sampleWeights": {"column": NAME or "file": PATH, "total": Σᵢ wᵢ, "points": N}} (and its
 * per-point figures are then per unit of weight). Reading ignores those keys, so a fit's output is a valid
 * model. No timing is written (the time per iteration is in fit's summary and in compare's and bench's
 * outputs), so the file is a pure function of the data, the options and the seed; reading ignores the
 * {@code millisPerIteration} that older files hold, as it ignores every other key it does not need.
 *
 * <p>Numbers are written in the shortest decimal form that reads back as the same double, so writing
 * then reading gives the parameters back bit for bit.
 *
 * <p>Reading is strict JSON: NaN, comments and trailing text are refused. A file that cannot be read as
 * JSON is a {@link DataException}; JSON that is not a valid mixture (a missing key, wrong shapes, weights
 * that do not sum to 1, a covariance that is not positive-definite) is an
 * {@link InvalidMixtureException}. Either way the one-line message starts with the file name.
 *
 * <p>The strict reading of the text is {@link StrictJson}'s; this class reads the mixture out of the
 * JSON tree, and writes one.
 */
public final class MixtureJson {

    /** A key every model file must have: the mixing weights πₖ. */
    public static final String WEIGHTS = "weights";

    /** A key every model file must have: the means μₖ. */
    public static final String MEANS = "means";

    /** A key every model file must have: the covariances Σₖ, each a full D×D matrix. */
    public static final String COVARIANCES = "covariances";

    /** The optional key that constrains the covariances' shape (see {@link CovarianceType}). */
    public static final String COVARIANCE_TYPE = "covarianceType";

    /** Indented output, so a student can read the file; the numbers are the same as compact output's. */
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** Output ends with a newline, the same on every platform, so the same result gives the same bytes. */
    private static final String LINE_END = "\n";

    /** Not instantiated: the methods are static. */
    private MixtureJson() {
    }

    /**
     * Reads a model file.
     *
     * @param file the file
     * @return the mixture, with the file's covariance type
     * @throws DataException           if the file is missing, unreadable or not JSON
     * @throws InvalidMixtureException if the JSON is not a valid mixture, naming the key or component
     */
    public static GaussianMixture read(Path file) {
        return fromJson(StrictJson.readText(file), file.toString());
    }

    /**
     * Reads a model from JSON text.
     *
     * @param json   the text
     * @param source names the text in error messages, e.g. its file name
     * @return the mixture, with the text's covariance type
     * @throws DataException           if the text is not JSON
     * @throws InvalidMixtureException if the JSON is not a valid mixture, naming the key or component
     * @see #read(Path)
     */
    public static GaussianMixture fromJson(String json, String source) {
        JsonObject root = requireObject(StrictJson.parse(json, source), source);
        double[] weights = vector(requireKey(root, WEIGHTS, source), WEIGHTS, source);
        double[][] means = matrix(requireKey(root, MEANS, source), MEANS, source);
        double[][][] covariances = matrices(requireKey(root, COVARIANCES, source), COVARIANCES, source);
        CovarianceType type = covarianceType(root, source);
        try {
            return GaussianMixture.of(weights, means, covariances).withCovarianceType(type);
        } catch (NotPositiveDefiniteException e) {
            throw new InvalidMixtureException(e.component(), source + ": " + e.getMessage()
                    + ": give a symmetric matrix with positive variances and correlations strictly between -1 and 1");
        } catch (InvalidMixtureException e) {
            throw new InvalidMixtureException(e.component(), source + ": " + e.getMessage());
        }
    }

    /**
     * The means of a start file that gives only {@code "means"} (no weights, no covariances), as
     * scikit-learn's {@code means_init} does; null when the file has weights or covariances, for
     * {@link #read} to take (and to say what is wrong with).
     *
     * @param file the file
     * @return K rows of D means, or null
     * @throws DataException           if the file is missing, unreadable or not JSON
     * @throws InvalidMixtureException if the means are not a K×D matrix of finite numbers
     */
    public static double[][] meansOnly(Path file) {
        String source = file.toString();
        JsonObject root = requireObject(StrictJson.parse(StrictJson.readText(file), source), source);
        if (!root.has(MEANS) || root.has(WEIGHTS) || root.has(COVARIANCES)) {
            return null;
        }
        double[][] means = matrix(root.get(MEANS), MEANS, source);
        if (means.length == 0 || means[0].length == 0) {
            throw new InvalidMixtureException(-1, source + ": \"" + MEANS + "\" is empty: give one row of D numbers"
                    + " per component");
        }
        for (int k = 0; k < means.length; k++) {
            if (means[k].length != means[0].length) {
                throw new InvalidMixtureException(k, source + ": mean " + k + " has " + means[k].length
                        + " values, mean 0 has " + means[0].length + ": give every mean one value per column");
            }
            for (double value : means[k]) {
                if (!Double.isFinite(value)) {
                    throw new InvalidMixtureException(k, source + ": mean " + k + " holds " + value
                            + ": give finite numbers");
                }
            }
        }
        return means;
    }

    /**
     * The file's covarianceType, full when it has none.
     *
     * @param root   the file's object
     * @param source names the file in messages
     * @return the covariance type
     * @throws InvalidMixtureException when it is not a string, or names no type
     */
    private static CovarianceType covarianceType(JsonObject root, String source) {
        JsonElement element = root.get(COVARIANCE_TYPE);
        if (element == null) {
            return CovarianceType.FULL;
        }
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
            throw new InvalidMixtureException(-1, source + ": \"" + COVARIANCE_TYPE + "\" is " + describe(element)
                    + ", not a string: give one of " + String.join(", ", CovarianceType.labels()) + " or leave it out");
        }
        String label = element.getAsString();
        try {
            return CovarianceType.byLabel(label);
        } catch (IllegalArgumentException e) {
            throw new InvalidMixtureException(-1, source + ": \"" + COVARIANCE_TYPE + "\" is \"" + Quote.shorten(label)
                    + "\": give one of " + String.join(", ", CovarianceType.labels()) + " or leave it out");
        }
    }

    /**
     * A fit's parameters and run summary as JSON text (see the class comment for the keys).
     *
     * @param result the fit
     * @return the JSON text, ending with a newline
     */
    public static String toJson(EmResult result) {
        return toJson(result, null, null);
    }

    /**
     * A fit's parameters and run summary as JSON text, saying where its sample weights came from.
     *
     * @param result        the fit
     * @param weightsKind   {@code "column"} or {@code "file"}, or null for a fit without sample weights
     * @param weightsSource the column's name or the file's path
     * @return the JSON text, ending with a newline
     */
    public static String toJson(EmResult result, String weightsKind, String weightsSource) {
        JsonObject root = parameters(result.model());
        root.addProperty("implementation", result.implementation());
        root.addProperty("iterations", result.iterations());
        root.addProperty("converged", result.converged());
        root.addProperty("logLikelihood", result.logLikelihood());
        root.addProperty("meanLogLikelihood", result.meanLogLikelihood());
        root.add("logLikelihoodTrace", numbers(result.trace()));
        root.add("emptyComponents", GSON.toJsonTree(result.emptyComponents()));
        root.addProperty("freeParameters", org.emgmm.selection.ModelSelection.freeParameters(result));
        root.addProperty("bic", org.emgmm.selection.ModelSelection.bic(result));
        root.addProperty("aic", org.emgmm.selection.ModelSelection.aic(result));
        if (weightsKind != null) {
            JsonObject weights = new JsonObject();
            weights.addProperty(weightsKind, weightsSource);
            weights.addProperty("total", result.totalWeight());
            weights.addProperty("points", result.points());
            root.add("sampleWeights", weights);
        }
        return GSON.toJson(root) + LINE_END;
    }

    /**
     * A mixture's parameters alone as JSON text: a model file, e.g. a start for {@code fit --init}.
     *
     * @param model the mixture
     * @return the JSON text, ending with a newline
     */
    public static String toJson(GaussianMixture model) {
        return GSON.toJson(parameters(model)) + LINE_END;
    }

    /**
     * The model file's keys: weights, means, covariances and covarianceType.
     *
     * @param model the mixture
     * @return a new JSON object
     */
    private static JsonObject parameters(GaussianMixture model) {
        JsonObject root = new JsonObject();
        root.add(WEIGHTS, numbers(model.weights()));
        JsonArray means = new JsonArray();
        JsonArray covariances = new JsonArray();
        for (int k = 0; k < model.components(); k++) {
            means.add(numbers(model.mean(k)));
            covariances.add(rows(model.covarianceMatrix(k)));
        }
        root.add(MEANS, means);
        root.add(COVARIANCES, covariances);
        root.addProperty(COVARIANCE_TYPE, model.covarianceType().label());
        return root;
    }

    /**
     * Writes a fit's result to {@code file} atomically: all of it, or nothing and any old file untouched.
     *
     * @param result the fit
     * @param file   where to write it
     * @throws IOException saying why the file cannot be written
     */
    public static void write(EmResult result, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(result));
    }

    /**
     * The root as an object.
     *
     * @param root   the file's JSON value
     * @param source names the file in messages
     * @return the object
     * @throws InvalidMixtureException when it is not an object
     */
    private static JsonObject requireObject(JsonElement root, String source) {
        if (!root.isJsonObject()) {
            throw new InvalidMixtureException(-1, source + " holds " + describe(root) + ", not a JSON object:"
                    + " give an object with \"weights\", \"means\" and \"covariances\"");
        }
        return root.getAsJsonObject();
    }

    /**
     * The value of a key that every model has.
     *
     * @param root   the file's object
     * @param key    the key
     * @param source names the file in messages
     * @return its value
     * @throws InvalidMixtureException when the key is missing
     */
    private static JsonElement requireKey(JsonObject root, String key, String source) {
        if (!root.has(key)) {
            throw new InvalidMixtureException(-1, source + " has no \"" + key + "\": a model needs \"weights\","
                    + " \"means\" and \"covariances\"");
        }
        return root.get(key);
    }

    /**
     * A JSON array of numbers, e.g. the weights or one mean.
     *
     * @param element the JSON value
     * @param path    where it is in the file, for messages, e.g. {@code means[1]}
     * @param source  names the file in messages
     * @return its numbers, in order
     * @throws InvalidMixtureException when it is not an array, or an entry is not a number
     */
    private static double[] vector(JsonElement element, String path, String source) {
        JsonArray array = requireArray(element, path, source);
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(array.get(i), path + "[" + i + "]", source);
        }
        return values;
    }

    /**
     * A JSON array of arrays of numbers, e.g. the means or one covariance. The rows may differ in
     * length here; {@link GaussianMixture#of} checks the shapes.
     *
     * @param element the JSON value
     * @param path    where it is in the file, for messages, e.g. {@code covariances[0]}
     * @param source  names the file in messages
     * @return its rows, in order
     * @throws InvalidMixtureException when it or a row is not an array, or an entry is not a number
     */
    private static double[][] matrix(JsonElement element, String path, String source) {
        JsonArray array = requireArray(element, path, source);
        double[][] rows = new double[array.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = vector(array.get(i), path + "[" + i + "]", source);
        }
        return rows;
    }

    /**
     * A JSON array of matrices: the covariances.
     *
     * @param element the JSON value
     * @param path    where it is in the file, for messages: {@code covariances}
     * @param source  names the file in messages
     * @return its matrices, in order
     * @throws InvalidMixtureException when it, a matrix or a row is not an array, or an entry not a number
     */
    private static double[][][] matrices(JsonElement element, String path, String source) {
        JsonArray array = requireArray(element, path, source);
        double[][][] blocks = new double[array.size()][][];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = matrix(array.get(i), path + "[" + i + "]", source);
        }
        return blocks;
    }

    /**
     * A JSON value that must be an array.
     *
     * @param element the JSON value
     * @param path    where it is in the file, for messages
     * @param source  names the file in messages
     * @return the array
     * @throws InvalidMixtureException when it is not an array, saying what shapes the keys have
     */
    private static JsonArray requireArray(JsonElement element, String path, String source) {
        if (!element.isJsonArray()) {
            throw new InvalidMixtureException(-1, source + ": " + path + " is " + describe(element)
                    + " but should be an array: weights [K], means [K][D], covariances [K][D][D]");
        }
        return element.getAsJsonArray();
    }

    /**
     * A JSON value that must be a number.
     *
     * @param element the JSON value
     * @param path    where it is in the file, for messages, e.g. {@code weights[2]}
     * @param source  names the file in messages
     * @return its value as a double
     * @throws InvalidMixtureException when it is a string, a boolean, null, an array or an object
     */
    private static double number(JsonElement element, String path, String source) {
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isNumber()) {
            throw new InvalidMixtureException(-1, source + ": " + path + " is " + describe(element)
                    + ", not a number: weights [K], means [K][D], covariances [K][D][D] hold numbers only");
        }
        return element.getAsDouble();
    }

    /**
     * What a JSON value is, for error messages.
     *
     * @param element the JSON value
     * @return "null", "an array", "an object", "the string \"abc\"", "the value true" or "the number 3"
     */
    private static String describe(JsonElement element) {
        if (element.isJsonNull()) {
            return "null";
        }
        if (element.isJsonArray()) {
            return "an array";
        }
        if (element.isJsonObject()) {
            return "an object";
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isString()) {
            return "the string \"" + Quote.shorten(primitive.getAsString()) + "\"";
        }
        return primitive.isBoolean() ? "the value " + primitive : "the number " + Quote.shorten(primitive.toString());
    }

    /**
     * Numbers as a JSON array.
     *
     * @param values the numbers, e.g. the weights or one mean
     * @return a new array of them, in order
     */
    private static JsonArray numbers(double[] values) {
        JsonArray array = new JsonArray();
        for (double value : values) {
            array.add(value);
        }
        return array;
    }

    /**
     * A matrix as a JSON array of rows.
     *
     * @param matrix the rows, e.g. one D×D covariance
     * @return a new array of arrays, row by row
     */
    private static JsonArray rows(double[][] matrix) {
        JsonArray array = new JsonArray();
        for (double[] row : matrix) {
            array.add(numbers(row));
        }
        return array;
    }
}
