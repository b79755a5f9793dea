import numpy as np
import pytest
import torch

from playground.core.curve.activation_math import FUNCTIONS, curves
from playground.core.training.components import ACTIVATIONS


@pytest.mark.parametrize("name", ACTIVATIONS.names())
def test_numpy_activations_match_torch(name):
    x = np.linspace(-5, 5, 201)
    f, df = curves(name, x)
    xt = torch.tensor(x, requires_grad=True)
    y = ACTIVATIONS.create(name)(xt)
    y.sum().backward()
    np.testing.assert_allclose(f, y.detach().numpy(), rtol=1e-6, atol=1e-7)
    mask = np.abs(x) > 1e-9  # the kink at 0 has no unique derivative
    np.testing.assert_allclose(df[mask], xt.grad.numpy()[mask], rtol=1e-5, atol=1e-6)


def test_every_registered_activation_is_covered():
    assert set(FUNCTIONS) == set(ACTIVATIONS.names())
