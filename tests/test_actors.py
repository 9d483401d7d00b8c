"""Actors: usable names, roles in apposition, merged variants, fragments dropped."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.actors import (
    actor_mentions,
    canonical_names,
    clean_name,
    role_of,
    summarise_actors,
    top_actors,
)
from helpers.nlp import Entity


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("M. Chakib Benmoussa", "Chakib Benmoussa"),
        ("« UNESCO »", "UNESCO"),
        ("intelligence artificielle", None),
        ("IA", None),
        ("Assises nationales de l'IA", None),
        ("2025", None),
    ],
    ids=[
        "honorific",
        "quotes_trimmed",
        "lowercase_concept",
        "field_concept",
        "event_name",
        "digits",
    ],
)
def test_clean_name(raw: str, expected: str | None) -> None:
    assert clean_name(raw) == expected


def _entity(text: str, name: str, label: str) -> Entity:
    start = text.index(name)
    return Entity(start, start + len(name), name, label)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Chakib Benmoussa, Haut-Commissaire au plan, a souligné l'importance.",
            "Chakib Benmoussa",
            "Haut-Commissaire au plan",
        ),
        (
            "La ministre déléguée chargée de la Transition numérique, Ghita Mezzour, a parlé.",
            "Ghita Mezzour",
            "La ministre déléguée chargée de la Transition numérique",
        ),
        ("Ghita Mezzour a parlé.", "Ghita Mezzour", None),
    ],
    ids=["role_after", "role_before", "no_role"],
)
def test_role_of(text: str, name: str, role: str | None) -> None:
    assert role_of(text, _entity(text, name, "PER")) == role


def test_variants_merge_to_the_full_name() -> None:
    mapping = canonical_names(
        ["Ghita Mezzour", "Mezzour", "KPMG", "Alami", "Ahmed Alami", "Karim Alami"]
    )
    assert mapping["Mezzour"] == "Ghita Mezzour"
    assert mapping["KPMG"] == "KPMG"
    assert mapping["Alami"] == "Alami"  # two full names end in Alami: ambiguous, left alone


def test_mentions_drop_outlet_and_locations_and_take_whole_names() -> None:
    text = "Le ministère de la Réforme de l'Administration et Hespress ont cité Mezzour à Rabat."
    ents = [
        _entity(text, "Administration", "ORG"),
        _entity(text, "Hespress", "ORG"),
        _entity(text, "Mezzour", "PER"),
        _entity(text, "Rabat", "LOC"),
    ]
    mentions = actor_mentions("a.txt", text, ents, exclude=["Hespress", None, float("nan")])
    assert list(mentions["name"]) == ["ministère de la Réforme de l'Administration", "Mezzour"]


def test_top_actors_counts_articles_then_mentions() -> None:
    mentions = pd.DataFrame(
        [
            {
                "file": "a",
                "name": "Ghita Mezzour",
                "canonical": "Ghita Mezzour",
                "type": "person",
                "role": "ministre",
                "start": 0,
            },
            {"file": "b", "name": "Mezzour", "canonical": "Mezzour", "type": "person", "role": None, "start": 5},
            {"file": "b", "name": "UNESCO", "canonical": "UNESCO", "type": "organisation", "role": None, "start": 9},
            {"file": "b", "name": "UNESCO", "canonical": "UNESCO", "type": "organisation", "role": None, "start": 20},
        ]
    )
    top = top_actors(summarise_actors(mentions), ["a", "b"])
    assert list(top["canonical"]) == ["Ghita Mezzour", "UNESCO"]
    assert list(top["n_articles"]) == [2, 1]
    assert list(top["mentions"]) == [2, 2]
