package org.emgmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The bad-input catalogue: every problem a user can fix, across CSV files, init and model files,
 * options, {@code generate}, {@code predict} and its kin, {@code sample}, {@code plot}, {@code compare}, {@code explore} and {@code select},
 * gets exactly what docs/cli/errors.md promises: one line on standard error that starts with {@code em-gmm:} and
 * mentions the culprit, exit code 2, no stack trace, and no file left behind or changed (every file of the run's folder is compared, bytes
 * and all, before and after).
 *
 * <p>Each case runs in a fresh folder holding its files. In a case's arguments, {@code @name} stands
 * for the path of the case's file {@code name} (which need not exist: {@code @out.json} is where an
 * output would go).
 */
class BadInputCatalogueTest {

    /** A model file for two columns: two components with identity covariances. */
    private static final String MODEL_2D = "{\"weights\": [0.5, 0.5], \"means\": [[2, 55], [4, 80]],"
            + " \"covariances\": [[[1, 0], [0, 1]], [[1, 0], [0, 1]]]}";

    /** A model file for three columns: one component, the identity covariance. */
    private static final String MODEL_3D = "{\"weights\": [1], \"means\": [[0, 0, 0]],"
            + " \"covariances\": [[[1, 0, 0], [0, 1, 0], [0, 0, 1]]]}";

    /** Data with two columns and five rows. */
    private static final String DATA_2D = "a,b\n1,2\n2,3.5\n3,3\n4,5.5\n5,5\n";

    /**
     * One catalogue case.
     *
     * @param what     what is wrong, as the test's name says it
     * @param files    the files of the run's folder: name → content
     * @param args     the command line, {@code @name} standing for a file's path
     * @param mentions what the one line must mention (the culprit: a file, an option, a value)
     */
    private record Case(String what, Map<String, String> files, List<String> args, String mentions) {
    }

    private static Case of(String what, Map<String, String> files, String mentions, String... args) {
        return new Case(what, files, List.of(args), mentions);
    }

    private static Case of(String what, String mentions, String... args) {
        return of(what, Map.of(), mentions, args);
    }

    /** {@code fit} of a CSV file {@code data.csv} holding {@code csv}, with two components. */
    private static Case csv(String what, String csv, String mentions, String... more) {
        List<String> args = new ArrayList<>(List.of("fit", "--data", "@data.csv", "--out", "@out.json"));
        args.addAll(Arrays.asList(more));
        if (!args.contains("-k") && !args.contains("--components")) {
            args.addAll(List.of("-k", "2"));
        }
        return new Case(what, Map.of("data.csv", csv), args, mentions);
    }

    /** {@code fit} of Old Faithful from an init file {@code init.json} holding {@code json}. */
    private static Case init(String what, String json, String mentions, String... more) {
        List<String> args = new ArrayList<>(List.of("fit", "--data", "old-faithful", "--init", "@init.json", "--out",
                "@out.json"));
        args.addAll(Arrays.asList(more));
        return new Case(what, Map.of("init.json", json), args, mentions);
    }

