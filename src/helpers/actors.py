"""Actors: people and organisations named in article bodies, with their variants merged."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import pandas as pd

from helpers.ner import Entity
from helpers.textnorm import fold as _fold

ACTOR_TYPES = {"PER": "person", "ORG": "organisation"}
# Field concepts the NER model tends to tag as organisations; they are topics, not actors.
_CONCEPTS = frozenset(
    {
        "ia",
        "ai",
        "intelligence artificielle",
        "artificial intelligence",
        "ia generative",
        "machine learning",
        "deep learning",
        "big data",
        "cloud",
        "internet",
        "web",
        "tic",
        "royaume",
        "etat",
        "gouvernement",
        "covid",
        "covid-19",
    }
)
# Names of gatherings the NER model tags as organisations: they are events, not actors.
_EVENT_NAME = re.compile(
    r"^(?:assises|colloques?|conf[ée]rences?|forums?|salons?|sommets?|journ[ée]es?|festivals?|"
    r"semaines?|gitex|summits?|conferences?|panels?)\b",
    re.IGNORECASE,
)
# A linking word right before an entity: it continues a longer name ("Réforme de l'Administration").
_LINK_BEFORE = re.compile(r"(?:\b(?:de|du|des|la|le|et|and|of|the)\s+|\b[ld]['’])$", re.IGNORECASE)
# Words a name never ends with: a tagger that swallowed part of a clause.
_NOT_LAST_WORD = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "will",
        "the",
        "a",
        "an",
        "of",
        "and",
        "to",
        "in",
        "on",
        "for",
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "et",
        "en",
        "à",
        "au",
        "aux",
        "a",
        "est",
        "sont",
        "qui",
        "que",
    ]
)
# A heading or line start right before an entity: a capitalised common word there is not a name.
_HEADING_BEFORE = re.compile(r"(?:^|\n|:\s*)$")
# Characters trimmed from the ends of an entity (quotes, dashes, punctuation).
_TRIM = " \t\n\"'«»“”‘’()[]{},;:.!?-–—"
# Titles before a name ("M.", "Mme", "Dr", "Pr") that are not part of it.
_HONORIFIC = re.compile(r"^(?:M\.|Mme|Mlle|Dr\.?|Pr\.?|Me|Sa Majesté|S\.M\.|SM)\s+")
# Role in apposition after a name: "Chakib Benmoussa, Haut-Commissaire au plan, a ...".
_ROLE_AFTER = re.compile(
    r"^\s*,\s*((?:l[ae]\s+|l')?(?:vice-|haut-|haute-|ex-)?"
    r"(?:ministre|secrétaire|président|présidente|directeur|directrice|commissaire|"
    r"membre|responsable|expert|experte|fondateur|fondatrice|PDG|CEO|chef|cheffe|"
    r"conseiller|conseillère|ambassadeur|ambassadrice|wali|gouverneur|professeur|"
    r"chercheur|chercheuse|porte-parole|coordinateur|coordinatrice|représentant|"
    r"représentante|AI Lead|head|minister|director|president|chairman|founder)"
    r"[^,;.]{0,120}),",
    re.IGNORECASE,
)
# Role before a name: "la ministre déléguée chargée de ..., Ghita Mezzour".
_ROLE_BEFORE = re.compile(
    r"((?:l[ae]\s+|l')(?:ministre|secrétaire|président|présidente|directeur|directrice|"
    r"experte?|chercheu(?:r|se)|responsable|ambassadeur|ambassadrice|wali|gouverneur)"
    r"[^,;.]{0,120}),\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def clean_name(raw: str) -> str | None:
    """An entity's text as an actor name, or None when it is not a usable name."""
    name = _HONORIFIC.sub("", " ".join(raw.split()).strip(_TRIM))
    if len(name) < 2 or not any(c.isupper() for c in name) or name.isdigit():
        return None
    if _fold(name) in _CONCEPTS or len(name.split()) > 8 or _EVENT_NAME.match(name):
        return None
    if " - " in name or " – " in name or name.split()[-1].lower() in _NOT_LAST_WORD:
        return None  # "Rabat - Morocco" (a dateline), "Artificial intelligence is" (a clause)
    return name


