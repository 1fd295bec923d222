"""The hostile set's functions in Python, for the peers (and for the generator's f(x) check).

Each function mirrors test/fixtures/hostile-functions.ts operation for operation, and the
deterministic noise is the same hash of the float64 bits of x (test/fixtures/noise-hash.ts), so
a peer differentiates the same floating-point function numdiff does. The noise hash is bit for
bit the TypeScript one (the generator records samples and the vitest suite compares them); a
base function built on exp/sin/log may differ from V8's by an ulp where the two libms round
differently, which the bench reports as an f(x) mismatch.

`hostile_function(case)` returns an elementwise NumPy function for a case of
test/fixtures/hostile-truth.json (fields `fn`, `param`, `noise`).
"""

from __future__ import annotations

import math
import struct

import numpy as np

MASK32 = 0xFFFFFFFF


def mix32(h: int) -> int:
    """A 32-bit integer finaliser (xor-shift / multiply rounds), as mix32 in noise-hash.ts."""
    h = ((h ^ (h >> 16)) * 0x21F0AAAD) & MASK32
    h = ((h ^ (h >> 15)) * 0x735A2D97) & MASK32
    return (h ^ (h >> 15)) & MASK32


def hash_noise(x: float, seed: int = 0) -> float:
    """Deterministic noise in [-1, 1) from the float64 bits of x and an integer seed."""
    lo, hi = struct.unpack("<II", struct.pack("<d", float(x)))
    h = mix32(lo ^ mix32(hi ^ mix32(seed & MASK32)))
    return h / 2147483648.0 - 1.0


def f32(v: float) -> float:
    """Rounds a double to the nearest float32 (ties to even), as Math.fround."""
    return float(np.float32(v))


def bisect(g, a: float, b: float, tol: float) -> float:
    """Bisection on [a, b] (g(a) and g(b) of opposite signs) until b - a <= tol; the midpoint."""
    ga = g(a)
    while b - a > tol:
        m = 0.5 * (a + b)
        gm = g(m)
        if gm == 0:
            return m
        if (gm < 0) == (ga < 0):
            a, ga = m, gm
        else:
            b = m
    return 0.5 * (a + b)


def _refine(g, a, b, fa, fm, fb, s, tol, depth):
    m = 0.5 * (a + b)
    lm = 0.5 * (a + m)
    rm = 0.5 * (m + b)
    flm = g(lm)
    frm = g(rm)
    sl = (m - a) / 6 * (fa + 4 * flm + fm)
    sr = (b - m) / 6 * (fm + 4 * frm + fb)
    d = sl + sr - s
    if depth <= 0 or abs(d) <= 15 * tol:
        return sl + sr + d / 15
    return _refine(g, a, m, fa, flm, fm, sl, tol / 2, depth - 1) + _refine(
        g, m, b, fm, frm, fb, sr, tol / 2, depth - 1
    )


SIMPSON_MAX_DEPTH = 50


def simpson(g, a: float, b: float, tol: float) -> float:
    """Adaptive Simpson quadrature of g over [a, b] to the tolerance tol."""
    m = 0.5 * (a + b)
    fa, fm, fb = g(a), g(m), g(b)
    s = (b - a) / 6 * (fa + 4 * fm + fb)
    return _refine(g, a, b, fa, fm, fb, s, tol, SIMPSON_MAX_DEPTH)


def _f32_poly(x):
    t = f32(x)
    return f32(f32(f32(f32(f32(3 * t) * t) - 2) * t) + 1)


def _f32_sigmoid(x):
    t = f32(x)
    return f32(1 / f32(1 + f32(math.exp(-t))))


def _heaviside(x):
    if x < 0:
        return 0.0
    return 0.5 if x == 0 else 1.0


def _sign(x):
    if x != x:
        return x
    return 1.0 if x > 0 else (-1.0 if x < 0 else x)


def _js_round(x):
    # Math.round: the nearest integer, ties towards +Infinity
    return float(math.floor(x + 0.5)) if math.isfinite(x) else x


def _recip(x):
    if x == 0:
        return math.copysign(math.inf, x)
    return 1 / x


def _log(x):
    if x == 0:
        return -math.inf
    return math.log(x) if x > 0 else math.nan


def _inv_square(x):
    d = x - 1
    return math.inf if d == 0 else 1 / (d * d)


