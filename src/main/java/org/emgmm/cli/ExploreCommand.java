package org.emgmm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.emgmm.compare.CompareReport;
import org.emgmm.compare.Comparison;
import org.emgmm.compare.ExplorePage;
import org.emgmm.io.OutputBatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code em-gmm explore}: only the explorer page of {@code compare}, one self-contained HTML file that
 * replays every implementation's fit iteration by iteration ({@link ExplorePage}).
 * <pre>
 *   em-gmm explore --data old-faithful --components 2 --seed 1
 *   em-gmm explore --example seed-003 --out seed-003.html
 *   em-gmm explore --data iris --components 3 --covariance-type diag --n-init 4 --race none
 * </pre>
 * It takes compare's inputs ({@link CompareInputs}) and runs the same comparison, which gives each
 * implementation's iteration count and best start, then writes the page and prints a short summary:
 * <pre>
 *   old-faithful: 272 points, 2 dimensions, K = 2, full covariances, random-points start, seed 1
 *   vectorised      14 iterations, mean log-likelihood -4.1553822135
 *   univariate      skipped: univariate fits one column, the data has 2
 *   ...
 *   explorer: target/explore.html (every iteration, 272 of 272 shown)
 * </pre>
 * For the table, the pictures and the agreement of every parameter, run {@link CompareCommand compare}.
 */
@Command(name = "explore", mixinStandardHelpOptions = true, version = Main.VERSION, sortOptions = false,
        description = "Write the explorer page alone: one self-contained HTML file that replays every"
                + " implementation's fit from the same start, iteration by iteration.")
final class ExploreCommand implements Callable<Integer> {

    /**
     * Where the page goes when --out is not given: beside Maven's other outputs. Its folder, as any
     * --out's, is created if need be (and removed again if the page cannot be written), as compare's is.
     */
    static final Path DEFAULT_OUT = Path.of("target", ExplorePage.FILE);

    @Spec
    private CommandSpec spec;

    @Mixin
    private CompareInputs inputs = new CompareInputs();

    @Option(names = "--out", paramLabel = "FILE.html",
            description = "Where to write the page. Default: ${DEFAULT-VALUE}.")
    private Path out = DEFAULT_OUT;

    @Override
    public Integer call() throws IOException {
        CompareInputs.Compared compared = inputs.compare();
        String page = ExplorePage.html(compared.title(), compared.loaded().data(), compared.recording(),
                compared.timings());
        try (OutputBatch batch = OutputBatch.open()) {
            inputs.registerInputs(batch);
            if (out.toAbsolutePath().getParent() != null) {
                batch.directory("--out", out.toAbsolutePath().getParent(), "page directory");
            }
            batch.stage("--out", out, page);
            batch.commit();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(compared.dataLine());
        Comparison.Outcome outcome = compared.outcome();
        int width = outcome.rows().stream().mapToInt(row -> row.implementation().length()).max().orElse(0);
        for (Comparison.Row row : outcome.rows()) {
            stdout.println(String.format(Locale.ROOT, "%-" + width + "s  ", row.implementation()) + (row.ran()
                    ? String.format(Locale.ROOT, "%3d iterations, mean log-likelihood %.10f",
                            row.result().iterations(), row.result().meanLogLikelihood())
                            + degenerate(outcome, row)
                    : row.reason()));
        }
        if (!outcome.allAgree()) {
            stdout.println(outcome.agreementLine());
        }
        if (compared.asWritten() != null) {
            stdout.println(compared.asWritten().line());
        }
        stdout.println("explorer: " + out + " (every iteration, " + compared.recording().shownLine() + ")");
        stdout.flush();
        FitWarning.printFor(outcome, compared.settings(), spec.commandLine().getErr());
        return Main.EXIT_OK;
    }

    /** ", empty 0; collapsed 2" when the row's fit has an empty or a collapsed component (select's rule), else "". */
    private static String degenerate(Comparison.Outcome outcome, Comparison.Row row) {
        String cell = CompareReport.degenerateCell(outcome, row);
        return cell.equals("-") ? "" : ", " + cell;
    }
}
