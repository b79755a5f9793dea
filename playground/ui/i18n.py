"""Language: English (the source strings) or simplified Chinese, switched live.

Every user-facing string goes through ``self.tr("...")``; the Chinese
translations are compiled into ``resources/i18n/playground_zh_CN.qm`` by
``scripts/update_translations.py``. Switching installs (or removes) our
translator and Qt's own (``qtbase_zh_CN.qm``, for standard dialogs and
buttons); Qt then sends ``QEvent.LanguageChange`` to every widget, whose
``changeEvent`` calls its ``retranslate()``. Nothing needs a restart.

Core (Qt-free) builds its user-facing English with ``core.text.user_text``;
``core_text()`` shows it in the current language (context "core").

If no installed font can draw Chinese, Chinese is not switched on (it would
show boxes); a message in English says how to fix that, once per run.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QGroupBox, QMenu, QMessageBox, QWidget

from playground.core.paths import resources_dir
from playground.core.text import Text, exception_text

ENGLISH, CHINESE = "en", "zh"
LANGUAGES = (ENGLISH, CHINESE)
# Shown in the Language menu in their own language, whatever the current one.
LANGUAGE_NAMES = {ENGLISH: "English", CHINESE: "中文 (简体)"}
QM_NAME = "playground_zh_CN.qm"

FONT_HELP = (
    "No installed font can display Chinese, so NN Playground stays in English "
    "(Chinese text would show as empty boxes).\n\n"
    "To fix it, install a Chinese (CJK) font and restart the app:\n"
    "  • Debian/Ubuntu: sudo apt-get install fonts-noto-cjk (or fonts-wqy-microhei)\n"
    "  • Fedora: sudo dnf install google-noto-sans-cjk-fonts\n"
    "  • Windows and macOS include one; check that it has not been removed.\n\n"
    "Then choose View → Language → 中文 again."
)


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def system_language(locale: QLocale | None = None) -> str:
    """Every Chinese locale (zh_CN, zh_TW, zh_HK, zh_SG, …) → Chinese; anything else → English."""
    locale = locale or QLocale.system()
    return CHINESE if locale.language() == QLocale.Chinese else ENGLISH


def has_cjk_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


class LanguageManager(QObject):
    """Owns the installed translators; one per application (``manager()``)."""

    changed = Signal(str)  # the new language code, after the switch

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._translators: list[QTranslator] = []
        self._language = ENGLISH
        self.font_warning: QMessageBox | None = None
        self._warned = False
        # Tests replace this to simulate a machine without a Chinese font.
        self.font_check = has_cjk_font

    def language(self) -> str:
        return self._language

    def set_language(self, language: str, parent: QWidget | None = None) -> str:
        """Switch the whole UI; returns the language actually in use (English if Chinese cannot be shown)."""
        if language not in LANGUAGES:
            language = ENGLISH
        if language == CHINESE and not self.font_check():
            self._warn_no_font(parent)
            language = ENGLISH
        if language == self._language and (language == ENGLISH or self._translators):
            return language
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        if language == CHINESE:
            for path in (translations_dir() / QM_NAME,
                         Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath)) / "qtbase_zh_CN.qm"):
                translator = QTranslator(self)
                if translator.load(str(path)):
                    self._app.installTranslator(translator)
                    self._translators.append(translator)
            QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
        else:
            QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
        if not self._translators and language == CHINESE:
            language = ENGLISH  # the .qm files are missing: nothing else to do
        self._language = language
        # Qt posts LanguageChange to every widget; deliver them now so the switch is complete on return.
        QCoreApplication.sendPostedEvents(None, QEvent.LanguageChange)
        self.changed.emit(language)
        return language

    def _warn_no_font(self, parent: QWidget | None) -> None:
        if self._warned:
            return
        self._warned = True
        box = QMessageBox(QMessageBox.Warning, "Chinese cannot be displayed", FONT_HELP, QMessageBox.Ok, parent)
        box.setModal(False)
        box.show()  # not exec(): never blocks start-up or tests
        self.font_warning = box


CORE_CONTEXT = "core"  # the translation context of playground/core's user_text() templates


def core_text(value) -> str:
    """Text made in core (a ``Text``, an exception carrying one, or plain str) in the current language.

    The template is looked up under context "core" and filled with the same
    parameters, themselves translated when they are core text; anything
    unknown stays English.
    """
    if isinstance(value, BaseException):
        value = exception_text(value)
    if not isinstance(value, Text):
        return str(value)
    params = {name: core_text(param) if isinstance(param, (Text, BaseException)) else param
              for name, param in value.params.items()}
    try:
        return QCoreApplication.translate(CORE_CONTEXT, value.template).format(**params)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder: English is better than nothing
        return str(value)


def core_texts(values) -> list[str]:
    return [core_text(value) for value in values]


_MANAGER: LanguageManager | None = None


def set_texts(widget, text: str | None, tooltip: str | None = None) -> None:
    """A widget's or an action's text (a group box's or a menu's title) and tooltip, as a ``retranslate``
    sets them; ``None`` leaves that one as it is."""
    if text is not None:
        (widget.setTitle if isinstance(widget, (QGroupBox, QMenu)) else widget.setText)(text)
    if tooltip is not None:
        widget.setToolTip(tooltip)


def set_all_texts(*rows: tuple) -> None:
    """``set_texts`` for each (widget, text[, tooltip]) row: a ``retranslate`` written as a table."""
    for row in rows:
        set_texts(*row)


def manager() -> LanguageManager:
    global _MANAGER
    app = QApplication.instance()
    if _MANAGER is None or _MANAGER.parent() is not app:
        _MANAGER = LanguageManager(app)
    return _MANAGER
