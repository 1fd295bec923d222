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


def import_numdifftools():
    """numdifftools, or None. Where it is not installed, a source checkout named by the environment
    variable NUMDIFFTOOLS_PATH (the checkout's root, or its src/ folder) is put on sys.path first."""
    try:
        import numdifftools

        return numdifftools
    except ImportError:
        pass
    path = os.environ.get("NUMDIFFTOOLS_PATH")
    if not path:
        return None
    src = os.path.join(path, "src")
    sys.path.insert(0, src if os.path.isdir(os.path.join(src, "numdifftools")) else path)
    try:
        import numdifftools

        return numdifftools
    except ImportError:
        return None


SCIPY_DEFAULTS = "defaults (order=8, initial_step=0.5, step_factor=2, maxiter=10, rtol=sqrt(eps))"


def scipy_estimate(f, x):
    """scipy.differentiate.derivative(f, x) with its defaults, as a run_cases result: value,
    estimate, evaluations (its nfev) and status."""
    from scipy.differentiate import derivative

    res = derivative(f, np.float64(x))
    return {
        "value": float(res.df),
        "estimate": float(res.error),
        "evaluations": int(res.nfev),
        "status": int(res.status),
    }


def numdifftools_estimate(nd, f, x, n):
    """(value, error estimate) of numdifftools.Derivative(f, n=n, full_output=True)(x) with its
    defaults. Released versions return (value, info); the development version 0.10 returns one
    EstimateResult(estimate, error_estimate, final_step, best_index)."""
    out = nd.Derivative(f, n=n, full_output=True)(x)
    if hasattr(out, "error_estimate"):
        return float(out.estimate), float(out.error_estimate)
    value, info = out
    return float(value), float(info.error_estimate)


def run_cases(cases, differentiate, lookup=None):
    """Runs `differentiate(counted_f, case)` on every case whose function exists (`lookup(case)`
    gives (function, how); by default function_for(case["fn"]) of functions.py), with warnings
    silenced. It returns a dict with "value" and "estimate" and may
    add fields (evaluations, status); by default "evaluations" is the count of points f was
    called on. An exception is recorded with NaN results, never hidden. Returns the entries
    and the set of missing function names."""
    if lookup is None:
        from functions import function_for

        def lookup(case):
            return function_for(case["fn"])

    results, missing = [], set()
    for c in cases:
        f, how = lookup(c)
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
