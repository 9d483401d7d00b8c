"""Actors: usable names, roles in apposition, merged variants, fragments dropped."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.schemas import top_actors
from helpers.timeline.actors import (
    actor_mentions,
    article_actors,
    as_entities,
    canonical_names,
    clean_name,
    role_of,
    summarise_actors,
    without_title,
)
from helpers.timeline.ner import Entity


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("M. Chakib Benmoussa", "Chakib Benmoussa"),
        ("« UNESCO »", "UNESCO"),
        ("intelligence artificielle", None),
        ("IA", None),
        ("2025", None),
    ],
    ids=[
        "honorific",
        "quotes_trimmed",
        "lowercase_concept",
        "field_concept",
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
            {
                "file": "b",
                "name": "Mezzour",
                "canonical": "Mezzour",
                "type": "person",
                "role": None,
                "start": 5,
            },
            {
                "file": "b",
                "name": "UNESCO",
                "canonical": "UNESCO",
                "type": "organisation",
                "role": None,
                "start": 9,
            },
            {
                "file": "b",
                "name": "UNESCO",
                "canonical": "UNESCO",
                "type": "organisation",
                "role": None,
                "start": 20,
            },
        ]
    )
    top = top_actors(summarise_actors(mentions), ["a", "b"])
    assert list(top["canonical"]) == ["Ghita Mezzour", "UNESCO"]
    assert list(top["n_articles"]) == [2, 1]
    assert list(top["mentions"]) == [2, 2]


def _entities(text: str, marks: list[tuple[str, str]]) -> list[Entity]:
    """Entities from (substring, label) marks, each at its first occurrence after the last."""
    found, position = [], 0
    for name, label in marks:
        start = text.index(name, position) if name in text[position:] else text.index(name)
        found.append(Entity(start, start + len(name), name, label))
        position = start + len(name)
    return sorted(found, key=lambda e: e.start)


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        (
            "La Caisse de dépôt et de gestion (CDG) a signé un accord. La CDG investira 1 MMDH.",
            [("Caisse de dépôt et de gestion", "ORG"), ("CDG", "ORG"), ("CDG", "ORG")],
            {("Caisse de dépôt et de gestion (CDG)", "organisation")},
        ),
        (
            "Le Fonds Atlas d'amorçage (FAA) finance dix startups. Le FAA vise 2030.",
            [("Fonds Atlas", "ORG"), ("FAA", "ORG")],
            {("Fonds Atlas d'amorçage (FAA)", "organisation")},
        ),
        (
            "Ghita Mezzour a ouvert la session. Selon Mezzour, l'instance verra le jour.",
            [("Ghita Mezzour", "PER"), ("Mezzour", "PER")],
            {("Ghita Mezzour", "person")},
        ),
        (
            "Le Président a salué les Hautes Orientations Royales. Le Wali était présent.",
            [("Président", "PER"), ("Hautes Orientations Royales", "ORG"), ("Wali", "PER")],
            set(),
        ),
        (
            "Le Ministre des communications et le Secrétaire d'État ont parlé.",
            [("Ministre des communications", "ORG"), ("Secrétaire d'État", "PER")],
            set(),
        ),
        (
            "The meeting was chaired by Mr. Hicham El Habti. Président Chakib Alj a conclu.",
            [("Mr. Hicham El Habti", "PER"), ("Président Chakib Alj", "PER")],
            {("Hicham El Habti", "person"), ("Chakib Alj", "person")},
        ),
        (
            "Les Technologies de l'information, les Sciences sociales et la R&D progressent.",
            [
                ("Technologies de l'information", "ORG"),
                ("Sciences sociales", "ORG"),
                ("R&D", "ORG"),
            ],
            set(),
        ),
        (
            "La stratégie Maroc Digital 2030 s'appuie sur l'AI Movement.",
            [("Maroc Digital 2030", "ORG"), ("AI Movement", "PER")],
            {("AI Movement", "organisation")},
        ),
        (
            "Le Ministère de la Transition numérique et de la Réforme de l'administration a dit.",
            [("Ministère de la Transition numérique", "ORG")],
            {
                (
                    "Ministère de la Transition numérique et de la Réforme de l'administration",
                    "organisation",
                )
            },
        ),
        (
            "Par Nadia Ouazzani\nLe Technopark a lancé un appel. Nadia Ouazzani est journaliste.",
            [("Nadia Ouazzani", "PER"), ("Technopark", "ORG"), ("Nadia Ouazzani", "PER")],
            {("Technopark", "organisation")},
        ),
        (
            "Business leaders were cautious, said Salma Kettani in April.",
            [
                ("Business leaders were cautious", "ORG"),
                ("Salma Kettani", "PER"),
                ("April", "ORG"),
            ],
            {("Salma Kettani", "person")},
        ),
        (
            "Axel Martin, AI Lead Partner chez KPMG, et le Country Manager de Visa ont parlé.",
            [
                ("Axel Martin", "PER"),
                ("AI Lead Partner", "ORG"),
                ("KPMG", "ORG"),
                ("Country Manager", "PER"),
                ("Visa", "ORG"),
            ],
            {("Axel Martin", "person"), ("KPMG", "organisation"), ("Visa", "organisation")},
        ),
        (
            "Le Maroc applique la Recommandation de l'UNESCO sur l'éthique de l'IA.",
            [("Recommandation de l'UNESCO sur l'éthique de l'IA", "MISC")],
            {("UNESCO", "organisation")},
        ),
        (
            "Judges met the Supreme Council of Judicial Power (CSPJ) in Rabat.",
            [("Council of Judicial Power", "ORG"), ("Rabat", "LOC")],
            {("Supreme Council of Judicial Power (CSPJ)", "organisation")},
        ),
        (
            "Lerato Mokoena, who heads the digital unit at the commission, said so.",
            [("Lerato Mokoena", "LOC")],
            {("Lerato Mokoena", "person")},
        ),
        (
            "Le partenariat lie la Direction générale des collectivités territoriales (DGCT) à l'ADD.",
            [("Direction générale", "ORG"), ("ADD", "ORG")],
            {
                ("Direction générale des collectivités territoriales (DGCT)", "organisation"),
                ("ADD", "organisation"),
            },
        ),
    ],
    ids=[
        "acronym_attached_and_reused",
        "acronym_of_an_unknown_name",
        "surname_linked_to_full_name",
        "titles_and_royal_directives",
        "titles_with_complement",
        "glued_titles_dropped",
        "generic_fields",
        "strategy_is_not_an_actor_programme_typed_organisation",
        "cut_official_name_taken_whole",
        "byline_and_author_line",
        "english_clause_and_month",
        "functions_are_not_actors",
        "actor_named_inside_a_programme",
        "english_modifiers_before_head",
        "person_the_model_took_for_a_place",
        "name_its_acronym_spells",
    ],
)
def test_article_actors(text: str, marks: list[tuple[str, str]], expected: set) -> None:
    found = article_actors(text, _entities(text, marks))
    assert {(a.name, a.kind) for a in found} == expected


def test_known_names_get_the_gazetteer_canonical() -> None:
    text = "The Ministry of Digital Transition signed with the CGEM."
    marks = [("Ministry of Digital Transition", "ORG"), ("CGEM", "ORG")]
    found = article_actors(text, _entities(text, marks))
    canonical = {a.name: a.canonical for a in found}
    assert canonical["Ministry of Digital Transition"].startswith("Ministère de la Transition")
    assert canonical["CGEM"] == "Confédération générale des entreprises du Maroc"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Président Chakib Alj", "Chakib Alj"),
        ("Roi Mohammed VI", "Mohammed VI"),
        ("le Roi Mohammed VI", "Mohammed VI"),
        ("Ghita Mezzour", "Ghita Mezzour"),
        ("Président", None),
        ("Minister Delegate for Digital Transition", None),
        ("Secrétaire d'État", None),
    ],
    ids=[
        "president",
        "king",
        "article_and_title",
        "no_title",
        "title_alone",
        "title_with_complement",
        "elision",
    ],
)
def test_without_title(name: str, expected: str | None) -> None:
    assert without_title(name) == expected


def test_events_name_the_resolved_actors() -> None:
    text = "Ghita Mezzour et la CDG ont signé. Mezzour a salué la Caisse de dépôt et de gestion."
    marks = [
        ("Ghita Mezzour", "PER"),
        ("CDG", "ORG"),
        ("Mezzour", "PER"),
        ("Caisse de dépôt et de gestion", "ORG"),
        ("Rabat", "LOC"),
    ]
    entities = _entities(text + " Rabat", marks)
    resolved = as_entities(entities, article_actors(text, entities))
    assert [(e.text, e.label) for e in resolved] == [
        ("Ghita Mezzour", "PER"),
        ("Caisse de dépôt et de gestion", "ORG"),
        ("Ghita Mezzour", "PER"),
        ("Caisse de dépôt et de gestion", "ORG"),
        ("Rabat", "LOC"),
    ]
