"""Helpers shared by the peer scripts: reading the reference cases, counting calls,
and writing JSON that JavaScript's JSON.parse accepts (non-finite numbers as strings)."""

from __future__ import annotations

import json
import math
import os
import platform
import resource
import sys
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "..", "..", "test", "fixtures", "derivative-cases.json")


def load_cases(path=CASES):
    with open(path, encoding="utf8") as fh:
        return json.load(fh)["cases"]


def encode(v):
    """A float for JSON: finite as is, non-finite as "NaN" / "Infinity" / "-Infinity"."""
    v = float(v)
    if math.isfinite(v):
        return v
    if math.isnan(v):
        return "NaN"
    return "Infinity" if v > 0 else "-Infinity"


class Counted:
    """Wraps an elementwise function and counts the points it is called on."""

    def __init__(self, f):
        self.f = f
        self.points = 0

    def __call__(self, x):
        self.points += int(np.size(x))
        return self.f(x)


def peak_rss_mib():
    """Peak resident set size of this process in MiB (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def versions():
    out = {"python": platform.python_version(), "numpy": np.__version__}
    try:
        import scipy

        out["scipy"] = scipy.__version__
    except ImportError:
        out["scipy"] = None
    return out


def emit(obj):
    json.dump(obj, sys.stdout, indent=1, allow_nan=False)
    sys.stdout.write("\n")


def run_cases(cases, differentiate):
    """Runs `differentiate(counted_f, case)` on every case whose function exists (see
    functions.py), with warnings silenced. It returns a dict with "value" and "estimate" and may
    add fields (evaluations, status); by default "evaluations" is the count of points f was
    called on. An exception is recorded with NaN results, never hidden. Returns the entries
    and the set of missing function names."""
    from functions import function_for

    results, missing = [], set()
    for c in cases:
        f, how = function_for(c["fn"])
        if f is None:
            missing.add(c["fn"])
            continue
        counted = Counted(f)
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            fx_peer = float(f(np.float64(c["x"])))
            try:
                out, threw = differentiate(counted, c), None
            except Exception as e:  # recorded, never hidden
                out, threw = {"value": float("nan"), "estimate": float("nan")}, repr(e)
        entry = {
            "id": c["id"],
            "value": encode(out.pop("value")),
            "estimate": encode(out.pop("estimate")),
            "evaluations": out.pop("evaluations", counted.points),
            "countedEvaluations": counted.points,
            **out,
            "function": how,
            "fx": encode(fx_peer),
        }
        if threw is not None:
            entry["threw"] = threw
        results.append(entry)
    return results, missing
