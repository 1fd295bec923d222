"""NumPy versions of the one-variable reference functions, keyed by the `fn` names of
test/fixtures/derivative-cases.json.

Each entry mirrors test/fixtures/functions.ts (`functions1d`) operation for operation
(log1p and expm1 where the JavaScript uses Math.log1p / Math.expm1, x*x where it writes
x * x), so a peer differentiates the same floating-point function numdiff does. The
functions are elementwise: the peers call them on arrays.

A name missing here falls back to the sympy expression of test/fixtures/generate.py,
turned into NumPy code by sympy.lambdify (listed in the output as `lambdified`, since it
may round differently from the JavaScript).
"""

from __future__ import annotations

import importlib.util
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(HERE, "..", "..", "test", "fixtures", "generate.py")

FUNCTIONS_1D = {
    "exp": lambda x: np.exp(x),
    "sin": lambda x: np.sin(x),
    "cos": lambda x: np.cos(x),
    "tan": lambda x: np.tan(x),
    "log": lambda x: np.log(x),
    "log1p": lambda x: np.log1p(x),
    "expm1": lambda x: np.expm1(x),
    "sqrt": lambda x: np.sqrt(x),
    "cbrt": lambda x: np.cbrt(x),
    "atan": lambda x: np.arctan(x),
    "asin": lambda x: np.arcsin(x),
    "acos": lambda x: np.arccos(x),
    "sinh": lambda x: np.sinh(x),
    "cosh": lambda x: np.cosh(x),
    "tanh": lambda x: np.tanh(x),
    "acosh": lambda x: np.arccosh(x),
    "reciprocal": lambda x: 1 / x,
    "pow1_5": lambda x: np.power(x, 1.5),
    "powMinus0_5": lambda x: np.power(x, -0.5),
    "pow2_5": lambda x: np.power(x, 2.5),
    "pow0_75": lambda x: np.power(x, 0.75),
    "square": lambda x: x * x,
    "cubePlusX": lambda x: x * x * x + x,
    "cubePlusSquare": lambda x: x * x * x + x * x,
    "twoCube": lambda x: 2 * x * x * x,
    "shiftedSquare": lambda x: (x - 1) * (x - 1),
    "quintic": lambda x: x**5 - 3 * x**4 + 2 * x**2 - x + 7,
    "bookFunction1": lambda x: 0.01 * x**2 + 0.1 * x,
    "bookTmp1": lambda x: x * x + 4.0**2.0,
    "bookTmp2": lambda x: 3.0**2.0 + x * x,
    "expOver1e10": lambda x: np.exp(x / 1e10),
    "scaledExp": lambda x: 1e21 * np.exp(x),
    "tinySin": lambda x: 1e-10 * np.sin(x),
    "exp20x": lambda x: np.exp(20 * x),
    "tanh50x": lambda x: np.tanh(50 * x),
    "sin100x": lambda x: np.sin(100 * x),
    "cos1000x": lambda x: np.cos(1000 * x),
    "absShift": lambda x: np.abs(x - 1),
    "softAbs": lambda x: np.sqrt(x * x + 1e-8),
    "gaussian": lambda x: np.exp(-x * x),
    "logistic": lambda x: 1 / (1 + np.exp(-x)),
    "xSinInvX": lambda x: x * np.sin(1 / x),
    "runge": lambda x: 1 / (1 + x * x),
    "expSin": lambda x: np.exp(np.sin(x)),
}


def _lambdify_from_generator(name):
    """The generator's sympy expression for `name` as a NumPy function, or None."""
    try:
        import sympy as sp

        spec = importlib.util.spec_from_file_location("numdiff_fixture_generator", GENERATOR)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        entry = module.F1.get(name)
        if entry is None:
            return None
        return sp.lambdify(module.X, entry[0], "numpy")
    except Exception:  # generator or sympy unavailable: the case is skipped and listed
        return None


def function_for(name):
    """(function, how) for a case's `fn`: how is "numpy", "lambdified" or None (missing)."""
    f = FUNCTIONS_1D.get(name)
    if f is not None:
        return f, "numpy"
    f = _lambdify_from_generator(name)
    return (f, "lambdified") if f is not None else (None, None)
