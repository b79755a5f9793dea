import numpy as np
import pytest

from playground.core.expression import ExpressionError, parse_expression


@pytest.mark.parametrize("text, expected", [
    ("x^2", lambda x: x**2),
    ("x**3 - 2*x", lambda x: x**3 - 2 * x),
    ("sin(2*x) + abs(x)/4", lambda x: np.sin(2 * x) + np.abs(x) / 4),
    ("exp(-x^2) * pi", lambda x: np.exp(-x**2) * np.pi),
    ("3", lambda x: np.full_like(x, 3.0)),
    ("max(x, 0)", lambda x: np.maximum(x, 0)),
])
def test_valid_expressions_evaluate(text, expected):
    x = np.linspace(-3, 3, 13)
    np.testing.assert_allclose(parse_expression(text)(x), expected(x))


@pytest.mark.parametrize("text, fragment", [
    ("", "empty"),
    ("x +", "Syntax error"),
    ("sin(x", "Syntax error"),
    ("y * 2", "Unknown name 'y'"),
    ("sin * x", "functions need brackets"),
    ("__import__('os').system('echo hi')", "Unknown function"),
    ("x.real", "not allowed"),
    ("[x for x in range(3)]", "not allowed"),
    ("lambda: 1", "not allowed"),
    ("'abc'", "Only numbers"),
    ("open('f')", "Unknown function"),
    ("sin(x, y=1)", "takes one argument"),
    ("x if x else 1", "not allowed"),
    ("x" * 300, "longer than"),
])
def test_bad_expressions_are_rejected_with_a_pointer(text, fragment):
    with pytest.raises(ExpressionError) as info:
        parse_expression(text)
    assert fragment in str(info.value)


def test_error_column_points_at_the_problem():
    with pytest.raises(ExpressionError) as info:
        parse_expression("x + foo")
    assert info.value.column == 4
