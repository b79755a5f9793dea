"""Lab bases for labs that train through a LoopThread (see ui/lab_base.py for the hooks).

- ``LoopLab``: a transport bar (Play/Pause, Step, Reset, pace) driving one LoopThread.
- ``TrainingLab``: a LoopLab over a config dataclass with a settings panel (``controls``), presets,
  the device list, a loss plot, the error line and the status line, and sessions that carry the
  trained weights, optimizer state and loss history (the Curve and Classification labs).
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any, Callable

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from playground.core.training.commands import ApplyConfig, CallOnJob, Reset, WorkerError
from playground.core.config import from_dict, keep_valid, to_dict
from playground.core.training.loop import Progress
from playground.ui.export import install_plot_export, loss_rows
from playground.ui.i18n import core_text
from playground.ui.lab_base import Lab, log_worker_error
from playground.workers.loop_thread import LoopThread

TRAINING_KEYS = ("weights", "step", "loss_history", "optimizer")  # what a session saves of a trained job
SECONDARY_REFRESH_S = 0.2  # the loss plot and status text refresh at 5 Hz; the main view follows every report


class LoopLab(Lab):
    """A lab with ``transport`` (a TransportBar, built by the subclass) over ``_loop`` (its LoopThread).

    Subclasses build the bar and call ``connect_transport()``; ``make_job()`` returns the job factory
    run on the worker thread, ``on_progress``/``on_failed`` (a WorkerError) receive its reports;
    ``send(command)`` hands a typed command (core/training/commands.py) to the job.
    """

    ready = Signal()  # the first report of a fresh worker has arrived: the model exists
    trainingReady = Signal()  # the worker reports its warm-up done: a Play press now steps at once
    workerStarted = Signal()  # a new worker thread runs (commands posted now reach its job)
    thread_name = ""  # the worker thread's name; "<key>-training" if not given
    uses_torch = True  # the worker sets torch's thread count first (a numpy-only job need not import torch)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._loop: LoopThread | None = None
        self._is_ready = False
        self._training_ready = False

    # -- the worker ------------------------------------------------------------------------
    def make_job(self) -> Callable[[], Any]:
        """A callable that builds the job on the worker thread (torch is imported there)."""
        raise NotImplementedError

    def on_progress(self, progress: Progress) -> None:
        raise NotImplementedError

    def on_failed(self, error: WorkerError) -> None:
        log_worker_error(error)
        self.transport.set_playing(False)
        self.message.emit(error.detail())

    def start_backend(self) -> None:
        """Create the job in a worker thread (torch loads there, after the window is up); idempotent."""
        if self.backend_running():
            return
        self._loop = LoopThread(self.make_job(), self, name=self.thread_name or f"{self.key}-training",
                                uses_torch=self.uses_torch)
        self._training_ready = False
        self._loop.progress.connect(self._on_report)
        self._loop.failed.connect(self.on_failed)
        self.backend_starting()
        self._loop.start()
        self.backend_started()
        self.workerStarted.emit()

    def backend_starting(self) -> None:
        """Just before the worker starts (forget the last worker's reports)."""

    def backend_started(self) -> None:
        """Just after the worker started (post what it must know first)."""

    def worker(self) -> LoopThread | None:
        """The lab's LoopThread (None before start_backend); benchmarks read its job, read-only."""
        return self._loop

    def backend_running(self) -> bool:
        return self._loop is not None and self._loop.is_running() and not self._loop.control.stopped

    def send(self, command) -> None:
        """``job.handle(command)`` on the worker thread between two steps (nothing when there is no worker)."""
        if self._loop is not None and not self._loop.control.stopped:
            self._loop.control.send(command)

    def call_job(self, fn: Callable[[Any], Any]) -> Any | None:
        """``fn(job)`` on the worker thread, waited for; None without a worker (or no answer)."""
        return self._loop.call(fn) if self.backend_running() else None

    def shutdown(self) -> None:
        """Stop and join the training thread (window closing, app quitting)."""
        if self._loop is not None:
            self._loop.stop()
            self._loop = None

    def is_ready(self) -> bool:
        return self._is_ready

    def is_training_ready(self) -> bool:
        """The worker has reported its warm-up done (the first optimizer's imports): Play trains at once."""
        return self._training_ready

    @Slot(object)
    def _on_report(self, progress: Progress) -> None:
        # One slot per report (each Python slot the worker's signal calls costs the training thread GIL time).
        if progress.warm and not self._training_ready:
            self._training_ready = True
            self.trainingReady.emit()
        self.on_progress(progress)

    # -- transport ---------------------------------------------------------------------------
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
        if playing and self._loop is None:
            self.start_backend()  # pressed before the window started the lab's worker: start it now
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
        if not self.transport.isEnabled():
            return
        if self._loop is None:
            self.start_backend()
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
        config = self.config()
        self._loop.control.send(Reset(config))


class TrainingLab(LoopLab):
    """A LoopLab over ``config_type`` whose subclass builds ``controls`` (configChanged, set_config,
    set_devices, device_box), ``preset_box`` over ``presets``, ``loss_plot`` (a LossPlot) and ``error_label``."""

    presets: dict[str, Any] = {}
    redrawn = Signal()  # after each redraw of the lab's main plot (benchmarks count these)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._config = self.config_type()
        self._generation = -1
        self._last_secondary = 0.0
        self._last_progress: Progress | None = None
        self._state = "paused"
        self._history_restore: AfterRestore | None = None
        self._pending_session: dict | None = None  # a session with weights opened before the worker started

    def connect_controls(self) -> None:
        self.connect_transport()
        self.controls.configChanged.connect(self._on_config_changed)
        self.preset_box.activated.connect(self._on_preset)
        install_plot_export(self.loss_plot.widget, f"{self.key}_loss", csv=self.loss_history_rows)

    def backend_starting(self) -> None:
        self._generation = -1

    def backend_started(self) -> None:
        if self._pending_session is not None:
            self.restore_session(self._pending_session)  # now the weights can be loaded

    def wait_for_worker(self, state: dict[str, Any]) -> bool:
        """True when there is no worker yet: start_backend() builds the job from the restored config and
        then restores ``state`` again for its weights (kept until then, and saved as they came)."""
        if self.backend_running():
            self._pending_session = None
            return False
        self._pending_session = state if state.get("weights") is not None else None
        return True

    def last_progress(self) -> Progress | None:
        """The latest report from the training thread (None before the first)."""
        return self._last_progress

    def _set_interactive(self, enabled: bool) -> None:
        self.transport.setEnabled(enabled)

    # -- configuration -------------------------------------------------------------------------
    def config(self):
        return self._config

    def set_config(self, config) -> None:
        """Load a whole config (preset, session, lesson): the run restarts from step 0."""
        self.controls.set_config(config)
        self._on_config_changed(config)

    def retranslate_presets(self, names: dict[str, str], tooltip: str) -> None:
        """The preset label and box in the current language; ``names``: preset key → its title."""
        self.preset_label.setText(self.tr("Preset"))
        self.preset_box.setItemText(0, self.tr("Choose a preset…"))
        for i in range(1, self.preset_box.count()):
            key = self.preset_box.itemData(i)
            self.preset_box.setItemText(i, names.get(key, key))
        self.preset_box.setToolTip(tooltip)

    @Slot(int)
    def _on_preset(self, index: int) -> None:
        key = self.preset_box.itemData(index)
        if key in self.presets:
            self.set_config(replace(self.presets[key], device=self._config.device))
            self.message.emit(self.tr("Preset loaded: press Play (Space) to train."))
        self.preset_box.setCurrentIndex(0)

    @Slot(object)
    def _on_config_changed(self, config) -> None:
        # Invalid values (a custom expression being typed) keep their last good value; every other change applies.
        config, problems = keep_valid(config, self._config)
        self.show_config_problems(problems)
        live, restart = config.live_changes(self._config)
        self.before_config_change(config)
        self._config = config
        if self._loop is None or not (live or restart):
            return
        self._loop.control.send(ApplyConfig(config))
        if restart:
            self.message.emit(self.tr("Network or data changed: training restarted from step 0."))

    def show_config_problems(self, problems: dict) -> None:
        """Invalid fields of the last change (their last good value was kept)."""

    def before_config_change(self, config) -> None:
        """``config`` is about to replace ``self._config``."""

    # -- reports ---------------------------------------------------------------------------
    def take_progress(self, progress: Progress) -> bool:
        """Book-keeping every report needs; True when a new generation (a rebuilt job) begins."""
        fresh = progress.generation != self._generation
        if fresh:
            self._generation = progress.generation
            self.loss_plot.reset()
            if not self._is_ready:
                self._become_ready()
        self._last_progress = progress
        return fresh

    def follow_state(self, progress: Progress, loss_test: float | None) -> None:
        """The loss plot, the state change and (at 5 Hz) the status line, after the main view."""
        self.loss_plot.add(progress.losses, progress.step, loss_test)
        previous, self._state = self._state, progress.state
        if progress.state in ("diverged", "finished") or previous != progress.state:
            self.on_state(progress.state)
        now = time.perf_counter()
        if now - self._last_secondary >= SECONDARY_REFRESH_S or progress.state != "running":
            self._last_secondary = now
            self.loss_plot.redraw()
            self.update_status()

    def on_state(self, state: str) -> None:
        """The loop's state changed (or stays diverged/finished)."""
        if state in ("diverged", "finished"):
            self.transport.set_playing(False)
        if state == "diverged":
            text = self.tr("Diverged: the loss became NaN or infinite.\nTry a smaller learning rate, then press Reset.")
            self.show_plot_message(text)
            self.message.emit(text.replace("\n", " "))
        elif state == "finished":
            self.message.emit(self.tr("Reached the step limit: press Play to continue training."))
        elif state == "running":
            self.hide_plot_message()

    def show_plot_message(self, text: str) -> None:
        """Show ``text`` over the lab's main plot."""

    def hide_plot_message(self) -> None:
        """Hide the main plot's message."""

    def update_status(self) -> None:
        """Refresh the status line (and whatever else follows the losses)."""

    def before_resume(self) -> None:
        if self._state == "diverged":
            self.message.emit(self.tr("The loss diverged; training goes on, but a smaller learning rate and Reset will help."))

    def _become_ready(self) -> None:
        self._is_ready = True
        from playground.core.training.devices import available_devices  # torch is loaded by now

        self.controls.set_devices(available_devices())
        self._set_interactive(True)
        self.ready.emit()

    @Slot(object)
    def on_failed(self, error: WorkerError) -> None:
        log_worker_error(error)
        detail = error.detail()
        self.transport.set_playing(False)
        self.error_label.setText(self.tr("Training stopped because of an error: {detail}\nPress Reset to start again.").format(detail=detail))
        self.error_label.show()
        self.transport.setEnabled(True)
        self.message.emit(self.tr("Training stopped because of an error."))

    def status_line(self, progress, loss: float | None, test_loss: float | None) -> str:
        """The status bar: step, losses, speed, device; "Loading PyTorch…" before the first report."""
        if progress is None:
            return self.tr("Loading PyTorch…") if not self._is_ready else ""
        device = self._config.device.upper() if self._config.device == "cpu" else self._config.device
        parts = [self.tr("Step {step}").format(step=progress.step),
                 self.tr("loss {loss}").format(loss=format_loss(loss))]
        if test_loss is not None:
            parts.append(self.tr("test {loss}").format(loss=format_loss(test_loss)))
        if progress.warm:
            parts.append(self.tr("{rate} steps/s").format(rate=f"{progress.steps_per_s:,.0f}"))
        else:  # the first optimizer's one-off imports: Play is taken and trains once they are done
            parts.append(self.tr("getting ready to train…"))
        parts.append(device)
        if self._state == "diverged":
            parts.append(self.tr("DIVERGED"))
        return "  ·  ".join(parts)

    # -- sessions with trained state -------------------------------------------------------------
    def session_state(self, with_training: bool = False) -> dict[str, Any]:
        """{"config": dict} plus, if asked and a model exists, "weights", "step", "loss_history" and
        "optimizer" (its state, so that training resumes without a bump)."""
        from playground.core.training.live_job import job_optimizer, job_weights

        state: dict[str, Any] = {"config": to_dict(self.config())}
        pending = self._pending_session  # opened before the tab was first shown: not loaded yet
        if with_training and pending is not None:
            state.update({key: pending[key] for key in TRAINING_KEYS if pending.get(key) is not None})
            return state
        if not with_training or not self._is_ready:
            return state
        got = self.call_job(lambda job: (*job_weights(job), job_optimizer(job)))
        if got is not None:
            weights, step, optimizer = got
            state.update(weights=weights, step=step, loss_history=self.loss_plot.train_history.values().copy())
            if optimizer is not None:  # None before the first step: a fresh optimizer is then right
                state["optimizer"] = optimizer
        return state

    def restore_config(self, config) -> None:
        """Show a restored config (device made usable here), paused, with no error showing."""
        config = replace(config, device=self.usable_device(config.device))
        self.pause()
        self.controls.set_config(config)
        self.show_config_problems({})
        self._config = config
        self.error_label.hide()
        self.hide_plot_message()

    def restore_training(self, load: Callable[[Any, list], int], state: dict[str, Any]) -> None:
        """``load(job, notes) -> generation`` rebuilds the job on the worker thread; the saved loss
        history goes into the plot with its first report, and why a saved optimizer state was skipped
        goes to the status bar."""
        generation: list[int] = []
        notes: list = []
        self._loop.control.send(CallOnJob(lambda job: generation.append(load(job, notes))))
        if state.get("weights") is not None:
            history = state.get("loss_history")
            history = None if history is None else np.asarray(history, dtype=np.float32)
            if self._history_restore is not None:
                self._history_restore.finish()  # a session opened again before the last one's first report
            step = state.get("step")
            self._history_restore = AfterRestore(self, self._loop, generation, history, notes,
                                                 lambda history, notes: self.restore_history(history, step, notes))

    def usable_device(self, device: str) -> str:
        """The saved device if this machine offers it, else the CPU."""
        box = self.controls.editor("device")
        index = box.findData(device)
        item = box.model().item(index) if index >= 0 else None
        return device if item is not None and item.isEnabled() else "cpu"

    def restore_history(self, history: np.ndarray | None, step: int | None, notes: list) -> None:
        """A restored job's first report has arrived: its saved loss history (of ``step`` steps) and the
        optimizer notes."""
        if history is not None:
            self.loss_plot.load_history(history, step)
            self.update_status()
        if notes:
            self.message.emit(self.tr("Session opened; the optimizer starts afresh: {reason}").format(
                reason="; ".join(core_text(note) for note in notes)))

    def loss_history_rows(self):
        plot = self.loss_plot
        history = plot.train_history
        return loss_rows(history.values(), plot.test_steps, plot.test_values,
                         None if history.is_exact() else history.steps())  # a long run's history is averaged


class AfterRestore(QObject):
    """Waits for a rebuilt job's first report (``generation`` is filled on the worker thread), then
    calls ``done(history, notes)`` once."""

    def __init__(self, parent: QObject, loop: LoopThread, generation: list[int], history, notes: list,
                 done: Callable[[Any, list], None]) -> None:
        super().__init__(parent)
        self.loop, self.generation, self.history, self.notes, self.done = loop, generation, history, notes, done
        self.waiting = True
        loop.progress.connect(self.on_progress)  # after the lab's own slot: the plot is reset by then

    def finish(self) -> None:
        if self.waiting:
            self.waiting = False
            self.loop.progress.disconnect(self.on_progress)
            self.deleteLater()

    def on_progress(self, progress: Progress) -> None:
        if not self.generation or progress.generation != self.generation[0]:
            return
        self.finish()
        self.done(self.history, self.notes)


def restored_config(config_type: type, state: dict[str, Any]):
    """The config of a validated session entry."""
    config, _problems = from_dict(config_type, state.get("config"))
    return config


def format_loss(value: float | None) -> str:
    """A loss for the status bar and tables: 4 significant digits, '–' when there is none."""
    return "–" if value is None else f"{value:.4g}"
