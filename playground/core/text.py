"""User-facing English text that the UI can still translate.

Core stays Qt-free and speaks English: ``user_text("expected {n} classes", n=3)``
is the plain string "expected 3 classes" (logs, the CLI and tests see nothing
else), and it also remembers its template and parameters, so the UI can look
the template up in the current language and fill in the same parameters
(``playground.ui.i18n.core_text``). Parameters may themselves be ``Text``.

``scripts/update_translations.py`` collects every ``user_text("...")`` call of
``playground/core`` into the translation file (context "core"): the template
must be a string literal, never an f-string.
"""

from __future__ import annotations

from typing import Any


class Text(str):
    """The English text; ``template`` and ``params`` say how it was made."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> "Text":
        self = super().__new__(cls, template.format(**params))
        self.template = template
        self.params = params
        return self


def user_text(template: str, **params: Any) -> Text:
    """``template.format(**params)``, translatable by the UI (the template is a literal)."""
    return Text(template, **params)


def joined(separator: str, items) -> Text:
    """``separator.join(items)`` that stays translatable item by item (the separator is not translated)."""
    items = list(items)
    names = [f"item{i}" for i in range(len(items))]
    escaped = separator.replace("{", "{{").replace("}", "}}")
    return Text(escaped.join("{" + name + "}" for name in names), **dict(zip(names, items)))


def exception_text(exc: BaseException) -> Text | str:
    """The user text an exception was raised with (its ``Text``, kept translatable), else ``str(exc)``."""
    return exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], Text) else str(exc)
