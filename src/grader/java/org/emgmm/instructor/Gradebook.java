package org.emgmm.instructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.emgmm.io.AtomicFiles;

/**
 * The batch's gradebook, {@code gradebook.csv}: one row per submission, in name order.
 * <pre>
 *   submission,score,max_score,exercise_1,…,exercise_11,hidden,status,notes
 *   alice,87,109,6,6,12,…,3,graded,
 *   bob,78,109,0,6,…,5,"graded, some files do not compile",Ex1NormalPdf.java does not compile …
 * </pre>
 * The {@code hidden} column appears only when there are hidden tests. Fields are quoted as RFC 4180
 * says, so that notes with commas and quotes open correctly in a spreadsheet.
 *
 * <p>A spreadsheet reads a cell that starts with {@code =}, {@code +}, {@code -} or {@code @} (or a tab
 * or carriage return) as a formula, and a note quotes what a student wrote: a file named
 * {@code =HYPERLINK(…).java}, say. So every such cell gets a single quote in front ({@code '=…}), which
 * spreadsheets show as text, unless the whole cell is a plain number such as {@code -3}: numbers stay
 * numbers ({@link #neutralised(String)}). The class report's CSV is written the same way.
 */
final class Gradebook {

    static final String FILE = "gradebook.csv";

    private Gradebook() {
    }

    /** Writes {@code folder/gradebook.csv} and returns its path. */
    static Path write(Path folder, List<SubmissionReport> reports) throws IOException {
        List<SubmissionReport> sorted = new ArrayList<>(reports);
        sorted.sort(Comparator.comparing(SubmissionReport::id));
        TreeSet<Integer> exercises = new TreeSet<>();
        sorted.forEach(report -> exercises.addAll(report.pointsByExercise().keySet()));
        boolean hidden = exercises.remove(-1);
        exercises.remove(0);
        List<String> header = new ArrayList<>(List.of("submission", "score", "max_score"));
        exercises.forEach(exercise -> header.add("exercise_" + exercise));
        if (hidden) {
            header.add("hidden");
        }
        header.addAll(List.of("status", "notes"));
        StringBuilder csv = new StringBuilder(row(header));
        for (SubmissionReport report : sorted) {
            List<String> fields = new ArrayList<>(List.of(report.id(), String.valueOf(report.score()),
                    String.valueOf(report.maxScore())));
            exercises.forEach(exercise -> fields.add(String.valueOf(
                    report.pointsByExercise().getOrDefault(exercise, 0))));
            if (hidden) {
                fields.add(String.valueOf(report.pointsByExercise().getOrDefault(-1, 0)));
            }
            fields.add(report.status().text);
            fields.add(report.notesLine());
            csv.append(row(fields));
        }
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE);
        AtomicFiles.writeString(file, csv.toString());
        return file;
    }

    /**
     * One CSV line: each field {@linkplain #neutralised(String) neutralised}, then quoted as RFC 4180 says
     * where it needs it.
     *
     * @param fields the cells, in order
     * @return the line, ending with a newline
     */
    static String row(List<String> fields) {
        List<String> quoted = new ArrayList<>();
        for (String raw : fields) {
            String field = neutralised(raw);
            boolean needsQuotes = field.contains(",") || field.contains("\"") || field.contains("\n")
                    || field.contains("\r");
            quoted.add(needsQuotes ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
        }
        return String.join(",", quoted) + "\n";
    }

    /** The first characters that make a spreadsheet read a cell as a formula. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** A plain decimal number, which a spreadsheet reads as a number whatever its sign. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /**
     * A cell a spreadsheet cannot run: one that starts like a formula gets a single quote in front,
     * unless it is a plain decimal number ({@code -3}, {@code 0.25}).
     *
     * @param field a cell's text
     * @return the text, with {@code '} in front when it would start a formula
     */
    static String neutralised(String field) {
        boolean formula = !field.isEmpty() && FORMULA_STARTS.indexOf(field.charAt(0)) >= 0;
        return formula && !NUMBER.matcher(field).matches() ? "'" + field : field;
    }
}