# name -> factory(param) -> scalar function. Keep in step with hostile-functions.ts.
FACTORIES = {
    # smooth bases (noise is added around them)
    "exp": lambda p: math.exp,
    "sin": lambda p: math.sin,
    "cos": lambda p: math.cos,
    "runge": lambda p: lambda x: 1 / (1 + x * x),
    "cubic": lambda p: lambda x: x * x * x - 2 * x,
    # float32 computations
    "f32exp": lambda p: lambda x: f32(math.exp(f32(x))),
    "f32tanh": lambda p: lambda x: f32(math.tanh(f32(x))),
    "f32sin": lambda p: lambda x: f32(math.sin(f32(x))),
    "f32log": lambda p: lambda x: f32(math.log(f32(x))),
    "f32poly": lambda p: _f32_poly,
    "f32sigmoid": lambda p: _f32_sigmoid,
    # solvers inside f (param: tolerance)
    "bisectCubic": lambda p: lambda x: bisect(lambda t: t * t * t + t - x, -2.0, 3.0, p),
    "bisectKepler": lambda p: lambda x: bisect(lambda e: e - 0.3 * math.sin(e) - x, 0.0, 4.0, p),
    "simpsonGauss": lambda p: lambda x: simpson(lambda t: math.exp(-t * t), 0.0, x, p),
    "simpsonCos": lambda p: lambda x: simpson(lambda t: math.cos(x * t), 0.0, 1.0, p),
    # C1 only
    "xAbsX": lambda p: lambda x: x * abs(x),
    "huber": lambda p: lambda x: 0.5 * x * x if abs(x) <= 1 else abs(x) - 0.5,
    "reluSquared": lambda p: lambda x: max(0.0, x) * max(0.0, x),
    "quadThenLine": lambda p: lambda x: x * x if x < 1 else 2 * x - 1,
    # kinks
    "relu": lambda p: lambda x: max(0.0, x) if x == x else x,
    "abs": lambda p: abs,
    "maxLines": lambda p: lambda x: max(x, 2 * x - 1),
    "absSin": lambda p: lambda x: abs(math.sin(x)),
    "leakyRelu": lambda p: lambda x: x if x >= 0 else 0.01 * x,
    "hinge": lambda p: lambda x: max(0.0, 1 - x),
    "absShift2": lambda p: lambda x: abs(x - 2),
    "minSquareOne": lambda p: lambda x: min(x * x, 1.0),
    "absShiftTiny": lambda p: lambda x: abs(x - 1e-9),
    "expKink": lambda p: lambda x: math.exp(x) + 0.05 * abs(x - 1.78),
    "absSinShift": lambda p: lambda x: abs(math.sin(x) - math.sin(-0.9330799579620361)),
    # jumps
    "floor": lambda p: lambda x: float(math.floor(x)),
    "ceil": lambda p: lambda x: float(math.ceil(x)),
    "sign": lambda p: _sign,
    "step": lambda p: lambda x: 0.0 if x < 0.5 else 1.0,
    "heaviside": lambda p: _heaviside,
    "round": lambda p: _js_round,
    "xPlusFloor": lambda p: lambda x: x + math.floor(x),
    "sawtooth": lambda p: lambda x: x - math.floor(x),
    "expStep": lambda p: lambda x: math.exp(x) + (0.0 if x < 0.7 else 0.05),
    "sinStepSmall": lambda p: lambda x: math.sin(x) + (0.0 if x < 2.211759477853775 else 1e-4),
    # poles
    "reciprocal": lambda p: _recip,
    "log": lambda p: _log,
    "invSquare": lambda p: _inv_square,
}


def with_noise(base, noise):
    """base with the case's deterministic noise: relative f·(1 + level·u) or absolute f + level·u."""
    if noise is None or noise["type"] not in ("relative", "absolute"):
        return base
    level, seed = noise["level"], noise["seed"]
    if noise["type"] == "relative":
        return lambda x: base(x) * (1 + level * hash_noise(x, seed))
    return lambda x: base(x) + level * hash_noise(x, seed)


def scalar_function(case):
    """The case's f as a function of one Python float, or None when `fn` is unknown."""
    factory = FACTORIES.get(case["fn"])
    if factory is None:
        return None
    return with_noise(factory(case.get("param")), case.get("noise"))


def hostile_function(case):
    """The case's f as an elementwise NumPy function (float64 in, float64 out), or None."""
    scalar = scalar_function(case)
    if scalar is None:
        return None

    def f(x):
        arr = np.asarray(x, dtype=np.float64)
        out = np.empty(arr.shape, dtype=np.float64)
        flat_in, flat_out = arr.reshape(-1), out.reshape(-1)
        for i in range(flat_in.size):
            try:
                flat_out[i] = scalar(float(flat_in[i]))
            except (ValueError, OverflowError, ZeroDivisionError):
                flat_out[i] = math.nan
        return out if arr.ndim > 0 else np.float64(out[()])

    return f
