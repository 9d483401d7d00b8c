"""Sentences keep exact spans and do not split after abbreviations."""

from __future__ import annotations

import pytest

from helpers.text.spans import paragraphs, sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le colloque a eu lieu. Il a réuni 100 experts.",
            ["Le colloque a eu lieu.", "Il a réuni 100 experts."],
        ),
        ("M. Alami a parlé. Mme Idrissi aussi.", ["M. Alami a parlé.", "Mme Idrissi aussi."]),
        ("« C'est fini. » Puis il est parti.", ["« C'est fini. »", "Puis il est parti."]),
        ("Une ligne\nUne autre ligne", ["Une ligne", "Une autre ligne"]),
        ("Le 2 juillet 2025. Rabat accueille.", ["Le 2 juillet 2025.", "Rabat accueille."]),
    ],
    ids=[
        "two_sentences",
        "abbreviation_m",
        "closing_quote",
        "lines_never_merge",
        "date_then_sentence",
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    found = sentences(text)
    assert [s.text for s in found] == expected
    assert all(text[s.start : s.end] == s.text for s in found)


def test_paragraphs_skip_blank_lines_with_exact_spans() -> None:
    text = "Titre\n\n  Premier paragraphe.  \nSecond."
    found = paragraphs(text)
    assert [p.text for p in found] == ["Titre", "Premier paragraphe.", "Second."]
    assert all(text[p.start : p.end] == p.text for p in found)
