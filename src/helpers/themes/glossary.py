"""Bilingual domain glossary: French and English variants of a term counted as one feature."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

GLOSSARY_FILE = "resources/glossary.txt"
GLOSSARY_PATH = Path(__file__).resolve().parents[1] / GLOSSARY_FILE
# Words a variant may skip between two of its content words ("Ministère de la Transition").
MAX_GAP = 3
SEPARATOR = "|"
# A section heading: "# --- Events" (the section's name follows the dashes).
_SECTION = re.compile(r"^#\s*---\s*(?P<name>.+?)\s*$")


@dataclass(frozen=True)
class Entry:
    """One line of the glossary: the French form the briefing shows, all its variants, and the
    section it is listed under ("" before the first heading)."""

    display: str
    variants: tuple[str, ...]
    line: int
    section: str = ""


@dataclass(frozen=True)
class Index:
    """Variants of one language as term sequences: first term -> (terms, feature), longest first."""

    by_first: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    display: dict[str, str]


class GlossaryError(ValueError):
    """A glossary line that cannot be used, with the file and the line number."""

    def __init__(self, path: Path, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path, self.line, self.reason = path, line, reason


def parse(text: str, path: Path = GLOSSARY_PATH) -> list[Entry]:
    """Entries of a glossary text: "French form | variant | ..." per line, # comments, and
    "# --- Section" headings."""
    entries = []
    section = ""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        heading = _SECTION.match(line)
        if heading:
            section = heading.group("name")
        if not line or line.startswith("#"):
            continue
        forms = tuple(part.strip() for part in line.split(SEPARATOR))
        if any(not form for form in forms):
            raise GlossaryError(path, number, f"empty variant in {raw.strip()!r}")
        entries.append(Entry(forms[0], forms, number, section))
    return entries


@lru_cache(maxsize=1)
def entries(path: Path = GLOSSARY_PATH) -> tuple[Entry, ...]:
    """The packaged glossary's entries."""
    return tuple(parse(path.read_text(encoding="utf-8"), path))


def build_index(
    glossary: Sequence[Entry],
    terms_of: Callable[[str], list[str]],
    french_terms: Callable[[str], list[str]],
    path: Path = GLOSSARY_PATH,
) -> Index:
    """Index of the variants as terms_of cuts them; the feature is the French form's French
    terms joined by "_". Two entries sharing a variant's terms is an error naming both lines."""
    owner: dict[tuple[str, ...], tuple[str, int]] = {}
    display: dict[str, str] = {}
    for entry in glossary:
        feature = "_".join(french_terms(entry.display))
        if not feature:
            raise GlossaryError(path, entry.line, f"{entry.display!r} has no content word")
        display[feature] = entry.display
        for variant in entry.variants:
            key = tuple(terms_of(variant))
            if not key:
                continue  # a variant made of stop words or digits alone ("by 2030") never matches
            previous = owner.setdefault(key, (feature, entry.line))
            if previous[0] != feature:
                reason = f"{variant!r} is also a variant of line {previous[1]}"
                raise GlossaryError(path, entry.line, reason)
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, (feature, _) in owner.items():
        by_first.setdefault(key[0], []).append((key, feature))
    ordered = {
        first: tuple(sorted(options, key=lambda option: -len(option[0])))
        for first, options in by_first.items()
    }
    return Index(ordered, display)


def replace_variants(terms: list[str | None], index: Index) -> list[tuple[int, int, str]]:
    """Glossary matches in one clause's terms (None for a stop word): (first position,
    last position, feature), longest variant first, at most MAX_GAP stop words inside."""
    by_first = index.by_first
    if by_first.keys().isdisjoint(terms):
        return []
    content = [i for i, term in enumerate(terms) if term is not None]
    matches: list[tuple[int, int, str]] = []
    n_content, j = len(content), 0
    while j < n_content:
        step = 1
        for key, feature in by_first.get(terms[content[j]] or "", ()):
            size = len(key)
            if size > 1 and (j + size > n_content or terms[content[j + 1]] != key[1]):
                continue  # the second word already differs: most variants stop here
            positions = content[j : j + size]
            if all(terms[p] == k for p, k in zip(positions, key, strict=True)) and all(
                b - a - 1 <= MAX_GAP for a, b in pairwise(positions)
            ):
                matches.append((positions[0], positions[-1], feature))
                step = size
                break
        j += step
    return matches
