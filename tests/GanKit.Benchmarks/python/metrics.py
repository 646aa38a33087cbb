#!/usr/bin/python3
"""The metrics twin of GanKit.Benchmarks (notebook 05): FID by pytorch-fid's route and KID by torch-fidelity's, in NumPy
and SciPy, on the same seeded features as GanKit's side.

FID: np.mean and np.cov of each side, then pytorch-fid's calculate_frechet_distance (scipy.linalg.sqrtm of Σ1·Σ2 with
disp=False, its ε = 1e-6 retry, the real part, the trace formula), timed from the feature matrices to the number.
KID: torch-fidelity's kid_features_to_metric: per subset RandomState(seed).choice(n, m, replace=False) for the real
side then the fake side, the kernel (X·Yᵀ·(1/d) + 1)³, the unbiased MMD², np.mean over subsets.
Both formulas are in reference_metrics.py, which the golden script of GanKit.Metrics' tests uses too.

Features (as GanKit's side makes them, bit for bit): u1, u2 = RandomState(seed).random_sample((n, d)) twice;
real = u1, fake = 0.6·u2 + 0.4·roll(u2, 1, axis=1) + 0.05 (neighbouring columns correlated).

Usage: python3 metrics.py --samples N --dim D --kid-subsets S --kid-subset-size M [--seed K]
Prints JSON: {"fid": {"seconds": s, "cpu_seconds": c, "value": v}, "kid": {...the same}, "numpy": version, "scipy": version}.
"""
import argparse
import json
import sys
import time

import numpy as np
import scipy

from reference_metrics import kid_subsets, pytorch_fid


def features(samples, dim, seed):
    rng = np.random.RandomState(seed)
    real = rng.random_sample((samples, dim))
    u2 = rng.random_sample((samples, dim))
    return real, 0.6 * u2 + 0.4 * np.roll(u2, 1, axis=1) + 0.05


def kid(real, fake, subsets, subset_size, seed):
    return float(np.mean(kid_subsets(real, fake, subsets, subset_size, seed)[0]))


def timed(function, *arguments):
    start, start_cpu = time.perf_counter(), time.process_time()
    value = function(*arguments)
    return {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - start_cpu, "value": value}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--samples", type=int, required=True)
    p.add_argument("--dim", type=int, required=True)
    p.add_argument("--kid-subsets", type=int, required=True)
    p.add_argument("--kid-subset-size", type=int, required=True)
    p.add_argument("--seed", type=int, default=2020)
    o = p.parse_args()
    real, fake = features(o.samples, o.dim, o.seed)
    out = {"fid": timed(pytorch_fid, real, fake), "kid": timed(kid, real, fake, o.kid_subsets, o.kid_subset_size, o.seed),
           "numpy": np.__version__, "scipy": scipy.__version__}
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()
