"""Rebuild the Chinese translation: code → .ts (pyside6-lupdate) → fill from zh_CN.json → .qm (pyside6-lrelease).

    python scripts/update_translations.py            # update resources/i18n/playground_zh_CN.{ts,qm}
    python scripts/update_translations.py --missing  # print untranslated strings as JSON, ready to translate

The translations themselves live in ``resources/i18n/zh_CN.json``: a JSON object mapping each English
source string (exactly as written in ``self.tr("...")``) to its Chinese text. A key written
``"Context|source"`` overrides the plain one for that class only. Keep technical terms with their English
name in parentheses where learners meet both: "激活函数 (activation)", "学习率 (learning rate)".

Core (``playground/core``, Qt-free) writes user-facing English with ``user_text("template {x}", x=...)``
(core/text.py); those templates are collected here too, under the context "core", and the UI translates them
with ``playground.ui.i18n.core_text``. Their Chinese goes into zh_CN.json like any other string.

The .ts is generated afresh from the code every time (no line numbers, no obsolete entries), so it only
changes when strings or translations change. ``tests/ui/test_i18n.py`` fails when a string has no
translation or when the committed .qm does not match the .ts.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
TS = I18N / "playground_zh_CN.ts"
QM = I18N / "playground_zh_CN.qm"
MAPPING = I18N / "zh_CN.json"
CORE = ROOT / "playground" / "core"
CORE_CONTEXT = "core"  # must match playground.ui.i18n.CORE_CONTEXT
CORE_FUNCTION = "user_text"  # playground.core.text.user_text


def tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found: it ships with PySide6-Essentials (pip install PySide6-Essentials)")
    return found


def source_files() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "playground").rglob("*.py"))


def extract(ts_path: Path) -> None:
    """Fresh .ts with every tr() string of the code and every user_text() template of core (all untranslated)."""
    subprocess.run([tool("pyside6-lupdate"), *source_files(), "-no-obsolete", "-locations", "none", "-silent",
                    "-source-language", "en", "-target-language", "zh_CN", "-ts", str(ts_path)],
                   cwd=ROOT, check=True)
    add_core_context(ts_path, core_templates())


def core_templates(folder: Path = CORE) -> list[str]:
    """The literal first argument of every ``user_text(...)`` call under ``folder``, in order, once each.

    A call whose template is not a plain string literal (an f-string, a variable) could never be translated:
    that stops the script with the file and line to fix.
    """
    found: dict[str, None] = {}
    for path in sorted(folder.rglob("*.py")):
        calls = [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path)))
                 if isinstance(node, ast.Call) and _called_name(node.func) == CORE_FUNCTION]
        for node in sorted(calls, key=lambda call: (call.lineno, call.col_offset)):  # in reading order
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                raise SystemExit(f"{shown}:{node.lineno}: {CORE_FUNCTION}() needs a string "
                                 "literal template (no f-string): pass values as keyword parameters")
            found.setdefault(first.value)
    return list(found)


def _called_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def add_core_context(ts_path: Path, templates: list[str]) -> None:
    """Append a context "core" holding ``templates`` (untranslated) to the .ts lupdate wrote."""
    if not templates:
        return
    tree = ET.parse(ts_path)
    context = ET.SubElement(tree.getroot(), "context")
    ET.SubElement(context, "name").text = CORE_CONTEXT
    for template in templates:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = template
        ET.SubElement(message, "translation").set("type", "unfinished")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)


def messages(ts_path: Path) -> list[tuple[str, str, str | None]]:
    """(context, source, translation or None if unfinished/empty) for every message of a .ts file."""
    out = []
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            text = translation.text if translation is not None else None
            if translation is not None and translation.get("type") in ("unfinished", "vanished", "obsolete"):
                text = None
            out.append((name, message.findtext("source", ""), text or None))
    return out


def load_mapping() -> dict[str, str]:
    return json.loads(MAPPING.read_text(encoding="utf-8")) if MAPPING.exists() else {}


def fill(ts_path: Path, mapping: dict[str, str]) -> list[tuple[str, str]]:
    """Write translations from ``mapping`` into the .ts; returns the (context, source) pairs still missing."""
    tree = ET.parse(ts_path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            text = mapping.get(f"{name}|{source}") or mapping.get(source)
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if text:
                translation.text = text
                translation.attrib.pop("type", None)
            else:
                translation.text = None
                translation.set("type", "unfinished")
                missing.append((name, source))
    ET.indent(tree, space="    ")
    with open(ts_path, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
        f.write(b"\n")
    return missing


def compile_qm(ts_path: Path, qm_path: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_path), "-qm", str(qm_path)], check=True)


def build(out_dir: Path) -> list[tuple[str, str]]:
    """Build .ts and .qm into ``out_dir``; returns the missing translations."""
    ts, qm = out_dir / TS.name, out_dir / QM.name
    extract(ts)
    missing = fill(ts, load_mapping())
    compile_qm(ts, qm)
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--missing", action="store_true", help="print untranslated strings as JSON and exit")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        missing = build(Path(tmp))
        if args.missing:
            print(json.dumps({source: "" for _ctx, source in missing}, ensure_ascii=False, indent=1))
            return 0
        I18N.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(tmp) / TS.name, TS)
        shutil.copyfile(Path(tmp) / QM.name, QM)
    total = len(messages(TS))
    print(f"{TS.relative_to(ROOT)}: {total - len(missing)}/{total} strings translated; {QM.relative_to(ROOT)} rebuilt")
    for context, source in missing:
        print(f"  missing [{context}] {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
