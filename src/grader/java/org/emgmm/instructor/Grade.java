package org.emgmm.instructor;

import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The instructors' grader: grades one or many submissions, each in a JVM of its own with time and
 * memory limits, and writes per submission a score table and Gradescope's {@code results.json}, and
 * for the batch a CSV gradebook and a class report (pass rate per test, distribution of scores).
 * <pre>
 *   mvn -q test-compile -Pgrade -Dgrade="submissions/"
 *   mvn -q test-compile -Pgrade -Dgrade="alice.zip bob/ --out grades --jobs 2"
 * </pre>
 * For each submission, in turn:
 * <ol>
 *   <li>take in its exercise files, regular files only, never through a link ({@link Intake}; a zip is
 *       unpacked with care);</li>
 *   <li>compile them, a file that does not compile replaced by its skeleton ({@link Compilation});</li>
 *   <li>run the graded tests in a fresh JVM with the limits ({@link GradingJvm});</li>
 *   <li>complete and write its report ({@link SubmissionReport}) into {@code OUT/submissions/<id>/}
 *       ({@link GradesFolder}).</li>
 * </ol>
 * Before the first, the untouched skeletons go through the same steps: their report, every test
 * failing, is the template for a submission that yields no report of its own, and a check that the
 * grader works (the skeletons must score 0). After the last come the gradebook ({@link Gradebook}) and
 * the class report ({@link ClassReport}). Every grading JVM runs with the class path that
 * {@link LibraryClasspath} makes, in the sandbox that {@link SandboxChoice} finds.
 */
@Command(name = "grade", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Grades students' exercise submissions, each in its own JVM with time and memory limits.",
            "Writes OUT/gradebook.csv, the class report OUT/class-report.csv, .png and .svg (pass rate per"
                + " graded test, distribution of total scores), and per submission OUT/submissions/<id>/results.json"
                + " (Gradescope's format), score.txt and log.txt."},
        footer = {"", "A SUBMISSION is an exercises/ folder, or a zip of one; a folder of submissions grades"
            + " every zip and folder in it.", "Exit code 0 when every submission was graded (whatever the scores),"
            + " 2 for a usage error."})
public final class Grade implements java.util.concurrent.Callable<Integer> {

    /** Heap per grading JVM: the solutions need under 64 MB; the rest is room for a wasteful solution. */
    static final int DEFAULT_MEMORY_MEGABYTES = 512;

    /** Time for one whole submission: every graded test running into its limit would take 55 × 10 s. */
    static final long DEFAULT_SUBMISSION_SECONDS = 900;

    @Parameters(paramLabel = "SUBMISSION", arity = "1..*", description = "exercise folders, zips of them, or"
            + " folders holding them")
    private List<Path> submissions;

    @Option(names = "--single", description = "each SUBMISSION is one submission, wherever its exercise files sit"
            + " inside it (never a folder of submissions), as in an autograder's upload folder")
    private boolean single;

    @Option(names = "--out", paramLabel = "DIR", description = "where the reports go (default: ${DEFAULT-VALUE})")
    private Path out = Path.of("grades");

    @Option(names = "--memory", paramLabel = "MB", description = "heap limit per submission, in MB"
            + " (default: ${DEFAULT-VALUE})")
    private int memoryMegabytes = DEFAULT_MEMORY_MEGABYTES;

    @Option(names = "--test-timeout", paramLabel = "S", description = "time limit per graded test, in seconds"
            + " (default: ${DEFAULT-VALUE})")
    private long testSeconds = org.emgmm.grading.GradingExtension.DEFAULT_TIMEOUT_SECONDS;

    @Option(names = "--timeout", paramLabel = "S", description = "time limit per submission, in seconds"
            + " (default: ${DEFAULT-VALUE})")
    private long submissionSeconds = DEFAULT_SUBMISSION_SECONDS;

    @Option(names = "--jobs", paramLabel = "N", description = "submissions graded at once (default: ${DEFAULT-VALUE});"
            + " more than the number of cores makes the tests' time limits unfair")
    private int jobs = 1;

