"""Small measuring tools shared by the benchmarks."""

from __future__ import annotations

import time

import numpy as np


def percentile(values, q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=np.float64), q)) if len(values) else float("nan")


class TimerLateness:
    """Records how late a repeating Qt timer fires on the GUI thread (a proxy for UI smoothness)."""

    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.interval = interval_ms / 1000
        self.samples: list[float] = []
        self._last: float | None = None
        self._timer = QTimer()
        self._timer.setTimerType(Qt.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.samples.append(max(0.0, now - self._last - self.interval) * 1000)
        self._last = now

    def p99_ms(self) -> float:
        return percentile(self.samples, 99)


def wait_until(app, condition, timeout_s: float, poll_ms: int = 20) -> bool:
    """Run the Qt event loop until ``condition()`` holds or the timeout passes.

    A real event loop, not a processEvents() spin: spinning in Python would
    hold the GIL and slow the training thread we are measuring.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():
        return True
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s
    result = [False]

    def check() -> None:
        if condition():
            result[0] = True
            loop.quit()
        elif time.perf_counter() >= deadline:
            loop.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(poll_ms)
    loop.exec()
    timer.stop()
    return result[0]
