"""The "Lessons" menu (the notes' examples, with an explanation panel) and File → "Export code…"."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QLocale, QObject, Qt, Slot
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (QComboBox, QDockWidget, QFileDialog, QHBoxLayout, QLabel, QMenu, QSizePolicy,
                               QTextBrowser, QVBoxLayout, QWidget)

from playground.core.lessons.catalog import LESSONS, Lesson, typed_settings
from playground.ui.i18n import core_texts

LANGUAGES = (("en", "English"), ("zh", "中文"))
DOCK_SHARE = 0.25  # the Lessons panel's width, of the window's, when it opens


def default_language() -> str:
    """The app's language when the language switcher (ui/i18n.py) is present, else the locale's."""
    try:
        from playground.ui.i18n import manager
    except ImportError:
        return "zh" if QLocale().name().lower().startswith("zh") else "en"
    return "zh" if manager().language() == "zh" else "en"


class LessonPanel(QWidget):
    """Title, explanation (English or Chinese) and a language switch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lesson: Lesson | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = QFont()  # not a style sheet: that would freeze the text colour of the theme it was set in
        font.setBold(True)
        font.setPointSizeF(13)
        self.title.setFont(font)
        self.language_box = QComboBox()
        for code, name in LANGUAGES:
            self.language_box.addItem(name, code)
        # As wide as its names in any font (presentation mode): a narrow panel must not cut them.
        self.language_box.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.language_box.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        self.language_box.setCurrentIndex(self.language_box.findData(default_language()))
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        # The language box under the title, not beside it: the panel stays narrow, so that the lab
        # beside it keeps its room on a small screen.
        top = QHBoxLayout()
        top.addWidget(self.language_box)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        self.language_box.currentIndexChanged.connect(self._show)

    def language(self) -> str:
        return self.language_box.currentData()

    def show_lesson(self, lesson: Lesson) -> None:
        self.lesson = lesson
        self._show()

    def _show(self) -> None:
        if self.lesson is None:
            return
        self.title.setText(self.lesson.title_in(self.language()))
        self.text.setHtml(self.lesson.text_in(self.language()))


class TeachingMenus(QObject):
    """Adds the Lessons menu and File → Export code… to the main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        bar = window.menuBar()
        self.lessons_menu = QMenu(bar)
        bar.insertMenu(window.help_menu.menuAction(), self.lessons_menu)
        self.lesson_actions: dict[str, QAction] = {}
        for item in LESSONS:
            action = QAction(self)
            action.triggered.connect(lambda _checked=False, key=item.key: self.open_lesson(key))
            self.lessons_menu.addAction(action)
            self.lesson_actions[item.key] = action
        self.export_action = QAction(self)
        self.export_action.triggered.connect(self.export_code)
        window.add_file_actions([self.export_action])
        self.panel = LessonPanel()
        self.dock = QDockWidget(window)
        self.dock.setObjectName("lesson-dock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.panel.language_box.currentIndexChanged.connect(self.retranslate)  # lesson titles follow it
        self.retranslate()

    def on_language_change(self) -> None:
        """Called by the main window on QEvent.LanguageChange (no event filter: those run per event)."""
        self.panel.language_box.setCurrentIndex(self.panel.language_box.findData(default_language()))
        self.retranslate()

    def retranslate(self) -> None:
        self.lessons_menu.setTitle(self.tr("&Lessons"))
        language = self.panel.language()
        for item in LESSONS:
            action = self.lesson_actions[item.key]
            action.setText(item.title_in(language))
            available = item.tab in self.window.labs
            action.setEnabled(available)
            action.setToolTip("" if available else self.tr("This lab is not part of this version yet"))
        self.lessons_menu.setToolTipsVisible(True)
        self.export_action.setText(self.tr("Export code…"))
        self.export_action.setToolTip(self.tr("Save the current lab's setup (the Curve lab's otherwise) as a standalone PyTorch script"))
        self.dock.setWindowTitle(self.tr("Lesson"))

    def _keep_window_on_screen(self) -> None:
        """The panel takes its width from the lab (which shrinks); the window does not grow past the screen."""
        if not self.window.isFullScreen():
            share = int(DOCK_SHARE * self.window.width())
            self.window.resizeDocks([self.dock], [max(share, self.dock.minimumSizeHint().width())], Qt.Horizontal)
            self.window.fit_to_screen()

    # -- lessons ---------------------------------------------------------------------
    @Slot()
    def open_lesson(self, key: str) -> bool:
        item = next(i for i in LESSONS if i.key == key)
        lab = self.window.labs.get(item.tab)
        if lab is None:
            self.window.show_message(self.tr("This lesson needs a lab that is not part of this version yet."))
            return False
        settings, problems = typed_settings(item)
        if item.tab == "curve":
            lab.set_config(replace(settings, device=lab.config().device))
        elif hasattr(lab, "load_setup"):
            lab.load_setup(settings)
        elif hasattr(lab, "load_lesson"):
            lab.load_lesson(settings)
        self.window.tabs.setCurrentWidget(lab)
        self.panel.show_lesson(item)
        if self.dock.isHidden():  # opening it (not when the window comes back from minimised)
            self.dock.show()
            self._keep_window_on_screen()
        title = item.title_in(self.panel.language())
        if item.tab == "mnist":  # no Play there: the canvas reads at once, Train trains
            text = self.tr("Lesson loaded: {title}. Draw a digit, or press Train.").format(title=title)
        else:
            text = self.tr("Lesson loaded: {title}. Press Play (Space) to start.").format(title=title)
        if problems:
            text += " " + "; ".join(core_texts(problems))
        self.window.show_message(text)
        return True

    # -- export ------------------------------------------------------------------------
    @Slot()
    def export_code(self) -> str | None:
        from playground.core.curve.code_export import render_curve_script
        from playground.core.training.script_code import write_script

        current = self.window.tabs.currentWidget()
        if hasattr(current, "export_script"):  # e.g. the MNIST lab: (suggested file name, script text)
            name, text = current.export_script()
        else:
            lab = self.window.curve_lab
            config = lab.config()
            progress = lab.last_progress()
            steps = config.max_steps or (progress.step if progress is not None and progress.step else None)
            name, text = "curve_fit.py", render_curve_script(config, steps)
        path, _filter = QFileDialog.getSaveFileName(self.window, self.tr("Export as a PyTorch script"),
                                                    name, self.tr("Python scripts (*.py)"))
        if not path:
            return None
        try:
            write_script(path, text)
        except OSError as exc:
            self.window.show_message(self.tr("Could not save the script: {detail}").format(detail=exc.strerror or str(exc)))
            return None
        self.window.show_message(self.tr("Saved {path}: run it with python to train the same network without the app.").format(path=path))
        return path
