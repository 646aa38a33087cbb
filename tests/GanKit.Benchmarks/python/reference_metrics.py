"""The reference libraries' metric formulas in NumPy/SciPy, shared by the benchmark's metrics twin (metrics.py, beside
this file) and the golden script of GanKit.Metrics' tests (tests/GanKit.Tests/Metrics/make_metric_goldens.py).

pytorch_fid_covmean: pytorch-fid's calculate_frechet_distance up to the trace: scipy.linalg.sqrtm(Σ1·Σ2, disp=False),
the ε = 1e-6 retry on a non-finite root, the diagonal imaginary check (atol 1e-3), the real part.
kid_subsets: torch-fidelity's kid_features_to_metric: per subset RandomState(seed).choice(n, m, replace=False) for the
first input then the second, the polynomial kernel (X·Yᵀ·(1/d) + 1)³, mmd2(..., mmd_est="unbiased").
"""
import numpy as np
from scipy import linalg


def pytorch_fid_covmean(sigma1, sigma2, eps=1e-6):
    """Returns (the real square root of Σ1·Σ2, whether the ε retry was needed, the largest diagonal imaginary part)."""
    covmean, _ = linalg.sqrtm(sigma1.dot(sigma2), disp=False)
    regularized = False
    if not np.isfinite(covmean).all():
        offset = np.eye(sigma1.shape[0]) * eps
        covmean = linalg.sqrtm((sigma1 + offset).dot(sigma2 + offset))
        regularized = True
    imaginary = 0.0
    if np.iscomplexobj(covmean):
        imaginary = float(np.max(np.abs(np.diagonal(covmean).imag)))
        if not np.allclose(np.diagonal(covmean).imag, 0, atol=1e-3):
            raise ValueError("Imaginary component {}".format(np.max(np.abs(covmean.imag))))
        covmean = covmean.real
    return covmean, regularized, imaginary


def pytorch_fid(x, y, eps=1e-6):
    """FID of two feature matrices as pytorch-fid computes it (np.mean, np.cov, the root above, the trace formula)."""
    mu1, mu2 = np.mean(x, axis=0), np.mean(y, axis=0)
    sigma1, sigma2 = np.cov(x, rowvar=False), np.cov(y, rowvar=False)
    diff = mu1 - mu2
    covmean, _, _ = pytorch_fid_covmean(sigma1, sigma2, eps)
    return float(diff.dot(diff) + np.trace(sigma1) + np.trace(sigma2) - 2 * np.trace(covmean))


def kernel_poly(a, b):
    return (np.matmul(a, b.T) * (1.0 / a.shape[1]) + 1) ** 3


def mmd2_unbiased(k_xx, k_xy, k_yy):
    m = k_xx.shape[0]
    kt_xx_sum = (k_xx.sum(axis=1) - np.diagonal(k_xx)).sum()
    kt_yy_sum = (k_yy.sum(axis=1) - np.diagonal(k_yy)).sum()
    k_xy_sum = k_xy.sum(axis=0).sum()
    return (kt_xx_sum + kt_yy_sum) / (m * (m - 1)) - 2 * k_xy_sum / (m * m)


def kid_subsets(x, y, subsets, subset_size, seed):
    """Returns (the per-subset MMD² estimates, the rows of the first subset of each input)."""
    rng = np.random.RandomState(seed)
    mmds = np.zeros(subsets)
    first = None
    for i in range(subsets):
        rows_x = rng.choice(len(x), subset_size, replace=False)
        rows_y = rng.choice(len(y), subset_size, replace=False)
        if first is None:
            first = (rows_x.tolist(), rows_y.tolist())
        f1, f2 = x[rows_x], y[rows_y]
        mmds[i] = mmd2_unbiased(kernel_poly(f1, f1), kernel_poly(f1, f2), kernel_poly(f2, f2))
    return mmds, first
