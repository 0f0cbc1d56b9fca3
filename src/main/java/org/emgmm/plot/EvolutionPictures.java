package org.emgmm.plot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import org.emgmm.model.GaussianMixture;

/**
 * EM at work: the clusters picture ({@link ClustersChart}) of the parameters θₜ after t iterations,
 * <ul>
 *   <li>as a <b>grid</b> of panels for chosen iterations, seed 003's 2×3 of iterations 0, 1, 5, 10, 25,
 *       40 by default: {@link #GRID_COLUMNS} panels a row, as many rows as needed;</li>
 *   <li>as an <b>animation</b>, one frame for each iteration 0, 1, ..., T: T + 1 frames, each the size of
 *       a panel.</li>
 * </ul>
 * θₜ comes from {@link Snapshots}. A run stops at T (converged, or at --max-iter); the grid shows only
 * iterations that exist ({@link #shownIterations}): every iteration asked for after T becomes one panel of
 * θ_T, the parameters EM returned, titled with T and "the last", never a number the run did not reach. Every panel and frame uses
 * the same axes, large enough for the points and for every ellipse of θ₀ .. θ_T, so that a component
 * that moves on screen has moved in the data.
 *
 * <p>Sizes: a panel, and a frame, is half a picture's width and height (see {@link #PANEL_DIVISOR}), so the
 * grid is columns · ⌊width/2⌋ × rows · ⌊height/2⌋. Frames are panels because an animation of T + 1 full-size
 * frames would be four times as large and as slow to write, and shows no more.
 */
final class EvolutionPictures {

    /** Panels per row: seed 003's {@code plt.subplots(2, 3)} has three. */
    static final int GRID_COLUMNS = 3;

    /**
     * A panel is the picture's width and height divided by this. With 2 the default 800×600 gives panels of
     * 400×300, where title, ticks and a one-row legend still read, and a 2×3 grid of 1200×600 that fits
     * on one screen.
     */
    static final int PANEL_DIVISOR = 2;

    private final PlotInput input;
    private final ColumnPair columns;
    private final List<GaussianMixture> snapshots;
    private final double[] trace;
    private final Bounds bounds;

    /** The run of {@code input}, retraced iteration by iteration. */
    EvolutionPictures(PlotInput input, ColumnPair columns) {
        this.input = input;
        this.columns = columns;
        EmRun run = input.run();
        this.snapshots = Snapshots.upTo(run.algorithm(), input.data(), run.start(), run.settings(),
                run.result().iterations());
        this.trace = run.result().trace();
        this.bounds = ClustersChart.boundsOf(input.data(), columns, snapshots);
    }

    /** T, the last iteration of the run. */
    int lastIteration() {
        return snapshots.size() - 1;
    }

    /** The grid of the asked iterations that exist ({@link #shownIterations}), in order. */
    GridPicture grid(String name, List<Integer> iterations, int width, int height) {
        List<Picture> panels = new ArrayList<>();
        for (int t : shownIterations(iterations, lastIteration())) {
            panels.add(new ChartPicture(name, ClustersChart.draw(view(panelTitle(t), t,
                    width / PANEL_DIVISOR, height / PANEL_DIVISOR, ChartStyle.Layout.PANEL))));
        }
        return new GridPicture(name, panels, Math.min(GRID_COLUMNS, panels.size()));
    }

    /**
     * The iterations a grid shows: each asked one clamped to [0, last], duplicates dropped, in the order
     * first asked. With last = 14, {0, 1, 5, 10, 25, 40} gives {0, 1, 5, 10, 14}: one panel of the
     * returned parameters, not two panels of iteration 14 that promise 25 and 40.
     */
    static List<Integer> shownIterations(List<Integer> asked, int last) {
        Set<Integer> shown = new LinkedHashSet<>();
        for (int t : asked) {
            shown.add(Math.max(0, Math.min(t, last)));
        }
        return List.copyOf(shown);
    }

    /** The frames of the animation, iterations 0 .. T, each the size of a panel. */
    List<Picture> frames(String name, int width, int height) {
        List<Picture> frames = new ArrayList<>();
        for (int t = 0; t <= lastIteration(); t++) {
            frames.add(new ChartPicture(name, ClustersChart.draw(view(frameTitle(t), t, width / PANEL_DIVISOR,
                    height / PANEL_DIVISOR, ChartStyle.Layout.PANEL))));
        }
        return frames;
    }

    /** The clusters view of θ at iteration min(asked, T). */
    private ClustersChart.View view(String title, int asked, int width, int height, ChartStyle.Layout layout) {
        GaussianMixture model = snapshots.get(Math.min(asked, lastIteration()));
        return new ClustersChart.View(title, input.data(), model, columns, width, height, layout, bounds);
    }

    /** "iteration 5: L/N = -4.2104", or for T "iteration 14, the last: L/N = -4.1020". */
    private String panelTitle(int t) {
        String which = t == lastIteration() ? "iteration " + t + ", the last" : "iteration " + t;
        return String.format(Locale.ROOT, "%s: L/N = %.4f", which, trace[t]);
    }

    /** "iteration 5 of 14: L/N = -4.2104". */
    private String frameTitle(int t) {
        return String.format(Locale.ROOT, "iteration %d of %d: L/N = %.4f", t, lastIteration(), trace[t]);
    }
}
