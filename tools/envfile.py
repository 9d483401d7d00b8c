"""environment.yml generated from requirements.lock (pip is the source of truth)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from helpers.storage import write_text

# A pinned requirement line of the lock file: "name==version".
_PIN = re.compile(r"^([A-Za-z0-9_.\-\[\],]+)==([^\s;#]+)")


def pins(lock_text: str) -> list[str]:
    """The name==version lines of a lock file, in order."""
    return [
        f"{m.group(1)}=={m.group(2)}"
        for line in lock_text.splitlines()
        if (m := _PIN.match(line.strip()))
    ]


def environment_yml(lock_text: str, name: str = "ai-maroc-briefing") -> str:
    """A conda environment: Python 3.11 and pip, with the lock's exact pins and the package."""
    lines = [
        "# Generated from requirements.lock by `make lock`: do not edit by hand.",
        f"name: {name}",
        "channels:",
        "  - conda-forge",
        "dependencies:",
        "  - python=3.11",
        "  - pip",
        "  - pip:",
        *(f"      - {pin}" for pin in pins(lock_text)),
        "      - -e .",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """python -m envfile requirements.lock environment.yml"""
    lock, target = (argv or sys.argv[1:])[:2]
    write_text(Path(target), environment_yml(Path(lock).read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
