"""The main window: one tab per lab, a status bar, and the menus.

A lab is a QWidget with: ``message`` (Signal(str)) for the status bar,
``status_label`` (a QLabel shown in the status bar while its tab is current),
``tab_title()``, ``start_backend()`` (called once the window is up) and
``shutdown()`` (stop and join its threads; called on close and on quit).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from playground.ui.classroom import Classroom
from playground.ui.labs import create_labs
from playground.ui.teaching_menus import TeachingMenus

MESSAGE_TIMEOUT_MS = 6000


class MainWindow(QMainWindow):
    shown = Signal()  # the first time the window is on screen

    def __init__(self) -> None:
        super().__init__()
        self._shown_once = False
        self._backends_wanted = False
        self._started: list[QWidget] = []
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.labs: dict[str, QWidget] = create_labs(self)
        self.curve_lab = self.labs["curve"]
        for lab in self.labs.values():
            self.tabs.addTab(lab, "")
            lab.message.connect(self.show_message)
            self.statusBar().addPermanentWidget(lab.status_label)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        if "sweep" in self.labs:  # a sweep cell opens its configuration in the Curve lab
            self.labs["sweep"].openInCurveLab.connect(self.open_in_curve_lab)
        if "autograd" in self.labs:  # "from one neuron to the network": the Curve lab's current weights
            self.labs["autograd"].set_network_source(lambda: self.curve_lab.session_state(with_training=True))
        self._build_menus()
        for lab in self.labs.values():
            install = getattr(lab, "install_menus", None)
            if install is not None:
                install(self)
        self.teaching_menus = TeachingMenus(self)  # Lessons menu, File → Export code…
        self.classroom = Classroom(self)  # View menu (language, theme, presentation), sessions, F1, settings
        self.retranslate()
        self._on_tab_changed(self.tabs.currentIndex())
        self.resize(1280, 800)

    def open_in_curve_lab(self, config) -> None:
        """Load ``config`` (a CurveConfig) into the Curve lab and show its tab."""
        self.curve_lab.set_config(config)
        self.tabs.setCurrentWidget(self.curve_lab)
        self.show_message(self.tr("Opened in the Curve lab: press Play (Space) to train it here."))

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_TIMEOUT_MS)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.Quit)
        self.quit_action.triggered.connect(self.close)
        self.quit_separator = self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def add_file_actions(self, actions) -> None:
        """Labs add their File-menu actions (above Quit, after a separator)."""
        self.file_menu.insertActions(self.quit_separator, list(actions))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("NN Playground"))
        for lab in self.labs.values():
            index = self.tabs.indexOf(lab)
            self.tabs.setTabText(index, lab.tab_title())
            self.tabs.setTabToolTip(index, lab.tab_tooltip())
        self.file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About NN Playground"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
            self.teaching_menus.on_language_change()
        super().changeEvent(event)

    def _on_tab_changed(self, index: int) -> None:
        current = self.tabs.widget(index)
        for lab in self.labs.values():
            lab.status_label.setVisible(lab is current)
        if self._backends_wanted:
            self._start_backend(current)

    def start_backends(self) -> None:
        """Start the visible lab's worker now; each other lab's when its tab is first shown.

        Every worker imports torch and builds its model; starting them all at
        once would make the first tab wait for the others' GIL time.
        """
        self._backends_wanted = True
        self._start_backend(self.tabs.currentWidget())

    def _start_backend(self, lab) -> None:
        if lab is not None and lab not in self._started:
            self._started.append(lab)
            lab.start_backend()

    def shutdown(self) -> None:
        """Stop and join every worker thread; safe to call more than once."""
        for lab in self.labs.values():
            lab.shutdown()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.shown.emit()

    def closeEvent(self, event) -> None:
        self.classroom.save_settings()  # window, tab, each lab's config (playground/ui/settings.py)
        self.shutdown()
        super().closeEvent(event)

    def show_about(self) -> None:
        self.classroom.show_about()  # version, licences, data credits, README sections
