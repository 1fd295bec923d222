#!/usr/bin/env python3
"""The reference cases (test/fixtures/derivative-cases.json, all orders) through
numdifftools.Derivative with its default options, when numdifftools is importable.

When it is not (it is not installed by default, and Debian bookworm has no package for it),
prints {"available": false, "note": ...} and exits 0, so the benchmark records null.
Output otherwise has the shape of scipy_derivative.py's.

    python3 bench/peers/numdifftools_derivative.py > out.json
"""

from __future__ import annotations

import warnings

import numpy as np

from common import Counted, emit, encode, load_cases, versions
from functions import function_for


def main():
    try:
        import numdifftools as nd
    except ImportError as e:
        emit({"tool": "numdifftools.Derivative", "available": False, "note": f"not importable: {e}"})
        return
    results, missing = [], set()
    for c in load_cases():
        f, how = function_for(c["fn"])
        if f is None:
            missing.add(c["fn"])
            continue
        counted = Counted(f)
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            fx_peer = float(f(np.float64(c["x"])))
            try:
                value, info = nd.Derivative(counted, n=c["order"], full_output=True)(c["x"])
                value, error, threw = float(value), float(info.error_estimate), None
            except Exception as e:  # recorded, never hidden
                value, error, threw = float("nan"), float("nan"), repr(e)
        entry = {
            "id": c["id"],
            "value": encode(value),
            "estimate": encode(error),
            "evaluations": counted.points,
            "countedEvaluations": counted.points,
            "function": how,
            "fx": encode(fx_peer),
        }
        if threw is not None:
            entry["threw"] = threw
        results.append(entry)
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
