"""The packaged gazetteer of known actors, programmes and events: names, acronyms, variants, types.

resources/gazetteer.csv has one row per actor (canonical name, acronym, type, variants joined by
"|"); it feeds the spaCy entity rulers (helpers.timeline.ner) and the actor resolution
(helpers.timeline.actors).
Caches of both are keyed by the file's content (cache.resources_digest).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from helpers.text.normalize import fold, strip_accents

GAZETTEER_FILE = "resources/gazetteer.csv"
# Gazetteer type -> entity label the rulers give: programmes and events are named things but
# not actors, so they get MISC (and the statistical NER can no longer call them ORG).
LABELS = {"person": "PER", "organisation": "ORG", "programme": "MISC", "event": "MISC"}
ACTOR_KINDS = ("person", "organisation")
COLUMNS = ("name", "acronym", "type", "variants")
# Apostrophes a page may use in an elision (l'Homme, l’Homme).
_APOSTROPHE = re.compile(r"['’]")
# An accented letter opening a word ("l'Éducation"): pages often write capitals without accents.
_ACCENTED_INITIAL = re.compile(r"(?<![\w])[ÀÂÄÉÈÊËÎÏÔÖÙÛÜÇàâäéèêëîïôöùûüç]")
# Lower-case words of official names that are not function words ("numérique", "nationale").
_NAME_WORD = re.compile(r"(?<![\w])[a-zà-öø-ÿ][a-zà-öø-ÿ-]{3,}(?![\w])")


class GazetteerError(ValueError):
    """A malformed gazetteer row: the message names the file, the line and the problem."""


@dataclass(frozen=True)
class KnownName:
    """One gazetteer row: its canonical name, acronym (or ""), type and every written form."""

    canonical: str
    acronym: str
    kind: str
    forms: tuple[str, ...]

    @property
    def is_actor(self) -> bool:
        """True for people and organisations (not programmes, strategies or events)."""
        return self.kind in ACTOR_KINDS

    @property
    def label(self) -> str:
        """The entity label the rulers give this name."""
        return LABELS[self.kind]


@lru_cache(maxsize=1)
def gazetteer_text() -> str:
    """The packaged gazetteer CSV as text."""
    return resources.files("helpers").joinpath(GAZETTEER_FILE).read_text(encoding="utf-8")


def parse_rows(text: str, source: str = GAZETTEER_FILE) -> tuple[KnownName, ...]:
    """The rows of a gazetteer CSV; a missing column, an empty name or an unknown type raises
    GazetteerError naming the source and line."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise GazetteerError(f"{source}: missing column(s) {', '.join(missing)}")
    rows = []
    for line, row in enumerate(reader, start=2):
        name, kind = (row["name"] or "").strip(), (row["type"] or "").strip()
        if not name:
            raise GazetteerError(f"{source}:{line}: empty name")
        if kind not in LABELS:
            raise GazetteerError(
                f"{source}:{line}: type {kind!r} is not one of {', '.join(sorted(LABELS))}"
            )
        variants = [v.strip() for v in (row["variants"] or "").split("|") if v.strip()]
        forms = tuple(dict.fromkeys([name, *variants]))
        rows.append(KnownName(name, (row["acronym"] or "").strip(), kind, forms))
    return tuple(rows)


@lru_cache(maxsize=1)
def entries() -> tuple[KnownName, ...]:
    """Every row of the packaged gazetteer."""
    return parse_rows(gazetteer_text())


def name_key(name: str) -> str:
    """How a written form is looked up: folded (case, accents), apostrophes, hyphens and
    commas unified, whitespace collapsed."""
    return " ".join(fold(_APOSTROPHE.sub("'", name)).replace("-", " ").replace(",", " ").split())


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, KnownName], dict[str, KnownName]]:
    """(folded form -> row, acronym as written -> row)."""
    by_form: dict[str, KnownName] = {}
    by_acronym: dict[str, KnownName] = {}
    for entry in entries():
        for form in entry.forms:
            by_form.setdefault(name_key(form), entry)
        for acronym in acronym_spellings(entry.acronym):
            by_acronym.setdefault(acronym, entry)
    return by_form, by_acronym


def acronym_spellings(acronym: str) -> list[str]:
    """An acronym as pages write it: as listed, and capitalised when it is long enough to be
    read as a word ("Unesco", "Apebi"; "Add" would be an English verb)."""
    if not acronym:
        return []
    return [acronym, acronym.capitalize()] if len(acronym) >= 5 and acronym.isupper() else [acronym]


def is_listed_as_written(name: str) -> bool:
    """True when the gazetteer lists this exact spelling (a lower-case brand such as "inwi")."""
    return name in _written_forms()


@lru_cache(maxsize=1)
def _written_forms() -> frozenset[str]:
    """Every form and acronym exactly as the gazetteer writes it."""
    return frozenset(f for e in entries() for f in (*e.forms, e.acronym) if f)


def lookup(name: str) -> KnownName | None:
    """The gazetteer row a written name stands for (a form in any case, or an acronym as
    written), or None."""
    by_form, by_acronym = _index()
    return by_acronym.get(name.strip()) or by_form.get(name_key(name))


@lru_cache(maxsize=1)
def official_words() -> frozenset[str]:
    """Lower-case words that occur inside the organisations' official names ("numérique",
    "administration"): a name's complement may go on over them."""
    words: set[str] = set()
    for entry in entries():
        if entry.kind == "organisation":
            for form in entry.forms:
                words.update(m.group().lower() for m in _NAME_WORD.finditer(form))
    return frozenset(words)


def _initials_unaccented(form: str) -> str:
    """The form with the accent dropped from each word's first letter ("l'Education"): pages
    often write capitals without accents."""

    return _ACCENTED_INITIAL.sub(lambda match: strip_accents(match.group()), form)


def spellings(form: str) -> list[str]:
    """A form as pages may write it: as listed, without its commas ("de l'Enseignement
    supérieur de la Recherche"), with either apostrophe, with unaccented initials."""
    found = {form, form.replace(",", "")}
    found |= {_initials_unaccented(f) for f in found}
    found |= {_APOSTROPHE.sub(a, f) for f in list(found) for a in "'’"}
    return sorted(found)


def ruler_patterns() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """spaCy EntityRuler phrase patterns: (forms of two words or more, matched whatever their
    case; one-word forms and acronyms, matched as written, so "ADD" is not "add")."""
    any_case: list[dict[str, str]] = []
    as_written: list[dict[str, str]] = []
    for entry in entries():
        for form in entry.forms:
            if " " in form.strip():
                any_case.extend({"label": entry.label, "pattern": s} for s in spellings(form))
        for word in [f for f in entry.forms if " " not in f.strip()] + acronym_spellings(
            entry.acronym
        ):
            # "UM6P." is one token for the French tokenizer at a sentence's end.
            for s in [*spellings(word), f"{word}."]:
                as_written.append({"label": entry.label, "pattern": s})
    return any_case, as_written
