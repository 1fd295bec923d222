#!/usr/bin/env python3
"""The reference cases (test/fixtures/derivative-cases.json) through
scipy.differentiate.derivative with its default options.

scipy.differentiate.derivative computes first derivatives only, so only the order-1 cases
are run; the others are counted under `unsupported`. Prints JSON: one entry per case with
the value, scipy's error estimate, its `nfev`, the points counted by wrapping f, and the
status. The error measure and the summary are computed by bench/accuracy.ts with the same
rules as numdiff's, so both tools are judged identically.

    python3 bench/peers/scipy_derivative.py > out.json
"""

from __future__ import annotations

import numpy as np

from common import emit, load_cases, run_cases, versions


def main():
    from scipy.differentiate import derivative

    first = [c for c in load_cases() if c["order"] == 1]
    unsupported = {}
    for c in load_cases():
        if c["order"] != 1:
            unsupported[c["order"]] = unsupported.get(c["order"], 0) + 1

    def differentiate(counted, c):
        res = derivative(counted, np.float64(c["x"]))
        return {
            "value": float(res.df),
            "estimate": float(res.error),
            "evaluations": int(res.nfev),
            "status": int(res.status),
        }

    results, missing = run_cases(first, differentiate)
    emit(
        {
            "tool": "scipy.differentiate.derivative",
            "options": "defaults (order=8, initial_step=0.5, step_factor=2, maxiter=10, rtol=sqrt(eps))",
            "versions": versions(),
            "supportedOrders": [1],
            "unsupported": {str(k): v for k, v in sorted(unsupported.items())},
            "missingFunctions": sorted(missing),
            "cases": results,
        }
    )


if __name__ == "__main__":
    main()