    private static List<Case> catalogue() {
        List<Case> cases = new ArrayList<>();
        // CSV files
        cases.add(of("a data file that does not exist", "nowhere.csv", "fit", "--data", "@nowhere.csv", "-k", "2"));
        cases.add(csv("a ragged row", "a,b\n1,2\n3,4\n5\n", "line 4"));
        cases.add(csv("a cell that is not a number", "a,b\n1,2\n3,5four\n4,5\n6,7\n", "'5four'"));
        cases.add(csv("NaN in a cell", "a,b\n1,2\nNaN,4\n5,6\n7,8\n", "line 3"));
        cases.add(csv("Infinity in a cell", "a,b\n1,2\nInfinity,4\n5,6\n7,8\n", "line 3"));
        cases.add(csv("an empty file", "", "data.csv"));
        cases.add(csv("a header and no rows", "a,b\n", "data.csv"));
        cases.add(csv("fewer points than components", "a,b\n1,2\n3,5\n", "3 components", "-k", "3"));
        cases.add(csv("a header with no numeric column", "name,colour\nx,red\ny,blue\nz,green\n", "data.csv"));
        cases.add(csv("an unknown --columns name", DATA_2D, "'c'", "--columns", "c"));
        cases.add(csv("a --columns index out of range", DATA_2D, "column 3", "--columns", "3"));
        cases.add(csv("a --columns index of 0", DATA_2D, "column 0", "--columns", "0"));
        cases.add(csv("a constant column", "a,b\n1,2\n1,3\n1,4\n1,5\n1,6\n", "constant", "-k", "1"));
        cases.add(csv("a non-numeric --labels column also missing", DATA_2D, "'species'", "--labels", "species"));
        cases.add(csv("a cell of 100,000 letters", "a,b\n1,2\n3," + "x".repeat(100_000) + "\n5,6\n7,8\n", "line 3"));
        cases.add(of("a binary file as data", Map.of("data.csv", "\u0000\u0001PNG\u0000"), "data.csv",
                "fit", "--data", "@data.csv", "-k", "2", "--out", "@out.json"));
        cases.add(of("a folder as data", Map.of("folder/keep.txt", "x"), "folder", "fit", "--data", "@folder", "-k", "2"));
        // sample weights
        String weighted = "a,b,w\n1,2,1\n2,3.5,2\n3,3,W3\n4,5.5,1\n5,5,1\n";
        cases.add(csv("a negative sample weight", weighted.replace("W3", "-1"), "line 4", "--sample-weights", "w"));
        cases.add(csv("a NaN sample weight", weighted.replace("W3", "NaN"), "line 4", "--sample-weights", "w"));
        cases.add(csv("an infinite sample weight", weighted.replace("W3", "Infinity"), "line 4", "--sample-weights",
                "w"));
        cases.add(csv("a sample weight that is not a number", weighted.replace("W3", "three"), "'three'",
                "--sample-weights", "w"));
        cases.add(csv("an empty sample weight", weighted.replace("W3", ""), "line 4", "--sample-weights", "w"));
        cases.add(csv("every sample weight 0", "a,b,w\n1,2,0\n2,3.5,0\n3,3,0\n4,5.5,0\n5,5,0\n",
                "every sample weight is 0", "--sample-weights", "w"));
        cases.add(csv("an unknown sample-weights column", DATA_2D, "'w'", "--sample-weights", "w"));
        cases.add(csv("the sample-weights column also in --columns", weighted.replace("W3", "1"), "'w'",
                "--sample-weights", "w", "--columns", "a,w"));
        cases.add(csv("the sample-weights column also the labels", weighted.replace("W3", "1"), "'w'",
                "--sample-weights", "w", "--labels", "w"));
        cases.add(csv("sample weights with an implementation that ignores them", weighted.replace("W3", "1"),
                "explicit-pdf", "--sample-weights", "w", "--implementation", "explicit-pdf"));
        cases.add(of("a sample-weights file with fewer rows than the data", Map.of("data.csv", DATA_2D, "w.csv",
                "weight\n1\n2\n3\n"), "w.csv has 3 sample weights", "fit", "--data", "@data.csv", "-k", "2",
                "--sample-weights-file", "@w.csv", "--out", "@out.json"));
        cases.add(of("a sample-weights file with a negative weight", Map.of("data.csv", DATA_2D, "w.csv",
                "1\n2\n-3\n1\n1\n"), "line 3", "fit", "--data", "@data.csv", "-k", "2", "--sample-weights-file",
                "@w.csv", "--out", "@out.json"));
        cases.add(of("a sample-weights file of two columns", Map.of("data.csv", DATA_2D, "w.csv",
                "1,1\n2,2\n3,3\n1,1\n1,1\n"), "w.csv has 2 columns", "fit", "--data", "@data.csv", "-k", "2",
                "--sample-weights-file", "@w.csv", "--out", "@out.json"));
        cases.add(of("a sample-weights file of zeros", Map.of("data.csv", DATA_2D, "w.csv", "0\n0\n0\n0\n0\n"),
                "every sample weight is 0", "fit", "--data", "@data.csv", "-k", "2", "--sample-weights-file",
                "@w.csv", "--out", "@out.json"));
        cases.add(of("a sample-weights file that does not exist", Map.of("data.csv", DATA_2D), "none.csv", "fit",
                "--data", "@data.csv", "-k", "2", "--sample-weights-file", "@none.csv", "--out", "@out.json"));
        cases.add(of("both a sample-weights column and file", Map.of("data.csv", DATA_2D, "w.csv", "1\n1\n1\n1\n1\n"),
                "--sample-weights-file", "fit", "--data", "@data.csv", "-k", "2", "--sample-weights", "a",
                "--sample-weights-file", "@w.csv", "--out", "@out.json"));
        cases.add(of("the model written over the sample-weights file", Map.of("data.csv", DATA_2D, "w.csv",
                "1\n1\n1\n1\n1\n"), "--sample-weights-file", "fit", "--data", "@data.csv", "-k", "2",
                "--sample-weights-file", "@w.csv", "--out", "@w.csv"));
        // init and model files
        cases.add(of("an init file that does not exist", "none.json", "fit", "--data", "old-faithful", "--init",
                "@none.json", "--out", "@out.json"));
        cases.add(init("an init file that is not JSON", "weights: 0.5", "init.json"));
        cases.add(init("an init file of another dimension", "{\"weights\": [1], \"means\": [[0, 0, 0]],"
                + " \"covariances\": [[[1, 0, 0], [0, 1, 0], [0, 0, 1]]]}", "dimension 3"));
        cases.add(init("weights that do not sum to 1", "{\"weights\": [0.5, 0.6], \"means\": [[2, 55], [4, 80]],"
                + " \"covariances\": [[[1, 0], [0, 1]], [[1, 0], [0, 1]]]}", "weights"));
        cases.add(init("a negative weight", "{\"weights\": [1.5, -0.5], \"means\": [[2, 55], [4, 80]],"
                + " \"covariances\": [[[1, 0], [0, 1]], [[1, 0], [0, 1]]]}", "weight"));
        cases.add(init("a covariance that is not positive-definite", "{\"weights\": [0.5, 0.5], \"means\":"
                + " [[2, 55], [4, 80]], \"covariances\": [[[1, 0], [0, 1]], [[1, 2], [2, 1]]]}", "component 1"));
        cases.add(init("a covariance that is not symmetric", "{\"weights\": [0.5, 0.5], \"means\":"
                + " [[2, 55], [4, 80]], \"covariances\": [[[1, 0], [0, 1]], [[1, 0.5], [0, 1]]]}", "component 1"));
        cases.add(init("an init file without means", "{\"weights\": [1], \"covariances\": [[[1, 0], [0, 1]]]}",
                "means"));
        cases.add(init("an empty JSON object", "{}", "init.json"));
        cases.add(init("a JSON array instead of an object", "[1, 2, 3]", "init.json"));
        cases.add(init("components that disagree with --components", MODEL_2D, "disagrees", "-k", "3"));
        cases.add(init("a mean that is a string", "{\"weights\": [1], \"means\": [[\"two\", 55]],"
                + " \"covariances\": [[[1, 0], [0, 1]]]}", "init.json"));
        cases.add(init("a truncated file", MODEL_2D.substring(0, 40), "init.json"));
        cases.add(of("a folder as the init file", Map.of("folder/keep.txt", "x"), "folder", "fit", "--data",
                "old-faithful", "--init", "@folder", "--out", "@out.json"));
        // options
        cases.add(of("an unknown option", "--colour", "fit", "--data", "old-faithful", "-k", "2", "--colour"));
        cases.add(of("no --components and no init file", "--components", "fit", "--data", "old-faithful"));
        cases.add(of("no --data", "--data", "fit", "-k", "2"));
        cases.add(of("a negative --max-iter", "--max-iter", "fit", "--data", "old-faithful", "-k", "2", "--max-iter",
                "-1"));
        cases.add(of("a negative --tol", "tol", "fit", "--data", "old-faithful", "-k", "2", "--tol", "-1"));
        cases.add(of("a negative --reg-covar", "reg-covar", "fit", "--data", "old-faithful", "-k", "2",
                "--reg-covar", "-1"));
        cases.add(of("scikit-learn's k-means++ start with --reg-covar 0", "--reg-covar", "fit", "--data",
                "old-faithful", "-k", "2", "--init-method", "sklearn-k-means++", "--reg-covar", "0", "--out",
                "@out.json"));
        cases.add(init("a means-only init file whose means do not match the data's columns",
                "{\"means\": [[1, 2, 3], [4, 5, 6]]}", "init.json"));
        cases.add(init("a means-only init file with a mean that is not finite",
                "{\"means\": [[1, 2], [4, 1e999]]}", "init.json"));
        cases.add(of("score with both --bic and --aic", "--bic", "score", "--model", "@model.json", "--data",
                "old-faithful", "--bic", "--aic"));
        cases.add(of("score with a negative sample weight", Map.of("data.csv", "a,b,w\n1,2,1\n2,3.5,-1\n",
                "model.json", MODEL_2D), "line 3", "score", "--model", "@model.json", "--data", "@data.csv",
                "--sample-weights", "w"));
        cases.add(of("select with an unknown sample-weights column", Map.of("data.csv", DATA_2D), "'w'", "select",
                "--data", "@data.csv", "--components", "1", "--sample-weights", "w"));
        cases.add(of("compare --example with --sample-weights", "--sample-weights", "compare", "--example",
                "seed-000", "--sample-weights", "w", "--out", "@pages"));
        cases.add(of("zero components", "components", "fit", "--data", "old-faithful", "-k", "0"));
        cases.add(of("components that are not a number", "abc", "fit", "--data", "old-faithful", "-k", "abc"));
        cases.add(of("a seed that is not a number", "xyz", "fit", "--data", "old-faithful", "-k", "2", "--seed",
                "xyz"));
        cases.add(of("an unknown implementation", "'quantum'", "fit", "--data", "old-faithful", "-k", "2",
                "--implementation", "quantum"));
        cases.add(of("the univariate implementation on 2-D data", "univariate", "fit", "--data", "old-faithful",
                "-k", "2", "--implementation", "univariate"));
        cases.add(of("zero threads", "threads", "fit", "--data", "old-faithful", "-k", "2", "--threads", "0"));
        cases.add(of("an unknown initialisation method", "'psychic'", "fit", "--data", "old-faithful", "-k", "2",
                "--init-method", "psychic"));
        cases.add(of("an unknown covariance type", "'diagonal'", "fit", "--data", "old-faithful", "-k", "2",
                "--covariance-type", "diagonal"));
        cases.add(of("a covariance type the exercises' EM does not fit", "full covariances only", "fit", "--data",
                "old-faithful", "-k", "2", "--covariance-type", "tied", "--implementation", "student"));
        cases.add(init("an init file with a correlation for --covariance-type diag",
                MODEL_2D.replace("[[1, 0], [0, 1]]]", "[[1, 0.5], [0.5, 1]]]"), "diag", "--covariance-type",
                "diag"));
        cases.add(init("an init file whose variances differ for --covariance-type spherical",
                MODEL_2D.replace("[[1, 0], [0, 1]]]", "[[1, 0], [0, 2]]]"), "spherical", "--covariance-type",
                "spherical"));
        cases.add(init("an unknown covarianceType in the init file",
                MODEL_2D.replace("}", ", \"covarianceType\": \"round\"}"), "round"));
        cases.add(init("an init file whose covariances are not of its own covarianceType",
                MODEL_2D.replace("[[1, 0], [0, 1]]]", "[[2, 0], [0, 1]]]").replace("}", ", \"covarianceType\": \"tied\"}"),
                "tied"));
        cases.add(of("an unknown bundled data set", "mauna-loa", "fit", "--data", "mauna-loa", "-k", "2"));
        cases.add(of("no subcommand", "subcommand"));
        cases.add(of("an unknown subcommand", "frobnicate", "frobnicate"));
        cases.add(of("picture options without --plots", "--plots", "fit", "--data", "old-faithful", "-k", "2",
                "--dpi", "144", "--out", "@out.json"));
        // generate
        cases.add(of("generate with no source", "--setup", "generate", "--out", "@out.csv"));
        cases.add(of("generate with two sources", Map.of("model.json", MODEL_2D), "--setup", "generate", "--setup",
                "seed-001", "--model", "@model.json", "--points", "10", "--out", "@out.csv"));
        cases.add(of("an unknown setup", "seed-999", "generate", "--setup", "seed-999", "--out", "@out.csv"));
        cases.add(of("a model without --points", Map.of("model.json", MODEL_2D), "--points", "generate", "--model",
                "@model.json", "--out", "@out.csv"));
        cases.add(of("zero points", Map.of("model.json", MODEL_2D), "--points", "generate", "--model",
                "@model.json", "--points", "0", "--out", "@out.csv"));
        cases.add(of("a negative number of points", Map.of("model.json", MODEL_2D), "-5", "generate", "--model",
                "@model.json", "--points", "-5", "--out", "@out.csv"));
        cases.add(of("a model file that does not exist", "none.json", "generate", "--model", "@none.json",
                "--points", "10", "--out", "@out.csv"));
        // predict, predict-proba, score-samples, score and sample
        cases.add(of("predict without a model", "--model", "predict", "--data", "iris", "--out", "@out.csv"));
        cases.add(of("predict with a model file that does not exist", "none.json", "predict", "--model",
                "@none.json", "--data", "iris", "--out", "@out.csv"));
        cases.add(of("predict without data", Map.of("model.json", MODEL_2D), "--data", "predict", "--model",
                "@model.json", "--out", "@out.csv"));
        cases.add(of("predict with a model of another dimension than the data", Map.of("model.json", MODEL_2D),
                "model.json has dimension 2 but the data iris has 4 columns", "predict", "--model", "@model.json",
                "--data", "iris", "--out", "@out.csv"));
        cases.add(of("predict-proba with a model of another dimension", Map.of("model.json", MODEL_3D, "data.csv",
                DATA_2D), "dimension 3", "predict-proba", "--model", "@model.json", "--data", "@data.csv"));
        cases.add(of("predict with an unknown labels column", Map.of("model.json", MODEL_2D), "'colour'", "predict",
                "--model", "@model.json", "--data", "old-faithful", "--labels", "colour", "--out", "@out.csv"));
        cases.add(of("score-samples of a cell that is not a number", Map.of("model.json", MODEL_2D, "data.csv",
                "a,b\n1,2\n3,x\n"), "line 3", "score-samples", "--model", "@model.json", "--data", "@data.csv",
                "--out", "@out.csv"));
        cases.add(of("score with a model that is not JSON", Map.of("model.json", "weights: 1"), "model.json",
                "score", "--model", "@model.json", "--data", "old-faithful", "--out", "@out.txt"));
        cases.add(of("score written over its model", Map.of("model.json", MODEL_2D), "--model", "score", "--model",
                "@model.json", "--data", "old-faithful", "--out", "@model.json"));
        cases.add(of("sample of zero points", Map.of("model.json", MODEL_2D), "--points", "sample", "--model",
                "@model.json", "--points", "0", "--out", "@out.csv"));
        cases.add(of("sample without --points", Map.of("model.json", MODEL_2D), "--points", "sample", "--model",
                "@model.json", "--out", "@out.csv"));
        cases.add(of("sample without a model", "--model", "sample", "--points", "10", "--out", "@out.csv"));
        cases.add(of("sample with a model file that does not exist", "none.json", "sample", "--model",
                "@none.json", "--points", "10", "--out", "@out.csv"));
        // plot
        cases.add(of("plot without a model", "--model", "plot", "--data", "old-faithful", "--out", "@pictures"));
        cases.add(of("plot with a resolution of 0", Map.of("model.json", MODEL_2D), "--dpi", "plot", "--data",
                "old-faithful", "--model", "@model.json", "--out", "@pictures", "--dpi", "0"));
        cases.add(of("plot in an unknown format", Map.of("model.json", MODEL_2D), "bmp", "plot", "--data",
                "old-faithful", "--model", "@model.json", "--out", "@pictures", "--format", "bmp"));
        cases.add(of("plot with an unknown --x column", Map.of("model.json", MODEL_2D), "volume", "plot", "--data",
                "old-faithful", "--model", "@model.json", "--out", "@pictures", "--x", "volume"));
        cases.add(of("plot of a model of another dimension", Map.of("model.json", "{\"weights\": [1], \"means\":"
                + " [[0, 0, 0]], \"covariances\": [[[1, 0, 0], [0, 1, 0], [0, 0, 1]]]}"), "dimension", "plot",
                "--data", "old-faithful", "--model", "@model.json", "--out", "@pictures"));
        cases.add(of("plot with a width of 0", Map.of("model.json", MODEL_2D), "--width", "plot", "--data",
                "old-faithful", "--model", "@model.json", "--out", "@pictures", "--width", "0"));
        // compare
        cases.add(of("an unknown example", "seed-999", "compare", "--example", "seed-999", "--out", "@pictures"));
        cases.add(of("compare with an unknown implementation", "quantum", "compare", "--data", "old-faithful", "-k",
                "2", "--implementations", "quantum", "--out", "@pictures"));
        cases.add(of("compare without data or example", "--data", "compare", "-k", "2", "--out", "@pictures"));
        cases.add(of("compare with --n-init 0", "--n-init", "compare", "--data", "old-faithful", "-k", "2",
                "--n-init", "0", "--out", "@pictures", "--json", "@rows.json"));
        cases.add(of("compare with --n-init and one fixed start from --init", Map.of("init.json", MODEL_2D),
                "--n-init 3", "compare", "--data", "old-faithful", "--init", "@init.json", "--n-init", "3", "--out",
                "@pictures"));
        cases.add(of("compare with an unknown --covariance-type", "'round'", "compare", "--data", "old-faithful", "-k",
                "2", "--covariance-type", "round", "--out", "@pictures"));
        cases.add(of("compare from an init file that does not fit --covariance-type", Map.of("init.json",
                "{\"weights\": [0.5, 0.5], \"means\": [[2, 55], [4, 80]], \"covariances\": [[[1, 0.3], [0.3, 1]],"
                + " [[1, 0], [0, 1]]]}"), "does not fit --covariance-type diag", "compare", "--data", "old-faithful",
                "--init", "@init.json", "--covariance-type", "diag", "--out", "@pictures"));
        cases.add(of("compare of an example with --n-init 0", "--n-init", "compare", "--example", "seed-001",
                "--n-init", "0", "--out", "@pictures"));
        cases.add(of("compare with a --race of one number", "--race", "compare", "--data", "old-faithful", "-k", "2",
                "--race", "20000", "--out", "@pictures"));
        cases.add(of("compare with a --race of 0 points", "'0x10'", "compare", "--data", "old-faithful", "-k", "2",
                "--race", "0x10", "--out", "@pictures"));
        cases.add(of("compare with a --race that is not numbers", "'axb'", "compare", "--data", "old-faithful", "-k",
                "2", "--race", "axb", "--out", "@pictures"));
        cases.add(of("compare with a --race of 0 dimensions", "'20000x0'", "compare", "--data", "old-faithful", "-k",
                "2", "--race", "20000x0", "--out", "@pictures"));
        cases.add(of("compare with a --race of fewer points than K", "fewer than K = 3", "compare", "--data",
                "old-faithful", "-k", "3", "--race", "2x2", "--out", "@pictures"));
        // explore
        cases.add(of("explore with an unknown implementation", "quantum", "explore", "--data", "old-faithful", "-k",
                "2", "--implementations", "quantum", "--out", "@explore.html"));
        cases.add(of("explore with K larger than the data", Map.of("data.csv", DATA_2D), "6 components", "explore",
                "--data", "@data.csv", "-k", "6", "--out", "@explore.html"));
        cases.add(of("explore with a folder as --out", Map.of("folder/keep.txt", "x"), "folder", "explore", "--data",
                "old-faithful", "-k", "2", "--race", "none", "--out", "@folder"));
        cases.add(of("explore writing its page over its data", Map.of("data.csv", DATA_2D), "same file", "explore",
                "--data", "@data.csv", "-k", "2", "--race", "none", "--out", "@data.csv"));
        cases.add(of("explore with a malformed --race", "'20000x'", "explore", "--data", "old-faithful", "-k", "2",
                "--race", "20000x", "--out", "@explore.html"));
        cases.add(of("explore of an example with --data", "leave out --data", "explore", "--example", "seed-003",
                "--data", "old-faithful", "--out", "@explore.html"));
        // select
        cases.add(of("select with a reversed K range", "8..1", "select", "--data", "old-faithful", "--components",
                "8..1", "--out", "@out.json"));
        cases.add(of("select with K = 0", "K = 0", "select", "--data", "old-faithful", "--components", "0..3",
                "--out", "@out.json"));
        cases.add(of("select with a K that is not a number", "'two'", "select", "--data", "old-faithful",
                "--components", "two", "--out", "@out.json"));
        cases.add(of("select with too many values of K", "more than 100", "select", "--data", "old-faithful",
                "--components", "1..100000", "--out", "@out.json"));
        cases.add(of("select with an unknown covariance type", "'round'", "select", "--data", "old-faithful",
                "--components", "1..2", "--covariance-types", "full,round", "--out", "@out.json"));
        cases.add(of("select with an unknown criterion", "'mdl'", "select", "--data", "old-faithful", "--criterion",
                "mdl", "--out", "@out.json"));
        cases.add(of("select with --n-init 0", "--n-init", "select", "--data", "old-faithful", "--n-init", "0",
                "--out", "@out.json"));
        cases.add(of("select without --data", "--data", "select", "--components", "1..3", "--out", "@out.json"));
        cases.add(of("select with picture options but no --plots", "--plots", "select", "--data", "old-faithful",
                "--components", "1..2", "--dpi", "144", "--out", "@out.json"));
        cases.add(of("select asked for an animation", "gif", "select", "--data", "old-faithful", "--components",
                "1..2", "--plots", "@pictures", "--format", "gif"));
        cases.add(of("select writing its model over its data", Map.of("data.csv", DATA_2D), "same file", "select",
                "--data", "@data.csv", "--components", "1..2", "--out", "@data.csv"));
        cases.add(of("select writing its table over its data", Map.of("data.csv", DATA_2D), "--table", "select",
                "--data", "@data.csv", "--components", "1..2", "--table", "@data.csv"));
        cases.add(of("select where no cell can be fitted", Map.of("data.csv", DATA_2D), "none of the 8", "select",
                "--data", "@data.csv", "--components", "6..7", "--out", "@out.json", "--table", "@table.csv",
                "--plots", "@pictures"));
        cases.add(of("select on a constant column", Map.of("data.csv", "a,b\n1,2\n1,3\n1,4\n1,5\n1,6\n"),
                "constant", "select", "--data", "@data.csv", "--components", "1..2", "--out", "@out.json"));
        // bench's outputs are checked before the first case runs: one line, no progress lines, no folder left.
        cases.add(of("bench with --csv inside --export", "is inside --export", "bench", "--n", "300", "--d", "2",
                "--k", "3", "--iterations", "2", "--implementations", "vectorised", "--export", "@ex", "--csv",
                "@ex/custom.csv"));
        cases.add(of("bench with --export and a folder as --csv", Map.of("d/keep.txt", "x"), "d: it is a directory",
                "bench", "--n", "300", "--d", "2", "--k", "3", "--iterations", "2", "--implementations", "vectorised",
                "--export", "@ex", "--csv", "@d"));
        cases.add(of("bench exporting into a file", Map.of("f.txt", "x"), "f.txt: it is a file, not a directory",
                "bench", "--n", "300", "--d", "2", "--k", "3", "--iterations", "2", "--implementations", "vectorised",
                "--export", "@f.txt", "--csv", "@bench.csv"));
        cases.add(of("bench exporting a case onto a folder", Map.of("ex/custom.csv/keep.txt", "x"),
                "custom.csv: it is a directory", "bench", "--n", "300", "--d", "2", "--k", "3", "--iterations", "2",
                "--implementations", "vectorised", "--export", "@ex", "--csv", "@bench.csv"));
        addSizeCases(cases);
        addWeightScaleCases(cases);
        addFileSystemCases(cases);
        return cases;
    }

