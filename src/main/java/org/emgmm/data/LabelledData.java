package org.emgmm.data;

import java.util.List;

/**
 * Points read from a CSV file, with the ground-truth label of each point when the file has a label
 * column (Iris' {@code Species}, the {@code component} column that {@code generate} writes).
 *
 * @param source      where the points came from: a file path or a bundled data set's name
 * @param data        the N×D numeric columns chosen
 * @param labelColumn the name of the label column, or null when no labels were asked for
 * @param labels      the N labels in row order, or an empty list when {@code labelColumn} is null
 */
public record LabelledData(String source, DataMatrix data, String labelColumn, List<String> labels) {

    /**
     * Checks that there is one label per point, and only with a label column.
     *
     * @param source      a file path or a bundled data set's name
     * @param data        the N×D points
     * @param labelColumn the label column's name, or null
     * @param labels      N labels, or none when {@code labelColumn} is null. Copied.
     * @throws IllegalArgumentException if labels come without a column, or their number is not N
     */
    public LabelledData {
        labels = List.copyOf(labels);
        if (labelColumn == null && !labels.isEmpty()) {
            throw new IllegalArgumentException("labels were given without the name of their column");
        }
        if (labelColumn != null && labels.size() != data.rows()) {
            throw new IllegalArgumentException("expected " + data.rows() + " labels, one per point, got "
                    + labels.size());
        }
    }

    /**
     * Points without labels.
     *
     * @param source a file path or a bundled data set's name
     * @param data   the N×D points
     * @return the points, with no label column
     */
    public static LabelledData unlabelled(String source, DataMatrix data) {
        return new LabelledData(source, data, null, List.of());
    }

    /** {@return whether each point carries a ground-truth label} */
    public boolean hasLabels() {
        return labelColumn != null;
    }
}
