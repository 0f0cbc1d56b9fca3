package org.emgmm.instructor;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.emgmm.instructor.ClassReportPicture.ScoreBand;
import org.emgmm.instructor.ClassReportPicture.TestBar;
import org.emgmm.io.AtomicFiles;
import org.emgmm.plot.Picture;
import org.emgmm.plot.PictureEncoder;
import org.emgmm.plot.PictureFile;
import org.emgmm.plot.PictureFiles;
import org.emgmm.plot.PlotSettings;

/**
 * The class report: how the batch did on each graded test, so that an instructor sees at a glance
 * which exercise the class struggled with. Written after the gradebook, into the same folder:
 * <pre>
 *   class-report.csv    one row per graded test, the hardest first
 *       number,exercise,name,points,passed,submissions,pass_rate
 *       6.2,6,"Exercise 6: EM loop › trace, iterations and …",3,9,40,0.225
 *   class-report.png    the pass rates as bars, sorted like the CSV and coloured by exercise,
 *   class-report.svg    above the distribution of total scores ({@link ClassReportPicture})
 * </pre>
 * The pass rate is passed / submissions. Rows are sorted by it, lowest first; ties keep test-number
 * order (the visible tests by exercise, then the hidden ones, as results.json lists them). Folders
 * and zips that are not a submission ({@link SubmissionReport.Status#NOT_A_SUBMISSION}) are left
 * out: they keep their report and gradebook row, but counting them would lower every pass rate.
 */
final class ClassReport {

    static final String CSV_FILE = "class-report.csv";

    /** The picture's file name without extension: class-report.png and class-report.svg. */
    static final String PICTURE = "class-report";

    static final List<String> HEADER = List.of("number", "exercise", "name", "points", "passed", "submissions",
            "pass_rate");

    /** At most this many bands of total scores, each a round number of points wide. */
    static final int MAX_BANDS = 12;

    /**
     * One graded test over the batch.
     *
     * @param number      e.g. "4.2", or "h5.1" for a hidden test of exercise 5
     * @param points      its max_score
     * @param passed      how many of the submissions passed it
     * @param submissions how many submissions were counted
     */
    record TestTally(String number, String name, int points, int passed, int submissions) {

        int exercise() {
            return SubmissionReport.exerciseOf(number);
        }

        /** passed / submissions; NaN when no submission was counted. */
        double passRate() {
            return submissions == 0 ? Double.NaN : (double) passed / submissions;
        }
    }

    /** Visible tests before hidden ones, then by exercise, then by the number after the dot. */
    static final Comparator<String> TEST_NUMBER_ORDER = Comparator.comparing((String number) -> number.startsWith("h"))
            .thenComparingInt(SubmissionReport::exerciseOf).thenComparingInt(ClassReport::indexInExercise)
            .thenComparing(Comparator.naturalOrder());

    /** The lowest pass rate first; ties in test-number order. */
    static final Comparator<TestTally> HARDEST_FIRST = Comparator.comparingDouble(TestTally::passRate)
            .thenComparing(TestTally::number, TEST_NUMBER_ORDER);

    private final List<TestTally> tests;
    private final List<Integer> scores;
    private final int maxScore;

    private ClassReport(List<TestTally> tests, List<Integer> scores, int maxScore) {
        this.tests = List.copyOf(tests);
        this.scores = List.copyOf(scores);
        this.maxScore = maxScore;
    }

    /** Tallies the reports of a batch, leaving out those that are not a submission. */
    static ClassReport of(List<SubmissionReport> reports) {
        List<SubmissionReport> counted = reports.stream()
                .filter(report -> report.status() != SubmissionReport.Status.NOT_A_SUBMISSION).toList();
        List<Set<String>> passedBySubmission = counted.stream().map(ClassReport::passedTests).toList();
        List<TestTally> tests = new ArrayList<>();
        for (JsonObject test : gradedTests(reports)) {
            int passed = (int) passedBySubmission.stream().filter(passedTests -> passedTests.contains(key(test)))
                    .count();
            tests.add(new TestTally(test.get("number").getAsString(), test.get("name").getAsString(),
                    test.get("max_score").getAsInt(), passed, counted.size()));
        }
        tests.sort(HARDEST_FIRST);
        int maxScore = reports.stream().mapToInt(SubmissionReport::maxScore).max().orElse(0);
        return new ClassReport(tests, counted.stream().map(SubmissionReport::score).toList(), maxScore);
    }

    /** Writes class-report.csv, .png and .svg into {@code folder} and returns their paths. */
    static List<Path> write(Path folder, List<SubmissionReport> reports) throws IOException {
        ClassReport report = of(reports);
        Files.createDirectories(folder);
        Path csv = folder.resolve(CSV_FILE);
        AtomicFiles.writeString(csv, report.csv());
        List<Path> written = new ArrayList<>(List.of(csv));
        written.addAll(PictureFiles.writeAll(folder, report.pictureFiles()));
        return written;
    }