    /**
     * A model whose one mean has 46,341 values and whose covariance is 1×1: 46,341² is the first D·D past
     * {@link Integer#MAX_VALUE}, so a reader that formed D·D in an int before checking the shapes would wrap.
     */
    private static final String MODEL_MEAN_46341 = "{\"weights\": [1], \"means\": [["
            + String.join(",", java.util.Collections.nCopies(46_341, "0")) + "]], \"covariances\": [[[1]]]}";

    /** K = 21,475 one-dimensional components: with 100,000 points, N·K = 2,147,500,000 passes an array's limit. */
    private static final String MODEL_K_21475 = wideModel(21_475);

    /** 100,000 one-column points, for {@link #MODEL_K_21475}. */
    private static final String DATA_100000 = "x\n" + "0.5\n".repeat(100_000);

    private static String wideModel(int k) {
        String weight = Double.toString(1.0 / k);
        return "{\"weights\": [" + String.join(",", java.util.Collections.nCopies(k, weight)) + "], \"means\": ["
                + String.join(",", java.util.Collections.nCopies(k, "[0]")) + "], \"covariances\": ["
                + String.join(",", java.util.Collections.nCopies(k, "[[1]]")) + "]}";
    }

    /** Sizes whose products pass an int or an array (issue 21): each is refused before anything is allocated. */
    private static void addSizeCases(List<Case> cases) {
        Map<String, String> big = Map.of("big.json", MODEL_MEAN_46341);
        cases.add(of("select with K = 2147483647, whose free parameters pass an int", "2,147,483,647 components",
                "select", "--data", "old-faithful", "--components", "2147483647", "--out", "@out.json"));
        cases.add(of("select with K = 400000000, whose free parameters pass an int", "400,000,000 components",
                "select", "--data", "old-faithful", "--components", "400000000", "--out", "@out.json"));
        cases.add(of("select with the range 2147483647..2147483647", "2,147,483,647 components", "select", "--data",
                "old-faithful", "--components", "2147483647..2147483647", "--out", "@out.json"));
        cases.add(of("select with the range 2147483600..2147483647", "2,147,483,647 components", "select", "--data",
                "old-faithful", "--components", "2147483600..2147483647", "--out", "@out.json"));
        cases.add(of("predict with a model whose mean has 46,341 values", big, "46,341", "predict", "--data",
                "old-faithful", "--model", "@big.json", "--out", "@labels.csv"));
        cases.add(of("sample from a model whose mean has 46,341 values", big, "46,341", "sample", "--model",
                "@big.json", "--points", "3", "--out", "@points.csv"));
        cases.add(of("generate from a model whose mean has 46,341 values", big, "46,341", "generate", "--model",
                "@big.json", "--points", "3", "--out", "@points.csv"));
        cases.add(of("fit from an init file whose mean has 46,341 values", big, "46,341", "fit", "--data",
                "old-faithful", "--init", "@big.json", "--out", "@out.json"));
        cases.add(of("plot of a model whose mean has 46,341 values", big, "46,341", "plot", "--data", "old-faithful",
                "--model", "@big.json", "--out", "@picture.png"));
        Map<String, String> wide = Map.of("wide.json", MODEL_K_21475, "data.csv", DATA_100000);
        cases.add(of("predict of 100,000 points with K = 21,475", wide, "21,475 components", "predict", "--data",
                "@data.csv", "--model", "@wide.json", "--out", "@labels.csv"));
        cases.add(of("score of 100,000 points with K = 21,475", wide, "21,475 components", "score", "--data",
                "@data.csv", "--model", "@wide.json"));
        cases.add(of("bench with D = 46341, whose D² passes an int", "--d 46341", "bench", "--n", "2", "--d", "46341",
                "--k", "1"));
        cases.add(of("bench with D = 65536, whose D² wraps to 0 in an int", "--d 65536", "bench", "--n", "2", "--d",
                "65536", "--k", "1"));
    }

