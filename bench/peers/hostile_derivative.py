#!/usr/bin/env python3
"""The hostile set (test/fixtures/hostile-truth.json, issue 10) through a peer with its default
options: scipy.differentiate.derivative (first derivatives only; other orders are counted under
`unsupported`) or numdifftools.Derivative (all orders; from $NUMDIFFTOOLS_PATH where it is not
installed, else {"available": false}).

The functions are bench/peers/hostile_functions.py, the same floating-point functions as
test/fixtures/hostile-functions.ts with the same noise hash. Prints JSON in the shape of
scipy_derivative.py's; bench/hostile.ts scores it with the rules numdiff is scored by.

    python3 bench/peers/hostile_derivative.py scipy > out.json
    NUMDIFFTOOLS_PATH=/path/to/numdifftools python3 bench/peers/hostile_derivative.py numdifftools
"""

from __future__ import annotations

import os
import sys

from common import (
    HERE,
    SCIPY_DEFAULTS,
    emit,
    import_numdifftools,
    load_cases,
    numdifftools_estimate,
    run_cases,
    scipy_estimate,
    versions,
)
from hostile_functions import hostile_function

TRUTH = os.path.join(HERE, "..", "..", "test", "fixtures", "hostile-truth.json")


def lookup(case):
    f = hostile_function(case)
    return (f, "python") if f is not None else (None, None)


def scipy_setup():
    return {
        "tool": "scipy.differentiate.derivative",
        "options": SCIPY_DEFAULTS,
        "orders": {1},
        "differentiate": lambda counted, c: scipy_estimate(counted, c["x"]),
        "versions": versions(),
    }


def numdifftools_setup():
    nd = import_numdifftools()
    if nd is None:
        return None

    def differentiate(counted, c):
        value, estimate = numdifftools_estimate(nd, counted, c["x"], c["order"])
        return {"value": value, "estimate": estimate}

    return {
        "tool": "numdifftools.Derivative",
        "options": "defaults",
        "orders": None,
        "differentiate": differentiate,
        "versions": {**versions(), "numdifftools": nd.__version__},
    }


def main(tool):
    setup = scipy_setup() if tool == "scipy" else numdifftools_setup()
    if setup is None:
        note = "numdifftools not importable, and NUMDIFFTOOLS_PATH names no checkout of it"
        emit({"tool": "numdifftools.Derivative", "available": False, "note": note})
        return
    cases = load_cases(TRUTH)
    orders = setup["orders"]
    run = [c for c in cases if orders is None or c["order"] in orders]
    unsupported = {}
    for c in cases:
        if orders is not None and c["order"] not in orders:
            unsupported[str(c["order"])] = unsupported.get(str(c["order"]), 0) + 1
    results, missing = run_cases(run, setup["differentiate"], lookup)
    emit(
        {
            "tool": setup["tool"],
            "available": True,
            "options": setup["options"],
            "versions": setup["versions"],
            "supportedOrders": sorted(orders) if orders is not None else None,
            "unsupported": unsupported,
            "missingFunctions": sorted(missing),
            "cases": results,
        }
    )


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("scipy", "numdifftools"):
        sys.exit("usage: hostile_derivative.py scipy|numdifftools")
    main(sys.argv[1])
