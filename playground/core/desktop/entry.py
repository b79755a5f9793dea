"""Linux desktop integration: a menu entry, the icon, and ``.nnplay`` files opening in the app.

Follows the freedesktop specs: ``applications/nn-playground.desktop``, the icon under
``icons/hicolor/scalable/``, and a shared-MIME-info package declaring ``application/x-nnplay``,
all in ``$XDG_DATA_HOME`` (default ``~/.local/share``). What was written is listed in a manifest,
so that uninstalling removes exactly those files (and the folders it had to create), nothing else.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from playground.core.persistence.atomic_file import atomic_write_bytes
from playground.core.paths import icon_path, xdg_data_home as data_home

APP_ID = "nn-playground"
MIME_TYPE = "application/x-nnplay"
MANIFEST = Path(APP_ID) / "desktop-entry.json"

MIME_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{MIME_TYPE}">
    <comment>NN Playground session</comment>
    <comment xml:lang="zh_CN">NN Playground 课堂会话</comment>
    <icon name="{MIME_TYPE.replace('/', '-')}"/>
    <glob pattern="*.nnplay"/>
  </mime-type>
</mime-info>
"""


def launch_command() -> list[str]:
    """How the menu entry starts this installation: its own ``nn-playground`` script, else ``python -m playground``."""
    script = Path(sys.executable).with_name("nn-playground")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "playground"]


def _exec_line(command: list[str]) -> str:
    # Desktop Entry spec: arguments with reserved characters are double-quoted, with \" \` \$ \\ escaped.
    def quote(arg: str) -> str:
        if not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
            return arg
        return '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'

    return " ".join(quote(arg) for arg in command) + " %f"


def desktop_file_text(command: list[str]) -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        "Name=NN Playground",
        "Name[zh_CN]=NN Playground 神经网络游乐场",
        "GenericName=Neural network playground",
        "GenericName[zh_CN]=神经网络学习",
        "Comment=Learn how neural networks learn by moving sliders",
        "Comment[zh_CN]=拖动滑块，看神经网络如何学习",
        f"Exec={_exec_line(command)}",
        f"TryExec={command[0]}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Education;Science;ArtificialIntelligence;",
        f"MimeType={MIME_TYPE};",
        "StartupWMClass=nn-playground",
        "",
    ])


def planned_files(root: Path) -> dict[Path, bytes]:
    icon = icon_path().read_bytes()
    return {
        root / "applications" / f"{APP_ID}.desktop": desktop_file_text(launch_command()).encode(),
        root / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": icon,
        root / "icons" / "hicolor" / "scalable" / "mimetypes" / f"{MIME_TYPE.replace('/', '-')}.svg": icon,
        root / "mime" / "packages" / f"{APP_ID}.xml": MIME_XML.encode(),
    }


def _refresh_caches(root: Path) -> list[str]:
    """Let the desktop see the change now; the tools are optional (a missing one is skipped)."""
    ran = []
    for tool, folder in (("update-mime-database", root / "mime"), ("update-desktop-database", root / "applications"),
                         ("gtk-update-icon-cache", root / "icons" / "hicolor")):
        if shutil.which(tool) and folder.is_dir():
            args = [tool, "-f", "-t", str(folder)] if tool == "gtk-update-icon-cache" else [tool, str(folder)]
            subprocess.run(args, capture_output=True, timeout=120, check=False)
            ran.append(tool)
    return ran


def _read_manifest(root: Path) -> dict:
    try:
        manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"files": [], "dirs": []}
    if not isinstance(manifest, dict):
        return {"files": [], "dirs": []}
    return {key: [str(p) for p in manifest.get(key, []) if isinstance(p, str)] for key in ("files", "dirs")}


def install(root: Path | None = None) -> list[Path]:
    """Write the entry, icons and MIME type; returns the files written. Installing again updates them."""
    root = data_home() if root is None else root
    manifest = _read_manifest(root)
    files = planned_files(root)
    for path, data in files.items():
        created = []
        folder = path.parent
        while not folder.exists():
            created.append(folder)
            folder = folder.parent
        path.parent.mkdir(parents=True, exist_ok=True)
        manifest["dirs"] += [str(d) for d in reversed(created)]
        atomic_write_bytes(path, data)
        manifest["files"].append(str(path))
    manifest_path = root / MANIFEST
    if not manifest_path.parent.exists():
        manifest["dirs"].append(str(manifest_path.parent))
        manifest_path.parent.mkdir(parents=True)
    manifest = {key: list(dict.fromkeys(values)) for key, values in manifest.items()}
    atomic_write_bytes(manifest_path, json.dumps(manifest, indent=1).encode())
    _refresh_caches(root)
    return list(files)


def uninstall(root: Path | None = None) -> list[Path]:
    """Remove the files the manifest lists, the manifest, then the folders install created if now empty."""
    root = data_home() if root is None else root
    manifest = _read_manifest(root)
    removed = []
    for name in manifest["files"] + [str(root / MANIFEST)]:
        path = Path(name)
        if path.is_file() or path.is_symlink():
            path.unlink()
            removed.append(path)
    _refresh_caches(root)  # while mime/packages still exists: the MIME database forgets the type
    for name in sorted(manifest["dirs"], key=lambda d: len(Path(d).parts), reverse=True):  # deepest first
        try:
            Path(name).rmdir()
        except OSError:
            pass  # not empty (other apps' files, the desktop's own caches) or already gone
    return removed


def cli_install() -> int:
    if not sys.platform.startswith("linux"):
        print("--install-desktop-entry is for Linux desktops (freedesktop.org); nothing was written.")
        return 2
    for path in install():
        print(f"wrote {path}")
    print("NN Playground is in the applications menu; double-clicking a .nnplay file opens it.")
    return 0


def cli_uninstall() -> int:
    removed = uninstall()
    for path in removed:
        print(f"removed {path}")
    if not removed:
        print(f"nothing to remove: no desktop entry was installed in {data_home()}")
    return 0
