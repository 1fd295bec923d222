#!/usr/bin/env python3
"""Dense Jacobian of F(x) = 2x + cos(x) (elementwise, n variables) by
scipy.differentiate.jacobian with default options: seconds and peak memory.

Run one n per process, so the peak resident set size is this n's alone:

    python3 bench/peers/scipy_jacobian.py 1000

Also reports what n = 10,000 would need, without running it: scipy evaluates F on an
array of shape (n, n, p) with p = order = 8 abscissae in its first iteration, and F makes
temporaries of the same shape (2x, cos x, their sum).
"""

from __future__ import annotations

import sys
import time

import numpy as np

from common import emit, peak_rss_mib, versions

ORDER = 8  # scipy.differentiate.jacobian's default `order`: 8 abscissae in the first batch
PROJECTED_N = 10_000


def F(x):
    return 2 * x + np.cos(x)


def first_batch_bytes(n):
    """Bytes of one (n, n, ORDER) float64 array, the argument of scipy's first batch call."""
    return n * n * ORDER * 8


def main():
    from scipy.differentiate import jacobian

    n = int(sys.argv[1])
    x = -1 + (2 * np.arange(n)) / (n - 1)
    baseline = peak_rss_mib()
    t0 = time.perf_counter()
    res = jacobian(F, x)
    seconds = time.perf_counter() - t0
    peak = peak_rss_mib()
    exact = np.diag(2 - np.sin(x))
    emit(
        {
            "n": n,
            "seconds": seconds,
            "peakRssMiB": peak,
            "baselineRssMiB": baseline,
            "maxAbsError": float(np.max(np.abs(res.df - exact))),
            "maxIterations": int(np.max(res.nit)),
            "firstBatchBytes": first_batch_bytes(n),
            "projected": {
                "n": PROJECTED_N,
                "firstBatchBytes": first_batch_bytes(PROJECTED_N),
                "note": "argument array of the first batch call alone; F's temporaries "
                "(2x, cos x, the sum) are each as large again",
            },
            "versions": versions(),
        }
    )


if __name__ == "__main__":
    main()
