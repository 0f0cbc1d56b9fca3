package org.emgmm.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The data sets that ship with the package, and the one place that turns a {@code --data} argument
 * (a bundled name or a file path) into points.
 * <ul>
 *   <li>{@code old-faithful}: 272 eruptions of the Old Faithful geyser, duration and waiting time in
 *       minutes; two clusters, the classic first example of EM.</li>
 *   <li>{@code iris}: Fisher's 150 irises, four measurements in centimetres and the {@code Species}
 *       (three species, 50 each), a ground truth to compare clusters with.</li>
 * </ul>
 * They are CSV resources next to this class, read with {@link CsvReader} like any file.
 */
public final class Datasets {

    /** The bundled names, in the order help text lists them. */
    private static final List<String> BUNDLED = List.of("old-faithful", "iris");

    /** Resources are the bundled name with this extension. */
    private static final String EXTENSION = ".csv";

    private Datasets() {
    }

    /** {@return the names of the bundled data sets, in the order help text lists them} */
    public static List<String> bundledNames() {
        return BUNDLED;
    }

    /**
     * Whether {@code name} is a bundled data set.
     *
     * @param name a {@code --data} argument
     * @return true if it names a bundled data set
     */
    public static boolean isBundled(String name) {
        return BUNDLED.contains(name);
    }

    /**
     * Loads a bundled data set or a CSV file. A bundled name wins over a file of the same name in the
     * working directory; write {@code ./iris} to mean the file.
     *
     * @param nameOrPath  a bundled name or a file path
     * @param columns     the columns to use (names or 1-based indices); empty for every numeric column
     * @param labelColumn the column of ground-truth labels, or null for none
     * @return the points, with the labels if asked for
     * @throws DataException if there is no such data set or file, or the file cannot be used
     */
    public static LabelledData load(String nameOrPath, List<String> columns, String labelColumn) {
        return load(nameOrPath, columns, labelColumn, null);
    }

    /**
     * Loads a bundled data set or a CSV file whose column {@code weightColumn} holds the points' sample
     * weights (see {@link CsvReader#read(Path, List, String, String)}); null for none.
     *
     * @param nameOrPath   a bundled name or a file path
     * @param columns      the columns to use (names or 1-based indices); empty for every numeric column
     * @param labelColumn  the column of ground-truth labels, or null for none
     * @param weightColumn the column of sample weights, or null for none
     * @return the points, weighted if asked, with the labels if asked for
     * @throws DataException if there is no such data set or file, or the file cannot be used
     */
    public static LabelledData load(String nameOrPath, List<String> columns, String labelColumn,
            String weightColumn) {
        if (isBundled(nameOrPath)) {
            return CsvReader.parse(bundledText(nameOrPath), nameOrPath, columns, labelColumn, weightColumn);
        }
        Path file = Path.of(nameOrPath);
        if (!Files.exists(file)) {
            throw new DataException("no file " + nameOrPath + " and no bundled data set of that name: give the path"
                    + " of a CSV file or one of " + String.join(", ", BUNDLED));
        }
        return CsvReader.read(file, columns, labelColumn, weightColumn);
    }

    /**
     * {@code loaded} with the sample weights of a weights file ({@link CsvReader#readSampleWeights}), one per
     * row of its data.
     *
     * @param loaded      data already loaded
     * @param weightsFile a file of one weight per data row
     * @return the same points and labels, weighted
     * @throws DataException if the file cannot be read, a weight is not a finite number, 0 or more, the
     *                       weights are all 0, or there are more or fewer weights than rows
     */
    public static LabelledData withSampleWeightsFile(LabelledData loaded, Path weightsFile) {
        double[] weights = CsvReader.readSampleWeights(weightsFile);
        int rows = loaded.data().rows();
        if (weights.length != rows) {
            throw new DataException(weightsFile + " has " + weights.length + " sample weight"
                    + (weights.length == 1 ? "" : "s") + " but " + loaded.source() + " has " + rows + " data row"
                    + (rows == 1 ? "" : "s") + ": give exactly one weight per data row, in the same order");
        }
        DataMatrix weighted;
        try {
            weighted = loaded.data().withSampleWeights(weights);
        } catch (DataException e) {
            throw new DataException(weightsFile + ": " + e.getMessage(), e);
        }
        return new LabelledData(loaded.source(), weighted, loaded.labelColumn(), loaded.labels());
    }

    /**
     * The CSV text of a bundled data set.
     *
     * @param name a bundled name, e.g. {@code iris}
     * @return the whole CSV file, header first
     * @throws IllegalArgumentException if {@code name} is not bundled, listing the names that are
     */
    public static String bundledText(String name) {
        if (!isBundled(name)) {
            throw new IllegalArgumentException("no bundled data set '" + name + "': choose one of "
                    + String.join(", ", BUNDLED));
        }
        try (InputStream in = Datasets.class.getResourceAsStream(name + EXTENSION)) {
            if (in == null) {
                throw new IllegalStateException("the bundled data set " + name + " is missing from the build:"
                        + " rebuild with mvn package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled data set " + name + ": rebuild with mvn package", e);
        }
    }
}
