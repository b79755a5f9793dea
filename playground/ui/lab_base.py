"""The base of every lab tab: what the window and the classroom code may ask of a lab.

The main window (tabs, status bar, menus) and ``ui/classroom.py`` (sessions, settings, presentation
mode, theme) call only the hooks declared here; they never touch a lab's own attributes. Every hook
has a default, so a lab overrides only what it really does differently:

- identity: ``key`` (the lab's id in settings and sessions), ``title`` and ``tooltip`` (its tab's)
- life cycle: ``start_backend()`` (its tab was first shown: start workers; idempotent), ``shutdown()``
  (stop and join every thread; window close and app quit), ``install_menus(window)``
- language: ``retranslate()``, called on every QEvent.LanguageChange (and once by the lab itself)
- classroom: ``config()`` / ``set_config()`` over ``config_type`` (a config dataclass),
  ``session_state(with_training)``, ``check_session(state)``, ``restore_session(state)``,
  ``set_presentation(on)``, ``apply_theme()``

A lab reports to the status bar through ``message`` (a passing message) and ``status_label`` (a
QLabel the window shows while the lab's tab is current).
"""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from playground.core.config import from_dict, to_dict
from playground.ui.appearance import hide_advanced


log = logging.getLogger("playground")


def log_worker_error(error) -> None:
    """A worker's exception (core.training.commands.WorkerError): the full traceback goes to the log; the lab
    shows ``error.detail()`` or ``error.message``."""
    log.warning("%s failed on a worker thread:\n%s", error.type_name, error.traceback)


class Lab(QWidget):
    """One tab of the window. Subclasses set ``key`` and, if they have one, ``config_type``."""

    message = Signal(str)

    key: ClassVar[str] = ""
    config_type: ClassVar[type | None] = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status_label = QLabel()  # placed in the window's status bar by the main window
        self.setFocusPolicy(Qt.ClickFocus)  # a click on the lab's background gives its keys (Space, S, R) back

    # -- identity ----------------------------------------------------------------------------
    # A tab shows its title before its lab is built (labs are built when first opened), so the title
    # and tooltip are class attributes, written QT_TRANSLATE_NOOP("LabClass", "text") for the translation tools.
    title: ClassVar[str] = ""
    tooltip: ClassVar[str] = ""

    @classmethod
    def tab_title(cls) -> str:
        return QCoreApplication.translate(cls.__name__, cls.title or cls.key)

    @classmethod
    def tab_tooltip(cls) -> str:
        return QCoreApplication.translate(cls.__name__, cls.tooltip) if cls.tooltip else ""

    # -- life cycle --------------------------------------------------------------------------
    def start_backend(self) -> None:
        """The lab's tab was shown for the first time (or again after Reset): start its workers."""

    def shutdown(self) -> None:
        """Stop and join every thread of the lab; safe to call more than once."""

    def install_menus(self, window) -> None:
        """Add actions to ``window.file_menu`` (``window.add_file_actions``) or new menus."""

    # -- language ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every text, title, tooltip and item in the current language."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- configuration -----------------------------------------------------------------------
    def config(self):
        """The lab's current config (an instance of ``config_type``)."""
        raise NotImplementedError(f"{type(self).__name__} declares config_type but not config()")

    def set_config(self, config) -> None:
        raise NotImplementedError(f"{type(self).__name__} declares config_type but not set_config()")

    # -- classroom: sessions, remembered settings, presentation, theme ------------------------
    def session_state(self, with_training: bool = False) -> dict[str, Any] | None:
        """{"config": dict} (+ "weights", "step", "loss_history", "optimizer" with training); None: nothing to save."""
        if self.config_type is None:
            return None
        return {"config": to_dict(self.config())}

    def check_session(self, state: dict[str, Any]) -> list:
        """Problems that refuse a session entry (the config itself is checked by core.persistence.session)."""
        return []

    def restore_session(self, state: dict[str, Any]) -> None:
        """Load a validated session entry (or remembered settings: then only "config")."""
        if self.config_type is None:
            return
        config, _problems = from_dict(self.config_type, state.get("config"))
        self.set_config(usable_device(config))

    def set_presentation(self, on: bool) -> None:
        """Presentation mode: by default the widgets marked ``advanced`` are hidden with their labels."""
        hide_advanced(self, on)

    def apply_theme(self) -> None:
        """Recolour the lab's own plot items from ``theme.plot_colors()`` (axes and backgrounds are done)."""


def usable_device(config):
    """A saved CUDA device on a machine without one: the CPU instead."""
    device = getattr(config, "device", "cpu")
    if device == "cpu":
        return config
    torch = sys.modules.get("torch")  # not imported yet: no CUDA device can have been offered either
    if torch is not None and torch.cuda.is_available():
        return config
    return replace(config, device="cpu")
