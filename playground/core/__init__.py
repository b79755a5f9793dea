"""Qt-free core: configs, models, data, training loops, persistence, benchmarks.

Nothing in this package may import PySide6, pyqtgraph or the ui/workers layers,
and importing the package itself must stay cheap (torch is imported by the
modules that need it, not here).
"""
