"""Safe parsing of a user-typed function of x, e.g. ``sin(2*x) + x^2/4``.

The text is parsed with :mod:`ast` and only a whitelist of node types, the
name ``x``, numbers, constants and functions below are accepted; nothing is
ever passed to ``eval``. The result is a plain Python callable on numpy arrays.
"""

from __future__ import annotations

import ast
import math
import warnings
from dataclasses import dataclass
from typing import Callable

import numpy as np

from playground.core.text import Text, user_text

FUNCTIONS: dict[str, Callable] = {
    "sin": np.sin, "cos": np.cos, "tan": np.tan, "exp": np.exp, "log": np.log,
    "sqrt": np.sqrt, "abs": np.abs, "tanh": np.tanh, "sign": np.sign,
    "floor": np.floor, "ceil": np.ceil, "arctan": np.arctan,
    "relu": lambda v: np.maximum(v, 0.0),
    "sigmoid": lambda v: 1.0 / (1.0 + np.exp(-v)),
    "min": np.minimum, "max": np.maximum,
}
TWO_ARGUMENTS = frozenset({"min", "max"})  # the others take one
CONSTANTS = {"pi": math.pi, "e": math.e}
MAX_LENGTH = 200

_BINARY = {
    ast.Add: np.add, ast.Sub: np.subtract, ast.Mult: np.multiply,
    ast.Div: np.divide, ast.Pow: np.power, ast.Mod: np.mod,
}
_UNARY = {ast.USub: np.negative, ast.UAdd: np.positive}


class ExpressionError(ValueError):
    """A custom expression was rejected; ``column`` points at the problem (0-based) if known."""

    def __init__(self, message: Text | str, column: int | None = None) -> None:
        super().__init__(message)
        self.column = column


@dataclass(frozen=True)
class Expression:
    text: str
    _fn: Callable[[np.ndarray], np.ndarray]

    def __call__(self, x: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            y = self._fn(np.asarray(x, dtype=np.float64))
        return np.broadcast_to(np.asarray(y, dtype=np.float64), np.shape(x)).copy()


def parse_expression(text: str) -> Expression:
    source = text.strip().replace("^", "**")
    if not source:
        raise ExpressionError(user_text("The expression is empty; type a function of x such as x**2."))
    if len(source) > MAX_LENGTH:
        raise ExpressionError(user_text("The expression is longer than {n} characters.", n=MAX_LENGTH))
    try:
        with warnings.catch_warnings():  # "invalid decimal literal" etc.: the user's typo, not a log line
            warnings.simplefilter("ignore", SyntaxWarning)
            tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        col = (exc.offset or 1) - 1
        # Python's own wording ("invalid syntax", "'(' was never closed") stays English: it is code.
        raise ExpressionError(user_text("Syntax error at column {column}: {detail}.", column=col + 1,
                                        detail=exc.msg.rstrip(".")), col) from None
    except (ValueError, RecursionError, MemoryError):  # a lone surrogate, a NUL, nesting too deep
        raise ExpressionError(user_text("The expression holds characters or nesting that cannot be read.")) from None
    try:
        fn = _compile(tree.body)
    except RecursionError:
        raise ExpressionError(user_text("The expression holds characters or nesting that cannot be read.")) from None
    expression = Expression(text.strip(), fn)
    try:
        probe = expression(np.linspace(-1.0, 1.0, 5))
    except (TypeError, ValueError, ArithmeticError, MemoryError):  # whatever numpy makes of it: the user's text
        raise ExpressionError(user_text("The expression cannot be evaluated for x.")) from None
    if probe.shape != (5,):
        raise ExpressionError(user_text("The expression must give one number for each x."))
    return expression


def _compile(node: ast.AST) -> Callable[[np.ndarray], np.ndarray]:
    col = getattr(node, "col_offset", None)
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            raise ExpressionError(user_text("Only numbers are allowed, not {value} (column {column}).",
                                            value=repr(node.value), column=col + 1), col)
        value = float(node.value)
        return lambda x: value
    if isinstance(node, ast.Name):
        if node.id == "x":
            return lambda x: x
        if node.id in CONSTANTS:
            value = CONSTANTS[node.id]
            return lambda x: value
        if node.id in FUNCTIONS:
            raise ExpressionError(user_text("Unknown name '{name}' at column {column} (functions need brackets, "
                                            "e.g. sin(x)); the variable is x.", name=node.id, column=col + 1), col)
        raise ExpressionError(user_text("Unknown name '{name}' at column {column}; the variable is x.",
                                        name=node.id, column=col + 1), col)
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        op, left, right = _BINARY[type(node.op)], _compile(node.left), _compile(node.right)
        return lambda x: op(left(x), right(x))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        op, operand = _UNARY[type(node.op)], _compile(node.operand)
        return lambda x: op(operand(x))
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name not in FUNCTIONS:
            allowed = ", ".join(sorted(FUNCTIONS))
            raise ExpressionError(user_text("Unknown function at column {column}; allowed: {allowed}.",
                                            column=col + 1, allowed=allowed), col)
        two = name in TWO_ARGUMENTS
        if node.keywords or len(node.args) != (2 if two else 1):
            raise ExpressionError(user_text("{name}() takes two arguments (column {column}).", name=name,
                                            column=col + 1) if two else
                                  user_text("{name}() takes one argument (column {column}).", name=name,
                                            column=col + 1), col)
        func, args = FUNCTIONS[name], [_compile(a) for a in node.args]
        return lambda x: func(*(a(x) for a in args))
    what = type(node).__name__
    raise ExpressionError(user_text("'{what}' is not allowed at column {column}; use numbers, x, + - * / ^ and "
                                    "functions.", what=what, column=(col or 0) + 1), col)
