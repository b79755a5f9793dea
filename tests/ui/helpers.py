"""Ways to use widgets the way a person does."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider


def slider_handle_center(slider: QSlider) -> QPoint:
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    rect = slider.style().subControlRect(QStyle.CC_Slider, option, QStyle.SC_SliderHandle, slider)
    return rect.center()


def slider_x_for(slider: QSlider, position: int) -> int:
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    groove = slider.style().subControlRect(QStyle.CC_Slider, option, QStyle.SC_SliderGroove, slider)
    handle = slider.style().subControlRect(QStyle.CC_Slider, option, QStyle.SC_SliderHandle, slider)
    span = groove.width() - handle.width()
    offset = QStyle.sliderPositionFromValue(slider.minimum(), slider.maximum(), position, span)
    return groove.x() + offset + handle.width() // 2


def drag_slider(qtbot, slider: QSlider, position: int, steps: int = 8) -> None:
    """Press on the handle, move the mouse in steps, release: a real drag."""
    start = slider_handle_center(slider)
    end = QPoint(slider_x_for(slider, position), start.y())
    qtbot.mousePress(slider, Qt.LeftButton, pos=start)
    try:
        for i in range(1, steps + 1):
            x = start.x() + (end.x() - start.x()) * i // steps
            QTest.mouseMove(slider, QPoint(x, start.y()))
    finally:
        qtbot.mouseRelease(slider, Qt.LeftButton, pos=end)


def choose(qtbot, combo, data) -> None:
    """Pick an entry of a combo box with the keyboard, as a user tabbing through would."""
    target = combo.findData(data)
    assert target >= 0, f"{data!r} not offered"
    combo.setFocus()
    key = Qt.Key_Down if target > combo.currentIndex() else Qt.Key_Up
    for _ in range(abs(target - combo.currentIndex())):
        qtbot.keyClick(combo, key)
    assert combo.currentIndex() == target
