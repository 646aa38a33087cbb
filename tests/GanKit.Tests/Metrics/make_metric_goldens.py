"""Golden values for GanKit.Metrics (FID, KID, IS, precision/recall, realism, FID∞/IS∞) and NumpyRandomState.

Run with Debian's Python (python3-numpy, python3-scipy):
    /usr/bin/python3 tests/GanKit.Tests/Metrics/make_metric_goldens.py

Writes, beside this script:
  goldens.bin   seeded feature matrices, logits, probabilities and realism scores, raw little-endian, one after another.
  goldens.json  where each array is in goldens.bin (offset in bytes, shape, dtype), and the expected values, each
                computed here the way its reference computes it:
    fid           pytorch-fid's calculate_frechet_distance: np.mean, np.cov, scipy.linalg.sqrtm(Σ1·Σ2, disp=False), the
                  ε = 1e-6 retry on a non-finite root, the diagonal imaginary check (atol 1e-3), real part, trace; and
                  value_with_epsilon, what the retry gives (ε·I added to both covariances inside the root).
    kid           torch-fidelity's kid_features_to_metric: RandomState(seed).choice(n, m, replace=False) for the first
                  input then the second, per subset; polynomial kernel (X·Yᵀ·(1/d) + 1)³; mmd2(..., "unbiased"); np.mean, np.std.
    inception     torch-fidelity's isc_features_to_metric: RandomState(seed).permutation(N), softmax / log-softmax in
                  float64, splits [i·N//s, (i+1)·N//s), exp(mean KL), np.mean / np.std; from probabilities the same
                  with np.log(p).
    precision     kynkaat/improved-precision-and-recall-metric: squared distances max(‖u‖² − 2u·v + ‖v‖², 0),
                  radii np.partition(·, k)[:, k], inside when distance ≤ radius of some reference point; F = 2PR/(P+R).
    realism       the original's ManifoldEstimator.evaluate(return_realism=True): max over real points of
                  D_k / (distance + 1e-5), squared distances; with clamp_to_percentile=50 (radii above the median set
                  to 0) as its realism experiment, and without.
    *_infinity    mchong6/FID_IS_infinity: np.random.seed(seed); for N in np.linspace(min, max, points).astype('int32'):
                  np.random.shuffle(rows), first N rows, FID (pytorch-fid formula, real statistics of all real rows) or
                  IS with one split; least-squares line of the values on 1/N, its intercept.
    random_state  numpy.random.RandomState outputs: permutation, choice with and without replacement, shuffle.

Features are stored as float32 (to keep the files small) and every value is computed from them widened to float64,
as GanKit computes. The script checks that no precision/recall decision lies within round-off of its boundary, so
the goldens hold for any correct float64 implementation.
"""
import json
import os
import sys

import numpy as np
import scipy
from scipy import linalg

HERE = os.path.dirname(os.path.abspath(__file__))
# The FID and KID formulas live beside the benchmark's metrics twin, which times the same references.
sys.path.insert(0, os.path.join(HERE, "..", "..", "GanKit.Benchmarks", "python"))
from reference_metrics import kid_subsets, pytorch_fid_covmean  # noqa: E402


class Arrays:
    """Raw arrays appended to goldens.bin, each described by name → offset, shape, dtype."""

    def __init__(self):
        self.blobs, self.index, self.offset = [], {}, 0

    def add(self, name, array, dtype):
        data = np.ascontiguousarray(array, dtype=np.dtype(dtype).newbyteorder("<"))
        self.index[name] = {"offset": self.offset, "shape": list(data.shape), "dtype": np.dtype(dtype).name}
        self.blobs.append(data.tobytes())
        self.offset += data.nbytes
        return name


def features(rng, n, d, mean_shift=0.0, scale=1.0, tails=0.0):
    """Correlated Gaussian rows, optionally shifted, scaled and with Laplace noise; widened from float32."""
    mixing = rng.normal(size=(d, d)) / np.sqrt(d)
    x = rng.normal(size=(n, d)) @ mixing * scale + mean_shift
    if tails:
        x += rng.laplace(scale=tails, size=(n, d))
    return x.astype(np.float32).astype(np.float64)


