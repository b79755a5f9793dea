"""Files shipped with NN Playground; installed as the package ``playground.resources`` (see setup.py)."""
