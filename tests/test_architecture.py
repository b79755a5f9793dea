"""The layering rule and the PySide6 pin, checked in fresh interpreters."""

import subprocess
import sys
from pathlib import Path

import pytest

import playground

pytestmark = pytest.mark.slow  # every test starts fresh interpreters

PACKAGE = Path(playground.__file__).parent


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)


def test_importing_core_loads_no_qt():
    core = PACKAGE / "core"
    modules = sorted(".".join(p.relative_to(core).with_suffix("").parts) for p in core.rglob("*.py")
                     if p.stem != "__init__")
    imports = "; ".join(f"import playground.core.{m}" for m in modules)
    code = f"import sys; {imports}; bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'playground.ui', 'playground.workers'))]; print(bad)"
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert len(modules) >= 10  # the check really imported the core


def test_workers_import_no_widgets():
    code = ("import sys, playground.workers.loop_thread; "
            "print([m for m in sys.modules if m.startswith(('PySide6.QtWidgets', 'PySide6.QtGui', 'pyqtgraph', 'playground.ui'))])")
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_gui_start_does_not_import_torchvision_or_torch():
    """The window module loads without torch (torch comes later, in the worker thread)."""
    code = ("import sys, os; os.environ['QT_QPA_PLATFORM']='offscreen'; "
            "from playground.app import create_app; create_app(); "
            "import playground.ui.main_window as m; w = m.MainWindow(); "
            "print('torch' in sys.modules, 'torchvision' in sys.modules)")
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]


def test_many_signal_emits_do_not_crash_the_interpreter():
    """PySide6-Essentials 6.12.0 leaked a reference per emit and aborted CPython 3.11 (NOTES.md)."""
    code = """
from PySide6.QtCore import QCoreApplication, QObject, Signal
class Emitter(QObject):
    ping = Signal(object)
    flag = Signal(bool)
app = QCoreApplication([])
e = Emitter()
seen = [0]
e.ping.connect(lambda v: seen.__setitem__(0, seen[0] + 1))
e.flag.connect(lambda v: None)
for i in range(100_000):
    e.ping.emit(None)
    e.flag.emit(True)
print(seen[0])
"""
    result = _run(code)
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr[-500:]}"
    assert result.stdout.strip() == "100000"


def test_no_module_reads_a_labs_or_a_jobs_private_attributes():
    """Classroom code, benchmarks and core talk to labs and jobs through their public hooks only."""
    import re

    pattern = re.compile(r"\b(lab|job|\w+_lab|labs\[[^]]+\])\._[a-z]\w*")
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                found.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert found == []
    assert pattern.search("lab._loop") and pattern.search("job._optimizer")  # the check can fail
