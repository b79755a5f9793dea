"""The main window: one tab per lab, a status bar, and the menus.

Labs (ui/lab_base.py) are built when their tab is first opened: start-up builds only the tab shown
first. Until then a tab holds an empty placeholder with the lab's title. Whatever needs a lab that is
not built yet (a session, a lesson, a test) gets it built by looking it up in ``labs``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from playground.ui.classroom import Classroom
from playground.ui.lab_base import Lab
from playground.ui.labs import LabShelf, lab_classes
from playground.ui.teaching_menus import TeachingMenus

MESSAGE_TIMEOUT_MS = 6000
DEFAULT_SIZE = QSize(1280, 800)
TITLE_BAR = 40  # the free area's height less what a window manager's title bar takes


class MainWindow(QMainWindow):
    shown = Signal()  # the first time the window is on screen
    labBuilt = Signal(object)  # a lab was just built (its tab opened for the first time, or it was asked for)

    def __init__(self) -> None:
        super().__init__()
        self._shown_once = False
        self._backends_wanted = False
        self._started: list[Lab] = []
        self._swapping = False
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.labs = LabShelf(lab_classes(), lambda cls: cls(self), self._on_lab_built)
        for key in self.labs:
            self.tabs.addTab(QWidget(), "")  # a placeholder until the lab is built
        self._build_menus()
        self.teaching_menus = TeachingMenus(self)  # Lessons menu, File → Export code…
        self.classroom = Classroom(self)  # View menu (language, theme, presentation), sessions, F1, settings
        self.retranslate()
        self.tabs.currentChanged.connect(self._on_tab_changed)
        # No lab is built yet: the first is built when the window is shown, after the remembered tab is chosen.
        self.resize(first_size(self.available_area().size()))

    @property
    def curve_lab(self) -> Lab:
        return self.labs["curve"]

    def current_lab(self) -> Lab:
        """The lab whose tab is shown (built now if it was not)."""
        return self.labs[list(self.labs)[self.tabs.currentIndex()]]

    def show_lab(self, key: str) -> Lab:
        lab = self.labs[key]
        self.tabs.setCurrentWidget(lab)
        return lab

    def _on_lab_built(self, lab: Lab) -> None:
        """Put the new lab in place of its placeholder and connect it to the window."""
        index = list(self.labs).index(lab.key)
        self._swapping = True
        try:
            current = self.tabs.currentIndex()
            placeholder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, lab, lab.tab_title())
            self.tabs.setTabToolTip(index, lab.tab_tooltip())
            self.tabs.setCurrentIndex(current)
            placeholder.deleteLater()
        finally:
            self._swapping = False
        lab.message.connect(self.show_message)
        self.statusBar().addPermanentWidget(lab.status_label)
        lab.status_label.setVisible(self.tabs.currentWidget() is lab)
        if lab.key == "sweep":  # a sweep cell opens its configuration in the Curve lab
            lab.openInCurveLab.connect(self.open_in_curve_lab)
        if lab.key == "autograd":  # "from one neuron to the network": the Curve lab's current weights
            lab.set_network_source(lambda: self.curve_lab.session_state(with_training=True))
        lab.install_menus(self)
        self.labBuilt.emit(lab)  # the classroom: presentation mode, plot export, remembered settings

    def open_in_curve_lab(self, config) -> None:
        """Load ``config`` (a CurveConfig) into the Curve lab and show its tab."""
        self.show_lab("curve").set_config(config)
        self.show_message(self.tr("Opened in the Curve lab: press Play (Space) to train it here."))

    def available_area(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def fit_to_screen(self) -> None:
        """Bring the window inside the screen's free area (a geometry remembered from a bigger screen)."""
        area = self.available_area()
        frame = self.frameGeometry()
        extra = frame.size() - self.geometry().size()  # title bar and borders, once the window manager has them
        size = self.size().boundedTo(area.size() - extra)
        if size != self.size():
            self.resize(size)
        frame = self.frameGeometry()
        x = min(max(frame.x(), area.x()), area.x() + area.width() - frame.width())
        y = min(max(frame.y(), area.y()), area.y() + area.height() - frame.height())
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

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
        for index, cls in enumerate(self.labs.classes.values()):
            self.tabs.setTabText(index, cls.tab_title())
            self.tabs.setTabToolTip(index, cls.tab_tooltip())
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
        if self._swapping or index < 0:
            return
        current = self.current_lab()  # builds the lab the first time its tab is opened
        for lab in self.labs.built().values():
            lab.status_label.setVisible(lab is current)
        current.setFocus(Qt.TabFocusReason)  # its keys (Space: Play) work at once, not the tab bar's
        if self._backends_wanted:
            self._start_backend(current)

    def start_backends(self) -> None:
        """Start the visible lab's worker now; each other lab's when its tab is first shown.

        Every worker imports torch and builds its model; starting them all at
        once would make the first tab wait for the others' GIL time.
        """
        self._backends_wanted = True
        self._start_backend(self.current_lab())

    def _start_backend(self, lab: Lab) -> None:
        if lab not in self._started:
            self._started.append(lab)
            lab.start_backend()

    def shutdown(self) -> None:
        """Stop and join every worker thread; safe to call more than once."""
        for lab in self.labs.built().values():
            lab.shutdown()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._on_tab_changed(self.tabs.currentIndex())  # builds the tab shown first
            self.fit_to_screen()
            self.shown.emit()

    def closeEvent(self, event) -> None:
        self.classroom.save_settings()  # window, tab, each lab's config (playground/ui/settings.py)
        self.shutdown()
        super().closeEvent(event)

    def show_about(self) -> None:
        self.classroom.show_about()  # version, licences, data credits, README sections


def first_size(area: QSize) -> QSize:
    """The window's size on a first start: 1280×800, or all of a smaller screen's free area (a classroom
    projector of 1024×768 needs every pixel)."""
    return DEFAULT_SIZE.boundedTo(QSize(area.width(), area.height() - TITLE_BAR))
