"""Export any plot to PNG or SVG, and tables (loss histories, confusion matrices, results) to CSV.

``install_plot_export(plot, name, csv=...)`` gives a pyqtgraph plot a
right-click menu: "Save image (PNG)…", "Save image (SVG)…" and, when the lab
passes a ``csv`` callback returning ``(header, rows)``, "Save data (CSV)…".
``install_table_export(widget, name, csv)`` gives any other widget (a table of
results) a right-click "Save as CSV…".
The file dialog starts in the last folder used (remembered in the settings).
Nothing here runs while training: only when the user asks.
"""

from __future__ import annotations

import csv
import io
import math
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QGraphicsItem, QWidget

from playground.core.persistence.session import write_text_atomic
from playground.ui import i18n
from playground.ui.settings import Settings

CsvProvider = Callable[[], tuple[Sequence[str], Iterable[Sequence]]]


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    """The save dialog, starting in the last folder; '' if cancelled. (Tests replace this function.)"""
    settings = Settings()
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(settings.last_folder()) / suggested), filters)
    if path:
        settings.set_last_folder(Path(path).parent)
    return path


def export_image(plot: pg.PlotWidget, path: str | os.PathLike) -> None:
    """PNG or SVG (by the file's suffix) of the whole plot: axes, title, legend and curves."""
    path = str(path)
    custom = getattr(plot, "export_image", None)
    if callable(custom):  # a view that is no pyqtgraph plot draws itself (the Autograd lab's graph)
        custom(path)
        return
    with _drawn_afresh(plot):
        _export_plot(plot, path)


@contextmanager
def _drawn_afresh(plot: pg.PlotWidget):
    """Items that cache their picture on screen (static curves under a live one) are drawn as lines for an
    export: an SVG keeps them as vectors, a PNG wider than the screen keeps them sharp."""
    cached = [item for item in plot.scene().items() if item.cacheMode() != QGraphicsItem.NoCache]
    modes = [item.cacheMode() for item in cached]
    for item in cached:
        item.setCacheMode(QGraphicsItem.NoCache)
    try:
        yield
    finally:
        for item, mode in zip(cached, modes):
            item.setCacheMode(mode)


def _export_plot(plot: pg.PlotWidget, path: str) -> None:
    if path.lower().endswith(".svg"):
        # Qt's own SVG generator: pyqtgraph's SVGExporter cannot parse the path data Qt 6.11 writes.
        from PySide6.QtCore import QRect, QSize
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgGenerator

        size = QSize(max(1, plot.width()), max(1, plot.height()))
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle("NN Playground")
        painter = QPainter(generator)
        try:
            plot.render(painter)
        finally:
            painter.end()
        if not Path(path).is_file():
            raise OSError(f"could not write {path}")
        return
    import pyqtgraph.exporters as exporters

    exporter = exporters.ImageExporter(plot.getPlotItem())
    exporter.parameters()["width"] = max(800, int(plot.width() * plot.devicePixelRatioF()))
    exporter.export(path)
    if not Path(path).is_file():
        raise OSError(f"could not write {path}")


def table_csv(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None or (isinstance(v, float) and math.isnan(v)) else _cell(v) for v in row])
    return out.getvalue()


def _cell(value):
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.9g}"
    return value


def save_csv(path: str | os.PathLike, header: Sequence[str], rows: Iterable[Sequence]) -> None:
    write_text_atomic(path, table_csv(header, rows))


def loss_rows(train: np.ndarray, test_steps: Sequence[int] = (), test_values: Sequence[float] = (),
              train_steps: Sequence[float] | None = None):
    """Header and rows for a loss history: step, train loss, test loss (where measured).
    ``train_steps``: the step of each train value when it is not one per step (a long, averaged history)."""
    tests = {int(s): float(v) for s, v in zip(test_steps, test_values)}
    train = np.asarray(train).reshape(-1)
    steps = range(1, train.size + 1) if train_steps is None else [float(s) for s in train_steps]
    rows = [(s, float(v), tests.get(s)) for s, v in zip(steps, train)]
    return ("step", "train_loss", "test_loss"), rows


def confusion_rows(matrix, labels: Sequence[str] | None = None):
    """Header and rows for a confusion matrix (rows = true class, columns = predicted)."""
    matrix = np.asarray(matrix)
    labels = [str(i) for i in range(matrix.shape[0])] if labels is None else [str(x) for x in labels]
    header = ["true \\ predicted"] + labels
    return header, [[labels[i]] + [int(v) for v in matrix[i]] for i in range(matrix.shape[0])]


