"""The wheel carries resources/ (as playground.resources) and works from outside the checkout."""

import subprocess
import sys
import zipfile

import pytest

from playground.core.paths import RESOURCE_PACKAGE, resources_dir

ROOT = resources_dir().parent
RUNTIME_FILES = ["mnist/mnist_subset.npz", "mnist/CREDITS.md", "models/mnist_mlp.pt", "models/mnist_cnn.pt",
                 "i18n/playground_zh_CN.qm", "icons/nn-playground.svg"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    # No build isolation: the test must not need the network (setuptools is already installed).
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                             "-w", str(out), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return next(out.glob("nn_playground-*.whl"))


@pytest.mark.slow
def test_wheel_contains_the_resources(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    prefix = RESOURCE_PACKAGE.replace(".", "/")
    missing = [name for name in RUNTIME_FILES if f"{prefix}/{name}" not in names]
    assert not missing, missing
    assert all((resources_dir() / name).is_file() for name in RUNTIME_FILES)  # the list is real


@pytest.mark.slow
def test_unpacked_wheel_finds_its_resources_outside_the_checkout(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import playground; "
            "from playground.core.paths import resources_dir, readme_text; "
            "print(playground.__file__); print(resources_dir()); print((resources_dir() / 'models').is_dir())")
    result = subprocess.run([sys.executable, "-c", code, str(site)], cwd=tmp_path, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    package_file, folder, has_models = result.stdout.split()
    assert package_file.startswith(str(site)) and folder.startswith(str(site)), result.stdout
    assert has_models == "True"


def test_ci_runs_exactly_the_readmes_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Run the tests"):]
    command = section[section.index("```bash") + len("```bash"):section.index("```", section.index("```bash") + 7)].strip()
    ci_lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    steps = [step.strip() for step in command.split("&&")]
    assert steps == ["pip install -e '.[test]'", "python -m pytest"]
    index = ci_lines.index(steps[0])
    assert ci_lines[index + 1] == steps[1]