    @Option(names = "--sandbox", paramLabel = "MODE", description = "auto (bubblewrap when installed, with a"
            + " warning when not), bwrap (refuse to grade without it) or none (default: ${DEFAULT-VALUE})")
    private SandboxChoice sandboxChoice = SandboxChoice.auto;

    @Option(names = "--seed", paramLabel = "SEED", description = "the seed of the graded tests' random inputs, for"
            + " every submission: a report's seed draws its inputs again (default: a new seed per submission,"
            + " written into its report)")
    private String seedOption;

    /** Draws each submission's seed when {@code --seed} gives none. */
    private static final java.security.SecureRandom SEEDS = new java.security.SecureRandom();

    @Option(names = "--skeletons", paramLabel = "DIR", description = "the untouched exercises/ folder"
            + " (default: ${DEFAULT-VALUE})")
    private Path skeletonRoot = Path.of("exercises");

    @Option(names = "--classpath", paramLabel = "PATH", hidden = true, description = "the library, tests and"
            + " their dependencies (default: this JVM's class path)")
    private String classpath = System.getProperty("java.class.path");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The own-work rules enforced: all of them, but in the sandbox's own tests. */
    private Set<org.emgmm.grading.OwnWork.Rule> rules = java.util.EnumSet.allOf(org.emgmm.grading.OwnWork.Rule.class);

