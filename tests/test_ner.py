"""Named entities: the sentences the model reads, the entities it finds, their cache."""

from __future__ import annotations

import pytest

from helpers.timeline import ner

TEXTS = [
    "Ghita Mezzour a annoncé à Rabat une instance nationale dédiée à l'IA.",
    "",
    "Le ministère de la Transition numérique organise les Assises à Salé.",
]


@pytest.fixture(scope="module")
def found() -> list[list[ner.Entity]]:
    return ner.find_entities(TEXTS)


def test_entities_of_each_text(found) -> None:
    assert any(e.label == "LOC" and e.text == "Rabat" for e in found[0])
    assert found[1] == []
    assert ner.find_entities([]) == []


def test_cached_entities_are_those_found(found, tmp_path, monkeypatch) -> None:
    assert list(ner.cached_entities(TEXTS, tmp_path)) == found
    monkeypatch.setattr(ner, "entity_tuples", None)  # the model is not used again
    assert list(ner.cached_entities(TEXTS, tmp_path)) == found
    assert all(ner.has_entities(text, ner.entity_cache(tmp_path)) for text in TEXTS)


@pytest.mark.parametrize(
    ("sentence", "may_hold"),
    [
        ("Ghita Mezzour a annoncé la stratégie.", True),
        ("Le ministère a signé avec Microsoft.", True),
        ("Le royaume veut former des talents.", False),
        ("« Nous devons agir vite », a-t-il dit.", False),
        ("Il a insisté sur la formation continue.", False),
        ("Selon lui, l'IA générative progresse.", True),  # IA is an acronym
        ("Rabat accueillera la conférence.", True),  # a name may open a sentence
        ("The ministry signed a deal with OCP.", True),
        ("Toutefois, les entreprises doivent former leurs équipes.", True),  # kept: not a stop word
        ("L'objectif est de réduire la fuite des talents.", False),
        ("D'ici là, le cadre réglementaire évoluera.", False),
        ("L'Oréal investit dans la recherche.", True),
        ("Microsoft investit dans la recherche.", True),
        ("It will be extended to all regions.", False),
        ("", False),
    ],
)
def test_a_sentence_may_hold_an_entity_only_with_a_capitalised_word(sentence, may_hold) -> None:
    assert ner.may_hold_entity(sentence) is may_hold


def test_compact_text_keeps_runs_of_sentences_and_offsets_map_back() -> None:
    text = (
        "Le royaume veut former des talents. Il faut agir. Ghita Mezzour était à Rabat.\n"
        "La formation reste un défi.\n"
        "Le ministère a signé avec Microsoft. Orange suivra."
    )
    compact, table = ner.compact_text(text)
    assert (
        compact
        == "Ghita Mezzour était à Rabat.\nLe ministère a signé avec Microsoft. Orange suivra."
    )
    found = [
        (compact.index("Rabat"), compact.index("Rabat") + 5, "Rabat", "LOC"),
        (compact.index("Orange"), compact.index("Orange") + 6, "Orange", "ORG"),
        (
            compact.index("Rabat.") + 4,
            compact.index("Rabat.") + 8,
            "t.\nLe",
            "MISC",
        ),  # spans a seam
    ]
    mapped = ner.to_original(found, table)
    assert [(text[s:e], label) for s, e, _, label in mapped] == [
        ("Rabat", "LOC"),
        ("Orange", "ORG"),
    ]


def test_entities_offsets_point_into_the_original_text(found) -> None:
    for text, entities in zip(TEXTS, found, strict=True):
        assert all(text[e.start : e.end] == e.text for e in entities)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Le plan Maroc Digital 2030 mise sur l'IA.", "Maroc Digital 2030", "MISC"),
        ("Le centre AI Movement de l'UM6P forme des talents.", "AI Movement", "ORG"),
        ("Selon l'ADD, le portail est prêt.", "ADD", "ORG"),
        (
            "La Caisse de dépôt et de gestion investit à Rabat.",
            "Caisse de dépôt et de gestion",
            "ORG",
        ),
    ],
    ids=["strategy_is_not_an_organisation", "programme_like_name", "acronym", "whole_name"],
)
def test_gazetteer_names_come_out_whole_and_typed(text: str, name: str, label: str) -> None:
    (found,) = ner.find_entities([text])
    assert (name, label) in [(e.text, e.label) for e in found]


def test_acronyms_match_only_as_written() -> None:
    (found,) = ner.find_entities(["Add the files to the folder."])
    assert all(e.text != "Add" or e.label != "ORG" for e in found)