# ---- FID: pytorch-fid's calculate_frechet_distance, step by step ----
def fid_pytorch_fid(x, y, eps=1e-6):
    mu1, mu2 = np.mean(x, axis=0), np.mean(y, axis=0)
    sigma1, sigma2 = np.cov(x, rowvar=False), np.cov(y, rowvar=False)
    diff = mu1 - mu2
    covmean, regularized, imaginary = pytorch_fid_covmean(sigma1, sigma2, eps)
    mean_term = float(diff.dot(diff))
    trace_term = float(np.trace(sigma1) + np.trace(sigma2) - 2 * np.trace(covmean))
    # The value TTUR's retry gives: ε on both diagonals inside the root only, the traces of the covariances as they are.
    offset = np.eye(sigma1.shape[0]) * eps
    retried = linalg.sqrtm((sigma1 + offset).dot(sigma2 + offset)).real
    value_with_epsilon = float(diff.dot(diff) + np.trace(sigma1) + np.trace(sigma2) - 2 * np.trace(retried))
    # torch-fidelity's route (Σ Re √eig(Σ1Σ2)) for the record.
    eig_route = float(diff.dot(diff) + np.trace(sigma1) + np.trace(sigma2)
                      - 2 * np.sum(np.sqrt(np.linalg.eigvals(sigma1.dot(sigma2)).astype("complex128")).real))
    return {"value": mean_term + trace_term, "mean_term": mean_term, "trace_term": trace_term,
            "regularized": regularized, "largest_diagonal_imaginary": imaginary, "value_with_epsilon": value_with_epsilon,
            "torch_fidelity_value": eig_route}


# ---- KID: torch-fidelity's kid_features_to_metric with the default poly kernel and mmd_est="unbiased" ----
def kid_torch_fidelity(x, y, subsets, subset_size, seed):
    mmds, first = kid_subsets(x, y, subsets, subset_size, seed)
    return {"subsets": subsets, "subset_size": subset_size, "seed": seed, "mean": float(np.mean(mmds)),
            "std": float(np.std(mmds)), "per_subset": mmds.tolist(), "first_subset_real": first[0], "first_subset_fake": first[1]}


