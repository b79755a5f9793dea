"""The main window: one tab per lab, a status bar, and the menus.

A lab is a QWidget with: ``message`` (Signal(str)) for the status bar,
``status_label`` (a QLabel shown in the status bar while its tab is current),
``tab_title()``, ``start_backend()`` (called once the window is up) and
``shutdown()`` (stop and join its threads; called on close and on quit).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget, QWidget

import playground
from playground.ui.labs import create_labs

MESSAGE_TIMEOUT_MS = 6000


class MainWindow(QMainWindow):
    shown = Signal()  # the first time the window is on screen

    def __init__(self) -> None:
        super().__init__()
        self._shown_once = False
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
        self._build_menus()
        for lab in self.labs.values():
            install = getattr(lab, "install_menus", None)
            if install is not None:
                install(self)
        self.retranslate()
        self._on_tab_changed(self.tabs.currentIndex())
        self.resize(1280, 800)

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
        super().changeEvent(event)

    def _on_tab_changed(self, index: int) -> None:
        current = self.tabs.widget(index)
        for lab in self.labs.values():
            lab.status_label.setVisible(lab is current)

    def start_backends(self) -> None:
        for lab in self.labs.values():
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
        self.shutdown()
        super().closeEvent(event)

    def show_about(self) -> None:
        text = self.tr(
            "<h3>NN Playground {version}</h3>"
            "<p>Learn how neural networks fit data by moving sliders instead of editing scripts.</p>"
            "<p>Built with PyTorch, PySide6 (Qt) and pyqtgraph.</p>"
        ).format(version=playground.__version__)
        QMessageBox.about(self, self.tr("About NN Playground"), text)
