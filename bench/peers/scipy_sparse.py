#!/usr/bin/env python3
"""Sparse Jacobians by scipy.optimize._numdiff.approx_derivative with `sparsity` (it groups the
columns itself, scipy.optimize._numdiff.group_columns, and perturbs each group at once): F calls,
seconds and peak memory, the same F and x as bench/sparse.ts.

One case per process, so the peak resident set size is that case's alone:

    python3 bench/peers/scipy_sparse.py tridiagonal 3-point 10000 [lo hi]

Cases: tridiagonal (F_i = 3x_i + cos x_i - x_{i-1}^2 - sin x_{i+1}) and diagonal (F = 2x + cos x),
at x_i = lo + (hi - lo) i/(n - 1) (default -5, 5). Methods: 2-point, 3-point (scipy's defaults use rel_step from
machine epsilon; no error estimate, no extrapolation).
"""

from __future__ import annotations

import sys
import time

import numpy as np

from common import emit, peak_rss_mib, versions


def tridiagonal(x):
    out = 3 * x + np.cos(x)
    out[1:] -= x[:-1] ** 2
    out[:-1] -= np.sin(x[1:])
    return out


def tridiagonal_exact(x):
    from scipy.sparse import diags

    n = x.size
    return diags([-2 * x[:-1], 3 - np.sin(x), -np.cos(x[1:])], [-1, 0, 1], shape=(n, n), format="csr")


def diagonal(x):
    return 2 * x + np.cos(x)


def diagonal_exact(x):
    from scipy.sparse import diags

    return diags([2 - np.sin(x)], [0], format="csr")


CASES = {"tridiagonal": (tridiagonal, tridiagonal_exact), "diagonal": (diagonal, diagonal_exact)}


def main():
    from scipy.optimize._numdiff import approx_derivative

    case, method, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    lo, hi = (float(sys.argv[4]), float(sys.argv[5])) if len(sys.argv) > 5 else (-5.0, 5.0)
    F, exact = CASES[case]
    x = lo + (hi - lo) * np.arange(n) / (n - 1)
    truth = exact(x)
    pattern = (truth != 0).astype(np.int8).tocsr()
    calls = [0]

    def counted(v):
        calls[0] += 1
        return F(v)

    baseline = peak_rss_mib()
    t0 = time.perf_counter()
    J = approx_derivative(counted, x, method=method, sparsity=pattern)
    seconds = time.perf_counter() - t0
    peak = peak_rss_mib()
    t = truth.tocoo()
    err = np.abs(np.asarray(J[t.row, t.col]).ravel() - t.data)
    max_abs = float(err.max())
    max_scaled = float((err / np.maximum(np.abs(t.data), 1.0)).max())
    emit(
        {
            "case": case,
            "method": method,
            "n": n,
            "grid": [lo, hi],
            "evaluations": calls[0],
            "seconds": seconds,
            "peakRssMiB": peak,
            "baselineRssMiB": baseline,
            "maxAbsError": max_abs,
            "maxScaledError": max_scaled,
            "versions": versions(),
        }
    )


if __name__ == "__main__":
    main()