    /** The graded tests, hardest first. */
    List<TestTally> tests() {
        return tests;
    }

    /** The total scores of the submissions counted, in batch order. */
    List<Integer> scores() {
        return scores;
    }

    /** class-report.csv: the header and one row per test, hardest first. */
    String csv() {
        StringBuilder csv = new StringBuilder(Gradebook.row(HEADER));
        for (TestTally test : tests) {
            csv.append(Gradebook.row(List.of(test.number(), String.valueOf(test.exercise()), test.name(),
                    String.valueOf(test.points()), String.valueOf(test.passed()), String.valueOf(test.submissions()),
                    test.submissions() == 0 ? "" : String.format(Locale.ROOT, "%.3f", test.passRate()))));
        }
        return csv.toString();
    }

    /**
     * The total scores in bands of w points, 0 to w − 1, w to 2w − 1, …, the last ending at the maximum
     * score; w is the smallest of 1, 2, 5, 10, 20, 50, … that needs no more than {@link #MAX_BANDS} bands.
     */
    List<ScoreBand> scoreBands() {
        int width = bandWidth(maxScore);
        List<ScoreBand> bands = new ArrayList<>();
        for (int low = 0; low <= maxScore; low += width) {
            int high = Math.min(low + width - 1, maxScore);
            int from = low;
            int submissions = (int) scores.stream().filter(score -> score >= from && score <= high).count();
            bands.add(new ScoreBand(low == high ? String.valueOf(low) : low + "–" + high, submissions));
        }
        return bands;
    }

    static int bandWidth(int maxScore) {
        for (int decade = 1; ; decade *= 10) {
            for (int step : new int[] {1, 2, 5}) {
                if (maxScore / (step * decade) + 1 <= MAX_BANDS) {
                    return step * decade;
                }
            }
        }
    }

    /** The picture: pass rate per test above the score distribution. */
    Picture picture() {
        List<TestBar> bars = tests.stream().map(test -> new TestBar(test.number(), test.exercise(),
                test.submissions() == 0 ? 0.0 : test.passRate())).toList();
        return ClassReportPicture.draw(PICTURE, bars, scoreBands(), scores.size(), scoresTitle());
    }

    private List<PictureFile> pictureFiles() {
        Picture picture = picture();
        return List.of(new PictureFile(PICTURE + ".png", PictureEncoder.png(picture, PlotSettings.DEFAULT_DPI)),
                new PictureFile(PICTURE + ".svg", PictureEncoder.svg(picture)));
    }

    /** E.g. "Total scores of 40 submissions: mean 71.3, median 78 (of 105 points)". */
    String scoresTitle() {
        if (scores.isEmpty()) {
            return "Total scores: no submissions";
        }
        List<Integer> sorted = scores.stream().sorted().toList();
        int n = sorted.size();
        double median = (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2.0;
        double mean = sorted.stream().mapToInt(Integer::intValue).average().orElse(0.0);
        return String.format(Locale.ROOT, "Total scores of %d submission%s: mean %.1f, median %s (of %d points)", n,
                n == 1 ? "" : "s", mean, median == Math.rint(median) ? String.valueOf((int) median)
                        : String.format(Locale.ROOT, "%.1f", median), maxScore);
    }

    /** Every graded test in the reports, once each, in the order the first report lists it. */
    private static List<JsonObject> gradedTests(List<SubmissionReport> reports) {
        Map<String, JsonObject> tests = new LinkedHashMap<>();
        for (SubmissionReport report : reports) {
            for (JsonElement element : report.tests()) {
                tests.putIfAbsent(key(element.getAsJsonObject()), element.getAsJsonObject());
            }
        }
        return new ArrayList<>(tests.values());
    }

    private static Set<String> passedTests(SubmissionReport report) {
        Set<String> passed = new HashSet<>();
        for (JsonElement element : report.tests()) {
            JsonObject test = element.getAsJsonObject();
            if ("passed".equals(test.get("status").getAsString())) {
                passed.add(key(test));
            }
        }
        return passed;
    }

    /** A test is its number and its name, as in {@link SubmissionReport#onlyTheGradedTests}. */
    private static String key(JsonObject test) {
        return test.get("number").getAsString() + " " + test.get("name").getAsString();
    }

    /** 2 for "4.2" and "h4.2"; a number of another form sorts after the rest of its exercise. */
    private static int indexInExercise(String number) {
        String index = number.substring(number.lastIndexOf('.') + 1);
        return index.matches("\\d{1,9}") ? Integer.parseInt(index) : Integer.MAX_VALUE;
    }
}
