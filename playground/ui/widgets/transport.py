"""Play/pause, single step, reset and pace: the same controls in every lab."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QStyle, QWidget

from playground.ui.i18n import set_all_texts


def install_transport_keys(lab: QWidget, toggle_play, step_once, reset) -> None:
    """Space plays/pauses, S steps, R resets, while focus is anywhere inside ``lab``."""
    for key, slot in ((Qt.Key_Space, toggle_play), (Qt.Key_S, step_once), (Qt.Key_R, reset)):
        shortcut = QShortcut(QKeySequence(key), lab)
        shortcut.setContext(Qt.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)


# Steps per second offered by the pace box; None = as fast as possible.
PACE_RATES = [None, 200, 50, 10, 2]


class TransportBar(QWidget):
    playToggled = Signal(bool)   # True = play
    stepRequested = Signal()
    resetRequested = Signal()
    paceChanged = Signal(object)  # steps per second or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._playing = False
        style = self.style()
        self._play_icon = style.standardIcon(QStyle.SP_MediaPlay)
        self._pause_icon = style.standardIcon(QStyle.SP_MediaPause)
        self.play_button = QPushButton(self._play_icon, "")
        self.step_button = QPushButton(style.standardIcon(QStyle.SP_MediaSkipForward), "")
        self.reset_button = QPushButton(style.standardIcon(QStyle.SP_BrowserReload), "")
        self.pace_box = QComboBox()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.play_button, self.step_button, self.reset_button):
            layout.addWidget(button)
        layout.addWidget(self.pace_box, 1)
        self.play_button.clicked.connect(lambda: self.set_playing(not self._playing, emit=True))
        self.step_button.clicked.connect(self.stepRequested)
        self.reset_button.clicked.connect(self.resetRequested)
        self.pace_box.currentIndexChanged.connect(lambda i: self.paceChanged.emit(PACE_RATES[i]))
        self.retranslate()

    def retranslate(self) -> None:
        set_all_texts(
            (self.play_button, self.tr("Pause") if self._playing else self.tr("Play"), self.tr("Start or pause training (Space)")),
            (self.step_button, self.tr("Step"), self.tr("Run exactly one training step (S)")),
            (self.reset_button, self.tr("Reset"), self.tr("New random weights with the same seed; back to step 0 (R)")),
            (self.pace_box, None, self.tr("Slow training down to watch each step, or run at full speed")),
        )
        index = max(0, self.pace_box.currentIndex())
        self.pace_box.blockSignals(True)
        self.pace_box.clear()
        names = [self.tr("Max speed"), self.tr("200 steps/s"), self.tr("50 steps/s"),
                 self.tr("10 steps/s"), self.tr("2 steps/s")]
        self.pace_box.addItems(names)
        self.pace_box.setCurrentIndex(index)
        self.pace_box.blockSignals(False)

    @property
    def playing(self) -> bool:
        return self._playing

    def set_playing(self, playing: bool, emit: bool = False) -> None:
        self._playing = playing
        self.play_button.setIcon(self._pause_icon if playing else self._play_icon)
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
        if emit:
            self.playToggled.emit(playing)
