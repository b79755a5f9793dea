"""The lean training step of a batched sweep group: forward, hand-written backward and optimizer update.

M models of one depth share a layout (``Layers``): all their weights and biases
are contiguous views of one flat vector, stacked along a leading model axis; the
gradient vector has the same layout, so every product writes straight into its
place, and the optimizer updates the whole vector in a handful of ops.

Why it is written like this (measured, issue 17): at 64 runs the step is bound
by passes over the (M, N, H) activations, and by glibc returning ~1 MiB of
temporaries to the system after each step and faulting them in again on the
next. So every buffer is allocated once and reused (``out=`` and in-place ops),
the depth-1 gradients are batched matrix–vector products that never build an
(M, N, H) gradient tensor, and activation derivatives come from torch's own
``*_backward`` kernels (the same formulas autograd uses).
"""

from __future__ import annotations

import math
from typing import Callable

import torch

aten = torch.ops.aten

ADAM_BETAS, ADAM_EPS = (0.9, 0.999), 1e-8
RMSPROP_ALPHA, RMSPROP_EPS = 0.99, 1e-8
ADAGRAD_EPS = 1e-10
HUBER_DELTA = 1.0
LEAKY_SLOPE = 0.01  # nn.LeakyReLU's default, as components.py builds it


class Activation:
    """f applied in place or into a buffer, and f′ written into a buffer by torch's backward kernel.

    ``needs_input``: f′ is computed from z (kept in its own buffer); otherwise from f(z), and f is applied in place.
    """

    def __init__(self, forward: Callable, derivative: Callable | None, needs_input: bool = False) -> None:
        self.forward, self.derivative, self.needs_input = forward, derivative, needs_input


# derivative(grad, z, a, out): out ← grad ⊙ f′(z), by the kernel autograd uses; ``a`` = f(z).
ACTIVATION_STEPS = {
    "ReLU": Activation(lambda z, a: z.relu_(),
                       lambda g, z, a, out: aten.threshold_backward.grad_input(g, a, 0, grad_input=out)),
    "LeakyReLU": Activation(lambda z, a: torch._C._nn.leaky_relu_(z, LEAKY_SLOPE),  # a > 0 exactly where z > 0
                            lambda g, z, a, out: aten.leaky_relu_backward.grad_input(g, a, LEAKY_SLOPE, False,
                                                                                       grad_input=out)),
    "Tanh": Activation(lambda z, a: z.tanh_(),
                       lambda g, z, a, out: aten.tanh_backward.grad_input(g, a, grad_input=out)),
    "Sigmoid": Activation(lambda z, a: z.sigmoid_(),
                          lambda g, z, a, out: aten.sigmoid_backward.grad_input(g, a, grad_input=out)),
    "ELU": Activation(lambda z, a: torch._C._nn.elu(z, out=a),
                      lambda g, z, a, out: aten.elu_backward.grad_input(g, 1.0, 1, 1, False, z, grad_input=out),
                      needs_input=True),
    "GELU": Activation(lambda z, a: torch._C._nn.gelu(z, out=a),
                       lambda g, z, a, out: aten.gelu_backward.grad_input(g, z, grad_input=out),
                       needs_input=True),
    "SiLU": Activation(lambda z, a: torch._C._nn.silu(z, out=a),
                       lambda g, z, a, out: aten.silu_backward.grad_input(g, z, grad_input=out),
                       needs_input=True),
    "Identity": Activation(lambda z, a: None, None),  # f′ = 1: no multiply at all
}


def _mse(diff, n, elementwise, dpred):
    torch.mul(diff, diff, out=elementwise)
    torch.mul(diff, 2.0 / n, out=dpred)


def _l1(diff, n, elementwise, dpred):
    torch.abs(diff, out=elementwise)
    torch.sign(diff, out=dpred).div_(n)


def _huber(diff, n, elementwise, dpred):
    # c = min(|d|, δ) (in dpred for a moment): c·(|d| − c/2) is ½d² inside δ and δ(|d| − δ/2) outside.
    torch.abs(diff, out=elementwise)
    torch.clamp(elementwise, max=HUBER_DELTA, out=dpred)
    elementwise.sub_(dpred, alpha=0.5).mul_(dpred)
    torch.clamp(diff, -HUBER_DELTA, HUBER_DELTA, out=dpred).div_(n)


# loss name → f(pred − target, N, elementwise loss out, d loss / d pred out)
LOSS_STEPS = {"MSE": _mse, "L1": _l1, "Huber": _huber}


