"""Classroom and everyday use, wired into the main window in one place.

- View → Language (English / 中文, live), Theme (dark / light, live), Presentation mode (F11; Esc leaves).
- File → Open session… / Save session… / Save session with trained weights… / Recent sessions.
- Help → Keyboard shortcuts (F1); About (help.AboutDialog).
- Settings: restored by ``restore_settings()`` (called by app.run_gui, not by tests' windows),
  saved by ``save_settings()`` when the window closes (MainWindow.closeEvent).

Labs are reached only through the hooks of ``ui.lab_base.Lab`` (``session_state``, ``check_session``,
``restore_session``, ``config_type``); a lab whose config dataclass is registered in
``core.persistence.session.CONFIG_TYPES`` gets its config validated there.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

import playground
from playground.core.persistence import session as sessions
from playground.core.config import from_dict, to_dict
from playground.ui import appearance, i18n
from playground.ui.i18n import core_text, core_texts, set_all_texts
from playground.ui.export import install_plot_export
from playground.ui.help import AboutDialog, ShortcutSheet
from playground.ui.settings import Settings


def ask_open_path(parent, title: str, filters: str) -> str:
    """The open dialog, starting in the last folder; '' if cancelled. (Tests replace this function.)"""
    settings = Settings()
    path, _ = QFileDialog.getOpenFileName(parent, title, settings.last_folder(), filters)
    if path:
        settings.set_last_folder(Path(path).parent)
    return path


def ask_save_path(parent, title: str, suggested: str, filters: str) -> str:
    from playground.ui import export

    return export.ask_save_path(parent, title, suggested, filters)


def startup(app: QApplication | None = None) -> Settings:
    """Before the window exists: the saved (or system) language and the saved theme."""
    app = app or QApplication.instance()
    settings = Settings()
    language = settings.language() or i18n.system_language()
    i18n.manager().set_language(language)
    dark = settings.theme() == "dark"
    appearance.apply_theme(None, dark)
    return settings


class Classroom(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.presentation = window.presentation = appearance.Presentation(window)
        self.error_box: QMessageBox | None = None
        self.shortcut_sheet: ShortcutSheet | None = None
        self.about_dialog: AboutDialog | None = None
        self._pending_settings: dict[str, dict] = {}  # remembered configs of labs not built yet
        self._build_menus()
        window.labBuilt.connect(self._on_lab_built)
        self.retranslate()
        self._sync_checks()
        self.rebuild_recent_menu()
        self._sync_lesson_language(i18n.manager().language())
        # Signals, not an event filter on the window: a filter there runs Python for every frame's UpdateRequest.
        i18n.manager().changed.connect(self._on_language_changed)

    def _install_plot_exports(self, lab) -> None:
        """Every plot of a lab saves itself as PNG/SVG from its context menu; labs that offer
        CSV data installed their own exporter first (Curve, MNIST), which is kept."""
        plots = [p for p in lab.findChildren(pg.PlotWidget) if not hasattr(p, "plot_export")]
        for index, plot in enumerate(plots, 1):
            install_plot_export(plot, f"{lab.key}_plot{index}")

    def _on_lab_built(self, lab) -> None:
        """A lab built after start-up joins in: plot export, its remembered settings, presentation mode."""
        self._install_plot_exports(lab)
        pending = self._pending_settings.pop(lab.key, None)
        if pending is not None:
            try:
                lab.restore_session(pending)  # a config from_dict has made valid
            except Exception as exc:  # never expected; the lab keeps its defaults rather than stop the app
                self.window.show_message(self.tr("Some saved settings were invalid and were reset to their defaults."))
                if sys.stderr is not None:
                    print(f"NN Playground settings: labs/{lab.key}: {type(exc).__name__}: {exc}", file=sys.stderr)
        if self.presentation.active:
            self.presentation.adopt(lab)

    # -- menus -----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        w = self.window
        bar = w.menuBar()
        # File: sessions above Export/Quit
        self.open_action = QAction(self)
        self.open_action.setShortcut(QKeySequence.Open)
        self.open_action.triggered.connect(lambda: self.open_session())
        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence.Save)
        self.save_action.triggered.connect(lambda: self.save_session(with_training=False))
        self.save_training_action = QAction(self)
        self.save_training_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.save_training_action.triggered.connect(lambda: self.save_session(with_training=True))
        self.recent_menu = QMenu(w)
        separator = QAction(self)
        separator.setSeparator(True)
        w.file_menu.insertActions(w.file_menu.actions()[0] if w.file_menu.actions() else None,
                                  [self.open_action, self.recent_menu.menuAction(), self.save_action,
                                   self.save_training_action, separator])
        # View
        self.view_menu = QMenu(bar)
        bar.insertMenu(w.help_menu.menuAction(), self.view_menu)
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in i18n.LANGUAGES:
            action = QAction(i18n.LANGUAGE_NAMES[code], self, checkable=True)
            action.triggered.connect(lambda _c=False, code=code: self.set_language(code))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.theme_menu = self.view_menu.addMenu("")
        self.theme_group = QActionGroup(self)
        self.dark_action = QAction(self, checkable=True)
        self.light_action = QAction(self, checkable=True)
        for action, dark in ((self.dark_action, True), (self.light_action, False)):
            action.triggered.connect(lambda _c=False, dark=dark: self.set_theme(dark))
            self.theme_group.addAction(action)
            self.theme_menu.addAction(action)
        self.view_menu.addSeparator()
        self.presentation_action = QAction(self, checkable=True)
        self.presentation_action.setShortcut(QKeySequence(Qt.Key_F11))
        self.presentation_action.setShortcutContext(Qt.ApplicationShortcut)
        self.presentation_action.triggered.connect(self.presentation.set_active)
        self.view_menu.addAction(self.presentation_action)
        w.addAction(self.presentation_action)  # F11 works with the menu bar hidden (full screen)
        self.presentation.escape.activated.connect(self._sync_checks)
        # Help
        self.shortcuts_action = QAction(self)
        self.shortcuts_action.setShortcut(QKeySequence(Qt.Key_F1))
        self.shortcuts_action.setShortcutContext(Qt.ApplicationShortcut)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        w.help_menu.insertAction(w.about_action, self.shortcuts_action)
        w.addAction(self.shortcuts_action)

    def retranslate(self) -> None:
        set_all_texts(
            (self.open_action, self.tr("&Open session…"),
             self.tr("Open a saved session (.nnplay): every lab's settings, and trained weights if saved")),
            (self.save_action, self.tr("&Save session…"),
             self.tr("Save every lab's settings to a .nnplay file, e.g. to prepare a lesson")),
            (self.save_training_action, self.tr("Save session with trained &weights…"),
             self.tr("Also save the trained weights and loss history, to continue or show them later")),
            (self.recent_menu, self.tr("Open &recent")),
            (self.view_menu, self.tr("&View")),
            (self.language_menu, self.tr("&Language (语言)")),
            (self.theme_menu, self.tr("&Theme")),
            (self.dark_action, self.tr("&Dark")),
            (self.light_action, self.tr("&Light")),
            (self.presentation_action, self.tr("&Presentation mode"),
             self.tr("Full screen with large text and thick lines for a projector; Esc leaves")),
            (self.shortcuts_action, self.tr("&Keyboard shortcuts")),
        )
        self.rebuild_recent_menu()

    def _on_language_changed(self, language: str) -> None:
        self.retranslate()
        self._sync_checks()
        self._sync_lesson_language(language)

    def _sync_lesson_language(self, language: str) -> None:
        """The Lessons panel (teaching_menus.py) has its own English/中文 box: it follows the app's language."""
        panel = getattr(getattr(self.window, "teaching_menus", None), "panel", None)
        box = getattr(panel, "language_box", None)
        if box is not None and box.findData(language) >= 0:
            box.setCurrentIndex(box.findData(language))

    def _sync_checks(self) -> None:
        self.language_actions[i18n.manager().language()].setChecked(True)
        (self.dark_action if appearance.is_dark() else self.light_action).setChecked(True)
        self.presentation_action.setChecked(self.presentation.active)

    # -- language, theme, presentation ------------------------------------------------------------
    @Slot(str)
    def set_language(self, language: str) -> str:
        used = i18n.manager().set_language(language, parent=self.window)
        Settings().set_language(used)
        self._sync_checks()
        return used

    def set_theme(self, dark: bool) -> None:
        appearance.apply_theme(self.window, dark)
        Settings().set_theme("dark" if dark else "light")
        self._sync_checks()

    def show_shortcuts(self) -> None:
        if self.shortcut_sheet is None:
            self.shortcut_sheet = ShortcutSheet(self.window)
        self.shortcut_sheet.show()
        self.shortcut_sheet.raise_()

    def show_about(self) -> None:
        if self.about_dialog is None:
            self.about_dialog = AboutDialog(self.window)
        self.about_dialog.show()
        self.about_dialog.raise_()

    # -- settings ------------------------------------------------------------------------------------
    def save_settings(self) -> None:
        settings = Settings()
        if self.presentation.active:
            self.presentation.set_active(False)
        settings.set_geometry(self.window.saveGeometry())
        settings.set_current_tab(self.window.current_lab().key)
        for key, lab in self.window.labs.built().items():  # a lab never opened keeps what was remembered
            try:
                state = lab.session_state(False)
                if state is not None:
                    settings.set_lab_state(key, {"config": _jsonable(state.get("config"))})
            except (TypeError, ValueError):
                pass  # a lab's odd state must not stop the window from closing
        settings.sync()

    def restore_settings(self) -> list[str]:
        """Window geometry, current tab and each lab's last config; bad values fall back to defaults."""
        settings = Settings()
        geometry = settings.geometry()
        if geometry is not None and not self.window.restoreGeometry(geometry):
            settings.problems.append("window/geometry: unreadable; using the default")
        self.window.fit_to_screen()  # remembered on a bigger screen: brought back inside this one
        for key, lab_class in self.window.labs.classes.items():
            state = settings.lab_state(key)
            if state is None:
                continue
            try:
                self._restore_lab_settings(settings, key, lab_class, state)
            except Exception as exc:  # whatever the settings file holds, the app starts (with this lab's defaults)
                settings.problems.append(f"labs/{key}: {type(exc).__name__}; using the defaults")
        tab = settings.current_tab()
        if tab in self.window.labs:
            self.window.show_lab(tab)
        elif tab is not None:
            settings.problems.append(f"window/tab: unknown tab {tab!r}; using the first")
        if settings.problems:
            self.window.show_message(self.tr("Some saved settings were invalid and were reset to their defaults."))
            if sys.stderr is not None:
                print("NN Playground settings (" + settings.file_name() + "):\n  " + "\n  ".join(settings.problems),
                      file=sys.stderr)
        return settings.problems

    def _restore_lab_settings(self, settings: Settings, key: str, lab_class, state: dict) -> None:
        config_type = sessions.CONFIG_TYPES.get(key) or lab_class.config_type
        if config_type is not None:
            config, problems = from_dict(config_type, state.get("config"))
            settings.problems.extend(f"labs/{key}: {p}" for p in problems)
            if self.window.labs.is_built(key):
                self.window.labs[key].restore_session({"config": to_dict(config)})
            else:
                self._pending_settings[key] = {"config": to_dict(config)}  # when its tab is first opened
            return
        lab = self.window.labs[key]
        problems = lab.check_session(state)
        if problems:
            settings.problems.extend(f"labs/{key}: {p}" for p in problems)
        else:
            lab.restore_session(state)

    # -- sessions ------------------------------------------------------------------------------------
    def save_session(self, path: str | None = None, *, with_training: bool = False) -> str | None:
        if path is None:
            path = ask_save_path(self.window, self.tr("Save the session"), "lesson" + sessions.SUFFIX,
                                 self.tr("NN Playground sessions (*.nnplay)"))
            if not path:
                return None
        if not path.endswith(sessions.SUFFIX):
            path += sessions.SUFFIX
        labs = {}
        current_key = self.window.current_lab().key
        for key, lab in self.window.labs.items():  # builds the labs never opened: their settings count too
            state = lab.session_state(with_training)
            if state is None:
                continue
            labs[key] = sessions.lab_entry(_jsonable(state["config"]), weights=state.get("weights"),
                                           loss_history=state.get("loss_history"), step=state.get("step"),
                                           optimizer=state.get("optimizer"))
        try:
            sessions.save(path, labs, current_tab=current_key, app_version=playground.__version__)
        except (OSError, ValueError) as exc:
            self._show_error(self.tr("Could not save the session"), getattr(exc, "strerror", None) or core_text(exc))
            return None
        settings = Settings()
        settings.add_recent_file(path)
        settings.set_last_folder(Path(path).parent)
        self.rebuild_recent_menu()
        self.window.show_message(self.tr("Session saved to {path}").format(path=path))
        return path

    def open_session(self, path: str | None = None) -> bool:
        """Validate the whole file first; on any problem, say what is wrong and change nothing."""
        if path is None:
            path = ask_open_path(self.window, self.tr("Open a session"), self.tr("NN Playground sessions (*.nnplay);;All files (*)"))
            if not path:
                return False
        try:
            session = sessions.load(path, self.config_types())
            problems = []
            for key, lab_session in session.labs.items():
                lab = self.window.labs.get(key)
                if lab is not None:
                    problems.extend(f"{key}: {core_text(p)}" for p in lab.check_session(_state(lab_session)))
            if problems:
                raise sessions.SessionError(problems)
        except (sessions.SessionError, OSError, ValueError, MemoryError, RecursionError) as exc:
            problems = exc.problems if isinstance(exc, sessions.SessionError) else [exc]  # the last: never expected
            self._show_error(self.tr("This session cannot be opened"),
                             self.tr("{path}\n\nNothing was changed. What is wrong:\n• {problems}").format(
                                 path=path, problems="\n• ".join(core_texts(problems))))
            return False
        for key, lab_session in session.labs.items():
            lab = self.window.labs.get(key)
            if lab is not None:
                lab.restore_session(_state(lab_session))
        if session.current_tab in self.window.labs:
            self.window.show_lab(session.current_tab)
        settings = Settings()
        settings.add_recent_file(path)
        settings.set_last_folder(Path(path).parent)
        self.rebuild_recent_menu()
        text = self.tr("Session opened: {path}").format(path=Path(path).name)
        if session.notes:
            text += " (" + "; ".join(core_texts(session.notes)) + ")"
        self.window.show_message(text)
        return True

    def config_types(self) -> dict[str, type]:
        """Lab id → config dataclass, for validating sessions: core's registry plus what the labs declare."""
        types = dict(sessions.CONFIG_TYPES)
        for key, lab_class in self.window.labs.classes.items():
            if key not in types and lab_class.config_type is not None:
                types[key] = lab_class.config_type
        return types

    def _show_error(self, title: str, text: str) -> None:
        if self.error_box is not None:
            self.error_box.close()
        box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, self.window)
        box.setWindowModality(Qt.WindowModal)
        box.show()  # not exec(): the app (and the tests) go on
        self.error_box = box
        self.window.show_message(title)

    def rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = Settings().recent_files()
        for i, path in enumerate(files, 1):
            action = self.recent_menu.addAction(f"&{i}  {Path(path).name}")
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(lambda _c=False, path=path: self._open_recent(path))
        if files:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("Clear the list"))
            clear.triggered.connect(self._clear_recent)
        else:
            empty = self.recent_menu.addAction(self.tr("(none yet)"))
            empty.setEnabled(False)
        self.recent_menu.setToolTipsVisible(True)

    def _open_recent(self, path: str) -> None:
        if not Path(path).is_file():
            Settings().remove_recent_file(path)
            self.rebuild_recent_menu()
            self.window.show_message(self.tr("{path} no longer exists; removed from the list.").format(path=path))
            return
        self.open_session(path)

    def _clear_recent(self) -> None:
        Settings().clear_recent_files()
        self.rebuild_recent_menu()


def _state(lab_session: sessions.LabSession) -> dict:
    state = {"config": lab_session.config}
    if lab_session.weights is not None:
        state["weights"] = lab_session.weights
        state["step"] = lab_session.step
        if lab_session.optimizer is not None:
            state["optimizer"] = lab_session.optimizer
    if lab_session.loss_history is not None:
        state["loss_history"] = lab_session.loss_history
    return state


def _jsonable(config):
    return config if isinstance(config, dict) else to_dict(config)
