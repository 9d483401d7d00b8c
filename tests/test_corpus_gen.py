"""Generated corpora: deterministic, mixed as asked, and shaped like the real page dumps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import corpus_gen
from helpers.errors import ParameterError
from helpers.ingest import clean
from helpers.text.dates import find_dates

N = 120


@pytest.fixture(scope="module")
def articles() -> list[corpus_gen.GeneratedArticle]:
    """A 120-article corpus generated in memory."""
    return corpus_gen.generate_texts(N, seed=7)


def test_same_seed_writes_identical_files(tmp_path: Path) -> None:
    first = corpus_gen.generate_corpus(30, tmp_path / "a", seed=3)
    second = corpus_gen.generate_corpus(30, tmp_path / "b", seed=3)
    other = corpus_gen.generate_corpus(30, tmp_path / "c", seed=4)
    assert [p.name for p in first] == [f"gen_{i:05d}.txt" for i in range(1, 31)]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]


@pytest.mark.parametrize(
    ("kind", "share"),
    [("duplicate", 0.05), ("offtopic", 0.15), ("en", 0.10)],
    ids=["duplicates_5pc", "offtopic_15pc", "english_10pc"],
)
def test_kinds_come_in_the_shares_asked(
    articles: list[corpus_gen.GeneratedArticle], kind: str, share: float
) -> None:
    assert sum(a.kind == kind for a in articles) == round(N * share)


def test_duplicates_republish_an_earlier_article_with_one_sentence_changed(
    articles: list[corpus_gen.GeneratedArticle],
) -> None:
    by_name = {a.name: a for a in articles}
    duplicates = [a for a in articles if a.kind == "duplicate"]
    assert duplicates
    for dup in duplicates:
        original = by_name[str(dup.duplicate_of)]
        assert original.name < dup.name and original.duplicate_of is None
        changed = [p for p, q in zip(dup.paragraphs, original.paragraphs, strict=True) if p != q]
        assert len(changed) <= 1
        assert dup.text != original.text


def test_languages_and_relevance_follow_the_kind(
    articles: list[corpus_gen.GeneratedArticle],
) -> None:
    for article in articles:
        body = " ".join(article.paragraphs)
        mentions_ai = bool(re.search(r"\b(?:IA|AI)\b|intelligence|learning", body))
        if article.topic in corpus_gen.OFFTOPIC_FR:
            assert not mentions_ai, article.name
        else:
            assert mentions_ai, article.name
        if article.kind in ("fr", "offtopic"):
            assert article.language == "fr"
        elif article.kind == "en":
            assert article.language == "en" and article.topic in corpus_gen.AI_TOPICS_EN


def test_every_file_has_a_ticker_or_teasers(articles: list[corpus_gen.GeneratedArticle]) -> None:
    for article in articles:
        first_line = article.text.split("\n", 1)[0]
        has_ticker = first_line.count(corpus_gen.TICKER_SEPARATOR) >= 15
        has_teasers = bool(re.search(r"\n[^\n]+\n[^\n]+\.\.\.\n", article.text))
        assert has_ticker or has_teasers, article.name


def test_paragraphs_hold_40_to_120_words(articles: list[corpus_gen.GeneratedArticle]) -> None:
    originals = [a for a in articles if a.duplicate_of is None]  # a republication may differ
    sizes = [len(p.split()) for a in originals for p in a.paragraphs]
    assert min(sizes) >= 40 and max(sizes) <= 120
    assert all(4 <= len(a.paragraphs) <= 12 for a in articles)


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bles 1er et 2 \w+ 20\d\d|\bles \d+ et \d+ \w+ 20\d\d",
        r"\bdu (?:1er|\d+) au \d+ \w+ 20\d\d",
        r"\ble (?:1er|\d+) \w+ 20\d\d à [A-Z]",
        r"\bce (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b",
        r"\ben \w+ 20\d\d\b",
        r"\bd'ici (?:fin )?20\d\d\b",
        r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
        r"|December) \d+(?:-\d+)?, 20\d\d",
        r"Publié dans .+ le \d\d - \d\d - 20\d\d|Le \d\d/\d\d/20\d\d|Rédigé par .+ le [A-Z]",
    ],
    ids=["day_list", "day_range", "day_at_place", "ce_weekday", "en_month_year", "dici_target",
         "english_date", "datelines"],
)  # fmt: skip
def test_dated_phrases_appear(articles: list[corpus_gen.GeneratedArticle], pattern: str) -> None:
    assert any(re.search(pattern, a.text) for a in articles)


def test_vocabulary_is_large_enough_for_topic_models(
    articles: list[corpus_gen.GeneratedArticle],
) -> None:
    assert len(corpus_gen.vocabulary([" ".join(a.paragraphs) for a in articles])) > 1500


def test_cleaning_keeps_the_body_and_finds_its_dates(
    articles: list[corpus_gen.GeneratedArticle],
) -> None:
    repeated = clean.repeated_keys(a.text for a in articles)
    for article in articles[:25]:
        result = clean.clean_text(article.text, repeated=repeated, language=article.language)
        kept = sum(p in result.body for p in article.paragraphs)
        assert kept == len(article.paragraphs), article.name
        assert "..." not in result.body and "Cliquez ici" not in result.body
        mentions = find_dates(result.body)
        if article.topic not in corpus_gen.OFFTOPIC_FR:  # AI templates date most sentences
            assert len(mentions) >= 2, article.name
        elif re.search(r"\b20\d\d\b", result.body):
            assert mentions, article.name
        assert all(m.date[:2] in ("19", "20") for m in mentions)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"n_articles": -1}, "n_articles"),
        ({"n_articles": 10, "duplicate_share": 1.5}, "duplicate_share"),
        ({"n_articles": 10, "offtopic_share": 0.6, "english_share": 0.6}, "shares"),
    ],
    ids=["negative_count", "share_over_one", "shares_sum_over_one"],
)
def test_bad_parameters_are_named(kwargs: dict, name: str) -> None:
    with pytest.raises(ParameterError) as info:
        corpus_gen.generate_texts(**kwargs)
    assert info.value.name == name