class Layers:
    """Views of one flat vector (parameters or gradients) as M stacked MLPs: 1 input, ``depth`` hidden layers
    of ``width`` units, 1 output. ``weights[k]`` is (M, in, out), the transpose of nn.Linear's weight, and
    ``biases[k]`` (M, 1, out). Every view is contiguous, so products write straight into it, except the first
    layer's: its weight and bias rows interleave in one block ``first`` (M, 2, width), which one bmm fills."""

    def __init__(self, flat: torch.Tensor, m: int, width: int, depth: int) -> None:
        self.flat, self.m, self.width, self.depth = flat, m, width, depth
        self.blocks: list[torch.Tensor] = []  # every view, in the order they lie in ``flat``

        def take(*shape: int) -> torch.Tensor:
            start = sum(block.numel() for block in self.blocks)
            self.blocks.append(flat[start:start + shape[0] * shape[1] * shape[2]].view(shape))
            return self.blocks[-1]

        self.first = take(m, 2, width)
        self.weights, self.biases = [self.first[:, :1, :]], [self.first[:, 1:, :]]
        for fan_in, fan_out in [(width, width)] * (depth - 1) + [(width, 1)]:
            self.weights.append(take(m, fan_in, fan_out))
            self.biases.append(take(m, 1, fan_out))

    @staticmethod
    def size(m: int, width: int, depth: int) -> int:
        return m * (2 * width + (depth - 1) * (width + 1) * width + width + 1)

    def per_model(self, values: torch.Tensor) -> torch.Tensor:
        """A flat vector of this layout holding each model's entry of ``values`` (M,) in all its places."""
        return torch.cat([values.reshape(-1, 1).expand(self.m, block[0].numel()).reshape(-1)
                          for block in self.blocks])


class BatchedStep:
    """Forward and backward of the stacked MLPs of ``params`` on one batch of N points, into buffers
    allocated once; ``grads`` receives the gradient (same layout)."""

    def __init__(self, params: Layers, grads: Layers, activation: str, loss: str, n: int) -> None:
        if activation not in ACTIVATION_STEPS or loss not in LOSS_STEPS:
            raise ValueError(f"no batched step for {activation!r} with {loss!r}")
        self.params, self.grads, self.n = params, grads, n
        self.act, self.loss_fn = ACTIVATION_STEPS[activation], LOSS_STEPS[loss]
        m, width, depth = params.m, params.width, params.depth
        self.depth = depth
        device = params.flat.device
        new = lambda *shape: torch.empty(*shape, device=device)  # noqa: E731
        self.one = torch.ones((), device=device)
        # Per hidden layer: z, and f(z) (the same buffer when f′ comes from f(z)); f′ and then dz overwrite f(z).
        self.z = [new(m, n, width) for _ in range(depth)]
        self.a = [new(m, n, width) for _ in range(depth)] if self.act.needs_input else self.z
        self.scratch = [new(m, n, width) for _ in range(2 if depth > 1 else 0)]
        # The depth-1 backward needs f′ alone: torch's kernels give 1 · f′ from a 0-dim one, except oneDNN's GELU,
        # which wants a full tensor of ones; f′ = 1 (Identity) is that tensor itself.
        if depth == 1 and (self.act.derivative is None or activation == "GELU"):
            self.one = torch.ones(m, n, width, device=device)
        # The output side runs in rows (M, 1, N): a row vector times a matrix is a fast batched product here,
        # a matrix times a column vector is not (measured: 30 µs against 210 µs at 64 × 100 × 32).
        self.pred, self.diff, self.elementwise = new(m, 1, n), new(m, 1, n), new(m, 1, n)
        # ``rows``: [x · dpred; dpred] for depth 1 (dpred lives in row 1), [x; 1] for deeper nets.
        self.rows = new(m, 2, n)
        self.dpred = self.rows[:, 1:2, :]
        if depth > 1:
            self.dpred = new(m, 1, n)
            self.rows[:, 1, :].fill_(1.0)
        self._x_rows_of = None  # the x tensor whose values are in rows[:, 0] (deeper nets)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x (1, N, 1) → predictions (M, 1, N), keeping what the backward needs."""
        w, b, act = self.params.weights, self.params.biases, self.act
        torch.addcmul(b[0], x, w[0], out=self.z[0])
        act.forward(self.z[0], self.a[0])
        for k in range(1, self.depth):
            torch.baddbmm(b[k], self.a[k - 1], w[k], out=self.z[k])
            act.forward(self.z[k], self.a[k])
        return torch.baddbmm(b[-1], w[-1].transpose(1, 2), self.a[-1].transpose(1, 2), out=self.pred)

    def __call__(self, x: torch.Tensor, y: torch.Tensor, losses: torch.Tensor) -> None:
        """One forward and backward on x, y (1, N, 1): ``losses`` (M,) ← each model's mean loss,
        ``grads`` ← its gradient."""
        pred = self.forward(x)
        torch.sub(pred, y.transpose(1, 2), out=self.diff)
        self.loss_fn(self.diff, self.n, self.elementwise, self.dpred)
        torch.mean(self.elementwise, dim=(1, 2), out=losses)
        top, grads = self.depth - 1, self.grads
        w_out = self.params.weights[-1].transpose(1, 2)  # (M, 1, H)
        # Output layer: dL/dw = dpred·a and dL/db = Σ dpred, row vector products.
        torch.bmm(self.dpred, self.a[top], out=grads.weights[-1].transpose(1, 2))
        torch.sum(self.dpred, dim=2, keepdim=True, out=grads.biases[-1])
        if self.depth == 1:
            # dz = dpredᵀ·w_out ⊙ f′ is never built: [Σ x·dpred·f′; Σ dpred·f′] in one bmm, then ⊙ w_out.
            fprime = self._times_derivative(self.one, 0)
            torch.mul(self.dpred, x.transpose(1, 2), out=self.rows[:, :1, :])
            torch.bmm(self.rows, fprime, out=grads.first).mul_(w_out)
            return
        dz = self._times_derivative(torch.mul(self.dpred.transpose(1, 2), w_out, out=self.scratch[0]), top)
        for k in range(top, 0, -1):
            torch.bmm(self.a[k - 1].transpose(1, 2), dz, out=grads.weights[k])
            torch.sum(dz, dim=1, keepdim=True, out=grads.biases[k])
            spare = self.scratch[1] if dz.data_ptr() == self.scratch[0].data_ptr() else self.scratch[0]
            dh = torch.bmm(dz, self.params.weights[k].transpose(1, 2), out=spare)
            dz = self._times_derivative(dh, k - 1)
        if self._x_rows_of is not x:
            self.rows[:, 0, :].copy_(x.reshape(1, -1))
            self._x_rows_of = x
        torch.bmm(self.rows, dz, out=grads.first)

    def _times_derivative(self, grad: torch.Tensor, k: int) -> torch.Tensor:
        """grad ⊙ f′(z) of hidden layer k, as autograd computes it, written over f(z) (no longer needed)."""
        if self.act.derivative is None:
            return grad
        return self.act.derivative(grad, self.z[k], self.a[k], self.a[k])


