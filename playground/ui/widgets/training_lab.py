"""What the Curve and Classification labs do alike around their training thread."""

from __future__ import annotations

from PySide6.QtCore import Slot


class TrainingLabMixin:
    """Mixed into a lab (before QWidget) with ``controls`` (``set_devices``), ``_set_interactive``, a
    ``ready`` signal, ``transport``, ``error_label``, ``message``, ``_config`` and ``_state``.
    (PySide's ``tr`` looks these strings up along the class's MRO, so they translate in either lab.)
    """

    def _become_ready(self) -> None:
        self._is_ready = True
        from playground.core.devices import available_devices  # torch is loaded by now

        self.controls.set_devices(available_devices())
        self._set_interactive(True)
        self.ready.emit()

    @Slot(str)
    def _on_failed(self, detail: str) -> None:
        self.transport.set_playing(False)
        self.error_label.setText(self.tr("Training stopped because of an error: {detail}\nPress Reset to start again.").format(detail=detail))
        self.error_label.show()
        self.transport.setEnabled(True)
        self.message.emit(self.tr("Training stopped because of an error."))

    def _status_line(self, progress, loss: float | None, test_loss: float | None) -> str:
        """The status bar: step, losses, speed, device; "Loading PyTorch…" before the first report."""
        if progress is None:
            return self.tr("Loading PyTorch…") if not self._is_ready else ""
        device = self._config.device.upper() if self._config.device == "cpu" else self._config.device
        parts = [self.tr("Step {step}").format(step=progress.step),
                 self.tr("loss {loss}").format(loss=format_loss(loss))]
        if test_loss is not None:
            parts.append(self.tr("test {loss}").format(loss=format_loss(test_loss)))
        parts.append(self.tr("{rate} steps/s").format(rate=f"{progress.steps_per_s:,.0f}"))
        parts.append(device)
        if self._state == "diverged":
            parts.append(self.tr("DIVERGED"))
        return "  ·  ".join(parts)


def format_loss(value: float | None) -> str:
    """A loss for the status bar and tables: 4 significant digits, '–' when there is none."""
    return "–" if value is None else f"{value:.4g}"
