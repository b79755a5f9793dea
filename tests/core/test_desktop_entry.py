"""--install-desktop-entry / --uninstall-desktop-entry against a temporary XDG_DATA_HOME."""

import configparser
import sys

import pytest

from playground.core.desktop import entry as desktop_entry

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="freedesktop entries are for Linux")


@pytest.fixture
def xdg(tmp_path, monkeypatch):
    root = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(root))
    return root


def test_install_writes_entry_icon_and_mime_type(xdg):
    written = desktop_entry.install()
    assert {p.relative_to(xdg).as_posix() for p in written} == {
        "applications/nn-playground.desktop", "icons/hicolor/scalable/apps/nn-playground.svg",
        "icons/hicolor/scalable/mimetypes/application-x-nnplay.svg", "mime/packages/nn-playground.xml"}
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(xdg / "applications" / "nn-playground.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Icon"] == "nn-playground"
    assert section["MimeType"] == "application/x-nnplay;"
    assert section["Exec"].endswith(" %f")  # the double-clicked session is passed to the app
    assert "<svg" in (xdg / "icons/hicolor/scalable/apps/nn-playground.svg").read_text()
    mime = (xdg / "mime/packages/nn-playground.xml").read_text()
    assert 'type="application/x-nnplay"' in mime and 'pattern="*.nnplay"' in mime


def test_uninstall_removes_exactly_what_install_wrote(xdg):
    other_entry = xdg / "applications" / "someone-else.desktop"
    other_entry.parent.mkdir(parents=True)
    other_entry.write_text("[Desktop Entry]\nName=Other\n")
    desktop_entry.install()
    desktop_entry.install()  # installing twice updates, and is still undone by one uninstall
    removed = desktop_entry.uninstall()
    assert len(removed) == 5  # four files and the manifest
    assert other_entry.read_text() == "[Desktop Entry]\nName=Other\n"
    left = {p.relative_to(xdg).as_posix() for p in xdg.rglob("*") if p.is_file()}
    assert "applications/someone-else.desktop" in left
    assert not any("nn-playground" in name or "nnplay" in name for name in left), left
    assert not (xdg / "icons").exists()  # folders it created are gone when empty
    assert desktop_entry.uninstall() == []  # nothing left to remove


def test_exec_line_quotes_paths_with_spaces():
    assert desktop_entry._exec_line(["/opt/my apps/python", "-m", "playground"]) == \
        '"/opt/my apps/python" -m playground %f'


def test_command_line_installs_and_uninstalls(xdg, capsys):
    from playground.__main__ import main

    assert main(["--install-desktop-entry"]) == 0
    assert (xdg / "applications" / "nn-playground.desktop").is_file()
    assert main(["--uninstall-desktop-entry"]) == 0
    assert not (xdg / "applications" / "nn-playground.desktop").exists()
    out = capsys.readouterr().out
    assert "wrote " in out and "removed " in out


def test_version_is_printed(capsys):
    from playground import __version__
    from playground.__main__ import main

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == __version__
