"""Packaging beyond what pyproject.toml can say: ``resources/`` ships inside the wheel.

The repository keeps ``resources/`` beside the package; the wheel maps it to the
package ``playground.resources`` so that an installed app (``pip install .``, pipx,
a wheel handed to a classroom) finds its data, models, translations and icon through
``importlib.resources`` (``playground/core/paths.py``). pyproject.toml's ``packages.find``
cannot add a package from another folder, hence this file.
"""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["playground", "playground.*"]) + ["playground.resources"],
    package_dir={"playground.resources": "resources"},
    package_data={"playground.resources": ["mnist/*.npz", "mnist/CREDITS.md", "models/*.pt", "i18n/*.qm",
                                           "icons/*.svg"]},
)
