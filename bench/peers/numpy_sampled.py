#!/usr/bin/env python3
"""numpy's side of bench/sampled.ts: numpy.gradient on the same sampled data.

    python3 bench/peers/numpy_sampled.py N_TIMING REPEATS

Prints JSON with
- timing: median seconds of numpy.gradient(y, h) (2nd-order interior, edge_order 1 and 2) on
  N_TIMING samples of sin, x_i = 2*pi*i/(N-1), and of the idiomatic 4th-order central difference
  in numpy slicing (numpy.gradient has no 4th order), edges by numpy.gradient;
- smooth: max |error| against cos on 1,000 samples for numpy.gradient (edge_order 1 and 2);
- noisy: the issue's noisy sine (1,000 samples, noise N(0, 0.01^2) from numpy's PCG64 with seed
  20261129), the samples themselves (so numdiff differentiates the same doubles) and the RMS error of
  numpy.gradient against cos.
"""

from __future__ import annotations

import statistics
import sys
import time

import numpy as np

from common import emit, versions

SEED = 20261129
NOISE = 0.01
SMOOTH_N = 1000


def grid(n):
    x = 2 * np.pi * np.arange(n, dtype=np.float64) / (n - 1)
    return x, x[1] - x[0]


def timed(fn, repeats):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times


def fourth_order(y, h):
    out = np.gradient(y, h, edge_order=2)
    out[2:-2] = (y[:-4] - 8 * y[1:-3] + 8 * y[3:-1] - y[4:]) / (12 * h)
    return out


def main():
    n = int(sys.argv[1])
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    x, h = grid(n)
    y = np.sin(x)
    timing = {}
    for name, fn in (
        ("gradient_edge1", lambda: np.gradient(y, h)),
        ("gradient_edge2", lambda: np.gradient(y, h, edge_order=2)),
        ("slicing_accuracy4", lambda: fourth_order(y, h)),
    ):
        seconds, runs = timed(fn, repeats)
        timing[name] = {"seconds": seconds, "runs": runs}
    timing["gradient_edge1"]["maxAbsError"] = float(np.max(np.abs(np.gradient(y, h) - np.cos(x))))
    timing["slicing_accuracy4"]["maxAbsError"] = float(np.max(np.abs(fourth_order(y, h) - np.cos(x))))

    xs, hs = grid(SMOOTH_N)
    ys = np.sin(xs)
    smooth = {
        f"gradient_edge{e}": float(np.max(np.abs(np.gradient(ys, hs, edge_order=e) - np.cos(xs)))) for e in (1, 2)
    }
    smooth["slicing_accuracy4"] = float(np.max(np.abs(fourth_order(ys, hs) - np.cos(xs))))

    rng = np.random.default_rng(SEED)
    noisy = np.sin(xs) + NOISE * rng.standard_normal(SMOOTH_N)
    rms = float(np.sqrt(np.mean((np.gradient(noisy, hs) - np.cos(xs)) ** 2)))
    emit(
        {
            "points": n,
            "repeats": repeats,
            "timing": timing,
            "smooth": {"points": SMOOTH_N, "maxAbsError": smooth},
            "noisy": {"points": SMOOTH_N, "noise": NOISE, "seed": SEED, "y": [float(v) for v in noisy],
                      "gradientRms": rms},
            "versions": versions(),
        }
    )


if __name__ == "__main__":
    main()
