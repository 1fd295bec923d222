#!/usr/bin/env python3
"""Throughput of scipy.differentiate.derivative (vectorised, default options) on sin at N
points x_i = -10 + (20*i)/(N-1), the same doubles bench/throughput.ts uses.

    python3 bench/peers/scipy_throughput.py 100000 [repeats]

Prints JSON: points, the median seconds of `repeats` runs (default 3), points per second, the
CPU seconds of the best run (time.process_time: the machine is shared) and points per CPU second,
how many derivatives are within 1e-12 of cos(x_i) (absolute: |sin| <= 1, so this is issue 2's
measure against max(1, |f|)), and the median nfev per point.
"""

from __future__ import annotations

import statistics
import sys
import time

import numpy as np

from common import emit, versions

TOLERANCE = 1e-12


def main():
    from scipy.differentiate import derivative

    n = int(sys.argv[1])
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    x = -10 + (20 * np.arange(n, dtype=np.float64)) / (n - 1)
    times, cpu, res = [], [], None
    for _ in range(repeats):
        c0 = time.process_time()
        t0 = time.perf_counter()
        res = derivative(np.sin, x)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    seconds = statistics.median(times)
    err = np.abs(res.df - np.cos(x))
    emit(
        {
            "points": n,
            "seconds": seconds,
            "runs": times,
            "pointsPerSecond": n / seconds,
            "withinTolerance": int(np.sum(err <= TOLERANCE)),
            "tolerance": TOLERANCE,
            "maxAbsError": float(np.max(err)),
            "medianEvaluations": float(np.median(res.nfev)),
            "cpuSeconds": min(cpu),
            "pointsPerCpuSecond": n / min(cpu),
            "versions": versions(),
        }
    )


if __name__ == "__main__":
    main()
