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

import warnings

import numpy as np

from common import Counted, emit, encode, load_cases, versions
from functions import function_for


def main():
    from scipy.differentiate import derivative

    cases = load_cases()
    results, unsupported, missing = [], {}, set()
    for c in cases:
        if c["order"] != 1:
            unsupported[c["order"]] = unsupported.get(c["order"], 0) + 1
            continue
        f, how = function_for(c["fn"])
        if f is None:
            missing.add(c["fn"])
            continue
        counted = Counted(f)
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            fx_peer = float(f(np.float64(c["x"])))
            try:
                res = derivative(counted, np.float64(c["x"]))
                value, error = float(res.df), float(res.error)
                nfev, status = int(res.nfev), int(res.status)
                threw = None
            except Exception as e:  # recorded, never hidden
                value, error, nfev, status, threw = float("nan"), float("nan"), -1, -99, repr(e)
        entry = {
            "id": c["id"],
            "value": encode(value),
            "estimate": encode(error),
            "evaluations": nfev,
            "countedEvaluations": counted.points,
            "status": status,
            "function": how,
            "fx": encode(fx_peer),
        }
        if threw is not None:
            entry["threw"] = threw
        results.append(entry)
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
