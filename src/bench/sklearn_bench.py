#!/usr/bin/env python3
"""Times scikit-learn's GaussianMixture on cases exported by `em-gmm bench --export DIR`.

Same data, same start, same iteration count and tolerance 0 as `em-gmm bench`, so the figures can be
set beside its table. Not part of the build or of the tests: run it by hand where scikit-learn is
installed (on Debian: apt-get install python3-sklearn).

    java -jar target/em-gmm.jar bench --cases b,c,d,e --export target/bench/cases
    python3 src/bench/sklearn_bench.py target/bench/cases b c d e

scikit-learn is held to one BLAS thread unless --threads says otherwise.
"""
import argparse
import json
import statistics
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture
from threadpoolctl import threadpool_limits


def load_case(directory, name):
    """The points (every column but 'component') and the start of one exported case."""
    with open(f"{directory}/{name}.csv") as handle:
        header = handle.readline().strip().split(",")
    keep = [i for i, column in enumerate(header) if column != "component"]
    points = np.loadtxt(f"{directory}/{name}.csv", delimiter=",", skiprows=1, usecols=keep, ndmin=2)
    with open(f"{directory}/{name}-start.json") as handle:
        start = json.load(handle)
    return points, start


def time_case(points, start, iterations, runs, reg_covar):
    """Median milliseconds per iteration over `runs` timed fits after one warm-up, and the final mean log-likelihood."""
    covariances = np.array(start["covariances"])
    model = GaussianMixture(
        n_components=len(start["weights"]),
        covariance_type="full",
        tol=0.0,
        reg_covar=reg_covar,
        max_iter=iterations,
        n_init=1,
        weights_init=np.array(start["weights"]),
        means_init=np.array(start["means"]),
        precisions_init=np.linalg.inv(covariances),
    )
    millis = []
    for run in range(runs + 1):
        began = time.perf_counter()
        model.fit(points)
        elapsed = time.perf_counter() - began
        if run > 0:
            millis.append(elapsed * 1000.0 / model.n_iter_)
    return statistics.median(millis), model.score(points)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", help="the directory `em-gmm bench --export` wrote")
    parser.add_argument("cases", nargs="+", help="case names, e.g. b c d e")
    parser.add_argument("--iterations", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1, help="BLAS threads for scikit-learn (default 1)")
    parser.add_argument("--reg-covar", type=float, default=1e-6)
    arguments = parser.parse_args()
    warnings.simplefilter("ignore", ConvergenceWarning)
    import sklearn
    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, {arguments.threads} BLAS thread(s), "
          f"{arguments.iterations} iterations, tol 0, median of {arguments.runs} runs after 1 warm-up")
    print(f"{'case':<6} {'N×D, K':<20} {'ms/iter':>10} {'mean log-lik':>16}")
    with threadpool_limits(limits=arguments.threads):
        for name in arguments.cases:
            points, start = load_case(arguments.directory, name)
            millis, score = time_case(points, start, arguments.iterations, arguments.runs, arguments.reg_covar)
            shape = f"{points.shape[0]:,}×{points.shape[1]}, K={len(start['weights'])}"
            print(f"{name:<6} {shape:<20} {millis:>10.2f} {score:>16.10f}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
