"""The configuration of one MNIST-lab training run (the notes' MLP by default)."""

from __future__ import annotations

from dataclasses import dataclass

from playground.core.training.components import ACTIVATIONS
from playground.core.training.fields import device_field, device_problems, optimizer_field
from playground.core.config import choice, num

ARCHITECTURES = ("mlp", "cnn")


@dataclass(frozen=True)
class MnistConfig:
    arch: str = choice("mlp", lambda: ARCHITECTURES)
    hidden_width: int = num(128, 8, 1024, kind=int, stops=(16, 32, 64, 128, 256, 512))
    depth: int = num(1, 1, 4, kind=int)
    activation: str = choice("ReLU", ACTIVATIONS.names)
    optimizer: str = optimizer_field()
    lr: float = num(1e-3, 1e-5, 1.0, stops=(1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1), log=True)
    batch_size: int = num(64, 8, 4096, kind=int, stops=(16, 32, 64, 128, 256, 512), advanced=True)
    epochs: int = num(5, 1, 100, kind=int)
    seed: int = num(0, 0, 2**31 - 1, kind=int)
    device: str = device_field()
    train_limit: int = num(0, 0, 10_000_000, kind=int)  # 0 = every training image (tests use a slice)

    def problems(self) -> list[tuple[str, str]]:
        return device_problems(self.device)

    def arch_spec(self) -> dict:
        """The architecture description stored in model files (see mnist_models.build_model)."""
        if self.arch == "cnn":
            return {"arch": "cnn", "activation": self.activation}
        return {"arch": "mlp", "hidden_width": self.hidden_width, "depth": self.depth,
                "activation": self.activation}


def notes_mlp() -> MnistConfig:
    return MnistConfig()


def notes_cnn() -> MnistConfig:
    return MnistConfig(arch="cnn")
