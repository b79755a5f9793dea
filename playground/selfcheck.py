"""``nn-playground selfcheck``: is this installation complete? Prints each check, exits 1 on a problem.

Core checks (data, models) come from ``core/desktop/selfcheck.py``; the translations and the Chinese
font need Qt (an offscreen QGuiApplication: no display is needed).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from playground.core.desktop.selfcheck import Check, core_checks, translation_file

CJK_SAMPLE = "学习率"  # characters the Chinese UI needs (learning rate)
FONT_HINT = "install one (Debian/Ubuntu: sudo apt-get install fonts-wqy-microhei or fonts-noto-cjk)"


def check_translations() -> Check:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    path = translation_file()
    if not translator.load(str(path)):
        return Check("translations", False, f"cannot load {path}")
    sample = translator.translate("MainWindow", "NN Playground")
    if not sample or sample == "NN Playground":
        return Check("translations", False, f"{path} loads but has no Chinese for the window title")
    return Check("translations", True, f"{path.name}: 'NN Playground' → '{sample}'")


def fontconfig_cjk_families() -> list[str] | None:
    """What fontconfig lists for Chinese (None when fc-list is not installed)."""
    if shutil.which("fc-list") is None:
        return None
    out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=60).stdout
    return sorted({line.split(",")[0].strip() for line in out.splitlines() if line.strip()})


def check_cjk_font() -> Check:
    """The app's own test (Qt's font database), then whether such a font really draws the sample."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    drawing = [f for f in families if all(QFontMetrics(QFont(f)).inFontUcs4(ord(c)) for c in CJK_SAMPLE)]
    fontconfig = fontconfig_cjk_families()
    seen_by_fc = "" if fontconfig is None else f"; fontconfig lists {len(fontconfig)} Chinese font(s)"
    if not drawing:
        return Check("CJK font", False, f"no installed font draws Chinese ({len(families)} claim to{seen_by_fc}): "
                                        f"the app would stay in English; {FONT_HINT}")
    return Check("CJK font", True, f"{drawing[0]} draws {CJK_SAMPLE}{seen_by_fc}")


def run_selfcheck(out=None) -> int:
    out = out or sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # fonts and translators need an app, not a screen
    from PySide6.QtGui import QGuiApplication

    import playground

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # fonts and translators need it
    checks = core_checks()
    for name, check in (("translations", check_translations), ("CJK font", check_cjk_font)):
        try:
            checks.append(check())
        except Exception as exc:  # report, never crash
            checks.append(Check(name, False, f"{type(exc).__name__}: {exc}"))
    print(f"NN Playground {playground.__version__} (Python {sys.version.split()[0]}, {playground.__file__})", file=out)
    for check in checks:
        print(f"  [{'ok' if check.ok else 'FAIL'}] {check.name}: {check.detail}", file=out)
    problems = [c for c in checks if not c.ok]
    print("selfcheck: all good" if not problems else f"selfcheck: {len(problems)} problem(s)", file=out)
    del app  # kept alive until here
    return 1 if problems else 0