# ---- IS: torch-fidelity's isc_features_to_metric (logits) and the same from probabilities ----
def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def log_softmax(z):
    shifted = z - z.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def inception_score(p, log_p, splits, seed):
    n = p.shape[0]
    if seed is not None:
        order = np.random.RandomState(seed).permutation(n)
        p, log_p = p[order], log_p[order]
    scores = []
    for i in range(splits):
        chunk, log_chunk = p[i * n // splits:(i + 1) * n // splits], log_p[i * n // splits:(i + 1) * n // splits]
        q = chunk.mean(axis=0, keepdims=True)
        scores.append(float(np.exp((chunk * (log_chunk - np.log(q))).sum(axis=1).mean())))
    return {"splits": splits, "seed": seed, "mean": float(np.mean(scores)), "std": float(np.std(scores)), "per_split": scores}


# ---- Precision, recall and realism: the original's squared distances and np.partition radii ----
def squared_distances(u, v):
    norm_u = np.sum(u ** 2, axis=1).reshape(-1, 1)
    norm_v = np.sum(v ** 2, axis=1).reshape(1, -1)
    return np.maximum(norm_u - 2 * u @ v.T + norm_v, 0.0)


def radii(points, k):
    return np.partition(squared_distances(points, points), k, axis=1)[:, k]


def inside(reference, samples, k):
    r = radii(reference, k)
    slack = squared_distances(samples, reference) - r[None, :]
    nearest = slack.min(axis=1)
    margin = float(np.min(np.abs(nearest)) / np.median(r))
    return nearest <= 0, margin


def precision_recall(real, fake, k):
    fake_in_real, margin_p = inside(real, fake, k)
    real_in_fake, margin_r = inside(fake, real, k)
    margin = min(margin_p, margin_r)
    # A decision this close to its boundary could flip with summation order; the data must avoid it.
    assert margin > 1e-9, f"a precision/recall decision lies within {margin} of its boundary"
    p, r = float(fake_in_real.mean()), float(real_in_fake.mean())
    return {"k": k, "precision": p, "recall": r, "f_score": 0.0 if p + r == 0 else 2 * p * r / (p + r), "smallest_margin": margin}


def realism(real, samples, k, prune_percentile):
    d = radii(real, k)
    if prune_percentile is not None:
        d = d.copy()
        d[d > np.percentile(d, prune_percentile)] = 0
    return np.max(d[None, :] / (squared_distances(samples, real) + 1e-5), axis=1)


# ---- FID∞ / IS∞: mchong6/FID_IS_infinity's loop ----
def fit_line(sizes, values):
    slope, intercept = np.polyfit(1 / sizes, values, 1)
    return float(slope), float(intercept)


def infinity_line(rows, value_of, points, min_n, max_n, seed):
    """mchong6/FID_IS_infinity's loop: reseed, reshuffle before each size, the value of the first N rows, the 1/N line."""
    np.random.seed(seed)
    rows = rows.copy()
    sizes = np.linspace(min_n, max_n, points).astype("int32")
    values = []
    for n in sizes:
        np.random.shuffle(rows)
        values.append(value_of(rows[:n]))
    slope, intercept = fit_line(sizes, values)
    return {"points": points, "min_n": min_n, "max_n": max_n, "seed": seed, "sizes": sizes.tolist(), "values": values,
            "slope": slope, "intercept": intercept}


def fid_infinity(real, fake, points, min_n, max_n, seed):
    return infinity_line(fake, lambda chunk: fid_pytorch_fid(real, chunk)["value"], points, min_n, max_n, seed)


def is_infinity(p, points, min_n, max_n, seed):
    def one_split_is(chunk):
        return float(np.exp(np.mean(np.sum(chunk * (np.log(chunk) - np.log(np.mean(chunk, 0, keepdims=True))), 1))))
    return infinity_line(p, one_split_is, points, min_n, max_n, seed)


def random_state_goldens():
    out = []
    for seed in (2020, 0, 2 ** 32 - 1):
        rng = np.random.RandomState(seed)
        calls = [{"call": "permutation", "n": 10, "result": rng.permutation(10).tolist()},
                 {"call": "choice", "n": 100, "size": 7, "replace": False, "result": rng.choice(100, 7, replace=False).tolist()},
                 {"call": "choice", "n": 1000, "size": 5, "replace": True, "result": rng.choice(1000, 5, replace=True).tolist()},
                 {"call": "permutation", "n": 1000, "result": rng.permutation(1000).tolist()}]
        rows = np.arange(12 * 3).reshape(12, 3)
        rng.shuffle(rows)
        calls.append({"call": "shuffle_rows", "n": 12, "result": (rows[:, 0] // 3).tolist()})
        calls.append({"call": "random_sample", "n": 3, "result": rng.random_sample(3).tolist()})
        out.append({"seed": seed, "calls": calls})
    return out


def main():
    arrays = Arrays()
    rng = np.random.default_rng(20261202)
    golden = {"made_by": f"make_metric_goldens.py: numpy {np.__version__}, scipy {scipy.__version__}, Python {sys.version.split()[0]}"}

    # Feature cases: (name, real, fake, KID subsets and size).
    small_real, small_fake = features(rng, 30, 4), features(rng, 25, 4, mean_shift=0.5, scale=1.3)
    deficient_real, deficient_fake = features(rng, 30, 40), features(rng, 25, 40, mean_shift=0.2, scale=0.8)
    d64_real = features(rng, 2000, 64)
    d64_fake = features(rng, 2100, 64, mean_shift=0.15, scale=0.9, tails=0.2)
    cases = [("small", small_real, small_fake, (5, 10)),
             ("rank_deficient", deficient_real, deficient_fake, (20, 25)),
             ("identical", small_real, small_real, (5, 10)),
             ("d64", d64_real, d64_fake, (100, 1000))]
    stored = {}
    golden["fid"], golden["kid"] = [], []
    for name, real, fake, (subsets, size) in cases:
        for side, matrix in (("real", real), ("fake", fake)):
            key = id(matrix)
            if key not in stored:
                stored[key] = arrays.add(f"{name}/{side}", matrix, "float32")
        entry = {"case": name, "real": stored[id(real)], "fake": stored[id(fake)]}
        golden["fid"].append({**entry, **fid_pytorch_fid(real, fake)})
        golden["kid"].append({**entry, **kid_torch_fidelity(real, fake, subsets, size, 2020)})

    golden["precision_recall"] = [{"case": name, "real": stored[id(real)], "fake": stored[id(fake)], **precision_recall(real, fake, 3)}
                                  for name, real, fake, _ in cases if name in ("small", "d64")]
    golden["realism"] = []
    for prune in (50, None):
        scores = realism(d64_real, d64_fake, 3, prune)
        golden["realism"].append({"real": stored[id(d64_real)], "samples": stored[id(d64_fake)], "k": 3, "prune_percentile": prune,
                                  "scores": arrays.add(f"realism/prune_{prune}", scores, "float64")})

    # Inception score: float32 logits; probabilities their float64 softmax.
    logits = (rng.normal(size=(503, 10)) * 2.5).astype(np.float32).astype(np.float64)
    probabilities = softmax(logits)
    golden["inception"] = []
    arrays.add("is/logits", logits, "float32")
    arrays.add("is/probabilities", probabilities, "float64")
    for splits, seed in ((10, 2020), (7, None), (1, 5)):
        golden["inception"].append({"input": "is/logits", "kind": "logits", **inception_score(softmax(logits), log_softmax(logits), splits, seed)})
        golden["inception"].append({"input": "is/probabilities", "kind": "probabilities",
                                    **inception_score(probabilities, np.log(probabilities), splits, seed)})

    golden["fid_infinity"] = [{"real": stored[id(d64_real)], "fake": stored[id(d64_fake)], **fid_infinity(d64_real, d64_fake, 15, 1050, 2100, 2020)},
                              {"real": stored[id(d64_real)], "fake": stored[id(d64_fake)], **fid_infinity(d64_real, d64_fake, 4, 300, 1900, 7)}]
    is_logits = (rng.normal(size=(3000, 10)) * 2.0 + rng.normal(size=(1, 10))).astype(np.float32).astype(np.float64)
    is_probabilities = softmax(is_logits)
    arrays.add("is_infinity/probabilities", is_probabilities, "float64")
    golden["is_infinity"] = [{"probabilities": "is_infinity/probabilities", **is_infinity(is_probabilities, 15, 1500, 3000, 2020)}]

    golden["random_state"] = random_state_goldens()
    golden["arrays"] = arrays.index

    with open(os.path.join(HERE, "goldens.bin"), "wb") as f:
        for blob in arrays.blobs:
            f.write(blob)
    with open(os.path.join(HERE, "goldens.json"), "w") as f:
        json.dump(golden, f, indent=1)
        f.write("\n")
    print(f"wrote goldens.json and goldens.bin ({arrays.offset} bytes)")
    for entry in golden["fid"]:
        print(f"FID {entry['case']}: {entry['value']!r} (torch-fidelity route {entry['torch_fidelity_value']!r}, regularized {entry['regularized']}, "
              f"largest diagonal imaginary {entry['largest_diagonal_imaginary']:.3g})")
    for entry in golden["kid"]:
        print(f"KID {entry['case']}: {entry['mean']!r} ± {entry['std']!r}")
    for entry in golden["precision_recall"]:
        print(f"P/R {entry['case']}: {entry['precision']} {entry['recall']} (margin {entry['smallest_margin']:.3g})")


if __name__ == "__main__":
    main()
