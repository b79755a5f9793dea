"""What the Curve and Classification jobs share: an optimizer built on first use, and settings that
change while training (``apply``) without losing the weights where they can."""

from __future__ import annotations

from typing import Any

from playground.core.training.commands import CommandJob
from playground.core.training.components import OPTIMIZERS, update_hyperparameters
from playground.core.persistence.optimizer_state import SavedOptimizer, optimizer_snapshot, restore_optimizer
from playground.core.training.runtime import first_import_of


class LiveConfigJob(CommandJob):
    """A subclass defines ``_build(config)`` (sets ``self.config``, the model and ``self._optimizer = None``)
    and may override ``_weight_decay`` and ``_apply_live``. Its config has ``live_changes(old)``,
    ``optimizer``, ``lr`` and ``momentum``."""

    def _weight_decay(self, config) -> float | None:
        """The optimizer's weight decay for ``config`` (None: the config has none to change live)."""
        return None

    @property
    def optimizer(self):
        # Built lazily: the first torch optimizer of a process imports
        # torch._dynamo (about a second), which need not delay the first picture.
        if self._optimizer is None:
            c = self.config
            with first_import_of("torch._dynamo"):
                self._optimizer = OPTIMIZERS.create(c.optimizer, self.model.parameters(), c.lr, c.momentum,
                                                    self._weight_decay(c) or 0.0)
        return self._optimizer

    @property
    def built_optimizer(self):
        """The optimizer if it exists yet (it has state to save), else None; builds nothing."""
        return self._optimizer

    def warm_up(self) -> None:
        """Build what the first step needs; the loop calls this after its first report and after commands."""
        self.optimizer

    def reset(self, config=None) -> None:
        self._build(config or self.config)

    def apply(self, config) -> str:
        """Switch to ``config``; returns "live" if weights were kept, "restart" if rebuilt, "" if unchanged."""
        live, restart = config.live_changes(self.config)
        if restart:
            self._build(config)
            return "restart"
        if not live:
            return ""
        old, self.config = self.config, config
        self._apply_live(old, config)
        if config.optimizer != old.optimizer:
            self._optimizer = None
        elif self._optimizer is not None:
            update_hyperparameters(self._optimizer, config.optimizer, config.lr, config.momentum,
                                   self._weight_decay(config))
        return "live"

    def _apply_live(self, old, new) -> None:
        """Anything besides the optimizer that changes in place (the Curve job's loss)."""


# -- sessions: a running Curve- or Classification-lab job, on its worker thread --------------------------------------
def load_into_job(job, config, weights: dict[str, Any] | None, step: int | None,
                  optimizer: SavedOptimizer | None = None, notes: list | None = None) -> int:
    """Rebuild ``job`` for ``config`` and, if given, load the saved weights, step and optimizer state;
    returns the new generation. Why a saved optimizer state was skipped goes into ``notes``."""
    job.reset(config)
    if weights is not None:
        job.model.load_state_dict({name: tensor.to(job.device) for name, tensor in weights.items()})
        job.step_count = int(step or 0)
        if optimizer is not None:
            note = restore_optimizer(job.optimizer, optimizer, config.optimizer)
            if note is not None and notes is not None:
                notes.append(note)
    return job.generation


def job_weights(job) -> tuple[dict[str, Any], int]:
    """A CPU copy of the job's weights and its step count."""
    return {name: t.detach().cpu().clone() for name, t in job.model.state_dict().items()}, job.step_count


def job_optimizer(job) -> SavedOptimizer | None:
    """A CPU copy of the job's optimizer state; None before its first step."""
    return optimizer_snapshot(job.config.optimizer, job.built_optimizer)
