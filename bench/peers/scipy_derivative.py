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

from common import SCIPY_DEFAULTS, emit, load_cases, run_cases, scipy_estimate, versions


def main():
    first = [c for c in load_cases() if c["order"] == 1]
    unsupported = {}
    for c in load_cases():
        if c["order"] != 1:
            unsupported[c["order"]] = unsupported.get(c["order"], 0) + 1

    def differentiate(counted, c):
        return scipy_estimate(counted, c["x"])

    results, missing = run_cases(first, differentiate)
    emit(
        {
            "tool": "scipy.differentiate.derivative",
            "options": SCIPY_DEFAULTS,
            "versions": versions(),
            "supportedOrders": [1],
            "unsupported": {str(k): v for k, v in sorted(unsupported.items())},
            "missingFunctions": sorted(missing),
            "cases": results,
        }
    )


if __name__ == "__main__":
    main()