    /**
     * Grades the submissions named on the command line and exits with the grader's exit code.
     *
     * @param args the command line: submissions and options (see {@code --help})
     */
    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }

    /** Runs the grader with the given arguments and returns its exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, java.util.EnumSet.allOf(org.emgmm.grading.OwnWork.Rule.class));
    }

    /**
     * As {@link #run(String[], PrintWriter, PrintWriter)}, enforcing only some of the own-work rules: the
     * sandbox's tests grade attacks with "computing only" off, to show what the sandbox stops by itself.
     */
    static int run(String[] args, PrintWriter out, PrintWriter err, Set<org.emgmm.grading.OwnWork.Rule> rules) {
        Grade grade = new Grade();
        grade.rules = Set.copyOf(rules);
        CommandLine commandLine = new CommandLine(grade).setOut(out).setErr(err)
                .setParameterExceptionHandler((e, arguments) -> {
                    e.getCommandLine().getErr().println("grade: " + e.getMessage() + " (see 'grade --help')");
                    return 2;
                })
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    command.getErr().println("grade: " + (e instanceof UncheckedIOException u ? u.getCause() : e)
                            .getMessage());
                    return 2;
                });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        Path skeletons = skeletonRoot.resolve("org/emgmm/exercises");
        Set<String> expectedFiles = javaFiles(skeletons);
        List<Submission> found = Submission.find(submissions, expectedFiles, single);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no submissions found in " + submissions + ": name exercise folders,"
                    + " zips of them, or folders that hold them");
        }
        new GradesFolder(out).check(found);
        Path bwrap = sandboxChoice.executable(spec.commandLine().getErr());
        Unprivileged.keepPrivate(out);
        List<String> testClasses = gradedTestClasses(classpath);
        Path scratch = Files.createTempDirectory("em-gmm-grade");
        GradingFolders folders = GradingFolders.in(scratch.resolve("submissions"));
        try {
            String library = LibraryClasspath.copyWithoutExercises(classpath, scratch.resolve("library"));
            Sandbox sandbox = bwrap == null ? Sandbox.none() : new Sandbox(bwrap, hiddenFromSubmissions());
            GradingJvm jvm = new GradingJvm(library, new GradingJvm.Limits(memoryMegabytes, testSeconds,
                    submissionSeconds), testClasses, sandbox);
            TreeDigest digest = TreeDigest.of(library);
            JsonObject template = template(jvm, skeletons, library, scratch.resolve("skeletons"));
            digest.verify(library, "while grading the untouched skeletons");
            List<SubmissionReport> reports = gradeAll(found, jvm, skeletons, library, template, expectedFiles, folders,
                    digest);
            Path gradebook = Gradebook.write(out, reports);
            spec.commandLine().getOut().println("gradebook: " + gradebook);
            writeClassReport(reports);
            return 0;
        } finally {
            folders.reopen();
            Compilation.deleteTree(scratch);
        }
    }

    /**
     * Writes the class report ({@link ClassReport}) and says where it is. The grades are complete by
     * now, so a report that cannot be written (say, no fonts to draw its picture with) is a warning:
     * the batch still counts as graded.
     */
    private void writeClassReport(List<SubmissionReport> reports) {
        try {
            List<Path> files = ClassReport.write(out, reports);
            spec.commandLine().getOut().println("class report: " + files.stream().map(Path::toString)
                    .collect(Collectors.joining(", ")));
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("grade: warning: the class report was not written (" + e.getMessage()
                    + "); the reports and the gradebook are complete");
        }
    }

    /**
     * What no submission may read, should it lie in a system folder the sandbox shows: the project (its
     * worked solutions, hidden tests' sources and build) and the reports.
     */
    private List<Path> hiddenFromSubmissions() {
        List<Path> hidden = new ArrayList<>();
        Path project = skeletonRoot.toAbsolutePath().normalize().getParent();
        if (project != null) {
            hidden.add(project);
        }
        hidden.add(out.toAbsolutePath().normalize());
        return hidden;
    }

    /**
     * The graded test classes: every exercise's visible test, and each hidden test class found in the
     * class path's folders, listed now, before any student code runs.
     */
    static List<String> gradedTestClasses(String classpath) throws IOException {
        List<String> classes = new ArrayList<>(RunGradedTests.VISIBLE_CLASSES);
        String hiddenFolder = RunGradedTests.HIDDEN_PACKAGE.replace('.', '/');
        for (String entry : classpath.split(File.pathSeparator)) {
            Path folder = Path.of(entry).resolve(hiddenFolder);
            if (!entry.isBlank() && Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    files.map(file -> file.getFileName().toString())
                            .filter(name -> name.endsWith("Test.class") && !name.contains("$")).sorted()
                            .map(name -> RunGradedTests.HIDDEN_PACKAGE + "." + name.substring(0, name.length() - 6))
                            .filter(name -> !classes.contains(name)).forEach(classes::add);
                }
            }
        }
        return classes;
    }

    private void checkOptions() {
        if (memoryMegabytes < 64) {
            throw new IllegalArgumentException("--memory " + memoryMegabytes + " is too small for a JVM: give at"
                    + " least 64 (MB)");
        }
        if (testSeconds < 1 || submissionSeconds < 1 || jobs < 1) {
            throw new IllegalArgumentException("--test-timeout, --timeout and --jobs take numbers of 1 or more");
        }
        if (!Files.isDirectory(skeletonRoot.resolve("org/emgmm/exercises"))) {
            throw new IllegalArgumentException("no skeletons in " + skeletonRoot + "/org/emgmm/exercises: run the"
                    + " grader from the project's folder, or name the exercises/ folder with --skeletons");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file: name a folder");
        }
        if (seedOption != null) {
            try {
                org.emgmm.grading.RunSeed.parse(seedOption);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--seed " + seedOption + " is not a seed: give the one a report"
                        + " printed, e.g. --seed 0x5DEECE66D0A1B2C3 (or a decimal number)");
            }
        }
    }

    /** The seed of one submission's random inputs: {@code --seed}, or a new one. */
    private String seedForOneSubmission() {
        long seed = seedOption != null ? org.emgmm.grading.RunSeed.parse(seedOption) : SEEDS.nextLong();
        return org.emgmm.grading.RunSeed.format(seed);
    }

    /** The report of the untouched skeletons, which must score 0. */
    private JsonObject template(GradingJvm jvm, Path skeletons, String library, Path scratch) throws Exception {
        Compilation compiled = Compilation.compile(skeletons, skeletons, library, scratch);
        Path reportFolder = scratch.resolve("report");
        GradingJvm.Outcome outcome = jvm.run(compiled.classes(), "exercises (skeletons)", reportFolder);
        JsonObject template = outcome.results();
        if (outcome.ending() != GradingJvm.Ending.FINISHED || template == null
                || template.get("score").getAsInt() != 0 || template.getAsJsonArray("tests").isEmpty()) {
            throw new IllegalStateException("the untouched skeletons did not grade to 0 (" + outcome + "; see "
                    + reportFolder.resolve("log.txt") + "): rebuild with 'mvn test-compile' and check --skeletons");
        }
        return template;
    }

    private List<SubmissionReport> gradeAll(List<Submission> found, GradingJvm jvm, Path skeletons, String library,
            JsonObject template, Set<String> expectedFiles, GradingFolders folders, TreeDigest digest)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        java.util.concurrent.BlockingQueue<Integer> cores = coresForJobs();
        try {
            List<Future<SubmissionReport>> pending = new ArrayList<>();
            for (Submission submission : found) {
                pending.add(pool.submit(() -> {
                    int core = cores.take();
                    try {
                        digest.verify(library, "before grading " + submission.id());
                        SubmissionReport report = gradeOne(submission, jvm.onCore(core), skeletons, library, template,
                                expectedFiles, folders.next());
                        digest.verify(library, "while grading " + submission.id());
                        return report;
                    } finally {
                        cores.put(core);
                    }
                }));
            }
            List<SubmissionReport> reports = new ArrayList<>();
            for (Future<SubmissionReport> report : pending) {
                try {
                    reports.add(report.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * With {@code --jobs N} (2 ≤ N ≤ the cores), core j for the j-th job at a time, so that a submission's
     * busy threads cannot slow its neighbour's timed tests; otherwise one "any core" slot per job (−1).
     */
    private java.util.concurrent.BlockingQueue<Integer> coresForJobs() {
        java.util.concurrent.BlockingQueue<Integer> cores = new java.util.concurrent.ArrayBlockingQueue<>(jobs);
        boolean pin = jobs > 1 && jobs <= Runtime.getRuntime().availableProcessors() && GradingJvm.canPin();
        for (int job = 0; job < jobs; job++) {
            cores.add(pin ? job : -1);
        }
        return cores;
    }

    private SubmissionReport gradeOne(Submission submission, GradingJvm jvm, Path skeletons, String library,
            JsonObject template, Set<String> expectedFiles, Path scratch) throws Exception {
        Files.createDirectories(scratch);
        Path reportFolder = new GradesFolder(out).report(submission.id());
        Compilation.deleteTree(reportFolder);
        SubmissionReport report;
        try {
            Intake.Taken sources = Intake.take(submission, scratch, expectedFiles);
            Compilation compiled = Compilation.compile(sources.folder(), skeletons, library, scratch, rules);
            String seed = seedForOneSubmission();
            GradingJvm.Outcome outcome = jvm.withSeed(seed).run(compiled.classes(), submission.id(),
                    scratch.resolve("report"));
            Map<String, String> notes = new TreeMap<>(compiled.replaced());
            notes.putAll(sources.notes());              // a refused file's note says more than "missing"
            report = SubmissionReport.graded(submission.id(), outcome.results(), template, notes, outcome,
                    submissionSeconds).withSeed(seed);
            Files.createDirectories(reportFolder);
            Files.copy(scratch.resolve("report/log.txt"), reportFolder.resolve("log.txt"));
        } catch (Submission.NotASubmission e) {
            report = SubmissionReport.notASubmission(submission.id(), template, e.getMessage());
        }
        report.gradedIn(jvm.sandbox()).write(reportFolder);
        synchronized (this) {
            spec.commandLine().getOut().printf("%-24s %3d/%-3d  %s%n", submission.id(), report.score(),
                    report.maxScore(), report.status().text);
        }
        return report;
    }

    private static Set<String> javaFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".java"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
