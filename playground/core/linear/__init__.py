"""The Linear-regression lab's core: the notes' nn.Linear(1, 1) on y = 2x."""
