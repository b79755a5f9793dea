"""Everything the app remembers between runs, in one place (an INI file through QSettings).

Values are read raw and parsed here, one by one; a value edited by hand into
nonsense (wrong type, out of range, unknown name) falls back to its default and
is noted in ``problems``, never raised. Lab configurations are stored as JSON
text and read with ``core.config.from_dict`` (per-value fallback as well).

Where: ``$NN_PLAYGROUND_SETTINGS`` if set (the tests point it at a temporary
file), else the platform's per-user location (``~/.config/NN Playground/NN Playground.ini``
on Linux, ``%APPDATA%`` on Windows, ``~/Library/Preferences`` on macOS).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QByteArray, QSettings

from playground.core.persistence import safe_json
from playground.core.config import from_dict
from playground.core.text import exception_text

ORGANIZATION = APPLICATION = "NN Playground"
ENV_PATH = "NN_PLAYGROUND_SETTINGS"
THEMES = ("dark", "light")
LANGUAGES = ("en", "zh")
MAX_RECENT = 8
MAX_JSON_CHARS = 100_000


class Settings:
    def __init__(self, path: str | os.PathLike | None = None) -> None:
        path = path or os.environ.get(ENV_PATH)
        if path:
            self.qsettings = QSettings(str(path), QSettings.IniFormat)
        else:
            self.qsettings = QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANIZATION, APPLICATION)
        self.problems: list[str] = []

    # -- generic -----------------------------------------------------------------------
    def _read(self, key: str, parse: Callable[[Any], Any], default: Any) -> Any:
        raw = self.qsettings.value(key)
        if raw is None:
            return default
        try:
            return parse(raw)
        except Exception as exc:  # whatever the file holds, the app starts: the default, and a note
            self.problems.append(f"{key}: {exception_text(exc) or type(exc).__name__}; using the default")
            return default

    def sync(self) -> None:
        self.qsettings.sync()

    def file_name(self) -> str:
        return self.qsettings.fileName()

    # -- appearance -------------------------------------------------------------------
    def language(self) -> str | None:
        """'en', 'zh', or None when never chosen (then the system locale decides)."""
        return self._read("ui/language", _one_of(LANGUAGES), None)

    def set_language(self, language: str) -> None:
        self.qsettings.setValue("ui/language", language)

    def theme(self) -> str:
        return self._read("ui/theme", _one_of(THEMES), "dark")

    def set_theme(self, theme: str) -> None:
        self.qsettings.setValue("ui/theme", theme)

    # -- window ----------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        def parse(raw):
            if not isinstance(raw, QByteArray) or raw.isEmpty():
                raise ValueError("not a saved window geometry")
            return raw
        return self._read("window/geometry", parse, None)

    def set_geometry(self, data: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", data)

    def current_tab(self) -> str | None:
        return self._read("window/tab", _short_text, None)

    def set_current_tab(self, key: str) -> None:
        self.qsettings.setValue("window/tab", key)

    # -- labs ------------------------------------------------------------------------------
    def lab_state(self, key: str) -> dict[str, Any] | None:
        """The lab's last saved state (a JSON object), or None."""
        return self._read(f"labs/{key}", _json_object, None)

    def set_lab_state(self, key: str, state: dict[str, Any]) -> None:
        self.qsettings.setValue(f"labs/{key}", json.dumps(state, ensure_ascii=False, allow_nan=False))

    def lab_config(self, key: str, config_type: type):
        """The lab's last config, each bad or missing value replaced by its default; None if never saved."""
        state = self.lab_state(key)
        if state is None:
            return None
        config, problems = from_dict(config_type, state.get("config"))
        self.problems.extend(f"labs/{key}: {p}" for p in problems)
        return config

    # -- files -----------------------------------------------------------------------------
    def last_folder(self) -> str:
        def parse(raw):
            if not isinstance(raw, str) or not Path(raw).is_dir():
                raise ValueError("not an existing folder")
            return raw
        return self._read("files/last_folder", parse, str(Path.home()))

    def set_last_folder(self, folder: str | os.PathLike) -> None:
        path = Path(folder)
        self.qsettings.setValue("files/last_folder", str(path if path.is_dir() else path.parent))

    def recent_files(self) -> list[str]:
        def parse(raw):
            items = safe_json.loads(raw) if isinstance(raw, str) else raw
            if not isinstance(items, list):
                raise ValueError("expected a list of file names")
            return [p for p in items if isinstance(p, str) and 0 < len(p) < 4096 and safe_json.is_encodable(p)][:MAX_RECENT]
        return self._read("files/recent", parse, [])

    def add_recent_file(self, path: str | os.PathLike) -> list[str]:
        path = str(Path(path).resolve())
        items = [path] + [p for p in self.recent_files() if p != path]
        self.qsettings.setValue("files/recent", json.dumps(items[:MAX_RECENT], ensure_ascii=False))
        return items[:MAX_RECENT]

    def remove_recent_file(self, path: str) -> None:
        items = [p for p in self.recent_files() if p != path]
        self.qsettings.setValue("files/recent", json.dumps(items, ensure_ascii=False))

    def clear_recent_files(self) -> None:
        self.qsettings.setValue("files/recent", "[]")


def _one_of(options: tuple[str, ...]) -> Callable[[Any], str]:
    def parse(raw):
        if not isinstance(raw, str) or raw not in options:
            raise ValueError(f"{raw!r} is not one of {', '.join(options)}")
        return raw
    return parse


def _short_text(raw) -> str:
    if not isinstance(raw, str) or not 0 < len(raw) <= 100:
        raise ValueError("expected a short name")
    return raw


def _json_object(raw) -> dict[str, Any]:
    if not isinstance(raw, str) or len(raw) > MAX_JSON_CHARS:
        raise ValueError("expected JSON text")
    value = safe_json.loads(raw)  # refuses deep nesting and lone surrogates
    if not isinstance(value, dict):
        raise ValueError("expected a JSON object")
    return value
