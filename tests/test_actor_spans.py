"""Where names start and end: complements of official names, "(ACR)", institutions by head."""

from __future__ import annotations

import pytest

from helpers.timeline import actor_spans


@pytest.mark.parametrize(
    ("text", "cut", "expected"),
    [
        (
            "Le Ministère de la Transition numérique et de la Réforme de l'administration a dit.",
            "Ministère de la Transition numérique",
            "Ministère de la Transition numérique et de la Réforme de l'administration",
        ),
        (
            "La Délégation permanente du Royaume du Maroc auprès de l'UNESCO salue le vote.",
            "Délégation permanente du Royaume",
            "Délégation permanente du Royaume du Maroc auprès de l'UNESCO",
        ),
        (
            "Le Bureau de l'UNESCO pour le Maghreb organise un atelier.",
            "Bureau de l'UNESCO",
            "Bureau de l'UNESCO pour le Maghreb",
        ),
        (
            "The Ministry of Foreign Affairs of Kenya said on Monday.",
            "Ministry of Foreign Affairs",
            "Ministry of Foreign Affairs of Kenya",
        ),
        (
            "Le ministère de l'Intérieur et Hespress ont réagi.",
            "ministère de l'Intérieur",
            "ministère de l'Intérieur",
        ),
        (
            "Le Conseil de la ville de Rabat se réunit.",
            "Conseil de la ville",
            "Conseil de la ville de Rabat",
        ),
        (
            "L'Agence de développement du digital a lancé un appel.",
            "Agence de développement du digital",
            "Agence de développement du digital",
        ),
    ],
    ids=[
        "coordinated_complement",
        "aupres_de",
        "pour_le",
        "english_of",
        "bare_et_names_two_actors",
        "lower_case_words_then_a_capital",
        "lower_case_verb_ends_it",
    ],
)
def test_complement_end(text: str, cut: str, expected: str) -> None:
    start = text.index(cut)
    end = actor_spans.complement_end(text, start + len(cut))
    assert text[start:end] == expected


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (" (CDG) a investi", ("CDG", 6)),
        ("(UM6P), à Benguérir", ("UM6P", 6)),
        (" (ex-ONE) a", None),
        (" (Maroc) a", None),
        (" a dit (CDG)", None),
    ],
    ids=["acronym", "glued_with_digit", "not_an_acronym", "a_place_in_brackets", "not_right_after"],
)
def test_acronym_after(after: str, expected: tuple[str, int] | None) -> None:
    assert actor_spans.acronym_after("X" + after, 1) == (
        (expected[0], expected[1] + 1) if expected else None
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Il a rencontré le ministère de l'Education du Kenya hier.",
            ["ministère de l'Education du Kenya"],
        ),
        ("Le ministère de tutelle a réagi.", []),
        ("Le conseil de Rabat a voté.", []),
        (
            "L'Agence nationale des Ports publie son rapport.",
            ["Agence nationale des Ports"],
        ),
    ],
    ids=["lower_case_ministry", "no_capital_no_name", "common_head_in_lower_case", "adjective"],
)
def test_institution_spans(text: str, found: list[str]) -> None:
    assert [text[s:e] for s, e in actor_spans.institution_spans(text)] == found


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("M. Chakib Benmoussa", "Chakib Benmoussa"),
        ("Mr. Hicham El Habti", "Hicham El Habti"),
        ("Sa Majesté Mohammed VI", "Mohammed VI"),
        ("Mezzour", "Mezzour"),
    ],
    ids=["french", "english", "royal", "none"],
)
def test_without_honorifics(name: str, expected: str) -> None:
    assert actor_spans.without_honorifics(name) == expected
