"""The package declares what it imports; the development tools stay out of the runtime lock."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# A requirement's project name, before extras, versions or markers.
_NAME = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)")
DEV_TOOLS = ("pytest", "pytest-xdist", "hypothesis", "pypdf", "ruff", "mypy", "pre-commit")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirements(path: Path) -> set[str]:
    """Project names listed in a requirements file (options and comments skipped)."""
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-") and (m := _NAME.match(line)):
            names.add(_canonical(m.group(1)))
    return names


def _third_party_imports(folder: Path) -> set[str]:
    """Top-level names imported by the package's modules, minus the standard library."""
    names = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"helpers", "__future__"}


def test_pyproject_declares_the_runtime_requirements() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_canonical(_NAME.match(d).group(1)) for d in project["dependencies"]}  # type: ignore[union-attr]
    assert declared == _requirements(ROOT / "requirements.in")


def test_every_import_of_the_package_comes_from_a_runtime_requirement() -> None:
    locked = _requirements(ROOT / "requirements.lock")
    providers = packages_distributions()
    missing = {
        name
        for name in _third_party_imports(ROOT / "src" / "helpers")
        if not {_canonical(d) for d in providers.get(name, [name])} & locked
    }
    assert not missing


@pytest.mark.parametrize("tool", DEV_TOOLS)
def test_development_tools_stay_out_of_the_runtime_lock(tool: str) -> None:
    assert tool not in _requirements(ROOT / "requirements.lock")
    assert tool in _requirements(ROOT / "requirements-dev.lock")
