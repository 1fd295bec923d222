#!/usr/bin/env python3
"""The reference cases (test/fixtures/derivative-cases.json, all orders) through
numdifftools.Derivative with its default options, when numdifftools is importable.

When it is not (it is not installed by default, and Debian bookworm has no package for it),
prints {"available": false, "note": ...} and exits 0, so the benchmark records null.
Output otherwise has the shape of scipy_derivative.py's.

    python3 bench/peers/numdifftools_derivative.py > out.json
"""

from __future__ import annotations

from common import emit, load_cases, run_cases, versions


def main():
    try:
        import numdifftools as nd
    except ImportError as e:
        emit({"tool": "numdifftools.Derivative", "available": False, "note": f"not importable: {e}"})
        return
    def differentiate(counted, c):
        value, info = nd.Derivative(counted, n=c["order"], full_output=True)(c["x"])
        return {"value": float(value), "estimate": float(info.error_estimate)}

    results, missing = run_cases(load_cases(), differentiate)
    emit(
        {
            "tool": "numdifftools.Derivative",
            "available": True,
            "options": "defaults",
            "versions": {**versions(), "numdifftools": nd.__version__},
            "supportedOrders": sorted({c["order"] for c in load_cases()}),
            "unsupported": {},
            "missingFunctions": sorted(missing),
            "cases": results,
        }
    )


if __name__ == "__main__":
    main()
