"""Play/pause, single step and pace for a lab that trains through a LoopThread."""

from __future__ import annotations

from PySide6.QtCore import Slot


class TransportMixin:
    """Mixed into a lab (before QWidget) that has ``self.transport`` (a TransportBar) and
    ``self._loop`` (its LoopThread, or None). ``connect_transport()`` wires the bar. The
    default ``reset()`` also needs ``self._config``, ``self.error_label``, ``start_backend()``
    and ``shutdown()``; a lab may override it, and ``before_resume()``.
    """

    def connect_transport(self) -> None:
        self.transport.playToggled.connect(self._on_play_toggled)
        self.transport.stepRequested.connect(self.step_once)
        self.transport.resetRequested.connect(self.reset)
        self.transport.paceChanged.connect(self._on_pace)

    @Slot()
    def toggle_play(self) -> None:
        if self.transport.isEnabled():
            self.transport.set_playing(not self.transport.playing, emit=True)

    def play(self) -> None:
        if not self.transport.playing:
            self.toggle_play()

    def pause(self) -> None:
        if self.transport.playing:
            self.toggle_play()

    def before_resume(self) -> None:
        """Called just before training resumes (e.g. to warn that the loss diverged)."""

    @Slot(bool)
    def _on_play_toggled(self, playing: bool) -> None:
        if self._loop is None or self._loop.control.stopped:
            self.transport.set_playing(False)
            return
        if playing:
            self.before_resume()
            self._loop.control.resume()
        else:
            self._loop.control.pause()

    @Slot()
    def step_once(self) -> None:
        if self._loop is None or not self.transport.isEnabled():
            return
        if self.transport.playing:
            self.transport.set_playing(False, emit=True)
        self._loop.control.request_step()

    @Slot(object)
    def _on_pace(self, rate) -> None:
        if self._loop is not None:
            self._loop.control.set_steps_per_second(rate)

    @Slot()
    def reset(self) -> None:
        """Fresh weights from the seed, back to step 0, paused; after an error, a new worker."""
        if not self.transport.isEnabled():
            return
        self.error_label.hide()
        self.transport.set_playing(False, emit=True)
        if self._loop is None or self._loop.control.stopped:
            self.shutdown()
            self.start_backend()
            return
        config = self._config
        self._loop.control.post(lambda job: job.reset(config))
