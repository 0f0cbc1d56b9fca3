#!/usr/bin/env python3
"""Checks that em-gmm and scikit-learn's GaussianMixture fit the same parameters from the same start,
for every covariance type.

For each type, em-gmm writes a start (`fit --max-iter 0 --out`), runs a fixed number of iterations from
it with tolerance 0, and scikit-learn runs the same number from the same weights, means and precisions.
The script prints the largest difference in weights, means and covariances, and exits 1 if any is
above --tolerance. Not part of the build or of the tests: run it by hand where scikit-learn is
installed (on Debian: apt-get install python3-sklearn).

    mvn -q package -DskipTests
    python3 src/bench/sklearn_agreement.py target/em-gmm.jar src/main/resources/org/emgmm/data/iris.csv
"""
import argparse
import json
import subprocess
import sys
import tempfile
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture

TYPES = ["full", "diag", "spherical", "tied"]


def em_gmm(jar, *args):
    subprocess.run(["java", "-jar", jar, *args], check=True, stdout=subprocess.DEVNULL)


def precisions(covariance_type, covariances):
    """scikit-learn's precisions_init for K full covariances of a type: inverses, in the type's shape."""
    if covariance_type == "full":
        return np.array([np.linalg.inv(c) for c in covariances])
    if covariance_type == "diag":
        return np.array([1.0 / np.diag(c) for c in covariances])
    if covariance_type == "spherical":
        return np.array([1.0 / c[0, 0] for c in covariances])
    return np.linalg.inv(covariances[0])


def as_full(covariance_type, fitted, components, dimension):
    """scikit-learn's covariances_ as K full D×D matrices, as em-gmm writes them."""
    if covariance_type == "full":
        return fitted
    if covariance_type == "diag":
        return np.array([np.diag(c) for c in fitted])
    if covariance_type == "spherical":
        return np.array([np.eye(dimension) * c for c in fitted])
    return np.array([fitted] * components)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("jar")
    parser.add_argument("csv", help="a CSV file with a header; every numeric column is fitted")
    parser.add_argument("--components", type=int, default=3)
    parser.add_argument("--iterations", type=int, default=25)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--reg-covar", type=float, default=1e-6)
    parser.add_argument("--tolerance", type=float, default=1e-9,
                        help="largest difference accepted (default 1e-9: both compute in doubles, in other orders)")
    args = parser.parse_args()
    with open(args.csv) as handle:
        header = handle.readline().strip().split(",")
    rows = np.genfromtxt(args.csv, delimiter=",", skip_header=1, dtype=float)
    numeric = [j for j in range(len(header)) if not np.isnan(rows[:, j]).all()]
    points = rows[:, numeric]
    worst = 0.0
    with tempfile.TemporaryDirectory() as directory:
        for covariance_type in TYPES:
            start_file = f"{directory}/start-{covariance_type}.json"
            fit_file = f"{directory}/fit-{covariance_type}.json"
            common = ["--data", args.csv, "--reg-covar", str(args.reg_covar)]
            em_gmm(args.jar, "fit", *common, "-k", str(args.components), "--seed", str(args.seed),
                   "--init-method", "kmeans", "--covariance-type", covariance_type, "--max-iter", "0",
                   "--out", start_file)
            em_gmm(args.jar, "fit", *common, "--init", start_file, "--max-iter", str(args.iterations),
                   "--tol", "0", "--out", fit_file)
            with open(start_file) as handle:
                start = json.load(handle)
            with open(fit_file) as handle:
                fitted = json.load(handle)
            covariances = np.array(start["covariances"])
            model = GaussianMixture(args.components, covariance_type=covariance_type,
                                    weights_init=np.array(start["weights"]), means_init=np.array(start["means"]),
                                    precisions_init=precisions(covariance_type, covariances),
                                    max_iter=args.iterations, tol=0.0, reg_covar=args.reg_covar)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                model.fit(points)
            ours = np.array(fitted["covariances"])
            theirs = as_full(covariance_type, model.covariances_, args.components, points.shape[1])
            differences = {
                "weights": np.abs(model.weights_ - np.array(fitted["weights"])).max(),
                "means": np.abs(model.means_ - np.array(fitted["means"])).max(),
                "covariances": np.abs(theirs - ours).max(),
                "mean log-likelihood": abs(model.score(points) - fitted["meanLogLikelihood"]),
            }
            worst = max(worst, *differences.values())
            print(f"{covariance_type:10s} " + ", ".join(f"{name} {value:.1e}" for name, value in differences.items()))
    print(f"largest difference {worst:.1e} (tolerance {args.tolerance:g})")
    return 0 if worst <= args.tolerance else 1


if __name__ == "__main__":
    sys.exit(main())
