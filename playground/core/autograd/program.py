"""Programs of named scalars: ``x = 2; y = x^2 + 3*x + 1``.

Statements are separated by ``;`` or new lines. A statement whose right side is
a plain number (``w = 1``, ``b = -0.5``) makes a leaf: an input the learner can
change. Every other statement computes a value from earlier names; the last one
is the output that backward starts from. Expressions use the Curve lab's
language (core.expression: its functions, constants and operators), parsed with
:mod:`ast` and checked node by node; nothing is ever evaluated by Python.
"""

from __future__ import annotations

import ast
import keyword
from dataclasses import dataclass

from playground.core.expression import CONSTANTS, FUNCTIONS, ExpressionError
from playground.core.text import user_text

MAX_PROGRAM_LENGTH = 1000
MAX_BRACKETS = 24         # brackets inside brackets
MAX_DEPTH = 60            # nesting of one expression's operations (a sum of 60 terms is 60 deep)
MAX_STATEMENTS = 40
MAX_NAME_LENGTH = 12
# Chinese input methods type these; they mean the ASCII ones (same length: columns stay right).
FULL_WIDTH = str.maketrans("；，（）＝＋－＊／＾．", ";,()=+-*/^.")
BINARY_OPS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.Mod)
UNARY_OPS = (ast.USub, ast.UAdd)


class ProgramError(ExpressionError):
    """The program was rejected; ``column`` (0-based, in the user's text) points at the problem if known."""


@dataclass(frozen=True)
class Leaf:
    name: str
    value: float
    start: int   # the number's place in the user's text, to rewrite it when a slider moves
    end: int


@dataclass(frozen=True)
class Statement:
    name: str
    expr: ast.expr   # validated: only the node types below, only known names
    text: str        # the right side as the user wrote it


@dataclass(frozen=True)
class Program:
    text: str
    leaves: tuple[Leaf, ...]
    statements: tuple[Statement, ...]

    @property
    def output(self) -> str:
        return self.statements[-1].name

    def leaf(self, name: str) -> Leaf:
        return next(leaf for leaf in self.leaves if leaf.name == name)

    def values(self) -> dict[str, float]:
        return {leaf.name: leaf.value for leaf in self.leaves}


def parse_program(text: str) -> Program:
    """Check and parse ``text``; raises ProgramError with a message (and a column) saying what is wrong."""
    if not isinstance(text, str) or not text.strip():
        raise ProgramError(user_text("The program is empty; type e.g. x = 2; y = x^2 + 3*x + 1"))
    if len(text) > MAX_PROGRAM_LENGTH:
        raise ProgramError(user_text("The program is longer than {n} characters.", n=MAX_PROGRAM_LENGTH))
    text = text.translate(FULL_WIDTH)
    for col, char in enumerate(text):
        if not (char.isascii() and (char.isprintable() or char in "\n\r\t")):
            raise ProgramError(user_text("Character {char} at column {column} is not allowed; use letters, digits, "
                                         "= ; + - * / ^ and brackets.", char=repr(char), column=col + 1), col)
    source, to_user = _python_source(text)
    _check_bracket_depth(source, to_user)
    try:
        tree = ast.parse(source, mode="exec")
    except SyntaxError as exc:
        col = _user_col(source, to_user, exc.lineno or 1, (exc.offset or 1) - 1)
        raise ProgramError(user_text("Syntax error at column {column}: {detail}.", column=col + 1,
                                     detail=(exc.msg or "invalid syntax").rstrip(".")), col) from None
    except (RecursionError, MemoryError, ValueError):
        raise ProgramError(user_text("The program is nested too deeply.")) from None
    if not tree.body:
        raise ProgramError(user_text("The program is empty; type e.g. x = 2; y = x^2 + 3*x + 1"))
    if len(tree.body) > MAX_STATEMENTS:
        raise ProgramError(user_text("At most {n} statements, please.", n=MAX_STATEMENTS))
    leaves: list[Leaf] = []
    statements: list[Statement] = []
    known: set[str] = set()
    for node in tree.body:
        where = _user_col(source, to_user, node.lineno, node.col_offset)
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
            raise ProgramError(user_text("Each statement must be name = expression (column {column}).",
                                         column=where + 1), where)
        name = node.targets[0].id
        _check_new_name(name, known, where)
        number = _literal(node.value)
        if number is not None:
            start = _user_col(source, to_user, node.value.lineno, node.value.col_offset)
            end = _user_col(source, to_user, node.value.end_lineno, node.value.end_col_offset)
            leaves.append(Leaf(name, number, start, end))
        else:
            _check_expression(node.value, known, source, to_user, depth=0)
            rhs = text[_user_col(source, to_user, node.value.lineno, node.value.col_offset):
                       _user_col(source, to_user, node.value.end_lineno, node.value.end_col_offset)]
            statements.append(Statement(name, node.value, rhs))
        known.add(name)
    if not leaves:
        raise ProgramError(user_text("Give at least one input a number first, e.g. x = 2."))
    if not statements or _literal(tree.body[-1].value) is not None:
        raise ProgramError(user_text("The last statement must compute something from the inputs, "
                                     "e.g. y = x^2 + 3*x + 1."))
    return Program(text, tuple(leaves), tuple(statements))


