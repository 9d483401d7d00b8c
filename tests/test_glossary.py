"""The bilingual glossary: parsing, clashes named by line, variants matched in a clause."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.themes import glossary
from helpers.themes.glossary import Entry, GlossaryError, build_index, parse, replace_variants


def words(text: str) -> list[str]:
    """A stand-in for the themes' term cutter: lower-case words, "de"/"la"/"the" dropped."""
    return [w for w in text.lower().replace("'", " ").split() if w not in {"de", "la", "the", "l"}]


INDEX = build_index(
    parse(
        "# comment\n"
        "IA | intelligence artificielle | AI\n"
        "transition numérique | digital transition\n"
        "Assises nationales de l'IA | national AI conference | assises\n"
    ),
    words,
    words,
)


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (["intelligence", "artificielle"], [(0, 1, "ia")]),
        (["ai"], [(0, 0, "ia")]),
        (["digital", "transition", "plan"], [(0, 1, "transition_numérique")]),
        (["national", "ai", "conference"], [(0, 2, "assises_nationales_ia")]),
        (["national", "ai", "summit"], [(1, 1, "ia")]),
        (["transition", None, None, "numérique"], [(0, 3, "transition_numérique")]),
        (["transition", None, None, None, None, "numérique"], []),
        (["numérique", "transition"], []),
        ([None, "assises", None], [(1, 1, "assises_nationales_ia")]),
    ],
    ids=[
        "two_words",
        "acronym",
        "english_variant_then_a_word",
        "longest_variant_wins",
        "shorter_variant_inside",
        "stop_words_skipped_inside",
        "too_wide_a_gap",
        "order_matters",
        "one_word_variant",
    ],
)
def test_replace_variants(clause: list[str | None], expected: list[tuple[int, int, str]]) -> None:
    assert replace_variants(clause, INDEX) == expected


def test_display_is_the_french_form() -> None:
    assert INDEX.display["assises_nationales_ia"] == "Assises nationales de l'IA"


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("IA | AI\nintelligence | AI\n", 2, "also a variant of line 1"),
        ("IA | AI\n\nIA générative | | GenAI\n", 3, "empty variant"),
        ("la | de\n", 1, "no content word"),
    ],
    ids=["variant_in_two_entries", "empty_variant", "french_form_of_stop_words"],
)
def test_bad_glossary_names_its_line(text: str, line: int, reason: str) -> None:
    with pytest.raises(GlossaryError) as error:
        build_index(parse(text, Path("g.txt")), words, words, Path("g.txt"))
    assert error.value.line == line
    assert reason in str(error.value) and "g.txt" in str(error.value)


def test_packaged_glossary_is_large_and_consistent() -> None:
    entries = glossary.entries()
    assert len(entries) >= 300
    assert all(isinstance(e, Entry) and e.display == e.variants[0] for e in entries)
    displays = [e.display for e in entries]
    assert len(displays) == len(set(displays))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IA | AI\n", [""]),
        ("# --- Events\nGITEX Africa | GITEX\n", ["Events"]),
        (
            "# --- Places\nRabat\n# plain comment\nSalé\n# --- Events\nWeb Summit\n",
            ["Places", "Places", "Events"],
        ),
    ],
    ids=["before_any_heading", "under_a_heading", "comments_keep_the_section"],
)
def test_sections(text: str, expected: list[str]) -> None:
    assert [entry.section for entry in parse(text)] == expected


@pytest.mark.parametrize(
    ("display", "section"),
    [("GITEX Africa", "Events"), ("Maroc Digital 2030", "Programmes"), ("Rabat", "Places")],
    ids=["event", "programme", "place"],
)
def test_packaged_sections(display: str, section: str) -> None:
    assert {e.display: e.section for e in glossary.entries()}[display] == section
