"""Which devices torch can train on here."""

from __future__ import annotations

from dataclasses import dataclass

from playground.core.text import user_text


@dataclass(frozen=True)
class DeviceChoice:
    id: str
    label: str
    available: bool = True
    reason: str = ""  # why it is not available (a translatable core.text.Text)


def available_devices() -> list[DeviceChoice]:
    import torch

    devices = [DeviceChoice("cpu", "CPU")]
    if torch.cuda.is_available():
        for i in range(torch.cuda.device_count()):
            devices.append(DeviceChoice(f"cuda:{i}", f"CUDA {i}: {torch.cuda.get_device_name(i)}"))
    else:
        reason = (user_text("this PyTorch build has no CUDA support") if torch.version.cuda is None
                  else user_text("no NVIDIA GPU or driver was found"))
        devices.append(DeviceChoice("cuda", "CUDA", False, reason))
    return devices
