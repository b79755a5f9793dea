"""The label and tooltip of every setting a config form shows, written once for all labs.

Where a setting means something particular in one lab, its entry is keyed "lab.field" (the form's
``lab``), e.g. the Linear lab's "Steps" that end the notes' run; forms look that up first. A form's own
``texts()`` may also give labels (a new lab keeps them in its own package); those win."""

from __future__ import annotations

from PySide6.QtCore import QObject


class FieldTexts(QObject):
    def groups(self) -> dict[str, str]:
        return {"data": self.tr("Data"), "network": self.tr("Network"), "training": self.tr("Training"),
                "features": self.tr("Input features"), "mnist.training": self.tr("Training settings"),
                "gd.settings": self.tr("Gradient descent"), "linear.settings": self.tr("y = 2x with nn.Linear(1, 1), SGD")}

    def fields(self) -> dict[str, tuple[str, str]]:
        """{field name: (label, tooltip)}."""
        return {
            # data
            "target": (self.tr("Target"), self.tr("The function the network should learn from the sample points")),
            "expression": (self.tr("y ="), self.tr("Your own function of x: numbers, x, + - * / ^ and sin, cos, exp, log, sqrt, abs, tanh …")),
            "dataset": (self.tr("Dataset"), self.tr("The points to classify; 'Draw your own' lets you click points onto the plane")),
            "n_classes": (self.tr("Classes"), self.tr("How many classes (colours); more than two uses a softmax output")),
            "noise": (self.tr("Noise"), self.tr("Random noise added to each sample point (standard deviation)")),
            "n_points": (self.tr("Points"), self.tr("How many sample points the data has")),
            "test_fraction": (self.tr("Test share"), self.tr("Share of points held out to measure how well the fit generalises")),
            # network
            "arch": (self.tr("Network"), self.tr("The network: the notes' MLP or their small CNN (two conv + pool blocks)")),
            "activation": (self.tr("Activation"), self.tr("The non-linear function applied after each hidden layer")),
            "hidden_width": (self.tr("Hidden width"), self.tr("Neurons in each hidden layer: more units, more line pieces to bend the curve")),
            "depth": (self.tr("Hidden layers"), self.tr("How many hidden layers the network stacks")),
            # training
            "loss": (self.tr("Loss"), self.tr("How the error between prediction and target is measured")),
            "optimizer": (self.tr("Optimizer"), self.tr("The rule that turns gradients into weight updates")),
            "lr": (self.tr("Learning rate"), self.tr("Step size of each update: too small is slow, too large diverges")),
            "momentum": (self.tr("Momentum"), self.tr("How much of the previous update carries over (SGD + momentum only)")),
            "batch_size": (self.tr("Batch size"), self.tr("Points used per step; 'full' uses all of them (full-batch gradient descent)")),
            "regularization": (self.tr("Regularisation"), self.tr("A penalty on large weights added to the loss: L1 drives weights to zero, L2 keeps them small")),
            "reg_rate": (self.tr("Regularisation rate"), self.tr("How strongly the penalty counts against the cross-entropy")),
            "epochs": (self.tr("Epochs"), self.tr("Passes over the training images")),
            "seed": (self.tr("Seed"), self.tr("Fixes the random start: the same seed gives the same run")),
            "device": (self.tr("Device"), self.tr("Where the network runs: the CPU, or an NVIDIA GPU through CUDA")),
            "max_steps": (self.tr("Stop at step"), self.tr("Pause automatically after this many steps (0 = keep going)")),
            # gradient descent
            "function": (self.tr("Function"), self.tr("The function whose minimum gradient descent looks for")),
            "start_x": (self.tr("Start x"), self.tr("Where the descent starts")),
            "start_y": (self.tr("Start y"), self.tr("Where the descent starts (second coordinate)")),
            # what one lab says differently
            "classify.n_points": (self.tr("Points"), self.tr("How many points the dataset has")),
            "classify.noise": (self.tr("Noise"), self.tr("How much the points scatter across the ideal shape")),
            "classify.test_fraction": (self.tr("Test share"), self.tr("Share of points held out (drawn with a white ring) to measure generalisation")),
            "classify.seed": (self.tr("Seed"), self.tr("Fixes the random data and the random start; Regenerate picks the next seed")),
            "mnist.hidden_width": (self.tr("Hidden width"), self.tr("Units in each hidden layer of the MLP")),
            "mnist.depth": (self.tr("Hidden layers"), self.tr("Number of hidden layers of the MLP")),
            "mnist.batch_size": (self.tr("Batch size"), self.tr("Images per training step")),
            "gd.lr": (self.tr("Learning rate"), self.tr("Step size: x ← x − lr·gradient. On x², lr > 1 overshoots further every step")),
            "gd.momentum": (self.tr("Momentum"), self.tr("Share of the previous step that carries over (0 = plain gradient descent)")),
            "linear.lr": (self.tr("Learning rate"), self.tr("SGD step size; the notes use 0.01")),
            "linear.max_steps": (self.tr("Steps"), self.tr("Training pauses after this many steps; the notes use 1000")),
            "linear.seed": (self.tr("Seed"), self.tr("Fixes the initial w and b (seed 29 ends closest to the notes' numbers)")),
        }

    @staticmethod
    def for_lab(texts: dict, lab: str) -> dict:
        """The shared entries, with the lab's own ("lab.name") in place of the shared ones of that name."""
        prefix = lab + "."
        own = {key[len(prefix):]: text for key, text in texts.items() if key.startswith(prefix)}
        return {**{key: text for key, text in texts.items() if "." not in key}, **own}
