package org.emgmm.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.emgmm.data.DataMatrix;
import org.emgmm.em.EmResult;
import org.emgmm.model.GaussianMixture;

/**
 * Chooses the pictures that suit the data and renders each in every format asked, in memory:
 * <ul>
 *   <li>one column: {@value #HISTOGRAM};</li>
 *   <li>two or more: {@value #CLUSTERS}, {@value #EVOLUTION} (a grid, and with gif an animation),
 *       {@value #DENSITY} and {@value #UNCERTAINTY}, of the columns chosen with --x and --y;</li>
 *   <li>always: {@value #TRACE}.</li>
 * </ul>
 * Files are named NAME.png, NAME.svg and evolution.gif, in that order. Nothing depends on the clock or
 * on chance: the same input gives the same pictures.
 *
 * <pre>
 *   PictureSet.check(data, settings);                  // before fitting: bad options fail fast
 *   List&lt;PictureFile&gt; files = PictureSet.render(input, settings);
 *   PictureFiles.writeAll(directory, files);
 * </pre>
 */
public final class PictureSet {

    static {
        Headless.ensure();
    }

    /** The points coloured by component, with means and ellipses. */
    public static final String CLUSTERS = "clusters";
    /** The clusters at chosen iterations (grid) and at every iteration (animation). */
    public static final String EVOLUTION = "evolution";
    /** The log-likelihood per point against the iteration. */
    public static final String TRACE = "trace";
    /** One column: histogram with component and mixture densities. */
    public static final String HISTOGRAM = "histogram";
    /** The mixture density as an image, with the points. */
    public static final String DENSITY = "density";
    /** The points in their component's colour, shaded by 1 − max r. */
    public static final String UNCERTAINTY = "uncertainty";

    private PictureSet() {
    }

    /**
     * Checks what can be checked before any work: that --x and --y name two different columns of the data,
     * and are not given for one-column data.
     *
     * @param data     the N×D points
     * @param settings the plot options, of which --x and --y matter here
     * @throws IllegalArgumentException saying what is wrong and what to do
     */
    public static void check(DataMatrix data, PlotSettings settings) {
        if (data.columns() >= 2 || settings.xColumn() != null || settings.yColumn() != null) {
            ColumnPair.choose(data.columnNames(), settings.xColumn(), settings.yColumn());
        }
    }

    /**
     * Renders every picture that suits the data, in every format asked, in the order listed in the class comment.
     *
     * @param input    the data, the model and the run to draw
     * @param settings formats, size, resolution, columns and iterations to show
     * @return the files' names and bytes, ready to write
     * @throws IllegalArgumentException if --x or --y do not suit the data
     */
    public static List<PictureFile> render(PlotInput input, PlotSettings settings) {
        check(input.data(), settings);
        List<PictureFile> files = new ArrayList<>();
        if (input.data().columns() == 1) {
            addStill(files, new ChartPicture(HISTOGRAM, HistogramChart.draw(input.source(), input.data(),
                    input.model(), settings.width(), settings.height())), settings);
        } else {
            addTwoDimensional(files, input, settings);
        }
        addStill(files, new ChartPicture(TRACE, TraceChart.draw(input.source() + ": log-likelihood per point",
                traces(input), settings.width(), settings.height())), settings);
        return files;
    }

    /** Clusters, evolution, density and uncertainty of the chosen columns. */
    private static void addTwoDimensional(List<PictureFile> files, PlotInput input, PlotSettings settings) {
        ColumnPair columns = ColumnPair.choose(input.data().columnNames(), settings.xColumn(), settings.yColumn());
        int w = settings.width();
        int h = settings.height();
        addStill(files, new ChartPicture(CLUSTERS, ClustersChart.draw(new ClustersChart.View(clustersTitle(input),
                input.data(), input.model(), columns, w, h, ChartStyle.Layout.PICTURE, null))), settings);
        EvolutionPictures evolution = new EvolutionPictures(input, columns);
        addStill(files, evolution.grid(EVOLUTION, settings.iterations(), w, h), settings);
        if (settings.wants(PictureFormat.GIF)) {
            files.add(new PictureFile(EVOLUTION + ".gif", PictureEncoder.gif(evolution.frames(EVOLUTION, w, h),
                    settings.dpi())));
        }
        addStill(files, new ChartPicture(DENSITY, DensityChart.draw(input.source(), input.data(), input.model(),
                columns, w, h)), settings);
        addStill(files, new ChartPicture(UNCERTAINTY, UncertaintyChart.draw(input.source(), input.data(),
                input.model(), columns, w, h)), settings);
    }

    /** The picture as PNG and SVG, as asked. */
    private static void addStill(List<PictureFile> files, Picture picture, PlotSettings settings) {
        if (settings.wants(PictureFormat.PNG)) {
            files.add(new PictureFile(picture.name() + ".png", PictureEncoder.png(picture, settings.dpi())));
        }
        if (settings.wants(PictureFormat.SVG)) {
            files.add(new PictureFile(picture.name() + ".svg", PictureEncoder.svg(picture)));
        }
    }

    /** "old-faithful: K = 2, each point in its most likely component's colour". */
    private static String clustersTitle(PlotInput input) {
        return clustersTitle(input.source(), input.model());
    }

    /** "old-faithful: K = 2, diag covariances, points by component": short enough for 800 pixels. */
    static String clustersTitle(String source, GaussianMixture model) {
        return String.format(Locale.ROOT, "%s: K = %d, %s covariances, points by component", source,
                model.components(), model.covarianceType().label());
    }

    /** The run's trace, then those of the runs compared with it. */
    static List<TraceChart.Trace> traces(PlotInput input) {
        List<TraceChart.Trace> traces = new ArrayList<>();
        traces.add(traceOf(input.run()));
        input.compared().forEach(run -> traces.add(traceOf(run)));
        return traces;
    }

    /** The run's trace, named after its implementation and how it ended. */
    private static TraceChart.Trace traceOf(EmRun run) {
        EmResult result = run.result();
        String ending = result.converged() ? "converged" : "not converged";
        String name = String.format(Locale.ROOT, "%s: %d %s, %s", result.implementation(), result.iterations(),
                result.iterations() == 1 ? "iteration" : "iterations", ending);
        return new TraceChart.Trace(name, result.trace());
    }
}