    /** {@code fit} of {@link #DATA_2D} with the sample weights in a file {@code w.csv} of the given lines. */
    private static Case weightsFile(String what, String weights, String mentions) {
        return of(what, Map.of("data.csv", DATA_2D, "w.csv", weights), mentions, "fit", "--data", "@data.csv", "-k",
                "2", "--sample-weights-file", "@w.csv", "--out", "@out.json");
    }

    /**
     * Weights whose scale would make EM's sums lose them or overflow (issue 21): refused up front, naming the
     * weights file and the row or the total, rather than a fit that "converges" on nothing or fails with NaN.
     */
    private static void addWeightScaleCases(List<Case> cases) {
        cases.add(weightsFile("a subnormal sample weight, 1e-320", "1\n1\n1e-320\n1\n1\n",
                "w.csv: the sample weight of row 3 is 1.0E-320, below 2.2e-308"));
        cases.add(weightsFile("every sample weight 1e-320", "1e-320\n".repeat(5),
                "w.csv: the sample weight of row 1 is 1.0E-320"));
        cases.add(weightsFile("one sample weight of 1e308", "1\n1\n1e308\n1\n1\n",
                "w.csv: the sample weights add up to 1.0E308, more than this data's sums can hold"));
        cases.add(weightsFile("sample weights whose sum overflows", "1e308\n1e308\n1e308\n1\n1\n",
                "w.csv: the sample weights add up to more than the largest double"));
        cases.add(csv("a sample-weights column of 1e305 with values of 5", "a,b,w\n1,2,1e305\n2,3.5,1\n3,3,1\n4,5.5,1"
                + "\n5,5,1\n", "the sample weights add up to 1.0E305", "--sample-weights", "w"));
    }