class _Exporter(QObject):
    """Right-click actions on ``widget`` that save what it shows, with texts in the current language."""

    def __init__(self, widget: QWidget, name: str, csv: CsvProvider | None) -> None:
        super().__init__(widget)
        self.widget, self.name, self.csv = widget, name, csv
        widget.setContextMenuPolicy(Qt.ActionsContextMenu)

    def _action(self, slot) -> QAction:
        action = QAction(self.widget)
        action.triggered.connect(slot)
        self.widget.addAction(action)
        return action

    def _follow_language(self) -> None:
        self.retranslate()
        # Not an event filter on the widget: that would call Python on every repaint (GIL, see README "Design").
        i18n.manager().changed.connect(self.retranslate)

    def retranslate(self, *_args) -> None:
        raise NotImplementedError

    def _ask_path(self, title: str, kind: str, filters: str) -> str:
        """The file to save to, ending in ``.kind``; '' if cancelled."""
        path = ask_save_path(self.widget.window(), title, f"{self.name}.{kind}", filters)
        if path and not path.lower().endswith("." + kind):
            path += "." + kind
        return path

    def _tell(self, text: str) -> None:
        window = self.widget.window()
        if hasattr(window, "show_message"):
            window.show_message(text)

    def _done(self, path: str) -> None:
        self._tell(self.tr("Saved {path}").format(path=path))

    def _failed(self, exc: Exception) -> None:
        detail = getattr(exc, "strerror", None) or i18n.core_text(exc)
        self._tell(self.tr("Could not save the file: {detail}").format(detail=detail))

    def _write_csv(self, path: str) -> str | None:
        if not path:
            return None
        try:
            save_csv(path, *self.csv())
        except OSError as exc:
            self._failed(exc)
            return None
        self._done(path)
        return path


class PlotExport(_Exporter):
    """The right-click actions of one plot."""

    def __init__(self, plot: pg.PlotWidget, name: str, csv: CsvProvider | None = None) -> None:
        super().__init__(plot, name, csv)
        self.plot = plot
        self.png_action = self._action(lambda: self.save_image("png"))
        self.svg_action = self._action(lambda: self.save_image("svg"))
        self.csv_action = None if csv is None else self._action(self.save_csv)
        self._hint = ""  # the tooltip this exporter set; a lab's own tooltip is never replaced
        self._follow_language()

    def retranslate(self, *_args) -> None:
        self.png_action.setText(self.tr("Save image (PNG)…"))
        self.svg_action.setText(self.tr("Save image (SVG)…"))
        if self.csv_action is not None:
            self.csv_action.setText(self.tr("Save data (CSV)…"))
        if self.plot.toolTip() in ("", self._hint):
            self._hint = self.tr("Right-click to save this plot as an image, or its data as CSV")
            self.plot.setToolTip(self._hint)

    def save_image(self, kind: str) -> str | None:
        filters = self.tr("PNG images (*.png)") if kind == "png" else self.tr("SVG drawings (*.svg)")
        path = self._ask_path(self.tr("Save the plot as an image"), kind, filters)
        if not path:
            return None
        try:
            export_image(self.plot, path)
        except Exception as exc:  # an exporter failure must never become a traceback dialog
            self._failed(exc)
            return None
        self._done(path)
        return path

    def save_csv(self) -> str | None:
        return self._write_csv(self._ask_path(self.tr("Save the plot's data as CSV"), "csv",
                                              self.tr("CSV tables (*.csv)")))


def install_plot_export(plot: pg.PlotWidget, name: str, csv: CsvProvider | None = None) -> PlotExport:
    exporter = PlotExport(plot, name, csv)
    plot.plot_export = exporter  # keep it alive with the plot
    return exporter


class TableExport(_Exporter):
    """A right-click "Save as CSV…" on a widget that shows a table (a QTableWidget of results)."""

    def __init__(self, widget: QWidget, name: str, csv: CsvProvider) -> None:
        super().__init__(widget, name, csv)
        self.csv_action = self._action(self.save_csv)
        self._follow_language()

    def retranslate(self, *_args) -> None:
        self.csv_action.setText(self.tr("Save as CSV…"))

    def save_csv(self) -> str | None:
        return self._write_csv(self._ask_path(self.tr("Save the table as CSV"), "csv", self.tr("CSV tables (*.csv)")))


def install_table_export(widget: QWidget, name: str, csv: CsvProvider) -> TableExport:
    exporter = TableExport(widget, name, csv)
    widget.table_export = exporter  # keep it alive with the widget
    return exporter
