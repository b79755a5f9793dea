"""NN Playground: learn neural networks by moving sliders instead of editing scripts."""

__version__ = "0.1.0"