def is_fragment(text: str, entity: Entity) -> bool:
    """True for a capitalised common word cut out of a longer name ("droits de l'Homme") or
    opening a heading ("Le point de vue du Kenya : Gouvernance et engagement")."""
    name = entity.text.strip()
    if len(name.split()) != 1 or name.isupper() or not is_common_word(name):
        return False
    before = text[max(0, entity.start - 8) : entity.start]
    return bool(_LINK_BEFORE.search(before) or _HEADING_BEFORE.search(before))


@lru_cache(maxsize=4096)
def is_common_word(word: str) -> bool:
    """True when the lower-cased word is in simplemma's French or English dictionary."""
    import simplemma

    lowered = word.lower()
    return any(simplemma.is_known(lowered, lang=lang) for lang in ("fr", "en"))


def role_of(text: str, entity: Entity) -> str | None:
    """The role stated in apposition right after or right before a person's name."""
    after = _ROLE_AFTER.match(text[entity.end : entity.end + 160])
    if after:
        return after.group(1).strip()
    before = _ROLE_BEFORE.search(text[max(0, entity.start - 160) : entity.start])
    return before.group(1).strip() if before else None


MENTION_COLUMNS = ["file", "name", "type", "role", "start"]


def mention_rows(
    file: str, text: str, entities: Sequence[Entity], exclude: Iterable[str | None] = ()
) -> list[dict[str, object]]:
    """One record per actor mention of one article (outlet and other excluded names dropped)."""
    excluded = {_fold(x) for x in exclude if isinstance(x, str) and x}
    rows: list[dict[str, object]] = []
    for ent in entities:
        kind = ACTOR_TYPES.get(ent.label)
        name = clean_name(ent.text) if kind else None
        if not name or _fold(name) in excluded or is_fragment(text, ent):
            continue
        role = role_of(text, ent) if kind == "person" else None
        rows.append({"file": file, "name": name, "type": kind, "role": role, "start": ent.start})
    return rows


def actor_mentions(
    file: str, text: str, entities: Sequence[Entity], exclude: Iterable[str | None] = ()
) -> pd.DataFrame:
    """mention_rows as a table."""
    return pd.DataFrame(mention_rows(file, text, entities, exclude), columns=MENTION_COLUMNS)


def canonical_names(names: Iterable[str]) -> dict[str, str]:
    """Map each name to its fullest variant: "Mezzour" -> "Ghita Mezzour" when unambiguous."""
    unique = sorted(set(names), key=lambda n: (-len(n.split()), n))
    by_last: dict[str, set[str]] = {}
    for name in unique:
        if len(name.split()) >= 2:
            by_last.setdefault(_fold(name.split()[-1]), set()).add(name)
    folded_full = {_fold(n): n for n in unique}
    mapping = {}
    for name in unique:
        full = by_last.get(_fold(name), set()) if len(name.split()) == 1 else set()
        if len(full) == 1:
            mapping[name] = next(iter(full))
        else:
            mapping[name] = folded_full.get(_fold(name), name)
    return mapping


def summarise_actors(mentions: pd.DataFrame) -> pd.DataFrame:
    """The actors table: file, name as spelled, canonical name, type, mentions, first role."""
    columns = ["file", "name", "canonical", "type", "mentions", "role"]
    if mentions.empty:
        return pd.DataFrame(columns=columns)
    canon = canonical_names(mentions["name"])
    frame = mentions.assign(canonical=mentions["name"].map(canon))
    grouped = frame.groupby(["file", "name", "canonical", "type"], as_index=False, sort=True).agg(
        mentions=("start", "size"), role=("role", "first")
    )
    return _none_for_missing(grouped[columns], "role")


def _none_for_missing(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """A text column with None (not NaN) where a group had no value: GroupBy.first skips
    missing values, so a group's role is its first stated one."""
    values = frame[column].astype(object)
    return frame.assign(**{column: values.where(values.notna(), None)})


def top_actors(actors: pd.DataFrame, files: Iterable[str], limit: int = 15) -> pd.DataFrame:
    """Most cited actors over the given articles: canonical name, type, role, articles, mentions."""
    subset = actors[actors["file"].isin(set(files))]
    if subset.empty:
        return pd.DataFrame(columns=["canonical", "type", "role", "n_articles", "mentions"])
    table = subset.groupby(["canonical", "type"], as_index=False).agg(
        role=("role", "first"), n_articles=("file", "nunique"), mentions=("mentions", "sum")
    )
    return (
        _none_for_missing(table, "role")
        .sort_values(["n_articles", "mentions", "canonical"], ascending=[False, False, True])
        .head(limit)
        .reset_index(drop=True)
    )
