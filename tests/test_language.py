"""Language detection of article bodies (lingua, restricted to the corpus languages)."""

from __future__ import annotations

import pytest

from helpers.errors import ParameterError
from helpers.text.language import detect_language, detect_languages

FRENCH = (
    "Le Maroc accélère sur l'intelligence artificielle : la ministre a présenté mardi à Rabat "
    "une feuille de route qui prévoit la formation de milliers de jeunes et un centre de calcul."
)
FRENCH_WITH_ARABIC = (
    "Le forum « الذكاء الاصطناعي » s'est ouvert à Marrakech. Les organisateurs, qui parlent de "
    "« رقمنة » et de souveraineté numérique, veulent faire du pays un hub africain de l'IA et "
    "attirer des investisseurs étrangers dans les centres de données."
)
FRENCH_WITH_ENGLISH_TERMS = (
    "Les start-up marocaines misent sur le machine learning, le deep learning et le cloud "
    "computing pour proposer des solutions aux banques et aux assureurs du Royaume."
)
ENGLISH = (
    "Morocco hosted its first national conference on artificial intelligence this week, "
    "bringing together ministers, researchers and start-up founders in Rabat."
)
ARABIC = "أعلنت الوزارة عن إطلاق استراتيجية وطنية للذكاء الاصطناعي في المغرب بحلول سنة 2030."
SPANISH = (
    "Marruecos presentó su estrategia nacional de inteligencia artificial, que prevé formar a "
    "miles de jóvenes y crear un centro de cálculo en Benguerir."
)
URLS_THEN_FRENCH = (
    "https://www.hespress.com/economy/artificial-intelligence-news-2025.html www.le360.ma " + FRENCH
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FRENCH, "fr"),
        (FRENCH_WITH_ARABIC, "fr"),
        (FRENCH_WITH_ENGLISH_TERMS, "fr"),
        (ENGLISH, "en"),
        (ARABIC, "ar"),
        (SPANISH, "es"),
        (URLS_THEN_FRENCH, "fr"),
        (FRENCH * 40, "fr"),
        ("", None),
        ("   \n\t ", None),
        ("IA au Maroc", None),
        ("2025 - 07 - 02 | 12:30 | 1.234 ", None),
        ("https://www.example.com/a-very-long-url-with-many-english-words-in-it", None),
    ],
    ids=[
        "french",
        "french_with_arabic_words",
        "french_with_english_terms",
        "english",
        "arabic",
        "spanish",
        "urls_ignored",
        "long_text_sampled",
        "empty",
        "whitespace",
        "too_short",
        "numbers_only",
        "url_only",
    ],
)
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    ("text", "languages", "expected"),
    [
        (SPANISH, ("fr", "en"), {"fr", "en"}),
        (ARABIC, ("fr", "en"), {"fr", "en", None}),
        (FRENCH, ("fr",), {"fr"}),
        (ENGLISH, ["EN", "fr", "en"], {"en"}),
    ],
    ids=[
        "spanish_outside_the_set",
        "arabic_outside_the_set",
        "single_language",
        "codes_normalised",
    ],
)
def test_detect_language_is_restricted(
    text: str, languages: tuple[str, ...], expected: set[str | None]
) -> None:
    assert detect_language(text, languages) in expected


@pytest.mark.parametrize(
    "languages",
    [(), ("fr", "xx"), "fr"],
    ids=["empty", "unknown_code", "string_not_sequence"],
)
def test_bad_languages_are_rejected(languages: tuple[str, ...] | str) -> None:
    with pytest.raises(ParameterError, match="languages"):
        detect_language(FRENCH, languages)


def test_batch_matches_single_detection() -> None:
    texts = [FRENCH, "", ENGLISH, FRENCH_WITH_ARABIC, "IA", ARABIC, SPANISH]
    assert detect_languages(texts) == [detect_language(text) for text in texts]
    assert detect_languages(texts) == ["fr", None, "en", "fr", None, "ar", "es"]
    assert detect_languages([]) == []
