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
 *   submission,score,max_score,exercise_1,…,exercise_9,hidden,status,notes
 *   alice,87,105,8,8,14,…,3,graded,
 *   bob,78,105,0,8,…,5,"graded, some files do not compile",Ex1NormalPdf.java does not compile …
 * </pre>
 * The {@code hidden} column appears only when there are hidden tests. Fields are quoted as RFC 4180
 * says, so that notes with commas and quotes open correctly in a spreadsheet.
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

    /** One CSV line, fields quoted as RFC 4180 says where they need it. */
    static String row(List<String> fields) {
        List<String> quoted = new ArrayList<>();
        for (String field : fields) {
            boolean needsQuotes = field.contains(",") || field.contains("\"") || field.contains("\n");
            quoted.add(needsQuotes ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
        }
        return String.join(",", quoted) + "\n";
    }
}
