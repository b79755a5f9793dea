"""Fuzzing the settings file: whatever it holds, every value reads as a usable one (its default when
unusable, with a note), and the app can write its settings back over it."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QByteArray

from playground.core.config import invalid_fields, to_dict
from playground.core.persistence.session import CONFIG_TYPES
from playground.core.curve.config import CurveConfig
from playground.ui.settings import LANGUAGES, THEMES, Settings
from tests.fuzz.mutations import fuzz, HOSTILE_VALUES, dumps_hostile, mutated_bytes, mutated_json

CURVE_STATE = {"config": json.loads(json.dumps(CurveConfig(target="custom", expression="sin(x)").__dict__))}


def _valid_settings_bytes(path) -> bytes:
    s = Settings(path)
    s.set_language("zh")
    s.set_theme("light")
    s.set_current_tab("curve")
    s.set_lab_state("curve", CURVE_STATE)
    s.qsettings.setValue("files/recent", json.dumps(["/a.nnplay", "/b.nnplay"]))
    s.sync()
    return path.read_bytes()


def _read_everything(path) -> Settings:
    s = Settings(path)
    assert s.language() in (None, *LANGUAGES)
    assert s.theme() in THEMES
    geometry = s.geometry()
    assert geometry is None or isinstance(geometry, QByteArray)
    tab = s.current_tab()
    assert tab is None or (isinstance(tab, str) and len(tab) <= 100)
    for key, config_type in CONFIG_TYPES.items():
        state = s.lab_state(key)
        assert state is None or isinstance(state, dict)
        config = s.lab_config(key, config_type)
        assert config is None or not invalid_fields(config)
    assert isinstance(s.last_folder(), str)
    assert all(isinstance(p, str) for p in s.recent_files())
    assert all(isinstance(p, str) for p in s.problems)
    return s


def _writes_back(s: Settings) -> None:
    s.add_recent_file("/c.nnplay")
    s.set_lab_state("curve", {"config": to_dict(CurveConfig())})
    s.sync()
    assert Settings(s.file_name()).lab_config("curve", CurveConfig) == CurveConfig()


@fuzz(150)
@given(data=st.data())
def test_byte_mutated_settings_files(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("ini") / "settings.ini"
    valid = _valid_settings_bytes(path)
    path.write_bytes(data.draw(mutated_bytes(valid)))
    _writes_back(_read_everything(path))


@fuzz(150)
@given(key=st.sampled_from(["labs/curve", "labs/classify", "labs/sweep", "files/recent", "ui/language",
                            "window/tab", "window/geometry", "files/last_folder", "labs/mnist"]),
       value=st.one_of(HOSTILE_VALUES, mutated_json(CURVE_STATE)), as_json=st.booleans())
def test_hostile_values_in_settings(tmp_path_factory, key, value, as_json):
    path = tmp_path_factory.mktemp("ini") / "settings.ini"
    _valid_settings_bytes(path)
    s = Settings(path)
    # A settings file holds text: what a hand edit can put there is any text, JSON or not.
    s.qsettings.setValue(key, value if isinstance(value, str) and not as_json else dumps_hostile(value))
    s.sync()
    _writes_back(_read_everything(path))
