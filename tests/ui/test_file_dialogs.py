"""Ask for a path, then act on it: the action runs with the chosen path, and not at all when cancelled."""

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget

from playground.ui.widgets.file_dialogs import open_file, open_folder, save_file


@pytest.mark.parametrize("chosen", ["/somewhere/model.pt", ""])
def test_the_action_gets_the_chosen_path_only(qtbot, monkeypatch, chosen):
    parent = QWidget()
    qtbot.addWidget(parent)
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (asked.append(a) or (chosen, "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (asked.append(a) or (chosen, "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: asked.append(a) or chosen)
    got = []
    open_file(parent, "Open", "Models (*.pt)", then=got.append)
    save_file(parent, "Save", "model.pt", "Models (*.pt)", then=got.append)
    open_folder(parent, "Folder", then=got.append)
    assert got == ([chosen] * 3 if chosen else [])
    assert asked == [(parent, "Open", "", "Models (*.pt)"), (parent, "Save", "model.pt", "Models (*.pt)"),
                     (parent, "Folder")]