def with_leaf_value(program: Program, name: str, value: float) -> str:
    """The program's text with leaf ``name`` set to ``value`` (the rest as the user typed it)."""
    leaf = program.leaf(name)
    return program.text[:leaf.start] + format_number(value) + program.text[leaf.end:]


def format_number(value: float) -> str:
    text = f"{value:.6g}"
    return text if "e" not in text else repr(float(value))


# -- checks ------------------------------------------------------------------------------------------
def _python_source(text: str) -> tuple[str, list[int]]:
    """``^`` → ``**`` (powers, as in the Curve lab), and for each source offset its offset in ``text``."""
    source, to_user = [], []
    for i, char in enumerate(text):
        if char == "^":
            source.append("**")
            to_user += [i, i]
        else:
            source.append(char)
            to_user.append(i)
    to_user.append(len(text))
    return "".join(source), to_user


def _user_col(source: str, to_user: list[int], lineno: int, col: int) -> int:
    """ast's (line, column) in ``source`` → the offset in the user's whole text (ASCII: bytes = characters)."""
    line_start = 0
    for _ in range(max(0, lineno - 1)):
        line_start = source.index("\n", line_start) + 1
    return to_user[min(len(to_user) - 1, line_start + max(0, col))]


def _check_bracket_depth(source: str, to_user: list[int]) -> None:
    """Refuse deep nesting before ast sees it (the parser's own limit is a crash, not a message)."""
    depth = 0
    for i, char in enumerate(source):
        depth += char == "("
        depth -= char == ")"
        if depth > MAX_BRACKETS:
            raise ProgramError(user_text("Brackets are nested more than {n} deep (column {column}).",
                                         n=MAX_BRACKETS, column=to_user[i] + 1), to_user[i])


def _check_new_name(name: str, known: set[str], col: int) -> None:
    if name in known:
        raise ProgramError(user_text("{name} is assigned twice (column {column}); give each value its own name.",
                                     name=name, column=col + 1), col)
    if name.startswith("_") or keyword.iskeyword(name) or len(name) > MAX_NAME_LENGTH:
        raise ProgramError(user_text("{name} cannot be a name (column {column}); use letters and digits, at most "
                                     "{n} characters.", name=name[:20], column=col + 1, n=MAX_NAME_LENGTH), col)
    if name in FUNCTIONS or name in CONSTANTS:
        raise ProgramError(user_text("{name} is a function or constant (column {column}); pick another name.",
                                     name=name, column=col + 1), col)


def _literal(node: ast.expr) -> float | None:
    """A plain number (or a negated one): the value of a leaf; else None."""
    sign = 1.0
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, UNARY_OPS):
        sign = -1.0 if isinstance(node.op, ast.USub) else 1.0
        node = node.operand
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        value = sign * float(node.value)
        if value == value and abs(value) != float("inf"):
            return value
    return None


def _check_expression(node: ast.AST, known: set[str], source: str, to_user: list[int], depth: int) -> None:
    col = _user_col(source, to_user, getattr(node, "lineno", 1), getattr(node, "col_offset", 0))
    if depth > MAX_DEPTH:
        raise ProgramError(user_text("The expression is nested more than {n} deep (column {column}).",
                                     n=MAX_DEPTH, column=col + 1), col)
    deeper = depth + 1
    if isinstance(node, ast.Constant):
        if _literal(node) is None:
            raise ProgramError(user_text("Only numbers are allowed, not {value} (column {column}).",
                                         value=repr(node.value)[:20], column=col + 1), col)
    elif isinstance(node, ast.Name):
        if node.id not in known and node.id not in CONSTANTS:
            hint = (user_text("Unknown name '{name}' at column {column} (functions need brackets, e.g. sin(x)).",
                              name=node.id, column=col + 1) if node.id in FUNCTIONS else
                    user_text("Unknown name '{name}' at column {column}; define it on an earlier line "
                              "(e.g. {name} = 1).", name=node.id[:20], column=col + 1))
            raise ProgramError(hint, col)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, BINARY_OPS):
        _check_expression(node.left, known, source, to_user, deeper)
        _check_expression(node.right, known, source, to_user, deeper)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, UNARY_OPS):
        _check_expression(node.operand, known, source, to_user, deeper)
    elif isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name not in FUNCTIONS:
            raise ProgramError(user_text("Unknown function at column {column}; allowed: {allowed}.", column=col + 1,
                                         allowed=", ".join(sorted(FUNCTIONS))), col)
        arity = 2 if name in TWO_ARGUMENTS else 1
        if node.keywords or len(node.args) != arity:
            raise ProgramError(user_text("{name}() takes {n} argument(s) (column {column}).", name=name, n=arity,
                                         column=col + 1), col)
        for arg in node.args:
            _check_expression(arg, known, source, to_user, deeper)
    else:
        what = type(node).__name__
        raise ProgramError(user_text("'{what}' is not allowed at column {column}; use numbers, names, + - * / ^ and "
                                     "functions.", what=what, column=col + 1), col)


TWO_ARGUMENTS = frozenset({"min", "max"})
