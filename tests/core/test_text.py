"""core.text: English for logs and tests, template and parameters kept for the UI to translate."""

import pickle
import subprocess
import sys

import pytest

from playground.core.errors import DatasetError
from playground.core.expression import ExpressionError, parse_expression
from playground.core.persistence.session import SessionError, loads
from playground.core.text import Text, exception_text, joined, user_text


def test_user_text_is_the_formatted_english_and_keeps_template_and_params():
    inner = user_text("an IDX label file")
    text = user_text("The file '{path}' is {found}; expected {expected} ({size:,} bytes).",
                     path="a.idx", found=inner, expected="x", size=12345)
    assert text == "The file 'a.idx' is an IDX label file; expected x (12,345 bytes)."
    assert isinstance(text, str) and isinstance(text, Text)
    assert text.template == "The file '{path}' is {found}; expected {expected} ({size:,} bytes)."
    assert text.params["found"] is inner and text.params["size"] == 12345
    assert type(str(text)) is str and str(text) == text  # plain English wherever a str is expected
    assert f"[{text}]" == f"[{str(text)}]"


def test_text_survives_pickling_and_exceptions():
    text = user_text("'{name}' does not exist.", name="m.pt")
    copy = pickle.loads(pickle.dumps(text))
    assert copy == text and copy.template == text.template and copy.params == {"name": "m.pt"}
    exc = DatasetError(text, "m.pt")
    assert str(exc) == "'m.pt' does not exist." and exception_text(exc) is text
    assert exception_text(ValueError("plain")) == "plain"


def test_joined_keeps_each_item_translatable():
    a, b = user_text("text too long"), "a {literal} brace"
    both = joined("; ", [a, b])
    assert both == "text too long; a {literal} brace"
    assert both.params == {"item0": a, "item1": b}


def test_core_errors_carry_text():
    with pytest.raises(ExpressionError) as info:
        parse_expression("sin(x")
    assert isinstance(info.value.args[0], Text) and info.value.args[0].template.startswith("Syntax error at column")
    with pytest.raises(SessionError) as info:
        loads('{"format": "other", "version": 1, "labs": {}}')
    assert all(isinstance(p, Text) for p in info.value.problems)
    assert isinstance(info.value.args[0], Text) and str(info.value) == "; ".join(info.value.problems)


def test_truncated_model_file_is_one_short_sentence(tmp_path):
    pytest.importorskip("torch")
    from playground.core.persistence.model_io import ModelFileError, bundled_model_path, load_model

    good = bundled_model_path("mlp").read_bytes()
    path = tmp_path / "cut.pt"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(ModelFileError) as info:
        load_model(path)
    assert str(info.value) == ("'cut.pt' is truncated or damaged: it ends early or has been changed since it "
                               "was saved.")


def test_importing_core_text_loads_no_qt():
    code = ("import sys, playground.core.text, playground.core.persistence.model_io, playground.core.persistence.session; "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