    /** A file name of 300 letters: past the 255 bytes a name may have on Linux's file systems. */
    private static final String LONG_NAME = "n".repeat(300);

    /** 50,000 column names and three rows of ones: a list of names far past the 10 a message may name. */
    private static final String DATA_50000_COLUMNS = wideData(50_000);

    private static String wideData(int columns) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            names.add("column_" + c);
        }
        String row = String.join(",", java.util.Collections.nCopies(columns, "1")) + "\n";
        return String.join(",", names) + "\n" + row.repeat(3);
    }

    /**
     * What the file system refuses in its own words (issue 21): over-long names, a picture folder that is a
     * file (refused before the fit), and a list of 50,000 names, each said in one short line.
     */
    private static void addFileSystemCases(List<Case> cases) {
        cases.add(of("fit --out with a name of 300 letters", "its name is longer than the file system allows", "fit",
                "--data", "old-faithful", "-k", "2", "--out", "@" + LONG_NAME + ".json"));
        cases.add(of("predict --out with a name of 300 letters", Map.of("m.json", MODEL_2D),
                "its name is longer than the file system allows", "predict", "--data", "old-faithful", "--model", "@m.json", "--out", "@" + LONG_NAME + ".csv"));
        cases.add(of("sample --out with a name of 300 letters", Map.of("m.json", MODEL_2D),
                "its name is longer than the file system allows", "sample", "--model", "@m.json", "--points", "3",
                "--out", "@" + LONG_NAME + ".csv"));
        cases.add(of("generate --out with a name of 300 letters", "its name is longer than the file system allows",
                "generate", "--setup", "seed-002", "--out", "@" + LONG_NAME + ".csv"));
        cases.add(of("fit --out in a folder of 300 letters that does not exist", "does not exist", "fit", "--data",
                "old-faithful", "-k", "2", "--out", "@" + LONG_NAME + "/m.json"));
        cases.add(of("fit --plots onto a file, with data that is bad too: the pictures' folder is checked first",
                Map.of("pictures", "x", "data.csv", "a,b\n1,x\n"), "--plots", "fit", "--data", "@data.csv", "-k",
                "2", "--plots", "@pictures"));
        cases.add(of("select --plots onto a file", Map.of("pictures", "x"), "it is a file, not a directory", "select",
                "--data", "old-faithful", "--components", "1..2", "--plots", "@pictures"));
        cases.add(of("predict with a 2-D model against data of 50,000 columns",
                Map.of("m.json", MODEL_2D, "wide.csv", DATA_50000_COLUMNS), "(50,000 in all)", "predict", "--data",
                "@wide.csv", "--model", "@m.json", "--out", "@labels.csv"));
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGetsOneLineExitCode2AndLeavesNoTrace() {
        List<Case> cases = catalogue();
        return java.util.stream.IntStream.range(0, cases.size()).mapToObj(i -> DynamicTest.dynamicTest(
                String.format("case %02d: %s", i + 1, cases.get(i).what()), () -> check(cases.get(i))));
    }

    @org.junit.jupiter.api.Test
    void theCatalogueHasAtLeast150Cases() {
        assertTrue(catalogue().size() >= 150, "cases: " + catalogue().size());
    }

    private static void check(Case c) throws IOException {
        Path folder = Files.createTempDirectory("bad-input");
        try {
            for (Map.Entry<String, String> file : c.files().entrySet()) {
                Path path = folder.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
            Map<String, byte[]> before = snapshot(folder);
            String[] args = c.args().stream().map(arg -> arg.startsWith("@")
                    ? folder.resolve(arg.substring(1)).toString() : arg).toArray(String[]::new);
            CommandRun run = CommandRun.of(args);
            run.badInputLine();
            assertTrue(run.err().length() < 600, c.what() + ": a line of " + run.err().length() + " characters");
            assertTrue(run.err().contains(c.mentions()), c.what() + ": '" + c.mentions() + "' not in " + run.err());
            Map<String, byte[]> after = snapshot(folder);
            assertEquals(before.keySet(), after.keySet(), c.what() + ": files left behind or removed");
            for (String name : before.keySet()) {
                assertTrue(Arrays.equals(before.get(name), after.get(name)), c.what() + ": " + name + " changed");
            }
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** Every file and folder under {@code folder}: relative name → bytes (folders: empty). */
    private static Map<String, byte[]> snapshot(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(path -> !path.equals(folder)).toList()) {
                files.put(folder.relativize(path).toString(), Files.isRegularFile(path) ? Files.readAllBytes(path)
                        : new byte[0]);
            }
        }
        return files;
    }
}
