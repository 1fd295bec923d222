#!/usr/bin/env python3
"""The reference cases (test/fixtures/derivative-cases.json, all orders) through
numdifftools.Derivative with its default options, when numdifftools is importable.

When it is not installed, a source checkout named by $NUMDIFFTOOLS_PATH is used (see
common.import_numdifftools). Without either (it is not on the registries these machines reach),
prints {"available": false, "note": ...} and exits 0, so the benchmark records null.
Output otherwise has the shape of scipy_derivative.py's.

    python3 bench/peers/numdifftools_derivative.py > out.json
"""

from __future__ import annotations

from common import emit, import_numdifftools, load_cases, numdifftools_estimate, run_cases, versions


def main():
    nd = import_numdifftools()
    if nd is None:
        note = "not importable, and NUMDIFFTOOLS_PATH names no checkout of it"
        emit({"tool": "numdifftools.Derivative", "available": False, "note": note})
        return

    def differentiate(counted, c):
        value, estimate = numdifftools_estimate(nd, counted, c["x"], c["order"])
        return {"value": value, "estimate": estimate}

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