class BatchedOptimizer:
    """torch's SGD, SGD + momentum, Adam, RMSprop and Adagrad over the flat parameter vector, with a
    learning rate per element (its model's) and weight decay; state and scratch allocated once."""

    def __init__(self, params: torch.Tensor, grad: torch.Tensor, lr: torch.Tensor, mask: torch.Tensor | None,
                 name: str, momentum: float, weight_decay: float) -> None:
        updates = {"SGD": self._sgd, "SGD + momentum": self._momentum, "Adam": self._adam,
                   "RMSprop": self._rmsprop, "Adagrad": self._adagrad}
        if name not in updates:
            raise ValueError(f"unknown optimizer {name!r}")
        self.params, self.grad, self.lr, self.mask = params, grad, lr, mask
        self.momentum, self.weight_decay = momentum, weight_decay
        self._update = updates[name]
        self.t = 0
        self.first = torch.zeros_like(params)   # momentum buffer, Adam's m, RMSprop's/Adagrad's square sums
        self.second = torch.zeros_like(params)  # Adam's v
        self.tmp = torch.empty_like(params)

    def step(self) -> None:
        self.t += 1
        if self.mask is not None:  # padding units of narrower models stay at zero
            self.grad.mul_(self.mask)
        if self.weight_decay:
            self.grad.add_(self.params, alpha=self.weight_decay)
        self._update(self.params, self.grad)

    def _sgd(self, p, g) -> None:
        p.addcmul_(g, self.lr, value=-1)

    def _momentum(self, p, g) -> None:
        buf = self.first  # zeros: the first step leaves g, as torch's clone does
        buf.mul_(self.momentum).add_(g)
        p.addcmul_(buf, self.lr, value=-1)

    def _adam(self, p, g) -> None:
        (beta1, beta2), t = ADAM_BETAS, self.t
        m, v, denom = self.first, self.second, self.tmp
        m.lerp_(g, 1 - beta1)
        v.mul_(beta2).addcmul_(g, g, value=1 - beta2)
        torch.sqrt(v, out=denom).div_(math.sqrt(1 - beta2 ** t)).add_(ADAM_EPS)
        torch.div(m, denom, out=denom)
        p.addcmul_(denom, self.lr, value=-1 / (1 - beta1 ** t))

    def _divided(self, p, g, sums, eps) -> None:
        torch.sqrt(sums, out=self.tmp).add_(eps)
        torch.div(g, self.tmp, out=self.tmp)
        p.addcmul_(self.tmp, self.lr, value=-1)

    def _rmsprop(self, p, g) -> None:
        self.first.mul_(RMSPROP_ALPHA).addcmul_(g, g, value=1 - RMSPROP_ALPHA)
        self._divided(p, g, self.first, RMSPROP_EPS)

    def _adagrad(self, p, g) -> None:
        self.first.addcmul_(g, g, value=1.0)
        self._divided(p, g, self.first, ADAGRAD_EPS)
